// Does a report submission stall everyone else? Health-check latency (GET /api/health, one request at a
// time) while clients submit reports through POST /api/v1/reports to the BUILT app, with argon2id on the
// main thread (KDF_WORKERS=0, as before issue 4's worker pool: the baseline of the same run) and on the
// worker pool (KDF_WORKERS=2, the default). Also proves the worker runs from build/ (every 202 is a
// report whose receipt key a worker derived).
// Usage: npx vite build && npx tsx bench/report-health.ts [--seconds 10] [--submitters 2] [--workers 2]
//        node scripts/with-postgres.js npx tsx bench/report-health.ts        (PostgreSQL)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/lib/server/app';
import { loadConfig } from '../src/lib/server/config';
import { addRule } from '../src/lib/server/report/report.service';
import { createCaseHandler, createTestOrganisation, signIn } from '../src/lib/server/report/report.testing';
import { setUpAdmin } from '../src/lib/server/testing/fixtures';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option('seconds', 10);
const submitters = option('submitters', 2);
const workers = option('workers', 2);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] * 10) / 10;
  return { n: s.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

const dir = mkdtempSync(join(tmpdir(), 'forebygg-report-health-'));
const isPg = process.env.DATABASE_URL?.startsWith('postgres');
const databaseUrl = isPg ? (process.env.DATABASE_URL as string) : `sqlite:${join(dir, 'app.db')}`;

// A receiving organisation with an active inbox, so every report is accepted.
{
  const ctx = await openApp(loadConfig({ DATABASE_URL: databaseUrl }));
  const { admin } = await setUpAdmin(ctx);
  const org = await createTestOrganisation(ctx, admin, 'Health bench receiver');
  // The first sign-in sets up the organisation's keys: only then is its inbox active.
  await signIn(ctx, (await createCaseHandler(ctx, admin, org)).id);
  await addRule(ctx.db, admin, { kind: 'other', scope: 'national', area: '', organisationId: org });
  await ctx.close();
}

const report = JSON.stringify({
  kind: 'other',
  indicators: [],
  text: 'Benchmark report. '.repeat(40),
  municipality: '0301',
  place: '',
  identity: 'anonymous',
  contact: ''
});

async function run(kdfWorkers: number) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [join('build', 'index.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: base,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      KDF_WORKERS: String(kdfWorkers),
      REPORT_SUBMITS_PER_HOUR: '1000000'
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 300) throw new Error('the app did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const health = async (until: number) => {
      const times: number[] = [];
      while (Date.now() < until) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/health`);
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
      return times;
    };
    // Warm up: the first report starts the workers and loads libsodium.
    await fetch(`${base}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: report
    });
    const idle = await health(Date.now() + seconds * 1000);

    const statuses: Record<string, number> = {};
    const until = Date.now() + seconds * 1000;
    const submit = async () => {
      while (Date.now() < until) {
        const res = await fetch(`${base}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: report
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    };
    const [loaded] = await Promise.all([health(until), ...Array.from({ length: submitters }, submit)]);
    return {
      kdf: kdfWorkers === 0 ? 'main thread' : `${kdfWorkers} worker(s)`,
      healthIdle: stats(idle),
      healthWhileSubmitting: stats(loaded),
      reportsPerS: Math.round(((statuses['202'] ?? 0) / seconds) * 10) / 10,
      statuses
    };
  } finally {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
  }
}

const results = [await run(0), await run(workers)];
const [before, after] = results;
console.log(
  JSON.stringify(
    {
      database: isPg ? 'postgres' : 'sqlite',
      seconds,
      submitters,
      results,
      healthP99Ratio: Math.round((after.healthWhileSubmitting.p99Ms / before.healthWhileSubmitting.p99Ms) * 1000) / 1000
    },
    null,
    2
  )
);
if (!isPg) rmSync(dir, { recursive: true, force: true });
for (const r of results) if (Object.keys(r.statuses).some((s) => s !== '202')) process.exitCode = 1;
