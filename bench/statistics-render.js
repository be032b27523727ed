#!/usr/bin/env node
// Server time of the statistics pages: the time from request to the last byte of the HTML, measured on
// localhost against a running server (so network time is near zero), after a warm-up.
// Usage: node bench/statistics-render.js http://localhost:3000 [requests per page, default 200]
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
for (const path of paths) {
  const url = base + path;
  for (let i = 0; i < 20; i++) await (await fetch(url)).text();
  const times = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    times.push(performance.now() - t0);
    status = res.status;
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  rows.push({
    path,
    status,
    kB: Math.round(bytes / 102.4) / 10,
    medianMs: Math.round(quantile(times, 0.5) * 10) / 10,
    p95Ms: Math.round(quantile(times, 0.95) * 10) / 10
  });
}
console.table(rows);
