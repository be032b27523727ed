#!/usr/bin/env node
// The benchmark harness: `npm run bench [-- --db postgres] [-- --quick] [-- --only <name>] [-- --duration 10]`.
// 1. Starts the production build and the baseline server on a temp database and loads each HTTP scenario of
//    bench/scenarios.js with autocannon from a separate process on loopback (bounded in time and connections):
//    absolute figures and the ratio against the baseline measured in the same run.
// 2. Runs each bench script of bench/suite.js as a child process — those naming `{url}` while the build is up,
//    the others after it stopped — and reads the JSON summary each prints (bench/contract.js).
// 3. Prints ONE table of everything (scenario, measure, figure, baseline, ratio, target, met) and writes it all
//    to bench/results/<date>-<db>.json. Exits non-zero when a row missed its target, a request failed or a
//    script broke its contract.
// `--db postgres` reruns the whole harness inside one throwaway cluster (scripts/with-postgres.js): the app,
// the baseline and every script use it. `--quick` runs short durations and small n (a smoke run).
// Needs `npm run build` first (npm run bench does it).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort, rerunInPostgres, root, start, waitFor } from '../scripts/app-server.js';
import { parseSummary } from './contract.js';
import { scenarios } from './scenarios.js';
import { needsServer, parseCommand, scripts } from './suite.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const dbKind = option('db', 'sqlite');
const duration = Number(option('duration', quick ? '2' : '5'));
const connections = Number(option('connections', quick ? '10' : '20'));
const only = option('only', null);
// `--cpu-prof <dir>`: the app runs with V8's CPU profiler and writes a .cpuprofile into <dir> when it stops.
const cpuProf = option('cpu-prof', null);
// A script that runs longer than this is stopped and reported as failed.
const scriptTimeoutMs = Number(option('script-timeout', quick ? '600' : '3600')) * 1000;

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
    completed: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts
  };
}

/**
 * Runs one bench script; resolves with its exit code, time and parsed summary (or the error).
 * @param {import('./suite.js').TBenchScript} script @param {{ url?: string, baseline?: string }} urls
 * @param {Record<string, string>} env
 */
function runScript(script, urls, env) {
  const command = quick ? (script.quick ?? script.command) : script.command;
  const parsed = parseCommand(command, urls);
  const started = Date.now();
  process.stderr.write(`\n▶ ${script.name}: ${command}\n`);
  return new Promise((resolve) => {
    const child = spawn(parsed.program, parsed.args, {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        ...parsed.env,
        PATH: [join(root, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter)
      },
      stdio: ['ignore', 'pipe', 'inherit']
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), scriptTimeoutMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      /** @type {{ name: string, command: string, target: string, exitCode: number | null, seconds: number, summary?: import('./contract.js').TBenchSummary, error?: string }} */
      const result = { name: script.name, command, target: script.target, exitCode: code, seconds };
      if (error) result.error = error;
      else
        try {
          result.summary = parseSummary(out);
        } catch (e) {
          result.error = `exit ${code}; ${e instanceof Error ? e.message : String(e)}`;
        }
      process.stderr.write(`  ${result.error ? `failed: ${result.error}` : `done in ${seconds} s`}\n`);
      resolve(result);
    };
    child.on('error', (e) => finish(null, e.message));
    child.on('exit', (code, signal) =>
      finish(code, signal ? `stopped by ${signal}${signal === 'SIGTERM' ? ' (time limit)' : ''}` : undefined)
    );
  });
}

/** Pads a table as Markdown (readable in a terminal, pasted into docs/performance.md as it is). */
function markdownTable(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c ?? '').replaceAll('|', '\\|')));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join(
    '\n'
  );
}

/** @param {boolean | null} met */
function metText(met) {
  return met === null ? '—' : met ? 'yes' : 'NO';
}

