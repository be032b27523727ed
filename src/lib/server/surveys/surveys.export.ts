/**
 * Staff exports of a survey (analysts, editors, administrators): the responses of a wave as CSV (one row
 * per response, a column per question with answer codes; a multiple-choice question has a 0/1 column per
 * option, `<question>.<option>`), the codebook of those columns, and the results as CSV or JSON. Exports
 * are not suppressed: they are for staff, like the staff results page.
 */
import type { TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { translate, type Locale, type MessageKey, type TParams } from '../../i18n';
import {
  allQuestions,
  choiceCodes,
  type TPlaces,
  type TQuestion,
  type TSurveyDefinition
} from '../../surveys/definition';
import { optionLabel } from '../../surveys/view';
import { suppressCount } from '../../stats/suppress';
import { toCsv } from '../http/csv';
import * as repo from './surveys.repository';
import {
  surveyResults,
  type TMeanResult,
  type TQuestionResult,
  type TResults,
  type TWeightingMethod
} from './surveys.results';
import { canManageSurveys, getPublishedSurvey, parseDefinition, placesOf } from './surveys.service';

const both = (key: MessageKey, nb: TParams, en: TParams) => [translate('nb', key, nb), translate('en', key, en)];

function requireStaff(actor: TSessionUser) {
  if (!canManageSurveys(actor)) throw new AppError('forbidden', 'surveys.error.forbidden');
}

/** The columns of the responses CSV after response_id, iso_week and source. */
export interface TExportColumn {
  name: string;
  question: TQuestion;
  /** A multiple-choice option's own 0/1 column; null for the question's column. */
  option: string | null;
}

export function responseColumns(def: TSurveyDefinition): TExportColumn[] {
  return allQuestions(def).flatMap((q): TExportColumn[] =>
    q.type === 'multiple'
      ? q.options.map((o) => ({ name: `${q.id}.${o.code}`, question: q, option: o.code }))
      : [{ name: q.id, question: q, option: null }]
  );
}

async function waveAndDefinition(db: DB, surveyIdOrSlug: string, waveId: string | null) {
  const s = await getPublishedSurvey(db, surveyIdOrSlug);
  const wave = waveId ? s.waves.find((w) => w.id === waveId) : s.waves.at(-1);
  if (!wave)
    throw new AppError('not_found', 'surveys.error.waveNotFound', { fields: { wave: 'surveys.error.waveNotFound' } });
  const version = await repo.findVersion(db, wave.version_id);
  return { survey: s, wave, definition: version ? parseDefinition(version.definition) : s.definition };
}

/**
 * One row per response: its id, ISO week, source code, then the answer codes (empty where a question was
 * not shown or not answered; a multiple-choice option 1 chosen, 0 not chosen when the question was answered).
 */
export async function responsesCsv(db: DB, actor: TSessionUser, surveyId: string, waveId: string | null) {
  requireStaff(actor);
  const { survey, wave, definition } = await waveAndDefinition(db, surveyId, waveId);
  const columns = responseColumns(definition);
  const rows = (await repo.responsesWithAnswers(db, wave.id)).map((r) => {
    const values = new Map<string, string[]>();
    for (const a of r.answers) values.set(a.question_id, [...(values.get(a.question_id) ?? []), a.value]);
    return [
      r.id,
      r.iso_week,
      r.source_code ?? '',
      ...columns.map((c) => {
        const v = values.get(c.question.id);
        if (!v) return '';
        return c.option === null ? v.join(';') : v.includes(c.option) ? '1' : '0';
      })
    ];
  });
  return {
    filename: `${survey.slug}-${wave.id.slice(0, 8)}-responses.csv`,
    body: toCsv(['response_id', 'iso_week', 'source', ...columns.map((c) => c.name)], rows)
  };
}

/** Every column of the responses CSV with its question text and value codes, labelled in bokmål and English. */
export async function codebookCsv(db: DB, actor: TSessionUser, surveyId: string, waveId: string | null) {
  requireStaff(actor);
  const { survey, wave, definition } = await waveAndDefinition(db, surveyId, waveId);
  const places: TPlaces = await placesOf(db);
  const header = ['variable', 'question_id', 'type', 'required', 'text_nb', 'text_en', 'code', 'label_nb', 'label_en'];
  const rows: string[][] = [];
  const meta = (q: TQuestion) => [q.id, q.type, q.required ? 'yes' : 'no', q.text_nb, q.text_en];
  for (const c of responseColumns(definition)) {
    const q = c.question;
    if (c.option !== null) {
      const o = q.options.find((x) => x.code === c.option)!;
      rows.push([c.name, ...meta(q), '1', o.label_nb, o.label_en]);
      rows.push([
        c.name,
        ...meta(q),
        '0',
        ...both('surveys.export.notChosen', { label: o.label_nb }, { label: o.label_en })
      ]);
    } else if (q.type === 'number') {
      const range = { min: q.min ?? '', max: q.max ?? '' };
      rows.push([c.name, ...meta(q), '', ...both('surveys.export.wholeNumber', range, range)]);
    } else if (q.type === 'text') {
      rows.push([c.name, ...meta(q), '', ...both('surveys.export.freeText', {}, {})]);
    } else {
      for (const code of choiceCodes(q, places))
        rows.push([c.name, ...meta(q), code, optionLabel(q, code, places, 'nb'), optionLabel(q, code, places, 'en')]);
    }
  }
  return { filename: `${survey.slug}-${wave.id.slice(0, 8)}-codebook.csv`, body: toCsv(header, rows) };
}

export const resultsCsvColumns = [
  'wave',
  'weighting',
  'by',
  'group',
  'question',
  'text',
  'code',
  'label',
  'n',
  'proportion',
  'se',
  'ci_low',
  'ci_high',
  'weighted_proportion',
  'weighted_se',
  'weighted_ci_low',
  'weighted_ci_high',
  'base_n',
  'effective_n',
  'deff'
] as const;

function resultsRows(r: TResults): (string | number | null)[][] {
  const rows = (group: string | null, qs: TQuestionResult[]) =>
    qs.flatMap((q) =>
      q.answers.map((a) => [
        r.wave.id,
        r.weighting,
        r.by ?? '',
        group ?? '',
        q.question,
        q.text,
        a.code,
        a.label,
        a.n,
        a.proportion,
        a.se,
        a.ci_low,
        a.ci_high,
        a.weighted_proportion,
        a.weighted_se,
        a.weighted_ci_low,
        a.weighted_ci_high,
        q.base_n,
        q.effective_n,
        q.deff
      ])
    );
  return [...rows(null, r.questions), ...r.groups.flatMap((g) => rows(g.group, g.questions))];
}

export interface TResultsExportQuery {
  wave: string | null;
  weighting: TWeightingMethod;
  by: string | null;
}

/** The results of a wave as the staff page shows them (nothing suppressed), one row per answer. */
export async function resultsCsv(
  db: DB,
  actor: TSessionUser,
  surveyId: string,
  q: TResultsExportQuery,
  locale: Locale
) {
  requireStaff(actor);
  const r = await surveyResults(db, surveyId, { ...q, locale });
  return {
    filename: `${r.survey.slug}-${r.wave.id.slice(0, 8)}-results-${r.weighting}.csv`,
    body: toCsv(resultsCsvColumns, resultsRows(r))
  };
}

/** The same results as JSON: per question {question, answers, base_n, effective_n, deff}, and per group. */
export async function resultsJson(
  db: DB,
  actor: TSessionUser,
  surveyId: string,
  q: TResultsExportQuery,
  locale: Locale
) {
  requireStaff(actor);
  const r = await surveyResults(db, surveyId, { ...q, locale });
  return {
    filename: `${r.survey.slug}-${r.wave.id.slice(0, 8)}-results-${r.weighting}.json`,
    body: JSON.stringify(resultsDocument(r, false), null, 2)
  };
}

// ——— The results document (API and JSON export) ———

export interface TApiAnswer {
  code: string;
  label: string;
  /** null: fewer than 5, suppressed (public only). */
  n: number | null;
  suppressed: boolean;
  proportion: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  weighted_proportion: number | null;
  weighted_se: number | null;
  weighted_ci_low: number | null;
  weighted_ci_high: number | null;
}

/** Hidden on public answers: a count under 5 (src/lib/stats/suppress.ts). */
const hidden = (isPublic: boolean, n: number) => isPublic && suppressCount(n).suppressed;

/** A question's results as the API gives them; public: answers under 5 hidden, a base under 5 → null (left out). */
export function questionDocument(q: TQuestionResult, isPublic: boolean) {
  if (hidden(isPublic, q.base_n)) return null;
  return {
    question: q.question,
    text: q.text,
    type: q.type,
    base_n: q.base_n,
    effective_n: q.effective_n,
    deff: q.deff,
    unreliable: q.unreliable,
    answers: q.answers.map((a): TApiAnswer => {
      const hide = hidden(isPublic, a.n);
      return {
        code: a.code,
        label: a.label,
        n: hide ? null : a.n,
        suppressed: hide,
        proportion: hide ? null : a.proportion,
        se: hide ? null : a.se,
        ci_low: hide ? null : a.ci_low,
        ci_high: hide ? null : a.ci_high,
        weighted_proportion: hide ? null : a.weighted_proportion,
        weighted_se: hide ? null : a.weighted_se,
        weighted_ci_low: hide ? null : a.weighted_ci_low,
        weighted_ci_high: hide ? null : a.weighted_ci_high
      };
    })
  };
}

/** A number question's means as the API gives them; public: a base under 5 → null (left out). */
export function meanDocument(m: TMeanResult, isPublic: boolean) {
  if (hidden(isPublic, m.base_n)) return null;
  return {
    question: m.question,
    text: m.text,
    base_n: m.base_n,
    mean: m.mean,
    se: m.se,
    ci_low: m.ci_low,
    ci_high: m.ci_high,
    weighted_mean: m.weighted_mean,
    weighted_se: m.weighted_se,
    weighted_ci_low: m.weighted_ci_low,
    weighted_ci_high: m.weighted_ci_high,
    deff: m.deff,
    effective_n: m.effective_n,
    unreliable: m.unreliable
  };
}

export function resultsDocument(r: TResults, isPublic: boolean) {
  const questions = (qs: TQuestionResult[]) =>
    qs.map((q) => questionDocument(q, isPublic)).filter((q): q is NonNullable<typeof q> => q !== null);
  const means = (ms: TMeanResult[]) =>
    ms.map((m) => meanDocument(m, isPublic)).filter((m): m is NonNullable<typeof m> => m !== null);
  return {
    survey: r.survey,
    wave: {
      id: r.wave.id,
      name: r.wave.name,
      method: r.wave.method,
      opens_on: r.wave.opens_on,
      closes_on: r.wave.closes_on
    },
    weighting: r.weighting,
    weighting_applied: r.weighting_applied,
    weighting_note: r.weighting_note,
    by: r.by,
    respondents: hidden(isPublic, r.respondents) ? null : r.respondents,
    questions: questions(r.questions),
    means: means(r.means),
    groups: r.groups.map((g) => ({
      group: g.group,
      label: g.label,
      questions: questions(g.questions),
      means: means(g.means)
    })),
    notes: r.notes,
    model_note: r.model_note
  };
}
