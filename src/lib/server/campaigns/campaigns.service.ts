/**
 * The campaign registry (issue 8): campaigns with their indicator, SDG targets, action-plan measures,
 * materials and evaluation design. Analysts and editors edit, administrators read; every change is
 * audited in the same transaction. Published campaigns are public (pages and API).
 */
import { randomUUID } from 'node:crypto';
import type { TRole, TSessionUser } from '../auth/auth.types';
import { appendAudit } from '../audit/audit.service';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import type { MessageKey } from '../../i18n';
import { currentChecklists } from '../check/checklists';
import * as surveyRepo from '../surveys/surveys.repository';
import { listPublishedSurveys, parseDefinition, placesOf } from '../surveys/surveys.service';
import { groupSource, resolveDidGroup } from '../surveys/surveys.effect-group';
import { allQuestions, choiceCodes, type TQuestion, type TSurveyDefinition } from '../../surveys/definition';
import { optionLabel } from '../../surveys/view';
import {
  campaignDesigns,
  campaignWeightings,
  type TCampaignDesign,
  type TCampaignInput,
  type TMaterial
} from '../../schemas/campaigns';
import * as repo from './campaigns.repository';
import * as materialsRepo from './materials.repository';
import type { CampaignTable } from './campaigns.tables';
import {
  activityRows,
  activityUplift,
  activityWeeks,
  knowledgeGainActivity,
  slugOf,
  type TActivityRow,
  type TUplift
} from './campaigns.core';

/** Who may register and edit campaigns (docs/campaigns.md). */
export const campaignEditRoles: readonly TRole[] = ['analyst', 'editor'];
/** Who may read the staff pages: editors, analysts and administrators. */
export const campaignReadRoles: readonly TRole[] = ['admin', 'analyst', 'editor'];
/** Who may publish: editors. */
export const campaignPublishRoles: readonly TRole[] = ['editor'];
/** Who may delete a campaign registered by mistake (a draft only): editors, as they publish. */
export const campaignDeleteRoles: readonly TRole[] = ['editor'];

const has = (actor: TSessionUser, roles: readonly TRole[]) => actor.roles.some((r) => roles.includes(r));
const require = (actor: TSessionUser, roles: readonly TRole[]) => {
  if (!has(actor, roles)) throw new AppError('forbidden', 'campaigns.error.forbidden');
};
export const canEditCampaigns = (actor: TSessionUser) => has(actor, campaignEditRoles);
export const canPublishCampaigns = (actor: TSessionUser) => has(actor, campaignPublishRoles);
export const canDeleteCampaigns = (actor: TSessionUser) => has(actor, campaignDeleteRoles);

const choiceTypes: ReadonlySet<TQuestion['type']> = new Set(['single', 'multiple', 'likert']);

/** A campaign as the service takes it; the comparison-group fields may be left out (design 'did_group' only). */
export type TCampaignArgs = Omit<TCampaignInput, 'groupQuestion' | 'groupTarget' | 'groupComparison'> &
  Partial<Pick<TCampaignInput, 'groupQuestion' | 'groupTarget' | 'groupComparison'>>;

