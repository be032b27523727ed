import { randomUUID } from 'node:crypto';
import { ZChecklist, type TChecklist, type TLevel } from '../../check/checklist';
import { ScoreInputError, scoreChecklist, type TAnswers, type TScoreResult } from '../../check/score';
import type { MessageKey } from '../../i18n';
import type { TChecksSummary, TChecksSummaryQuery } from '../../schemas/check';
import { isoWeek } from '../../stats/iso-week';
import {
  formatSuppressed,
  suppressCount,
  suppressedShare,
  suppressGroup,
  type TSuppressedCount
} from '../../stats/suppress';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { log } from '../log';
import * as repo from './check.repository';
import { resultWriter } from './check.writer';
import { checklistHash, currentChecklist, currentChecklists, indicatorText, sectorIds } from './checklists';

/**
 * Records every current checklist version in the database (idempotent; called at start). Older versions
 * stay there, so an answer made with a page loaded before an update can still be scored with its version.
 */
export async function syncChecklists(db: DB, checklists: TChecklist[] = currentChecklists(), now = new Date()) {
  for (const c of checklists) {
    const hash = checklistHash(c);
    const existing = await repo.findChecklistVersion(db, c.id, c.version);
    if (!existing) {
      await repo.insertChecklistVersion(db, {
        sector: c.id,
        version: c.version,
        content_hash: hash,
        definition: JSON.stringify(c),
        first_loaded_at: now.toISOString()
      });
    } else if (existing.content_hash !== hash) {
      // Wording fixed without a new version number: the file is the truth, but say so.
      log.warn({ sector: c.id, version: c.version }, 'checklist changed without a new version number');
      await repo.updateChecklistDefinition(db, c.id, c.version, { content_hash: hash, definition: JSON.stringify(c) });
    }
  }
}

/** The current checklist of a sector; 404 naming the sector list otherwise. */
export function getChecklist(sector: string): TChecklist {
  const c = currentChecklist(sector);
  if (!c) throw new AppError('not_found', 'check.error.unknownSector', { params: { sectors: sectorIds().join(', ') } });
  return c;
}

/** The checklist a result should be scored with: the version named, if still known; 409 otherwise. */
const MAX_VERSION = 2_147_483_647;

export async function checklistVersion(db: DB, sector: string, version: number): Promise<TChecklist> {
  const current = getChecklist(sector);
  if (current.version === version) return current;
  // A version beyond a database integer cannot exist (and PostgreSQL would refuse to compare it).
  const row = version <= MAX_VERSION ? await repo.findChecklistVersion(db, sector, version) : undefined;
  if (!row) throw new AppError('conflict', 'check.error.staleVersion', { params: { version: current.version } });
  return ZChecklist.parse(JSON.parse(row.definition));
}

const problemKeys: Record<ScoreInputError['problems'][number]['kind'], MessageKey> = {
  not_scored: 'check.error.notScored',
  unknown_question: 'check.error.unknownQuestion',
  bad_value: 'check.error.answerRequired',
  missing: 'check.error.answerRequired'
};

/** Scores answers, turning input problems into a 400 with a message per answer (`answers.<id>`). */
export function scoreOrThrow(checklist: TChecklist, answers: TAnswers): TScoreResult {
  try {
    return scoreChecklist(checklist, answers);
  } catch (e) {
    if (!(e instanceof ScoreInputError)) throw e;
    if (e.problems.some((p) => p.kind === 'not_scored')) throw new AppError('bad_request', 'check.error.notScored');
    const fields: Record<string, MessageKey> = {};
    for (const p of e.problems) fields[`answers.${p.id}`] = problemKeys[p.kind];
    throw new AppError('validation', 'check.error.answers', { fields });
  }
}

export interface TCheckInput {
  sector: string;
  version?: number;
  answers: TAnswers;
  municipality?: string | null;
  demo?: boolean;
}

export interface TCheckOutcome {
  checklist: TChecklist;
  result: TScoreResult;
  stored: boolean;
}

/**
 * Scores a check and, unless it is a demo, writes its anonymous aggregate (sector, version, level,
 * indicator ids, municipality, ISO week) in one transaction.
 */
export async function runCheck(db: DB, input: TCheckInput, now = new Date()): Promise<TCheckOutcome> {
  const checklist =
    input.version === undefined ? getChecklist(input.sector) : await checklistVersion(db, input.sector, input.version);
  if (checklist.kind !== 'checklist') throw new AppError('bad_request', 'check.error.notScored');
  const result = scoreOrThrow(checklist, input.answers);
  const municipality = input.municipality || null;
  if (municipality && !(await municipalityKnown(db, municipality))) {
    throw new AppError('validation', 'validation.summary', { fields: { municipality: 'check.error.municipality' } });
  }
  if (input.demo) return { checklist, result, stored: false };
  // Committed (with other checks submitted at the same moment) before this returns.
  await resultWriter(db).write(
    {
      id: randomUUID(),
      sector: checklist.id,
      checklist_version: checklist.version,
      level: result.level,
      municipality_number: municipality,
      iso_week: isoWeek(now)
    },
    result.triggered.map((i) => i.id)
  );
  return { checklist, result, stored: true };
}

/** Municipality numbers found in the reference table (reference data: numbers are added, never removed). */
const knownMunicipalities = new WeakMap<DB, Set<string>>();

async function municipalityKnown(db: DB, number: string): Promise<boolean> {
  let known = knownMunicipalities.get(db);
  if (!known) knownMunicipalities.set(db, (known = new Set()));
  if (known.has(number)) return true;
  if (!(await repo.municipalityExists(db, number))) return false;
  known.add(number);
  return true;
}

