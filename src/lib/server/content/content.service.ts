import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale, MessageKey } from '../../i18n';
import { appendAudit } from '../audit/audit.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { contentDir } from '../learn/learn.content';
import { syncLearnIndex } from '../learn/learn.service';
import type { TEventBus } from '../youth/event-bus';
import { lineDiff, type TDiffPart } from './content.diff';
import {
  LEARN_KIND,
  learnBodyFromFile,
  learnBodyJson,
  learnFileText,
  parseLearnBody,
  renderLearnBody,
  type TLearnBody
} from './content.learn';
import { announcePublish, loadPublishedLearnContent } from './content.published';
import { sanitiseMarkdown, type TRemoval } from './content.sanitise';
import { transition, type TContentAction, type TContentState } from './content.workflow';

/** Who may edit, submit and review content. Analysts and case handlers may not. */
export const contentRoles: readonly TRole[] = ['editor', 'admin'];
export const contentLocales = ['nb', 'en'] as const;

type TCtx = { db: DB; bus: TEventBus };

export interface TContentSettings {
  twoPersonReview: boolean;
  /** Sources older than this many years are flagged. */
  sourceAgeYears: number;
}

const defaults: TContentSettings = { twoPersonReview: true, sourceAgeYears: 5 };

function assertEditor(actor: TSessionUser): void {
  if (!actor.roles.some((r) => contentRoles.includes(r))) throw new AppError('forbidden', 'auth.error.forbidden');
}

