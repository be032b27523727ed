/**
 * The surveys API (issue 7): published surveys, their questions, one response per request, and results
 * with weighted intervals. Drafts are not visible (404). Public results hide counts under 5 like the
 * public page (src/lib/stats/suppress.ts). Nothing about the caller is stored: no IP, no user agent.
 */
import { z } from 'zod';
import type { Locale } from '../../i18n';
import {
  allQuestions,
  choiceCodes,
  isChoice,
  questionTypes,
  weightingTypes,
  type TSurveyDefinition
} from '../../surveys/definition';
import { suppressCount } from '../../stats/suppress';
import type { TApiOperation } from '../api/openapi';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { resultsDocument } from './surveys.export';
import { byBreakdownQuestion } from './surveys.breakdown';
import { compareResults, surveyResults, trend } from './surveys.results';
import { getPublishedSurvey, listPublishedSurveys, placesOf, submitResponse } from './surveys.service';

export const ZSurveyResponseBody = z.strictObject({
  answers: z.record(
    z.string().max(40, 'surveys.error.unknownQuestion'),
    z.union([z.string().max(500, 'validation.tooLong'), z.array(z.string().max(40)).max(30)], {
      message: 'validation.invalid'
    })
  ),
  /** One-time panel code, for a panel link. */
  token: z.string().min(1).max(100).optional(),
  /** The collection link id (the `l` of `/surveys/<slug>?l=<id>`): its source code is kept with the response. */
  link: z.string().min(1).max(80).optional()
});

export const ZSurveyResultsQuery = z.object({
  wave: z.string().max(80).optional(),
  weighting: z.enum(['none', 'poststratify', 'rake'], { message: 'validation.choose' }).default('rake'),
  /** A weighting variable (sex, age_group, county), the id of the question asking it, or a breakdown question's id. */
  by: z.string().max(40).optional()
});

export const ZSurveyTrendQuery = z.object({
  /** The id of a single-choice, multiple-choice or Likert question. */
  question: z.string({ message: 'validation.required' }).min(1, 'validation.required').max(40, 'validation.tooLong'),
  /** One of its answer codes. */
  answer: z.string({ message: 'validation.required' }).min(1, 'validation.required').max(40, 'validation.tooLong'),
  weighting: z.enum(['none', 'poststratify', 'rake'], { message: 'validation.choose' }).default('rake')
});

const ZTrendWave = z.object({
  wave: z.string(),
  name: z.string(),
  date: z.string(),
  method: z.string(),
  /** The wave was collected with another method than the wave before it: compare with care. */
  method_changed: z.boolean(),
  weighted: z.boolean(),
  unreliable: z.boolean(),
  suppressed: z.boolean(),
  base_n: z.number().nullable(),
  n: z.number().nullable(),
  p: z.number().nullable(),
  se: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable()
});
export const ZSurveyTrend = z
  .object({
    question: z.string(),
    text: z.string(),
    answer: z.string(),
    label: z.string(),
    weighting: z.enum(['none', 'poststratify', 'rake']),
    waves: z.array(ZTrendWave),
    reference: z.string().nullable(),
    notes: z.array(z.string())
  })
  .meta({ id: 'SurveyTrend' });

export const ZSurveyCompareQuery = z.object({
  wave_a: z.string().max(80).optional(),
  wave_b: z.string().max(80).optional(),
  weighting: z.enum(['none', 'poststratify', 'rake'], { message: 'validation.choose' }).default('rake'),
  by: z.string().max(40).optional(),
  group_a: z.string().max(40).optional(),
  group_b: z.string().max(40).optional()
});

const ZWave = z.object({
  id: z.string(),
  name: z.string(),
  method: z.string(),
  opens_on: z.string(),
  closes_on: z.string(),
  open: z.boolean().optional()
});

const ZSurveyItem = z.object({
  id: z.string(),
  slug: z.string(),
  version: z.number(),
  title_nb: z.string(),
  title_en: z.string(),
  published_at: z.string(),
  waves: z.array(ZWave)
});