/** The API's view of an outcome: texts in both languages, advice resolved. */
export function outcomeToJson(o: TCheckOutcome) {
  return {
    sector: o.checklist.id,
    version: o.checklist.version,
    level: o.result.level,
    score: o.result.score,
    maxScore: o.result.maxScore,
    triggered: o.result.triggered.map((i) => ({ id: i.id, text: i.text, ilo: i.ilo })),
    unknownQuestions: o.result.unknownQuestions,
    advice: o.result.advice.map((id) => {
      const a = o.checklist.advice.find((x) => x.id === id);
      return { id, text: a?.text ?? { nb: id, en: id } };
    }),
    stored: o.stored
  };
}

/** Counts one generated åpenhetsloven letter (sector or "other", ISO week) — nothing else is kept. */
export async function countLetter(db: DB, sector: string, now = new Date()): Promise<void> {
  const known = sectorIds().includes(sector) ? sector : 'other';
  await repo.incrementLetterCount(db, known, isoWeek(now));
}

/** Analysts, editors and administrators see the aggregates; others get 403. */
/** Who may see the exact check aggregates in the staff area. */
export const checkViewerRoles: readonly TRole[] = ['admin', 'editor', 'analyst'];

export function requireCheckViewer(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.some((r) => checkViewerRoles.includes(r))) throw new AppError('forbidden', 'auth.error.forbidden');
}

const SUPPRESSION_NOTE =
  'Counts from 1 to 4 are shown as "<5"; where a hidden count could be worked out from the total, further counts are hidden as "*". Hidden counts have count null; shares of hidden counts are null.';

const exact = (n: number): TSuppressedCount => ({ suppressed: false, count: n });
const out = (c: TSuppressedCount) => ({ count: c.count, suppressed: c.suppressed, display: formatSuppressed(c) });

/** Counts of a group that adds up to the total: suppressed together (small counts and what would reveal them). */
function groupOut<K>(entries: [K, number][], suppress: boolean) {
  const counts = suppress ? suppressGroup(entries.map(([, n]) => n)) : entries.map(([, n]) => exact(n));
  return entries.map(([key, n], i) => ({ key, n, c: counts[i] }));
}

/**
 * Aggregates of checks within a filter: total, by sector, by week, share at each level, most frequent
 * indicators, by county. `suppress` hides small counts (anything public); the staff page passes false.
 */
export async function checksSummary(
  db: DB,
  filter: TChecksSummaryQuery,
  options: { suppress: boolean } = { suppress: true }
): Promise<TChecksSummary> {
  const rows = (await repo.groupedResults(db, filter)).map((r) => ({ ...r, n: Number(r.n) }));
  const counties = new Map((await repo.listCounties(db)).map((c) => [c.number, c.name]));
  const sum = (key: (r: (typeof rows)[number]) => string | null) => {
    const m = new Map<string | null, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.n);
    return m;
  };
  const s = options.suppress;
  const totalCount = rows.reduce((a, r) => a + r.n, 0);
  const total = s ? suppressCount(totalCount) : exact(totalCount);
  const order = sectorIds();
  const bySector = groupOut(
    [...sum((r) => r.sector)].sort(([a], [b]) => order.indexOf(a as string) - order.indexOf(b as string)),
    s
  ).map(({ key, c }) => ({ sector: key as string, count: out(c) }));
  const byWeek = groupOut(
    [...sum((r) => r.week)].sort(([a], [b]) => String(a).localeCompare(String(b))),
    s
  ).map(({ key, c }) => ({ week: key as string, count: out(c) }));
  const levelCounts = sum((r) => r.level);
  const byLevel = groupOut(
    (['low', 'some', 'strong'] as const).map((level) => [level, levelCounts.get(level) ?? 0] as [TLevel, number]),
    s
  ).map(({ key, c }) => ({ level: key, count: out(c), share: suppressedShare(c, total) }));
  const byCounty = groupOut(
    [...sum((r) => r.county)].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))),
    s
  ).map(({ key, c }) => ({ county: key, name: key ? (counties.get(key) ?? null) : null, count: out(c) }));
  // Indicators overlap (one check can show several), so they are not a partition: each is hidden on its own.
  const topIndicators = (await repo.indicatorCounts(db, filter)).slice(0, 10).map((r) => ({
    indicator: r.indicator,
    text: indicatorText(r.indicator) ?? null,
    count: out(s ? suppressCount(Number(r.n)) : exact(Number(r.n)))
  }));
  return {
    filter: {
      from: filter.from ?? null,
      to: filter.to ?? null,
      sector: filter.sector ?? null,
      county: filter.county ?? null
    },
    total: out(total),
    bySector,
    byWeek,
    byLevel,
    topIndicators,
    byCounty,
    suppression: s ? SUPPRESSION_NOTE : 'Not suppressed (staff view).'
  };
}

/** Every checklist version known, with how many results were scored with it; and the letter counts. */
export async function checklistVersions(db: DB) {
  const current = new Map(currentChecklists().map((c) => [c.id, c]));
  return (await repo.listChecklistVersions(db)).map((r) => ({
    sector: r.sector,
    version: Number(r.version),
    hash: r.content_hash.slice(0, 12),
    firstLoadedAt: r.first_loaded_at,
    results: Number(r.results),
    current: current.get(r.sector)?.version === Number(r.version),
    title: current.get(r.sector)?.title ?? null
  }));
}

export async function letterCounts(db: DB) {
  return (await repo.letterCounts(db)).map((r) => ({ sector: r.sector, week: r.iso_week, count: Number(r.count) }));
}
