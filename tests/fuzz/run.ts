// The fuzz suite: `npm run test:fuzz [-- --db postgres] [-- --runs N]`.
// Starts the production build on a temp database and sends generated bad input to
//   - every operation in the OpenAPI document (read from the running server, so a new endpoint is fuzzed
//     without anyone adding it here; tests/…/api-coverage.test.ts fails if a route is missing from the document),
//   - every page and form a visitor without an account can reach (found by crawling from / and /en): pages
//     with a wrong last path segment or a bad query string, forms with bad bodies;
//   - the same for the staff area, crawled from /admin with an administrator's session.
// For each request it asserts: never a 5xx; an API 4xx carries a JSON `message`; a rejected request writes
// nothing (every table's row count is unchanged); and each operation's valid example still succeeds afterwards.
// It also reads the app's log: input that only the database refused (PostgreSQL's SQLSTATE class 22, answered
// 400 by the safety net in src/lib/server/http/refused-input.ts) fails the run too, naming the route — the
// schema of that input should have refused it first, with a message per field.
import fc from 'fast-check';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rerunInPostgres, startBuiltApp } from '../../scripts/app-server.js';
import { SESSION_COOKIE } from '../../src/lib/server/auth/auth.types';
import { adminSession, crawl, type TForm } from './crawl';
import { openRowCounter } from './row-counter';
import { bodyVariant, encodePathPart, fuzzText, queryVariant, type TBody } from './arbitraries';
import { REFUSED_INPUT_LOG } from '../../src/lib/server/http/refused-input';

/** One HTTP request the suite sends. */
interface TRequest extends Partial<TBody> {
  api?: boolean;
  /** The staff session cookie's value, for the staff area. */
  session?: string;
  method: string;
  path: string;
}

/** The part of an OpenAPI operation the suite reads. */
interface TOperation {
  security?: unknown[];
  parameters?: { name: string; in: string; example?: string }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '30'));
const seed = Number(option('seed', String(Date.now() % 2 ** 31)));

/**
 * Tables a rejected request may still write to, each with the reason. Keep this list short: anything else
 * that changes on a 4xx is a bug (half-saved input).
 */
const mayChangeOnRejection: Record<string, string> = {};

