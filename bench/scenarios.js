// The benchmark scenarios. Each module adds its own (its issue names the target):
//   name      — short id, also the row in docs/performance.md
//   request   — what autocannon sends to the app: { method, path, headers?, body? }
//   baseline  — 'read', 'write' or 'survey-write' (the same body as the app's): the bare node:http + database
//               request it is divided by
//   target    — the ratio the issue asks for (app ÷ baseline), or null when the issue names none
//   minRps, maxP99 — absolute targets the issue names too (responses/s, ms), checked beside the ratio
//   prepare   — optional: async ({ databaseUrl }) => request, makes the scenario's data on the app's database
//   note      — what limits the figure
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../scripts/app-server.js';

const carWashAnswers = {
  'price-far-below': 'yes',
  'cash-only': 'yes',
  receipt: 'no',
  'pay-manager': 'unknown',
  'no-ppe': 'no',
  'living-on-site': 'unknown',
  'child-working': 'no',
  fearful: 'no',
  'intimidating-manager': 'no'
};

export const scenarios = [
  {
    name: 'check submission',
    request: {
      method: 'POST',
      path: '/api/v1/checks',
      headers: { 'content-type': 'application/json' },
      body: { sector: 'car-wash', version: 1, answers: carWashAnswers, municipality: '0301' }
    },
    baseline: 'write',
    target: 0.5,
    note: 'issue 3: ≥ 0.5 of a bare node:http insert, ≥ 2,000/s, p99 < 50 ms; answered before SvelteKit, group commit'
  },
  {
    name: 'survey response intake',
    // A published survey with 20 required questions and a wave open today, made through the survey service
    // (bench/survey-fixture.ts); every request is one whole response (the same answers each time, so the
    // same 21 counter rows are upserted: the hot-row case).
    /** @param {{ databaseUrl: string }} options */
    async prepare({ databaseUrl }) {
      const out = execFileSync(join(root, 'node_modules/.bin/tsx'), ['bench/survey-fixture.ts', databaseUrl], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, LOG_LEVEL: 'warn' }
      });
      const survey = JSON.parse(out.trim().split('\n').at(-1) ?? '');
      return {
        method: 'POST',
        path: `/api/v1/surveys/${survey.surveyId}/waves/${survey.waveId}/responses`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: survey.answers })
      };
    },
    baseline: 'survey-write',
    target: 0.5,
    minRps: 1500,
    maxP99: 50,
    note: 'issue 7: 20 answers, response + answer rows + counter upserts in one transaction; ≥ 1,500/s, p99 < 50 ms, ≥ 0.5 of the bare insert of the same rows'
  },
  {
    name: 'directory coverage query',
    request: { method: 'GET', path: '/api/v1/organisations?municipality=0301' },
    baseline: 'read',
    target: null,
    note: 'issue 6 targets the query (< 5 ms p95, measured by bench/directory-coverage.ts); this is the whole request'
  },
  {
    name: 'statistics series page',
    request: { method: 'GET', path: '/statistics/police_reports_trafficking' },
    baseline: 'read',
    target: null,
    note: 'issue 10: server-rendered SVG chart + table, target < 30 ms server time (bench/statistics-render.js)'
  },
  {
    name: 'learning page render',
    request: { method: 'GET', path: '/learn/norway-framework' },
    baseline: 'read',
    target: null,
    note: 'issue 5: a learning page renders in < 20 ms server time (bench/learn-render.js), no JavaScript shipped'
  },
  {
    name: 'learning search',
    request: { method: 'GET', path: '/api/v1/learn/search?q=menneskehandel' },
    baseline: 'read',
    target: null,
    note: 'issue 5: search answers in < 50 ms p95 over all pages (bench/learn-render.js); FTS5 / tsvector'
  },
  {
    name: 'health',
    request: { method: 'GET', path: '/api/health' },
    baseline: 'read',
    target: null,
    note: 'a select and the migration list: the floor of any app request through SvelteKit'
  },
  {
    name: 'municipalities API',
    request: { method: 'GET', path: '/api/v1/municipalities?county=46' },
    baseline: 'read',
    target: null,
    note: 'reads 357 rows and filters in JS (SQLite lower() does not fold æøå)'
  },
  {
    name: 'home page render',
    request: { method: 'GET', path: '/' },
    baseline: 'read',
    target: null,
    note: 'server-side render of the shell and home page, no database read'
  },
  {
    name: 'login page render',
    request: { method: 'GET', path: '/login' },
    baseline: 'read',
    target: null,
    note: 'server-side render of a form page'
  }
];
