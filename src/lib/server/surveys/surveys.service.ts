/**
 * Surveys: versions (a published version is frozen), waves, collection links, and the intake of
 * responses — answers and counters in one transaction. See docs/surveys.md.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import { isUniqueViolation } from '../db/connect';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { isoWeek } from '../../stats/iso-week';
import { ZSurveyDefinition, type TPlaces, type TSurveyDefinition } from '../../surveys/definition';
import {
  answerRows,
  cellKey,
  cellOf,
  checkAnswers,
  counterRows,
  jointCounterRows,
  type TAnswers,
  type TRawAnswers
} from '../../surveys/response';
import { ZQuotas, type TQuota, type TWaveForm } from '../../surveys/forms';
import * as repo from './surveys.repository';
import { numericRows, recountNumeric, replaceNumericSums } from './surveys.numeric';
import { checkQuotaRoom, quotaMatches, responseWriter } from './surveys.writer';

export const surveyStaffRoles: readonly TRole[] = ['admin', 'editor', 'analyst'];

export function canManageSurveys(actor: TSessionUser): boolean {
  return actor.roles.some((r) => surveyStaffRoles.includes(r));
}

function requireSurveyStaff(actor: TSessionUser): void {
  if (!canManageSurveys(actor)) throw new AppError('forbidden', 'surveys.error.forbidden');
}

/** Reads a stored definition (it was valid when stored). */
export function parseDefinition(json: string): TSurveyDefinition {
  return ZSurveyDefinition.parse(JSON.parse(json));
}

const frozenDefinitions = new Map<string, TSurveyDefinition>();
/**
 * The definition of a version; a published version is frozen, so it is parsed once per process (the
 * intake path reads it for every response). Callers must not change the result.
 */
export function versionDefinition(version: { id: string; definition: string; published_at: string | null }) {
  if (version.published_at === null) return parseDefinition(version.definition);
  let d = frozenDefinitions.get(version.id);
  if (!d) {
    if (frozenDefinitions.size >= 200) frozenDefinitions.clear();
    frozenDefinitions.set(version.id, (d = parseDefinition(version.definition)));
  }
  return d;
}

function checkedDefinition(input: unknown): TSurveyDefinition {
  const parsed = ZSurveyDefinition.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation', 'surveys.error.definition', {
      params: { where: issue.path.join('.') || '-' },
      fields: { definition: issue.message as never }
    });
  }
  return parsed.data;
}

const placesCache = new WeakMap<object, Promise<TPlaces>>();
/** Counties and municipalities of the reference data (loaded at start, not changed while running). */
export function placesOf(db: DB): Promise<TPlaces> {
  let p = placesCache.get(db);
  if (!p) {
    p = repo.listPlaces(db);
    placesCache.set(db, p);
    p.catch(() => placesCache.delete(db));
  }
  return p;
}

// ——— Surveys and versions ———

export async function createSurvey(
  db: DB,
  actor: TSessionUser,
  input: { slug: string; definition: unknown },
  now = new Date()
): Promise<{ id: string }> {
  requireSurveyStaff(actor);
  const definition = checkedDefinition(input.definition);
  const id = randomUUID();
  const at = now.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertSurvey(trx, { id, slug: input.slug, now: at });
      await repo.insertVersion(trx, {
        id: randomUUID(),
        survey_id: id,
        version: 1,
        definition: JSON.stringify(definition),
        now: at
      });
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'surveys.survey.created',
        targetType: 'survey',
        targetId: id,
        details: { slug: input.slug }
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('conflict', 'surveys.error.slugTaken', { fields: { slug: 'surveys.error.slugTaken' } });
    throw e;
  }
  return { id };
}

async function surveyOr404(db: Executor, idOrSlug: string) {
  const s = await repo.findSurvey(db, idOrSlug);
  if (!s) throw new AppError('not_found', 'surveys.error.notFound');
  return s;
}

