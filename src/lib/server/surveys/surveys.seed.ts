import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import { isUniqueViolation } from '../db/connect';
import type { DB } from '../db/schema';
import { ZSurveyDefinition } from '../../surveys/definition';
import * as repo from './surveys.repository';
import { TEMPLATE_SLUG, templateDefinition } from './surveys.template';

/** Seeds the template survey as a draft when no survey has its address. Idempotent; never changes an existing one. */
export async function seedSurveys(db: DB, now = new Date()): Promise<void> {
  if (await repo.findSurvey(db, TEMPLATE_SLUG)) return;
  const definition = ZSurveyDefinition.parse(templateDefinition);
  const at = now.toISOString();
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      if (await repo.findSurvey(trx, TEMPLATE_SLUG)) return;
      await repo.insertSurvey(trx, { id, slug: TEMPLATE_SLUG, now: at });
      await repo.insertVersion(trx, {
        id: randomUUID(),
        survey_id: id,
        version: 1,
        definition: JSON.stringify(definition),
        now: at
      });
      await appendAudit(trx, {
        actorId: null,
        action: 'surveys.template.seeded',
        targetType: 'survey',
        targetId: id,
        details: { slug: TEMPLATE_SLUG }
      });
    });
  } catch (e) {
    // Another instance seeded it at the same moment.
    if (!isUniqueViolation(e)) throw e;
  }
}