export interface TCampaign {
  id: string;
  slug: string;
  name: string;
  goal: string;
  targetGroup: string;
  sectors: string[];
  channels: string[];
  startsOn: string;
  endsOn: string;
  budget: number | null;
  indicator: { surveyId: string; questionId: string; answerCode: string } | null;
  sdgTargets: string[];
  measureIds: string[];
  partners: string[];
  materials: TMaterial[];
  design: TCampaignDesign;
  baselineWaveId: string | null;
  followupWaveId: string | null;
  exposure: { questionId: string; answerCode: string } | null;
  /** Design 'did_group': the group question, the target group's answers, the comparison's (empty: all others). */
  didGroup: { questionId: string; target: string[]; comparison: string[] } | null;
  sourceCodes: string[];
  weighting: (typeof campaignWeightings)[number];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const list = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

export function toCampaign(r: CampaignTable): TCampaign {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    goal: r.goal,
    targetGroup: r.target_group,
    sectors: list(r.sectors),
    channels: list(r.channels),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    budget: r.budget_nok === null ? null : Number(r.budget_nok),
    indicator:
      r.survey_id && r.question_id && r.answer_code
        ? { surveyId: r.survey_id, questionId: r.question_id, answerCode: r.answer_code }
        : null,
    sdgTargets: list(r.sdg_targets),
    measureIds: list(r.measure_ids),
    partners: r.partners
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    materials: JSON.parse(r.materials) as TMaterial[],
    design: (campaignDesigns as readonly string[]).includes(r.design) ? (r.design as TCampaignDesign) : 'before_after',
    baselineWaveId: r.baseline_wave_id,
    followupWaveId: r.followup_wave_id,
    exposure:
      r.exposure_question_id && r.exposure_answer_code
        ? { questionId: r.exposure_question_id, answerCode: r.exposure_answer_code }
        : null,
    didGroup:
      r.did_group_question_id && r.did_target_codes
        ? {
            questionId: r.did_group_question_id,
            target: list(r.did_target_codes),
            comparison: list(r.did_comparison_codes ?? '[]')
          }
        : null,
    sourceCodes: list(r.source_codes),
    weighting: (campaignWeightings as readonly string[]).includes(r.weighting)
      ? (r.weighting as TCampaign['weighting'])
      : 'none',
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  };
}

// ——— Choices the form offers ———

export interface TIndicatorChoice {
  value: string;
  surveyId: string;
  questionId: string;
  answerCode: string;
  label_nb: string;
  label_en: string;
}

export interface TCampaignOptions {
  sectors: { id: string; title_nb: string; title_en: string }[];
  surveys: {
    id: string;
    title_nb: string;
    title_en: string;
    indicators: TIndicatorChoice[];
    waves: { id: string; name: string; opens_on: string; closes_on: string }[];
  }[];
  /** Choice questions of every published version, as `question|answer` (checked against the follow-up wave). */
  exposures: { value: string; label_nb: string; label_en: string }[];
  /** Questions a comparison group can be formed by (demographic or breakdown questions), with their answers. */
  groups: {
    questionId: string;
    label_nb: string;
    label_en: string;
    answers: { code: string; label_nb: string; label_en: string }[];
  }[];
  measures: { id: string; number: string; title: string }[];
  sourceCodes: string[];
}

function choices(def: TSurveyDefinition) {
  return def.sections.flatMap((s) => s.questions).filter((q) => choiceTypes.has(q.type));
}

export async function campaignOptions(db: DB): Promise<TCampaignOptions> {
  const surveys = await listPublishedSurveys(db);
  const out: TCampaignOptions['surveys'] = [];
  const exposures = new Map<string, { value: string; label_nb: string; label_en: string }>();
  const groups = new Map<string, TCampaignOptions['groups'][number]>();
  const places = await placesOf(db);
  for (const s of surveys) {
    for (const q of allQuestions(s.definition))
      if (groupSource(q) && !groups.has(q.id))
        groups.set(q.id, {
          questionId: q.id,
          label_nb: `${s.definition.title_nb}: ${q.text_nb}`,
          label_en: `${s.definition.title_en}: ${q.text_en}`,
          answers: choiceCodes(q, places).map((code) => ({
            code,
            label_nb: optionLabel(q, code, places, 'nb'),
            label_en: optionLabel(q, code, places, 'en')
          }))
        });
    const indicators: TIndicatorChoice[] = [];
    for (const q of choices(s.definition))
      for (const o of q.options) {
        indicators.push({
          value: `${s.id}|${q.id}|${o.code}`,
          surveyId: s.id,
          questionId: q.id,
          answerCode: o.code,
          label_nb: `${q.text_nb} — ${o.label_nb}`,
          label_en: `${q.text_en} — ${o.label_en}`
        });
        const key = `${q.id}|${o.code}`;
        if (!exposures.has(key))
          exposures.set(key, {
            value: key,
            label_nb: `${s.definition.title_nb}: ${q.text_nb} — ${o.label_nb}`,
            label_en: `${s.definition.title_en}: ${q.text_en} — ${o.label_en}`
          });
      }
    const waves = (await surveyRepo.listWaves(db, s.id)).map((w) => ({
      id: w.id,
      name: w.name,
      opens_on: w.opens_on,
      closes_on: w.closes_on
    }));
    out.push({ id: s.id, title_nb: s.definition.title_nb, title_en: s.definition.title_en, indicators, waves });
  }
  const measures = await db
    .selectFrom('ap_measure')
    .select(['id', 'number', 'title'])
    .orderBy('plan_id')
    .orderBy('number')
    .execute();
  return {
    sectors: currentChecklists().map((c) => ({ id: c.id, title_nb: c.title.nb, title_en: c.title.en })),
    surveys: out,
    exposures: [...exposures.values()],
    groups: [...groups.values()],
    measures,
    sourceCodes: await repo.knownSourceCodes(db)
  };
}