/**
 * Saves a survey's questions. The latest version is edited while it is a draft; once published it is
 * frozen, and saving makes the next version as a draft.
 */
export async function saveDefinition(
  db: DB,
  actor: TSessionUser,
  surveyId: string,
  input: unknown,
  now = new Date()
): Promise<{ versionId: string; version: number }> {
  requireSurveyStaff(actor);
  const definition = checkedDefinition(input);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const survey = await surveyOr404(trx, surveyId);
    const latest = await repo.latestVersion(trx, survey.id);
    let result: { versionId: string; version: number };
    if (latest && latest.published_at === null) {
      await repo.updateDraftDefinition(trx, latest.id, JSON.stringify(definition));
      result = { versionId: latest.id, version: latest.version };
    } else {
      const version = (latest?.version ?? 0) + 1;
      const versionId = randomUUID();
      await repo.insertVersion(trx, {
        id: versionId,
        survey_id: survey.id,
        version,
        definition: JSON.stringify(definition),
        now: at
      });
      result = { versionId, version };
    }
    await repo.touchSurvey(trx, survey.id, at);
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'surveys.version.saved',
      targetType: 'survey',
      targetId: survey.id,
      details: { version: result.version }
    });
    return result;
  });
}

/** Publishes the draft: from now on it is frozen, and waves collect it. */
export async function publishSurvey(
  db: DB,
  actor: TSessionUser,
  surveyId: string,
  now = new Date()
): Promise<{ version: number }> {
  requireSurveyStaff(actor);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const survey = await surveyOr404(trx, surveyId);
    const latest = await repo.latestVersion(trx, survey.id);
    if (!latest || latest.published_at !== null) throw new AppError('conflict', 'surveys.error.nothingToPublish');
    const def = parseDefinition(latest.definition);
    if (def.sections.every((s) => s.questions.length === 0))
      throw new AppError('validation', 'surveys.error.noQuestions');
    await repo.publishVersion(trx, latest.id, at);
    await repo.touchSurvey(trx, survey.id, at);
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'surveys.version.published',
      targetType: 'survey',
      targetId: survey.id,
      details: { version: latest.version }
    });
    return { version: latest.version };
  });
}

export interface TSurveySummary {
  id: string;
  slug: string;
  title_nb: string;
  title_en: string;
  version: number;
  published_version: number | null;
  draft: boolean;
}

async function summaryOf(db: Executor, s: { id: string; slug: string }): Promise<TSurveySummary> {
  const latest = await repo.latestVersion(db, s.id);
  const published = await repo.latestPublishedVersion(db, s.id);
  const def = latest ? parseDefinition(latest.definition) : null;
  return {
    id: s.id,
    slug: s.slug,
    title_nb: def?.title_nb ?? s.slug,
    title_en: def?.title_en ?? s.slug,
    version: latest?.version ?? 0,
    published_version: published?.version ?? null,
    draft: latest?.published_at === null
  };
}

export async function listSurveysForStaff(db: DB, actor: TSessionUser): Promise<TSurveySummary[]> {
  requireSurveyStaff(actor);
  return Promise.all((await repo.listSurveys(db)).map((s) => summaryOf(db, s)));
}

/** Surveys with a published version (the public and the API see only these). */
export async function listPublishedSurveys(db: DB) {
  const out = [];
  for (const s of await repo.listSurveys(db)) {
    const published = await repo.latestPublishedVersion(db, s.id);
    if (!published) continue;
    const def = parseDefinition(published.definition);
    out.push({
      id: s.id,
      slug: s.slug,
      version: published.version,
      definition: def,
      published_at: published.published_at!
    });
  }
  return out;
}

/** A published survey with its latest published definition and its waves; 404 for drafts. */
export async function getPublishedSurvey(db: DB, idOrSlug: string) {
  const s = await surveyOr404(db, idOrSlug);
  const published = await repo.latestPublishedVersion(db, s.id);
  if (!published) throw new AppError('not_found', 'surveys.error.notFound');
  return {
    id: s.id,
    slug: s.slug,
    version: published.version,
    versionId: published.id,
    published_at: published.published_at!,
    definition: versionDefinition(published),
    waves: (await repo.listWaves(db, s.id)).map(waveView)
  };
}

