// The effect of a campaign with many responses behind its waves (issue 8: `GET /api/v1/campaigns/{id}/effect`
// answers in < 50 ms server time with 1,000,000 responses behind its waves; it reads the counters, as survey
// results do). Makes two published copies of the survey benchmarks' 20-question survey
// (bench/survey-fixture.ts's definition) with one question (q2) marked as a breakdown question — the
// campaign's aided-recall exposure question ("q2 = a" means exposed) — each with a baseline and a follow-up
// wave. The responses are stored by the survey results bench's own generator (bench/survey-results.ts
// `generate`: rows and counters consistent, seeded): --n in total (half per wave) in the large survey,
// --small in the other. The joint counters of the breakdown question are then filled from the stored rows
// with one INSERT … SELECT … GROUP BY per wave (checked against the app's own `recountWave` on the small
// survey). A published difference-in-differences campaign per survey (indicator q1 = 4, raked) is then timed:
// the service call (`apiCampaignEffect`, what the route runs) in process, and the route over HTTP on the
// production build; the same at --small in the same run is the baseline (the ratio shows the cost does not
// grow with n). --rounds rounds, each with --runs timed calls after a warm-up; the first (cold) call, which
// makes the raking, is reported apart.
//
//   npx tsx bench/campaign-effect.ts [--n 1000000] [--small 1000] [--runs 20] [--rounds 3] [--db postgres] [--http no]
//                                    [--store rows|counters]
//
// Needs `npm run build` for the HTTP half. Writes bench/results/<date>-campaign-effect-<db>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { rerunInPostgres, root, startBuiltApp } from '../scripts/app-server.js';
import { openApp, type AppContext } from '../src/lib/server/app';
import type { TSessionUser } from '../src/lib/server/auth/auth.types';
import { apiCampaignEffect } from '../src/lib/server/campaigns/campaigns.api';
import { createCampaign, setCampaignPublished } from '../src/lib/server/campaigns/campaigns.service';
import { loadConfig } from '../src/lib/server/config';
import {
  createSurvey,
  placesOf,
  publishSurvey,
  recountWave,
  saveWave
} from '../src/lib/server/surveys/surveys.service';
import { createStaffUser, setUpAdmin } from '../src/lib/server/testing/fixtures';
import { allQuestions, choiceCodes, type TSurveyDefinition } from '../src/lib/surveys/definition';
import { emit } from './contract.js';
import { benchDefinition, type TBenchSurvey } from './survey-fixture';
import { generate, respond } from './survey-results';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const n = Number(option('n', '1000000'));
const small = Number(option('small', '1000'));
const runs = Number(option('runs', '20'));
const rounds = Number(option('rounds', '3'));
const dbKind = option('db', 'sqlite');
/** `--http no`: in process only (no build needed). */
const http = option('http', 'yes') !== 'no';
/**
 * rows: every response and answer row of the large survey is stored and its joint counters filled from the rows;
 * counters (the default above 200,000): its counters and joint counters alone, from the app's counterRows() and
 * jointCounterRows() — the effect reads nothing else. The small survey always gets rows, checked as before.
 */
const store = option('store', n > 200_000 ? 'counters' : 'rows');
const TARGET_MS = 50;
/** A day the follow-up wave (5–31 Oct 2026) is open, for the responses of the cold calls. */
const FOLLOW_UP_DAY = new Date('2026-10-15T12:00:00Z');

/** The bench survey with q2 (single choice a–d) as the breakdown question the exposure is read from. */
function definition(): TSurveyDefinition {
  const d = benchDefinition();
  for (const s of d.sections) s.questions = s.questions.map((q) => (q.id === 'q2' ? { ...q, breakdown: true } : q));
  return d;
}

interface TCampaignFixture {
  campaignId: string;
  waves: TBenchSurvey[];
}

