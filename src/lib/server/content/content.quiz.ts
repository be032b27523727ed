import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MessageKey } from '../../i18n';
import type { DB, Executor } from '../db/schema';
import { ZQuizSet, parseQuizSet, type TQuizSet } from '../../youth/quiz';
import { findSet } from '../youth/youth.repository';
import { applyPublishedQuiz, storedQuizRows } from '../youth/youth.service';
import type { TContentKind } from './content.kind';
import { CONTENT_TOPIC } from './content.published';

/**
 * Quiz sets as a kind of content. One item per set (key = the set's id, locale `mul`: bokmål and
 * English live in the same body, edited side by side). The body is the set exactly as
 * `data/quizzes/<id>.json` holds it, validated by the same schema (ZQuizSet). Publishing writes the
 * body into the set's public row in the same transaction (youth.service applyPublishedQuiz), so the
 * youth pages, the API and new classes show it at once on every instance; a class already running keeps
 * the copy it was given.
 */
export const QUIZ_KIND = 'quiz_set';
export const QUIZ_LOCALE = 'mul';
const keyPattern = /^[a-z0-9][a-z0-9-]{0,40}$/;

/** The body with its keys in the schema's order: equal content, equal JSON. */
export function quizBodyJson(set: TQuizSet): string {
  return JSON.stringify(ZQuizSet.parse(set));
}

export function parseQuizBody(json: string): TQuizSet {
  return ZQuizSet.parse(JSON.parse(json));
}

/** The file `quizzes/<id>.json` of an export (the layout of the repository's data/quizzes). */
export function quizFileText(set: TQuizSet): string {
  return `${JSON.stringify(ZQuizSet.parse(set), null, 2)}\n`;
}

/** Every `<dir>/quizzes/<id>.json`; throws naming the file on a broken one or a name that is not its id. */
export function readQuizSetFiles(dir: string): { key: string; locale: string; body: TQuizSet }[] {
  const folder = resolve(dir, 'quizzes');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = `quizzes/${file}`;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(resolve(folder, file), 'utf8'));
      } catch (e) {
        throw new Error(`${name}: not valid JSON (${(e as Error).message})`, { cause: e });
      }
      const set = parseQuizSet(name, raw);
      if (`${set.id}.json` !== file) throw new Error(`${name}: the file name must be the set's id ("${set.id}.json")`);
      return { key: set.id, locale: QUIZ_LOCALE, body: set };
    });
}

function addMonths(from: string, months: number): string {
  const d = new Date(`${from.slice(0, 10)}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The quiz sets' questions never name raw HTML; what the schema cannot check is the set's id. */
async function checkQuizBody(_db: Executor, key: string, body: TQuizSet) {
  const fields: Record<string, MessageKey> = {};
  if (body.id !== key) fields.id = 'contentQuiz.error.key';
  return { body, removed: [], fields };
}

/**
 * Makes every set's public row follow its published version (or go off the site when none is):
 * after an archive of the published version or an import, which do not pass through `publishBody`.
 */
export async function syncPublishedQuizzes(db: Executor, now = new Date()): Promise<void> {
  const rows = await db
    .selectFrom('content_item as i')
    .leftJoin('content_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').on('v.state', '=', 'published'))
    .select(['i.key', 'v.body'])
    .where('i.kind', '=', QUIZ_KIND)
    .execute();
  const at = now.toISOString();
  for (const r of rows) await applyPublishedQuiz(db, r.key, r.body ? parseQuizBody(r.body) : null, at);
}

export const quizKind: TContentKind<TQuizSet> = {
  id: QUIZ_KIND,
  schema: ZQuizSet,
  locales: [QUIZ_LOCALE],
  keyPattern,
  // `/admin/content/quiz/new` creates a set; a set row outside the studio keeps its id (answers count under it).
  reservedKeys: ['new'],
  keyInUse: async (db, key) => (await findSet(db, key)) !== undefined,
  toJson: quizBodyJson,
  fromJson: parseQuizBody,
  seedDir: () => resolve(process.env.FOREBYGG_DATA_DIR ?? 'data'),
  readFiles: readQuizSetFiles,
  filePath: (key) => `quizzes/${key}.json`,
  fileText: quizFileText,
  title: (set, locale) => set.title[locale],
  sources: (set) => set.sources.map((s) => ({ title: s.title })),
  reviewBy: (_set, now) => addMonths(now.toISOString(), 12),
  check: (db, key, _locale, body) => checkQuizBody(db, key, body),
  publishBody: async (trx, key, body, at) => {
    // In the publish's transaction: the public row changes with the version's state, or neither does.
    await applyPublishedQuiz(trx, key, body, at);
    return body;
  },
  afterPublish: async (ctx) => {
    await syncPublishedQuizzes(ctx.db);
    ctx.bus.publish(CONTENT_TOPIC, QUIZ_KIND);
  }
};

/**
 * Puts today's quiz sets into the studio: each set row (seeded from data/quizzes, or changed by an
 * editor before the studio knew quiz sets) that has no item yet becomes an item with that definition
 * as published version 1 (or as a draft when the set is not published). Idempotent; runs at start
 * before the studio seeds from files, so a set's history starts from what pupils see today.
 */
export async function seedQuizContent(db: DB, now = new Date()): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('content_item').select('key').where('kind', '=', QUIZ_KIND).execute()).map((r) => r.key)
  );
  const missing = (await storedQuizRows(db)).filter((r) => !existing.has(r.set.id));
  if (missing.length === 0) return 0;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const { set, published } of missing) {
      const itemId = randomUUID();
      await trx
        .insertInto('content_item')
        .values({
          id: itemId,
          kind: QUIZ_KIND,
          key: set.id,
          locale: QUIZ_LOCALE,
          review_by: addMonths(at, 12),
          created_at: at,
          updated_at: at
        })
        .execute();
      await trx
        .insertInto('content_version')
        .values({
          id: randomUUID(),
          item_id: itemId,
          number: 1,
          base_number: null,
          state: published ? 'published' : 'draft',
          open_key: published ? null : itemId,
          revision: 1,
          body: quizBodyJson(set),
          author_id: null,
          edited_by: '[]',
          reviewer_id: null,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          published_at: published ? at : null,
          archived_at: null
        })
        .execute();
    }
  });
  return missing.length;
}
