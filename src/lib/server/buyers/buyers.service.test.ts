import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssessmentAnswers } from '../../buyers/assessment';
import { ZAssessmentForm, ZCheckRecordForm, ZPlanForm } from '../../schemas/buyers';
import { createOrganisation } from '../admin/admin.service';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import {
  buyersSummary,
  checkDashboard,
  createAssessmentLink,
  createPlan,
  getPlan,
  listAssessments,
  listChecks,
  listPlans,
  openAssessment,
  planHistory,
  recordCheck,
  scheduleCheck,
  submitAssessment
} from './buyers.service';

let ctx: AppContext;
let buyerA: TSessionUser;
let buyerB: TSessionUser;
const now = new Date('2027-03-01T10:00:00Z');

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  const a = await createOrganisation(ctx.db, admin, { name: 'Testvik kommune', kind: 'municipality', orgNumber: '' });
  const b = await createOrganisation(ctx.db, admin, { name: 'Annen kommune', kind: 'municipality', orgNumber: '' });
  // Members of one organisation each (the same person's id, so the audit log names a real user).
  buyerA = { ...admin, roles: ['editor'], memberships: [{ organisationId: a.id, role: 'editor' }] };
  buyerB = { ...admin, roles: ['editor'], memberships: [{ organisationId: b.id, role: 'editor' }] };
});
afterAll(async () => ctx.close());

const planInput = (organisationId: string, title = 'Renhold skoler 2027') =>
  ZPlanForm.parse({
    organisationId,
    title,
    buyerType: 'municipal',
    sector: 'cleaning',
    contractType: 'service',
    value: '3 mill.',
    supplierName: 'Rent AS',
    supplierOrgNumber: '974 760 673'
  });

const answers: TAssessmentAnswers = ZAssessmentForm.parse({
  workers: '12',
  subcontractorTiers: '3+',
  payMethod: 'mixed',
  tariffPay: 'yes',
  pension: 'yes',
  hmsCards: 'all',
  housing: 'none',
  recruitmentFees: 'yes',
  ownDocuments: 'yes',
  comment: ''
});

describe('plans', () => {
  it('a member saves a plan; only its organisation sees it, others get 404', async () => {
    const { id } = await createPlan(ctx.db, buyerA, planInput(buyerA.memberships[0].organisationId), now);
    const plan = await getPlan(ctx.db, buyerA, id);
    expect(plan).toMatchObject({ title: 'Renhold skoler 2027', value: 3_000_000, supplierOrgNumber: '974760673' });
    expect((await listPlans(ctx.db, buyerA)).map((p) => p.id)).toContain(id);
    expect((await listPlans(ctx.db, buyerB)).map((p) => p.id)).not.toContain(id);
    expect((await errorOf(getPlan(ctx.db, buyerB, id))).status).toBe(404);
    expect(
      (await errorOf(scheduleCheck(ctx.db, buyerB, id, { kind: 'site-visits', dueOn: '2027-03-10' }))).status
    ).toBe(404);
  });

  it('nobody saves a plan for an organisation they are not a member of, and nothing is stored', async () => {
    const before = (await listPlans(ctx.db, buyerB)).length;
    const e = await errorOf(
      createPlan(ctx.db, buyerA, planInput(buyerB.memberships[0].organisationId, 'Not mine'), now)
    );
    expect(e.status).toBe(403);
    expect((await listPlans(ctx.db, buyerB)).length).toBe(before);
  });
});

