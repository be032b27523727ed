// The log scrubbing test: `npm run test:logs [-- --db postgres]` (needs `npm run build`).
// Starts the production build with LOG_LEVEL=trace and its stdout and stderr captured, then drives every
// report path over HTTP with a unique marker in every field the public or a case handler can fill: a JSON
// submission, a form submission, wrong receipts, bad input, follow-up and answer, a case handler's login,
// inbox, opening, message, status note. Then asserts that no log line holds a marker, a receipt, the user
// agent, a forwarded address or the client's address (only the server's own origin, in "Listening on" and
// the setup link, names 127.0.0.1), and that neither the SQLite file and its WAL nor any PostgreSQL table holds a marker or receipt.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, rerunInPostgres, root, waitFor } from '../../scripts/app-server.js';
import { openReader } from '../crash/reader';
import { openApp } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import { inviteUser } from '../../src/lib/server/admin/admin.service';
import { acceptInvite } from '../../src/lib/server/auth/auth.service';
import { createTotpSecret, currentTotp } from '../../src/lib/server/auth/totp';
import { setUpAdmin } from '../../src/lib/server/testing/fixtures';
import { createTestOrganisation } from '../../src/lib/server/report/report.testing';
import { addRule } from '../../src/lib/server/report/report.service';

const id = randomUUID().slice(0, 8);
const mark = (field: string) => `LOGMARK-${field}-${id}`;
const markers = {
  apiText: mark('api-text'),
  apiPlace: mark('api-place'),
  apiContact: mark('api-contact'),
  formText: mark('form-text'),
  formPlace: mark('form-place'),
  formContact: mark('form-contact'),
  badText: mark('bad-text'),
  reply: mark('reply'),
  message: mark('message'),
  note: mark('note'),
  password: mark('password')
};
const userAgent = `UA-MARKER-${id}`;
const forwardedFor = '203.0.113.77';

