import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import { isUniqueViolation } from '../db/connect';
import type { DB, Executor } from '../db/schema';
import type { MessageKey } from '../../i18n';
import { AppError } from '../errors';
import type { TImportForm, TIndicatorForm, TValueForm } from '../../schemas/statistics';
import {
  buildAttrition,
  checkRow,
  planImport,
  sourceKey,
  type TAttritionStage,
  type TBreakdownRef,
  type TImportPlan
} from './statistics.core';
import { readCsvImport, readJsonStatImport, tooLarge, type TImportRead } from './statistics.import';
import * as repo from './statistics.repository';
import { ensureSource, LONG_RUN } from './statistics.seed';

/** The open data licence of every download and API answer. */
export const LICENCE = 'NLOD 2.0 (Norsk lisens for offentlige data)';
export const LICENCE_URL = 'https://data.norge.no/nlod/no/2.0';

export interface TIndicator {
  id: string;
  slug: string;
  nameNb: string;
  nameEn: string;
  definitionNb: string;
  definitionEn: string;
  unitNb: string;
  unitEn: string;
  chartKind: 'line' | 'bar';
  breakdowns: TBreakdownRef[];
  valueCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface TSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  accessedOn: string | null;
}

export interface TValue {
  id: string;
  breakdown: string;
  periodFrom: number;
  periodTo: number;
  value: number | null;
  note: string;
  source: TSource;
}

export interface TSeries {
  indicator: TIndicator;
  values: TValue[];
}

/** Staff who may edit statistics: editors, analysts and administrators. */
export function requireStatisticsEditor(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.some((r) => r === 'admin' || r === 'editor' || r === 'analyst'))
    throw new AppError('forbidden', 'auth.error.forbidden');
}

/** Who may edit statistics. */
export const statisticsStaffRoles: readonly TRole[] = ['admin', 'editor', 'analyst'];

export function canEditStatistics(user: TSessionUser | null): boolean {
  return !!user && user.roles.some((r) => statisticsStaffRoles.includes(r));
}

type TIndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

function toIndicator(
  row: TIndicatorRow,
  breakdowns: { code: string; label_nb: string; label_en: string }[],
  span?: { n: number; first: number | null; last: number | null }
): TIndicator {
  return {
    id: row.id,
    slug: row.slug,
    nameNb: row.name_nb,
    nameEn: row.name_en,
    definitionNb: row.definition_nb,
    definitionEn: row.definition_en,
    unitNb: row.unit_nb,
    unitEn: row.unit_en,
    chartKind: row.chart_kind === 'bar' ? 'bar' : 'line',
    breakdowns: breakdowns.map((b) => ({ code: b.code, labelNb: b.label_nb, labelEn: b.label_en })),
    valueCount: Number(span?.n ?? 0),
    firstYear: span?.first ?? null,
    lastYear: span?.last ?? null
  };
}

export async function listIndicators(db: DB): Promise<TIndicator[]> {
  const [rows, breakdowns, spans] = await Promise.all([
    repo.listIndicators(db),
    repo.listBreakdowns(db),
    repo.valueSpans(db)
  ]);
  const spanOf = new Map(spans.map((s) => [s.indicator_id, s]));
  return rows.map((r) =>
    toIndicator(
      r,
      breakdowns.filter((b) => b.indicator_id === r.id),
      spanOf.get(r.id)
    )
  );
}

async function indicatorBySlug(db: DB, slug: string): Promise<TIndicator> {
  const row = await repo.findIndicatorBySlug(db, slug);
  if (!row) throw new AppError('not_found', 'stats.error.indicatorNotFound');
  return toIndicator(row, await repo.listBreakdowns(db, [row.id]));
}

/** An indicator with its values (optionally filtered), each value with its source. */
export async function getSeries(
  db: DB,
  slug: string,
  filter: { from?: number; to?: number; breakdown?: string } = {}
): Promise<TSeries> {
  const indicator = await indicatorBySlug(db, slug);
  if (filter.breakdown !== undefined && !indicator.breakdowns.some((b) => b.code === filter.breakdown))
    throw new AppError('validation', 'stats.error.unknownBreakdown', {
      fields: { breakdown: 'stats.error.unknownBreakdown' }
    });
  const rows = await repo.listValues(db, indicator.id, filter);
  const values = rows.map((r) => ({
    id: r.id,
    breakdown: r.breakdown,
    periodFrom: Number(r.period_from),
    periodTo: Number(r.period_to),
    value: r.value === null ? null : Number(r.value),
    note: r.note,
    source: {
      id: r.source_id,
      title: r.source_title,
      publisher: r.source_publisher,
      url: r.source_url,
      accessedOn: r.source_accessed_on
    }
  }));
  const years = values.flatMap((v) => [v.periodFrom, v.periodTo]);
  return {
    indicator: {
      ...indicator,
      valueCount: values.length,
      firstYear: years.length ? Math.min(...years) : null,
      lastYear: years.length ? Math.max(...years) : null
    },
    values
  };
}

