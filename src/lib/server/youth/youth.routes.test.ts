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

  it('the youth admin page of a set shows its answers and hands editing over to the content studio', async () => {
    const setRoute = await import('../../../routes/(staff)/admin/youth/[id]/+page.server');
    // No action writes the public set from here any more: editing is the studio's (drafts, review, publish).
    expect('actions' in setRoute).toBe(false);
    const url = new URL('http://localhost/admin/youth/sectors-around-us');
    const user = { id: 'u', roles: ['editor'], hasTotp: true, memberships: [] };
    const data = (await setRoute.load({
      url,
      locals: { locale: 'nb', requestId: 't', user },
      params: { id: 'sectors-around-us' }
    } as never)) as { id: string; questions: { number: number; answered: number }[] };
    expect(data.id).toBe('sectors-around-us');
    expect(data.questions.map((q) => q.number)).toEqual(data.questions.map((_, i) => i + 1));
    const missing = await Promise.resolve()
      .then(() =>
        setRoute.load({
          url,
          locals: { locale: 'nb', requestId: 't', user },
          params: { id: 'no-such-set' }
        } as never)
      )
      .catch((e: unknown) => e);
    expect(isHttpError(missing) && missing.status).toBe(404);
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
