// Engine vs R: the same raked estimates (3 margins: sex, age group, county) for every question of a
// generated survey of N respondents (default 1,000,000), from the same CSV, timed in the same run
// against Rscript with the survey package. Prints both timings, the ratio and the largest differences.
//   npx tsx bench/survey-engine.ts [--n 1000000] [--questions 5] [--keep <dir>]
// Wall times depend on the machine's load; CPU times (process.cpuUsage, proc.time) are the fairer ratio.
// Needs Rscript with r-cran-survey and r-cran-jsonlite (Debian); without them it prints a skipped summary. The data are random draws: no people.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fromCounts, proportions, rake, type TCellCount, type TTarget } from '../src/lib/stats/survey';
import { emit } from './contract.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg('n', '1000000'));
const Q = Number(arg('questions', '5'));
const keep = arg('keep', '');

// RSCRIPT names another Rscript (e.g. one that does not exist, to see the skip).
const rscript = process.env.RSCRIPT ?? 'Rscript';
// Without Rscript and its survey package there is nothing to compare with: say so and stop.
try {
  execFileSync(rscript, ['-e', 'suppressPackageStartupMessages({ library(survey); library(jsonlite) })'], {
    stdio: 'ignore'
  });
} catch {
  emit({
    scenario: 'engine vs Rscript',
    rows: [],
    skipped: 'Rscript with the survey and jsonlite packages is not installed (Debian: r-cran-survey r-cran-jsonlite)'
  });
  process.exit(0);
}
const dir = keep || mkdtempSync(join(tmpdir(), 'survey-bench-'));

// Population margins: data/norway_population_margins.csv (SSB 07459 via csdata, see data/SOURCES.md).
const pop = parse(readFileSync('data/norway_population_margins.csv'), { columns: true }) as Record<string, string>[];
const age4 = (g: string) =>
  ['16-19', '20-24', '25-29'].includes(g)
    ? '16-29'
    : ['30-34', '35-39', '40-44'].includes(g)
      ? '30-44'
      : ['45-49', '50-54', '55-59', '60-64'].includes(g)
        ? '45-64'
        : '65+';
const sum = (rows: Record<string, string>[], key: (r: Record<string, string>) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + Number(r.population));
  return m;
};
const nation = pop.filter((r) => r.level === 'nation');
const counties = pop.filter((r) => r.level === 'county');
const marginMaps: [string, Map<string, number>][] = [
  ['sex', sum(nation, (r) => r.sex)],
  ['age', sum(nation, (r) => age4(r.age_group))],
  ['county', sum(counties, (r) => r.county_number)]
];
const marginsCsv = ['variable,level,total']
  .concat(marginMaps.flatMap(([v, m]) => [...m].map(([l, t]) => `${v},${l},${t}`)))
  .join('\n');

// Respondents: a deterministic generator (mulberry32) with skewed cells, answers depending on them.
let seed = 20261129;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const ages = ['16-29', '30-44', '45-64', '65+'];
const countyCodes = [...marginMaps[2][1].keys()];
const lines = ['id,sex,age,county,' + Array.from({ length: Q }, (_, k) => `q${k + 1}`).join(',')];
for (let i = 0; i < N; i++) {
  const sex = rand() < 0.58 ? 'female' : 'male';
  const u = rand();
  const age = ages[u < 0.2 ? 0 : u < 0.45 ? 1 : u < 0.8 ? 2 : 3];
  const county = countyCodes[Math.floor(rand() * rand() * countyCodes.length)];
  const answers: string[] = [];
  for (let k = 0; k < Q; k++) {
    if (rand() < 0.04) {
      answers.push('');
      continue;
    }
    const p = 0.3 + 0.15 * (sex === 'female' ? 1 : 0) + 0.1 * ages.indexOf(age) * (k % 2 ? 1 : -0.5);
    const v = rand();
    answers.push(v < p ? 'a' : v < p + (1 - p) * 0.5 ? 'b' : v < p + (1 - p) * 0.8 ? 'c' : 'd');
  }
  lines.push(`${i + 1},${sex},${age},${county},${answers.join(',')}`);
}
writeFileSync(join(dir, 'responses.csv'), lines.join('\n') + '\n');
writeFileSync(join(dir, 'margins.csv'), marginsCsv + '\n');
lines.length = 0;