// ——— Validation against other modules ———

function invalid(fields: Record<string, MessageKey>): never {
  throw new AppError('validation', 'validation.summary', { fields });
}

const isBreakdown = (def: TSurveyDefinition | null, questionId: string) =>
  !!def?.sections.flatMap((s) => s.questions).find((q) => q.id === questionId)?.breakdown;

async function waveDefinition(db: Executor, waveId: string) {
  const wave = await surveyRepo.findWave(db, waveId);
  if (!wave) return null;
  const version = await surveyRepo.findVersion(db, wave.version_id);
  return { wave, definition: version ? parseDefinition(version.definition) : null };
}

const findChoice = (def: TSurveyDefinition | null, questionId: string, answerCode: string) => {
  const q = def ? choices(def).find((x) => x.id === questionId) : undefined;
  if (!q) return 'question' as const;
  return q.options.some((o) => o.code === answerCode) ? ('ok' as const) : ('answer' as const);
};

/** Checks the input against the check, surveys and action-plan modules; returns the columns to store. */
async function columnsOf(db: Executor, input: TCampaignArgs) {
  const groupQuestion = input.groupQuestion ?? '';
  const groupTarget = input.groupTarget ?? [];
  const groupComparison = input.groupComparison ?? [];
  const fields: Record<string, MessageKey> = {};
  const sectorIds = new Set(currentChecklists().map((c) => c.id));
  if (input.sectors.some((s) => !sectorIds.has(s))) fields.sectors = 'campaigns.error.sector';
  if (input.measureIds.length) {
    const found = await db.selectFrom('ap_measure').select('id').where('id', 'in', input.measureIds).execute();
    if (found.length !== new Set(input.measureIds).size) fields.measureIds = 'campaigns.error.measure';
  }

  let survey: { id: string; definition: TSurveyDefinition } | null = null;
  let indicator: { questionId: string; answerCode: string } | null = null;
  if (input.indicator) {
    const [surveyId, questionId, answerCode] = input.indicator.split('|');
    const s = await surveyRepo.findSurvey(db, surveyId);
    const published = s ? await surveyRepo.latestPublishedVersion(db, s.id) : undefined;
    if (!s || !published) fields.indicator = 'campaigns.error.indicator';
    else {
      survey = { id: s.id, definition: parseDefinition(published.definition) };
      const found = findChoice(survey.definition, questionId, answerCode);
      if (found === 'question') fields.indicator = 'campaigns.error.indicator';
      else if (found === 'answer') fields.indicator = 'campaigns.error.indicatorAnswer';
      else indicator = { questionId, answerCode };
    }
  }

  const baseline = input.baselineWave ? await waveDefinition(db, input.baselineWave) : null;
  const followup = input.followupWave ? await waveDefinition(db, input.followupWave) : null;
  if (input.baselineWave && !baseline) fields.baselineWave = 'campaigns.error.wave';
  if (input.followupWave && !followup) fields.followupWave = 'campaigns.error.wave';
  if ((baseline || followup) && !input.indicator) fields.indicator = 'campaigns.error.indicatorForWaves';
  if (baseline && followup && baseline.wave.survey_id !== followup.wave.survey_id)
    fields.followupWave = 'campaigns.error.wavesDiffer';
  else if (survey) {
    if (baseline && baseline.wave.survey_id !== survey.id) fields.baselineWave = 'campaigns.error.waveNotIndicator';
    if (followup && followup.wave.survey_id !== survey.id) fields.followupWave = 'campaigns.error.waveNotIndicator';
  }
  if (baseline && followup && baseline.wave.id === followup.wave.id) fields.followupWave = 'campaigns.error.sameWave';
  if (indicator) {
    for (const [name, w] of [
      ['baselineWave', baseline],
      ['followupWave', followup]
    ] as const)
      if (w && !fields[name] && findChoice(w.definition, indicator.questionId, indicator.answerCode) !== 'ok')
        fields[name] = 'campaigns.error.waveLacksIndicator';
  }

  let exposure: { questionId: string; answerCode: string } | null = null;
  const needsExposure = input.design === 'exposure' || input.design === 'did';
  if (input.exposure) {
    const [questionId, answerCode] = input.exposure.split('|');
    if (!followup) fields.followupWave ??= 'campaigns.error.exposureNeedsFollowup';
    else {
      const found = findChoice(followup.definition, questionId, answerCode);
      if (found !== 'ok') fields.exposure = 'campaigns.error.exposureNotInFollowup';
      else if (!isBreakdown(followup.definition, questionId)) fields.exposure = 'campaigns.error.exposureNotBreakdown';
      else if (indicator && questionId === indicator.questionId)
        fields.exposure = 'campaigns.error.exposureIsIndicator';
      // The engine compares exposed and unexposed from joint counters kept in both waves.
      else if (
        baseline &&
        (findChoice(baseline.definition, questionId, answerCode) !== 'ok' ||
          !isBreakdown(baseline.definition, questionId))
      )
        fields.exposure = 'campaigns.error.exposureNotInBaseline';
      else exposure = { questionId, answerCode };
    }
  } else if (needsExposure && followup) fields.exposure = 'campaigns.error.exposureRequired';

  // DiD against a comparison group: a demographic or breakdown question in both waves, split into two groups.
  let didGroup: { questionId: string; target: string[]; comparison: string[] } | null = null;
  if (input.design === 'did_group') {
    const defs = [baseline?.definition, followup?.definition].filter((d): d is TSurveyDefinition => !!d);
    if (!defs.length && survey) defs.push(survey.definition);
    if (!groupQuestion) {
      if (followup) fields.groupQuestion = 'campaigns.error.groupRequired';
    } else if (!defs.length) fields.indicator ??= 'campaigns.error.indicatorForWaves';
    else {
      const found = defs.map((d) => allQuestions(d).find((q) => q.id === groupQuestion));
      if (found.some((q) => !q) || found.some((q) => q!.type !== found[0]!.type))
        fields.groupQuestion = 'campaigns.error.groupNotInWaves';
      else if (found.some((q) => !groupSource(q!))) fields.groupQuestion = 'campaigns.error.groupNotBreakdown';
      else if (indicator && groupQuestion === indicator.questionId)
        fields.groupQuestion = 'campaigns.error.groupIsIndicator';
      else {
        const places = await placesOf(db as DB);
        const all = found.map((q) => choiceCodes(q!, places));
        const codes = all[0].filter((c) => all.every((x) => x.includes(c)));
        const split = resolveDidGroup(codes, groupTarget, groupComparison);
        if (split.problem)
          fields[split.problem.field === 'target' ? 'groupTarget' : 'groupComparison'] = split.problem.key;
        else
          didGroup = {
            questionId: groupQuestion,
            target: split.target,
            // Stored as chosen: empty means "every other answer" (also of answers a later version adds).
            comparison: groupComparison.length ? split.comparison : []
          };
      }
    }
  }

  if (Object.keys(fields).length) invalid(fields);
  return {
    name: input.name,
    goal: input.goal,
    target_group: input.targetGroup,
    sectors: JSON.stringify([...new Set(input.sectors)]),
    channels: JSON.stringify([...new Set(input.channels)]),
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    budget_nok: input.budget,
    survey_id: survey?.id ?? null,
    question_id: indicator?.questionId ?? null,
    answer_code: indicator?.answerCode ?? null,
    sdg_targets: JSON.stringify([...new Set(input.sdgTargets)]),
    measure_ids: JSON.stringify([...new Set(input.measureIds)]),
    partners: input.partners,
    materials: JSON.stringify(input.materials),
    design: input.design,
    baseline_wave_id: baseline?.wave.id ?? null,
    followup_wave_id: followup?.wave.id ?? null,
    exposure_question_id: exposure?.questionId ?? null,
    exposure_answer_code: exposure?.answerCode ?? null,
    did_group_question_id: didGroup?.questionId ?? null,
    did_target_codes: didGroup ? JSON.stringify(didGroup.target) : null,
    did_comparison_codes: didGroup ? JSON.stringify(didGroup.comparison) : null,
    source_codes: JSON.stringify([...new Set(input.sourceCodes)]),
    weighting: input.weighting
  };
}

