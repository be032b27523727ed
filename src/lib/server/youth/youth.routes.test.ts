import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import * as repo from './youth.repository';

type THandler = (event: never) => Promise<Response>;
type TAction = (event: never) => Promise<unknown>;
const h: Record<string, THandler> = {};
let answer: TAction;
let load: (event: never) => Promise<Record<string, unknown>>;

function event(path: string, params = {}) {
  const url = new URL(`http://localhost${path}`);
  return { url, request: new Request(url), locals: { locale: 'nb', requestId: 't' }, params } as never;
}

function post(path: string, fields: Record<string, string>, params: Record<string, string>, locale = 'nb') {
  const { event } = fakeActionEvent(path, new URLSearchParams(fields), 'application/x-www-form-urlencoded', {
    locale: locale as 'nb'
  });
  return { ...event, params } as never;
}

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  h.list = (await import('../../../routes/api/v1/quizzes/+server')).GET as THandler;
  h.one = (await import('../../../routes/api/v1/quizzes/[id]/+server')).GET as THandler;
  h.openapi = (await import('../../../routes/api/v1/openapi.json/+server')).GET as THandler;
  h.gain = (await import('../../../routes/api/v1/youth/knowledge-gain/+server')).GET as THandler;
  h.qr = (await import('../../../routes/join/qr.svg/+server')).GET as THandler;
  const page = await import('../../../routes/youth/quiz/[set]/+page.server');
  answer = page.actions.default as TAction;
  load = page.load as never;
  await app();
});
afterAll(async () => (await app()).close());

