import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { getLearnPage, listLearnPages, searchLearn } from '../learn/learn.service';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { sessionForTeacher, startClassSession, teacherView } from '../youth/classroom.service';
import { answerSelfPaced, getQuiz, listQuizzes } from '../youth/youth.service';
import type { TQuizSet } from '../../youth/quiz';
import { createContentItem } from './content.create';
import { LEARN_KIND, type TLearnBody } from './content.learn';
import { QUIZ_KIND, QUIZ_LOCALE } from './content.quiz';
import {
  changeState,
  contentHistory,
  exportContent,
  getEditor,
  getLearnEditor,
  importContent,
  listContent,
  saveDraft
} from './content.service';

/** Creating learning pages and quiz sets in the studio (SQLite, and PostgreSQL with `npm run test:pg`). */
let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;
beforeAll(async () => {
  ctx = await openTestApp();
  admin = (await setUpAdmin(ctx)).admin;
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => ctx.close());

const audits = async (action: string) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('action', '=', action)
      .execute()
  ).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
const counts = async () => ({
  items: Number(
    (
      await ctx.db
        .selectFrom('content_item')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  ),
  versions: Number(
    (
      await ctx.db
        .selectFrom('content_version')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  )
});

/** A new page's body: the sources of a seeded page (test content, not shown to the public). */
async function pageBody(title: string, markdown: string): Promise<TLearnBody> {
  const seeded = (await getLearnEditor(ctx.db, editor, 'sectors', 'nb')).body;
  return {
    title,
    summary: `${title}: en kort ingress.`,
    updated: new Date().toISOString().slice(0, 10),
    sources: seeded.sources.slice(0, 1),
    related: ['sectors'],
    markdown
  };
}

describe('a new learning page', () => {
  it('starts as a draft, is reviewed and published by a second editor, then is on the list, the API and search', async () => {
    const body = await pageBody('Arbeid på byggeplasser', '## Hva du ser etter\n\nOrdet kranførerkurs står her.[^1]\n');
    const created = await createContentItem(ctx, editor, LEARN_KIND, {
      key: 'construction-sites',
      locale: 'nb',
      keyField: 'slug',
      body
    });
    expect(created).toMatchObject({ key: 'construction-sites', locale: 'nb', number: 1, revision: 1 });
    // A draft is not public.
    expect(await errorOf(getLearnPage(ctx, 'construction-sites', 'nb'))).toMatchObject({ code: 'not_found' });
    expect((await listLearnPages(ctx, 'nb')).map((p) => p.slug)).not.toContain('construction-sites');
    const status = (await listContent(ctx.db, editor)).items.find((i) => i.key === 'construction-sites')!;
    expect(status.nb).toMatchObject({ exists: true, published: null, open: { number: 1, state: 'draft' } });
    expect(status.en.exists).toBe(false);

    await changeState(ctx, editor, { slug: 'construction-sites', locale: 'nb', number: 1, action: 'submit' });
    expect(
      await errorOf(
        changeState(ctx, editor, { slug: 'construction-sites', locale: 'nb', number: 1, action: 'publish' })
      )
    ).toMatchObject({ code: 'conflict', message: 'content.error.ownChange' });
    await changeState(ctx, second, { slug: 'construction-sites', locale: 'nb', number: 1, action: 'publish' });

    const { page } = await getLearnPage(ctx, 'construction-sites', 'nb');
    expect(page.title).toBe('Arbeid på byggeplasser');
    expect((await listLearnPages(ctx, 'nb')).map((p) => p.slug)).toContain('construction-sites');
    expect((await searchLearn(ctx.db, 'kranførerkurs', 'nb')).map((h) => h.slug)).toEqual(['construction-sites']);
    expect(await audits('content.create')).toEqual([
      {
        action: 'content.create',
        actor_id: editor.id,
        details: { kind: LEARN_KIND, key: 'construction-sites', locale: 'nb', version: 1 }
      }
    ]);
  });

  it('the other language is its own item under the same slug, created later', async () => {
    const body = await pageBody('Work on building sites', 'The word cranecourse is here.[^1]\n');
    await createContentItem(ctx, editor, LEARN_KIND, { key: 'construction-sites', locale: 'en', body });
    const view = await getLearnEditor(ctx.db, second, 'construction-sites', 'en');
    expect(view.other).toMatchObject({ locale: 'nb', exists: true, published: 1 });
    await changeState(ctx, second, { slug: 'construction-sites', locale: 'en', number: 1, action: 'submit' });
    await changeState(ctx, admin, { slug: 'construction-sites', locale: 'en', number: 1, action: 'publish' });
    expect((await getLearnPage(ctx, 'construction-sites', 'en')).page).toMatchObject({
      title: 'Work on building sites',
      locale: 'en'
    });
  });

  it('refuses a taken, invalid or reserved slug, a bad language and a broken body — and stores nothing', async () => {
    const body = await pageBody('Noe nytt', 'Tekst.[^1]\n');
    const before = await counts();
    const refused = async (key: string, locale = 'nb', b: TLearnBody = body) =>
      errorOf(createContentItem(ctx, editor, LEARN_KIND, { key, locale, keyField: 'slug', body: b }));
    expect(await refused('construction-sites')).toMatchObject({
      code: 'conflict',
      fields: { slug: 'contentCreate.error.taken' }
    });
    // A page seeded from the files is taken too.
    expect((await refused('sectors', 'en')).fields).toEqual({ slug: 'contentCreate.error.taken' });
    expect((await refused('Store-Bokstaver')).fields).toEqual({ slug: 'contentCreate.error.key' });
    expect((await refused('a')).fields).toEqual({ slug: 'contentCreate.error.key' });
    expect((await refused('new')).fields).toEqual({ slug: 'contentCreate.error.reserved' });
    expect((await refused('search')).fields).toEqual({ slug: 'contentCreate.error.reserved' });
    expect((await refused('fresh-page', 'de')).fields).toEqual({ locale: 'contentCreate.error.locale' });
    // A footnote beyond the sources cannot render; a related page that does not exist is named.
    expect((await refused('fresh-page', 'nb', { ...body, markdown: 'Tekst.[^7]\n' })).fields).toEqual({
      markdown: 'content.error.render'
    });
    expect((await refused('fresh-page', 'nb', { ...body, related: ['no-such-page'] })).fields).toEqual({
      related: 'content.error.related'
    });
    expect((await refused('fresh-page', 'nb', { ...body, title: '' })).code).toBe('validation');
    expect(
      await errorOf(createContentItem(ctx, analyst, LEARN_KIND, { key: 'fresh-page', locale: 'nb', body }))
    ).toMatchObject({
      code: 'forbidden'
    });
    expect(await counts()).toEqual(before);
  });

  it('two editors creating the same page at once: one draft, the other is told the slug is taken', async () => {
    const body = await pageBody('Samtidig', 'Tekst.[^1]\n');
    const results = await Promise.allSettled(
      [editor, second].map((actor) =>
        createContentItem(ctx, actor, LEARN_KIND, { key: 'at-once', locale: 'nb', keyField: 'slug', body })
      )
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict', fields: { slug: 'contentCreate.error.taken' } });
    expect(await contentHistory(ctx.db, editor, 'at-once', 'nb')).toHaveLength(1);
  });

  it('archiving the published page takes it off the list, the page and search, and keeps its history', async () => {
    await changeState(ctx, editor, { slug: 'construction-sites', locale: 'nb', number: 1, action: 'archive' });
    // The English page is still published: readers of bokmål get it as the fallback.
    expect((await getLearnPage(ctx, 'construction-sites', 'nb')).page.locale).toBe('en');
    await changeState(ctx, editor, { slug: 'construction-sites', locale: 'en', number: 1, action: 'archive' });
    expect(await errorOf(getLearnPage(ctx, 'construction-sites', 'nb'))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(getLearnPage(ctx, 'construction-sites', 'en'))).toMatchObject({ code: 'not_found' });
    for (const locale of ['nb', 'en'] as const)
      expect((await listLearnPages(ctx, locale)).map((p) => p.slug)).not.toContain('construction-sites');
    expect((await searchLearn(ctx.db, 'kranførerkurs', 'nb')).map((h) => h.slug)).toEqual([]);
    expect((await contentHistory(ctx.db, editor, 'construction-sites', 'nb')).map((h) => [h.number, h.state])).toEqual([
      [1, 'archived']
    ]);
    // Its slug stays taken, and it can be brought back by a new draft.
    const view = await getLearnEditor(ctx.db, editor, 'construction-sites', 'nb');
    const again = await saveDraft(ctx, editor, LEARN_KIND, {
      slug: 'construction-sites',
      locale: 'nb',
      revision: 0,
      base: view.base,
      body: view.body
    });
    expect(again.number).toBe(2);
  });
});

describe('a new quiz set', () => {
  async function newSet(id: string): Promise<TQuizSet> {
    const shipped = await getQuiz(ctx.db, 'what-can-i-do');
    return {
      ...structuredClone(shipped),
      id,
      order: 50,
      title: { nb: 'Ny quiz om arbeid', en: 'New quiz about work' },
      questions: structuredClone(shipped.questions.slice(0, 2))
    };
  }

  it('is a draft until a second editor publishes it; then pupils take it self-paced and in a class', async () => {
    const set = await newSet('work-quiz');
    await createContentItem(ctx, editor, QUIZ_KIND, {
      key: 'work-quiz',
      locale: QUIZ_LOCALE,
      keyField: 'id',
      body: set
    });
    expect(await errorOf(getQuiz(ctx.db, 'work-quiz'))).toMatchObject({ code: 'not_found' });
    const view = await getEditor<TQuizSet, string>(ctx.db, editor, QUIZ_KIND, 'work-quiz', QUIZ_LOCALE);
    expect(view).toMatchObject({ published: null, open: { number: 1, state: 'draft' } });

    await changeState(ctx, editor, {
      kind: QUIZ_KIND,
      slug: 'work-quiz',
      locale: QUIZ_LOCALE,
      number: 1,
      action: 'submit'
    });
    await changeState(ctx, second, {
      kind: QUIZ_KIND,
      slug: 'work-quiz',
      locale: QUIZ_LOCALE,
      number: 1,
      action: 'publish'
    });

    expect((await listQuizzes(ctx.db)).map((s) => s.id)).toContain('work-quiz');
    const published = await getQuiz(ctx.db, 'work-quiz');
    expect(published.title.nb).toBe('Ny quiz om arbeid');
    const q = published.questions[0]!;
    const answered = await answerSelfPaced(ctx.db, { setId: 'work-quiz', progress: '', chosen: [q.correct[0]!] });
    expect(answered.correct).toBe(true);

    const started = await startClassSession(
      { db: ctx.db, tokenKey: ctx.tokenKey, bus: ctx.bus },
      {
        setId: 'work-quiz',
        municipality: null
      }
    );
    const classCtx = { db: ctx.db, tokenKey: ctx.tokenKey, bus: ctx.bus };
    const row = await sessionForTeacher(classCtx, started.teacherKey);
    const teacher = await teacherView(classCtx, row);
    expect(JSON.stringify(teacher)).toContain('Ny quiz om arbeid');
  });

  it('refuses a taken id (also a set the studio does not hold), a reserved or invalid one, another id in the body', async () => {
    const before = await counts();
    const refused = async (key: string, body?: TQuizSet) =>
      errorOf(
        createContentItem(ctx, editor, QUIZ_KIND, {
          key,
          locale: QUIZ_LOCALE,
          keyField: 'id',
          body: body ?? (await newSet(key === 'Bad Id' ? 'bad-id' : key))
        })
      );
    expect((await refused('work-quiz')).fields).toEqual({ id: 'contentCreate.error.taken' });
    expect((await refused('what-is-trafficking')).fields).toEqual({ id: 'contentCreate.error.taken' });
    const now = new Date().toISOString();
    await ctx.db
      .insertInto('youth_quiz_set')
      .values({
        id: 'outside-studio',
        position: 99,
        target_age: '13-15',
        definition: JSON.stringify(await newSet('outside-studio')),
        origin: 'editor',
        published_at: null,
        created_at: now,
        updated_at: now
      })
      .execute();
    expect((await refused('outside-studio')).fields).toEqual({ id: 'contentCreate.error.taken' });
    expect((await refused('new')).fields).toEqual({ id: 'contentCreate.error.reserved' });
    expect((await refused('Bad Id')).fields).toEqual({ id: 'contentCreate.error.key' });
    expect((await refused('other-id', await newSet('not-the-key'))).fields).toEqual({ id: 'contentQuiz.error.key' });
    const after = await counts();
    expect(after).toEqual(before);
  });
});

describe('content:import', () => {
  it('publishes with "import" as the actor in the audit log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-import-'));
    try {
      await exportContent(ctx.db, dir);
      const file = join(dir, 'en', 'sectors.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: ', 'title: Imported — '));
      const r = await importContent(ctx, dir, { dryRun: false });
      expect(r.changes.map((c) => c.path)).toEqual(['en/sectors.md']);
      expect((await getLearnPage(ctx, 'sectors', 'en')).page.title).toMatch(/^Imported — /);
      const entries = await audits('content.import');
      expect(entries.at(-1)).toMatchObject({
        actor_id: null,
        details: { key: 'sectors', locale: 'en', actor: 'import' }
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--as-drafts saves drafts for review (nothing public changes) and skips items with an open draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-import-'));
    try {
      await exportContent(ctx.db, dir);
      const changed = join(dir, 'nb', 'sectors.md');
      writeFileSync(changed, readFileSync(changed, 'utf8').replace('title: ', 'title: Fra git — '));
      // A page new to the database, and one whose item has an open draft (at-once, from above).
      writeFileSync(join(dir, 'nb', 'from-git.md'), readFileSync(changed, 'utf8'));
      writeFileSync(
        join(dir, 'nb', 'at-once.md'),
        readFileSync(changed, 'utf8').replace('title: Fra git — ', 'title: Samtidig fra git — ')
      );
      const publicTitle = (await getLearnPage(ctx, 'sectors', 'nb')).page.title;
      const dry = await importContent(ctx, dir, { dryRun: true, asDrafts: true });
      expect(dry.changes.map((c) => [c.path, c.change, c.skipped])).toEqual([
        ['nb/at-once.md', 'new', 'open'],
        ['nb/from-git.md', 'new', undefined],
        ['nb/sectors.md', 'changed', undefined]
      ]);
      const before = await counts();
      const done = await importContent(ctx, dir, { dryRun: false, asDrafts: true });
      expect(done.changes.filter((c) => c.skipped).map((c) => c.path)).toEqual(['nb/at-once.md']);
      expect(await counts()).toEqual({ items: before.items + 1, versions: before.versions + 2 });
      // Nothing public changed: the drafts wait for review.
      expect((await getLearnPage(ctx, 'sectors', 'nb')).page.title).toBe(publicTitle);
      expect(await errorOf(getLearnPage(ctx, 'from-git', 'nb'))).toMatchObject({ code: 'not_found' });
      const view = await getLearnEditor(ctx.db, editor, 'sectors', 'nb');
      expect(view.open).toMatchObject({ state: 'draft' });
      expect(view.body.title).toMatch(/^Fra git — /);
      expect((await audits('content.import.draft')).map((a) => [a.actor_id, a.details.key, a.details.actor])).toEqual([
        [null, 'from-git', 'import'],
        [null, 'sectors', 'import']
      ]);
      // Any editor may review and publish an imported draft (nobody of the app wrote it).
      await changeState(ctx, editor, { slug: 'sectors', locale: 'nb', number: view.open!.number, action: 'submit' });
      await changeState(ctx, editor, { slug: 'sectors', locale: 'nb', number: view.open!.number, action: 'publish' });
      expect((await getLearnPage(ctx, 'sectors', 'nb')).page.title).toMatch(/^Fra git — /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