async function freeSlug(db: Executor, name: string): Promise<string> {
  const base = slugOf(name);
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await repo.slugTaken(db, slug))) return slug;
  }
}

export async function createCampaign(
  db: DB,
  actor: TSessionUser,
  input: TCampaignArgs,
  now = new Date()
): Promise<{ id: string; slug: string }> {
  require(actor, campaignEditRoles);
  return db.transaction().execute(async (trx) => {
    const columns = await columnsOf(trx, input);
    const id = randomUUID();
    const slug = await freeSlug(trx, input.name);
    const at = now.toISOString();
    await repo.insertCampaign(trx, {
      id,
      slug,
      ...columns,
      published_at: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at
    });
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'campaign.create',
      targetType: 'campaign',
      targetId: id,
      details: { name: input.name, design: input.design }
    });
    return { id, slug };
  });
}

async function campaignOr404(db: Executor, idOrSlug: string) {
  if (!/^[a-z0-9-]{1,100}$/.test(idOrSlug)) throw new AppError('not_found', 'campaigns.error.notFound');
  const row = await repo.findCampaign(db, idOrSlug);
  if (!row) throw new AppError('not_found', 'campaigns.error.notFound');
  return row;
}

export async function updateCampaign(
  db: DB,
  actor: TSessionUser,
  id: string,
  input: TCampaignArgs,
  now = new Date()
): Promise<void> {
  require(actor, campaignEditRoles);
  await db.transaction().execute(async (trx) => {
    const row = await campaignOr404(trx, id);
    const columns = await columnsOf(trx, input);
    const changed = Object.keys(columns).filter(
      (k) => String(columns[k as keyof typeof columns]) !== String(row[k as keyof CampaignTable])
    );
    await repo.updateCampaign(trx, row.id, { ...columns, updated_at: now.toISOString() });
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'campaign.update',
      targetType: 'campaign',
      targetId: row.id,
      details: { changed }
    });
  });
}