/** A published survey with a baseline and a follow-up wave, and a published DiD campaign on them. */
async function prepare(ctx: AppContext, analyst: TSessionUser, editor: TSessionUser): Promise<TCampaignFixture> {
  const def = definition();
  const { id: surveyId } = await createSurvey(ctx.db, analyst, {
    slug: `camp-${randomUUID().slice(0, 8)}`,
    definition: def
  });
  await publishSurvey(ctx.db, analyst, surveyId);
  const places = await placesOf(ctx.db);
  const questions = allQuestions(def).map((q) => ({ id: q.id, codes: choiceCodes(q, places) }));
  const waves: TBenchSurvey[] = [];
  for (const [name, opens, closes] of [
    ['Før', '2026-08-01', '2026-08-31'],
    ['Etter', '2026-10-05', '2026-10-31']
  ] as const) {
    const { id: waveId } = await saveWave(ctx.db, analyst, surveyId, {
      name,
      opens_on: opens,
      closes_on: closes,
      target_n: undefined,
      method: 'other',
      method_note_nb: '',
      method_note_en: '',
      quotas: []
    });
    const w = await ctx.db.selectFrom('survey_wave').select('version_id').where('id', '=', waveId).executeTakeFirst();
    waves.push({ surveyId, waveId, versionId: w!.version_id, questions, answers: {} });
  }
  const { id: campaignId } = await createCampaign(ctx.db, analyst, {
    name: `Benchmark ${surveyId.slice(0, 8)}`,
    goal: 'Benchmark campaign (generated data).',
    targetGroup: 'Benchmark',
    sectors: [],
    channels: ['posters'],
    startsOn: '2026-09-07',
    endsOn: '2026-10-04',
    budget: 600_000,
    indicator: `${surveyId}|q1|4`,
    sdgTargets: [],
    measureIds: [],
    partners: '',
    materials: [],
    design: 'did',
    baselineWave: waves[0]!.waveId,
    followupWave: waves[1]!.waveId,
    exposure: 'q2|a',
    sourceCodes: [],
    weighting: 'rake'
  });
  await setCampaignPublished(ctx.db, editor, campaignId, true);
  return { campaignId, waves };
}

/** Fills the joint counters of the breakdown question q2 of one wave from its stored rows. */
async function fillJointCounters(ctx: AppContext, waveId: string): Promise<void> {
  await sql`insert into survey_joint_count (wave_id, question_id, answer, by_question_id, by_answer, cell, n)
    select r.wave_id, a.question_id, a.value, b.question_id, b.value, r.cell, count(*)
    from survey_response r
    join survey_answer a on a.response_id = r.id
    join survey_answer b on b.response_id = r.id and b.question_id = 'q2'
    where r.wave_id = ${waveId}
    group by r.wave_id, a.question_id, a.value, b.question_id, b.value, r.cell`.execute(ctx.db);
}

/** Throws unless the joint counters of a wave equal the app's own recount of its rows. */
async function verifyJoint(ctx: AppContext, waveId: string): Promise<void> {
  const key = (r: { question_id: string; answer: string; by_question_id: string; by_answer: string; cell: string }) =>
    [r.question_id, r.answer, r.by_question_id, r.by_answer, r.cell].join('|');
  const recount = (await recountWave(ctx.db, waveId)).joint.map((r) => `${key(r)}=${r.n}`).sort();
  const stored = (await ctx.db.selectFrom('survey_joint_count').selectAll().where('wave_id', '=', waveId).execute())
    .map((r) => `${key(r)}=${Number(r.n)}`)
    .sort();
  if (recount.join('\n') !== stored.join('\n')) throw new Error('the joint counters differ from the app recount');
}

