import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import type { MessageKey } from '../../i18n';
import { getLicence } from '../directory/directory.service';
import { toCsv } from '../http/csv';
import { getSeries } from '../statistics/statistics.service';
import type {
  TAssessmentForm,
  TCommentForm,
  TMeasureForm,
  TRecommendationAssessmentForm
} from '../../schemas/actionplan';
import {
  changedFields,
  deadlineBeforePlan,
  measureFlags,
  planScorecard,
  sdgTargets,
  type TChainLink,
  type TGretaAssessment,
  type TMeasureFacts,
  type TMeasureFlags,
  type TMeasureStatus,
  type TScorecard,
  type TSdgTarget
} from './actionplan.core';
import {
  comparableOf,
  planMeasureImport,
  readMeasureFile,
  type TImportContext,
  type TImportRowResult
} from './actionplan.import';
import * as repo from './actionplan.repository';
import type { ApMeasureTable } from './actionplan.tables';

/** The open data licence: the administrator's choice for the platform's open data (default NLOD 2.0). */
export async function openDataLicence(db: Executor): Promise<{ licence: string; licenceUrl: string }> {
  return getLicence(db);
}

/** Who may edit plans, measures, assessments and GRETA recommendations. */
export const actionPlanEditorRoles: readonly TRole[] = ['admin', 'editor'];

export function canEditActionPlan(user: TSessionUser | null): boolean {
  return !!user && user.roles.some((r) => actionPlanEditorRoles.includes(r));
}

function requireEditor(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!canEditActionPlan(user)) throw new AppError('forbidden', 'auth.error.forbidden');
}

/** Today as an ISO date (UTC). */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface TPart {
  id: string;
  number: number;
  title: string;
  goal: string;
  sourceUrl: string;
  note: string;
}

export interface TPlan {
  id: string;
  slug: string;
  title: string;
  kind: 'action_plan' | 'strategy';
  periodFrom: number;
  periodTo: number | null;
  responsible: string[];
  sourceUrl: string;
  declaredMeasures: number | null;
  declaredNote: string;
  note: string;
  parts: TPart[];
  scorecard: TScorecard;
}

export interface TMeasure {
  id: string;
  plan: string;
  planId: string;
  part: number | null;
  partId: string | null;
  number: string;
  title: string;
  responsible: string[];
  chainLink: TChainLink;
  targetGroup: string;
  deadline: string | null;
  budgetNok: number | null;
  budgetNote: string;
  indicator: string;
  indicatorSeries: string | null;
  sdgTargets: TSdgTarget[];
  status: TMeasureStatus;
  lastAssessedOn: string | null;
  flags: TMeasureFlags;
  recommendations: string[];
  sourceUrl: string;
  note: string;
  enteredOn: string;
}

export interface TAssessment {
  status: TMeasureStatus;
  assessedOn: string;
  evidenceUrl: string;
  evidenceQuote: string;
  assessedBy: string;
}

export interface THistoryEntry {
  at: string;
  actor: string | null;
  entityType: string;
  change: string;
  fields: { field: string; before: unknown; after: unknown }[];
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function parseSdg(json: string): TSdgTarget[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? sdgTargets.filter((t) => v.includes(t)) : [];
  } catch {
    return [];
  }
}

type TMeasureRow = Awaited<ReturnType<typeof repo.listMeasures>>[number];
type TAssessmentRow = Awaited<ReturnType<typeof repo.listAssessments>>[number];

function toMeasure(
  row: TMeasureRow,
  ctx: {
    planSlug: string;
    partNumber: number | null;
    latest: TAssessmentRow | undefined;
    recommendations: string[];
    day: string;
  }
): TMeasure {
  const status = (ctx.latest?.status ?? 'unknown') as TMeasureStatus;
  const facts: TMeasureFacts = {
    id: row.id,
    deadline: row.deadline,
    status,
    indicator: row.indicator,
    lastAssessedOn: ctx.latest?.assessed_on ?? null,
    enteredOn: row.created_at.slice(0, 10),
    chainLink: row.chain_link as TChainLink,
    budgetNok: row.budget_nok === null ? null : Number(row.budget_nok),
    sdgTargets: parseSdg(row.sdg_targets)
  };
  return {
    id: row.id,
    plan: ctx.planSlug,
    planId: row.plan_id,
    part: ctx.partNumber,
    partId: row.part_id,
    number: row.number,
    title: row.title,
    responsible: lines(row.responsible),
    chainLink: facts.chainLink,
    targetGroup: row.target_group,
    deadline: row.deadline,
    budgetNok: facts.budgetNok,
    budgetNote: row.budget_note,
    indicator: row.indicator,
    indicatorSeries: row.indicator_series,
    sdgTargets: [...facts.sdgTargets],
    status,
    lastAssessedOn: facts.lastAssessedOn,
    flags: measureFlags(facts, ctx.day),
    recommendations: ctx.recommendations,
    sourceUrl: row.source_url,
    note: row.note,
    enteredOn: facts.enteredOn
  };
}

