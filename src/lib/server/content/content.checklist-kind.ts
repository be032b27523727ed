import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ZChecklist, type TChecklist } from '../../check/checklist';
import { validateChecklist } from '../../content/checklist-form';
import { startingTextsLeft } from '../../content/checklist-new';
import { findChecklistVersion, insertChecklistVersion } from '../check/check.repository';
import { checklistHash, readChecklists, setCurrentChecklists } from '../check/checklists';
import type { DB, Executor } from '../db/schema';
import type { TEventBus } from '../youth/event-bus';
import type { TContentKind } from './content.kind';
import { CONTENT_TOPIC } from './content.published';

export const CHECKLIST_KIND = 'checklist';
/** A checklist is one item holding both languages. */
export const CHECKLIST_LOCALE = 'mul';

/** The checklist with its keys in the schema's order: equal content, equal JSON. */
export function checklistJson(c: TChecklist): string {
  return JSON.stringify(ZChecklist.parse(c));
}

function addMonths(d: Date, months: number): string {
  const x = new Date(d.getTime());
  x.setUTCMonth(x.getUTCMonth() + months);
  return x.toISOString().slice(0, 10);
}

/** The published checklists, straight from the database. */
export async function loadPublishedChecklists(db: Executor): Promise<TChecklist[]> {
  const rows = await db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select(['v.body'])
    .where('i.kind', '=', CHECKLIST_KIND)
    .where('v.state', '=', 'published')
    .execute();
  return rows.map((r) => ZChecklist.parse(JSON.parse(r.body)));
}

/** Makes the published checklists the current ones of this process (public pages, API, scoring). */
export async function refreshChecklists(db: Executor): Promise<void> {
  const list = await loadPublishedChecklists(db);
  if (list.length > 0) setCurrentChecklists(list);
}

const watching = new WeakSet<object>();

/**
 * Loads the published checklists and keeps them current: a publish on any instance is announced on
 * the bus (PostgreSQL LISTEN/NOTIFY; the bus also tells subscribers after a reconnect), and every
 * instance reloads them from the database.
 */
export async function usePublishedChecklists(ctx: { db: DB; bus: TEventBus }): Promise<void> {
  await refreshChecklists(ctx.db);
  if (watching.has(ctx.db)) return;
  watching.add(ctx.db);
  ctx.bus.subscribe(CONTENT_TOPIC, (message) => {
    if (message && message !== CHECKLIST_KIND) return;
    refreshChecklists(ctx.db).catch(() => {
      // The database is the truth: the next announcement (or restart) loads them again.
    });
  });
}

/**
 * The next version number of a sector's checklist: above the one published and above every version
 * already recorded for results (check_checklist), so a result's version always names one definition.
 */
export async function nextChecklistVersion(trx: Executor, sector: string): Promise<number> {
  const recorded = await trx
    .selectFrom('check_checklist')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('sector', '=', sector)
    .executeTakeFirst();
  const published = await trx
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select('v.body')
    .where('i.kind', '=', CHECKLIST_KIND)
    .where('i.key', '=', sector)
    .where('v.state', '=', 'published')
    .executeTakeFirst();
  const current = published ? (JSON.parse(published.body) as { version: number }).version : 0;
  return Math.max(Number(recorded?.v ?? 0), current) + 1;
}

/** Sector checklists (`data/checklists/<sector>.json`), one bilingual item each. */
export const checklistKind: TContentKind<TChecklist> = {
  id: CHECKLIST_KIND,
  schema: ZChecklist,
  locales: [CHECKLIST_LOCALE],
  keyPattern: /^[a-z][a-z0-9-]{1,40}$/,
  // The studio's `new` form, the public /check/ask-a-company page, `other` (the letter counts' no-sector)
  // and the new form's "start from" choices that are not a copy.
  reservedKeys: ['new', 'ask-a-company', 'other', 'empty', 'empty-information'],
  // A sector with recorded checklist versions (results are counted under its id) stays that sector's.
  keyInUse: async (db, key) =>
    (await db.selectFrom('check_checklist').select('sector').where('sector', '=', key).executeTakeFirst()) !==
    undefined,
  toJson: checklistJson,
  fromJson: (json) => ZChecklist.parse(JSON.parse(json)),
  seedDir: () => resolve(process.env.FOREBYGG_DATA_DIR ?? 'data'),
  readFiles: (dir) => {
    const folder = resolve(dir, 'checklists');
    if (!existsSync(folder)) return [];
    return readChecklists(folder).map((c) => ({ key: c.id, locale: CHECKLIST_LOCALE, body: c }));
  },
  filePath: (key) => `checklists/${key}.json`,
  fileText: (body) => `${JSON.stringify(ZChecklist.parse(body), null, 2)}\n`,
  title: (body, locale) => body.title[locale],
  sources: (body) => body.sources.map((s) => ({ title: s.title, ...(s.date ? { date: s.date } : {}) })),
  reviewBy: (_body, now) => addMonths(now, 12),
  readyForReview: (body) => {
    const fields = startingTextsLeft(body);
    return Object.keys(fields).length > 0 ? { message: 'contentChecklist.error.startTexts', fields } : null;
  },
  check: async (_db, key, _locale, body) => {
    const v = validateChecklist({ ...body, id: key });
    return v.ok ? { body: v.checklist, removed: [], fields: {} } : { body, removed: [], fields: v.fields };
  },
  publishBody: async (trx, key, body, at) => {
    const published = { ...body, id: key, version: await nextChecklistVersion(trx, key) };
    // Recorded with the publish, so results scored with it keep a definition to load (checklistVersion).
    if (!(await findChecklistVersion(trx, key, published.version)))
      await insertChecklistVersion(trx, {
        sector: key,
        version: published.version,
        content_hash: checklistHash(published),
        definition: JSON.stringify(published),
        first_loaded_at: at
      });
    return published;
  },
  afterPublish: async (ctx) => {
    await refreshChecklists(ctx.db);
    ctx.bus.publish(CONTENT_TOPIC, CHECKLIST_KIND);
  }
};