/** `between` (not timed) runs before each call: a new response makes the next call cold. */
async function time(fn: () => Promise<unknown>, between?: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (between) await between();
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}
const median = (ms: number[]) => Number(ms[Math.floor(ms.length / 2)]!.toFixed(2));
const p95 = (ms: number[]) => Number(ms[Math.min(ms.length - 1, Math.floor(0.95 * ms.length))]!.toFixed(2));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-campaign-effect-'));
  const isPg = process.env.DATABASE_URL?.startsWith('postgres') ?? false;
  const databaseUrl = isPg ? process.env.DATABASE_URL! : `sqlite:${join(dir, 'app.db')}`;
  const ctx = await openApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }));
  const { default: os } = await import('node:os');
  let app: Awaited<ReturnType<typeof startBuiltApp>> | null = null;
  try {
    const { admin } = await setUpAdmin(ctx);
    const analyst = await createStaffUser(ctx, admin, 'analyst');
    const editor = await createStaffUser(ctx, admin, 'editor');
    const large = await prepare(ctx, analyst, editor);
    const base = await prepare(ctx, analyst, editor);
    const db = isPg ? 'postgres' : 'sqlite';
    console.log(`generating ${n.toLocaleString('en')} responses (20 answers each, half per wave) on ${db}…`);
    const started = performance.now();
    for (const [i, w] of large.waves.entries()) await generate(ctx, w, Math.ceil(n / 2), 11 + i, store === 'rows');
    for (const [i, w] of base.waves.entries()) await generate(ctx, w, Math.ceil(small / 2), 21 + i);
    const generateSeconds = (performance.now() - started) / 1000;
    const jointStarted = performance.now();
    // --store counters: the large survey's joint counters were written by the generator (the app's jointCounterRows).
    for (const w of [...(store === 'rows' ? large.waves : []), ...base.waves]) await fillJointCounters(ctx, w.waveId);
    const jointSeconds = (performance.now() - jointStarted) / 1000;
    for (const w of base.waves) await verifyJoint(ctx, w.waveId);
    console.log(`  stored in ${generateSeconds.toFixed(1)} s; joint counters in ${jointSeconds.toFixed(1)} s`);

    const effect = (f: TCampaignFixture) => () => apiCampaignEffect(ctx, f.campaignId);
    const coldStarted = performance.now();
    const sample = await effect(large)();
    const coldMs = Number((performance.now() - coldStarted).toFixed(2));
    if (sample.did?.estimate === null || sample.did?.estimate === undefined)
      throw new Error('the effect has no difference-in-differences estimate');
    await effect(base)();

    let get: ((path: string) => Promise<void>) | null = null;
    try {
      if (!http) throw new Error('No build wanted (--http no)');
      app = await startBuiltApp(databaseUrl, { SURVEY_RECOUNT_AT: 'off' });
      const origin = app.origin;
      get = async (path: string) => {
        // A kept-alive socket the server closed while idle (its keep-alive timeout, during the in-process
        // timings) fails once; that request is sent again on a new socket.
        const res = await fetch(origin + path).catch(() => fetch(origin + path));
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        await res.arrayBuffer();
      };
      await get(`/api/v1/campaigns/${large.campaignId}/effect`);
      await get(`/api/v1/campaigns/${base.campaignId}/effect`);
    } catch (e) {
      if (!(e instanceof Error && e.message.includes('No build'))) throw e;
      console.log('  no build: only the in-process figures (run `npm run build` for the HTTP ones)');
    }

    const measures: { what: string; large: number[]; small: number[] }[] = [];
    let k = 0;
    for (let round = 1; round <= rounds; round++) {
      const record = (what: string, big: number[], little: number[]) => {
        measures.push({ what: `${what} (round ${round})`, large: big, small: little });
        console.log(`  round ${round}, ${what}: median ${median(big)} ms at ${n}, ${median(little)} ms at ${small}`);
      };
      record('service apiCampaignEffect (DiD, raked), steady', await time(effect(large)), await time(effect(base)));
      // A response to the follow-up wave (answered on a day it was open) before every call: computed again.
      const respondTo = (f: TCampaignFixture) => () => respond(ctx, f.waves[1]!, k++, FOLLOW_UP_DAY);
      record(
        'service apiCampaignEffect, cold (a response before each call)',
        await time(effect(large), respondTo(large)),
        await time(effect(base), respondTo(base))
      );
      if (get) {
        const g = get;
        record(
          'GET /api/v1/campaigns/{id}/effect over HTTP, steady',
          await time(() => g(`/api/v1/campaigns/${large.campaignId}/effect`)),
          await time(() => g(`/api/v1/campaigns/${base.campaignId}/effect`))
        );
      }
    }
    const rows = measures.map((m) => ({
      what: m.what,
      [`median ms at ${n}`]: median(m.large),
      [`p95 ms at ${n}`]: p95(m.large),
      [`median ms at ${small}`]: median(m.small),
      ratio: Number((median(m.large) / median(m.small)).toFixed(2)),
      [`target < ${TARGET_MS} ms`]: median(m.large) < TARGET_MS
    }));
    console.log(
      `\nCampaign effect at ${n.toLocaleString('en')} vs ${small.toLocaleString('en')} responses — ` +
        `${rounds} rounds × ${runs} calls; first (cold) service call at ${n}: ${coldMs} ms`
    );
    console.table(rows);
    const result = {
      date: new Date().toISOString(),
      db,
      node: process.version,
      cpus: os.cpus().length,
      load: os.loadavg(),
      responses: n,
      baselineResponses: small,
      store,
      generateSeconds,
      jointSeconds,
      coldMs,
      did: sample.did,
      rows
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const file = join(root, 'bench/results', `${result.date.slice(0, 10)}-campaign-effect-${db}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(`written to ${file}`);
    // The last line: the summary bench/run.js reads (bench/contract.js); it sets the exit code.
    emit({
      scenario: 'campaign effect',
      rows: rows.map((r) => ({
        name: `${r.what} at ${n.toLocaleString('en')} responses`,
        value: r[`median ms at ${n}`] as number,
        unit: 'ms',
        figure: `median ${r[`median ms at ${n}`]} ms (p95 ${r[`p95 ms at ${n}`]})`,
        baseline: r[`median ms at ${small}`] as number,
        baselineLabel: `ms median at ${small.toLocaleString('en')} responses`,
        ratio: r.ratio,
        // The target is the page as served (steady); the cold rows (a response before every call) are context.
        target: r.what.includes('cold') ? null : `< ${TARGET_MS} ms server time`,
        met: r.what.includes('cold') ? null : (r[`target < ${TARGET_MS} ms`] as boolean)
      })),
      details: result
    });
  } finally {
    app?.child.kill('SIGTERM');
    await ctx.close();
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!(dbKind === 'postgres' && rerunInPostgres())) await main();
