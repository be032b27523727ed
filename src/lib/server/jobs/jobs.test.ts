import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../app';
import { loadConfig } from '../config';
import { openTestApp } from '../testing/test-app';
import { runExclusive, schedule, withLock } from './jobs';

let a: AppContext;
let b: AppContext;
beforeAll(async () => {
  a = await openTestApp();
  b = await openApp(loadConfig({ ...process.env, DATABASE_URL: a.config.DATABASE_URL }));
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runExclusive', () => {
  it('on two contexts at once runs the body once', async () => {
    let runs = 0;
    const body = async () => {
      runs++;
      await tick(200);
      return 'done';
    };
    const results = await Promise.all([runExclusive(a.db, 'test.once', body), runExclusive(b.db, 'test.once', body)]);
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, value: 'done' }]);
  });

  it('runs again once the first run has finished, also after the body threw', async () => {
    await expect(
      runExclusive(a.db, 'test.again', async () => {
        throw new Error('boom');
      })
    ).rejects.toThrow('boom');
    expect(await runExclusive(b.db, 'test.again', async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it('lets different jobs run at the same time', async () => {
    const results = await Promise.all([
      runExclusive(a.db, 'test.x', () => tick(100).then(() => 'x')),
      runExclusive(b.db, 'test.y', () => tick(100).then(() => 'y'))
    ]);
    expect(results).toEqual([
      { ran: true, value: 'x' },
      { ran: true, value: 'y' }
    ]);
  });
});

describe('withLock', () => {
  it('makes a second context wait for the first instead of skipping', async () => {
    const order: string[] = [];
    const work = (who: string) => async () => {
      order.push(`${who} in`);
      await tick(100);
      order.push(`${who} out`);
    };
    await Promise.all([withLock(a.db, 'test.wait', work('a')), withLock(b.db, 'test.wait', work('b'))]);
    expect(order).toHaveLength(4);
    expect(order[1]).toBe(`${order[0].split(' ')[0]} out`);
  });
});

describe('schedule', () => {
  it('runs at start when asked, every interval after, and reports a failing run without stopping', async () => {
    let runs = 0;
    const errors: string[] = [];
    const job = schedule(
      a.db,
      'test.schedule',
      50,
      async () => {
        runs++;
        if (runs === 2) throw new Error('second run fails');
      },
      { onError: (name, e) => errors.push(`${name}: ${(e as Error).message}`), runAtStart: true }
    );
    await tick(400);
    job.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual(['test.schedule: second run fails']);
    await tick(150);
    expect(runs).toBe(seen);
  });
});
