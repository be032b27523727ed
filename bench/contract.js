// The JSON contract between `npm run bench` (bench/run.js) and each bench script it runs (bench/suite.js).
// A script prints, as the LAST line of its stdout, one JSON object (anything before it is for people):
//   { "scenario": "<its name in bench/suite.js>",
//     "rows": [ { "name": "what was measured", "value": 9.6, "unit": "ms",
//                 "figure": "p50 9.6 ms (p95 12.1 ms)",        // optional, shown instead of value+unit
//                 "baseline": 0.2, "baselineLabel": "indexed select p50 (ms)", // or null: none in the run
//                 "ratio": 48, "target": "p50 < 20 ms", "met": true } ],       // target/met null: no target
//     "skipped": "why nothing was measured",                     // optional, then rows may be empty
//     "details": { … anything else worth keeping in bench/results/*.json … } }
// It exits 0 when every row with a target met it, non-zero otherwise (the JSON is printed either way).
import { z } from 'zod';

export const ZBenchRow = z.object({
  name: z.string().min(1),
  value: z.number().finite().nullable(),
  unit: z.string(),
  figure: z.string().optional(),
  baseline: z.number().finite().nullable().optional(),
  baselineLabel: z.string().optional(),
  ratio: z.number().finite().nullable().optional(),
  target: z.string().nullable(),
  met: z.boolean().nullable()
});

export const ZBenchSummary = z.object({
  scenario: z.string().min(1),
  rows: z.array(ZBenchRow),
  skipped: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional()
});

/** @typedef {z.infer<typeof ZBenchRow>} TBenchRow */
/** @typedef {z.infer<typeof ZBenchSummary>} TBenchSummary */

/**
 * Reads a script's summary: the last non-empty line of its stdout, parsed and checked against the contract.
 * @param {string} stdout
 * @returns {TBenchSummary}
 */
export function parseSummary(stdout) {
  const last = stdout.trim().split('\n').pop() ?? '';
  let json;
  try {
    json = JSON.parse(last);
  } catch {
    throw new Error(`the last line of stdout is not JSON: ${last.slice(0, 200)}`);
  }
  return ZBenchSummary.parse(json);
}

/**
 * Prints a script's summary as its last line of stdout (after checking it) and sets the exit code: 1 when a
 * row missed its target.
 * @param {TBenchSummary} summary
 */
export function emit(summary) {
  const checked = ZBenchSummary.parse(summary);
  process.stdout.write(JSON.stringify(checked) + '\n');
  if (checked.rows.some((r) => r.met === false)) process.exitCode = 1;
}

/** Rounds to `digits` decimals. @param {number} x @param {number} [digits] */
export const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The q-quantile of an ascending array (nearest rank). @param {number[]} sorted @param {number} q */
export const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
