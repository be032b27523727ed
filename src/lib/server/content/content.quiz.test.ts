import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { getQuiz, publicQuiz } from '../youth/youth.service';
import {
  joinClassSession,
  pupilView,
  sessionForTeacher,
  startClassSession,
  stepClassSession
} from '../youth/classroom.service';
import { createInProcessBus } from '../youth/event-bus';
import type { TQuizSet } from '../../youth/quiz';
import { applyQuizOp, draftFromSet, quizSetFromDraft } from '../../youth/quiz-set-form';
import { QUIZ_KIND, QUIZ_LOCALE, seedQuizContent } from './content.quiz';
import {
  changeState,
  ContentConflict,
  contentHistory,
  diffContentVersions,
  exportContent,
  getEditor,
  importContent,
  listKind,
  restoreVersion,
  saveDraft
} from './content.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;
const SET = 'what-is-trafficking';
beforeAll(async () => {
  ctx = await openTestApp();
  admin = (await setUpAdmin(ctx)).admin;
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => ctx.close());

const view = (actor = editor) => getEditor<TQuizSet, string>(ctx.db, actor, QUIZ_KIND, SET, QUIZ_LOCALE);
const ref = { kind: QUIZ_KIND, slug: SET, locale: QUIZ_LOCALE };

/** The set with its first question's English text changed, through the form like an editor. */
function edited(set: TQuizSet, text: string): TQuizSet {
  const d = draftFromSet(set);
  d.questions[0] = { ...d.questions[0]!, en: text };
  const r = quizSetFromDraft(set, d, new Date());
  if (!r.ok) throw new Error(JSON.stringify(r.fields));
  return r.set;
}

describe('quiz sets in the content studio', () => {
  it('are seeded from today’s sets as published version 1, once', async () => {
    const items = await listKind(ctx.db, editor, QUIZ_KIND, 'nb');
    expect(items.map((i) => i.key).sort()).toEqual(['sectors-around-us', 'what-can-i-do', 'what-is-trafficking']);
    expect(items.every((i) => i.status.published === 1)).toBe(true);
    expect(await seedQuizContent(ctx.db)).toBe(0);
    const v = await view();
    expect(v.body).toEqual(await getQuiz(ctx.db, SET));
  });

  it('edit → submit → a second editor publishes: the youth page, the API and new classes show it; a running class keeps its version', async () => {
    const bus = createInProcessBus();
    const c = { db: ctx.db, tokenKey: ctx.tokenKey, bus };
    const before = await getQuiz(ctx.db, SET);
    const klass = await startClassSession(c, { setId: SET, municipality: null });
    const pupil = await joinClassSession(c, {
      code: (await sessionForTeacher(c, klass.teacherKey)).code,
      nickname: ''
    });
    await stepClassSession(c, klass.teacherKey, 'start');
    const heard: string[] = [];
    ctx.bus.subscribe('content.published', (m) => heard.push(m));

    const v = await view();
    const body = edited(v.body, 'What is human trafficking, in one sentence?');
    const saved = await saveDraft(ctx, editor, QUIZ_KIND, {
      slug: SET,
      locale: QUIZ_LOCALE,
      revision: 0,
      base: v.base,
      body
    });
    expect(saved.number).toBe(2);
    // A draft is not public.
    expect((await getQuiz(ctx.db, SET)).questions[0]!.text.en).toBe(before.questions[0]!.text.en);
    await changeState(ctx, editor, { ...ref, number: 2, action: 'submit' });
    expect(await errorOf(changeState(ctx, editor, { ...ref, number: 2, action: 'publish' }))).toMatchObject({
      code: 'conflict',
      message: 'content.error.ownChange'
    });
    await changeState(ctx, second, { ...ref, number: 2, action: 'publish' });

    const now = await getQuiz(ctx.db, SET);
    expect(now.questions[0]!.text.en).toBe('What is human trafficking, in one sentence?');
    expect(publicQuiz(now).questions[0]!.text.en).toBe('What is human trafficking, in one sentence?');
    // On PostgreSQL the bus is LISTEN/NOTIFY: the announcement arrives a round trip after the commit.
    await vi.waitFor(() => expect(heard).toContain(QUIZ_KIND));
    // The class that started before the publish still asks the question it was given.
    expect((await pupilView(c, pupil.pupilToken))!.question?.text.en).toBe(before.questions[0]!.text.en);
    const later = await startClassSession(c, { setId: SET, municipality: null });
    const row = await ctx.db
      .selectFrom('youth_class_session')
      .select(['quiz_version'])
      .where('id', '=', later.id)
      .executeTakeFirstOrThrow();
    expect(row.quiz_version).toBe(2);

    // History, diff and restore.
    const history = await contentHistory(ctx.db, editor, SET, QUIZ_LOCALE, QUIZ_KIND);
    expect(history.map((h) => [h.number, h.state])).toEqual([
      [2, 'published'],
      [1, 'archived']
    ]);
    const diff = await diffContentVersions(ctx.db, editor, SET, QUIZ_LOCALE, 1, 2, QUIZ_KIND);
    expect(diff.find((p) => p.kind === 'added')?.text).toContain('in one sentence?');
    const restored = await restoreVersion(ctx, editor, { ...ref, number: 1 });
    await changeState(ctx, editor, { ...ref, number: restored.number, action: 'submit' });
    await changeState(ctx, second, { ...ref, number: restored.number, action: 'publish' });
    expect((await getQuiz(ctx.db, SET)).questions[0]!.text.en).toBe(before.questions[0]!.text.en);
  });

  it('a stale save is refused with the stored version, and an invalid quiz stores nothing', async () => {
    const v = await view();
    const first = await saveDraft(ctx, editor, QUIZ_KIND, {
      slug: SET,
      locale: QUIZ_LOCALE,
      revision: 0,
      base: v.base,
      body: edited(v.body, 'First?')
    });
    const stale = await errorOf(
      saveDraft(ctx, second, QUIZ_KIND, {
        slug: SET,
        locale: QUIZ_LOCALE,
        revision: 0,
        base: v.base,
        body: edited(v.body, 'Second?')
      })
    );
    expect(stale).toBeInstanceOf(ContentConflict);
    expect((stale as ContentConflict<TQuizSet>).theirs.body.questions[0]!.text.en).toBe('First?');

    const broken = structuredClone(v.body);
    broken.questions[0]!.correct = broken.questions[0]!.options.map((o) => o.id);
    await expect(
      saveDraft(ctx, editor, QUIZ_KIND, { slug: SET, locale: QUIZ_LOCALE, revision: 1, base: v.base, body: broken })
    ).rejects.toThrow();
    const other = { ...v.body, id: 'what-can-i-do' };
    expect(
      await errorOf(
        saveDraft(ctx, editor, QUIZ_KIND, { slug: SET, locale: QUIZ_LOCALE, revision: 1, base: v.base, body: other })
      )
    ).toMatchObject({ code: 'validation' });
    const still = await view();
    expect(still.open?.revision).toBe(1);
    expect(still.body.questions[0]!.text.en).toBe('First?');
    await changeState(ctx, editor, { ...ref, number: first.number, action: 'archive' });
  });

  it('removing a question through the form archives it with its text; analysts may not edit', async () => {
    const v = await view();
    const r = quizSetFromDraft(v.body, applyQuizOp(draftFromSet(v.body), { op: 'remove-question', i: 0 }), new Date());
    if (!r.ok) throw new Error(JSON.stringify(r.fields));
    expect(r.set.archived?.map((q) => q.id)).toContain(v.body.questions[0]!.id);
    expect(await errorOf(view(analyst))).toMatchObject({ code: 'forbidden' });
    expect(
      await errorOf(
        saveDraft(ctx, analyst, QUIZ_KIND, { slug: SET, locale: QUIZ_LOCALE, revision: 0, base: v.base, body: r.set })
      )
    ).toMatchObject({ code: 'forbidden' });
  });

  it('export → import round-trips the quiz sets with no changes; an edited file is published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forebygg-quiz-'));
    try {
      const { written } = await exportContent(ctx.db, dir);
      expect(written.filter((p) => p.startsWith('quizzes/')).sort()).toEqual([
        'quizzes/sectors-around-us.json',
        'quizzes/what-can-i-do.json',
        'quizzes/what-is-trafficking.json'
      ]);
      expect((await importContent(ctx, dir, { dryRun: true })).changes).toEqual([]);
      const file = join(dir, 'quizzes', `${SET}.json`);
      const set = JSON.parse(readFileSync(file, 'utf8')) as TQuizSet;
      set.title.en = 'Trafficking: the quiz';
      writeFileSync(file, JSON.stringify(set));
      const dry = await importContent(ctx, dir, { dryRun: true });
      expect(dry.changes.map((c) => [c.path, c.change])).toEqual([[`quizzes/${SET}.json`, 'changed']]);
      await importContent(ctx, dir, { dryRun: false });
      expect((await getQuiz(ctx.db, SET)).title.en).toBe('Trafficking: the quiz');
      expect((await importContent(ctx, dir, { dryRun: true })).changes).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
