// Hot youth counter rows (issue 12): bursts of self-paced answers to ONE question in ONE week — every
// answer upserts the same (set, question, week) counter key — in process, without HTTP, on a fresh database
// (PostgreSQL under `node scripts/with-postgres.js`; on SQLite shards do not apply). Runs the burst with
// YOUTH_TALLY_SHARDS=1 (every write on one row, as before migration 202612020300) and with 16 shards, in
// alternating child processes, and a baseline in each: the same burst of reads (the quiz set).
// Usage: node scripts/with-postgres.js npx tsx bench/youth-tallies.ts [--bursts 30] [--size 60] [--rounds 3]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { openTestApp } from '../src/lib/server/testing/test-app';
import { answerSelfPaced, getQuiz } from '../src/lib/server/youth/youth.service';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const bursts = option('bursts', 30);
const size = option('size', 60);
const rounds = option('rounds', 3);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function child() {
  const ctx = await openTestApp();
  try {
    const set = await getQuiz(ctx.db, 'what-can-i-do');
    const q = set.questions[0]!;
    const now = new Date('2026-11-25T10:00:00Z');
    const answers: number[] = [];
    const reads: number[] = [];
    let answerWall = 0;
    const timed = async (fn: () => Promise<unknown>, into: number[]) => {
      const t = performance.now();
      await fn();
      into.push(performance.now() - t);
    };
    for (let b = 0; b < bursts; b++) {
      const t = performance.now();
      await Promise.all(
        Array.from({ length: size }, (_, i) =>
          timed(
            () => answerSelfPaced(ctx.db, { setId: set.id, progress: '', chosen: [q.options[i % 2]!.id] }, now),
            answers
          )
        )
      );
      answerWall += performance.now() - t;
      await Promise.all(Array.from({ length: size }, () => timed(() => getQuiz(ctx.db, set.id), reads)));
    }
    const rows = await ctx.db
      .selectFrom('youth_answer_tally')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number>('answered').as('answered')])
      .where('set_id', '=', set.id)
      .where('question_id', '=', q.id)
      .executeTakeFirstOrThrow();
    if (Number(rows.answered) !== bursts * size) throw new Error(`counted ${rows.answered}, sent ${bursts * size}`);
    answers.sort((a, b) => a - b);
    reads.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        shards: process.env.YOUTH_TALLY_SHARDS,
        rows: Number(rows.rows),
        answersPerSecond: Math.round((bursts * size) / (answerWall / 1000)),
        answerP50: round2(quantile(answers, 0.5)),
        answerP99: round2(quantile(answers, 0.99)),
        readP99: round2(quantile(reads, 0.99))
      })
    );
  } finally {
    await ctx.close();
  }
}

function parent() {
  if (!process.env.DATABASE_URL?.startsWith('postgres'))
    console.warn('Not PostgreSQL: shards do not apply on SQLite (every write goes to shard 0).');
  const results: Record<string, unknown>[] = [];
  for (let r = 0; r < rounds; r++)
    for (const shards of ['1', '16']) {
      const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', ...args], {
        env: { ...process.env, YOUTH_TALLY_SHARDS: shards },
        encoding: 'utf8'
      });
      if (run.status !== 0) throw new Error(run.stderr || `child exited ${run.status}`);
      const line = run.stdout.trim().split('\n').at(-1)!;
      results.push({ round: r + 1, ...JSON.parse(line) });
      console.log(JSON.stringify(results.at(-1)));
    }
  console.table(results);
}

if (args.includes('--child')) await child();
else parent();
