// The survey the survey benchmarks load: 20 questions (sex, age group and county — the weighting cell —
// plus 17 single-choice and Likert questions), published, with one wave open today. Made through the
// survey service as an analyst would (publish freezes the version), on the database the app uses.
//
//   npx tsx bench/survey-fixture.ts <DATABASE_URL>   → prints { surveyId, waveId, answers } as JSON
//
// bench/scenarios.js calls this before the "survey response intake" scenario; bench/survey-results.ts
// imports it. The questions are benchmark filler, not survey content shown to anyone.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../src/lib/server/app';
import type { TQuestion, TSurveyDefinition } from '../src/lib/surveys/definition';
import { allQuestions, choiceCodes } from '../src/lib/surveys/definition';
import { setUpAdmin } from '../src/lib/server/testing/fixtures';
import { loadSessionUser } from '../src/lib/server/auth/session.service';
import { createSurvey, placesOf, publishSurvey, saveWave } from '../src/lib/server/surveys/surveys.service';

const scale = ['1', '2', '3', '4', '5'].map((code) => ({ code, label_nb: `Verdi ${code}`, label_en: `Value ${code}` }));
const choice = ['a', 'b', 'c', 'd'].map((code) => ({ code, label_nb: `Svar ${code}`, label_en: `Answer ${code}` }));

const q = (id: string, type: TQuestion['type'], options: TQuestion['options'] = []): TQuestion => ({
  id,
  type,
  required: true,
  text_nb: `Spørsmål ${id}`,
  text_en: `Question ${id}`,
  help_nb: '',
  help_en: '',
  options
});

/** 20 required questions: the three demographics of the weighting cell and 17 choice/Likert questions. */
export function benchDefinition(): TSurveyDefinition {
  const rest = Array.from({ length: 17 }, (_, i) =>
    i % 2 === 0 ? q(`q${i + 1}`, 'likert', scale) : q(`q${i + 1}`, 'single', choice)
  );
  return {
    title_nb: 'Ytelsestest',
    title_en: 'Benchmark',
    intro_nb: '',
    intro_en: '',
    min_age: 16,
    model_note_nb: '',
    model_note_en: '',
    sections: [
      {
        title_nb: 'Om deg',
        title_en: 'About you',
        questions: [q('sex', 'sex'), q('age_group', 'age_group'), q('county', 'county')]
      },
      { title_nb: 'Spørsmål', title_en: 'Questions', questions: rest }
    ]
  };
}

export interface TBenchSurvey {
  surveyId: string;
  waveId: string;
  versionId: string;
  /** Each question with its answer codes (county: the county numbers of the database). */
  questions: { id: string; codes: string[] }[];
  /** One valid response: the first code of every question except the demographics, which vary. */
  answers: Record<string, string>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function prepareBenchSurvey(ctx: AppContext): Promise<TBenchSurvey> {
  const existing = await ctx.db
    .selectFrom('membership')
    .select('user_id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  const admin = existing ? await loadSessionUser(ctx.db, existing.user_id) : (await setUpAdmin(ctx)).admin;
  if (!admin) throw new Error('the administrator cannot be loaded');
  const definition = benchDefinition();
  const { id: surveyId } = await createSurvey(ctx.db, admin, {
    slug: `bench-${randomUUID().slice(0, 8)}`,
    definition
  });
  await publishSurvey(ctx.db, admin, surveyId);
  const now = new Date();
  const { id: waveId } = await saveWave(ctx.db, admin, surveyId, {
    name: 'Benchmark wave',
    opens_on: day(new Date(now.getTime() - 86_400_000)),
    closes_on: day(new Date(now.getTime() + 30 * 86_400_000)),
    target_n: undefined,
    method: 'other',
    method_note_nb: '',
    method_note_en: '',
    quotas: []
  });
  const wave = await ctx.db.selectFrom('survey_wave').select('version_id').where('id', '=', waveId).executeTakeFirst();
  const places = await placesOf(ctx.db);
  const questions = allQuestions(definition).map((x) => ({ id: x.id, codes: choiceCodes(x, places) }));
  const answers = Object.fromEntries(questions.map((x) => [x.id, x.codes[0]!]));
  answers.sex = 'female';
  answers.age_group = '35-44';
  answers.county = questions.find((x) => x.id === 'county')!.codes[0]!;
  return { surveyId, waveId, versionId: wave!.version_id, questions, answers };
}

if (process.argv[1]?.endsWith('survey-fixture.ts')) {
  const { openApp } = await import('../src/lib/server/app');
  const { loadConfig } = await import('../src/lib/server/config');
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('usage: npx tsx bench/survey-fixture.ts <DATABASE_URL>');
  const ctx = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn' }));
  try {
    process.stdout.write(JSON.stringify(await prepareBenchSurvey(ctx)) + '\n');
  } finally {
    await ctx.close();
  }
}
