import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Locale } from '../../i18n';
import { appendAudit } from '../audit/audit.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { lineDiff, type TDiffPart } from './content.diff';
import type { TContentCtx, TContentKind, TContentSourceRef } from './content.kind';
import { checkLearnBody, readLearnFiles } from './content.learn-kind';
import { LEARN_KIND, type TLearnBody } from './content.learn';
import { loadPublishedLearnContent } from './content.published';
import { contentKind, contentKinds } from './content.registry';
import type { TRemoval } from './content.sanitise';
import { transition, type TContentAction, type TContentState } from './content.workflow';

/** Who may edit, submit and review content. Analysts and case handlers may not. */
export const contentRoles: readonly TRole[] = ['editor', 'admin'];
export const contentLocales = ['nb', 'en'] as const;

type TCtx = TContentCtx;

export { checkLearnBody, readLearnFiles };

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
export function oldSources(sources: TContentSourceRef[], years: number, now = new Date()) {
  const limit = now.getUTCFullYear() - years;
  return sources
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
 * Loads the repository's files of every registered kind into the database: each (key, locale) not
 * there yet becomes an item with its file as published version 1. Idempotent; runs under the start-up
 * lock. `dirs` overrides a kind's seed folder (by kind id; a string is the learning pages' folder).
 */
export async function seedContent(
  db: DB,
  dirs: string | Record<string, string> = {},
  now = new Date()
): Promise<number> {
  const dirOf = (k: TContentKind) => (typeof dirs === 'string' ? (k.id === LEARN_KIND ? dirs : undefined) : dirs[k.id]);
  let added = 0;
  for (const kind of contentKinds()) {
    const dir = dirOf(kind);
    const files = dir === undefined && kind.seedFiles ? kind.seedFiles() : kind.readFiles(dir ?? kind.seedDir());
    const existing = new Set(
      (await db.selectFrom('content_item').select(['key', 'locale']).where('kind', '=', kind.id).execute()).map(
        (r) => `${r.key}|${r.locale}`
      )
    );
    const missing = files.filter((f) => !existing.has(`${f.key}|${f.locale}`));
    if (missing.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      for (const f of missing) await insertPublishedItem(trx, kind, f.key, f.locale, f.body, null, now);
    });
    added += missing.length;
  }
  return added;
}

/** A new content item (kind, key, locale) with its review-by date from `body`; its id. Versions are added by the caller. */
export async function insertItem<B>(
  trx: Executor,
  kind: TContentKind<B>,
  key: string,
  locale: string,
  body: B,
  now: Date
): Promise<string> {
  const at = now.toISOString();
  const id = randomUUID();
  await trx
    .insertInto('content_item')
    .values({ id, kind: kind.id, key, locale, review_by: kind.reviewBy(body, now), created_at: at, updated_at: at })
    .execute();
  return id;
}