const ZApiAnswer = z.object({
  code: z.string(),
  label: z.string(),
  n: z.number().nullable(),
  suppressed: z.boolean(),
  proportion: z.number().nullable(),
  se: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  weighted_proportion: z.number().nullable(),
  weighted_se: z.number().nullable(),
  weighted_ci_low: z.number().nullable(),
  weighted_ci_high: z.number().nullable()
});
const ZApiQuestion = z.object({
  question: z.string(),
  text: z.string(),
  type: z.enum(questionTypes),
  base_n: z.number(),
  effective_n: z.number().nullable(),
  deff: z.number().nullable(),
  unreliable: z.boolean(),
  answers: z.array(ZApiAnswer)
});
const ZApiMean = z.object({
  question: z.string(),
  text: z.string(),
  base_n: z.number(),
  mean: z.number(),
  se: z.number().nullable(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  weighted_mean: z.number().nullable(),
  weighted_se: z.number().nullable(),
  weighted_ci_low: z.number().nullable(),
  weighted_ci_high: z.number().nullable(),
  deff: z.number().nullable(),
  effective_n: z.number().nullable(),
  unreliable: z.boolean()
});
export const ZSurveyResults = z
  .object({
    survey: z.object({ id: z.string(), slug: z.string(), title: z.string(), version: z.number() }),
    wave: ZWave,
    weighting: z.enum(['none', 'poststratify', 'rake']),
    /** 'none' when the weighting asked for cannot be applied; `weighting_note` names the empty category. */
    weighting_applied: z.enum(['none', 'poststratify', 'rake']),
    weighting_note: z.string().nullable(),
    /** A weighting variable (sex, age_group, county) or the id of a breakdown question. */
    by: z.string().nullable(),
    respondents: z.number().nullable(),
    questions: z.array(ZApiQuestion),
    /** Number questions: unweighted and weighted mean with SE, 95 % CI, base n, design effect, effective n. */
    means: z.array(ZApiMean),
    groups: z.array(
      z.object({ group: z.string(), label: z.string(), questions: z.array(ZApiQuestion), means: z.array(ZApiMean) })
    ),
    notes: z.array(z.string()),
    model_note: z.string()
  })
  .meta({ id: 'SurveyResults' });

export const surveysOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/surveys',
    summary: 'Published surveys with their waves (drafts are not listed)',
    tags: ['surveys'],
    response: z.object({ data: z.array(ZSurveyItem) })
  },
  {
    method: 'get',
    path: '/api/v1/surveys/{id}',
    summary: 'A published survey (by id or address) with the questions of its latest published version',
    tags: ['surveys'],
    response: z.looseObject({ id: z.string(), slug: z.string(), version: z.number(), definition: z.looseObject({}) }),
    noExample: 'surveys are created by staff with random ids; the seeded template is a draft until published'
  },
  {
    method: 'post',
    path: '/api/v1/surveys/{id}/waves/{wave}/responses',
    summary:
      'One response to an open wave, checked like the form (unknown question, missing required answer, value out of range, closed wave 409, full quota 409, used panel code 409); 202 with its id. Only the answers and the ISO week are stored.',
    tags: ['surveys'],
    body: ZSurveyResponseBody,
    response: z.object({ id: z.string() }),
    example: { body: { answers: { sex: 'female', age_group: '25-34' } } },
    noExample: 'waves have random ids and exist only after staff publish a survey and open a wave'
  },
  {
    method: 'get',
    path: '/api/v1/surveys/{id}/results',
    summary:
      'Results of a wave of a published survey: per choice question the answers with n, share, SE, 95 % interval, the same weighted (post-stratified or raked to the population 16+, SSB 1 Jan 2026), base n, effective n and design effect; per number question (`means`) the unweighted and weighted mean with SE, 95 % interval, base n, design effect and effective n. When a margin category (a county, a sex × age group) has no respondents in the wave, the weighting cannot be used: `weighting_applied` is `none`, the weighted figures are null and `weighting_note` names the category. Counts under 5 are hidden',
    tags: ['surveys'],
    query: ZSurveyResultsQuery,
    response: ZSurveyResults,
    example: { query: { weighting: 'rake', by: 'sex' } },
    noExample: 'surveys have random ids; the seeded template is a draft until published'
  },
  {
    method: 'get',
    path: '/api/v1/surveys/{id}/trend',
    summary:
      'One answer of one choice question across the waves in date order, as the trend chart draws it: per wave the share p (weighted as asked, unweighted where a wave cannot be weighted), SE, 95 % interval, n, the method and whether it changed from the wave before; counts under 5 are hidden. Unknown question or answer: 400.',
    tags: ['surveys'],
    query: ZSurveyTrendQuery,
    response: ZSurveyTrend,
    example: { query: { question: 'problem_world', answer: 'great', weighting: 'rake' } },
    noExample: 'surveys have random ids; the seeded template is a draft until published'
  },
  {
    method: 'get',
    path: '/api/v1/surveys/{id}/compare',
    summary:
      "Differences between two waves (wave_b − wave_a) or two groups of a wave (by, group_a, group_b) of every answer share and of every number question's mean (rows with kind `mean`): difference, 95 % CI, p-value, and whether the waves were collected with different methods",
    tags: ['surveys'],
    query: ZSurveyCompareQuery,
    response: z.looseObject({ rows: z.array(z.looseObject({})) }),
    noExample: 'surveys have random ids; the seeded template is a draft until published'
  }
];

export async function apiSurveyList(db: DB) {
  const out = [];
  for (const s of await listPublishedSurveys(db)) {
    const full = await getPublishedSurvey(db, s.id);
    out.push({
      id: s.id,
      slug: s.slug,
      version: s.version,
      title_nb: s.definition.title_nb,
      title_en: s.definition.title_en,
      published_at: s.published_at,
      waves: full.waves.map(waveDoc)
    });
  }
  return { data: out };
}

const waveDoc = (w: { id: string; name: string; method: string; opens_on: string; closes_on: string }) => ({
  id: w.id,
  name: w.name,
  method: w.method,
  opens_on: w.opens_on,
  closes_on: w.closes_on
});