/** Sorts measure numbers as a reader expects: 2 before 10, unnumbered last. */
function byNumber(a: TMeasure, b: TMeasure): number {
  if (!a.number || !b.number) return a.number ? -1 : b.number ? 1 : 0;
  return a.number.localeCompare(b.number, 'nb', { numeric: true });
}

/** Every plan with its parts, measures and scorecard. */
async function loadPlans(db: Executor, day: string, only?: string) {
  const planRows = only ? [await repo.findPlanBySlug(db, only)].filter((p) => !!p) : await repo.listPlans(db);
  const ids = planRows.map((p) => p.id);
  const [parts, measureRows, links] = await Promise.all([
    repo.listParts(db, ids),
    repo.listMeasures(db, ids),
    repo.listMeasureLinks(db)
  ]);
  const assessments = await repo.listAssessments(
    db,
    measureRows.map((m) => m.id)
  );
  const latest = new Map<string, TAssessmentRow>();
  for (const a of assessments) if (!latest.has(a.measure_id)) latest.set(a.measure_id, a);
  const partNumber = new Map(parts.map((p) => [p.id, Number(p.number)]));
  return planRows.map((p) => {
    const measures = measureRows
      .filter((m) => m.plan_id === p.id)
      .map((m) =>
        toMeasure(m, {
          planSlug: p.slug,
          partNumber: m.part_id ? (partNumber.get(m.part_id) ?? null) : null,
          latest: latest.get(m.id),
          recommendations: links.filter((l) => l.measure_id === m.id).map((l) => l.code),
          day
        })
      )
      .sort(byNumber);
    const plan: TPlan = {
      id: p.id,
      slug: p.slug,
      title: p.title,
      kind: p.kind === 'strategy' ? 'strategy' : 'action_plan',
      periodFrom: Number(p.period_from),
      periodTo: p.period_to === null ? null : Number(p.period_to),
      responsible: lines(p.responsible),
      sourceUrl: p.source_url,
      declaredMeasures: p.declared_measures === null ? null : Number(p.declared_measures),
      declaredNote: p.declared_note,
      note: p.note,
      parts: parts
        .filter((x) => x.plan_id === p.id)
        .map((x) => ({
          id: x.id,
          number: Number(x.number),
          title: x.title,
          goal: x.goal,
          sourceUrl: x.source_url,
          note: x.note
        })),
      scorecard: planScorecard(
        { declaredMeasures: p.declared_measures === null ? null : Number(p.declared_measures) },
        measures.map((m) => ({ ...m, sdgTargets: m.sdgTargets })),
        day
      )
    };
    return { plan, measures };
  });
}

export async function listPlans(db: DB, day = today()): Promise<TPlan[]> {
  return (await loadPlans(db, day)).map((p) => p.plan);
}

export async function getPlan(db: DB, slug: string, day = today()): Promise<{ plan: TPlan; measures: TMeasure[] }> {
  const [found] = await loadPlans(db, day, slug);
  if (!found) throw new AppError('not_found', 'ap.error.planNotFound');
  return found;
}

function toHistory(rows: Awaited<ReturnType<typeof repo.listVersions>>): THistoryEntry[] {
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor_name ?? null,
    entityType: r.entity_type,
    change: r.change,
    fields: changedFields(
      r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
      r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
      ['updated_at', 'created_at', 'id', 'plan_id', 'measure_id', 'created_by']
    )
  }));
}

export async function planHistory(db: DB, planId: string): Promise<THistoryEntry[]> {
  return toHistory(await repo.listVersions(db, { planId }, 50));
}