/** A date `months` months after `from` (YYYY-MM-DD). */
export function addMonths(from: string, months: number): string {
  const d = new Date(`${from.slice(0, 10)}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The year a source was published: its date, else the latest year named in its title or note. */
export function sourceYear(s: { title: string; date?: string; note?: string }): number | null {
  if (s.date) return Number(s.date.slice(0, 4));
  const years = [...`${s.title} ${s.note ?? ''}`.matchAll(/\b(19\d{2}|20\d{2})\b/g)].map((m) => Number(m[1]));
  return years.length ? Math.max(...years) : null;
}

/** Sources whose year lies more than `years` years before `now`. */
export function oldSources(body: TLearnBody, years: number, now = new Date()) {
  const limit = now.getUTCFullYear() - years;
  return body.sources
    .map((s, i) => ({ number: i + 1, title: s.title, year: sourceYear(s) }))
    .filter((s) => s.year !== null && s.year < limit);
}

// ---- settings ----

export async function getContentSettings(db: Executor): Promise<TContentSettings> {
  const rows = await db.selectFrom('content_setting').select(['key', 'value']).execute();
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  return {
    twoPersonReview: (get('two_person_review') ?? (defaults.twoPersonReview ? 'on' : 'off')) === 'on',
    sourceAgeYears: Number(get('source_age_years') ?? defaults.sourceAgeYears)
  };
}

export async function setContentSettings(db: DB, actor: TSessionUser, next: TContentSettings, now = new Date()) {
  if (!actor.roles.includes('admin')) throw new AppError('forbidden', 'auth.error.forbidden');
  await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    for (const [key, value] of [
      ['two_person_review', next.twoPersonReview ? 'on' : 'off'],
      ['source_age_years', String(next.sourceAgeYears)]
    ]) {
      await trx
        .insertInto('content_setting')
        .values({ key, value, updated_by: actor.id, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor.id, updated_at: at }))
        .execute();
    }
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'content.settings',
      targetType: 'content_setting',
      details: { ...next }
    });
  });
}

// ---- seed ----

/**
 * Loads the repository's learning pages into the database: each (slug, language) not there yet becomes
 * an item with its file as published version 1. Idempotent; runs under the start-up lock.
 */
export async function seedContent(db: DB, dir = contentDir(), now = new Date()): Promise<number> {
  const files = readLearnFiles(dir);
  const existing = new Set(
    (await db.selectFrom('content_item').select(['key', 'locale']).where('kind', '=', LEARN_KIND).execute()).map(
      (r) => `${r.key}|${r.locale}`
    )
  );
  const missing = files.filter((f) => !existing.has(`${f.slug}|${f.locale}`));
  if (missing.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const f of missing) await insertPublishedItem(trx, f.slug, f.locale, f.body, null, now);
  });
  return missing.length;
}

async function insertPublishedItem(
  trx: Executor,
  slug: string,
  locale: Locale,
  body: TLearnBody,
  actorId: string | null,
  now: Date
) {
  const at = now.toISOString();
  const itemId = randomUUID();
  await trx
    .insertInto('content_item')
    .values({
      id: itemId,
      kind: LEARN_KIND,
      key: slug,
      locale,
      review_by: addMonths(body.updated, 12),
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
      state: 'published',
      open_key: null,
      revision: 1,
      body: learnBodyJson(body),
      author_id: actorId,
      edited_by: JSON.stringify(actorId ? [actorId] : []),
      reviewer_id: actorId,
      created_at: at,
      updated_at: at,
      submitted_at: null,
      published_at: at,
      archived_at: null
    })
    .execute();
  return itemId;
}

/** Every `<dir>/<locale>/<slug>.md` as a body (throws naming the file on a broken one). */
export function readLearnFiles(dir: string): { slug: string; locale: Locale; body: TLearnBody }[] {
  const out: { slug: string; locale: Locale; body: TLearnBody }[] = [];
  for (const locale of contentLocales) {
    const folder = resolve(dir, locale);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const slug = file.slice(0, -3);
      if (!/^[a-z][a-z0-9-]{1,60}$/.test(slug))
        throw new Error(`${locale}/${file}: the file name must be a lower-case slug`);
      out.push({
        slug,
        locale,
        body: learnBodyFromFile(`${locale}/${file}`, readFileSync(resolve(folder, file), 'utf8'))
      });
    }
  }
  return out;
}

// ---- reading ----

type TVersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

async function findItem(db: Executor, slug: string, locale: string) {
  const item = await db
    .selectFrom('content_item')
    .selectAll()
    .where('kind', '=', LEARN_KIND)
    .where('key', '=', slug)
    .where('locale', '=', locale)
    .executeTakeFirst();
  if (!item) throw new AppError('not_found', 'content.error.notFound');
  return item;
}

async function versionsOf(db: Executor, itemId: string) {
  return db
    .selectFrom('content_version as v')
    .leftJoin('app_user as a', 'a.id', 'v.author_id')
    .leftJoin('app_user as r', 'r.id', 'v.reviewer_id')
    .select([
      'v.id',
      'v.number',
      'v.base_number',
      'v.state',
      'v.revision',
      'v.body',
      'v.author_id',
      'v.edited_by',
      'v.created_at',
      'v.updated_at',
      'v.submitted_at',
      'v.published_at',
      'v.archived_at',
      'a.display_name as author_name',
      'r.display_name as reviewer_name'
    ])
    .where('v.item_id', '=', itemId)
    .orderBy('v.number', 'desc')
    .execute();
}

const isOpen = (v: { state: string }) => v.state === 'draft' || v.state === 'in_review';

export interface TLanguageStatus {
  locale: Locale;
  exists: boolean;
  published: number | null;
  open: { number: number; state: TContentState } | null;
  reviewBy: string | null;
  due: 'overdue' | 'due' | null;
  oldSources: { number: number; title: string; year: number | null }[];
  title: string | null;
}

function dueState(reviewBy: string, now: Date): 'overdue' | 'due' | null {
  const today = now.toISOString().slice(0, 10);
  if (reviewBy < today) return 'overdue';
  if (reviewBy <= addMonths(today, 1)) return 'due';
  return null;
}

async function languageStatus(
  db: Executor,
  slug: string,
  locale: Locale,
  settings: TContentSettings,
  now: Date
): Promise<TLanguageStatus> {
  const item = await db
    .selectFrom('content_item')
    .selectAll()
    .where('kind', '=', LEARN_KIND)
    .where('key', '=', slug)
    .where('locale', '=', locale)
    .executeTakeFirst();
  const none = {
    locale,
    exists: false,
    published: null,
    open: null,
    reviewBy: null,
    due: null,
    oldSources: [],
    title: null
  };
  if (!item) return none;
  const versions = await versionsOf(db, item.id);
  const published = versions.find((v) => v.state === 'published');
  const open = versions.find(isOpen);
  const body = published ? parseLearnBody(published.body) : open ? parseLearnBody(open.body) : null;
  return {
    locale,
    exists: true,
    published: published?.number ?? null,
    open: open ? { number: open.number, state: open.state as TContentState } : null,
    reviewBy: item.review_by,
    due: dueState(item.review_by, now),
    oldSources: body ? oldSources(body, settings.sourceAgeYears, now) : [],
    title: body?.title ?? null
  };
}

/** The studio's list: every learning page with both languages' status side by side. */
export async function listContent(db: DB, actor: TSessionUser, now = new Date()) {
  assertEditor(actor);
  const settings = await getContentSettings(db);
  const keys = [
    ...new Set(
      (await db.selectFrom('content_item').select('key').where('kind', '=', LEARN_KIND).execute()).map((r) => r.key)
    )
  ].sort();
  const items = [];
  for (const key of keys) {
    const [nb, en] = await Promise.all(contentLocales.map((l) => languageStatus(db, key, l, settings, now)));
    items.push({ kind: LEARN_KIND, key, title: nb.title ?? en.title ?? key, nb, en });
  }
  return { settings, items };
}

export interface TEditorView {
  slug: string;
  locale: Locale;
  /** The version the form edits: the open one, else the published one as the base of a new draft. */
  body: TLearnBody;
  open: {
    id: string;
    number: number;
    state: TContentState;
    revision: number;
    authorName: string | null;
    editedBy: string[];
  } | null;
  published: { number: number; publishedAt: string | null } | null;
  base: number;
  reviewBy: string;
  other: TLanguageStatus;
  settings: TContentSettings;
  oldSources: { number: number; title: string; year: number | null }[];
  /** Whether this actor may publish the open version now. */
  canPublish: boolean;
}

export async function getLearnEditor(db: DB, actor: TSessionUser, slug: string, locale: Locale, now = new Date()) {
  assertEditor(actor);
  const item = await findItem(db, slug, locale);
  const settings = await getContentSettings(db);
  const versions = await versionsOf(db, item.id);
  const open = versions.find(isOpen);
  const published = versions.find((v) => v.state === 'published');
  const latest = open ?? published ?? versions[0];
  const body = parseLearnBody(latest.body);
  const editedBy = open ? (JSON.parse(open.edited_by) as string[]) : [];
  const other = await languageStatus(db, slug, locale === 'nb' ? 'en' : 'nb', settings, now);
  const view: TEditorView = {
    slug,
    locale,
    body,
    open: open
      ? {
          id: open.id,
          number: open.number,
          state: open.state as TContentState,
          revision: open.revision,
          authorName: open.author_name,
          editedBy
        }
      : null,
    published: published ? { number: published.number, publishedAt: published.published_at } : null,
    base: published?.number ?? 0,
    reviewBy: item.review_by,
    other,
    settings,
    oldSources: oldSources(body, settings.sourceAgeYears, now),
    canPublish:
      !!open &&
      transition(open.state as TContentState, 'publish', {
        actorId: actor.id,
        canEdit: true,
        editedBy,
        twoPersonReview: settings.twoPersonReview
      }).ok
  };
  return view;
}

// ---- validation and preview ----

/**
 * Checks what the form schema cannot: raw HTML (removed and reported), references to sources, links
 * to checklists, related pages that exist. Returns the cleaned body and the rendered page.
 */
export async function checkLearnBody(db: Executor, slug: string, locale: Locale, body: TLearnBody) {
  const { markdown, removed } = sanitiseMarkdown(body.markdown);
  const clean = { ...body, markdown };
  const fields: Record<string, MessageKey> = {};
  const known = new Set(
    (await db.selectFrom('content_item').select('key').where('kind', '=', LEARN_KIND).execute()).map((r) => r.key)
  );
  if (clean.related.some((r) => !known.has(r) || r === slug)) fields.related = 'content.error.related';
  let rendered: ReturnType<typeof renderLearnBody> | null = null;
  try {
    rendered = renderLearnBody(slug, locale, clean);
  } catch {
    fields.markdown = 'content.error.render';
  }
  return { body: clean, removed, rendered, fields };
}

/** Renders a draft exactly as the public page would, without storing anything. */
export async function previewLearnPage(db: DB, actor: TSessionUser, slug: string, locale: Locale, body: TLearnBody) {
  assertEditor(actor);
  await findItem(db, slug, locale);
  const checked = await checkLearnBody(db, slug, locale, body);
  if (Object.keys(checked.fields).length > 0)
    throw new AppError('validation', 'validation.summary', { fields: checked.fields });
  return { removed: checked.removed, page: checked.rendered!, content: await loadPublishedLearnContent(db) };
}

// ---- saving ----

/** A save that lost a race: the stored version is shown beside the editor's, nothing is overwritten. */
export class ContentConflict extends AppError {
  readonly theirs: { number: number; revision: number; state: string; body: TLearnBody; by: string | null; at: string };
  constructor(theirs: ContentConflict['theirs']) {
    super('conflict', 'content.error.conflict');
    this.theirs = theirs;
  }
}

async function conflictFrom(db: Executor, itemId: string): Promise<ContentConflict> {
  const versions = await versionsOf(db, itemId);
  const open = versions.find(isOpen);
  if (!open) {
    const published = versions.find((v) => v.state === 'published') ?? versions[0];
    return new ContentConflict({
      number: published.number,
      revision: 0,
      state: published.state,
      body: parseLearnBody(published.body),
      by: published.reviewer_name ?? published.author_name,
      at: published.published_at ?? published.updated_at
    });
  }
  const byId = (JSON.parse(open.edited_by) as string[]).at(-1);
  const by = byId
    ? ((await db.selectFrom('app_user').select('display_name').where('id', '=', byId).executeTakeFirst())
        ?.display_name ?? null)
    : null;
  return new ContentConflict({
    number: open.number,
    revision: open.revision,
    state: open.state,
    body: parseLearnBody(open.body),
    by,
    at: open.updated_at
  });
}

export interface TSaveInput {
  slug: string;
  locale: Locale;
  /** The open version's revision the editor loaded, 0 when they started from the published version. */
  revision: number;
  /** The published number the editor's form started from. */
  base: number;
  body: TLearnBody;
}

/**
 * Saves a draft. With `revision` 0 it starts a new draft from the published version; otherwise it
 * updates the open draft only if nobody saved it since (the version check) — a lost race throws
 * ContentConflict with the stored version. Returns what the sanitiser removed.
 */
export async function saveLearnDraft(
  ctx: TCtx,
  actor: TSessionUser,
  input: TSaveInput,
  now = new Date()
): Promise<{ number: number; revision: number; removed: TRemoval[] }> {
  assertEditor(actor);
  const item = await findItem(ctx.db, input.slug, input.locale);
  const checked = await checkLearnBody(ctx.db, input.slug, input.locale, input.body);
  if (Object.keys(checked.fields).length > 0)
    throw new AppError('validation', 'validation.summary', { fields: checked.fields });
  const at = now.toISOString();
  const json = learnBodyJson(checked.body);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const versions = await versionsOf(trx, item.id);
      const open = versions.find(isOpen);
      const published = versions.find((v) => v.state === 'published');
      if (input.revision === 0) {
        if (open || (published?.number ?? 0) !== input.base) throw await conflictFrom(trx, item.id);
        const number = (versions[0]?.number ?? 0) + 1;
        await trx
          .insertInto('content_version')
          .values({
            id: randomUUID(),
            item_id: item.id,
            number,
            base_number: published?.number ?? null,
            state: 'draft',
            open_key: item.id,
            revision: 1,
            body: json,
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
        await audit(trx, actor, 'content.draft', item, number);
        return { number, revision: 1, removed: checked.removed };
      }
      if (!open || open.revision !== input.revision) throw await conflictFrom(trx, item.id);
      const ok = transition(open.state as TContentState, 'edit', {
        actorId: actor.id,
        canEdit: true,
        editedBy: [],
        twoPersonReview: false
      });
      if (!ok.ok) throw new AppError('conflict', 'content.error.inReview');
      const editedBy = [...new Set([...(JSON.parse(open.edited_by) as string[]), actor.id])];
      const r = await trx
        .updateTable('content_version')
        .set({ body: json, revision: open.revision + 1, edited_by: JSON.stringify(editedBy), updated_at: at })
        .where('id', '=', open.id)
        .where('revision', '=', input.revision)
        .where('state', '=', 'draft')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw await conflictFrom(trx, item.id);
      await audit(trx, actor, 'content.save', item, open.number);
      return { number: open.number, revision: open.revision + 1, removed: checked.removed };
    });
  } catch (e) {
    // Two first saves at once: the unique open_key lets one in; the other sees what it lost to.
    if (!(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error).message)))
      throw await conflictFrom(ctx.db, item.id);
    throw e;
  }
}

async function audit(
  trx: Executor,
  actor: TSessionUser | null,
  action: string,
  item: { id: string; key: string; locale: string },
  version: number
) {
  await appendAudit(trx, {
    actorId: actor?.id ?? null,
    action,
    targetType: 'content_item',
    targetId: item.id,
    details: { kind: LEARN_KIND, key: item.key, locale: item.locale, version }
  });
}

// ---- workflow ----

/** Moves the version `number` of a page through the workflow (submit, return, publish, archive). */
export async function changeState(
  ctx: TCtx,
  actor: TSessionUser,
  input: { slug: string; locale: Locale; number: number; action: Exclude<TContentAction, 'edit'> },
  now = new Date()
): Promise<{ state: TContentState }> {
  assertEditor(actor);
  const item = await findItem(ctx.db, input.slug, input.locale);
  const settings = await getContentSettings(ctx.db);
  const at = now.toISOString();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const versions = await versionsOf(trx, item.id);
    const v = versions.find((x) => x.number === input.number);
    if (!v) throw new AppError('not_found', 'content.error.notFound');
    const t = transition(v.state as TContentState, input.action, {
      actorId: actor.id,
      canEdit: true,
      editedBy: JSON.parse(v.edited_by) as string[],
      twoPersonReview: settings.twoPersonReview
    });
    if (!t.ok) throw new AppError(t.reason === 'auth.error.forbidden' ? 'forbidden' : 'conflict', t.reason);
    const open = t.state === 'draft' || t.state === 'in_review' ? item.id : null;
    const set: Record<string, unknown> = { state: t.state, open_key: open, updated_at: at };
    if (t.state === 'in_review') set.submitted_at = at;
    if (t.state === 'archived') set.archived_at = at;
    if (t.state === 'published') {
      const today = at.slice(0, 10);
      set.published_at = at;
      set.reviewer_id = actor.id;
      set.body = learnBodyJson({ ...parseLearnBody(v.body), updated: today });
      await trx
        .updateTable('content_version')
        .set({ state: 'archived', archived_at: at, updated_at: at })
        .where('item_id', '=', item.id)
        .where('state', '=', 'published')
        .execute();
      await trx
        .updateTable('content_item')
        .set({ review_by: addMonths(today, 12), updated_at: at })
        .where('id', '=', item.id)
        .execute();
    }
    const r = await trx
      .updateTable('content_version')
      .set(set)
      .where('id', '=', v.id)
      .where('state', '=', v.state)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict', 'content.error.transition');
    await audit(trx, actor, `content.${input.action}`, item, v.number);
    return { state: t.state, wasPublished: v.state === 'published' };
  });
  if (result.state === 'published' || result.wasPublished) await afterPublish(ctx);
  return { state: result.state };
}

/** A publish (or an archive of a published version) shows at once: drop caches, rebuild the search index. */
async function afterPublish(ctx: TCtx) {
  announcePublish(ctx);
  await syncLearnIndex(ctx.db, await loadPublishedLearnContent(ctx.db));
}

/** Starts a new draft from an old version. Refused while another draft or review is open. */
export async function restoreVersion(
  ctx: TCtx,
  actor: TSessionUser,
  input: { slug: string; locale: Locale; number: number },
  now = new Date()
) {
  assertEditor(actor);
  const item = await findItem(ctx.db, input.slug, input.locale);
  const versions = await versionsOf(ctx.db, item.id);
  const old = versions.find((v) => v.number === input.number && v.published_at);
  if (!old) throw new AppError('not_found', 'content.error.notFound');
  if (versions.some(isOpen)) throw new AppError('conflict', 'content.error.openExists');
  const published = versions.find((v) => v.state === 'published');
  return saveLearnDraft(
    ctx,
    actor,
    {
      slug: input.slug,
      locale: input.locale,
      revision: 0,
      base: published?.number ?? 0,
      body: parseLearnBody(old.body)
    },
    now
  );
}

// ---- history ----

export async function contentHistory(db: DB, actor: TSessionUser, slug: string, locale: Locale) {
  assertEditor(actor);
  const item = await findItem(db, slug, locale);
  const versions = await versionsOf(db, item.id);
  return versions.map((v) => ({
    number: v.number,
    state: v.state as TContentState,
    authorName: v.author_name,
    reviewerName: v.reviewer_name,
    createdAt: v.created_at,
    publishedAt: v.published_at,
    archivedAt: v.archived_at,
    title: parseLearnBody(v.body).title
  }));
}

/** The line diff between two versions of a page, as their files would read. */
export async function diffContentVersions(
  db: DB,
  actor: TSessionUser,
  slug: string,
  locale: Locale,
  from: number,
  to: number
): Promise<TDiffPart[]> {
  assertEditor(actor);
  const item = await findItem(db, slug, locale);
  const versions = await versionsOf(db, item.id);
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b) throw new AppError('not_found', 'content.error.notFound');
  return lineDiff(learnFileText(parseLearnBody(a.body)), learnFileText(parseLearnBody(b.body)));
}

// ---- files ----

/** Writes every published page to `<dir>/<locale>/<slug>.md`, the layout of the repository's content/. */
export async function exportContent(db: DB, dir: string): Promise<{ written: string[] }> {
  const rows = await publishedRows(db);
  const written: string[] = [];
  for (const r of rows) {
    mkdirSync(resolve(dir, r.locale), { recursive: true });
    const path = `${r.locale}/${r.key}.md`;
    writeFileSync(resolve(dir, path), learnFileText(parseLearnBody(r.body)));
    written.push(path);
  }
  return { written };
}

async function publishedRows(db: Executor) {
  return db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select(['i.id as item_id', 'i.key', 'i.locale', 'v.body', 'v.number'])
    .where('i.kind', '=', LEARN_KIND)
    .where('v.state', '=', 'published')
    .orderBy('i.locale')
    .orderBy('i.key')
    .execute();
}

export interface TImportChange {
  path: string;
  change: 'new' | 'changed';
  diff: TDiffPart[];
}

/**
 * Compares `<dir>` with the published pages and, unless `dryRun`, publishes every new or changed page
 * as a new version (audited, actor null: the operator's command line). Unchanged pages are left alone.
 */
export async function importContent(
  ctx: TCtx,
  dir: string,
  options: { dryRun: boolean },
  now = new Date()
): Promise<{ changes: TImportChange[]; unchanged: number }> {
  const files = readLearnFiles(dir);
  const current = new Map((await publishedRows(ctx.db)).map((r) => [`${r.locale}/${r.key}`, r]));
  const changes: (TImportChange & { file: (typeof files)[number] })[] = [];
  let unchanged = 0;
  for (const f of files) {
    const path = `${f.locale}/${f.slug}.md`;
    const cur = current.get(`${f.locale}/${f.slug}`);
    const next = learnFileText(f.body);
    if (cur && learnBodyJson(parseLearnBody(cur.body)) === learnBodyJson(f.body)) {
      unchanged++;
      continue;
    }
    const before = cur ? learnFileText(parseLearnBody(cur.body)) : '';
    changes.push({ path, change: cur ? 'changed' : 'new', diff: lineDiff(before, next), file: f });
  }
  if (!options.dryRun && changes.length > 0) {
    const at = now.toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      for (const c of changes) {
        const { slug, locale, body } = c.file;
        const existing = await trx
          .selectFrom('content_item')
          .selectAll()
          .where('kind', '=', LEARN_KIND)
          .where('key', '=', slug)
          .where('locale', '=', locale)
          .executeTakeFirst();
        if (!existing) {
          const id = await insertPublishedItem(trx, slug, locale, body, null, now);
          await audit(trx, null, 'content.import', { id, key: slug, locale }, 1);
          continue;
        }
        const top = await trx
          .selectFrom('content_version')
          .select((eb) => eb.fn.max('number').as('n'))
          .where('item_id', '=', existing.id)
          .executeTakeFirst();
        const number = Number(top?.n ?? 0) + 1;
        const published = await trx
          .selectFrom('content_version')
          .select('number')
          .where('item_id', '=', existing.id)
          .where('state', '=', 'published')
          .executeTakeFirst();
        await trx
          .updateTable('content_version')
          .set({ state: 'archived', archived_at: at, updated_at: at })
          .where('item_id', '=', existing.id)
          .where('state', '=', 'published')
          .execute();
        await trx
          .insertInto('content_version')
          .values({
            id: randomUUID(),
            item_id: existing.id,
            number,
            base_number: published?.number ?? null,
            state: 'published',
            open_key: null,
            revision: 1,
            body: learnBodyJson(body),
            author_id: null,
            edited_by: '[]',
            reviewer_id: null,
            created_at: at,
            updated_at: at,
            submitted_at: null,
            published_at: at,
            archived_at: null
          })
          .execute();
        await trx
          .updateTable('content_item')
          .set({ review_by: addMonths(body.updated, 12), updated_at: at })
          .where('id', '=', existing.id)
          .execute();
        await audit(trx, null, 'content.import', existing, number);
      }
    });
    await afterPublish(ctx);
  }
  return { changes: changes.map(({ path, change, diff }) => ({ path, change, diff })), unchanged };
}

export type { TVersionRow };