export async function apiSurvey(db: DB, idOrSlug: string) {
  const s = await getPublishedSurvey(db, idOrSlug);
  return {
    id: s.id,
    slug: s.slug,
    version: s.version,
    published_at: s.published_at,
    definition: s.definition,
    waves: s.waves.map(waveDoc)
  };
}

export async function apiSubmit(
  db: DB,
  idOrSlug: string,
  waveId: string,
  body: z.infer<typeof ZSurveyResponseBody>,
  now = new Date()
) {
  // submitResponse finds the survey by id or address and 404s unless the wave is one of its waves (a wave
  // exists only for a published version, so drafts 404 too).
  return submitResponse(
    db,
    { surveyId: idOrSlug, waveId, linkId: body.link ?? null, token: body.token ?? null, answers: body.answers },
    now
  );
}

/**
 * `by` as a weighting variable (the variable itself or the id of the question that asks it) or the id of a
 * breakdown question; another question → 400 "mark it in the builder".
 */
function byVariable(definition: TSurveyDefinition, by: string | undefined) {
  if (!by) return null;
  if ((weightingTypes as readonly string[]).includes(by)) return by;
  const q = definition.sections.flatMap((x) => x.questions).find((x) => x.id === by);
  if (q && (weightingTypes as readonly string[]).includes(q.type)) return q.type;
  if (q && byBreakdownQuestion(definition, by)) return by;
  throw new AppError('validation', 'surveys.error.badBy', { fields: { by: 'surveys.error.badBy' } });
}

export async function apiResults(db: DB, idOrSlug: string, q: z.infer<typeof ZSurveyResultsQuery>, locale: Locale) {
  const s = await getPublishedSurvey(db, idOrSlug);
  const r = await surveyResults(db, s.id, {
    wave: q.wave || null,
    weighting: q.weighting,
    by: byVariable(s.definition, q.by),
    locale
  });
  return resultsDocument(r, true);
}

export async function apiCompare(db: DB, idOrSlug: string, q: z.infer<typeof ZSurveyCompareQuery>, locale: Locale) {
  const s = await getPublishedSurvey(db, idOrSlug);
  const by = byVariable(s.definition, q.by);
  const c = await compareResults(db, s.id, {
    wave_a: q.wave_a ?? s.waves.at(-1)?.id ?? null,
    wave_b: q.wave_b ?? null,
    by,
    group_a: q.group_a ?? null,
    group_b: q.group_b ?? null,
    weighting: q.weighting,
    locale
  });
  return {
    wave_a: waveDoc(c.wave_a),
    wave_b: waveDoc(c.wave_b),
    by: c.by,
    group_a: c.group_a,
    group_b: c.group_b,
    weighting: c.weighting,
    method_differs: c.method_differs,
    weighting_applied: c.weighting_applied,
    rows: c.rows.map((r) => ({
      question: r.question,
      text: r.text,
      kind: r.kind ?? 'share',
      code: r.code,
      label: r.label,
      ...r.result
    })),
    notes: c.notes
  };
}

/**
 * The trend of one answer across the waves (the figures of the trend chart). A wave where fewer than 5 gave
 * the answer, or fewer than 5 answered, is kept with its figures hidden (like the public chart).
 */
export async function apiTrend(db: DB, idOrSlug: string, q: z.infer<typeof ZSurveyTrendQuery>, locale: Locale) {
  const s = await getPublishedSurvey(db, idOrSlug);
  const question = allQuestions(s.definition).find((x) => x.id === q.question);
  if (!question || !isChoice(question) || question.type === 'municipality')
    throw new AppError('validation', 'surveys.error.badTrendQuestion', {
      fields: { question: 'surveys.error.badTrendQuestion' }
    });
  if (!choiceCodes(question, await placesOf(db)).includes(q.answer))
    throw new AppError('validation', 'surveys.error.badTrendAnswer', {
      fields: { answer: 'surveys.error.badTrendAnswer' }
    });
  const tr = await trend(db, s.id, q.question, q.answer, q.weighting, locale);
  return {
    question: tr.question,
    text: tr.text,
    answer: tr.answer,
    label: tr.label,
    weighting: tr.weighting,
    waves: tr.waves.map((w, i) => {
      const hide = suppressCount(w.base_n).suppressed || suppressCount(w.n).suppressed;
      return {
        wave: w.wave_id,
        name: w.name,
        date: w.date,
        method: w.method,
        method_changed: i > 0 && tr.waves[i - 1].method !== w.method,
        weighted: w.weighted,
        unreliable: w.unreliable,
        suppressed: hide,
        base_n: hide ? null : w.base_n,
        n: hide ? null : w.n,
        p: hide ? null : w.proportion,
        se: hide || !Number.isFinite(w.se) ? null : w.se,
        ci_low: hide ? null : w.ci_low,
        ci_high: hide ? null : w.ci_high
      };
    }),
    reference: tr.reference,
    notes: tr.notes
  };
}