export interface TMeasureDetail {
  plan: TPlan;
  measure: TMeasure;
  partTitle: string | null;
  assessments: TAssessment[];
  history: THistoryEntry[];
  recommendations: { code: string; summary: string; sourceUrl: string }[];
  /** The latest value of the linked statistics series, with its source. */
  indicatorValue: { name: string; value: number; period: string; source: string; sourceUrl: string } | null;
}

export async function getMeasure(db: DB, id: string, day = today()): Promise<TMeasureDetail> {
  const row = await repo.findMeasure(db, id);
  if (!row) throw new AppError('not_found', 'ap.error.measureNotFound');
  const planRow = await repo.findPlanById(db, row.plan_id);
  if (!planRow) throw new AppError('not_found', 'ap.error.measureNotFound');
  const { plan, measures } = await getPlan(db, planRow.slug, day);
  const measure = measures.find((m) => m.id === id);
  if (!measure) throw new AppError('not_found', 'ap.error.measureNotFound');
  const [assessments, versions, recs] = await Promise.all([
    repo.listAssessments(db, [id]),
    repo.listVersions(db, { entityIds: [id, ...(await assessmentIds(db, id))] }),
    repo.listRecommendations(db)
  ]);
  let indicatorValue: TMeasureDetail['indicatorValue'] = null;
  if (measure.indicatorSeries) {
    try {
      const series = await getSeries(db, measure.indicatorSeries);
      const main = series.indicator.breakdowns[0]?.code;
      const last = series.values
        .filter((v) => v.value !== null && v.breakdown === main)
        .sort((a, b) => a.periodTo - b.periodTo)
        .at(-1);
      if (last && last.value !== null)
        indicatorValue = {
          name: series.indicator.nameNb,
          value: last.value,
          period: last.periodFrom === last.periodTo ? String(last.periodTo) : `${last.periodFrom}–${last.periodTo}`,
          source: last.source.title,
          sourceUrl: last.source.url
        };
    } catch {
      indicatorValue = null;
    }
  }
  return {
    plan,
    measure,
    partTitle: plan.parts.find((p) => p.id === measure.partId)?.title ?? null,
    assessments: assessments.map((a) => ({
      status: a.status as TMeasureStatus,
      assessedOn: a.assessed_on,
      evidenceUrl: a.evidence_url,
      evidenceQuote: a.evidence_quote,
      assessedBy: a.assessed_by
    })),
    history: toHistory(versions),
    recommendations: recs
      .filter((r) => measure.recommendations.includes(r.code))
      .map((r) => ({ code: r.code, summary: r.summary, sourceUrl: r.source_url })),
    indicatorValue
  };
}

async function assessmentIds(db: Executor, measureId: string): Promise<string[]> {
  const rows = await db.selectFrom('ap_assessment').select('id').where('measure_id', '=', measureId).execute();
  return rows.map((r) => r.id);
}

export interface TRecommendation {
  id: string;
  code: string;
  round: string;
  year: number | null;
  summary: string;
  theme: string;
  sourceUrl: string;
  note: string;
  assessment: TGretaAssessment;
  assessmentEvidence: string;
  measures: { id: string; plan: string; number: string; title: string }[];
}

export async function listRecommendations(db: DB): Promise<TRecommendation[]> {
  const [rows, links] = await Promise.all([repo.listRecommendations(db), repo.listMeasureLinks(db)]);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    round: r.round,
    year: r.year === null ? null : Number(r.year),
    summary: r.summary,
    theme: r.theme,
    sourceUrl: r.source_url,
    note: r.note,
    assessment: r.assessment as TGretaAssessment,
    assessmentEvidence: r.assessment_evidence,
    measures: links
      .filter((l) => l.recommendation_id === r.id)
      .map((l) => ({ id: l.measure_id, plan: l.plan_slug, number: l.number, title: l.title }))
  }));
}

/* ---------------- editor workflow ---------------- */