export interface TWaveView {
  id: string;
  version_id: string;
  name: string;
  opens_on: string;
  closes_on: string;
  target_n: number | null;
  method: string;
  method_note_nb: string;
  method_note_en: string;
  quotas: TQuota[];
}

function waveView(w: {
  id: string;
  version_id: string;
  name: string;
  opens_on: string;
  closes_on: string;
  target_n: number | null;
  method: string;
  method_note_nb: string;
  method_note_en: string;
  quotas: string;
}): TWaveView {
  return {
    id: w.id,
    version_id: w.version_id,
    name: w.name,
    opens_on: w.opens_on,
    closes_on: w.closes_on,
    target_n: w.target_n,
    method: w.method,
    method_note_nb: w.method_note_nb,
    method_note_en: w.method_note_en,
    quotas: ZQuotas.parse(JSON.parse(w.quotas))
  };
}

/** Everything the staff pages of one survey show. */
export async function getSurveyForStaff(db: DB, actor: TSessionUser, surveyId: string) {
  requireSurveyStaff(actor);
  const s = await surveyOr404(db, surveyId);
  const latest = (await repo.latestVersion(db, s.id))!;
  const published = await repo.latestPublishedVersion(db, s.id);
  const waves = (await repo.listWaves(db, s.id)).map(waveView);
  const links = await repo.listLinks(
    db,
    waves.map((w) => w.id)
  );
  const responses = new Map<string, number>();
  for (const w of waves) responses.set(w.id, await repo.countResponses(db, w.id));
  return {
    id: s.id,
    slug: s.slug,
    version: latest.version,
    versionId: latest.id,
    draft: latest.published_at === null,
    published_version: published?.version ?? null,
    definition: parseDefinition(latest.definition),
    waves: waves.map((w) => ({ ...w, responses: responses.get(w.id) ?? 0 })),
    links: links.map((l) => ({ id: l.id, wave_id: l.wave_id, source_code: l.source_code, kind: l.kind }))
  };
}

// ——— Waves and links ———

/** Creates a wave (collecting the latest published version) or edits one. */
export async function saveWave(
  db: DB,
  actor: TSessionUser,
  surveyId: string,
  input: TWaveForm,
  waveId?: string,
  now = new Date()
): Promise<{ id: string }> {
  requireSurveyStaff(actor);
  if (input.closes_on < input.opens_on)
    throw new AppError('validation', 'surveys.error.closesBeforeOpens', {
      fields: { closes_on: 'surveys.error.closesBeforeOpens' }
    });
  return db.transaction().execute(async (trx) => {
    const survey = await surveyOr404(trx, surveyId);
    const fields = {
      name: input.name,
      opens_on: input.opens_on,
      closes_on: input.closes_on,
      target_n: input.target_n ?? null,
      method: input.method,
      method_note_nb: input.method_note_nb,
      method_note_en: input.method_note_en,
      quotas: JSON.stringify(input.quotas)
    };
    let id = waveId;
    if (id) {
      const wave = await repo.findWave(trx, id);
      if (!wave || wave.survey_id !== survey.id) throw new AppError('not_found', 'surveys.error.waveNotFound');
      await repo.updateWave(trx, id, fields);
    } else {
      const published = await repo.latestPublishedVersion(trx, survey.id);
      if (!published) throw new AppError('conflict', 'surveys.error.publishFirst');
      id = randomUUID();
      await repo.insertWave(trx, {
        id,
        survey_id: survey.id,
        version_id: published.id,
        ...fields,
        created_at: now.toISOString()
      });
    }
    await appendAudit(trx, {
      actorId: actor.id,
      action: waveId ? 'surveys.wave.updated' : 'surveys.wave.created',
      targetType: 'survey_wave',
      targetId: id,
      details: { survey: survey.id, name: input.name }
    });
    return { id };
  });
}

