// The bench scripts `npm run bench` runs besides the HTTP scenarios of bench/scenarios.js — ONE line each:
//   name     — the scenario's name (a row group in the table, `--only <name>`, docs/performance.md)
//   command  — how to run it from the project folder; `tsx`/`node` come from node_modules/.bin; leading
//              `NAME=value` words are environment; `{url}` is the running production build (the script then
//              runs while it is up), `{baseline}` the bare node:http baseline server of the same run
//   quick    — the same with short durations and small n, for `npm run bench -- --quick` (defaults to command)
//   target   — what the issue asks for, in words (each row the script prints carries its own target and met)
//   test     — 'quick' when the Vitest harness test may run the quick variant (cheap: a few seconds)
// Every script prints the JSON summary of bench/contract.js as its last line of stdout (bench/README.md).
// With `--db postgres` every script runs inside the same throwaway cluster (DATABASE_URL points at it).

/** @typedef {{ name: string, command: string, quick?: string, target: string, test?: 'quick' }} TBenchScript */

/** @type {TBenchScript[]} */
export const scripts = [
  {
    name: 'report submission',
    command: 'tsx bench/report.ts',
    quick: 'tsx bench/report.ts --reports 600 --submits 20 --kdf-rounds 2',
    target: 'issue 4: submit p50 < 20 ms without the argon2id (its cost stated per report); inbox of 10,000 < 100 ms'
  },
  {
    name: 'classroom session with 60 pupils',
    command: 'node bench/classroom-latency.js',
    quick: 'ROUNDS=1 node bench/classroom-latency.js',
    target: 'issue 5: every projector update within 500 ms p99 of the answer'
  },
  {
    name: 'public pages',
    command: 'tsx bench/pages.ts {url} --baseline {baseline}',
    quick: 'tsx bench/pages.ts {url} --baseline {baseline} --n 5',
    target: 'every public route: server render time, JavaScript (gzip) ≤ 30 KB on check pages (issue 3)'
  },
  {
    name: 'engine vs Rscript',
    command: 'tsx bench/survey-engine.ts',
    quick: 'tsx bench/survey-engine.ts --n 20000 --questions 2',
    target: 'issue 7: raking + estimates ≥ 20× faster than R survey (CPU), same numbers; skipped without Rscript'
  },
  {
    name: 'directory coverage query (in process)',
    command: 'tsx bench/directory-coverage.ts',
    quick: 'ORGS=100 ROUNDS=1 tsx bench/directory-coverage.ts',
    target: 'issue 6: who covers municipality X with 2,000 organisations < 5 ms p95',
    test: 'quick'
  },
  {
    name: 'check statistics after many checks',
    command: 'tsx bench/check-statistics.ts --checks 100000 --runs 100',
    quick: 'tsx bench/check-statistics.ts --checks 2000 --runs 10',
    target: 'issue 10: the statistics pages (prevention barometer) render < 30 ms, also after 100,000 checks'
  },
  {
    name: 'check scoring',
    command: 'tsx bench/check-score.js',
    quick: 'tsx bench/check-score.js 2000',
    target: 'issue 3: scoring a checklist < 50 µs',
    test: 'quick'
  },
  {
    name: 'learning pages and search',
    command: 'node bench/learn-render.js {url}',
    quick: 'node bench/learn-render.js {url} 10',
    target: 'issue 5: a learning page renders in < 20 ms (median), search < 50 ms p95'
  },
  {
    name: 'learning search (in process)',
    command: 'tsx bench/learn-search.ts',
    quick: 'tsx bench/learn-search.ts 5',
    target: 'issue 5: search < 50 ms p95 (query and snippets, without HTTP)',
    test: 'quick'
  },
  {
    name: 'results at 1,000,000 responses',
    // 1,000,000 responses as counters (the page reads nothing else): minutes, not the half hour of 21,000,000 rows.
    command: 'tsx bench/survey-results.ts --n 1000000 --small 1000 --runs 10 --store counters',
    quick: 'tsx bench/survey-results.ts --n 20000 --small 1000 --runs 3 --store rows',
    target: 'issue 7: a raked results page (3 margins, a breakdown) < 20 ms server time at 1,000,000 responses'
  },
  {
    name: 'campaign effect',
    // The size: the generator writes the counters directly (1,000,000 responses in about 10 s).
    command: 'tsx bench/campaign-effect.ts --n 1000000 --store counters',
    quick: 'tsx bench/campaign-effect.ts --n 4000 --small 400 --runs 5 --rounds 1',
    target: 'issue 8: GET /api/v1/campaigns/{id}/effect < 50 ms server time with 1,000,000 responses behind its waves'
  },
  {
    name: 'statistics pages',
    command: 'node bench/statistics-render.js {url}',
    quick: 'node bench/statistics-render.js {url} 10',
    target: 'issue 10: a statistics page (SVG chart + table) renders in < 30 ms server time (median)'
  }
];

/**
 * Splits a command into environment, program and arguments, filling `{url}` and `{baseline}`.
 * @param {string} command @param {{ url?: string, baseline?: string }} [urls]
 * @returns {{ env: Record<string, string>, program: string, args: string[] }}
 */
export function parseCommand(command, urls = {}) {
  const words = command
    .trim()
    .split(/\s+/)
    .map((w) => w.replaceAll('{url}', urls.url ?? '{url}').replaceAll('{baseline}', urls.baseline ?? '{baseline}'));
  /** @type {Record<string, string>} */
  const env = {};
  while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [k, ...v] = /** @type {string} */ (words.shift()).split('=');
    env[k] = v.join('=');
  }
  const [program, ...args] = words;
  if (!program) throw new Error(`no program in "${command}"`);
  return { env, program, args };
}

/** Whether a script needs the running build (its command names `{url}` or `{baseline}`). @param {string} command */
export const needsServer = (command) => command.includes('{url}') || command.includes('{baseline}');
