// The prevention barometer and the check summary after many checks (issues 3, 10, 11): the summary reads the
// check counters (check_count, check_indicator_count), so its cost must not grow with the number of checks.
// Usage: npx tsx bench/check-statistics.ts [--checks 100000] [--runs 200]
//        node scripts/with-postgres.js npx tsx bench/check-statistics.ts   (PostgreSQL)
// Makes two fresh databases in the same process: one with no checks (the baseline), one with --checks checks
// stored through the app's own path (runCheck: scoring, then the group-committing writer, 1,000 submitted at
// once), random sector, answers and municipality (a fifth without), spread over the last 52 ISO weeks. Then
// times, on both, `getBarometer` (what /statistics/prevention renders) and `checksSummary` (GET
// /api/v1/checks/summary, unfiltered and filtered to a county and 8 weeks), and once the full GROUP BY scan of
// the stored checks the summary ran before the counters (the recount), for comparison.
import { checksSummary, runCheck } from '../src/lib/server/check/check.service';
import { recountCheckCounts, storedCheckCounts } from '../src/lib/server/check/check.repository';
import { currentChecklists } from '../src/lib/server/check/checklists';
import { getBarometer } from '../src/lib/server/statistics/statistics.barometer';
import { openTestApp } from '../src/lib/server/testing/test-app';
import type { AppContext } from '../src/lib/server/app';
import { emit } from './contract.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = option('checks', 100_000);
const RUNS = option('runs', 200);

let seed = 20261129;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const round = (x: number) => Math.round(x * 100) / 100;

async function time(fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < Math.min(20, runs); i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: round(quantile(t, 0.5)), p95: round(quantile(t, 0.95)) };
}

async function fill(ctx: AppContext, n: number) {
  const checklists = currentChecklists().filter((c) => c.kind === 'checklist');
  const municipalities = (await ctx.db.selectFrom('municipality').select('number').execute()).map((m) => m.number);
  const now = Date.now();
  const t0 = performance.now();
  for (let done = 0; done < n;) {
    const round = Math.min(1000, n - done);
    await Promise.all(
      Array.from({ length: round }, () => {
        const c = pick(checklists);
        const answers = Object.fromEntries(c.questions.map((q) => [q.id, pick(['yes', 'no', 'unknown'] as const)]));
        const municipality = random() < 0.2 ? null : pick(municipalities);
        const when = new Date(now - Math.floor(random() * 52 * 7) * 86_400_000);
        return runCheck(ctx.db, { sector: c.id, answers, municipality }, when);
      })
    );
    done += round;
    if (done % 20_000 === 0) console.error(`  ${done} checks stored`);
  }
  return (performance.now() - t0) / 1000;
}

const empty = await openTestApp();
const full = await openTestApp();
try {
  console.error(`check statistics: storing ${N} checks (${full.dialect})`);
  const fillSeconds = await fill(full, N);
  const stored = await storedCheckCounts(full.db);
  const recount = await recountCheckCounts(full.db);
  const total = stored.counts.reduce((a, r) => a + r.n, 0);
  if (total !== N || JSON.stringify(stored) !== JSON.stringify(recount))
    throw new Error(`the counters do not equal a recount of the ${N} stored checks (they add up to ${total})`);

  const weeks = (await checksSummary(full.db, {}, { suppress: false })).byWeek.map((w) => w.week);
  const filtered = { county: '03', from: weeks.at(-8), to: weeks.at(-1) };
  const measures = [
    { name: 'getBarometer (/statistics/prevention)', fn: (c: AppContext) => getBarometer(c.db, 'nb'), target: 30 },
    { name: 'checksSummary, unfiltered', fn: (c: AppContext) => checksSummary(c.db, {}), target: null },
    { name: 'checksSummary, one county, 8 weeks', fn: (c: AppContext) => checksSummary(c.db, filtered), target: null }
  ];
  const rows = [];
  const table = [];
  for (const m of measures) {
    const base = await time(() => m.fn(empty));
    const big = await time(() => m.fn(full));
    const ratio = round(big.p50 / Math.max(base.p50, 0.01));
    table.push({
      measure: m.name,
      'fresh p50 ms': base.p50,
      [`${N} checks p50 ms`]: big.p50,
      'p95 ms': big.p95,
      ratio
    });
    rows.push({
      name: `${m.name} at ${N.toLocaleString('en')} checks`,
      value: big.p50,
      unit: 'ms',
      figure: `p50 ${big.p50} ms (p95 ${big.p95}); fresh database ${base.p50} ms`,
      baseline: base.p50,
      baselineLabel: 'ms p50 on a fresh database (no checks), same process',
      ratio,
      target: m.target === null ? null : `p50 < ${m.target} ms (issue 10)`,
      met: m.target === null ? null : big.p50 < m.target
    });
  }
  const scan = await time(() => recountCheckCounts(full.db), 5);
  console.table(table);
  console.error(
    `  the GROUP BY scan of all ${N} checks the summary ran before: p50 ${scan.p50} ms; ${stored.counts.length} check counters, ${stored.indicators.length} indicator counters; stored in ${round(fillSeconds)} s`
  );
  emit({
    scenario: 'check statistics',
    rows,
    details: {
      db: full.dialect,
      checks: N,
      counters: stored.counts.length,
      indicatorCounters: stored.indicators.length,
      fillSeconds: round(fillSeconds),
      scanP50Ms: scan.p50,
      table
    }
  });
} finally {
  await empty.close();
  await full.close();
}
