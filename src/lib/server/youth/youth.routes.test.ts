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
    expect(await ok.json()).toEqual({ filter: { from: '2026-W01', to: '2026-W52' }, data: [] });
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
