import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { getQuiz } from '../youth/youth.service';
import { learnFormValues } from '../../content/learn-form';
import { draftFromSet, fieldName, fieldsFromDraft, type TQuizDraft } from '../../youth/quiz-set-form';
import { QUIZ_KIND, QUIZ_LOCALE } from './content.quiz';
import { changeState, getEditor, getLearnEditor } from './content.service';

/** The studio's "new learning page" and "new quiz" forms, as plain form posts (no JavaScript). */
type THandler = (event: never) => Promise<unknown>;
let learnNew: { load: THandler; actions: Record<string, THandler> };
let quizNew: { load: THandler; actions: Record<string, THandler> };
let apiPages: THandler;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  learnNew = (await import('../../../routes/(staff)/admin/content/learn/new/+page.server')) as never;
  quizNew = (await import('../../../routes/(staff)/admin/content/quiz/new/+page.server')) as never;
  apiPages = (await import('../../../routes/api/v1/learn/pages/+server')).GET as THandler;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => (await app()).close());

function post(handler: THandler, path: string, fields: Record<string, string>, user: TSessionUser) {
  const { event } = fakeActionEvent(path, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', {
    user
  });
  return Promise.resolve()
    .then(() => handler({ ...event, params: {} } as never))
    .catch((e: unknown) => e);
}

function load(handler: THandler, path: string, user: TSessionUser) {
  const url = new URL(`http://localhost${path}`);
  const locals = { requestId: 't', locale: 'nb', user, sessionId: 's' };
  return Promise.resolve()
    .then(() => handler({ url, params: {}, locals } as never))
    .catch((e: unknown) => e);
}

type TData = { errors: Record<string, string>; values: Record<string, string>; draft: TQuizDraft; edited?: boolean };
const data = (r: unknown) => (isActionFailure(r) ? (r.data as unknown as TData) : (r as TData));

describe('a new learning page from the form', () => {
  async function pageFields(slug: string) {
    const seeded = await getLearnEditor((await app()).db, editor, 'sectors', 'nb');
    return {
      ...learnFormValues({ ...seeded.body, related: [] }, 0, 0),
      slug,
      locale: 'nb',
      title: 'Sesongarbeid i landbruket',
      summary: 'Hva du ser etter når noen plukker bær eller høster.',
      markdown: 'Ordet bærplukkertest står her.[^1]\n'
    };
  }
  const create = (fields: Record<string, string>, user = editor) =>
    post(learnNew.actions.default!, '/admin/content/learn/new', fields, user);

  it('refuses a bad slug and missing fields with a message beside each, in bokmål, storing nothing', async () => {
    const fields = await pageFields('Ikke Gyldig');
    const r = await create({ ...fields, title: '', s0_url: 'ftp://x' });
    expect(isActionFailure(r) && r.status).toBe(400);
    expect(data(r).errors).toMatchObject({
      title: 'Fyll ut feltet.',
      s0_url: 'Skriv en nettadresse som begynner med https:// eller http://.'
    });
    expect(data(r).values.markdown).toBe(fields.markdown);
    // With the fields right, the slug itself is refused beside its field.
    const bad = await create(fields);
    expect(isActionFailure(bad) && bad.status).toBe(400);
    expect(data(bad).errors).toEqual({
      slug: 'Bruk små bokstaver a–z, tall og bindestrek, og start med en bokstav eller et tall.'
    });
    const taken = await create({ ...fields, slug: 'sectors' });
    expect(isActionFailure(taken) && taken.status).toBe(409);
    expect(data(taken).errors.slug).toBe(
      'Adressen er allerede i bruk på dette språket. Velg en annen, eller rediger den som finnes.'
    );
    const lang = await create({ ...fields, slug: 'seasonal-work', locale: 'de' });
    expect(data(lang).errors.locale).toBe('Velg bokmål eller engelsk.');
    expect(await (load(learnNew.load, '/admin/content/learn/new', analyst) as Promise<unknown>)).toSatisfy(
      (e: unknown) => isHttpError(e) && e.status === 403
    );
    const forbidden = await create({ ...fields, slug: 'seasonal-work' }, analyst);
    expect(isHttpError(forbidden) && forbidden.status).toBe(403);
    const missing = await getLearnEditor((await app()).db, editor, 'seasonal-work', 'nb').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found' });
  });

  it('creates a draft and goes to its editor; once a second editor publishes it the API lists it', async () => {
    const r = await create(await pageFields('seasonal-work'));
    expect(isRedirect(r) && [r.status, r.location]).toEqual([303, '/admin/content/learn/seasonal-work/nb']);
    const ctx = await app();
    const view = await getLearnEditor(ctx.db, editor, 'seasonal-work', 'nb');
    expect(view.open).toMatchObject({ number: 1, state: 'draft' });
    const listed = async (): Promise<{ data: { slug: string }[] }> => {
      const res = (await apiPages({
        url: new URL('http://localhost/api/v1/learn/pages'),
        request: new Request('http://localhost/api/v1/learn/pages'),
        locals: { locale: 'nb', requestId: 't' }
      } as never)) as Response;
      return (await res.json()) as { data: { slug: string }[] };
    };
    expect((await listed()).data.map((p) => p.slug)).not.toContain('seasonal-work');
    await changeState(ctx, editor, { slug: 'seasonal-work', locale: 'nb', number: 1, action: 'submit' });
    await changeState(ctx, second, { slug: 'seasonal-work', locale: 'nb', number: 1, action: 'publish' });
    expect((await listed()).data.map((p) => p.slug)).toContain('seasonal-work');
  });

  it('the other language starts from the existing text, under the same slug', async () => {
    const page = (await load(learnNew.load, '/admin/content/learn/new?slug=seasonal-work&locale=en', editor)) as {
      values: Record<string, string>;
      prefilledFrom: string | null;
    };
    expect(page.prefilledFrom).toBe('nb');
    expect(page.values).toMatchObject({ slug: 'seasonal-work', locale: 'en', title: 'Sesongarbeid i landbruket' });
    const r = await create({ ...page.values, title: 'Seasonal work in farming', summary: 'What to look for.' });
    expect(isRedirect(r) && r.location).toBe('/admin/content/learn/seasonal-work/en');
    // A slug with no page yet: an empty form keeping the slug; a bad query is ignored.
    const empty = (await load(learnNew.load, '/admin/content/learn/new?slug=nothing-here&locale=en', editor)) as {
      values: Record<string, string>;
      prefilledFrom: string | null;
    };
    expect([empty.prefilledFrom, empty.values.slug, empty.values.title]).toEqual([null, 'nothing-here', undefined]);
    const odd = (await load(learnNew.load, '/admin/content/learn/new?slug=%00&locale=xx', editor)) as {
      values: Record<string, string>;
    };
    expect(odd.values).toMatchObject({ slug: '', locale: 'nb' });
  });
});