async function recordVersion(
  trx: Executor,
  actor: TSessionUser,
  v: { entityType: string; entityId: string; planId: string | null; change: string; before: unknown; after: unknown }
) {
  await repo.insertVersion(trx, {
    id: randomUUID(),
    entity_type: v.entityType,
    entity_id: v.entityId,
    plan_id: v.planId,
    at: new Date().toISOString(),
    actor_id: actor.id,
    change: v.change,
    before_json: v.before === null ? null : JSON.stringify(v.before),
    after_json: v.after === null ? null : JSON.stringify(v.after)
  });
  await appendAudit(trx, {
    actorId: actor.id,
    action: `actionplan.${v.entityType}.${v.change}`,
    targetType: `ap_${v.entityType}`,
    targetId: v.entityId
  });
}

/** Checks a measure form against its plan and turns it into the row's editable columns. */
async function measureColumns(
  db: Executor,
  plan: { id: string; period_from: number },
  input: TMeasureForm,
  selfId: string | null
) {
  const fields: Record<string, 'ap.error.deadlineBeforePlan'> = {};
  if (deadlineBeforePlan(input.deadline || null, Number(plan.period_from)))
    fields.deadline = 'ap.error.deadlineBeforePlan';
  if (Object.keys(fields).length) throw new AppError('validation', 'validation.summary', { fields });
  if (input.partId) {
    const part = await db
      .selectFrom('ap_part')
      .select('id')
      .where('id', '=', input.partId)
      .where('plan_id', '=', plan.id)
      .executeTakeFirst();
    if (!part) throw new AppError('validation', 'validation.summary', { fields: { partId: 'ap.error.unknownPart' } });
  }
  if (input.number) {
    let q = db.selectFrom('ap_measure').select('id').where('plan_id', '=', plan.id).where('number', '=', input.number);
    if (selfId) q = q.where('id', '!=', selfId);
    if (await q.executeTakeFirst())
      throw new AppError('conflict', 'validation.summary', { fields: { number: 'ap.error.duplicateNumber' } });
  }
  if (input.indicatorSeries) {
    const series = await db
      .selectFrom('stat_indicator')
      .select('id')
      .where('slug', '=', input.indicatorSeries)
      .executeTakeFirst();
    if (!series)
      throw new AppError('validation', 'validation.summary', { fields: { indicatorSeries: 'ap.error.series' } });
  }
  const codes = input.recommendations
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const recIds: string[] = [];
  for (const code of codes) {
    const rec = await repo.findRecommendation(db, code);
    if (!rec)
      throw new AppError('validation', 'validation.summary', {
        fields: { recommendations: 'ap.error.unknownRecommendation' }
      });
    recIds.push(rec.id);
  }
  const sdg = sdgTargets.filter((t) => !!input[`sdg_${t.replace('.', '_')}` as 'sdg_5_2']);
  return {
    columns: {
      part_id: input.partId || null,
      number: input.number,
      title: input.title,
      responsible: lines(input.responsible).join('\n'),
      chain_link: input.chainLink,
      target_group: input.targetGroup,
      deadline: input.deadline || null,
      budget_nok: input.budgetNok,
      budget_note: input.budgetNote,
      indicator: input.indicator,
      indicator_series: input.indicatorSeries || null,
      sdg_targets: JSON.stringify(sdg),
      source_url: input.sourceUrl,
      note: input.note
    } satisfies Partial<ApMeasureTable>,
    recIds
  };
}

async function setRecommendationLinks(trx: Executor, measureId: string, recIds: string[]) {
  await trx.deleteFrom('ap_measure_recommendation').where('measure_id', '=', measureId).execute();
  for (const rid of new Set(recIds))
    await trx
      .insertInto('ap_measure_recommendation')
      .values({ measure_id: measureId, recommendation_id: rid })
      .execute();
}

async function createMeasureIn(
  trx: Executor,
  actor: TSessionUser,
  plan: { id: string; period_from: number },
  input: TMeasureForm
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const { columns, recIds } = await measureColumns(trx, plan, input, null);
  const row: ApMeasureTable = { id, plan_id: plan.id, ...columns, created_at: now, updated_at: now };
  await repo.insertMeasure(trx, row);
  await setRecommendationLinks(trx, id, recIds);
  await recordVersion(trx, actor, {
    entityType: 'measure',
    entityId: id,
    planId: plan.id,
    change: 'created',
    before: null,
    after: { ...row, recommendations: input.recommendations }
  });
  return id;
}

