import { isActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { getQuiz } from '../youth/youth.service';
import { draftFromSet, fieldName, fieldsFromDraft, type TQuizDraft } from '../../youth/quiz-set-form';
import type { TQuizSet } from '../../youth/quiz';
import { QUIZ_KIND, QUIZ_LOCALE } from './content.quiz';
import { getEditor } from './content.service';

type THandler = (event: never) => Promise<unknown>;
let actions: Record<string, THandler>;
let editor: TSessionUser;
let second: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const mod = await import('../../../routes/(staff)/admin/content/quiz/[id]/+page.server');
  actions = mod.actions as Record<string, THandler>;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
});
afterAll(async () => (await app()).close());

const SET = 'what-can-i-do';
function post(action: string, fields: Record<string, string>, user: TSessionUser) {
  const { event } = fakeActionEvent(
    `/admin/content/quiz/${SET}?/${action}`,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    { user }
  );
  return actions[action]({ ...event, params: { id: SET } } as never);
}

async function form(user = editor): Promise<Record<string, string>> {
  const view = await getEditor<TQuizSet, string>((await app()).db, user, QUIZ_KIND, SET, QUIZ_LOCALE);
  return {
    ...fieldsFromDraft(draftFromSet(view.body)),
    revision: String(view.open?.revision ?? 0),
    base: String(view.base)
  };
}

type TData = { errors: Record<string, string>; draft: TQuizDraft; saved?: { number: number } };
const data = (r: unknown) => (isActionFailure(r) ? (r.data as unknown as TData) : (r as TData));

describe('the quiz form without JavaScript', () => {
  it('add and move buttons change the form and store nothing; an empty new question is refused beside its fields', async () => {
    const f = await form();
    const added = data(await post('edit', { ...f, op: 'add-question' }, editor));
    const n = Number(f.questionCount);
    expect(added.draft.questions).toHaveLength(n + 1);
    const moved = data(
      await post('edit', { ...fieldsFromDraft(added.draft), revision: '0', base: '1', op: 'question-down:0' }, editor)
    );
    expect(moved.draft.questions[1]!.id).toBe(added.draft.questions[0]!.id);
    expect((await getEditor((await app()).db, editor, QUIZ_KIND, SET, QUIZ_LOCALE)).open).toBeNull();

    const r = await post('save', { ...fieldsFromDraft(added.draft), revision: '0', base: '1' }, editor);
    expect(isActionFailure(r) && r.status).toBe(400);
    expect(data(r).errors[fieldName.question(n, 'nb')]).toBe(
      'Skriv teksten både på bokmål og engelsk (høyst 2000 tegn).'
    );
    expect(data(r).errors[fieldName.question(n, 'sources')]).toBe('Velg minst én av quizens kilder.');
    expect(data(r).draft.questions).toHaveLength(n + 1);
    expect((await getEditor((await app()).db, editor, QUIZ_KIND, SET, QUIZ_LOCALE)).open).toBeNull();

    const bad = await post('edit', { ...f, op: 'explode:9' }, editor);
    expect(isActionFailure(bad) && bad.status).toBe(400);
  });

  it('a good save is a draft; a second editor publishes it and the public set follows', async () => {
    const f = await form();
    const saved = data(await post('save', { ...f, [fieldName.question(0, 'en')]: 'Changed in the studio?' }, editor));
    expect(saved.saved?.number).toBe(2);
    expect((await post('submit', { number: '2' }, editor)) as object).toMatchObject({
      changed: { state: 'in_review' }
    });
    const own = await post('publish', { number: '2' }, editor);
    expect(isActionFailure(own) && own.status).toBe(409);
    await post('publish', { number: '2' }, second);
    expect((await getQuiz((await app()).db, SET)).questions[0]!.text.en).toBe('Changed in the studio?');
  });
});
