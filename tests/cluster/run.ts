// The cluster test: `npm run test:cluster`. On loopback: a throwaway PostgreSQL cluster, two instances of the
// production build started together, nginx in front (a configuration generated around
// deploy/forebygg-locations.conf, without TLS). Through nginx (and to each instance where a scenario must
// pick one), it proves:
//   1. sessions are shared — log in through nginx, act on instance A and on instance B;
//   2. classroom — the teacher's SSE stream on A sees every answer pupils post to B (LISTEN/NOTIFY);
//   3. writes under load for 30 s over both instances — every acknowledged write is stored, counted once;
//   4. one instance is killed mid-load — the other keeps serving, no acknowledged write is lost;
//   5. retention on both instances at once — each expired report is deleted once, by one of them;
//   6. PostgreSQL restarts mid-run — the instances answer 503 (never 500) while it is down and recover
//      without a restart.
// Figures (intake through nginx with one and with two instances) are printed for docs/performance.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root, startBuiltApp, waitFor } from '../../scripts/app-server.js';
import { openApp, type AppContext } from '../../src/lib/server/app';
import { currentTotp } from '../../src/lib/server/auth/totp';
import { loadConfig } from '../../src/lib/server/config';
import { KDF_TEST } from '../../src/lib/server/report/report.crypto';
import { addRule, submitReport } from '../../src/lib/server/report/report.service';
import { createCaseHandler, createTestOrganisation, signIn } from '../../src/lib/server/report/report.testing';
import { setUpAdmin, TEST_PASSWORD } from '../../src/lib/server/testing/fixtures';
import { startPgCluster, type TPgCluster } from '../../src/lib/server/testing/pg-cluster';
import { startClassSession, stepClassSession } from '../../src/lib/server/youth/classroom.service';
import { ZReportSubmit } from '../../src/lib/schemas/report';
import { openReader } from '../crash/reader';
import { writers as crashWriters, type TWriter } from '../crash/writers';

/**
 * The write scenarios driven under load: each sends one valid write and reads back what is stored.
 * A module with public writes (survey responses, when they land) adds its writer to tests/crash/writers.ts
 * and it is driven here too. Reports are left to the crash test: each costs an argon2id derivation on the
 * instance's event loop (docs/performance.md), which would turn this load phase into a test of argon2id.
 */
const writeScenarios: TWriter[] = crashWriters.filter((w) => w.name !== 'reports');

const LOAD_SECONDS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 30);
const CONCURRENCY = 8;