if (!(option('db', 'sqlite') === 'postgres' && rerunInPostgres())) await main();

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-fuzz-'));
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : `sqlite:${join(dir, 'fuzz.db')}`;
  const { origin, child } = await startBuiltApp(databaseUrl, {}, 'pipe');
  const counter = await openRowCounter(databaseUrl);
  const failures: string[] = [];
  let requests = 0;
  // Input only the database refused, by route and SQLSTATE, with the request sent just before the log line.
  let lastRequest = '';
  const refusedByDatabase = new Map<string, string>();
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: { msg?: string; route?: string | null; sqlstate?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg !== REFUSED_INPUT_LOG) return;
      const key = `${entry.route ?? '(a route)'}: SQLSTATE ${entry.sqlstate}`;
      if (!refusedByDatabase.has(key)) refusedByDatabase.set(key, lastRequest);
    });
  }
  try {
    console.log(`fuzz: ${origin} on ${databaseUrl.split(':')[0]}, ${runs} runs per target, seed ${seed}`);
    const send = async (target: string, req: TRequest) => {
      requests++;
      lastRequest = `${target}: ${describe(req)}`;
      const before = await counter.counts();
      let res;
      try {
        res = await fetch(new URL(req.path, origin), {
          method: req.method,
          headers: {
            origin,
            // A form is posted as a browser posts it: SvelteKit answers other Accept headers in JSON with
            // status 200 even when the action refused the input, which would hide the status from the checks.
            ...(req.api ? {} : { accept: 'text/html' }),
            ...(req.session ? { cookie: `${SESSION_COOKIE}=${req.session}` } : {}),
            ...(req.contentType ? { 'content-type': req.contentType } : {})
          },
          body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : new Uint8Array(req.body),
          redirect: 'manual'
        });
      } catch (error) {
        throw new Error(`${target}: the connection failed for ${describe(req)}`, { cause: error });
      }
      const text = await res.text();
      if (res.status >= 500) throw new Error(`${target}: ${res.status} for ${describe(req)}\n${text.slice(0, 300)}`);
      if (res.status >= 400) {
        // 431 (URL or headers over Node's 16 KB limit) is answered by Node's HTTP parser before the app runs.
        if (req.api && res.status !== 431) {
          let message: unknown;
          try {
            message = JSON.parse(text).message;
          } catch {
            message = undefined;
          }
          if (typeof message !== 'string' || !message) {
            throw new Error(`${target}: ${res.status} without a JSON message for ${describe(req)}`);
          }
        }
        const changed = counter.diff(before, await counter.counts()).filter((t) => !(t in mayChangeOnRejection));
        if (changed.length) {
          throw new Error(
            `${target}: a rejected request (${res.status}) changed ${changed.join(', ')}: ${describe(req)}`
          );
        }
      }
      return res.status;
    };

    // 1. Every API operation in the document.
    const doc = (await (await fetch(`${origin}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, TOperation>>;
    };
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const target = `${method.toUpperCase()} ${template}`;
        const valid = exampleRequest(template, method, op);
        // The suite has no session: an operation that needs one must refuse the example with 401. An operation
        // whose ids are random has no example (`noExample`): only the bad input is sent.
        const hasExample = (op.parameters ?? []).every((p) => p.in !== 'path' || p.example !== undefined);
        const expected = (status: number) =>
          !hasExample || (op.security ? status === 401 : status >= 200 && status < 300);
        await check(failures, target, async () => {
          const first = await send(target, valid);
          if (!expected(first)) throw new Error(`${target}: the documented example answered ${first}`);
          await fc.assert(
            fc.asyncProperty(apiVariant(template, op, valid), (req) => send(target, req).then(() => true)),
            { numRuns: runs, seed, endOnFailure: true }
          );
          const after = await send(target, valid);
          if (!expected(after)) throw new Error(`${target}: the example answered ${after} after the fuzzing`);
        });
      }
    }

    // 2. Every public page, with a wrong last path segment or a bad query string.
    const { pages, forms } = await crawl(origin);
    await check(failures, `GET ${pages.length} public pages with bad addresses`, () =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom(...pages), queryOrSegment(), (page, change) =>
          send(`GET ${page}`, { method: 'GET', path: badAddress(origin, page, change) }).then(() => true)
        ),
        { numRuns: runs * 10, seed, endOnFailure: true }
      )
    );

    // …and, on every page, the two replacements that have broken loads before: NUL and an over-long id.
    await check(failures, `GET ${pages.length} public pages with NUL and an over-long last segment`, async () => {
      for (const page of pages) {
        const base = new URL(page, origin).pathname.replace(/\/[^/]*$/, '');
        for (const segment of ['%00', 'x'.repeat(300)])
          await send(`GET ${page}`, { method: 'GET', path: `${base}/${segment}` });
      }
    });

    // 3. Every public form.
    for (const form of forms) {
      const target = `POST ${form.action} (form on ${form.page})`;
      await check(failures, target, () =>
        fc.assert(
          fc.asyncProperty(formVariant(form), (req) => send(target, req).then(() => true)),
          { numRuns: runs, seed, endOnFailure: true }
        )
      );
    }
    // 4. The staff area, signed in as an administrator: every page and form the crawl finds from /admin.
    const session = await adminSession(databaseUrl);
    const staff = await crawl(origin, 600, ['/admin'], session, (path) => /^(\/en)?\/admin(\/|$)/.test(path));
    if (staff.pages.length < 20) throw new Error(`the staff crawl found only ${staff.pages.length} pages`);
    await check(failures, `GET ${staff.pages.length} staff pages with bad addresses`, () =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom(...staff.pages), queryOrSegment(), (page, change) =>
          send(`GET ${page}`, { method: 'GET', path: badAddress(origin, page, change), session }).then(() => true)
        ),
        { numRuns: runs * 5, seed, endOnFailure: true }
      )
    );
    // One form per route and action: the same form on another entry's page (or in English) runs the same code.
    const shape = (action: string) =>
      action.replace(/^\/en\//, '/').replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|\?|$)/g, '/:id');
    const staffForms = [...new Map(staff.forms.map((f) => [shape(f.action), f])).values()];
    for (const form of staffForms) {
      const target = `POST ${form.action} (staff form on ${form.page})`;
      await check(failures, target, () =>
        fc.assert(
          fc.asyncProperty(formVariant(form), (req) => send(target, { ...req, session }).then(() => true)),
          { numRuns: runs, seed, endOnFailure: true }
        )
      );
    }
    console.log(
      `fuzz: ${requests} requests to ${Object.values(doc.paths).flatMap(Object.keys).length} operations, ${pages.length} pages and ${forms.length} forms, ${staff.pages.length} staff pages and ${staffForms.length} staff forms`
    );
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await counter.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [key, request] of refusedByDatabase) {
    failures.push(
      `only the database refused the input (a 400 from the safety net, not the schema) at ${key}\n  after ${request}`
    );
  }
  if (failures.length) {
    console.error(`\nfuzz: ${failures.length} target(s) failed (seed ${seed}):\n`);
    for (const f of failures) console.error(`- ${f}\n`);
    process.exit(1);
  }
  console.log('fuzz: no 5xx, every rejection explained, nothing written by a rejected request');
}

async function check(failures: string[], target: string, fn: () => Promise<unknown>) {
  try {
    await fn();
    console.log(`  ok  ${target}`);
  } catch (error) {
    console.log(`  FAIL ${target}`);
    // fast-check wraps the failing request's own error (with the status and body) as the cause.
    const inner = error instanceof Error ? error.cause : undefined;
    const cause = inner instanceof Error ? `${inner.message}${inner.cause ? ` (${String(inner.cause)})` : ''}\n` : '';
    failures.push(
      `${cause}${error instanceof Error ? error.message.split('\n').slice(0, 2).join('\n') : String(error)}`
    );
  }
}

function describe(req: TRequest) {
  const body =
    req.body === undefined
      ? ''
      : typeof req.body === 'string'
        ? ` body ${JSON.stringify(req.body.slice(0, 160))}${req.body.length > 160 ? `… (${req.body.length} chars)` : ''}`
        : ` body <${req.body.length} bytes>`;
  return `${req.method} ${req.path.slice(0, 200)} [${req.contentType ?? 'no content type'}]${body}`;
}

/** The operation's documented example as a request. */
function exampleRequest(template: string, method: string, op: TOperation): TRequest {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const example = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.example;
    return encodeURIComponent(example ?? 'x');
  });
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) if (p.in === 'query' && p.example !== undefined) query.set(p.name, p.example);
  const example = op.requestBody?.content?.['application/json']?.example;
  return {
    api: true,
    method: method.toUpperCase(),
    path: query.size ? `${path}?${query}` : path,
    ...(op.requestBody ? { contentType: 'application/json', body: JSON.stringify(example) } : {})
  };
}

/** Bad variants of an API request: path parameters, query parameters and the body, one thing at a time. */
function apiVariant(template: string, op: TOperation, valid: TRequest): fc.Arbitrary<TRequest> {
  const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
  const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const validUrl = new URL(valid.path, 'http://x');
  const variants = [queryVariant(queryNames).map((q) => ({ ...valid, path: `${validUrl.pathname}?${q}` }))];
  if (pathParams.length) {
    variants.push(
      fc.tuple(fc.constantFrom(...pathParams), fuzzText).map(([name, value]) => ({
        ...valid,
        path: template.replace(/\{(\w+)\}/g, (_, n: string) =>
          encodePathPart(n === name ? value : (op.parameters?.find((p) => p.name === n)?.example ?? ''))
        )
      }))
    );
  }
  if (op.requestBody) {
    const example = op.requestBody.content['application/json']?.example;
    variants.push(bodyVariant(example, 'json').map((b) => ({ ...valid, ...b })));
  }
  return fc.oneof(...variants);
}

/** Bad variants of a form post: each field alone made wrong, fields dropped or added, wrong encodings. */
function formVariant(form: TForm): fc.Arbitrary<TRequest> {
  const defaults = Object.fromEntries(form.fields.map((f) => [f.name, f.value]));
  return bodyVariant(defaults, 'form').map((b) => ({ method: 'POST', path: form.action, ...b }));
}

/** A wrong last path segment or a bad query string. */
function queryOrSegment(): fc.Arbitrary<{ segment: string } | { query: string }> {
  return fc.oneof(
    fuzzText.map((t) => ({ segment: encodePathPart(t) })),
    queryVariant([]).map((q) => ({ query: q }))
  );
}

function badAddress(origin: string, page: string, change: { segment: string } | { query: string }): string {
  const url = new URL(page, origin);
  return 'segment' in change
    ? `${url.pathname.replace(/\/[^/]*$/, '')}/${change.segment}`
    : `${url.pathname}?${change.query}`;
}
