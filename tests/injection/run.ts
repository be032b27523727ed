// Injection probes on the rendered HTML: `npm run test:injection [-- --db postgres]`.
// Starts the production build and puts marker payloads (src/lib/server/testing/html-injection.ts: a script tag,
// an attribute break-out with an event handler, javascript: URLs, a Markdown link, template braces, a CSV
// formula, SQL metacharacters) everywhere a visitor or a staff member can type text:
//   - the query string of every public page (search boxes echo it),
//   - every text field of every public form and every staff form (the answer echoes it with its errors),
//   - stored text shown again: a directory entry (name, summaries, website), a report in the case handler's
//     inbox, a classroom nickname on the teacher's screen;
// then reads every public and staff page again. Each answer must be below 500 and carry none of the payloads
// as markup: no element, event handler or javascript: URL they made, and no inline event handler at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { rerunInPostgres, startBuiltApp } from '../../scripts/app-server.js';
import { openApp } from '../../src/lib/server/app';
import { SESSION_COOKIE } from '../../src/lib/server/auth/auth.types';
import { createSession } from '../../src/lib/server/auth/session.service';
import { loadConfig } from '../../src/lib/server/config';
import { ZEntryInput } from '../../src/lib/schemas/directory';
import { ZReportSubmit } from '../../src/lib/schemas/report';
import { seedEntries } from '../../src/lib/server/directory/directory.seed';
import { saveEntry } from '../../src/lib/server/directory/directory.service';
import { addRule, submitReport } from '../../src/lib/server/report/report.service';
import { KDF_TEST } from '../../src/lib/server/report/report.crypto';
import { createCaseHandler, signIn } from '../../src/lib/server/report/report.testing';
import { setUpAdmin } from '../../src/lib/server/testing/fixtures';
import { INJECTION_MARKER, injectedMarkup, injectionPayloads } from '../../src/lib/server/testing/html-injection';
import { crawl, type TForm } from '../fuzz/crawl';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