/** Publishes (public page and API) or withdraws a campaign; editors only. */
export async function setCampaignPublished(
  db: DB,
  actor: TSessionUser,
  id: string,
  publish: boolean,
  now = new Date()
): Promise<void> {
  require(actor, campaignPublishRoles);
  await db.transaction().execute(async (trx) => {
    const row = await campaignOr404(trx, id);
    await repo.updateCampaign(trx, row.id, { published_at: publish ? now.toISOString() : null });
    await appendAudit(trx, {
      actorId: actor.id,
      action: publish ? 'campaign.publish' : 'campaign.unpublish',
      targetType: 'campaign',
      targetId: row.id
    });
  });
}

/**
 * Deletes a campaign registered by mistake, with its material files, in one transaction with its audit entry
 * (`campaign.delete`: name, slug and how many files went with it). Editors only; a published campaign is
 * refused (409: withdraw it first), so nothing public disappears without an editor first taking it down.
 */
export async function deleteCampaign(db: DB, actor: TSessionUser, id: string): Promise<{ name: string }> {
  require(actor, campaignDeleteRoles);
  return db.transaction().execute(async (trx) => {
    const row = await campaignOr404(trx, id);
    if (row.published_at !== null) throw new AppError('conflict', 'campaigns.delete.error.published');
    const files = await materialsRepo.deleteMaterialFilesOf(trx, row.id);
    await repo.deleteCampaign(trx, row.id);
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'campaign.delete',
      targetType: 'campaign',
      targetId: row.id,
      details: { name: row.name, slug: row.slug, files }
    });
    return { name: row.name };
  });
}