export async function createIndicator(db: DB, actor: TSessionUser, input: TIndicatorForm): Promise<{ slug: string }> {
  requireStatisticsEditor(actor);
  const now = new Date().toISOString();
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      const position = (await repo.maxIndicatorPosition(trx)) + 10;
      await repo.insertIndicator(trx, {
        id,
        slug: input.slug,
        name_nb: input.nameNb,
        name_en: input.nameEn,
        definition_nb: input.definitionNb,
        definition_en: input.definitionEn,
        unit_nb: input.unitNb,
        unit_en: input.unitEn,
        chart_kind: input.chartKind,
        position,
        created_at: now,
        updated_at: now
      });
      for (const [i, b] of input.breakdowns.entries())
        await repo.insertBreakdownIfMissing(trx, {
          indicator_id: id,
          code: b.code,
          label_nb: b.labelNb,
          label_en: b.labelEn,
          position: i
        });
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'statistics.indicator.created',
        targetType: 'stat_indicator',
        targetId: id,
        details: { slug: input.slug, breakdowns: input.breakdowns.map((b) => b.code) }
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', 'stats.error.slugTaken', { fields: { slug: 'stats.error.slugTaken' } });
    throw e;
  }
  return { slug: input.slug };
}

export interface TImportResult {
  read: TImportRead;
  plan: TImportPlan | null;
  applied: boolean;
}

/** Enters one value with its source. The same cell from the same source is corrected; another source's figure is kept beside. */
export async function enterValue(
  db: DB,
  actor: TSessionUser,
  slug: string,
  input: TValueForm
): Promise<TImportPlan['counts']> {
  requireStatisticsEditor(actor);
  const indicator = await indicatorBySlug(db, slug);
  const checked = checkRow(
    { ref: '', breakdownText: input.breakdown, periodText: input.period, valueText: input.value },
    indicator.breakdowns
  );
  if (checked.issues.length) {
    // Field messages carry no placeholders: map each row problem to its field's plain message.
    const fieldMessage: Record<string, MessageKey> = {
      'stats.import.error.period': 'stats.error.period',
      'stats.import.error.yearRange': 'stats.error.yearRange',
      'stats.import.error.breakdown': 'stats.error.unknownBreakdown',
      'stats.import.error.value': 'stats.error.value'
    };
    throw new AppError('validation', 'validation.summary', {
      fields: Object.fromEntries(checked.issues.map((i) => [i.field, fieldMessage[i.message] ?? 'validation.invalid']))
    });
  }
  if (checked.value === null && !input.note)
    throw new AppError('validation', 'validation.summary', { fields: { note: 'stats.error.gapNeedsNote' } });
  const row = {
    ref: '',
    breakdown: checked.breakdown!,
    period: checked.period!,
    value: checked.value!,
    note: input.note,
    source: {
      title: input.sourceTitle,
      publisher: input.sourcePublisher,
      url: input.sourceUrl,
      accessedOn: input.sourceAccessedOn || null
    }
  };
  return (await applyRows(db, actor, indicator, [row], 'statistics.value.entered')).counts;
}

async function storedForPlan(db: Executor, indicatorId: string) {
  return (await repo.listValues(db, indicatorId)).map((v) => ({
    id: v.id,
    breakdown: v.breakdown,
    period: { from: Number(v.period_from), to: Number(v.period_to) },
    value: v.value === null ? null : Number(v.value),
    note: v.note,
    sourceKey: sourceKey({ title: v.source_title, publisher: v.source_publisher, url: v.source_url })
  }));
}