if (!(option('db', 'sqlite') === 'postgres' && rerunInPostgres())) await main();

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-injection-'));
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : `sqlite:${join(dir, 'injection.db')}`;
  const { origin, child } = await startBuiltApp(databaseUrl);
  const ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl }));
  const failures: string[] = [];
  let requests = 0;
  const inspect = async (label: string, res: Response) => {
    requests++;
    const text = await res.text();
    if (res.status >= 500) failures.push(`${label}: ${res.status}`);
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) return;
    const found = injectedMarkup(text);
    if (found.length) failures.push(`${label}: ${found.slice(0, 3).join(' | ')}`);
  };
  const get = (path: string, session?: string) =>
    fetch(new URL(path, origin), {
      redirect: 'manual',
      headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}
    });
  const post = (path: string, body: URLSearchParams, session?: string) =>
    fetch(new URL(path, origin), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {})
      },
      body
    });
  try {
    // Stored text: an administrator, a case handler with a report in the inbox, a directory entry.
    const { admin } = await setUpAdmin(ctx);
    const session = (await createSession(ctx, admin.id)).token;
    const orgA = admin.memberships[0].organisationId;
    const handler = await createCaseHandler(ctx, admin, orgA);
    const handlerSession = (await signIn(ctx, handler.id)).sessionToken;
    await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: orgA });
    for (const payload of injectionPayloads) {
      await submitReport(
        { db: ctx.db, receiptCost: KDF_TEST },
        ZReportSubmit.parse({
          kind: 'labour_exploitation',
          text: `${payload} ${INJECTION_MARKER}`,
          municipality: '0301',
          place: payload,
          identity: 'anonymous'
        })
      );
    }
    const entry = seedEntries[0].entry;
    for (const [i, payload] of injectionPayloads.entries()) {
      const input = ZEntryInput.safeParse({
        ...entry,
        name: `${payload} ${i}`,
        summaryNb: payload,
        summaryEn: payload
      });
      if (!input.success) throw new Error(`the directory refused a payload as text: ${payload}`);
      await saveEntry(ctx.db, admin, null, input.data);
    }
    // A website field must refuse a javascript: URL outright.
    const badSite = ZEntryInput.safeParse({ ...entry, website: `javascript:${INJECTION_MARKER}()` });
    if (badSite.success) failures.push('the directory accepts a javascript: URL as a website');

    // Reports in the case handler's inbox (read before the staff forms are fuzzed: those may change users).
    const inbox = await crawl(origin, 100, ['/admin/inbox'], handlerSession, (p) => /^\/admin\/inbox/.test(p));
    if (inbox.pages.length <= injectionPayloads.length) failures.push('the reports did not reach the inbox');
    for (const page of inbox.pages) await inspect(`GET ${page} (case handler)`, await get(page, handlerSession));

    // Classroom nicknames on the teacher's screen.
    const start = await post(
      '/youth/classroom?/start',
      new URLSearchParams({ set: 'what-is-trafficking', municipality: '' })
    );
    const teacher = start.headers.get('location') ?? '';
    if (!/\/youth\/classroom\/t\//.test(teacher)) failures.push(`starting a classroom answered ${start.status}`);
    else {
      const code = (await (await get(teacher)).text()).match(/\b([A-Z0-9]{6})\b/)?.[1];
      for (const payload of injectionPayloads) {
        await inspect(
          'POST /join?/join (nickname)',
          await post('/join?/join', new URLSearchParams({ code: code ?? '', nickname: payload.slice(0, 30) }))
        );
      }
      await inspect(`GET ${teacher} (nicknames)`, await get(teacher));
    }

    // Echoed text: search and other query strings, then every form.
    const publicSite = await crawl(origin, 600);
    const staffSite = await crawl(origin, 600, ['/admin'], session, (p) => /^(\/en)?\/admin(\/|$)/.test(p));
    const pages = [...new Set(publicSite.pages.map((p) => new URL(p, origin).pathname))];
    for (const page of pages) {
      for (const payload of injectionPayloads) {
        const query = new URLSearchParams({ q: payload, query: payload, search: payload, sector: payload });
        await inspect(`GET ${page}?q=…`, await get(`${page}?${query}`));
      }
    }
    const shape = (action: string) =>
      action.replace(/^\/en\//, '/').replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|\?|$)/g, '/:id');
    const forms = (list: TForm[]) => [...new Map(list.map((f) => [shape(f.action), f])).values()];
    const postAll = async (form: TForm, who?: string) => {
      for (const payload of injectionPayloads) {
        const body = new URLSearchParams();
        for (const f of form.fields) {
          const text = ['text', 'textarea', 'search', 'email', 'url', 'tel'].includes(f.type);
          body.append(f.name, text ? payload : f.value);
        }
        await inspect(`POST ${form.action} (${payload.slice(0, 20)})`, await post(form.action, body, who));
      }
    };
    for (const form of forms(publicSite.forms)) await postAll(form);
    for (const form of forms(staffSite.forms)) {
      if (/\/(logout|admin\/account)(\?|$)/.test(form.action)) continue;
      await postAll(form, session);
    }

    // Every page again, now that the payloads are stored.
    for (const page of (await crawl(origin, 600)).pages) await inspect(`GET ${page}`, await get(page));
    const staffAgain = await crawl(origin, 600, ['/admin'], session, (p) => /^(\/en)?\/admin(\/|$)/.test(p));
    for (const page of staffAgain.pages) await inspect(`GET ${page} (staff)`, await get(page, session));
    // Downloads: no cell a spreadsheet would run as a formula.
    for (const [path, who] of [
      ['/admin/directory/export.csv', session],
      ['/api/v1/organisations.csv', undefined],
      ['/api/v1/measures.csv', undefined]
    ] as const) {
      const res = await get(path, who);
      requests++;
      const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      const cells = rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c));
      if (res.status !== 200 || cells.length) {
        failures.push(`${path}: ${res.status}, cells a spreadsheet runs: ${cells.slice(0, 3).join(' | ')}`);
      }
    }
    console.log(
      `injection: ${requests} requests, ${injectionPayloads.length} payloads, ${pages.length} pages, ` +
        `${forms(publicSite.forms).length} public and ${forms(staffSite.forms).length} staff forms, ` +
        `${staffAgain.pages.length} staff pages and ${inbox.pages.length} inbox pages read back`
    );
  } finally {
    await ctx.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\ninjection: ${failures.length} failure(s):\n`);
    for (const f of [...new Set(failures)].slice(0, 60)) console.error(`- ${f}`);
    process.exit(1);
  }
  console.log('injection: every payload shown as text, no inline event handler, no javascript: URL, no formula');
}