async function main() {
  if (!existsSync(join(root, 'build/index.js')))
    throw new Error('No build: run `npm run build` first (npm run bench does).');
  const httpScenarios = scenarios.filter((x) => !only || x.name === only);
  const chosenScripts = scripts.filter((x) => !only || x.name === only);
  if (!httpScenarios.length && !chosenScripts.length) {
    const names = [...scenarios, ...scripts].map((s) => `"${s.name}"`).join(', ');
    throw new Error(`--only ${only}: no such scenario (${names})`);
  }
  const serverScripts = chosenScripts.filter((s) => needsServer(quick ? (s.quick ?? s.command) : s.command));
  const laterScripts = chosenScripts.filter((s) => !serverScripts.includes(s));

  const dir = mkdtempSync(join(tmpdir(), 'forebygg-bench-'));
  const isPg = process.env.DATABASE_URL?.startsWith('postgres');
  const appDb = isPg ? process.env.DATABASE_URL : `sqlite:${join(dir, 'app.db')}`;
  const baseDb = isPg ? process.env.DATABASE_URL : `sqlite:${join(dir, 'baseline.db')}`;
  const load = { before: loadavg().map((x) => +x.toFixed(2)), after: /** @type {number[]} */ ([]) };

  const baselines = {};
  const rows = [];
  const scriptResults = [];
  /** @type {import('node:child_process').ChildProcess[]} */
  let servers = [];
  const stop = () => {
    for (const s of servers) s.kill('SIGTERM');
    servers = [];
  };
  process.on('exit', stop);
  try {
    if (httpScenarios.length || serverScripts.length) {
      const [appPort, basePort] = [await freePort(), await freePort()];
      const appArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`, 'build/index.js'] : ['build/index.js'];
      const app = start(process.execPath, appArgs, {
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
      servers = [app, baseline];
      const appUrl = `http://127.0.0.1:${appPort}`;
      const baseUrl = `http://127.0.0.1:${basePort}`;
      await waitFor(`${appUrl}/api/health`);
      await waitFor(`${baseUrl}/read`);

      for (const s of httpScenarios) {
        // A scenario with `prepare` makes its data on the app's database first and returns its request.
        const request = s.prepare ? await s.prepare({ databaseUrl: appDb }) : s.request;
        process.stderr.write(`\n▶ ${s.name}: ${request.method} ${request.path}, ${duration} s × ${connections}\n`);
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
      for (const s of serverScripts)
        scriptResults.push(await runScript(s, { url: appUrl, baseline: baseUrl }, { BENCH_APP_DATABASE_URL: appDb }));
      const exited = new Promise((r) => (app.exitCode !== null ? r(null) : app.once('exit', r)));
      stop();
      // The profiler writes its file as the app exits.
      await (cpuProf
        ? Promise.race([exited, new Promise((r) => setTimeout(r, 15000))])
        : new Promise((r) => setTimeout(r, 300)));
    }
    for (const s of laterScripts) scriptResults.push(await runScript(s, {}, {}));
    load.after = loadavg().map((x) => +x.toFixed(2));

    // One table: the HTTP scenarios, then each script's rows.
    const table = [
      ...rows.map((r) => ({
        scenario: r.scenario,
        measure: 'throughput (autocannon)',
        figure:
          r.completed === 0
            ? `no request completed within ${duration} s`
            : `${r.rps}/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`,
        baseline: `${r.baselineRps}/s bare ${r.baseline}`,
        ratio: r.ratio,
        target: r.target === null ? null : `ratio ≥ ${r.target}`,
        // A scenario that completed no request, or answered a non-2xx or an error, fails whatever its target.
        met: r.completed === 0 || r.non2xx > 0 || r.errors > 0 ? false : r.meets
      })),
      ...scriptResults.flatMap((s) =>
        s.error
          ? [
              {
                scenario: s.name,
                measure: 'script',
                figure: `FAILED: ${s.error}`,
                baseline: null,
                ratio: null,
                target: s.target,
                met: false
              }
            ]
          : s.summary?.skipped
            ? [
                {
                  scenario: s.name,
                  measure: 'skipped',
                  figure: s.summary.skipped,
                  baseline: null,
                  ratio: null,
                  target: s.target,
                  met: null
                }
              ]
            : (s.summary?.rows ?? []).map((row) => ({
                scenario: s.name,
                measure: row.name,
                figure: row.figure ?? `${row.value} ${row.unit}`,
                baseline:
                  row.baseline === null || row.baseline === undefined
                    ? null
                    : `${row.baseline}${row.baselineLabel ? ` ${row.baselineLabel}` : ''}`,
                ratio: row.ratio ?? null,
                target: row.target,
                met: row.met
              }))
      )
    ];
    const db = isPg ? 'postgres' : 'sqlite';
    const heading =
      `Forebygg benchmark — ${db}${quick ? ', quick' : ''}, HTTP scenarios ${duration} s × ${connections} connections, ` +
      `${cpus().length} CPUs, load ${load.before.join(' ')} → ${load.after.join(' ')}`;
    const text = markdownTable(
      ['scenario', 'measure', 'figure', 'baseline', 'ratio', 'target', 'met'],
      table.map((t) => [
        t.scenario,
        t.measure,
        t.figure,
        t.baseline ?? '—',
        t.ratio ?? '—',
        t.target ?? '—',
        metText(t.met)
      ])
    );
    console.log(`\n${heading}\n\n${text}`);
    for (const s of scriptResults.filter((x) => x.summary?.skipped))
      console.log(`\nskipped ${s.name}: ${s.summary?.skipped}`);

    const result = {
      date: new Date().toISOString(),
      db,
      quick,
      node: process.version,
      cpus: cpus().length,
      load,
      connections,
      durationSeconds: duration,
      only,
      baselines,
      scenarios: rows,
      scripts: scriptResults,
      table
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    // A partial run (--only) or a smoke run (--quick) does not overwrite the day's full results.
    const suffix = `${quick ? '-quick' : ''}${only ? `-${only.replace(/[^a-z0-9]+/gi, '-')}` : ''}`;
    const file = join(root, 'bench/results', `${result.date.slice(0, 10)}-${db}${suffix}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nwritten to ${file}`);
    const failing = table.filter((r) => r.met === false);
    if (failing.length) {
      console.error(
        `\n${failing.length} row(s) missed a target or failed: ${failing.map((r) => `${r.scenario} — ${r.measure}`).join('; ')}`
      );
      process.exitCode = 1;
    }
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