async function insertPublishedItem<B>(
  trx: Executor,
  kind: TContentKind<B>,
  key: string,
  locale: string,
  body: B,
  actorId: string | null,
  now: Date
) {
  const at = now.toISOString();
  const itemId = await insertItem(trx, kind, key, locale, body, now);
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
      body: kind.toJson(body),
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

// ---- reading ----

type TVersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

async function findItem(db: Executor, kind: string, key: string, locale: string) {
  const item = await db
    .selectFrom('content_item')
    .selectAll()
    .where('kind', '=', kind)
    .where('key', '=', key)
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

export interface TLanguageStatus<L extends string = Locale> {
  locale: L;
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

/** The status of one item (a page in one language, a checklist): published, open version, staleness. */
export async function itemStatus<L extends string>(
  db: Executor,
  kind: TContentKind,
  key: string,
  locale: L,
  settings: TContentSettings,
  now: Date,
  reader: Locale = 'nb'
): Promise<TLanguageStatus<L>> {
  const item = await db
    .selectFrom('content_item')
    .selectAll()
    .where('kind', '=', kind.id)
    .where('key', '=', key)
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
  const body = published ? kind.fromJson(published.body) : open ? kind.fromJson(open.body) : null;
  return {
    locale,
    exists: true,
    published: published?.number ?? null,
    open: open ? { number: open.number, state: open.state as TContentState } : null,
    reviewBy: item.review_by,
    due: dueState(item.review_by, now),
    oldSources: body ? oldSources(kind.sources(body), settings.sourceAgeYears, now) : [],
    title: body ? kind.title(body, reader) : null
  };
}

async function keysOf(db: Executor, kind: string): Promise<string[]> {
  return [
    ...new Set((await db.selectFrom('content_item').select('key').where('kind', '=', kind).execute()).map((r) => r.key))
  ].sort();
}

/** The studio's list: every learning page with both languages' status side by side. */
export async function listContent(db: DB, actor: TSessionUser, now = new Date()) {
  assertEditor(actor);
  const settings = await getContentSettings(db);
  const learn = contentKind(LEARN_KIND);
  const items = [];
  for (const key of await keysOf(db, LEARN_KIND)) {
    const [nb, en] = await Promise.all(contentLocales.map((l) => itemStatus(db, learn, key, l, settings, now)));
    items.push({ kind: LEARN_KIND, key, title: nb.title ?? en.title ?? key, nb, en });
  }
  return { settings, items };
}

/** Every item of a kind with its status (the studio's list for kinds other than learning pages). */
export async function listKind(db: DB, actor: TSessionUser, kindId: string, reader: Locale, now = new Date()) {
  assertEditor(actor);
  const settings = await getContentSettings(db);
  const kind = contentKind(kindId);
  const out = [];
  for (const key of await keysOf(db, kindId))
    for (const locale of kind.locales) {
      const status = await itemStatus(db, kind, key, locale, settings, now, reader);
      if (status.exists) out.push({ kind: kindId, key, title: status.title ?? key, status });
    }
  return out;
}

export interface TEditorView<B = TLearnBody, L extends string = Locale> {
  slug: string;
  locale: L;
  /** The version the form edits: the open one, else the published one as the base of a new draft. */
  body: B;
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
  other: TLanguageStatus<L>;
  settings: TContentSettings;
  oldSources: { number: number; title: string; year: number | null }[];
  /** Whether this actor may publish the open version now. */
  canPublish: boolean;
}

/** What an editor form shows for an item of any kind. `other` is the other language (pages only). */
export async function getEditor<B, L extends string>(
  db: DB,
  actor: TSessionUser,
  kindId: string,
  key: string,
  locale: L,
  now = new Date()
): Promise<TEditorView<B, L>> {
  assertEditor(actor);
  const kind = contentKind<B>(kindId);
  const item = await findItem(db, kindId, key, locale);
  const settings = await getContentSettings(db);
  const versions = await versionsOf(db, item.id);
  const open = versions.find(isOpen);
  const published = versions.find((v) => v.state === 'published');
  const latest = open ?? published ?? versions[0];
  const body = kind.fromJson(latest.body);
  const editedBy = open ? (JSON.parse(open.edited_by) as string[]) : [];
  const otherLocale = (kind.locales.find((l) => l !== locale) ?? locale) as L;
  const other = await itemStatus(db, kind as TContentKind, key, otherLocale, settings, now);
  return {
    slug: key,
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
    oldSources: oldSources(kind.sources(body), settings.sourceAgeYears, now),
    canPublish:
      !!open &&
      transition(open.state as TContentState, 'publish', {
        actorId: actor.id,
        canEdit: true,
        editedBy,
        twoPersonReview: settings.twoPersonReview
      }).ok
  };
}

export async function getLearnEditor(db: DB, actor: TSessionUser, slug: string, locale: Locale, now = new Date()) {
  return getEditor<TLearnBody, Locale>(db, actor, LEARN_KIND, slug, locale, now);
}

// ---- validation and preview ----

/** Renders a draft exactly as the public page would, without storing anything. */
export async function previewLearnPage(db: DB, actor: TSessionUser, slug: string, locale: Locale, body: TLearnBody) {
  assertEditor(actor);
  await findItem(db, LEARN_KIND, slug, locale);
  const checked = await checkLearnBody(db, slug, locale, body);
  if (Object.keys(checked.fields).length > 0)
    throw new AppError('validation', 'validation.summary', { fields: checked.fields });
  return { removed: checked.removed, page: checked.rendered!, content: await loadPublishedLearnContent(db) };
}

// ---- saving ----

/** A save that lost a race: the stored version is shown beside the editor's, nothing is overwritten. */
export class ContentConflict<B = TLearnBody> extends AppError {
  readonly theirs: { number: number; revision: number; state: string; body: B; by: string | null; at: string };
  constructor(theirs: ContentConflict<B>['theirs']) {
    super('conflict', 'content.error.conflict');
    this.theirs = theirs;
  }
}

async function conflictFrom<B>(db: Executor, kind: TContentKind<B>, itemId: string): Promise<ContentConflict<B>> {
  const versions = await versionsOf(db, itemId);
  const open = versions.find(isOpen);
  if (!open) {
    const published = versions.find((v) => v.state === 'published') ?? versions[0];
    return new ContentConflict<B>({
      number: published.number,
      revision: 0,
      state: published.state,
      body: kind.fromJson(published.body),
      by: published.reviewer_name ?? published.author_name,
      at: published.published_at ?? published.updated_at
    });
  }
  const byId = (JSON.parse(open.edited_by) as string[]).at(-1);
  const by = byId
    ? ((await db.selectFrom('app_user').select('display_name').where('id', '=', byId).executeTakeFirst())
        ?.display_name ?? null)
    : null;
  return new ContentConflict<B>({
    number: open.number,
    revision: open.revision,
    state: open.state,
    body: kind.fromJson(open.body),
    by,
    at: open.updated_at
  });
}

export interface TSaveInput<B = TLearnBody> {
  /** The item's key (a learning page's slug, a checklist's sector id). */
  slug: string;
  locale: string;
  /** The open version's revision the editor loaded, 0 when they started from the published version. */
  revision: number;
  /** The published number the editor's form started from. */
  base: number;
  body: B;
}

/**
 * Saves a draft of an item of any kind. With `revision` 0 it starts a new draft from the published
 * version; otherwise it updates the open draft only if nobody saved it since (the version check) — a
 * lost race throws ContentConflict with the stored version. Returns what the kind's check removed.
 */
export async function saveDraft<B>(
  ctx: TCtx,
  actor: TSessionUser,
  kindId: string,
  input: TSaveInput<B>,
  now = new Date()
): Promise<{ number: number; revision: number; removed: TRemoval[] }> {
  assertEditor(actor);
  const kind = contentKind<B>(kindId);
  const item = await findItem(ctx.db, kindId, input.slug, input.locale);
  const checked = await kind.check(ctx.db, input.slug, input.locale, input.body);
  if (Object.keys(checked.fields).length > 0)
    throw new AppError('validation', 'validation.summary', { fields: checked.fields });
  const at = now.toISOString();
  const json = kind.toJson(checked.body);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const versions = await versionsOf(trx, item.id);
      const open = versions.find(isOpen);
      const published = versions.find((v) => v.state === 'published');
      if (input.revision === 0) {
        if (open || (published?.number ?? 0) !== input.base) throw await conflictFrom(trx, kind, item.id);
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
      if (!open || open.revision !== input.revision) throw await conflictFrom(trx, kind, item.id);
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
      if (Number(r.numUpdatedRows) !== 1) throw await conflictFrom(trx, kind, item.id);
      await audit(trx, actor, 'content.save', item, open.number);
      return { number: open.number, revision: open.revision + 1, removed: checked.removed };
    });
  } catch (e) {
    // Two first saves at once: the unique open_key lets one in; the other sees what it lost to.
    if (!(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error).message)))
      throw await conflictFrom(ctx.db, kind, item.id);
    throw e;
  }
}