async function updateMeasureIn(trx: Executor, actor: TSessionUser, id: string, input: TMeasureForm): Promise<void> {
  const before = await repo.findMeasure(trx, id);
  if (!before) throw new AppError('not_found', 'ap.error.measureNotFound');
  const plan = await repo.findPlanById(trx, before.plan_id);
  if (!plan) throw new AppError('not_found', 'ap.error.planNotFound');
  const { columns, recIds } = await measureColumns(trx, plan, input, id);
  const codesOf = async () =>
    (await repo.listMeasureLinks(trx))
      .filter((l) => l.measure_id === id)
      .map((l) => l.code)
      .sort()
      .join(' ');
  const oldCodes = await codesOf();
  const now = new Date().toISOString();
  await repo.updateMeasure(trx, id, { ...columns, updated_at: now });
  await setRecommendationLinks(trx, id, recIds);
  await recordVersion(trx, actor, {
    entityType: 'measure',
    entityId: id,
    planId: plan.id,
    change: 'updated',
    before: { ...before, recommendations: oldCodes },
    after: { ...before, ...columns, updated_at: now, recommendations: await codesOf() }
  });
}

export async function createMeasure(
  db: DB,
  actor: TSessionUser | null,
  planSlug: string,
  input: TMeasureForm
): Promise<{ id: string }> {
  requireEditor(actor);
  const plan = await repo.findPlanBySlug(db, planSlug);
  if (!plan) throw new AppError('not_found', 'ap.error.planNotFound');
  const id = await db.transaction().execute((trx) => createMeasureIn(trx, actor, plan, input));
  return { id };
}

export async function updateMeasure(
  db: DB,
  actor: TSessionUser | null,
  id: string,
  input: TMeasureForm
): Promise<void> {
  requireEditor(actor);
  await db.transaction().execute((trx) => updateMeasureIn(trx, actor, id, input));
}

/**
 * Imports measures from CSV or JSON. Every row is checked first; with `apply` false (the dry run) or any
 * row rejected, nothing is written. Applying writes every row in one transaction, each change versioned.
 */
export async function importMeasures(
  db: DB,
  actor: TSessionUser | null,
  file: { format: 'csv' | 'json'; text: string },
  apply: boolean
): Promise<{ rows: TImportRowResult[]; applied: boolean; readError: MessageKey | null }> {
  requireEditor(actor);
  const read = readMeasureFile(file.format, file.text);
  if ('error' in read) return { rows: [], applied: false, readError: read.error };
  const [planRows, parts, measureRows, recs, series, links] = await Promise.all([
    repo.listPlans(db),
    repo.listParts(db),
    repo.listMeasures(db),
    repo.listRecommendations(db),
    db.selectFrom('stat_indicator').select('slug').execute(),
    repo.listMeasureLinks(db)
  ]);
  const context: TImportContext = {
    plans: planRows.map((p) => ({
      slug: p.slug,
      periodFrom: Number(p.period_from),
      parts: parts.filter((x) => x.plan_id === p.id).map((x) => ({ id: x.id, number: Number(x.number) }))
    })),
    existing: measureRows.map((m) => {
      const slug = planRows.find((p) => p.id === m.plan_id)?.slug ?? '';
      return {
        id: m.id,
        plan: slug,
        number: m.number,
        title: m.title,
        comparable: comparableOf({
          ...m,
          recommendations: links
            .filter((l) => l.measure_id === m.id)
            .map((l) => l.code)
            .sort()
            .join(' ')
        })
      };
    }),
    recommendationCodes: new Set(recs.map((r) => r.code)),
    seriesSlugs: new Set(series.map((x) => x.slug))
  };
  const rows = planMeasureImport(read.rows, context, file.format === 'csv');
  if (!apply || rows.some((r) => r.action === 'reject')) return { rows, applied: false, readError: null };
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      if (r.action === 'unchanged' || !r.input) continue;
      if (r.action === 'update' && r.measureId) await updateMeasureIn(trx, actor, r.measureId, r.input);
      else if (r.action === 'create') {
        const plan = await repo.findPlanBySlug(trx, r.plan);
        if (!plan) throw new AppError('validation', 'ap.error.unknownPlan');
        await createMeasureIn(trx, actor, plan, r.input);
      }
    }
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'actionplan.measures.imported',
      targetType: 'ap_measure',
      details: {
        created: rows.filter((r) => r.action === 'create').length,
        updated: rows.filter((r) => r.action === 'update').length
      }
    });
  });
  return { rows, applied: true, readError: null };
}

