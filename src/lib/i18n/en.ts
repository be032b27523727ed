import type { Messages } from './nb';
import { shell } from './en/shell';
import { auth } from './en/auth';
import { admin } from './en/admin';
import { validation } from './en/validation';
import { check } from './en/check';
import { directory } from './en/directory';
import { statistics } from './en/statistics';
import { buyers } from './en/buyers';
import { surveys } from './en/surveys';
import { surveysBreakdown } from './en/surveys-breakdown';
import { youth } from './en/youth';
import { learn } from './en/learn';
import { report } from './en/report';
import { actionPlan } from './en/actionPlan';
import { help } from './en/help';
import { notifications } from './en/notifications';
import { charts } from './en/charts';
import { campaigns } from './en/campaigns';
import { campaignMaterials } from './en/campaign-materials';
import { cluster } from './en/cluster';
import { content } from './en/content';
import { contentQuiz } from './en/contentQuiz';
import { contentChecklist } from './en/contentChecklist';
import { contentCreate } from './en/contentCreate';
import { contentHelp } from './en/contentHelp';

/** English: every key of `nb.ts`, checked by the compiler. */
export const en: Messages = {
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