export async function listCampaignsForStaff(db: DB, actor: TSessionUser): Promise<TCampaign[]> {
  require(actor, campaignReadRoles);
  return (await repo.listCampaigns(db)).map(toCampaign);
}

export async function getCampaignForStaff(db: DB, actor: TSessionUser, id: string): Promise<TCampaign> {
  require(actor, campaignReadRoles);
  return toCampaign(await campaignOr404(db, id));
}

export async function listPublishedCampaigns(db: DB): Promise<TCampaign[]> {
  return (await repo.listCampaigns(db, true)).map(toCampaign);
}

/** A published campaign by id or slug; 404 for one that is not published. */
export async function getPublishedCampaign(db: DB, idOrSlug: string): Promise<TCampaign> {
  const row = await campaignOr404(db, idOrSlug);
  if (!row.published_at) throw new AppError('not_found', 'campaigns.error.notFound');
  return toCampaign(row);
}

/** Weekly platform activity during the campaign and the same number of weeks before (counts only). */
export async function campaignActivity(
  db: DB,
  c: Pick<TCampaign, 'startsOn' | 'endsOn' | 'sourceCodes'>
): Promise<{ rows: TActivityRow[]; uplift: TUplift[]; weeks: { before: string[]; during: string[] } }> {
  const weeks = activityWeeks(c.startsOn, c.endsOn);
  const all = [...weeks.before, ...weeks.during];
  const [checks, letters, quiz, soloSessions, classSessions, reports, responses, classes] = await Promise.all([
    repo.checksPerWeek(db, all),
    repo.lettersPerWeek(db, all),
    repo.quizAnswersPerWeek(db, all),
    repo.sessionsPerWeek(db, all, 'self'),
    repo.sessionsPerWeek(db, all, 'class'),
    repo.reportsPerWeek(db, all),
    repo.surveyResponsesPerWeek(db, all, c.sourceCodes),
    repo.classTalliesPerWeek(db, all)
  ]);
  const counts = activityRows(weeks, {
    checks,
    letters,
    quiz_answers: quiz,
    quiz_sessions: soloSessions,
    class_sessions: classSessions,
    reports,
    survey_responses: responses
  });
  const gain = knowledgeGainActivity(weeks, classes);
  return { rows: [...counts, ...gain.rows], uplift: [...activityUplift(counts), gain.uplift], weeks };
}

/** The form's values of a stored campaign (for the edit form). */
export function formValuesOf(c: TCampaign): Record<string, string> {
  const v: Record<string, string> = {
    name: c.name,
    goal: c.goal,
    targetGroup: c.targetGroup,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    budget: c.budget === null ? '' : String(c.budget),
    indicator: c.indicator ? `${c.indicator.surveyId}|${c.indicator.questionId}|${c.indicator.answerCode}` : '',
    partners: c.partners.join('\n'),
    materials: c.materials.map((m) => `${m.title} | ${m.url}`).join('\n'),
    design: c.design,
    baselineWave: c.baselineWaveId ?? '',
    followupWave: c.followupWaveId ?? '',
    exposure: c.exposure ? `${c.exposure.questionId}|${c.exposure.answerCode}` : '',
    sourceCodes: c.sourceCodes.join(', '),
    weighting: c.weighting,
    groupQuestion: c.didGroup?.questionId ?? ''
  };
  if (c.didGroup) {
    for (const x of c.didGroup.target) v[`groupTarget:${c.didGroup.questionId}|${x}`] = 'on';
    for (const x of c.didGroup.comparison) v[`groupComparison:${c.didGroup.questionId}|${x}`] = 'on';
  }
  for (const [group, values] of [
    ['sectors', c.sectors],
    ['channels', c.channels],
    ['sdgTargets', c.sdgTargets],
    ['measureIds', c.measureIds]
  ] as const)
    for (const x of values) v[`${group}:${x}`] = 'on';
  return v;
}

