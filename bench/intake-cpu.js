#!/usr/bin/env node
// CPU time per survey response, app vs baseline: what the intake costs when the machine is too busy for
// throughput figures to mean anything (the other engineers' jobs take the CPU; CPU seconds a process used
// do not depend on how long it waited for a core). Both servers get the same N whole responses (20
// answers, 20 connections); the CPU time of each server process (Linux /proc/<pid>/stat, user + system)
// is divided by N. On an idle 2-core machine the throughput ratio of `bench/run.js` approaches the inverse
// ratio of these figures, less the load generator's share of the cores.
//   npm run build && node bench/intake-cpu.js [--requests 20000]
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root, start, waitFor } from '../scripts/app-server.js';

const args = process.argv.slice(2);
const requests = Number(args[args.indexOf('--requests') + 1] || 20000);
const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks; // utime + stime
};
function load(url, body) {
  const argv = [join(root, 'node_modules/autocannon/autocannon.js'), '--json', '-c', '20', '-a', String(requests)];
  argv.push('-m', 'POST', '-H', 'content-type=application/json', '-b', body, url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon ${code}`))));
  });
}
async function measure(pid, url, body) {
  const before = cpuMs(pid);
  const r = await load(url, body);
  const used = cpuMs(pid) - before;
  return { ok: r['2xx'], other: r.non2xx + r.errors, cpuUsPerResponse: Math.round((used * 1000) / r['2xx']) };
}

const dir = mkdtempSync(join(tmpdir(), 'forebygg-intake-cpu-'));
const [appPort, basePort] = [await freePort(), await freePort()];
const appDb = `sqlite:${join(dir, 'app.db')}`;
const env = { LOG_LEVEL: 'warn', NODE_ENV: 'production', HOST: '127.0.0.1' };
const app = start(process.execPath, ['build/index.js'], {
  ...env,
  DATABASE_URL: appDb,
  PORT: String(appPort),
  ORIGIN: `http://127.0.0.1:${appPort}`
});
const base = start(process.execPath, ['bench/baseline-server.js'], {
  DATABASE_URL: `sqlite:${join(dir, 'baseline.db')}`,
  PORT: String(basePort)
});
try {
  await waitFor(`http://127.0.0.1:${appPort}/api/health`);
  await waitFor(`http://127.0.0.1:${basePort}/read`);
  const out = execFileSync(join(root, 'node_modules/.bin/tsx'), ['bench/survey-fixture.ts', appDb], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' }
  });
  const survey = JSON.parse(out.trim().split('\n').at(-1));
  const body = JSON.stringify({ answers: survey.answers });
  const path = `/api/v1/surveys/${survey.surveyId}/waves/${survey.waveId}/responses`;
  const baseline = await measure(base.pid, `http://127.0.0.1:${basePort}/survey-write`, body);
  const appRun = await measure(app.pid, `http://127.0.0.1:${appPort}${path}`, body);
  const result = {
    requests,
    app: appRun,
    baseline,
    cpuRatio: Number((baseline.cpuUsPerResponse / appRun.cpuUsPerResponse).toFixed(3))
  };
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  app.kill('SIGTERM');
  base.kill('SIGTERM');
}
