// The crash test's survey writer: POST /api/v1/surveys/{id}/waves/{wave}/responses (the response row, its
// answer rows and the counter increments in one transaction). A stored response counts only if all its
// answer rows are there (a torn write reads as missing), and after every kill the counters of each wave
// must equal a recount of the stored answer rows (issue 12: "counters equal a recount").
import { randomUUID } from 'node:crypto';
import { openApp } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import { connect } from '../../src/lib/server/db/connect';
import { setUpAdmin } from '../../src/lib/server/testing/fixtures';
import { loadSessionUser } from '../../src/lib/server/auth/session.service';
import type { AppContext } from '../../src/lib/server/app';
import * as repo from '../../src/lib/server/surveys/surveys.repository';
import {
  parseDefinition,
  placesOf,
  publishSurvey,
  recountWave,
  saveWave
} from '../../src/lib/server/surveys/surveys.service';
import { TEMPLATE_SLUG } from '../../src/lib/server/surveys/surveys.template';
import { allQuestions, choiceCodes } from '../../src/lib/surveys/definition';
import type { TReader } from './reader';
import { RejectedWrite } from './rejected';
import type { TWriter } from './writers';

interface TSurveyContext {
  surveyId: string;
  waveId: string;
  /** The required questions with their answer codes. */
  required: { id: string; codes: string[] }[];
}

let prepared: { databaseUrl: string; waveId: string; answers: number } | null = null;

const day = (d: Date) => d.toISOString().slice(0, 10);

export const surveys: TWriter = {
  name: 'surveys',
  async prepare(_origin, databaseUrl) {
    const ctx = await openApp(loadConfig({ DATABASE_URL: databaseUrl }));
    try {
      const admin = await administrator(ctx);
      const survey = await repo.findSurvey(ctx.db, TEMPLATE_SLUG);
      if (!survey) throw new Error('the template survey is not seeded');
      const latest = await repo.latestVersion(ctx.db, survey.id);
      if (latest && latest.published_at === null) await publishSurvey(ctx.db, admin, survey.id);
      const now = new Date();
      const { id: waveId } = await saveWave(ctx.db, admin, survey.id, {
        name: `Crash wave ${randomUUID().slice(0, 6)}`,
        opens_on: day(new Date(now.getTime() - 86_400_000)),
        closes_on: day(new Date(now.getTime() + 30 * 86_400_000)),
        target_n: undefined,
        method: 'other',
        method_note_nb: '',
        method_note_en: '',
        quotas: []
      });
      const version = await repo.findVersion(ctx.db, (await repo.findWave(ctx.db, waveId))!.version_id);
      const places = await placesOf(ctx.db);
      const required = allQuestions(parseDefinition(version!.definition))
        .filter((q) => q.required && !q.show_if)
        .map((q) => ({ id: q.id, codes: choiceCodes(q, places) }));
      if (required.some((q) => q.codes.length === 0)) throw new Error('a required question has no answer codes');
      prepared = { databaseUrl, waveId, answers: required.length };
      return { surveyId: survey.id, waveId, required } satisfies TSurveyContext;
    } finally {
      await ctx.close();
    }
  },
  async write(origin, context, random) {
    const c = context as TSurveyContext;
    const answers = Object.fromEntries(c.required.map((q) => [q.id, q.codes[Math.floor(random() * q.codes.length)]]));
    const res = await fetch(`${origin}/api/v1/surveys/${c.surveyId}/waves/${c.waveId}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers })
    });
    const body = (await res.json()) as { id?: string; message?: string };
    if (res.status !== 202 || !body.id) throw new RejectedWrite(`surveys answered ${res.status}: ${body.message}`);
    return body.id;
  },
  async stored(reader: TReader) {
    if (!prepared) throw new Error('prepare first');
    // Whole responses: one answer row per required question (the writer answers exactly those).
    const rows = await reader.rows<{ id: string; answers: number | string }>(
      `select survey_response.id, count(survey_answer.response_id) as answers
         from survey_response left join survey_answer on survey_answer.response_id = survey_response.id
        where survey_response.wave_id = '${prepared.waveId}'
        group by survey_response.id`
    );
    await assertCountersEqualRecount(prepared.databaseUrl);
    return rows.map((r) => (Number(r.answers) === prepared!.answers ? r.id : `torn:${r.id}`));
  }
};

/** The administrator: set up on a fresh database, or the one another writer (reports) set up first. */
async function administrator(ctx: AppContext) {
  const existing = await ctx.db
    .selectFrom('membership')
    .select('user_id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (!existing) return (await setUpAdmin(ctx)).admin;
  const admin = await loadSessionUser(ctx.db, existing.user_id);
  if (!admin) throw new Error('the administrator cannot be loaded');
  return admin;
}

/** Throws unless every wave's counters equal a recount of its stored answer rows. */
async function assertCountersEqualRecount(databaseUrl: string) {
  const { db, close } = await connect(databaseUrl);
  try {
    const problems: string[] = [];
    const sort = <T extends object>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort((a, b) => a.localeCompare(b));
    for (const waveId of await repo.allWaveIds(db)) {
      const fromRows = await recountWave(db, waveId);
      const cells = await db
        .selectFrom('survey_cell_count')
        .select(['cell', 'n'])
        .where('wave_id', '=', waveId)
        .where('n', '>', 0)
        .execute();
      const counts = await db
        .selectFrom('survey_count')
        .select(['question_id', 'answer', 'cell', 'n'])
        .where('wave_id', '=', waveId)
        .where('n', '>', 0)
        .execute();
      const joint = await db
        .selectFrom('survey_joint_count')
        .select(['question_id', 'answer', 'by_question_id', 'by_answer', 'cell', 'n'])
        .where('wave_id', '=', waveId)
        .where('n', '>', 0)
        .execute();
      const same = (a: object[], b: object[]) => sort(a).join('\n') === sort(b).join('\n');
      const norm = <T extends { n: number }>(xs: T[]) => xs.map((x) => ({ ...x, n: Number(x.n) }));
      if (
        !same(norm(cells), fromRows.cells) ||
        !same(norm(counts), fromRows.counts) ||
        !same(norm(joint), fromRows.joint)
      )
        problems.push(`wave ${waveId}: the counters differ from a recount of the answer rows`);
    }
    if (problems.length) throw new Error(`surveys: ${problems.join('; ')}`);
  } finally {
    await close();
  }
}