export async function addAssessment(
  db: DB,
  actor: TSessionUser | null,
  measureId: string,
  input: TAssessmentForm
): Promise<void> {
  requireEditor(actor);
  await db.transaction().execute(async (trx) => {
    const measure = await repo.findMeasure(trx, measureId);
    if (!measure) throw new AppError('not_found', 'ap.error.measureNotFound');
    const row = {
      id: randomUUID(),
      measure_id: measureId,
      status: input.status,
      assessed_on: input.assessedOn,
      evidence_url: input.evidenceUrl,
      evidence_quote: input.evidenceQuote,
      assessed_by: input.assessedBy,
      created_by: actor.id,
      created_at: new Date().toISOString()
    };
    await trx.insertInto('ap_assessment').values(row).execute();
    await recordVersion(trx, actor, {
      entityType: 'assessment',
      entityId: row.id,
      planId: measure.plan_id,
      change: 'created',
      before: null,
      after: row
    });
  });
}

export async function assessRecommendation(
  db: DB,
  actor: TSessionUser | null,
  code: string,
  input: TRecommendationAssessmentForm
): Promise<void> {
  requireEditor(actor);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findRecommendation(trx, code);
    if (!before) throw new AppError('not_found', 'ap.error.recommendationNotFound');
    const after = {
      ...before,
      assessment: input.assessment,
      assessment_evidence: input.evidence,
      theme: input.theme,
      updated_at: new Date().toISOString()
    };
    await trx
      .updateTable('ap_greta_recommendation')
      .set({
        assessment: after.assessment,
        assessment_evidence: after.assessment_evidence,
        theme: after.theme,
        updated_at: after.updated_at
      })
      .where('id', '=', before.id)
      .execute();
    await recordVersion(trx, actor, {
      entityType: 'recommendation',
      entityId: before.id,
      planId: null,
      change: 'updated',
      before,
      after
    });
  });
}

export async function recommendationHistory(db: DB): Promise<(THistoryEntry & { code: string })[]> {
  const recs = await repo.listRecommendations(db);
  const code = new Map(recs.map((r) => [r.id, r.code]));
  const rows = await repo.listVersions(db, { entityIds: recs.map((r) => r.id) }, 100);
  return toHistory(rows).map((h, i) => ({ ...h, code: code.get(rows[i].entity_id) ?? '' }));
}

/** The columns of the measures CSV (export and import use the same). */
export const measureCsvColumns = [
  'plan',
  'part',
  'number',
  'title',
  'responsible',
  'chain_link',
  'target_group',
  'deadline',
  'budget_nok',
  'budget_note',
  'indicator',
  'indicator_series',
  'sdg_targets',
  'recommendations',
  'source_url',
  'note',
  'status',
  'last_assessed_on'
] as const;

/** Every measure of every plan as CSV; lists are joined with `;`. */
export async function measuresCsv(db: DB, day = today()): Promise<string> {
  const plans = await loadPlans(db, day);
  const rows = plans.flatMap(({ measures }) =>
    measures.map((m) => [
      m.plan,
      m.part === null ? '' : String(m.part),
      m.number,
      m.title,
      m.responsible.join(';'),
      m.chainLink,
      m.targetGroup,
      m.deadline ?? '',
      m.budgetNok === null ? '' : String(m.budgetNok),
      m.budgetNote,
      m.indicator,
      m.indicatorSeries ?? '',
      m.sdgTargets.join(';'),
      m.recommendations.join(';'),
      m.sourceUrl,
      m.note,
      m.status,
      m.lastAssessedOn ?? ''
    ])
  );
  return toCsv(measureCsvColumns, rows);
}

/* ---------------- NGO input ---------------- */

export interface TComment {
  id: string;
  targetType: 'measure' | 'recommendation';
  targetId: string;
  organisation: string;
  kind: 'comment' | 'proposal';
  body: string;
  evidenceUrl: string;
  state: 'pending' | 'published' | 'rejected';
  /** The day it was submitted (no exact time is shown). */
  submittedOn: string;
}