/** Saves a learning page's draft (see saveDraft). */
export async function saveLearnDraft(ctx: TCtx, actor: TSessionUser, input: TSaveInput, now = new Date()) {
  return saveDraft(ctx, actor, LEARN_KIND, input, now);
}

async function audit(
  trx: Executor,
  actor: TSessionUser | null,
  action: string,
  item: { id: string; kind: string; key: string; locale: string },
  version: number
) {
  await appendAudit(trx, {
    actorId: actor?.id ?? null,
    action,
    targetType: 'content_item',
    targetId: item.id,
    details: { kind: item.kind, key: item.key, locale: item.locale, version }
  });
}

// ---- workflow ----

/** Which item a workflow call means: `kind` defaults to learning pages; `slug` is the item's key. */
export interface TItemRef {
  kind?: string;
  slug: string;
  locale: string;
}

/** Moves the version `number` of an item through the workflow (submit, return, publish, archive). */
export async function changeState(
  ctx: TCtx,
  actor: TSessionUser,
  input: TItemRef & { number: number; action: Exclude<TContentAction, 'edit'> },
  now = new Date()
): Promise<{ state: TContentState }> {
  assertEditor(actor);
  const kind = contentKind(input.kind ?? LEARN_KIND);
  const item = await findItem(ctx.db, kind.id, input.slug, input.locale);
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
    if ((t.state === 'in_review' || t.state === 'published') && kind.readyForReview) {
      const unfit = kind.readyForReview(kind.fromJson(v.body));
      if (unfit) throw new AppError('validation', unfit.message, { fields: unfit.fields });
    }
    const open = t.state === 'draft' || t.state === 'in_review' ? item.id : null;
    const set: Record<string, unknown> = { state: t.state, open_key: open, updated_at: at };
    if (t.state === 'in_review') set.submitted_at = at;
    if (t.state === 'archived') set.archived_at = at;
    if (t.state === 'published') {
      const today = at.slice(0, 10);
      set.published_at = at;
      set.reviewer_id = actor.id;
      set.body = kind.toJson(await kind.publishBody(trx, item.key, kind.fromJson(v.body), at));
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
  if (result.state === 'published' || result.wasPublished) await kind.afterPublish(ctx);
  return { state: result.state };
}

/** Starts a new draft from an old version. Refused while another draft or review is open. */
export async function restoreVersion(
  ctx: TCtx,
  actor: TSessionUser,
  input: TItemRef & { number: number },
  now = new Date()
) {
  assertEditor(actor);
  const kind = contentKind(input.kind ?? LEARN_KIND);
  const item = await findItem(ctx.db, kind.id, input.slug, input.locale);
  const versions = await versionsOf(ctx.db, item.id);
  const old = versions.find((v) => v.number === input.number && v.published_at);
  if (!old) throw new AppError('not_found', 'content.error.notFound');
  if (versions.some(isOpen)) throw new AppError('conflict', 'content.error.openExists');
  const published = versions.find((v) => v.state === 'published');
  return saveDraft(
    ctx,
    actor,
    kind.id,
    {
      slug: input.slug,
      locale: input.locale,
      revision: 0,
      base: published?.number ?? 0,
      body: kind.fromJson(old.body)
    },
    now
  );
}

// ---- history ----

export async function contentHistory(db: DB, actor: TSessionUser, slug: string, locale: string, kindId = LEARN_KIND) {
  assertEditor(actor);
  const kind = contentKind(kindId);
  const item = await findItem(db, kindId, slug, locale);
  const versions = await versionsOf(db, item.id);
  return versions.map((v) => ({
    number: v.number,
    state: v.state as TContentState,
    authorName: v.author_name,
    reviewerName: v.reviewer_name,
    createdAt: v.created_at,
    publishedAt: v.published_at,
    archivedAt: v.archived_at,
    title: kind.title(kind.fromJson(v.body), locale === 'en' ? 'en' : 'nb')
  }));
}

/** The line diff between two versions of an item, as their files would read. */
export async function diffContentVersions(
  db: DB,
  actor: TSessionUser,
  slug: string,
  locale: string,
  from: number,
  to: number,
  kindId = LEARN_KIND
): Promise<TDiffPart[]> {
  assertEditor(actor);
  const kind = contentKind(kindId);
  const item = await findItem(db, kindId, slug, locale);
  const versions = await versionsOf(db, item.id);
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b) throw new AppError('not_found', 'content.error.notFound');
  return lineDiff(kind.fileText(kind.fromJson(a.body), item.key), kind.fileText(kind.fromJson(b.body), item.key));
}