describe('API', () => {
  it('lists the quizzes and gives one without its answers; 404 in the caller language', async () => {
    const list = await (await h.list(event('/api/v1/quizzes'))).json();
    expect(list.data.map((s: { id: string }) => s.id)).toEqual([
      'what-is-trafficking',
      'sectors-around-us',
      'what-can-i-do'
    ]);
    expect(list.data[0]).toMatchObject({ targetAge: '13-15', questionCount: 10 });
    const one = await (await h.one(event('/api/v1/quizzes/what-can-i-do', { id: 'what-can-i-do' }))).json();
    expect(one.questions).toHaveLength(10);
    expect(one.questions[0]).not.toHaveProperty('correct');
    expect(one.questions[0]).not.toHaveProperty('explanation');
    const missing = await h.one(event('/api/v1/quizzes/nope?lang=en', { id: 'nope' }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe('We cannot find a quiz with this name.');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await h.openapi(event('/api/v1/openapi.json'))).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/quizzes', '/api/v1/quizzes/{id}', '/api/v1/youth/knowledge-gain'])
    );
  });

  it('knowledge gain: a bad week is a 400 with a field message, a good range answers', async () => {
    const bad = await h.gain(event('/api/v1/youth/knowledge-gain?from=2026-48&lang=en'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields.from).toBe('Write the week as YYYY-Www, for example 2026-W48.');
    const ok = await h.gain(event('/api/v1/youth/knowledge-gain?from=2026-W01&to=2026-W52'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      filter: { from: '2026-W01', to: '2026-W52', municipality: null },
      municipalities: [],
      data: []
    });
  });

  it('knowledge gain per school municipality: a filter, and a bad municipality is a 400', async () => {
    const { addClassTally } = await import('./classroom.repository');
    const db = (await app()).db;
    for (const [run, answered, correct] of [
      ['before', 20, 5],
      ['after', 20, 15]
    ] as const)
      await addClassTally(
        db,
        { set_id: 'what-can-i-do', question_id: 'danger-now', run, iso_week: '2026-W03', municipality: '0301' },
        answered,
        correct
      );
    const res = await h.gain(event('/api/v1/youth/knowledge-gain?from=2026-W01&to=2026-W52&municipality=0301'));
    const body = await res.json();
    expect(body.filter.municipality).toBe('0301');
    expect(body.municipalities).toEqual([
      expect.objectContaining({
        municipality: '0301',
        name: 'Oslo-Oslove',
        answeredBefore: { count: 20, suppressed: false, display: '20' },
        changePoints: 50
      })
    ]);
    expect(body.data).toEqual([expect.objectContaining({ setId: 'what-can-i-do', questionId: 'danger-now' })]);
    const other = await (await h.gain(event('/api/v1/youth/knowledge-gain?municipality=4601'))).json();
    expect([other.municipalities, other.data]).toEqual([[], []]);
    const bad = await h.gain(event('/api/v1/youth/knowledge-gain?municipality=Oslo'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields.municipality).toBe('Velg en kommune fra listen.');
  });

  it('the staff page shows knowledge gain per municipality and question; bad weeks get a message; others are refused', async () => {
    const gainPage = await import('../../../routes/(staff)/admin/youth/knowledge-gain/+page.server');
    const staffEvent = (path: string, roles: string[]) => {
      const url = new URL(`http://localhost${path}`);
      const user = { id: 'u', roles, hasTotp: true, memberships: [] };
      return { url, locals: { locale: 'nb', requestId: 't', user }, params: {} } as never;
    };
    const data = (await gainPage.load(
      staffEvent('/admin/youth/knowledge-gain?from=2026-W01&to=2026-W52&municipality=0301', ['analyst'])
    )) as Record<string, never>;
    expect(data.errors).toEqual({});
    expect(data.byMunicipality).toEqual([
      expect.objectContaining({ name: 'Oslo-Oslove', before: '20', after: '20', shareBefore: 0.25, changePoints: 50 })
    ]);
    expect(data.byQuestion).toEqual([
      expect.objectContaining({ set: 'Hva kan jeg gjøre?', number: 1, shareAfter: 0.75 })
    ]);
    const bad = (await gainPage.load(staffEvent('/admin/youth/knowledge-gain?from=uke48', ['editor']))) as Record<
      string,
      Record<string, string>
    >;
    expect(bad.errors!.from).toBe('Skriv uka som ÅÅÅÅ-Wuu, for eksempel 2026-W48.');
    const refused = await Promise.resolve()
      .then(() => gainPage.load(staffEvent('/admin/youth/knowledge-gain', ['case_handler'])))
      .then(
        () => null,
        (e: unknown) => e
      );
    expect(isHttpError(refused) && refused.status).toBe(403);
  });

  it("the editors' question form: a refused save keeps the values and names the field; a good one redirects", async () => {
    const route = await import('../../../routes/(staff)/admin/youth/[id]/questions/[qid]/+page.server');
    const { getQuiz } = await import('./youth.service');
    const { questionFields } = await import('../../youth/question-form');
    const editorUser = { id: 'u', roles: ['editor'], hasTotp: true, memberships: [] } as never;
    const set = await getQuiz((await app()).db, 'sectors-around-us');
    const q = set.questions[0]!;
    const send = (fields: Record<string, string>) => {
      const { event } = fakeActionEvent(
        `/admin/youth/${set.id}/questions/${q.id}`,
        new URLSearchParams(fields),
        'application/x-www-form-urlencoded',
        { user: editorUser }
      );
      return Promise.resolve()
        .then(() => route.actions.default({ ...event, params: { id: set.id, qid: q.id } } as never))
        .catch((e: unknown) => e);
    };
    const refused = (await send({ ...questionFields(q), 'option-0-en': '' })) as {
      status: number;
      data: { errors: Record<string, string>; values: Record<string, string> };
    };
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({ 'option-0-en': 'Skriv alternativet både på bokmål og engelsk.' });
    expect(refused.data.values['text-nb']).toBe(q.text.nb);
    const saved = (await send({ ...questionFields(q), 'text-en': 'Where is trafficking found?' })) as {
      status: number;
      location: string;
    };
    expect([saved.status, saved.location]).toEqual([303, `/admin/youth/${set.id}?saved=question`]);
    expect((await getQuiz((await app()).db, set.id)).questions[0]!.text.en).toBe('Where is trafficking found?');
  });

  it('move and delete in the editor: plain form posts; bad input is a 400 that stores nothing', async () => {
    const setRoute = await import('../../../routes/(staff)/admin/youth/[id]/+page.server');
    const delRoute = await import('../../../routes/(staff)/admin/youth/[id]/questions/[qid]/delete/+page.server');
    const { getQuiz } = await import('./youth.service');
    const editorUser = { id: 'u', roles: ['editor'], hasTotp: true, memberships: [] } as never;
    // The first question stays first: a later test answers it.
    const setId = 'sectors-around-us';
    const before = (await getQuiz((await app()).db, setId)).questions.map((q) => q.id);
    const send = (action: TAction, path: string, fields: Record<string, string>, params: Record<string, string>) => {
      const { event } = fakeActionEvent(path, new URLSearchParams(fields), 'application/x-www-form-urlencoded', {
        user: editorUser
      });
      return Promise.resolve()
        .then(() => action({ ...event, params } as never))
        .catch((e: unknown) => e) as Promise<{ status: number; location?: string; data?: { errors: object } }>;
    };
    const move = (fields: Record<string, string>) =>
      send(setRoute.actions.move as TAction, `/admin/youth/${setId}`, fields, { id: setId });
    const refused = await move({ question: before[2]!, direction: 'sideways' });
    expect([refused.status, refused.data?.errors]).toEqual([
      400,
      { direction: 'Velg om spørsmålet skal flyttes opp eller ned.' }
    ]);
    expect((await move({ question: 'nope', direction: 'up' })).status).toBe(404);
    const moved = await move({ question: before[2]!, direction: 'up' });
    expect([moved.status, moved.location]).toEqual([
      303,
      `/admin/youth/${setId}?moved=${before[2]}#question-${before[2]}`
    ]);
    const order = (await getQuiz((await app()).db, setId)).questions.map((q) => q.id);
    expect(order.slice(0, 3)).toEqual([before[0], before[2], before[1]]);

    const del = (fields: Record<string, string>) =>
      send(delRoute.actions.default as TAction, `/admin/youth/${setId}/questions/${before[1]}/delete`, fields, {
        id: setId,
        qid: before[1]!
      });
    // A post without the confirming button deletes nothing.
    expect((await del({})).status).toBe(400);
    expect((await getQuiz((await app()).db, setId)).questions.map((q) => q.id)).toEqual(order);
    const deleted = await del({ confirm: 'yes' });
    expect([deleted.status, deleted.location]).toEqual([303, `/admin/youth/${setId}?deleted=removed`]);
    expect((await getQuiz((await app()).db, setId)).questions.map((q) => q.id)).toEqual(
      order.filter((id) => id !== before[1])
    );
    // Deleting it again: a 404 in the editor's language.
    const again = await del({ confirm: 'yes' });
    expect(again.status).toBe(404);
  });

  it('the join QR code is an SVG made here; a bad code is a 400', async () => {
    const qr = await h.qr(event('/join/qr.svg?code=k7m2qx'));
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg/);
    expect((await h.qr(event('/join/qr.svg?code=nope'))).status).toBe(400);
  });
});

describe('the self-paced quiz page', () => {
  it('shows the question after the progress, and the summary at the end', async () => {
    const first = await load(event('/youth/quiz/what-is-trafficking', { set: 'what-is-trafficking' }));
    expect(first.question).toMatchObject({ number: 1, text: 'Hvilket FN-dokument definerer menneskehandel?' });
    const third = await load(event('/youth/quiz/what-is-trafficking?r=10', { set: 'what-is-trafficking' }));
    expect(third.question).toMatchObject({ number: 3, multiple: true });
    const done = await load(event('/youth/quiz/what-is-trafficking?r=1101101101', { set: 'what-is-trafficking' }));
    expect(done.question).toBeNull();
    expect(done.summary).toMatchObject({ right: 7, total: 10 });
    try {
      await load(event('/youth/quiz/nope', { set: 'nope' }));
      expect.unreachable();
    } catch (e) {
      expect(isHttpError(e) && e.status).toBe(404);
    }
  });

  it('a form post answers, explains with the source and gives the next step', async () => {
    const out = (await answer(
      post('/youth/quiz/what-can-i-do?r=1', { answer: 'yes' }, { set: 'what-can-i-do' }, 'en')
    )) as { feedback: Record<string, unknown> };
    expect(out.feedback).toMatchObject({
      number: 2,
      correct: true,
      chosen: 'Yes',
      progress: '11',
      finished: false
    });
    expect(out.feedback.explanation).toContain('A tip is not a police report');
    expect(out.feedback.sources).toEqual([expect.objectContaining({ id: 'kripos-tips' })]);
    const multi = (await answer(
      post(
        '/youth/quiz/sectors-around-us',
        { 'answer-construction': 'on', 'answer-cleaning': 'on' },
        { set: 'sectors-around-us' }
      )
    )) as { feedback: Record<string, unknown> };
    expect(multi.feedback).toMatchObject({ correct: false, progress: '0' });
    expect(multi.feedback.rightAnswer).toBe('Bygg og anlegg; Bilpleie; Renhold; Landbruk');
  });

  it('no answer gives a 400 with the field message, and nothing is counted', async () => {
    const ctx = await app();
    const before = await repo.questionTallies(ctx.db, { setId: 'what-is-trafficking', mode: 'self' });
    const out = (await answer(post('/youth/quiz/what-is-trafficking', {}, { set: 'what-is-trafficking' }))) as {
      status: number;
      data: { errors: Record<string, string> };
    };
    expect(out.status).toBe(400);
    expect(out.data.errors.answer).toBe('Velg et svar før du går videre.');
    expect(await repo.questionTallies(ctx.db, { setId: 'what-is-trafficking', mode: 'self' })).toEqual(before);
  });
});