/** Deletes a wave that has no responses yet (409 otherwise). */
export async function deleteWave(db: DB, actor: TSessionUser, surveyId: string, waveId: string): Promise<void> {
  requireSurveyStaff(actor);
  await db.transaction().execute(async (trx) => {
    const wave = await repo.findWave(trx, waveId);
    if (!wave || wave.survey_id !== surveyId) throw new AppError('not_found', 'surveys.error.waveNotFound');
    if (!(await repo.deleteWaveIfEmpty(trx, waveId))) throw new AppError('conflict', 'surveys.error.waveHasResponses');
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'surveys.wave.deleted',
      targetType: 'survey_wave',
      targetId: waveId,
      details: { survey: surveyId }
    });
  });
}

export const hashPanelToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A collection link of a wave. An 'open' link is answered once per browser (a cookie); a 'panel' link
 * comes with one-time tokens (returned here once; only their hashes are kept).
 */
export async function createLink(
  db: DB,
  actor: TSessionUser,
  waveId: string,
  input: { source_code: string | null; kind: 'open' | 'panel'; tokens: number },
  now = new Date()
): Promise<{ id: string; tokens: string[] }> {
  requireSurveyStaff(actor);
  const id = randomBytes(9).toString('base64url');
  const tokens =
    input.kind === 'panel' ? Array.from({ length: input.tokens }, () => randomBytes(18).toString('base64url')) : [];
  await db.transaction().execute(async (trx) => {
    const wave = await repo.findWave(trx, waveId);
    if (!wave) throw new AppError('not_found', 'surveys.error.waveNotFound');
    await repo.insertLink(trx, {
      id,
      wave_id: waveId,
      source_code: input.source_code,
      kind: input.kind,
      now: now.toISOString()
    });
    await repo.insertPanelTokens(trx, id, tokens.map(hashPanelToken), now.toISOString());
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'surveys.link.created',
      targetType: 'survey_link',
      targetId: id,
      details: { wave: waveId, kind: input.kind, source_code: input.source_code, tokens: tokens.length }
    });
  });
  return { id, tokens };
}

// ——— Collection ———

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export function isWaveOpen(wave: { opens_on: string; closes_on: string }, now: Date): boolean {
  const today = dayOf(now);
  return wave.opens_on <= today && today <= wave.closes_on;
}

export interface TCollection {
  survey: { id: string; slug: string };
  definition: TSurveyDefinition;
  wave: TWaveView;
  link: { id: string; kind: string; source_code: string | null } | null;
}

/**
 * What a respondent answers: through a link (`l`), that link's wave; otherwise the survey's open wave
 * that opened last. 404 for unknown or unpublished surveys and links; 409 when no wave is open.
 */
export async function openCollection(
  db: DB,
  slug: string,
  linkId: string | null,
  now = new Date()
): Promise<TCollection> {
  const s = await repo.findSurvey(db, slug);
  if (!s || s.slug !== slug) throw new AppError('not_found', 'surveys.error.notFound');
  let wave;
  let link = null;
  if (linkId) {
    link = await repo.findLink(db, linkId);
    wave = link ? await repo.findWave(db, link.wave_id) : undefined;
    if (!link || !wave || wave.survey_id !== s.id) throw new AppError('not_found', 'surveys.error.linkNotFound');
  } else {
    const waves = await repo.listWaves(db, s.id);
    wave = waves.filter((w) => isWaveOpen(w, now)).at(-1);
    if (!wave) {
      if (!(await repo.latestPublishedVersion(db, s.id))) throw new AppError('not_found', 'surveys.error.notFound');
      throw new AppError('conflict', 'surveys.error.waveClosed');
    }
  }
  if (!isWaveOpen(wave, now)) throw new AppError('conflict', 'surveys.error.waveClosed');
  const version = (await repo.findVersion(db, wave.version_id))!;
  return {
    survey: { id: s.id, slug: s.slug },
    definition: parseDefinition(version.definition),
    wave: waveView(wave),
    link: link ? { id: link.id, kind: link.kind, source_code: link.source_code } : null
  };
}