// ---- files ----

/**
 * Writes every published item of every kind to `<dir>` in its kind's file layout (learning pages:
 * `<locale>/<slug>.md`, the layout of the repository's content/).
 */
export async function exportContent(db: DB, dir: string): Promise<{ written: string[] }> {
  const written: string[] = [];
  for (const kind of contentKinds()) {
    for (const r of await publishedRows(db, kind.id)) {
      const path = kind.filePath(r.key, r.locale);
      mkdirSync(dirname(resolve(dir, path)), { recursive: true });
      writeFileSync(resolve(dir, path), kind.fileText(kind.fromJson(r.body), r.key));
      written.push(path);
    }
  }
  return { written };
}

async function publishedRows(db: Executor, kind: string) {
  return db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select(['i.id as item_id', 'i.key', 'i.locale', 'v.body', 'v.number'])
    .where('i.kind', '=', kind)
    .where('v.state', '=', 'published')
    .orderBy('i.locale')
    .orderBy('i.key')
    .execute();
}

export interface TImportChange {
  path: string;
  change: 'new' | 'changed';
  diff: TDiffPart[];
  /** With `asDrafts`: the item already has a draft or a version in review, so nothing was added to it. */
  skipped?: 'open';
}

/**
 * How an import acts. By default it publishes (the team reviewed the files in git): each version has no
 * author, and its audit entry names `import` as the actor. `asDrafts` instead saves each new or changed
 * file as a draft for review in the studio (an item with an open draft or review is left alone and
 * reported); nothing public changes until an editor publishes.
 */