async function applyRows(
  db: DB,
  actor: TSessionUser,
  indicator: TIndicator,
  rows: TImportRead['rows'],
  action: string
): Promise<TImportPlan> {
  return db.transaction().execute(async (trx) => {
    const plan = planImport(await storedForPlan(trx, indicator.id), rows);
    const now = new Date().toISOString();
    const sources = new Map<string, string>();
    for (const p of plan.rows) {
      if (p.action === 'unchanged') continue;
      const sk = sourceKey(p.row.source);
      let sourceId = sources.get(sk);
      if (!sourceId) {
        sourceId = await ensureSource(trx, p.row.source, now);
        sources.set(sk, sourceId);
      }
      if (p.action === 'update' && p.existingId)
        await repo.updateValue(trx, p.existingId, { value: p.row.value, note: p.row.note, updated_at: now });
      else
        await repo.insertValue(trx, {
          id: randomUUID(),
          indicator_id: indicator.id,
          breakdown: p.row.breakdown,
          period_from: p.row.period.from,
          period_to: p.row.period.to,
          value: p.row.value,
          note: p.row.note,
          source_id: sourceId,
          created_at: now,
          updated_at: now
        });
    }
    if (plan.counts.insert || plan.counts.update)
      await appendAudit(trx, {
        actorId: actor.id,
        action,
        targetType: 'stat_indicator',
        targetId: indicator.id,
        details: { slug: indicator.slug, ...plan.counts }
      });
    return plan;
  });
}

/**
 * Reads an uploaded file and plans the import; with `apply` it also writes the plan in one transaction.
 * A file over the size limit is refused before it is parsed; any row with a problem stops the whole
 * import (nothing is written) and each problem names its row or cell.
 */
export async function importFile(
  db: DB,
  actor: TSessionUser,
  slug: string,
  form: TImportForm,
  file: { text: string; bytes: number },
  apply: boolean
): Promise<TImportResult> {
  requireStatisticsEditor(actor);
  if (tooLarge(file.bytes)) throw new AppError('payload_too_large', 'stats.import.error.tooLarge');
  const indicator = await indicatorBySlug(db, slug);
  const read =
    form.format === 'csv'
      ? readCsvImport(file.text, form, indicator.breakdowns)
      : readJsonStatImport(file.text, form, indicator.breakdowns);
  if (read.issues.length) return { read, plan: null, applied: false };
  if (!read.rows.length) {
    read.issues.push({ ref: '', field: 'file', message: 'stats.import.error.empty' });
    return { read, plan: null, applied: false };
  }
  if (!apply) return { read, plan: planImport(await storedForPlan(db, indicator.id), read.rows), applied: false };
  const plan = await applyRows(db, actor, indicator, read.rows, 'statistics.import.applied');
  return { read, plan, applied: true };
}

/** The chain stages and the indicator that gives each. */
const stageIndicators: Record<TAttritionStage, string> = {
  reports: 'police_reports_trafficking',
  completed: 'reports_investigation_completed',
  prosecuted: 'reports_leading_to_trial',
  convictions: 'new_convictions_trafficking'
};

/** The attrition funnel per year, the sources behind it, and the report's long-run figure. */
export async function getAttrition(db: DB) {
  const figures: { stage: TAttritionStage; year: number; value: number }[] = [];
  const sources = new Map<string, TSource>();
  const missingIndicators: string[] = [];
  for (const [stage, slug] of Object.entries(stageIndicators) as [TAttritionStage, string][]) {
    const row = await repo.findIndicatorBySlug(db, slug);
    if (!row) {
      missingIndicators.push(slug);
      continue;
    }
    for (const v of await repo.listValues(db, row.id, { breakdown: 'total' })) {
      if (v.value === null || v.period_from !== v.period_to) continue;
      figures.push({ stage, year: Number(v.period_to), value: Number(v.value) });
      sources.set(v.source_id, {
        id: v.source_id,
        title: v.source_title,
        publisher: v.source_publisher,
        url: v.source_url,
        accessedOn: v.source_accessed_on
      });
    }
  }
  const years = buildAttrition(figures);
  const first = years[0]?.year ?? null;
  const last = years.at(-1)?.year ?? null;
  const yearsWithout =
    first !== null && last !== null ? range(first, last).filter((y) => !years.some((r) => r.year === y)) : [];
  return {
    years,
    yearsWithout,
    stageIndicators,
    sources: [...sources.values()],
    longRun: {
      convictions: LONG_RUN.convictions,
      reports: LONG_RUN.reports,
      share: LONG_RUN.convictions / LONG_RUN.reports,
      quote: LONG_RUN.quote,
      source: LONG_RUN.source
    }
  };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export async function lastStatisticsUpdate(db: DB): Promise<string | null> {
  return repo.lastValueChange(db);
}
