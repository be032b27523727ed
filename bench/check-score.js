#!/usr/bin/env node
// Measures scoreChecklist (src/lib/check/score.ts) on every sector's checklist with random answers.
// Usage: npx tsx bench/check-score.js [iterations]
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseChecklist } from '../src/lib/check/checklist.ts';
import { scoreChecklist } from '../src/lib/check/score.ts';
import { emit } from './contract.js';

const iterations = Number(process.argv[2] ?? 200_000);
const dir = resolve('data/checklists');
const checklists = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseChecklist(f, JSON.parse(readFileSync(resolve(dir, f), 'utf8'))))
  .filter((c) => c.kind === 'checklist');

// A fixed pool of random answer sets, made before timing.
const values = ['yes', 'no', 'unknown'];
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pool = Array.from({ length: 1000 }, (_, i) => {
  const c = checklists[i % checklists.length];
  return { c, answers: Object.fromEntries(c.questions.map((q) => [q.id, values[Math.floor(rand() * 3)]])) };
});

let sink = 0;
for (let i = 0; i < 20_000; i++) sink += scoreChecklist(pool[i % pool.length].c, pool[i % pool.length].answers).score;

const samples = [];
for (let round = 0; round < 5; round++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++)
    sink += scoreChecklist(pool[i % pool.length].c, pool[i % pool.length].answers).score;
  samples.push(Number(process.hrtime.bigint() - start) / iterations / 1000);
}
samples.sort((a, b) => a - b);
const median = +samples[Math.floor(samples.length / 2)].toFixed(3);
emit({
  scenario: 'check scoring',
  rows: [
    {
      name: 'scoreChecklist per check',
      value: median,
      unit: 'µs',
      figure: `median ${median} µs (best ${samples[0].toFixed(3)}, worst ${samples[samples.length - 1].toFixed(3)})`,
      baseline: null,
      target: '< 50 µs',
      met: median < 50
    }
  ],
  details: {
    checklists: checklists.map((c) => `${c.id}@${c.version} (${c.questions.length} questions)`),
    iterations,
    rounds: samples.length,
    microsecondsPerCheck: samples.map((x) => +x.toFixed(3)),
    node: process.version,
    sink: sink > 0
  }
});