export interface TImportOptions {
  dryRun: boolean;
  asDrafts?: boolean;
}

/** Who the audit log names for an import: the operator's command line, not a user of the app. */
export const IMPORT_ACTOR = 'import';

/**
 * Compares `<dir>` with the published items of every kind and, unless `dryRun`, publishes every new or
 * changed item as a new version (audited with `import` as the actor), or with `asDrafts` saves it as a
 * draft for review (see TImportOptions). Unchanged items are left alone.
 */
export async function importContent(
  ctx: TCtx,
  dir: string,
  options: TImportOptions,
  now = new Date()
): Promise<{ changes: TImportChange[]; unchanged: number }> {
  const all: TImportChange[] = [];
  let unchanged = 0;
  for (const kind of contentKinds()) {
    const r = await importKind(ctx, kind, dir, options, now);
    all.push(...r.changes);
    unchanged += r.unchanged;
  }
  return { changes: all, unchanged };
}

async function importKind<B>(
  ctx: TCtx,
  kind: TContentKind<B>,
  dir: string,
  options: TImportOptions,
  now: Date
): Promise<{ changes: TImportChange[]; unchanged: number }> {
  const files = kind.readFiles(dir);
  const current = new Map((await publishedRows(ctx.db, kind.id)).map((r) => [`${r.locale}/${r.key}`, r]));
  const changes: (TImportChange & { file: (typeof files)[number] })[] = [];
  let unchanged = 0;
  for (const f of files) {
    const path = kind.filePath(f.key, f.locale);
    const cur = current.get(`${f.locale}/${f.key}`);
    const next = kind.fileText(f.body, f.key);
    if (cur && kind.toJson(kind.fromJson(cur.body)) === kind.toJson(f.body)) {
      unchanged++;
      continue;
    }
    const before = cur ? kind.fileText(kind.fromJson(cur.body), f.key) : '';
    changes.push({ path, change: cur ? 'changed' : 'new', diff: lineDiff(before, next), file: f });
  }
  if (options.asDrafts) {
    const skipped = await importAsDrafts(ctx, kind, changes, options.dryRun, now);
    return {
      changes: changes.map(({ path, change, diff }) => ({
        path,
        change,
        diff,
        ...(skipped.has(path) ? { skipped: 'open' as const } : {})
      })),
      unchanged
    };
  }
  if (!options.dryRun && changes.length > 0) {
    const at = now.toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      for (const c of changes) {
        const { key, locale, body } = c.file;
        const existing = await trx
          .selectFrom('content_item')
          .selectAll()
          .where('kind', '=', kind.id)
          .where('key', '=', key)
          .where('locale', '=', locale)
          .executeTakeFirst();
        if (!existing) {
          const id = await insertPublishedItem(trx, kind, key, locale, body, null, now);
          await importAudit(trx, 'content.import', { id, kind: kind.id, key, locale }, 1);
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
            body: kind.toJson(body),
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
          .set({ review_by: kind.reviewBy(body, now), updated_at: at })
          .where('id', '=', existing.id)
          .execute();
        await importAudit(trx, 'content.import', existing, number);
      }
    });
    await kind.afterPublish(ctx);
  }
  return { changes: changes.map(({ path, change, diff }) => ({ path, change, diff })), unchanged };
}