/**
 * Everything the staff page and the public page of one campaign show: the campaign, the names of what it
 * links to (survey, waves, questions, measures, sectors) and its platform activity. With `actor` the
 * staff view (any campaign); without, the public view (published campaigns only).
 */
export async function campaignView(db: DB, idOrSlug: string, actor?: TSessionUser) {
  const campaign = actor ? await getCampaignForStaff(db, actor, idOrSlug) : await getPublishedCampaign(db, idOrSlug);
  const names: {
    survey: { title_nb: string; title_en: string; slug: string } | null;
    indicator: { question_nb: string; question_en: string; answer_nb: string; answer_en: string } | null;
    exposure: { question_nb: string; question_en: string; answer_nb: string; answer_en: string } | null;
    /** Design 'did_group': the group question and the answers of both groups, named (comparison: resolved). */
    group: {
      question_nb: string;
      question_en: string;
      target_nb: string[];
      target_en: string[];
      comparison_nb: string[];
      comparison_en: string[];
      /** The comparison is every other answer of the question. */
      rest: boolean;
    } | null;
    baselineWave: string | null;
    followupWave: string | null;
  } = { survey: null, indicator: null, exposure: null, group: null, baselineWave: null, followupWave: null };
  const describe = (def: TSurveyDefinition | null, questionId: string, answerCode: string) => {
    const q = def?.sections.flatMap((s) => s.questions).find((x) => x.id === questionId);
    const o = q?.options.find((x) => x.code === answerCode);
    return q && o
      ? { question_nb: q.text_nb, question_en: q.text_en, answer_nb: o.label_nb, answer_en: o.label_en }
      : null;
  };
  if (campaign.indicator) {
    const s = await surveyRepo.findSurvey(db, campaign.indicator.surveyId);
    const published = s ? await surveyRepo.latestPublishedVersion(db, s.id) : undefined;
    if (s && published) {
      const def = parseDefinition(published.definition);
      names.survey = { title_nb: def.title_nb, title_en: def.title_en, slug: s.slug };
      names.indicator = describe(def, campaign.indicator.questionId, campaign.indicator.answerCode);
    }
  }
  if (campaign.baselineWaveId)
    names.baselineWave = (await surveyRepo.findWave(db, campaign.baselineWaveId))?.name ?? null;
  if (campaign.followupWaveId) {
    const f = await waveDefinition(db, campaign.followupWaveId);
    names.followupWave = f?.wave.name ?? null;
    if (f && campaign.exposure)
      names.exposure = describe(f.definition, campaign.exposure.questionId, campaign.exposure.answerCode);
    const g = campaign.didGroup;
    const q = g && f?.definition ? allQuestions(f.definition).find((x) => x.id === g.questionId) : undefined;
    if (g && q) {
      const places = await placesOf(db);
      const comparison = g.comparison.length
        ? g.comparison
        : choiceCodes(q, places).filter((c) => !g.target.includes(c));
      const named = (codes: string[], locale: 'nb' | 'en') => codes.map((c) => optionLabel(q, c, places, locale));
      names.group = {
        question_nb: q.text_nb,
        question_en: q.text_en,
        target_nb: named(g.target, 'nb'),
        target_en: named(g.target, 'en'),
        comparison_nb: named(comparison, 'nb'),
        comparison_en: named(comparison, 'en'),
        rest: g.comparison.length === 0
      };
    }
  }
  const measures = campaign.measureIds.length
    ? await db
        .selectFrom('ap_measure')
        .select(['id', 'number', 'title'])
        .where('id', 'in', campaign.measureIds)
        .orderBy('number')
        .execute()
    : [];
  const sectors = currentChecklists()
    .filter((c) => campaign.sectors.includes(c.id))
    .map((c) => ({ id: c.id, title_nb: c.title.nb, title_en: c.title.en }));
  const activity = await campaignActivity(db, campaign);
  return { campaign, names, measures, sectors, activity };
}
