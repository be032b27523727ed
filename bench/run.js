#!/usr/bin/env node
// The benchmark harness: `npm run bench [-- --db postgres] [-- --duration 10] [-- --only name]`.
// Starts the production build and the baseline server on a temp database, loads each scenario with
// autocannon from a separate process on loopback (bounded in time and connections), prints a table of
// absolute figures and ratios against the baseline measured in the same run, and writes
// bench/results/<date>-<db>.json. Needs `npm run build` first (npm run bench does it).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, rerunInPostgres, root, start, waitFor } from '../scripts/app-server.js';
import { measurePageScripts } from './page-weight.js';
import { publicPages, scenarios } from './scenarios.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dbKind = option('db', 'sqlite');
const duration = Number(option('duration', '5'));
const connections = Number(option('connections', '20'));
const only = option('only', null);

if (!(dbKind === 'postgres' && rerunInPostgres())) await main();

/** Runs autocannon in its own process and returns its JSON result. */
function autocannon(url, request) {
  const argv = [
    join(root, 'node_modules/autocannon/autocannon.js'),
    '--json',
    '-c',
    String(connections),
    '-d',
    String(duration),
    '-m',
    request.method
  ];
  for (const [k, v] of Object.entries(request.headers ?? {})) argv.push('-H', `${k}=${v}`);
  if (request.body !== undefined)
    argv.push('-b', typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
  argv.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited ${code}`))
    );
  });
}

/** What the baseline server is sent: a read, a small write, or the scenario's own body (survey-write). */
function baselineRequest(kind, request) {
  if (kind === 'read') return { method: 'GET' };
  if (kind === 'write') return { method: 'POST', body: '{"bench":true}' };
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body };
}

function summarise(result) {
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts
  };
}

async function main() {
  if (!existsSync(join(root, 'build/index.js')))
    throw new Error('No build: run `npm run build` first (npm run bench does).');
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-bench-'));
  const isPg = process.env.DATABASE_URL?.startsWith('postgres');
  const appDb = isPg ? process.env.DATABASE_URL : `sqlite:${join(dir, 'app.db')}`;
  const baseDb = isPg ? process.env.DATABASE_URL : `sqlite:${join(dir, 'baseline.db')}`;
  const [appPort, basePort] = [await freePort(), await freePort()];
  const app = start(process.execPath, ['build/index.js'], {
    DATABASE_URL: appDb,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    ORIGIN: `http://127.0.0.1:${appPort}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production'
  });
  const baseline = start(process.execPath, ['bench/baseline-server.js'], {
    DATABASE_URL: baseDb,
    PORT: String(basePort)
  });
  const stop = () => {
    app.kill('SIGTERM');
    baseline.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const appUrl = `http://127.0.0.1:${appPort}`;
    const baseUrl = `http://127.0.0.1:${basePort}`;
    await waitFor(`${appUrl}/api/health`);
    await waitFor(`${baseUrl}/read`);

    const baselines = {};
    const rows = [];
    for (const s of scenarios.filter((x) => !only || x.name === only)) {
      // A scenario with `prepare` makes its data on the app's database first and returns its request.
      const request = s.prepare ? await s.prepare({ databaseUrl: appDb }) : s.request;
      baselines[s.baseline] ??= summarise(
        await autocannon(`${baseUrl}/${s.baseline}`, baselineRequest(s.baseline, request))
      );
      const measured = summarise(await autocannon(appUrl + request.path, request));
      const ratio = measured.rps / baselines[s.baseline].rps;
      rows.push({
        scenario: s.name,
        ...measured,
        baseline: s.baseline,
        baselineRps: baselines[s.baseline].rps,
        ratio: Number(ratio.toFixed(3)),
        target: s.target,
        meets:
          s.target === null
            ? null
            : ratio >= s.target &&
              (s.minRps === undefined || measured.rps >= s.minRps) &&
              (s.maxP99 === undefined || measured.p99 < s.maxP99),
        note: s.note
      });
    }
    const pages = only ? [] : await measurePageScripts(publicPages.map((p) => appUrl + p));

    console.log(
      `\nForebygg benchmark — ${isPg ? 'postgres' : 'sqlite'}, ${connections} connections, ${duration} s per scenario\n`
    );
    console.table(
      rows.map((r) => ({
        scenario: r.scenario,
        rps: r.rps,
        p50: r.p50,
        p99: r.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        baselineRps: r.baselineRps,
        ratio: r.ratio,
        target: r.target,
        meets: r.meets
      }))
    );
    if (pages.length)
      console.table(
        pages.map((p) => ({
          page: new URL(p.page).pathname,
          scripts: p.scripts,
          gzipKB: +(p.gzipBytes / 1024).toFixed(1)
        }))
      );
    const result = {
      date: new Date().toISOString(),
      db: isPg ? 'postgres' : 'sqlite',
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      connections,
      durationSeconds: duration,
      baselines,
      scenarios: rows,
      pages
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const file = join(root, 'bench/results', `${result.date.slice(0, 10)}-${result.db}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nwritten to ${file}`);
    const failing = rows.filter((r) => r.meets === false || r.non2xx > 0 || r.errors > 0);
    if (failing.length) {
      console.error(
        `\n${failing.length} scenario(s) missed a target or had errors: ${failing.map((r) => r.scenario).join(', ')}`
      );
      process.exitCode = 1;
    }
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