interface TInstance {
  name: string;
  origin: string;
  port: number;
  child: ChildProcess;
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const tmp = mkdtempSync(join(tmpdir(), 'forebygg-cluster-'));
chmodSync(tmp, 0o755);
let cluster: TPgCluster | null = null;
let nginx: ChildProcess | null = null;
const instances: TInstance[] = [];
let ctx: AppContext | null = null;

async function cleanUp() {
  nginx?.kill('SIGTERM');
  for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGTERM');
  await ctx?.close().catch(() => {});
  await sleep(300);
  cluster?.destroy();
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void cleanUp().then(() => process.exit(130)));

let nginxOrigin = '';

async function startInstance(name: string, url: string): Promise<TInstance> {
  const app = await startBuiltApp(url, {
    ORIGIN: nginxOrigin,
    ADDRESS_HEADER: 'x-forwarded-for',
    XFF_DEPTH: '1',
    LOG_LEVEL: 'error'
  });
  return { name, origin: app.origin, port: Number(new URL(app.origin).port), child: app.child };
}

function nginxConfig(ports: number[], listen: number): string {
  const servers = (extra: string) => ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s${extra};`);
  return `worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path ${tmp}/nginx-tmp/body;
  proxy_temp_path ${tmp}/nginx-tmp/proxy;
  fastcgi_temp_path ${tmp}/nginx-tmp/fastcgi;
  uwsgi_temp_path ${tmp}/nginx-tmp/uwsgi;
  scgi_temp_path ${tmp}/nginx-tmp/scgi;
  log_format forebygg_noaddr '[$time_iso8601] "$request_method $uri" $status $body_bytes_sent $request_time';
  access_log ${tmp}/nginx-access.log forebygg_noaddr;
  upstream forebygg {
    least_conn;
${servers('').join('\n')}
    keepalive 32;
  }
  upstream forebygg_sticky {
    hash $remote_addr consistent;
${servers('').join('\n')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${listen};
    server_name localhost;
    include ${join(root, 'deploy/forebygg-locations.conf')};
  }
}
`;
}

async function startNginx(ports: number[]): Promise<void> {
  const port = Number(new URL(nginxOrigin).port);
  mkdirSync(join(tmp, 'nginx-tmp'), { recursive: true, mode: 0o777 });
  chmodSync(join(tmp, 'nginx-tmp'), 0o777);
  writeFileSync(join(tmp, 'nginx.conf'), nginxConfig(ports, port));
  nginx = spawn('nginx', ['-p', tmp, '-c', join(tmp, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit']
  });
  await waitFor(`${nginxOrigin}/api/health`, 15_000);
}

async function reloadNginx(ports: number[]): Promise<void> {
  writeFileSync(join(tmp, 'nginx.conf'), nginxConfig(ports, Number(new URL(nginxOrigin).port)));
  nginx?.kill('SIGHUP');
  await sleep(500);
}

/** The cookies a response sets, as a Cookie header value. */
function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** What a browser without JavaScript sends with a form. */
const formHeaders = {
  get origin() {
    return nginxOrigin;
  },
  accept: 'text/html',
  'content-type': 'application/x-www-form-urlencoded'
};

/** Stops an instance: SIGTERM (open requests finish), SIGKILL after 5 s. */
async function stopInstance(i: TInstance): Promise<void> {
  if (i.child.exitCode !== null || i.child.signalCode !== null) return;
  const exited = new Promise((r) => i.child.once('exit', r));
  i.child.kill('SIGTERM');
  const timer = setTimeout(() => i.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

// ---------------------------------------------------------------------------------------------------------

async function sessionsShared(admin: { email: string; totpSecret: string }) {
  console.log('1. sessions are shared');
  const res = await fetch(`${nginxOrigin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: formHeaders,
    body: form({
      email: admin.email,
      password: TEST_PASSWORD,
      code: currentTotp(admin.totpSecret, Date.now() + 30_000)
    })
  });
  const cookie = cookiesOf(res);
  // (The code of the next 30-second step: setting up the admin just used the current one, and a code counts once.)
  check(
    res.status === 303 && cookie.length > 0,
    `login through nginx answers 303 with a session cookie (${res.status})`
  );
  for (const i of instances) {
    const page = await fetch(`${i.origin}/admin/account`, { headers: { cookie }, redirect: 'manual' });
    check(page.status === 200, `instance ${i.name} knows the session (GET /admin/account → ${page.status})`);
  }
  const logout = await fetch(`${instances[1].origin}/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...formHeaders, cookie },
    body: ''
  });
  const after = await fetch(`${instances[0].origin}/admin/account`, { headers: { cookie }, redirect: 'manual' });
  check(
    logout.status < 400 && after.status !== 200,
    `logged out on B, the session is gone on A (${logout.status}, then ${after.status})`
  );
}

async function classroom(pupilCount: number) {
  console.log('2. classroom across instances');
  const [a, b] = instances;
  const { code, teacherKey } = await startClassSession(ctx!, { setId: 'what-can-i-do', municipality: '0301' });
  const abort = new AbortController();
  let latest: { pupils?: number; question?: { answered: number } | null } = {};
  const stream = await fetch(`${a.origin}/youth/classroom/t/${teacherKey}/events`, { signal: abort.signal });
  check(stream.status === 200, `teacher stream on A opens (${stream.status})`);
  const reading = (async () => {
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('');
        if (data) latest = JSON.parse(data);
      }
    }
  })();
  const pupils: string[] = [];
  for (let p = 0; p < pupilCount; p++) {
    const res = await fetch(`${b.origin}/join?/join`, {
      method: 'POST',
      redirect: 'manual',
      headers: formHeaders,
      body: form({ code, nickname: '' })
    });
    pupils.push(cookiesOf(res));
  }
  check(
    pupils.every((c) => c.length > 0),
    `${pupilCount} pupils joined on B`
  );
  await stepClassSession(ctx!, teacherKey, 'start');
  const statuses = await Promise.all(
    pupils.map((cookie, i) =>
      fetch(`${b.origin}/join?/answer`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...formHeaders, cookie },
        body: form({ questionId: 'danger-now', run: 'before', answer: i % 2 ? '112' : 'wait' })
      }).then((r) => r.status)
    )
  );
  check(
    statuses.every((s) => s === 303),
    `every pupil's answer on B is accepted (${[...new Set(statuses)].join(',')})`
  );
  const until = Date.now() + 10_000;
  while ((latest.question?.answered ?? 0) < pupilCount && Date.now() < until) await sleep(50);
  check(
    latest.question?.answered === pupilCount,
    `the stream on A shows all ${pupilCount} answers (${latest.question?.answered ?? 0})`
  );
  abort.abort();
  await reading;
}

