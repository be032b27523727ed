// "Who covers municipality X" with 2,000 organisations, and the chain map's data for the whole country.
// Usage: npx tsx bench/directory-coverage.ts            (SQLite in a temp folder)
//        BENCH_DATABASE_URL=sqlite:/tmp/x.db npx tsx bench/directory-coverage.ts   (keeps that database)
//        node scripts/with-postgres.js npx tsx bench/directory-coverage.ts   (PostgreSQL)
// Imports 2,000 random entries through the real CSV import (one transaction), then times
// `whoCovers` for every one of the 357 municipalities several times, `searchDirectory` (the whole
// public search: resolve the name, look up coverage, load the entries, rank) and `coverageReport`.
import { randomUUID } from 'node:crypto';
import { csvColumns, entryToCsvRow } from '../src/lib/server/directory/directory.core';
import { toCsv } from '../src/lib/server/http/csv';
import {
  applyImport,
  areaOf,
  computeCoverageReport,
  coverageReport,
  listPlaces,
  searchDirectory,
  whoCovers
} from '../src/lib/server/directory/directory.service';
import { setUpAdmin } from '../src/lib/server/testing/fixtures';
import { openTestApp } from '../src/lib/server/testing/test-app';
import { openApp } from '../src/lib/server/app';
import { loadConfig } from '../src/lib/server/config';
import type { TEntryInput } from '../src/lib/schemas/directory';
import { emit } from './contract.js';

const N = Number(process.env.ORGS ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50: r(quantile(s, 0.5)), p95: r(quantile(s, 0.95)), max: r(s[s.length - 1]) };
}

// BENCH_DATABASE_URL keeps the filled database (to time the pages of a server started on it).
const ctx = process.env.BENCH_DATABASE_URL
  ? await openApp(loadConfig({ ...process.env, DATABASE_URL: process.env.BENCH_DATABASE_URL }))
  : await openTestApp();
try {
  const { admin } = await setUpAdmin(ctx);
  const places = await listPlaces(ctx.db);
  const counties = [...new Set(places.map((p) => p.countyNumber))];
  const links = ['prevention', 'intelligence', 'victim_follow_up'] as const;
  // A deterministic mix: 2 % national, 20 % county, 78 % one to three municipalities.
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: string[][] = [];
  for (let i = 0; i < N; i++) {
    const r = rnd();
    const coverage =
      r < 0.02
        ? ['national']
        : r < 0.22
          ? [`county:${pick(counties)}`]
          : [
              ...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `municipality:${pick(places).number}`))
            ];
    const entry: TEntryInput = {
      name: `Benchmark service ${i}`,
      serviceType: 'ngo',
      summaryNb: 'Benchmark',
      summaryEn: 'Benchmark',
      notDoneNb: '',
      notDoneEn: '',
      website: '',
      links: [pick(links)],
      sectors: [],
      exploitation: ['labour'],
      targets: [],
      languages: [pick(['nb', 'en', 'pl', 'ro', 'lt'])],
      coverage,
      channels: [],
      verification: 'verified',
      verificationNoteNb: '',
      verificationNoteEn: '',
      verifiedAt: '2026-11-01',
      sourceUrl: 'https://example.org/bench',
      sourceNote: '',
      published: 'yes'
    };
    const row = entryToCsvRow(randomUUID(), entry);
    rows.push(csvColumns.map((c) => row[c]));
  }
  let t0 = performance.now();
  const plan = await applyImport(ctx.db, admin, toCsv(csvColumns, rows));
  const importMs = performance.now() - t0;

  const areas = await Promise.all(places.map((p) => areaOf(ctx.db, p)));
  for (const a of areas.slice(0, 50)) await whoCovers(ctx.db, a); // warm-up
  const cover: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const a of areas) {
      t0 = performance.now();
      found += (await whoCovers(ctx.db, a)).length;
      cover.push(performance.now() - t0);
    }
  const search: number[] = [];
  for (const p of places.slice(0, 100)) {
    t0 = performance.now();
    await searchDirectory(ctx.db, { municipality: p.name });
    search.push(performance.now() - t0);
  }
  const chainCold: number[] = [];
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    await computeCoverageReport(ctx.db);
    chainCold.push(performance.now() - t0);
  }
  const chain: number[] = [];
  for (let i = 0; i < 50; i++) {
    t0 = performance.now();
    await coverageReport(ctx.db);
    chain.push(performance.now() - t0);
  }
  const who = summary(cover);
  const chainCompute = summary(chainCold);
  emit({
    scenario: 'directory coverage query (in process)',
    rows: [
      {
        name: `whoCovers, ${N + 8} organisations × ${places.length} municipalities`,
        value: who.p95,
        unit: 'ms',
        figure: `p95 ${who.p95} ms (p50 ${who.p50}, max ${who.max})`,
        baseline: null,
        // The target is with 2,000 organisations: a smaller run (--quick) reports without judging.
        target: N >= 2000 ? 'p95 < 5 ms' : 'p95 < 5 ms with 2,000 (not judged at this n)',
        met: N >= 2000 ? who.p95 < 5 : null
      },
      {
        name: 'chain map data, whole country (computed, not cached)',
        value: chainCompute.p50,
        unit: 'ms',
        figure: `p50 ${chainCompute.p50} ms (p95 ${chainCompute.p95})`,
        baseline: null,
        target: null,
        met: null
      }
    ],
    details: {
      dialect: ctx.dialect,
      organisations: N + 8,
      municipalities: places.length,
      importMs: Math.round(importMs),
      imported: plan.counts,
      averageCovering: Math.round(found / cover.length),
      whoCoversMs: who,
      searchDirectoryMs: summary(search),
      coverageReportWholeCountryComputeMs: chainCompute,
      coverageReportWholeCountryCachedMs: summary(chain)
    }
  });
} finally {
  await ctx.close();
}
