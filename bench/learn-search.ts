// In-process time of learning search (the repository query + snippets), without HTTP: opens the app on
// a fresh database (SQLite, or PostgreSQL when DATABASE_URL names one, e.g. under scripts/with-postgres.js).
// Usage: npx tsx bench/learn-search.ts [rounds, default 200]
import { searchLearn } from '../src/lib/server/learn/learn.service';
import { openTestApp } from '../src/lib/server/testing/test-app';
import { emit } from './contract.js';

const rounds = Number(process.argv[2] ?? 200);
const queries: [string, 'nb' | 'en'][] = [
  ['menneskehandel', 'nb'],
  ['åpenhetsloven', 'nb'],
  ['tvangsarb', 'nb'],
  ['renhold HMS-kort', 'nb'],
  ['finnesikke', 'nb'],
  ['human trafficking', 'en'],
  ['forced labour', 'en'],
  ['indicat', 'en']
];
const ctx = await openTestApp();
try {
  for (const [q, l] of queries) for (let i = 0; i < 20; i++) await searchLearn(ctx.db, q, l);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [q, l] of queries) {
      const t0 = performance.now();
      await searchLearn(ctx.db, q, l);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 100) / 100;
  emit({
    scenario: 'learning search (in process)',
    rows: [
      {
        name: 'searchLearn (query and snippets)',
        value: at(0.95),
        unit: 'ms',
        figure: `p95 ${at(0.95)} ms (median ${at(0.5)}, p99 ${at(0.99)})`,
        baseline: null,
        target: 'p95 < 50 ms',
        met: at(0.95) < 50
      }
    ],
    details: { db: ctx.dialect, searches: times.length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) }
  });
} finally {
  await ctx.close();
}