interface TLoad {
  acked: string[];
  failed: Map<string, number>;
}

/** Each writer's context, prepared once (a writer may set up what it needs, e.g. publish a survey). */
const context = new Map<TWriter, unknown>();
async function prepareWriters(): Promise<void> {
  for (const w of writeScenarios) if (!context.has(w)) context.set(w, await w.prepare(nginxOrigin, cluster!.url));
}

async function load(
  seconds: number,
  during?: (elapsedMs: number) => void,
  scenarios: TWriter[] = writeScenarios
): Promise<TLoad> {
  await prepareWriters();
  const result: TLoad = { acked: [], failed: new Map() };
  let stop = false;
  const started = Date.now();
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const timer = setInterval(() => during?.(Date.now() - started), 250);
  const loops = Array.from({ length: CONCURRENCY }, async () => {
    while (!stop) {
      const w = scenarios[Math.floor(random() * scenarios.length)];
      try {
        result.acked.push(await w.write(nginxOrigin, context.get(w), random));
      } catch (e) {
        const why = (e as Error).message.slice(0, 80);
        result.failed.set(why, (result.failed.get(why) ?? 0) + 1);
      }
    }
  });
  await sleep(seconds * 1000);
  stop = true;
  clearInterval(timer);
  await Promise.all(loops);
  return result;
}

async function storedKeys(url: string): Promise<string[]> {
  await prepareWriters();
  const reader = await openReader(url);
  try {
    const keys: string[] = [];
    for (const w of writeScenarios) keys.push(...(await w.stored(reader)));
    return keys;
  } finally {
    await reader.close();
  }
}

/** Every acknowledged key is stored, as many times as it was acknowledged (a multiset comparison). */
function missing(acked: string[], stored: string[]): number {
  const have = new Map<string, number>();
  for (const k of stored) have.set(k, (have.get(k) ?? 0) + 1);
  let lost = 0;
  for (const k of acked) {
    const n = have.get(k) ?? 0;
    if (n === 0) lost++;
    else have.set(k, n - 1);
  }
  return lost;
}

