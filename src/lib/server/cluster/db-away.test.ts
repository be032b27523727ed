import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../app';
import { loadConfig } from '../config';
import { postgresBinaries, startPgCluster, type TPgCluster } from '../testing/pg-cluster';
import { isDatabaseUnavailable, unavailableResponse } from './db-away';
import type { TPgBus } from './pg-bus';

describe('isDatabaseUnavailable', () => {
  it('knows the ways a database goes away', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '53300', 'SQLITE_BUSY'])
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error(), { code: 'ECONNREFUSED' })]))).toBe(
      true
    );
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: { code: '57P01' } }))).toBe(true);
  });

  it('does not hide real bugs or bad data behind a 503', () => {
    for (const code of ['23505', '23503', '42P01', '22P02', 'SQLITE_CONSTRAINT_UNIQUE', 'ERR_INVALID_ARG_TYPE'])
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), (code, message) => {
        fc.pre(!/^(E[A-Z]+|0800\d|0800[0-6]|57P0[123]|53300|25006|SQLITE_)/.test(code));
        fc.pre(!/connection|timeout|not queryable|database system/i.test(message));
        expect(isDatabaseUnavailable(Object.assign(new Error(message), { code }))).toBe(false);
      })
    );
    for (const v of [null, undefined, 'ECONNREFUSED', 42]) expect(isDatabaseUnavailable(v)).toBe(false);
  });
});

describe('unavailableResponse', () => {
  it('answers the API with JSON 503, Retry-After and the message in the caller’s language', async () => {
    const r = unavailableResponse('/api/v1/checks', '*/*', 'en');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.json()).toEqual({
      code: 'unavailable',
      message: 'The database is not available right now. Please try again in a few seconds.'
    });
  });

  it('answers a page with a 503 page in bokmål or English, with a heading and a way home', async () => {
    const r = unavailableResponse('/check', 'text/html', 'nb');
    expect(r.status).toBe(503);
    const html = await r.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<h1>Tjenesten er midlertidig utilgjengelig</h1>');
    expect(html).toContain('<main>');
    expect(await unavailableResponse('/en/check', 'text/html', 'en').text()).toContain('href="/en"');
  });
});

const hasPostgres = postgresBinaries() !== null;

describe.runIf(hasPostgres)('PostgreSQL stopped and started under a running app', () => {
  let cluster: TPgCluster;
  let ctx: AppContext;
  beforeAll(async () => {
    cluster = await startPgCluster();
    ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: cluster.url }));
    await (ctx.bus as TPgBus).ready();
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    cluster?.destroy();
  });

  it(
    'queries fail as "unavailable" while it is down, and the same context recovers without a restart',
    { timeout: 60_000 },
    async () => {
      expect((await sql<{ one: number }>`select 1 as one`.execute(ctx.db)).rows[0].one).toBe(1);
      const heard: string[] = [];
      const stop = ctx.bus.subscribe('topic', (m) => heard.push(m));

      cluster.stop('fast');
      const err = await sql`select 1`.execute(ctx.db).then(
        () => null,
        (e: unknown) => e
      );
      expect(err).not.toBeNull();
      expect(isDatabaseUnavailable(err)).toBe(true);

      cluster.start();
      let ok = false;
      for (let i = 0; i < 50 && !ok; i++) {
        ok = await sql`select 1`.execute(ctx.db).then(
          () => true,
          () => false
        );
        if (!ok) await new Promise((r) => setTimeout(r, 200));
      }
      expect(ok).toBe(true);
      // The live-update connection came back by itself and told its subscribers to look again.
      const until = Date.now() + 20_000;
      while (!(ctx.bus as TPgBus).connected() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect((ctx.bus as TPgBus).connected()).toBe(true);
      expect(heard).toContain('state');
      ctx.bus.publish('topic', 'answer');
      while (!heard.includes('answer') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toContain('answer');
      stop();
    }
  );
});
