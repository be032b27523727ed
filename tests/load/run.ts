// The load test: `npm run test:load [-- --seconds 60] [-- --connections 64] [-- --db postgres]`; the soak
// variant is the same with `--minutes N`. Starts the production build and loads it with a mix of every
// public page, every API read in the OpenAPI document and every write example that can be repeated, from
// autocannon on loopback, at a concurrency that saturates this machine, after a 10 s warm-up that is not
// measured. It fails on any 5xx, any dropped connection or timeout, or the memory the app keeps (its RSS
// after a full GC) growing more than 10 % between the end of the warm-up and the end of the run; RSS under
// load is printed too. It prints throughput and latency per run; docs/reliability.md keeps the figures.
// `--heap-snapshots <dir>` also writes a V8 heap snapshot of the app after the warm-up and after the
// run (each after a full GC); `npx tsx tests/load/heap-diff.ts <first> <last>` tells what grew.
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rerunInPostgres } from '../../scripts/app-server.js';
import { startProbedApp, type TProbe } from './listeners';
import { requestMix, toAutocannon } from './mix';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seconds = args.includes('--minutes') ? Number(option('minutes', '10')) * 60 : Number(option('seconds', '60'));
const connections = Number(option('connections', '64'));
const snapshotDir = option('heap-snapshots', '');
if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });

if (!(option('db', 'sqlite') === 'postgres' && rerunInPostgres())) await main();

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-load-'));
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : `sqlite:${join(dir, 'load.db')}`;
  // The build runs with the test-only probe (tests/load/heap-probe.js): live abort listeners and
  // process.memoryUsage() after a full GC, read after the warm-up and after the run.
  const app = await startProbedApp(
    databaseUrl,
    snapshotDir ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}` : ''
  );
  const failures: string[] = [];
  try {
    const requests = await requestMix(app.origin);
    console.log(
      `load: ${requests.length} kinds of request, ${connections} connections, ${seconds} s on ${databaseUrl.split(':')[0]}`
    );
    // Warm-up, not measured: the first seconds fill the JIT, the statement caches and the connection pool.
    await autocannon({ url: app.origin, connections, duration: 10, timeout: 10, requests: toAutocannon(requests) });
    const before = await app.probe();
    if (snapshotDir) console.log(`load: heap snapshot ${await heapSnapshot(app.child.pid as number, snapshotDir)}`);
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(residentMemory(app.child.pid as number)), 1000);
    const result = await autocannon({
      url: app.origin,
      connections,
      duration: seconds,
      timeout: 10,
      requests: toAutocannon(requests)
    });
    clearInterval(sampler);
    const after = await app.probe();
    if (snapshotDir) console.log(`load: heap snapshot ${await heapSnapshot(app.child.pid as number, snapshotDir)}`);
    const first = mean(rss.slice(0, 10));
    const last = mean(rss.slice(-10));
    const growth = (last - first) / first;
    const figures = {
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      '5xx': result['5xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      rssFirst10sMB: Math.round(first / 1024),
      rssLast10sMB: Math.round(last / 1024),
      rssGrowth: `${(growth * 100).toFixed(1)} %`,
      keptAfterGcMB: `${Math.round(before.memory.rss / 2 ** 20)} → ${Math.round(after.memory.rss / 2 ** 20)}`
    };
    console.table([figures]);
    // RSS as a series (mean of each minute, or of each 10 s in a run under 5 minutes), so a plateau shows.
    const step = seconds >= 300 ? 60 : 10;
    const series = [];
    for (let i = 0; i < rss.length; i += step) series.push(Math.round(mean(rss.slice(i, i + step)) / 1024));
    console.log(`load: RSS per ${step} s (MB): ${series.join(' ')}`);
    console.log(`load: after a full GC, warm-up → end: ${describe(before)} → ${describe(after)}`);
    // An abort listener per request kept for good grows with the requests; those still in flight when the
    // load stopped are at most one per connection.
    const grown = after.abortListeners - before.abortListeners;
    if (grown > connections) failures.push(`${grown} abort listeners more after the run than after the warm-up`);
    if (result['5xx']) failures.push(`${result['5xx']} answers were 5xx`);
    if (result.non2xx) failures.push(`${result.non2xx} answers were not 2xx`);
    if (result.errors || result.timeouts) {
      failures.push(`${result.errors} connection errors and ${result.timeouts} timeouts: requests were dropped`);
    }
    // Memory the app keeps: RSS after a full GC at the end of the warm-up and at the end of the run. RSS while
    // loaded also holds garbage V8 has not collected yet (its young and old generations grow before a major
    // GC, more so on a starved CPU), so the series above can climb 30 % and fall back to +3 % after one full
    // GC (docs/reliability.md, "Memory: what the app keeps"): it is shown, not judged.
    const kept = (after.memory.rss - before.memory.rss) / before.memory.rss;
    if (kept > 0.1) failures.push(`memory kept grew ${(kept * 100).toFixed(1)} % after a full GC (limit 10 %)`);
  } finally {
    const exited = new Promise((r) => app.child.once('exit', r));
    app.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`load: FAILED\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('load: no 5xx, nothing dropped, memory stable');
}

/** Asks the app for a heap snapshot (SIGUSR2) and resolves with its file once it is written whole. */
async function heapSnapshot(pid: number, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  for (let lastSize = -1; ;) {
    await new Promise((r) => setTimeout(r, 1000));
    const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    if (size > 0 && size === lastSize) return join(dir, file);
    lastSize = size;
  }
}

/** Resident memory of a process in KiB, from /proc. */
function residentMemory(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

function describe(p: TProbe): string {
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const m = p.memory;
  return `${p.abortListeners} abort listeners, ${p.weakRefs} WeakRefs, rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} MiB`;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}