// ---- the engine ----
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
const c0 = cpu();
const rows = parse(readFileSync(join(dir, 'responses.csv')), { from_line: 2 }) as string[][];
const tRead = performance.now();
const cRead = cpu();
// One pass: counters per (question, answer, cell) — what the app keeps as respondents answer — in typed
// arrays indexed by the levels of the margins (a respondent outside them is refused, as by the engine).
const levelIndex = marginMaps.map(([, m]) => new Map([...m.keys()].map((l, i) => [l, i])));
const sizes = levelIndex.map((m) => m.size);
const nCells = sizes.reduce((a, b) => a * b, 1);
const codes = ['', 'a', 'b', 'c', 'd'];
const codeIndex = new Map(codes.map((c, i) => [c, i]));
const counts = Array.from({ length: Q }, () => new Uint32Array(nCells * codes.length));
for (const r of rows) {
  let cell = 0;
  for (let v = 0; v < 3; v++) {
    const i = levelIndex[v].get(r[1 + v]);
    if (i === undefined) throw new Error(`respondent ${r[0]}: ${marginMaps[v][0]}=${r[1 + v]} is not in the margins`);
    cell = cell * sizes[v] + i;
  }
  for (let k = 0; k < Q; k++) {
    const a = codeIndex.get(r[4 + k]);
    if (a === undefined) throw new Error(`respondent ${r[0]}: unknown answer ${r[4 + k]}`);
    counts[k][cell * codes.length + a]++;
  }
}
const levelsOf = marginMaps.map(([, m]) => [...m.keys()]);
const counters = counts.map((c) => {
  const list: TCellCount[] = [];
  for (let cell = 0; cell < nCells; cell++) {
    const levels: string[] = [];
    let rest = cell;
    for (let v = 2; v >= 0; v--) {
      levels.unshift(levelsOf[v][rest % sizes[v]]);
      rest = Math.floor(rest / sizes[v]);
    }
    codes.forEach((code, a) => {
      const n = c[cell * codes.length + a];
      if (n > 0) list.push({ stratum: 'all', cell: levels, answer: code === '' ? null : code, n });
    });
  }
  return list;
});
const tCount = performance.now();
const targets: TTarget[] = marginMaps.map(([variable, m]) => ({
  variables: [variable],
  cells: [...m].map(([level, total]) => ({ levels: [level], total }))
}));
const engine = counters.map((c) => {
  const data = fromCounts(['sex', 'age', 'county'], c);
  const w = rake(data, targets, { maxit: 50, epsilon: 1e-9 });
  return proportions(data, w, {}, { codes: ['a', 'b', 'c', 'd'] });
});
const tEstimate = performance.now();
const cEstimate = cpu();

// ---- R ----
const script = `
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
t0 <- proc.time()[["elapsed"]]; c0 <- cpu()
d <- read.csv(file.path("${dir}", "responses.csv"), colClasses = "character", na.strings = "")
m <- read.csv(file.path("${dir}", "margins.csv"), colClasses = c("character", "character", "numeric"))
t1 <- proc.time()[["elapsed"]]; c1 <- cpu()
d$w0 <- 1
des <- svydesign(ids = ~1, weights = ~w0, data = d)
pops <- lapply(c("sex", "age", "county"), function(v) { p <- m[m$variable == v, c("level", "total")]; names(p) <- c(v, "Freq"); p })
r <- rake(des, list(~sex, ~age, ~county), pops, control = list(maxit = 50, epsilon = 1e-9))
qs <- grep("^q", names(d), value = TRUE)
est <- lapply(qs, function(q) { s <- svymean(as.formula(paste0("~factor(", q, ")")), r, na.rm = TRUE); list(q = q, estimate = unname(coef(s)), se = unname(SE(s))) })
t2 <- proc.time()[["elapsed"]]; c2 <- cpu()
cat(toJSON(list(read = t1 - t0, compute = t2 - t1, read_cpu = c1 - c0, compute_cpu = c2 - c1, estimates = est), auto_unbox = TRUE, digits = NA))
`;
writeFileSync(join(dir, 'bench.R'), script);
const tr0 = performance.now();
const rOut = JSON.parse(execFileSync(rscript, [join(dir, 'bench.R')], { maxBuffer: 1 << 26 }).toString()) as {
  read: number;
  compute: number;
  read_cpu: number;
  compute_cpu: number;
  estimates: { q: string; estimate: number[]; se: number[] }[];
};
const tr1 = performance.now();

