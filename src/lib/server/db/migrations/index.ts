import type { Migration } from 'kysely/migration';
import * as m202611282200 from './202611282200_foundation';
import * as m202611290000 from './202611290000_check';
import * as m202611290100 from './202611290100_directory';
import * as m202611290200 from './202611290200_statistics';
import * as m202611300500 from './202611300500_buyers';
import * as m202611300200 from './202611300200_youth';
import * as m202611300100 from './202611300100_learn';
import * as m202611300000 from './202611300000_report';
import * as m202611300300 from './202611300300_action_plan';
import * as m202611300400 from './202611300400_help';
import * as m202612010100 from './202612010100_notifications';
import * as m202612010000 from './202612010000_surveys';
import * as m202612010300 from './202612010300_report_more';
import * as m202612020300 from './202612020300_youth_tally_shards';
import * as m202612020200 from './202612020200_content';
import * as m202612020000 from './202612020000_survey_breakdowns';
import * as m202612020100 from './202612020100_campaigns';
import * as m202612020400 from './202612020400_survey_numeric';
import * as m202612030100 from './202612030100_content_quiz';
import * as m202612040100 from './202612040100_survey_counter_version';
import * as m202612040200 from './202612040200_campaign_did_group';
import * as m202612040300 from './202612040300_campaign_materials';
import * as m202612050100 from './202612050100_survey_counter_snapshot';
import * as m202612050300 from './202612050300_youth_session_weeks';
import * as m202612050400 from './202612050400_check_counts';
import * as m202612060100 from './202612060100_joint_counter_index';

/** Every migration, by name. Add new ones here; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '202611282200_foundation': m202611282200,
  '202611290000_check': m202611290000,
  '202611290100_directory': m202611290100,
  '202611290200_statistics': m202611290200,
  '202611300500_buyers': m202611300500,
  '202611300200_youth': m202611300200,
  '202611300100_learn': m202611300100,
  '202611300000_report': m202611300000,
  '202611300300_action_plan': m202611300300,
  '202611300400_help': m202611300400,
  '202612010100_notifications': m202612010100,
  '202612010000_surveys': m202612010000,
  '202612010300_report_more': m202612010300,
  '202612020300_youth_tally_shards': m202612020300,
  '202612020200_content': m202612020200,
  '202612020000_survey_breakdowns': m202612020000,
  '202612020100_campaigns': m202612020100,
  '202612020400_survey_numeric': m202612020400,
  '202612030100_content_quiz': m202612030100,
  '202612040100_survey_counter_version': m202612040100,
  '202612040200_campaign_did_group': m202612040200,
  '202612040300_campaign_materials': m202612040300,
  '202612050100_survey_counter_snapshot': m202612050100,
  '202612050300_youth_session_weeks': m202612050300,
  '202612050400_check_counts': m202612050400,
  '202612060100_joint_counter_index': m202612060100
};