async function retentionOnBoth(url: string, admin: Awaited<ReturnType<typeof setUpAdmin>>) {
  console.log('5. retention on both instances at once');
  const org = await createTestOrganisation(ctx!, admin.admin, 'Retention org');
  await addRule(ctx!.db, admin.admin, {
    kind: 'labour_exploitation',
    scope: 'national',
    area: '',
    organisationId: org
  });
  // An organisation receives reports once a case handler has signed in (that makes the organisation's keys).
  await signIn(ctx!, (await createCaseHandler(ctx!, admin.admin, org)).id);
  const reports = 12;
  for (let i = 0; i < reports; i++) {
    const sent = await submitReport(
      { db: ctx!.db, receiptCost: KDF_TEST },
      ZReportSubmit.parse({
        kind: 'labour_exploitation',
        text: `Cluster test report ${i}`,
        municipality: '0301',
        place: '',
        identity: 'anonymous'
      })
    );
    if (sent.kind !== 'sent') throw new Error(`the report was not sent (${sent.kind})`);
  }
  const stored = await ctx!.db
    .selectFrom('report')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  check(Number(stored.n) === reports, `${reports} reports stored, closed long ago`);
  // Closed long ago: past every retention period.
  await ctx!.db.updateTable('report').set({ closed_at: '2000-01-01T00:00:00.000Z', status: 'closed' }).execute();
  const auditBefore = await ctx!.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'report.retention')
    .execute();
  // Both instances run the job when they start: restart them together.
  await Promise.all(instances.map(stopInstance));
  const started = await Promise.all([startInstance('A', url), startInstance('B', url)]);
  instances.splice(0, instances.length, ...started);
  await reloadNginx(instances.map((i) => i.port));
  const until = Date.now() + 20_000;
  let left = reports;
  while (left > 0 && Date.now() < until) {
    left = Number(
      (
        await ctx!.db
          .selectFrom('report')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );
    await sleep(200);
  }
  check(left === 0, `all ${reports} expired reports are deleted (${reports - left})`);
  await sleep(1000);
  const audit = await ctx!.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'report.retention')
    .execute();
  const runs = audit.slice(auditBefore.length).map((r) => JSON.parse(r.details) as { deleted: number });
  const deleted = runs.reduce((s, r) => s + r.deleted, 0);
  const actions = await ctx!.db.selectFrom('audit_log').select('action').distinct().execute();
  check(
    deleted === reports,
    `deleted once each: the audit log counts ${deleted} deletions in ${runs.length} run(s) [${actions.map((a) => a.action).join(',')}]`
  );
  check(
    instances.every((i) => i.child.exitCode === null),
    'both instances are still running'
  );
}

async function postgresRestart() {
  console.log('6. PostgreSQL restarts mid-run');
  const statuses = new Map<number, number>();
  let stop = false;
  let downSince = 0;
  let upAgain = 0;
  const loops = Array.from({ length: 4 }, async (_, n) => {
    while (!stop) {
      // A page, the API, and a no-JavaScript form post (joining a classroom looks its code up).
      const res = await fetch(
        n === 3
          ? `${nginxOrigin}/join?/join`
          : n % 2
            ? `${nginxOrigin}/api/v1/municipalities`
            : `${nginxOrigin}/statistics`,
        n === 3
          ? { method: 'POST', redirect: 'manual', headers: formHeaders, body: form({ code: 'ABCDEF', nickname: '' }) }
          : {}
      ).catch(() => null);
      const status = res?.status ?? 0;
      await res?.arrayBuffer().catch(() => {});
      if (downSince && !upAgain) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      await sleep(50);
    }
  });
  await sleep(1000);
  const pids = instances.map((i) => i.child.pid);
  cluster!.stop('fast');
  downSince = Date.now();
  await sleep(3000);
  cluster!.start();
  upAgain = Date.now();
  // Recovery: a database read through nginx answers 200 again.
  let recovered = 0;
  const until = Date.now() + 30_000;
  while (!recovered && Date.now() < until) {
    const res = await fetch(`${nginxOrigin}/api/v1/municipalities`).catch(() => null);
    if (res?.status === 200) recovered = Date.now();
    else await sleep(200);
  }
  stop = true;
  await Promise.all(loops);
  const seen = [...statuses].map(([s, n]) => `${s}×${n}`).join(', ');
  check(statuses.has(503), `while PostgreSQL was down, requests answered 503 (${seen})`);
  check(![...statuses.keys()].some((s) => s >= 500 && s !== 503), 'and never 500 or 502');
  check(recovered > 0, `the instances recovered ${recovered ? recovered - upAgain : '—'} ms after PostgreSQL was back`);
  check(
    instances.every((i, k) => i.child.exitCode === null && i.child.pid === pids[k]),
    'without a restart of either instance'
  );
}

