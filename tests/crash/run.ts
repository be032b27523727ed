// The crash test: `npm run test:crash [-- --db postgres] [-- --kills N] [-- --seed S]`.
// Starts the production build, drives concurrent writes at it, kills it with SIGKILL at a random moment,
// restarts it on the same database, and checks after every restart that
//   - every write that was acknowledged (2xx) before the kill is stored, whole (its dependent rows too);
//   - nothing is stored that was not sent (at most the acknowledged plus the in-flight requests);
//   - the database is consistent (SQLite: PRAGMA integrity_check and foreign_key_check; both: no orphans);
//   - counters equal a full recount of the rows they count (checks: check_count, check_indicator_count;
//     surveys: every wave's counters) — the writers' `stored` throws otherwise.
// SIGKILL ends the process, not the machine: the operating system still writes what the database handed
// it. A power cut is a different test (docs/reliability.md says what each database setting promises).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rerunInPostgres, startBuiltApp } from '../../scripts/app-server.js';
import { openReader, type TReader } from './reader';
import { RejectedWrite, writers, type TWriter } from './writers';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const kills = Number(option('kills', '20'));
const concurrency = Number(option('concurrency', '8'));
const startSeed = Number(option('seed', String(Date.now() % 2 ** 31)));
let seed = startSeed;

/** A small seeded generator (mulberry32), so a failing run can be replayed with --seed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

if (!(option('db', 'sqlite') === 'postgres' && rerunInPostgres())) await main();

interface TTally {
  /** Keys of writes answered 2xx. */
  acked: string[];
  /** Writes whose connection died with the server: committed or not, nobody was told. */
  unknown: number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-crash-'));
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : `sqlite:${join(dir, 'crash.db')}`;
  console.log(
    `crash: ${kills} kills on ${databaseUrl.split(':')[0]}, ${concurrency} concurrent writers, seed ${startSeed}`
  );
  const tallies = new Map<TWriter, TTally>(writers.map((w) => [w, { acked: [], unknown: 0 }]));
  const before = new Map<TWriter, string[]>();
  const failures: string[] = [];
  const rejected: string[] = [];
  let app = await startBuiltApp(databaseUrl);
  const context = new Map<TWriter, unknown>();
  for (const w of writers) context.set(w, await w.prepare(app.origin, databaseUrl));
  let reader: TReader = await openReader(databaseUrl);
  for (const w of writers) before.set(w, await w.stored(reader));
  try {
    for (let k = 1; k <= kills; k++) {
      const origin = app.origin;
      let stopping = false;
      const loops = Array.from({ length: concurrency }, async () => {
        while (!stopping) {
          const writer = pickWriter(random());
          const tally = tallies.get(writer) as TTally;
          try {
            tally.acked.push(await writer.write(origin, context.get(writer), random));
          } catch (error) {
            if (error instanceof RejectedWrite) {
              rejected.push(error.message);
              return;
            }
            // The connection died with the server: the write may or may not have been committed.
            tally.unknown++;
            return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, 300 + random() * 1200));
      const exited = new Promise((r) => app.child.once('exit', r));
      app.child.kill('SIGKILL');
      await exited;
      stopping = true;
      await Promise.all(loops);
      await reader.close();
      app = await startBuiltApp(databaseUrl);
      reader = await openReader(databaseUrl);
      const problems = [...rejected.splice(0), ...(await verify(reader, tallies, before))];
      const acked = [...tallies.values()].reduce((n, t) => n + t.acked.length, 0);
      console.log(`  kill ${k}: ${acked} acknowledged writes so far — ${problems.length ? 'FAIL' : 'ok'}`);
      failures.push(...problems.map((p) => `after kill ${k}: ${p}`));
      if (problems.length) break;
    }
  } finally {
    await reader.close();
    const exited = new Promise((r) => app.child.once('exit', r));
    app.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\ncrash: FAILED (replay with --seed ${startSeed}):\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(
    `crash: acknowledged per writer: ${[...tallies].map(([w, t]) => `${w.name} ${t.acked.length}`).join(', ')}`
  );
  console.log('crash: every acknowledged write survived every kill, whole; nothing unsent was stored; integrity ok');
}

/** A writer chosen by weight (default 1): a slow writer (reports: argon2id) must not crowd out the rest. */
function pickWriter(r: number): TWriter {
  const total = writers.reduce((n, w) => n + (w.weight ?? 1), 0);
  let x = r * total;
  for (const w of writers) {
    x -= w.weight ?? 1;
    if (x < 0) return w;
  }
  return writers[writers.length - 1];
}

/** The invariants, per writer and for the database as a whole. */
async function verify(reader: TReader, tallies: Map<TWriter, TTally>, before: Map<TWriter, string[]>) {
  const problems: string[] = [...(await reader.integrityProblems())];
  for (const [writer, tally] of tallies) {
    const stored = await writer.stored(reader);
    const remaining = new Map<string, number>();
    for (const key of stored) remaining.set(key, (remaining.get(key) ?? 0) + 1);
    for (const key of before.get(writer) ?? []) remaining.set(key, (remaining.get(key) ?? 0) - 1);
    let missing = 0;
    for (const key of tally.acked) {
      const n = remaining.get(key) ?? 0;
      if (n > 0) remaining.set(key, n - 1);
      else missing++;
    }
    if (missing) problems.push(`${writer.name}: ${missing} acknowledged write(s) missing or not whole`);
    const extra = [...remaining.values()].reduce((a, n) => a + Math.max(n, 0), 0);
    if (extra > tally.unknown) {
      problems.push(`${writer.name}: ${extra} stored write(s) nobody sent (${tally.unknown} were in flight)`);
    }
  }
  return problems;
}