let maxEst = 0;
let maxSe = 0;
rOut.estimates.forEach((r, k) => {
  engine[k].answers.forEach((a, i) => {
    maxEst = Math.max(maxEst, Math.abs(a.proportion - r.estimate[i]));
    maxSe = Math.max(maxSe, Math.abs(a.se - r.se[i]) / r.se[i]);
  });
});
const s = (ms: number) => Math.round(ms) / 1000;
const engineCompute = tEstimate - tRead;
const rCompute = rOut.compute * 1000;
const result = {
  respondents: N,
  questions: Q,
  engine: {
    read_csv_s: s(tRead - t0),
    counters_s: s(tCount - tRead),
    rake_and_estimates_s: s(tEstimate - tCount),
    total_s: s(tEstimate - t0),
    cpu_read_csv_s: s(cRead - c0),
    cpu_compute_s: s(cEstimate - cRead)
  },
  r: {
    read_csv_s: rOut.read,
    design_rake_svymean_s: rOut.compute,
    cpu_read_csv_s: rOut.read_cpu,
    cpu_compute_s: rOut.compute_cpu,
    rscript_wall_s: s(tr1 - tr0)
  },
  ratio_compute_cpu: Math.round(((rOut.compute_cpu * 1000) / (cEstimate - cRead)) * 10) / 10,
  ratio_end_to_end_cpu: Math.round((((rOut.read_cpu + rOut.compute_cpu) * 1000) / (cEstimate - c0)) * 10) / 10,
  ratio_compute: Math.round((rCompute / engineCompute) * 10) / 10,
  ratio_end_to_end: Math.round((((rOut.read + rOut.compute) * 1000) / (tEstimate - t0)) * 10) / 10,
  ratio_from_counters: Math.round((rCompute / (tEstimate - tCount)) * 10) / 10,
  max_abs_estimate_difference: maxEst,
  max_relative_se_difference: maxSe,
  agree: maxEst <= 1e-9 && maxSe <= 1e-6
};
if (!keep) rmSync(dir, { recursive: true, force: true });
emit({
  scenario: 'engine vs Rscript',
  rows: [
    {
      name: `raking (3 margins) + estimates, ${N.toLocaleString('en')} respondents × ${Q} questions, CPU`,
      value: result.engine.cpu_compute_s,
      unit: 's',
      figure: `engine ${result.engine.cpu_compute_s} s CPU`,
      baseline: result.r.cpu_compute_s,
      baselineLabel: 's CPU, R survey: svydesign + rake + svymean',
      ratio: result.ratio_compute_cpu,
      // The target is at 1,000,000 respondents: a smaller run (--quick) reports without judging.
      target: N >= 1_000_000 ? '≥ 20× faster than R' : '≥ 20× at 1,000,000 (not judged at this n)',
      met: N >= 1_000_000 ? result.ratio_compute_cpu >= 20 : null
    },
    {
      name: 'end to end from the CSV, CPU',
      value: s(cEstimate - c0),
      unit: 's',
      baseline: +(result.r.cpu_read_csv_s + result.r.cpu_compute_s).toFixed(3),
      baselineLabel: 's CPU, R: read.csv + the same',
      ratio: result.ratio_end_to_end_cpu,
      target: null,
      met: null
    },
    {
      name: 'same numbers as R (largest difference of an estimate; of an SE, relative)',
      value: maxEst,
      unit: '',
      figure: `${maxEst.toExponential(1)}; SE ${maxSe.toExponential(1)}`,
      baseline: null,
      target: 'estimate ≤ 1e-9, SE ≤ 1e-6 relative',
      met: result.agree
    }
  ],
  details: result
});
