import type { TChecklist } from '../../check/checklist';
import { copyChecklist, emptyChecklist, emptyInformation, SECTOR_ID } from '../../content/checklist-new';
import type { MessageKey } from '../../i18n';
import type { TSessionUser } from '../auth/auth.types';
import { AppError } from '../errors';
import { CHECKLIST_KIND, CHECKLIST_LOCALE, checklistKind, loadPublishedChecklists } from './content.checklist-kind';
import { createContentItem } from './content.create';
import type { TContentCtx } from './content.kind';
import { contentRoles } from './content.service';

/**
 * What an editor types to start a new sector's checklist. `start` is `empty` (a scored checklist),
 * `empty-information` (an information page) or a published sector's id (a copy).
 */
export interface TNewChecklistInput {
  id: string;
  title: { nb: string; en: string };
  start: string;
}

const MAX_NAME = 120;

/**
 * Starts the checklist of a new sector as a draft (an empty skeleton or a copy of a published checklist,
 * after the others in the sector list). The id must be a sector id no checklist, route or recorded result
 * uses; both names are required. Refused with a 400 and a message per field (`id`, `title.nb`, `title.en`,
 * `start`), storing nothing. The draft then goes through review and publish like any change; on publish
 * the sector appears on /check, in the API and in the export (content.checklist-kind.ts). Audited as
 * `content.create`.
 */
export async function createChecklist(
  ctx: TContentCtx,
  actor: TSessionUser,
  input: TNewChecklistInput,
  now = new Date()
) {
  if (!actor.roles.some((r) => contentRoles.includes(r))) throw new AppError('forbidden', 'auth.error.forbidden');
  const id = input.id.trim();
  const title = { nb: input.title.nb.trim(), en: input.title.en.trim() };
  const fields: Record<string, MessageKey> = {};
  if (!SECTOR_ID.test(id)) fields.id = 'contentChecklist.error.newId';
  else if (checklistKind.reservedKeys?.includes(id)) fields.id = 'contentCreate.error.reserved';
  else if (await sectorTaken(ctx, id)) fields.id = 'contentChecklist.error.idTaken';
  for (const l of ['nb', 'en'] as const)
    if (title[l] === '' || title[l].length > MAX_NAME) fields[`title.${l}`] = 'contentChecklist.error.name';
  const published = await loadPublishedChecklists(ctx.db);
  let from: TChecklist | undefined;
  if (input.start !== 'empty' && input.start !== 'empty-information') {
    from = published.find((c) => c.id === input.start);
    if (!from) fields.start = 'contentChecklist.error.start';
  }
  if (Object.keys(fields).length > 0) throw new AppError('validation', 'validation.summary', { fields });
  const order = Math.max(-1, ...published.map((c) => c.order)) + 1;
  const body = from
    ? copyChecklist(from, id, order, title)
    : input.start === 'empty-information'
      ? emptyInformation(id, order, title)
      : emptyChecklist(id, order, title);
  return createContentItem(
    ctx,
    actor,
    CHECKLIST_KIND,
    { key: id, locale: CHECKLIST_LOCALE, keyField: 'id', body },
    now
  );
}

/** A checklist item under this id (any state), or results recorded for it. */
async function sectorTaken(ctx: TContentCtx, id: string): Promise<boolean> {
  const item = await ctx.db
    .selectFrom('content_item')
    .select('id')
    .where('kind', '=', CHECKLIST_KIND)
    .where('key', '=', id)
    .executeTakeFirst();
  return item !== undefined || (await checklistKind.keyInUse!(ctx.db, id));
}

/** The choices of the "start from" field: the published checklists, in the sector list's order. */
export async function checklistStarts(ctx: TContentCtx) {
  return (await loadPublishedChecklists(ctx.db))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((c) => ({ id: c.id, title: c.title, kind: c.kind }));
}