async function main() {
  cluster = await startPgCluster();
  const url = cluster.url;
  nginxOrigin = `http://127.0.0.1:${await freePort()}`;
  console.log(`cluster test: PostgreSQL ${url}, nginx ${nginxOrigin}`);
  // Two instances start together on an empty database: one migrates and seeds, the other waits.
  instances.push(...(await Promise.all([startInstance('A', url), startInstance('B', url)])));
  await startNginx(instances.map((i) => i.port));
  ctx = await openApp(loadConfig({ ...process.env, LOG_LEVEL: 'error', DATABASE_URL: url }));
  const admin = await setUpAdmin(ctx);

  await sessionsShared(admin);
  await classroom(30);

  console.log(`3./4. writes for ${LOAD_SECONDS} s through nginx over both instances; B is killed half-way`);
  const before = await storedKeys(url);
  let killed = false;
  const result = await load(LOAD_SECONDS, (elapsed) => {
    if (!killed && elapsed >= (LOAD_SECONDS * 1000) / 2) {
      killed = true;
      instances[1].child.kill('SIGKILL');
    }
  });
  const after = await storedKeys(url);
  const lost = missing(result.acked, after);
  const failedTotal = [...result.failed.values()].reduce((s, n) => s + n, 0);
  check(
    result.acked.length > 0,
    `${result.acked.length} writes acknowledged (${(result.acked.length / LOAD_SECONDS).toFixed(0)}/s)`
  );
  check(lost === 0, `no acknowledged write lost (${lost} missing)`);
  check(
    after.length - before.length >= result.acked.length &&
      after.length - before.length <= result.acked.length + failedTotal,
    `counted once: ${after.length - before.length} stored for ${result.acked.length} acknowledged and ${failedTotal} unanswered (${[...result.failed].map(([k, n]) => `${k}×${n}`).join('; ') || 'none'})`
  );
  const health = await fetch(`${nginxOrigin}/api/health`);
  check(health.status === 200 && instances[0].child.exitCode === null, 'A keeps serving after B was killed');
  // Bring B back for the next scenarios.
  instances[1] = await startInstance('B', url);
  await reloadNginx(instances.map((i) => i.port));

  await retentionOnBoth(url, admin);
  await postgresRestart();

  if (process.env.CLUSTER_MEASURE) await measure();
}

/** Intake throughput through nginx with one and with two instances (printed for docs/performance.md). */
async function measure() {
  const seconds = Number(process.env.CLUSTER_MEASURE);
  await reloadNginx([instances[0].port]);
  const one = await load(seconds);
  await reloadNginx(instances.map((i) => i.port));
  const two = await load(seconds);
  console.log(
    `throughput through nginx (all public writes, ${CONCURRENCY} concurrent, ${seconds} s): one instance ${(one.acked.length / seconds).toFixed(0)}/s, two instances ${(two.acked.length / seconds).toFixed(0)}/s`
  );
  // Survey intake alone (issue 12): POST /api/v1/surveys/{id}/waves/{wave}/responses, whole responses.
  const surveys = writeScenarios.filter((w) => w.name === 'surveys');
  await reloadNginx([instances[0].port]);
  const surveysOne = await load(seconds, undefined, surveys);
  await reloadNginx(instances.map((i) => i.port));
  const surveysTwo = await load(seconds, undefined, surveys);
  console.log(
    `survey intake through nginx (${CONCURRENCY} concurrent, ${seconds} s): one instance ${(surveysOne.acked.length / seconds).toFixed(0)} responses/s, two instances ${(surveysTwo.acked.length / seconds).toFixed(0)} responses/s (refused: ${surveysOne.failed.size + surveysTwo.failed.size} kinds)`
  );
}

try {
  await main();
} catch (e) {
  failures.push((e as Error).stack ?? String(e));
  console.error(e);
} finally {
  await cleanUp();
}
if (failures.length) {
  console.error(`\ncluster test FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\ncluster test passed');
process.exit(0);