/** The user's organisations that are published in the directory: the ones they may comment for. */
export async function commentOrganisations(
  db: Executor,
  user: TSessionUser | null
): Promise<{ id: string; name: string }[]> {
  if (!user || !user.memberships.length) return [];
  return db
    .selectFrom('organisation')
    .innerJoin('directory_profile', 'directory_profile.organisation_id', 'organisation.id')
    .select(['organisation.id', 'organisation.name'])
    .where(
      'organisation.id',
      'in',
      user.memberships.map((m) => m.organisationId)
    )
    .where('directory_profile.published_at', 'is not', null)
    .orderBy('organisation.name')
    .execute();
}

export async function submitComment(
  db: DB,
  actor: TSessionUser | null,
  target: { type: 'measure' | 'recommendation'; id: string },
  input: TCommentForm
): Promise<void> {
  if (!actor) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  const orgs = await commentOrganisations(db, actor);
  if (!orgs.some((o) => o.id === input.organisationId))
    throw new AppError('forbidden', 'ap.error.notDirectoryMember', {
      fields: { organisationId: 'ap.error.notDirectoryMember' }
    });
  const exists =
    target.type === 'measure'
      ? await repo.findMeasure(db, target.id)
      : await db.selectFrom('ap_greta_recommendation').select('id').where('id', '=', target.id).executeTakeFirst();
  if (!exists) throw new AppError('not_found', 'ap.error.measureNotFound');
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto('ap_comment')
      .values({
        id,
        target_type: target.type,
        target_id: target.id,
        organisation_id: input.organisationId,
        author_id: actor.id,
        kind: input.kind,
        body: input.body,
        evidence_url: input.evidenceUrl,
        state: 'pending',
        created_at: new Date().toISOString(),
        moderated_at: null,
        moderated_by: null
      })
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'actionplan.comment.submitted',
      targetType: 'ap_comment',
      targetId: id
    });
  });
}

type TCommentRow = {
  id: string;
  target_type: string;
  target_id: string;
  organisation_name: string;
  kind: string;
  body: string;
  evidence_url: string;
  state: string;
  created_at: string;
};

function toComment(r: TCommentRow): TComment {
  return {
    id: r.id,
    targetType: r.target_type === 'recommendation' ? 'recommendation' : 'measure',
    targetId: r.target_id,
    organisation: r.organisation_name,
    kind: r.kind === 'proposal' ? 'proposal' : 'comment',
    body: r.body,
    evidenceUrl: r.evidence_url,
    state: r.state as TComment['state'],
    submittedOn: r.created_at.slice(0, 10)
  };
}

function commentQuery(db: Executor) {
  return db
    .selectFrom('ap_comment')
    .innerJoin('organisation', 'organisation.id', 'ap_comment.organisation_id')
    .select([
      'ap_comment.id',
      'ap_comment.target_type',
      'ap_comment.target_id',
      'organisation.name as organisation_name',
      'ap_comment.kind',
      'ap_comment.body',
      'ap_comment.evidence_url',
      'ap_comment.state',
      'ap_comment.created_at'
    ]);
}

/** Published comments on one measure or recommendation, oldest first. */
export async function publishedComments(db: DB, targetIds: string[]): Promise<TComment[]> {
  if (!targetIds.length) return [];
  const rows = await commentQuery(db)
    .where('ap_comment.target_id', 'in', targetIds)
    .where('ap_comment.state', '=', 'published')
    .orderBy('ap_comment.created_at')
    .execute();
  return rows.map(toComment);
}

/** Comments waiting for moderation, for editors. */
export async function pendingComments(db: DB, actor: TSessionUser | null): Promise<TComment[]> {
  requireEditor(actor);
  const rows = await commentQuery(db)
    .where('ap_comment.state', '=', 'pending')
    .orderBy('ap_comment.created_at')
    .execute();
  return rows.map(toComment);
}

export async function moderateComment(
  db: DB,
  actor: TSessionUser | null,
  id: string,
  decision: 'published' | 'rejected'
): Promise<void> {
  requireEditor(actor);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('ap_comment').select(['id', 'state']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'ap.error.commentNotFound');
    await trx
      .updateTable('ap_comment')
      .set({ state: decision, moderated_at: new Date().toISOString(), moderated_by: actor.id })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      action: `actionplan.comment.${decision}`,
      targetType: 'ap_comment',
      targetId: id
    });
  });
}
