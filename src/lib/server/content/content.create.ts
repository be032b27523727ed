import { randomUUID } from 'node:crypto';
import type { MessageKey } from '../../i18n';
import { appendAudit } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import { AppError } from '../errors';
import type { TContentCtx } from './content.kind';
import { contentKind } from './content.registry';
import type { TRemoval } from './content.sanitise';
import { contentRoles, insertItem } from './content.service';

/** What an editor fills in to start a new item: its key (slug or id), its language and a whole valid body. */
export interface TCreateInput<B> {
  key: string;
  locale: string;
  body: B;
  /** The form field the key was typed in (`slug` for a page, `id` for a quiz set): its errors go there. */
  keyField?: string;
}

/**
 * Starts a new item of any kind as a draft (version 1, author the actor) that then goes through the same
 * review → publish workflow as every change; nothing is public until it is published. The key must be
 * valid for the kind, not reserved for one of its routes, not used in that language yet (the other
 * language of a learning page is its own item under the same slug) and not used outside the studio; the
 * body is checked by the kind's schema and checks like any draft. A refused create stores nothing.
 * Audited as `content.create`.
 */
export async function createContentItem<B>(
  ctx: TContentCtx,
  actor: TSessionUser,
  kindId: string,
  input: TCreateInput<B>,
  now = new Date()
): Promise<{ key: string; locale: string; number: number; revision: number; removed: TRemoval[] }> {
  if (!actor.roles.some((r) => contentRoles.includes(r))) throw new AppError('forbidden', 'auth.error.forbidden');
  const kind = contentKind<B>(kindId);
  const keyField = input.keyField ?? 'key';
  const fields: Record<string, MessageKey> = {};
  const { key, locale } = input;
  if (!kind.locales.includes(locale)) fields.locale = 'contentCreate.error.locale';
  if (!kind.keyPattern.test(key)) fields[keyField] = 'contentCreate.error.key';
  else if (kind.reservedKeys?.includes(key)) fields[keyField] = 'contentCreate.error.reserved';
  const parsed = kind.schema.safeParse(input.body);
  if (!parsed.success)
    throw new AppError('validation', 'validation.summary', { fields: { ...fields, body: 'validation.invalid' } });
  if (Object.keys(fields).length > 0) throw new AppError('validation', 'validation.summary', { fields });
  const taken = async () =>
    (await ctx.db
      .selectFrom('content_item')
      .select('id')
      .where('kind', '=', kind.id)
      .where('key', '=', key)
      .where('locale', '=', locale)
      .executeTakeFirst()) !== undefined ||
    ((await kind.keyInUse?.(ctx.db, key)) ?? false);
  const takenError = () =>
    new AppError('conflict', 'contentCreate.error.takenSummary', {
      fields: { [keyField]: 'contentCreate.error.taken' }
    });
  if (await taken()) throw takenError();
  const checked = await kind.check(ctx.db, key, locale, parsed.data);
  if (Object.keys(checked.fields).length > 0)
    throw new AppError('validation', 'validation.summary', { fields: checked.fields });

  const at = now.toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const itemId = await insertItem(trx, kind, key, locale, checked.body, now);
      await trx
        .insertInto('content_version')
        .values({
          id: randomUUID(),
          item_id: itemId,
          number: 1,
          base_number: null,
          state: 'draft',
          open_key: itemId,
          revision: 1,
          body: kind.toJson(checked.body),
          author_id: actor.id,
          edited_by: JSON.stringify([actor.id]),
          reviewer_id: null,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          published_at: null,
          archived_at: null
        })
        .execute();
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'content.create',
        targetType: 'content_item',
        targetId: itemId,
        details: { kind: kind.id, key, locale, version: 1 }
      });
    });
  } catch (e) {
    // Two editors creating the same key at once: the unique (kind, key, locale) lets one in.
    if (!(e instanceof AppError) && (await taken())) throw takenError();
    throw e;
  }
  return { key, locale, number: 1, revision: 1, removed: checked.removed };
}