async function main() {
  if (!existsSync(join(root, 'build/index.js'))) throw new Error('No build: run `npm run build` first.');
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-logs-'));
  const file = join(dir, 'logs.db');
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : `sqlite:${file}`;
  const port = await freePort();
  // The client's address, as the server sees it, is the loopback too: only the server's origin may name it.
  const origin = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child = spawn(process.execPath, ['build/index.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: origin,
      LOG_LEVEL: 'trace',
      NODE_ENV: 'production'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  child.stdout.on('data', (b: Buffer) => lines.push(...b.toString('utf8').split('\n')));
  child.stderr.on('data', (b: Buffer) => lines.push(...b.toString('utf8').split('\n')));
  const failures: string[] = [];
  const receipts: string[] = [];
  try {
    await waitFor(`${origin}/api/health`);
    console.log(`logs: ${origin} on ${databaseUrl.split(':')[0]}, LOG_LEVEL=trace`);

    // An organisation with a case handler (TOTP known to us) and a national rule, made beside the server.
    const ctx = await openApp(loadConfig({ DATABASE_URL: databaseUrl }));
    const { admin } = await setUpAdmin(ctx);
    const org = await createTestOrganisation(ctx, admin, `Logs ${id}`);
    const email = `case-${id}@example.org`;
    const { token } = await inviteUser(ctx, admin, { email, organisationId: org, role: 'case_handler' });
    const totp = createTotpSecret();
    await acceptInvite(ctx, {
      token,
      displayName: 'Case Handler',
      password: markers.password,
      passwordConfirm: markers.password,
      totpSecret: totp,
      code: currentTotp(totp, Date.now())
    });
    await addRule(ctx.db, admin, { kind: 'other', scope: 'national', area: '', organisationId: org });
    await ctx.close();

    const headers = {
      'user-agent': userAgent,
      'x-forwarded-for': forwardedFor,
      'x-real-ip': forwardedFor,
      accept: 'text/html',
      origin
    };
    let cookie = '';
    const post = async (path: string, form: Record<string, string>) => {
      const res = await fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(form).toString()
      });
      return { status: res.status, text: await res.text(), res };
    };
    const get = async (path: string) => {
      const res = await fetch(`${origin}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
      return { status: res.status, text: await res.text() };
    };
    const expectStatus = (what: string, got: number, want: (s: number) => boolean) => {
      if (!want(got)) failures.push(`${what}: answered ${got}`);
    };

    // 0. A case handler logs in (this makes the organisation's key, so its inbox is active).
    const login = async (offset: number) => {
      const r = await post('/login', {
        email,
        password: markers.password,
        code: currentTotp(totp, Date.now() + offset * 30_000)
      });
      const set = r.res.headers.getSetCookie().find((c) => c.startsWith('forebygg_session='));
      if (r.status !== 303 || !set) {
        throw new Error(
          `login answered ${r.status}: ${(/field__error[^>]*>([\s\S]{0,300})/.exec(r.text) ?? [])[1] ?? r.text.slice(0, 300)}`
        );
      }
      cookie = set.split(';')[0];
    };
    await login(1);
    const staffCookie = cookie;
    cookie = '';

    // 1. JSON submission with markers everywhere; bad JSON input with a marker.
    const api = await fetch(`${origin}/api/v1/reports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'other',
        indicators: ['fearful-workers'],
        text: markers.apiText,
        municipality: '0301',
        place: markers.apiPlace,
        identity: 'contact',
        contact: markers.apiContact
      })
    });
    expectStatus('POST /api/v1/reports', api.status, (s) => s === 202);
    receipts.push(((await api.json()) as { receipt: string }).receipt);
    const apiBad = await fetch(`${origin}/api/v1/reports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'nonsense', text: markers.badText, municipality: markers.badText })
    });
    expectStatus('POST /api/v1/reports (bad)', apiBad.status, (s) => s === 400);

    // 2. The form's last step with markers everywhere, and a bad one.
    const form = await post('/report?/send', {
      kind: 'other',
      indicators: 'fearful-workers',
      text: markers.formText,
      municipality: '4601',
      place: markers.formPlace,
      identity: 'contact',
      contact: markers.formContact,
      homepage: ''
    });
    expectStatus('POST /report?/send', form.status, (s) => s === 200);
    const receipt =
      /"receipt":"(\d{4}(?: \d{4}){4})"/.exec(form.text)?.[1] ?? /(\d{4} \d{4} \d{4} \d{4} \d{4})/.exec(form.text)?.[1];
    if (!receipt) failures.push('the form gave no receipt');
    else receipts.push(receipt);
    const formBad = await post('/report?/send', {
      kind: 'other',
      text: markers.badText.repeat(300),
      municipality: 'x'
    });
    expectStatus('POST /report?/send (bad)', formBad.status, (s) => s >= 400 && s < 500);

    // 3. Follow-up: a wrong receipt, the right one, an answer.
    expectStatus(
      'wrong receipt',
      (await post('/report/follow-up?/open', { receipt: '1234 5678 9012 3456 7890' })).status,
      (s) => s >= 400 && s < 500
    );
    for (const r of receipts) {
      expectStatus('follow-up', (await post('/report/follow-up?/open', { receipt: r })).status, (s) => s === 200);
      expectStatus(
        'reply',
        (await post('/report/follow-up?/reply', { receipt: r, message: markers.reply })).status,
        (s) => s === 200
      );
    }

    // 4. The case handler: inbox, opening each report, a message and a status note.
    cookie = staffCookie;
    const inbox = await get('/admin/inbox');
    expectStatus('GET /admin/inbox', inbox.status, (s) => s === 200);
    const ids = [...new Set([...inbox.text.matchAll(/\/admin\/inbox\/([0-9a-f-]{36})/g)].map((m) => m[1]))];
    if (ids.length !== 2) failures.push(`the inbox listed ${ids.length} reports, not 2`);
    for (const reportId of ids) {
      const page = await get(`/admin/inbox/${reportId}`);
      expectStatus('open report', page.status, (s) => s === 200);
      if (!page.text.includes(markers.reply)) failures.push(`report ${reportId} did not show the reporter's answer`);
      expectStatus(
        'message',
        (await post(`/admin/inbox/${reportId}?/message`, { message: markers.message })).status,
        (s) => s === 200
      );
      expectStatus(
        'status',
        (await post(`/admin/inbox/${reportId}?/status`, { status: 'in_review', note: markers.note })).status,
        (s) => s === 200
      );
    }
    cookie = '';
    for (const r of receipts) {
      const seen = await post('/report/follow-up?/open', { receipt: r });
      if (!seen.text.includes(markers.message)) failures.push("the reporter did not see the case handler's message");
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }

  // 5. The logs.
  const secrets = [
    ...Object.values(markers),
    ...receipts,
    ...receipts.map((r) => r.replace(/ /g, '')),
    userAgent,
    forwardedFor
  ];
  const logged = lines.filter((l) => l.trim());
  for (const line of logged) {
    for (const s of secrets) if (line.includes(s)) failures.push(`a log line holds "${s}": ${line.slice(0, 200)}`);
    // The server's own origin (in "Listening on" and the setup link) is not a client's address.
    if (line.split(origin).join('').includes('127.0.0.1')) {
      failures.push(`a log line names the client address: ${line.slice(0, 200)}`);
    }
  }

  // 6. The stored data: SQLite's file and WAL as bytes, or every PostgreSQL table as text.
  const stored: string[] = [];
  if (databaseUrl.startsWith('sqlite')) {
    for (const path of [file, `${file}-wal`]) if (existsSync(path)) stored.push(readFileSync(path).toString('latin1'));
  } else {
    const reader = await openReader(databaseUrl);
    const tables = await reader.rows<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public'"
    );
    for (const t of tables) {
      const rows = await reader.rows<{ row: string }>(`select t::text as row from "${t.tablename}" t`);
      stored.push(rows.map((r) => r.row).join('\n'));
    }
    await reader.close();
  }
  const storedSecrets = [
    ...Object.values(markers),
    ...receipts.map((r) => r.replace(/ /g, '')),
    ...receipts,
    userAgent,
    forwardedFor
  ];
  for (const text of stored)
    for (const s of storedSecrets) if (text.includes(s)) failures.push(`the database holds "${s}"`);

  // The scans can fail: the captured output names the server's origin, the stored data the organisation.
  if (!logged.some((l) => l.includes(origin))) failures.push('the captured output is not the server’s');
  if (!stored.some((t) => t.includes(`Logs ${id}`))) failures.push('the scan did not read the stored data');

  rmSync(dir, { recursive: true, force: true });
  console.log(`logs: ${logged.length} log lines, ${receipts.length} reports, ${secrets.length} secrets looked for`);
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
  console.log('logs: no marker, receipt, user agent or address in any log line or stored row');
}

const args = process.argv.slice(2);
if (!(args.includes('--db') && args[args.indexOf('--db') + 1] === 'postgres' && rerunInPostgres())) await main();