async function checkQuotas(db: Executor, wave: TWaveView, cell: readonly string[]): Promise<void> {
  const quotas = wave.quotas.filter((q) => quotaMatches(q, cell));
  if (quotas.length > 0) checkQuotaRoom(quotas, await repo.cellCounts(db, [wave.id]));
}

/** Checks answers for one wave; throws a 400 with a message per question. */
export async function checkResponse(
  db: DB,
  definition: TSurveyDefinition,
  raw: TRawAnswers,
  options: { sections?: readonly number[]; earlier?: TAnswers } = {}
): Promise<TAnswers> {
  const checked = checkAnswers(definition, await placesOf(db), raw, options);
  if (!checked.ok) throw new AppError('validation', 'surveys.error.answers', { fields: checked.errors });
  return checked.answers;
}

/** True when a respondent of this cell can no longer be taken (quota full); the form asks after the demographics. */
export async function isQuotaFull(db: DB, wave: TWaveView, definition: TSurveyDefinition, answers: TAnswers) {
  try {
    await checkQuotas(db, wave, cellOf(definition, answers));
    return false;
  } catch (e) {
    if (e instanceof AppError && e.message === 'surveys.error.quotaFull') return true;
    throw e;
  }
}

/**
 * Stores one response: answer rows, the week (no time, no IP, no user agent), and +1 on its counters, in
 * one transaction (shared with other responses waiting at that moment: surveys.writer.ts). Closed wave, full quota, used or missing panel token, unknown question, missing
 * required answer or out-of-range value → an AppError (4xx), nothing stored.
 */
export async function submitResponse(
  db: DB,
  input: {
    surveyId: string;
    waveId: string;
    linkId?: string | null;
    token?: string | null;
    answers: TRawAnswers;
  },
  now = new Date()
): Promise<{ id: string }> {
  const waveRow = await repo.findWave(db, input.waveId);
  const survey = await repo.findSurvey(db, input.surveyId);
  if (!waveRow || !survey || waveRow.survey_id !== survey.id)
    throw new AppError('not_found', 'surveys.error.waveNotFound');
  const wave = waveView(waveRow);
  if (!isWaveOpen(wave, now)) throw new AppError('conflict', 'surveys.error.waveClosed');
  let link = null;
  if (input.linkId) {
    link = await repo.findLink(db, input.linkId);
    if (!link || link.wave_id !== wave.id) throw new AppError('not_found', 'surveys.error.linkNotFound');
  }
  if (link?.kind === 'panel' && !input.token)
    throw new AppError('validation', 'surveys.error.tokenNeeded', { fields: { token: 'surveys.error.tokenNeeded' } });
  const version = (await repo.findVersion(db, wave.version_id))!;
  const definition = versionDefinition(version);
  const answers = await checkResponse(db, definition, input.answers);
  const cell = cellOf(definition, answers);
  const key = cellKey(cell);
  const id = randomUUID();
  // Written with the other responses waiting at that moment, in one transaction (surveys.writer.ts).
  await responseWriter(db).write({
    response: {
      id,
      wave_id: wave.id,
      version_id: version.id,
      iso_week: isoWeek(now),
      source_code: link?.source_code ?? null,
      cell: key
    },
    answers: answerRows(answers),
    counters: counterRows(definition, answers),
    // Joint counters of the breakdown questions (surveys.breakdown.ts reads them).
    joint: jointCounterRows(definition, answers),
    // Number questions: n, Σy, Σy² per cell (surveys.numeric.ts).
    numeric: numericRows(definition, answers),
    quotas: wave.quotas.filter((q) => quotaMatches(q, cell)),
    panel:
      link?.kind === 'panel'
        ? { linkId: link.id, hash: hashPanelToken(input.token!), usedAt: `${dayOf(now)}T00:00:00.000Z` }
        : null
  });
  return { id };
}

