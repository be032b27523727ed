import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ZAssessmentForm, ZMeasureForm } from '../../schemas/actionplan';
import { seedActionPlan } from './actionplan.seed';
import {
  addAssessment,
  assessRecommendation,
  createMeasure,
  getMeasure,
  getPlan,
  listPlans,
  listRecommendations,
  updateMeasure
} from './actionplan.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
  editor = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(() => ctx.close());

const measureForm = (over: Record<string, string> = {}) =>
  ZMeasureForm.parse({ title: 'Informasjonskampanje rettet mot forbrukere', chainLink: 'prevention', ...over });

async function count(table: 'ap_measure' | 'ap_version' | 'ap_assessment') {
  const r = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n);
}

describe('the structure data from data/', () => {
  it('loads the four plans with their parts and sources, and GRETA’s recommendations', async () => {
    const plans = await listPlans(ctx.db);
    expect(plans.map((p) => p.slug)).toEqual(['2006-2009', '2011-2014', '2016', '2025-2030']);
    const p2016 = plans.find((p) => p.slug === '2016')!;
    expect(p2016.parts.map((p) => p.title)).toContain('Forbedre politiets organisering og innsats');
    expect(p2016.declaredMeasures).toBe(26);
    expect(p2016.sourceUrl).toMatch(/^https:\/\/www\.regjeringen\.no\//);
    const strategy = plans.find((p) => p.slug === '2025-2030')!;
    expect(strategy.kind).toBe('strategy');
    expect(strategy.parts).toHaveLength(4);
    expect(strategy.parts[1].goal).toMatch(/forebygging/);
    expect(plans.find((p) => p.slug === '2011-2014')!.parts).toHaveLength(9);
    const recs = await listRecommendations(ctx.db);
    expect(recs).toHaveLength(12);
    expect(recs.every((r) => r.sourceUrl.startsWith('http'))).toBe(true);
  });

  it('says the measures are not entered rather than pretending, and loads only what a source names', async () => {
    const { plan, measures } = await getPlan(ctx.db, '2025-2030');
    expect(measures).toHaveLength(0);
    expect(plan.scorecard.notEntered).toBe(true);
    expect(plan.scorecard.declared).toBe(18);
    const early = await getPlan(ctx.db, '2006-2009');
    expect(early.measures).toHaveLength(6);
    expect(early.measures.every((m) => m.sourceUrl.includes('regjeringen.no') && m.status === 'unknown')).toBe(true);
  });

  it('loading again changes nothing', async () => {
    const before = await count('ap_measure');
    await seedActionPlan(ctx.db);
    expect(await count('ap_measure')).toBe(before);
  });
});

describe('the editor workflow', () => {
  it('an editor enters a measure; the scorecard and the history show it', async () => {
    const { plan: p } = await getPlan(ctx.db, '2016');
    const { id } = await createMeasure(
      ctx.db,
      editor,
      '2016',
      measureForm({
        number: '7',
        partId: p.parts[2].id,
        deadline: '2018-12-31',
        budgetNok: '7 000 000',
        indicator: 'Andel som kjenner tegnene på menneskehandel',
        indicatorSeries: 'police_reports_trafficking',
        sdg_8_7: 'on',
        recommendations: 'R1-2 R2-4'
      })
    );
    const { plan, measures } = await getPlan(ctx.db, '2016', '2026-11-29');
    expect(plan.scorecard.notEntered).toBe(false);
    expect(plan.scorecard.overdue).toBe(1);
    expect(plan.scorecard.byChainLink.prevention).toMatchObject({ measures: 1, budgetNok: 7_000_000, budgetShare: 1 });
    expect(plan.scorecard.bySdg['8.7']).toEqual([id]);
    expect(measures[0]).toMatchObject({ number: '7', part: 3, recommendations: ['R1-2', 'R2-4'] });
    const detail = await getMeasure(ctx.db, id);
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ change: 'created', actor: 'A editor' });
    expect(detail.indicatorValue?.value).toEqual(expect.any(Number));
    const recs = await listRecommendations(ctx.db);
    expect(recs.find((r) => r.code === 'R2-4')!.measures.map((m) => m.id)).toEqual([id]);
  });

  it('an assessment with evidence sets the status, and a change is kept with before and after', async () => {
    const { id } = await createMeasure(ctx.db, editor, '2016', measureForm({ number: '8', deadline: '2019-06-30' }));
    await addAssessment(
      ctx.db,
      editor,
      id,
      ZAssessmentForm.parse({
        status: 'done',
        assessedOn: '2020-01-15',
        evidenceUrl: 'https://www.regjeringen.no/no/dokumenter/example/id1/',
        assessedBy: 'Justisdepartementet'
      })
    );
    await updateMeasure(ctx.db, editor, id, measureForm({ number: '8', deadline: '2019-12-31' }));
    const detail = await getMeasure(ctx.db, id, '2026-11-29');
    expect(detail.measure.status).toBe('done');
    expect(detail.measure.flags.overdue).toBe(false);
    expect(detail.assessments[0]).toMatchObject({ status: 'done', assessedBy: 'Justisdepartementet' });
    const change = detail.history.find((h) => h.change === 'updated')!;
    expect(change.fields).toEqual([{ field: 'deadline', before: '2019-06-30', after: '2019-12-31' }]);
    expect(detail.history.some((h) => h.entityType === 'assessment')).toBe(true);
  });

  it('refuses a deadline before the plan, a duplicate number, an unknown part or code — and stores nothing', async () => {
    const before = [await count('ap_measure'), await count('ap_version')];
    const early = await errorOf(createMeasure(ctx.db, editor, '2016', measureForm({ deadline: '2015-01-01' })));
    expect(early.fields).toEqual({ deadline: 'ap.error.deadlineBeforePlan' });
    const dup = await errorOf(createMeasure(ctx.db, editor, '2016', measureForm({ number: '7' })));
    expect(dup.fields).toEqual({ number: 'ap.error.duplicateNumber' });
    const { plan: other } = await getPlan(ctx.db, '2025-2030');
    const part = await errorOf(createMeasure(ctx.db, editor, '2016', measureForm({ partId: other.parts[0].id })));
    expect(part.fields).toEqual({ partId: 'ap.error.unknownPart' });
    const rec = await errorOf(createMeasure(ctx.db, editor, '2016', measureForm({ recommendations: 'R9-9' })));
    expect(rec.fields).toEqual({ recommendations: 'ap.error.unknownRecommendation' });
    const series = await errorOf(createMeasure(ctx.db, editor, '2016', measureForm({ indicatorSeries: 'no_such' })));
    expect(series.fields).toEqual({ indicatorSeries: 'ap.error.series' });
    expect([await count('ap_measure'), await count('ap_version')]).toEqual(before);
  });

  it('the form schema refuses a budget that is not a number and an unknown status', () => {
    expect(
      ZMeasureForm.safeParse({ title: 'x', chainLink: 'prevention', budgetNok: 'mye' }).error?.issues[0].message
    ).toBe('ap.error.budget');
    expect(
      ZAssessmentForm.safeParse({ status: 'finished', assessedOn: '2020-01-01', evidenceQuote: 'q', assessedBy: 'x' })
        .success
    ).toBe(false);
    expect(
      ZAssessmentForm.safeParse({ status: 'done', assessedOn: '2020-01-01', assessedBy: 'x' }).error?.issues[0].message
    ).toBe('ap.error.evidence');
  });

  it('only editors and administrators may edit', async () => {
    expect((await errorOf(createMeasure(ctx.db, analyst, '2016', measureForm()))).code).toBe('forbidden');
    expect((await errorOf(createMeasure(ctx.db, null, '2016', measureForm()))).code).toBe('unauthenticated');
    expect((await errorOf(createMeasure(ctx.db, admin, 'nope', measureForm()))).code).toBe('not_found');
  });

  it('an editor assesses a GRETA recommendation; the change is versioned', async () => {
    await assessRecommendation(ctx.db, editor, 'R1-3', { assessment: 'partly', evidence: 'Se tiltak 7.', theme: '' });
    const r = (await listRecommendations(ctx.db)).find((x) => x.code === 'R1-3')!;
    expect(r).toMatchObject({ assessment: 'partly', assessmentEvidence: 'Se tiltak 7.' });
    expect(
      (await errorOf(assessRecommendation(ctx.db, editor, 'X', { assessment: 'partly', evidence: '', theme: '' }))).code
    ).toBe('not_found');
  });
});