async function importAudit(
  trx: Executor,
  action: string,
  item: { id: string; kind: string; key: string; locale: string },
  version: number
) {
  await appendAudit(trx, {
    actorId: null,
    action,
    targetType: 'content_item',
    targetId: item.id,
    details: { kind: item.kind, key: item.key, locale: item.locale, version, actor: IMPORT_ACTOR }
  });
}

/**
 * `content:import --as-drafts`: each new or changed file becomes a draft (a new item's version 1, or the
 * next version of an existing item based on its published one), authored by nobody, so any editor may
 * review and publish it. An item with an open draft or review is skipped (returned), never overwritten.
 */
async function importAsDrafts<B>(
  ctx: TCtx,
  kind: TContentKind<B>,
  changes: { path: string; file: { key: string; locale: string; body: B } }[],
  dryRun: boolean,
  now: Date
): Promise<Set<string>> {
  const skipped = new Set<string>();
  if (changes.length === 0) return skipped;
  const at = now.toISOString();
  const run = async (trx: Executor) => {
    for (const c of changes) {
      const { key, locale, body } = c.file;
      const existing = await trx
        .selectFrom('content_item')
        .selectAll()
        .where('kind', '=', kind.id)
        .where('key', '=', key)
        .where('locale', '=', locale)
        .executeTakeFirst();
      const versions = existing ? await versionsOf(trx, existing.id) : [];
      if (versions.some(isOpen)) {
        skipped.add(c.path);
        continue;
      }
      if (dryRun) continue;
      const itemId = existing?.id ?? (await insertItem(trx, kind, key, locale, body, now));
      const number = (versions[0]?.number ?? 0) + 1;
      await trx
        .insertInto('content_version')
        .values({
          id: randomUUID(),
          item_id: itemId,
          number,
          base_number: versions.find((v) => v.state === 'published')?.number ?? null,
          state: 'draft',
          open_key: itemId,
          revision: 1,
          body: kind.toJson(body),
          author_id: null,
          edited_by: '[]',
          reviewer_id: null,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          published_at: null,
          archived_at: null
        })
        .execute();
      await importAudit(trx, 'content.import.draft', { id: itemId, kind: kind.id, key, locale }, number);
    }
  };
  if (dryRun) await run(ctx.db);
  else await ctx.db.transaction().execute(run);
  return skipped;
}

export type { TVersionRow };
