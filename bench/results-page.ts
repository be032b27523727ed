// Server time of the WHOLE survey results HTML page, `GET /results/<survey>` (issue 7: "a raked results page
// with 3 margins and a breakdown answers in < 20 ms server time at 1,000,000 stored responses"). The figures
// behind the page are kept in memory (bench/survey-results.ts measures them); this script measures what the
// server does after that: the page's views, the Svelte render and the response, request by request on
// loopback against the production build, steady (no response between requests) and cold (`--cold`: a survey
// response posted to the build's API before each request, so the figures are computed again; the server CPU
// of each request is read after the response was answered, so the write is not counted).
//
// Stores the same two surveys as bench/survey-results.ts (its generator: --n responses' counters in one,
// --small responses with their rows in the other), starts the build, warms up, then times each page
// sequentially: wall time per request (median, p95), the server process's CPU time per request
// (/proc/<pid>/stat, user + system) and the size of the HTML.
//
//   npx tsx bench/results-page.ts [--n 1000000] [--small 1000] [--runs 40] [--build build]
//                                 [--cold] [--cpu-prof <dir>] [--json <file>]
//
// --build: another build folder of the app (e.g. a copy of an older build, to compare in the same run).
// --cpu-prof <dir>: runs the server under V8's CPU profiler and prints where its time went (self and
// inclusive time per function, over all timed requests and the warm-up).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, root, waitFor } from '../scripts/app-server.js';
import { openApp } from '../src/lib/server/app';
import { loadConfig } from '../src/lib/server/config';
import { prepareBenchSurvey, type TBenchSurvey } from './survey-fixture';
import { generate, postResponse } from './survey-results';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const n = Number(option('n', '1000000'));
const small = Number(option('small', '1000'));
const runs = Number(option('runs', '40'));
const build = resolve(root, option('build', 'build'));
const cpuProf = option('cpu-prof', '');
const jsonOut = option('json', '');
const cold = args.includes('--cold');

const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
/** CPU time (user + system) a process has used so far, in ms. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
};

interface TMeasure {
  page: string;
  responses: number;
  median: number;
  p95: number;
  cpu: number;
  kb: number;
}

/** Prints the functions the server spent its samples in: self time, and inclusive time per function name. */
function summariseProfile(file: string) {
  type TNode = {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  };
  const p = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: TNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const parent = new Map<number, number>();
  const byId = new Map<number, TNode>();
  for (const node of p.nodes) {
    byId.set(node.id, node);
    for (const c of node.children ?? []) parent.set(c, node.id);
  }
  const name = (node: TNode) => {
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/(build|node_modules)\//, '$1/')}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${f}`)
      .join('\n');
  console.log(`\nCPU profile ${file}: ${total.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle`);
  console.log(`self time:\n${top(self, 25)}`);
  console.log(`inclusive time:\n${top(inclusive, 45)}`);
}

async function main() {
  if (!existsSync(join(build, 'index.js'))) throw new Error(`No build in ${build}: run \`npm run build\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-results-page-'));
  const databaseUrl = `sqlite:${join(dir, 'app.db')}`;
  const ctx = await openApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }));
  let child: ReturnType<typeof spawn> | null = null;
  try {
    const large = await prepareBenchSurvey(ctx);
    const base = await prepareBenchSurvey(ctx);
    console.log(`storing the counters of ${n.toLocaleString('en')} responses and ${small} responses with rows…`);
    const seconds = await generate(ctx, large, n, 1, false);
    await generate(ctx, base, small, 2);
    console.log(`  stored in ${seconds.toFixed(1)} s`);
    const slugOf = async (s: TBenchSurvey) =>
      (await ctx.db.selectFrom('survey').select('slug').where('id', '=', s.surveyId).executeTakeFirstOrThrow()).slug;
    const surveys = [
      { survey: large, slug: await slugOf(large), responses: n },
      { survey: base, slug: await slugOf(base), responses: small }
    ];
    await ctx.close();

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    if (cpuProf) mkdirSync(cpuProf, { recursive: true });
    child = spawn(
      process.execPath,
      [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : []), join(build, 'index.js')],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          ORIGIN: origin,
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          SURVEY_RECOUNT_AT: 'off'
        },
        stdio: ['ignore', 'ignore', 'inherit']
      }
    );
    await waitFor(`${origin}/api/health`);
    const pid = child.pid!;

    const pages = (s: TBenchSurvey) => [
      ['raked, by age group (the issue’s page)', `?wave=${s.waveId}&weighting=rake&by=age_group`],
      ['raked, by age group, question q6 chosen', `?wave=${s.waveId}&weighting=rake&by=age_group&question=q6`],
      ['raked, by county', `?wave=${s.waveId}&weighting=rake&by=county`],
      ['raked, no breakdown', `?wave=${s.waveId}&weighting=rake`]
    ];
    const measures: TMeasure[] = [];
    for (const { survey, slug, responses } of surveys)
      for (const [page, query] of pages(survey)) {
        const url = `${origin}/results/${slug}${query}`;
        const get = async () => {
          const res = await fetch(url);
          const body = await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
          return body.byteLength;
        };
        // Warm-up: the figures are computed once, then kept; cold, the write and the computation too (JIT).
        for (let i = 0; i < (cold ? 20 : 5); i++) {
          if (cold) await postResponse(origin, survey, runs + i);
          await get();
        }
        const ms: number[] = [];
        let bytes = 0;
        let cpuTotal = 0;
        for (let i = 0; i < runs; i++) {
          if (cold) await postResponse(origin, survey, i);
          // /proc counts CPU in ticks (10 ms): summed over the runs, the reads before and after average out.
          const cpu0 = cpuMs(pid);
          const t = performance.now();
          bytes = await get();
          ms.push(performance.now() - t);
          cpuTotal += cpuMs(pid) - cpu0;
        }
        const cpu = cpuTotal / runs;
        ms.sort((a, b) => a - b);
        const at = (q: number) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1));
        measures.push({
          page,
          responses,
          median: at(0.5),
          p95: at(0.95),
          cpu: Number(cpu.toFixed(1)),
          kb: Math.round(bytes / 1024)
        });
      }
    console.log(
      `\nGET /results/<survey>, ${runs} sequential requests each, ${cold ? 'cold (a response before each)' : 'steady'} (${build}):`
    );
    console.table(
      measures.map((m) => ({
        page: m.page,
        responses: m.responses,
        'median ms': m.median,
        'p95 ms': m.p95,
        'server CPU ms/request': m.cpu,
        'HTML KB': m.kb
      }))
    );
    const { loadavg } = await import('node:os');
    const result = { date: new Date().toISOString(), build, runs, cold, load: loadavg(), measures };
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`
    );
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (cpuProf)
    for (const f of readdirSync(cpuProf).filter((x) => x.endsWith('.cpuprofile'))) summariseProfile(join(cpuProf, f));
}

await main();