describe('follow-up checks', () => {
  it('schedules checks, shows overdue and upcoming, records outcomes with history', async () => {
    const { id } = await createPlan(
      ctx.db,
      buyerA,
      planInput(buyerA.memberships[0].organisationId, 'Vask rådhus'),
      now
    );
    const late = await scheduleCheck(ctx.db, buyerA, id, { kind: 'id-cards', dueOn: '2027-02-20' }, now);
    const soon = await scheduleCheck(ctx.db, buyerA, id, { kind: 'pay-records', dueOn: '2027-03-15' }, now);
    await scheduleCheck(ctx.db, buyerA, id, { kind: 'site-visits', dueOn: '2027-12-01' }, now);

    let dash = await checkDashboard(ctx.db, buyerA, now);
    expect(dash.overdue.map((c) => c.id)).toContain(late.id);
    expect(dash.upcoming.map((c) => c.id)).toContain(soon.id);
    expect(dash.upcoming.every((c) => c.dueOn <= '2027-04-30')).toBe(true);
    expect((await checkDashboard(ctx.db, buyerB, now)).overdue).toEqual([]);

    const finding = ZCheckRecordForm.parse({
      checkId: late.id,
      outcome: 'finding',
      findingType: 'hms_card',
      note: 'To av seks uten HMS-kort.'
    });
    await recordCheck(ctx.db, buyerA, id, finding, now);
    dash = await checkDashboard(ctx.db, buyerA, now);
    expect(dash.overdue.map((c) => c.id)).not.toContain(late.id);
    const checks = await listChecks(ctx.db, id);
    expect(checks.find((c) => c.id === late.id)).toMatchObject({ outcome: 'finding', findingType: 'hms_card' });

    // A check of another plan cannot be recorded through this one.
    const other = await createPlan(ctx.db, buyerA, planInput(buyerA.memberships[0].organisationId, 'Annen'), now);
    const e = await errorOf(recordCheck(ctx.db, buyerA, other.id, { ...finding, checkId: soon.id }, now));
    expect(e.status).toBe(404);

    const history = await planHistory(ctx.db, id);
    expect(history.map((h) => h.action)).toEqual([
      'buyers.check.record',
      'buyers.check.schedule',
      'buyers.check.schedule',
      'buyers.check.schedule',
      'buyers.plan.create'
    ]);
  });

  it('a finding needs its type', () => {
    const r = ZCheckRecordForm.safeParse({ checkId: crypto.randomUUID(), outcome: 'finding', findingType: '' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['findingType'], message: 'buyers.error.findingType' });
  });
});

describe('supplier self-assessment', () => {
  it('a one-time link opens, takes the answers once, and the buyer sees them with red flags', async () => {
    const { id } = await createPlan(ctx.db, buyerA, planInput(buyerA.memberships[0].organisationId, 'Kantine'), now);
    const { token } = await createAssessmentLink(ctx, buyerA, id, now);
    expect(await openAssessment(ctx, token, now)).toMatchObject({
      buyerName: 'Testvik kommune',
      contractTitle: 'Kantine'
    });
    await submitAssessment(ctx, token, answers, now);
    // Sent twice: refused, and the first answers stay.
    expect((await errorOf(submitAssessment(ctx, token, { ...answers, payMethod: 'bank' }, now))).status).toBe(409);
    expect((await errorOf(openAssessment(ctx, token, now))).status).toBe(409);
    const [a] = await listAssessments(ctx.db, id, now);
    expect(a.status).toBe('answered');
    expect(a.answers?.payMethod).toBe('mixed');
    expect(a.flags.map((f) => f.id)).toEqual(['chain-too-long', 'cash-wages', 'recruitment-fees']);
  });

  it('an expired or unknown link stores nothing', async () => {
    const { id } = await createPlan(ctx.db, buyerA, planInput(buyerA.memberships[0].organisationId, 'Gammel'), now);
    const { token } = await createAssessmentLink(ctx, buyerA, id, now);
    const later = new Date(now.getTime() + 15 * 86_400_000);
    expect((await errorOf(submitAssessment(ctx, token, answers, later))).status).toBe(410);
    expect((await listAssessments(ctx.db, id, later))[0]).toMatchObject({ status: 'expired', answers: null });
    expect((await errorOf(openAssessment(ctx, 'x'.repeat(43), now))).status).toBe(404);
    expect((await errorOf(openAssessment(ctx, 'nope', now))).status).toBe(404);
  });

  it('another organisation cannot make links for the plan', async () => {
    const { id } = await createPlan(ctx.db, buyerA, planInput(buyerA.memberships[0].organisationId, 'Privat'), now);
    expect((await errorOf(createAssessmentLink(ctx, buyerB, id, now))).status).toBe(404);
  });
});

describe('summary', () => {
  it('counts plans by sector and findings by type, suppressing counts under 5', async () => {
    const s = await buyersSummary(ctx.db);
    const cleaning = s.plansBySector.find((r) => r.sector === 'cleaning');
    expect(cleaning?.plans).toEqual({ suppressed: false, count: 6 });
    expect(s.findingsByType).toEqual([
      { findingType: 'hms_card', findings: { suppressed: true, count: null, lessThan: 5 } }
    ]);
  });
});
