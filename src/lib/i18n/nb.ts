import { shell } from './nb/shell';
import { auth } from './nb/auth';
import { admin } from './nb/admin';
import { validation } from './nb/validation';
import { check } from './nb/check';
import { directory } from './nb/directory';
import { statistics } from './nb/statistics';
import { buyers } from './nb/buyers';
import { surveys } from './nb/surveys';
import { surveysBreakdown } from './nb/surveys-breakdown';
import { youth } from './nb/youth';
import { learn } from './nb/learn';
import { report } from './nb/report';
import { actionPlan } from './nb/actionPlan';
import { help } from './nb/help';
import { notifications } from './nb/notifications';
import { charts } from './nb/charts';
import { campaigns } from './nb/campaigns';
import { campaignMaterials } from './nb/campaign-materials';
import { cluster } from './nb/cluster';
import { content } from './nb/content';
import { contentQuiz } from './nb/contentQuiz';
import { contentChecklist } from './nb/contentChecklist';
import { contentCreate } from './nb/contentCreate';
import { contentHelp } from './nb/contentHelp';

/**
 * Bokmål, the source dictionary. One file per area in `nb/`; `en.ts` must have exactly the same keys
 * (the compiler checks). Placeholders are `{name}`.
 */
export const nb = {
  ...shell,
  ...auth,
  ...admin,
  ...validation,
  ...check,
  ...directory,
  ...statistics,
  ...buyers,
  ...surveys,
  ...surveysBreakdown,
  ...youth,
  ...learn,
  ...report,
  ...actionPlan,
  ...help,
  ...notifications,
  ...charts,
  ...campaigns,
  ...campaignMaterials,
  ...cluster,
  ...content,
  ...contentQuiz,
  ...contentChecklist,
  ...contentCreate,
  ...contentHelp
};

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;
