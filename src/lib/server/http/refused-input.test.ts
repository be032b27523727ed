import type { RequestEvent } from '@sveltejs/kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { isAppError } from '../errors';
import { openTestApp } from '../testing/test-app';
import { apiRespond } from './api';
import { failFromError } from './forms';
import { rethrowAsHttpError } from './load';
import { refusedInputCode, refusedInputError, refusedInputResponse } from './refused-input';

/** An error as node-postgres throws it for a data exception. */
const pgError = (code: string) => Object.assign(new Error('value out of range for type integer'), { code });

describe('refusedInputCode', () => {
  it('knows PostgreSQL data exceptions (class 22) and a value too big for an index, and nothing else', () => {
    for (const code of ['22003', '22P02', '22021', '22001', '22007', '22008', '22023', '2200N', '54000'])
      expect(refusedInputCode(pgError(code))).toBe(code);
    for (const code of ['23505', '08006', '40001', '57P01', 'SQLITE_BUSY', '2200', '220030', '42P01'])
      expect(refusedInputCode(pgError(code))).toBeNull();
    expect(refusedInputCode(new Error('plain'))).toBeNull();
    expect(refusedInputCode(undefined)).toBeNull();
    expect(refusedInputCode('22003')).toBeNull();
  });

  it('finds the code in a cause (a wrapped driver error)', () => {
    expect(refusedInputCode(new Error('outer', { cause: pgError('22021') }))).toBe('22021');
  });
});

describe('the answers to input the database refused', () => {
  const event = (lang: string) =>
    ({
      url: new URL(`http://localhost/api/v1/x?lang=${lang}`),
      request: new Request('http://localhost/api/v1/x'),
      route: { id: '/api/v1/x' }
    }) as unknown as RequestEvent;

  it('API: 400 with the message in the caller’s language, never 500', async () => {
    for (const [lang, text] of [
      ['nb', 'kan ikke lagres eller søkes etter'],
      ['en', 'cannot be stored or searched for']
    ]) {
      const res = await apiRespond(event(lang), async () => {
        throw pgError('22003');
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.code).toBe('bad_request');
      expect(body.message).toContain(text);
    }
    // Anything else is still a real failure.
    await expect(
      apiRespond(event('nb'), async () => {
        throw pgError('42P01');
      })
    ).rejects.toThrow();
  });

  it('form: fail(400) with the message; a load: the HTTP error 400', () => {
    const failure = failFromError(pgError('22021'), 'en', { name: 'x' });
    expect(failure.status).toBe(400);
    expect(failure.data.message).toContain('cannot be stored');
    expect(failure.data.values).toEqual({ name: 'x' });
    expect(() => failFromError(new Error('boom'), 'nb', {})).toThrow('boom');
    try {
      rethrowAsHttpError(pgError('22007'), 'nb');
    } catch (e) {
      expect((e as { status: number }).status).toBe(400);
    }
  });

  it('a page: a 400 page in the page’s language; JSON for the API and JSON callers', async () => {
    const page = refusedInputResponse('/en/directory', 'text/html', 'en');
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('cannot be stored');
    const api = refusedInputResponse('/api/v1/organisations', '*/*', 'nb');
    expect(api.status).toBe(400);
    expect((await api.json()).code).toBe('bad_request');
    expect(refusedInputResponse('/admin', 'application/json', 'nb').headers.get('content-type')).toBe(
      'application/json'
    );
  });
});

describe('on the database under test', () => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await openTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  /** Runs `query`; the error it threw, if any. */
  const errorOf = async (query: Promise<unknown>) => {
    try {
      await query;
      return null;
    } catch (e) {
      return e;
    }
  };

  it('what PostgreSQL refuses (an integer beyond int4, not a timestamp) becomes a 400; SQLite accepts it', async () => {
    // Each query starts only when it is awaited: started together, the second one's refusal could arrive before
    // anything awaits it and count as an unhandled rejection.
    const queries = [
      () => sql`select cast(${'2147483648'} as integer) as v`.execute(ctx.db),
      () =>
        sql`select cast(${'2026-02-30T00:00:00Z'} as ${sql.raw(ctx.dialect === 'postgres' ? 'timestamptz' : 'text')}) as v`.execute(
          ctx.db
        )
    ];
    for (const query of queries) {
      const error = await errorOf(query());
      if (ctx.dialect === 'postgres') {
        const refused = refusedInputError(error, 'test');
        expect(isAppError(refused)).toBe(true);
        expect(refused?.status).toBe(400);
      } else {
        expect(error).toBeNull();
      }
    }
  });

  it('NUL in text is refused before it reaches either database (400 with its own message)', async () => {
    const error = await errorOf(ctx.db.selectFrom('app_user').select('id').where('email', '=', 'a\u0000b').execute());
    expect(isAppError(error) && error.status).toBe(400);
    expect(isAppError(error) && error.message).toBe('validation.nul');
  });
});