// ——— Recount ———

/** The counters of one wave computed from its answer rows (what the counters must equal). */
export async function recountWave(db: Executor, waveId: string) {
  const definitions = new Map<string, TSurveyDefinition>();
  const cells = new Map<string, number>();
  const counts = new Map<string, { question_id: string; answer: string; cell: string; n: number }>();
  const joint = new Map<
    string,
    { question_id: string; answer: string; by_question_id: string; by_answer: string; cell: string; n: number }
  >();
  for (const r of await repo.responsesWithAnswers(db, waveId)) {
    let def = definitions.get(r.version_id);
    if (!def) {
      def = parseDefinition((await repo.findVersion(db, r.version_id))!.definition);
      definitions.set(r.version_id, def);
    }
    const answers: TAnswers = new Map();
    for (const a of r.answers) answers.set(a.question_id, [...(answers.get(a.question_id) ?? []), a.value]);
    cells.set(r.cell, (cells.get(r.cell) ?? 0) + 1);
    for (const row of counterRows(def, answers)) {
      const key = `${row.question_id}\u001f${row.answer}\u001f${r.cell}`;
      const c = counts.get(key) ?? { ...row, cell: r.cell, n: 0 };
      c.n++;
      counts.set(key, c);
    }
    for (const row of jointCounterRows(def, answers)) {
      const key = [row.question_id, row.answer, row.by_question_id, row.by_answer, r.cell].join('\u001f');
      const c = joint.get(key) ?? { ...row, cell: r.cell, n: 0 };
      c.n++;
      joint.set(key, c);
    }
  }
  return {
    cells: [...cells].map(([cell, n]) => ({ cell, n })),
    counts: [...counts.values()],
    joint: [...joint.values()]
  };
}

/** `npm run surveys:recount`: rebuilds every wave's counters from the answer rows, one transaction per wave. */
export async function recountAll(db: DB): Promise<{ waves: number; responses: number }> {
  let responses = 0;
  const waves = await repo.allWaveIds(db);
  for (const waveId of waves)
    await db.transaction().execute(async (trx) => {
      await repo.lockForRecount(trx, waveId);
      const r = await recountWave(trx, waveId);
      responses += r.cells.reduce((a, c) => a + c.n, 0);
      await repo.replaceCounts(trx, waveId, r.cells, r.counts);
      await repo.replaceJointCounts(trx, waveId, r.joint);
      await replaceNumericSums(trx, waveId, await recountNumeric(trx, waveId));
    });
  return { waves: waves.length, responses };
}

/** The public list: published surveys, whether one of their waves is open today, and how many waves have results. */
export async function publicSurveyList(db: DB, now = new Date()) {
  const out = [];
  for (const s of await listPublishedSurveys(db)) {
    const waves = await repo.listWaves(db, s.id);
    out.push({
      slug: s.slug,
      title_nb: s.definition.title_nb,
      title_en: s.definition.title_en,
      open: waves.some((w) => isWaveOpen(w, now)),
      waves: waves.length
    });
  }
  return out;
}

/** Applies one builder edit to the latest version (a published one gets a new draft) and saves it. */
export async function editDefinition(
  db: DB,
  actor: TSessionUser,
  surveyId: string,
  edit: (d: TSurveyDefinition) => TSurveyDefinition,
  now = new Date()
): Promise<{ version: number }> {
  requireSurveyStaff(actor);
  const survey = await surveyOr404(db, surveyId);
  const latest = (await repo.latestVersion(db, survey.id))!;
  let next: TSurveyDefinition;
  try {
    next = edit(parseDefinition(latest.definition));
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('not_found', 'surveys.error.questionNotFound');
    throw e;
  }
  return saveDefinition(db, actor, survey.id, next, now);
}
