#!/usr/bin/env node
// Server time of the statistics pages: the time from request to the last byte of the HTML, measured on
// localhost against a running server (so network time is near zero), after a warm-up.
// Usage: node bench/statistics-render.js http://localhost:3000 [requests per page, default 200]
import { emit } from './contract.js';

const base = process.argv[2] ?? 'http://localhost:3000';
const n = Number(process.argv[3] ?? 200);
const paths = [
  '/statistics',
  '/statistics/police_reports_trafficking',
  '/en/statistics/police_reports_trafficking',
  '/statistics/reports_dismissed_henlagt',
  '/statistics/attrition',
  '/statistics/prevention',
  '/embed/statistics/police_reports_trafficking'
];

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const rows = [];
/** @type {number[]} */
const times = [];
for (const path of paths) {
  const url = base + path;
  for (let i = 0; i < 20; i++) await (await fetch(url)).text();
  const own = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    own.push(performance.now() - t0);
    status = res.status;
    bytes = body.length;
  }
  own.sort((a, b) => a - b);
  times.push(...own);
  rows.push({
    path,
    status,
    kB: Math.round(bytes / 102.4) / 10,
    medianMs: Math.round(quantile(own, 0.5) * 10) / 10,
    p95Ms: Math.round(quantile(own, 0.95) * 10) / 10
  });
}
console.table(rows);
const all = times.sort((a, b) => a - b);
const median = Math.round(quantile(all, 0.5) * 10) / 10;
const bad = rows.filter((r) => r.status !== 200);
emit({
  scenario: 'statistics pages',
  rows: [
    {
      name: `statistics pages (${paths.length}), one request at a time`,
      value: median,
      unit: 'ms',
      figure: `median ${median} ms (p95 ${Math.round(quantile(all, 0.95) * 10) / 10}; slowest page median ${Math.max(...rows.map((r) => r.medianMs))})`,
      baseline: null,
      target: 'median < 30 ms, every answer 200',
      met: median < 30 && bad.length === 0
    }
  ],
  details: { pages: rows }
});
