// `npx tsx tests/load/listeners.ts [--requests N] [--only <substring>]`: which kind of request leaves abort
// listeners behind. Starts the production build with the test-only probe (tests/load/heap-probe.js), then for
// each kind of request of the load test's mix sends N of them (16 at a time) and reads, after a full GC with
// finalizers run, how many AbortSignals, abort listeners, AbortControllers, WeakRefs and Requests are alive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBuiltApp } from '../../scripts/app-server.js';
import { requestMix, type TRequest } from './mix';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

export interface TProbe {
  abortSignals: number;
  abortListeners: number;
  abortControllers: number;
  weakRefs: number;
  requests: number;
  memory: NodeJS.MemoryUsage;
}

/** Starts the build with the probe preloaded; `probe()` reads the live counts after a full GC. */
export async function startProbedApp(databaseUrl: string, nodeOptions = '') {
  const probePort = await freePort();
  const app = await startBuiltApp(databaseUrl, {
    FOREBYGG_PROBE_PORT: String(probePort),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions} --import ./tests/load/heap-probe.js`.trim()
  });
  const probe = async (): Promise<TProbe> => (await fetch(`http://127.0.0.1:${probePort}/`)).json() as Promise<TProbe>;
  return { ...app, probe };
}

/** Sends `amount` requests of one kind, `connections` at a time; resolves with the count that was not 2xx. */
export async function drive(origin: string, requests: TRequest | TRequest[], amount: number, connections = 16) {
  const kinds = Array.isArray(requests) ? requests : [requests];
  let sent = 0;
  let bad = 0;
  const worker = async () => {
    while (sent < amount) {
      const request = kinds[sent++ % kinds.length];
      try {
        const res = await fetch(origin + request.path, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(30_000)
        });
        await res.arrayBuffer();
        if (res.status < 200 || res.status >= 300) bad++;
      } catch {
        bad++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, amount) }, worker));
  return bad;
}

if (process.argv[1]?.endsWith('listeners.ts')) {
  const n = Number(option('requests', '500'));
  const only = option('only', '');
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-listeners-'));
  const app = await startProbedApp(`sqlite:${join(dir, 'listeners.db')}`);
  try {
    const mix = (await requestMix(app.origin)).filter((r) => r.path.includes(only));
    // One round of everything first, so caches and lazily built things are not counted as growth.
    if (!args.includes('--mix')) for (const r of mix) await drive(app.origin, r, 20, 4);
    let before = await app.probe();
    if (args.includes('--list')) console.log(mix.map((r) => `${r.method} ${r.path}`).join('\n'));
    console.log(
      `${mix.length} kinds, ${n} requests each; at the start: ${JSON.stringify({ ...before, memory: undefined })}`
    );
    const rows = [];
    if (args.includes('--mix')) {
      // The whole mix in turn, doubling the total: a leak grows with the requests, a cache does not.
      for (let total = n; total <= n * 8; total *= 2) {
        const bad = await drive(app.origin, mix, total);
        const after = await app.probe();
        console.log(
          JSON.stringify({
            total,
            bad,
            ...after,
            memory: undefined,
            heapUsedKiB: Math.round(after.memory.heapUsed / 1024),
            rssKiB: Math.round(after.memory.rss / 1024)
          })
        );
      }
    }
    for (const r of args.includes('--mix') ? [] : mix) {
      const bad = await drive(app.origin, r, n);
      const after = await app.probe();
      rows.push({
        request: `${r.method} ${r.path}`.slice(0, 70),
        bad,
        signals: after.abortSignals - before.abortSignals,
        listeners: after.abortListeners - before.abortListeners,
        controllers: after.abortControllers - before.abortControllers,
        weakRefs: after.weakRefs - before.weakRefs,
        requests: after.requests - before.requests,
        heapKiB: Math.round((after.memory.heapUsed - before.memory.heapUsed) / 1024)
      });
      before = after;
      if (!args.includes('--quiet')) console.log(JSON.stringify(rows[rows.length - 1]));
    }
    console.table(rows);
  } finally {
    const exited = new Promise((r) => app.child.once('exit', r));
    app.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