describe('a new quiz set from the form', () => {
  const path = '/admin/content/quiz/new';
  const send = (action: 'edit' | 'save', fields: Record<string, string>, user = editor) =>
    post(quizNew.actions[action]!, `${path}?/${action}`, fields, user);

  /** A one-question set made of the first question and the sources of a shipped set (ids left to the form). */
  async function filled(id: string): Promise<Record<string, string>> {
    const shipped = draftFromSet(await getQuiz((await app()).db, 'what-can-i-do'));
    const d: TQuizDraft = {
      ...shipped,
      id,
      order: '40',
      titleNb: 'Arbeid og rettigheter',
      titleEn: 'Work and rights',
      questions: [
        { ...shipped.questions[0]!, id: '', options: shipped.questions[0]!.options.map((o) => ({ ...o, id: '' })) }
      ]
    };
    return fieldsFromDraft(d);
  }

  it('the form starts with one question, two options and a source that can be ticked at once', async () => {
    const page = (await load(quizNew.load, path, editor)) as { draft: TQuizDraft };
    expect(page.draft.questions).toHaveLength(1);
    expect(page.draft.questions[0]!.options).toHaveLength(2);
    expect(page.draft.sources).toEqual([{ id: 'source-1', title: '', url: '' }]);
    const added = data(await send('edit', { ...fieldsFromDraft(page.draft), op: 'add-source' }));
    expect(added.edited).toBe(true);
    expect(added.draft.sources.map((s) => s.id)).toEqual(['source-1', 'source']);
    const bad = await send('edit', { ...fieldsFromDraft(page.draft), op: 'explode' });
    expect(isActionFailure(bad) && bad.status).toBe(400);
  });

  it('refuses an empty form and a bad or taken id beside their fields, storing nothing', async () => {
    const empty = (await load(quizNew.load, path, editor)) as { draft: TQuizDraft };
    const r = await send('save', fieldsFromDraft(empty.draft));
    expect(isActionFailure(r) && r.status).toBe(400);
    expect(data(r).errors).toMatchObject({
      id: 'Bruk små bokstaver a–z, tall og bindestrek, og start med en bokstav eller et tall.',
      'title-nb': 'Skriv teksten både på bokmål og engelsk (høyst 2000 tegn).',
      [fieldName.question(0, 'nb')]: 'Skriv teksten både på bokmål og engelsk (høyst 2000 tegn).'
    });
    const taken = await send('save', await filled('what-is-trafficking'));
    expect(isActionFailure(taken) && taken.status).toBe(409);
    expect(data(taken).errors.id).toBe(
      'Adressen er allerede i bruk på dette språket. Velg en annen, eller rediger den som finnes.'
    );
    expect(data(taken).draft.titleNb).toBe('Arbeid og rettigheter');
    const forbidden = await send('save', await filled('work-rights'), analyst);
    expect(isHttpError(forbidden) && forbidden.status).toBe(403);
    const missing = await getEditor((await app()).db, editor, QUIZ_KIND, 'work-rights', QUIZ_LOCALE).catch(
      (e: unknown) => e
    );
    expect(missing).toMatchObject({ code: 'not_found' });
  });

  it('a valid form is a draft; after review and publish pupils get the set', async () => {
    const shipped = await getQuiz((await app()).db, 'what-can-i-do');
    const r = await send('save', await filled('work-rights'));
    expect(isRedirect(r) && [r.status, r.location]).toEqual([303, '/admin/content/quiz/work-rights']);
    const ctx = await app();
    expect(await getQuiz(ctx.db, 'work-rights').catch((e: unknown) => e)).toMatchObject({ code: 'not_found' });
    const ref = { kind: QUIZ_KIND, slug: 'work-rights', locale: QUIZ_LOCALE, number: 1 };
    await changeState(ctx, editor, { ...ref, action: 'submit' });
    await changeState(ctx, second, { ...ref, action: 'publish' });
    const set = await getQuiz(ctx.db, 'work-rights');
    expect(set.title.nb).toBe('Arbeid og rettigheter');
    expect(set.questions.map((q) => q.text)).toEqual([shipped.questions[0]!.text]);
    expect(set.questions[0]!.options.map((o) => o.text)).toEqual(shipped.questions[0]!.options.map((o) => o.text));
    expect(set.sources).toEqual(shipped.sources);
    expect(set.order).toBe(40);
  });
});
