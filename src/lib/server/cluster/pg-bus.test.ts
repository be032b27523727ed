import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../app';
import { loadConfig } from '../config';
import { openTestApp } from '../testing/test-app';
import { backoffMs, decodeBusMessage, encodeBusMessage, type TPgBus } from './pg-bus';

describe('bus messages', () => {
  it('decode what they encode, and ignore anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (topic, message) => {
        const payload = encodeBusMessage(topic, message);
        expect(payload).not.toBeNull();
        expect(decodeBusMessage(payload!)).toEqual({ topic, message });
      })
    );
    for (const junk of [undefined, '', 'x', '[]', '["a"]', '[1,2]', '{"t":"a"}', '["a","b","c"]'])
      expect(decodeBusMessage(junk)).toBeNull();
  });

  it('are refused when PostgreSQL would refuse them (8000 bytes)', () => {
    expect(encodeBusMessage('t', 'x'.repeat(8000))).toBeNull();
  });

  it('reconnect with a doubling wait that never exceeds the maximum', () => {
    fc.assert(
      fc.property(fc.nat(1000), (n) => {
        const w = backoffMs(n, 250, 10_000);
        expect(w).toBeGreaterThanOrEqual(250);
        expect(w).toBeLessThanOrEqual(10_000);
        expect(backoffMs(n + 1, 250, 10_000)).toBeGreaterThanOrEqual(w);
      })
    );
    expect([0, 1, 2].map((n) => backoffMs(n))).toEqual([250, 500, 1000]);
  });
});

describe('live updates between two app contexts on one database', () => {
  let a: AppContext;
  let b: AppContext;
  beforeAll(async () => {
    a = await openTestApp();
    b = await openApp(loadConfig({ ...process.env, DATABASE_URL: a.config.DATABASE_URL }));
    if (a.dialect === 'postgres') await Promise.all([(a.bus as TPgBus).ready(), (b.bus as TPgBus).ready()]);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const next = (ctx: AppContext, topic: string) =>
    new Promise<string>((resolve) => {
      const stop = ctx.bus.subscribe(topic, (m) => {
        stop();
        resolve(m);
      });
    });

  it('a publish on A reaches a subscriber on B (and on A)', async () => {
    const onB = next(b, 'session-1');
    const onA = next(a, 'session-1');
    a.bus.publish('session-1', 'answer');
    expect(await onB).toBe('answer');
    expect(await onA).toBe('answer');
  });

  it('other topics are not woken', async () => {
    const heard: string[] = [];
    const stop = b.bus.subscribe('session-2', (m) => heard.push(m));
    const onThree = next(b, 'session-3');
    a.bus.publish('session-3', 'state');
    expect(await onThree).toBe('state');
    stop();
    expect(heard).toEqual([]);
  });

  it('on PostgreSQL, the listening connection comes back after it is killed, and tells subscribers to look again', async () => {
    if (a.dialect !== 'postgres') return;
    const bus = b.bus as TPgBus;
    const heard: string[] = [];
    const stop = bus.subscribe('session-4', (m) => heard.push(m));
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`.execute(a.db);
    const until = Date.now() + 10_000;
    while (!heard.includes('state') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(heard).toContain('state');
    expect(bus.connected()).toBe(true);
    const after = next(b, 'session-4');
    a.bus.publish('session-4', 'answer');
    expect(await after).toBe('answer');
    stop();
  });
});
