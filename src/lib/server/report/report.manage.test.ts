import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import {
  ZRecoveryUseForm,
  ZReportSubmit,
  ZRetentionForm,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS
} from '../../schemas/report';
import { KDF_TEST, recoveryWrapKey } from './report.crypto';
import {
  createRecoveryKey,
  forwardReport,
  forwardTargets,
  grantWithRecoveryKey,
  orgKeySettings,
  recoveryOverview,
  updateRetention
} from './report.manage';
import {
  addRule,
  followUpReport,
  listInbox,
  openReport,
  reporterReply,
  submitReport,
  type TCaseSession
} from './report.service';
import { createCaseHandler, createTestOrganisation, signIn } from './report.testing';

let ctx: AppContext;
let admin: TSessionUser;
let orgA: string;
let orgB: string;
let orgC: string;
let handlerA: TSessionUser;
let handlerB: TSessionUser;
let sessionA: TCaseSession;
let sessionB: TCaseSession;
const deps = () => ({ db: ctx.db, receiptCost: KDF_TEST });

async function submit(over: Record<string, string> = {}) {
  const out = await submitReport(
    deps(),
    ZReportSubmit.parse({
      kind: 'labour_exploitation',
      text: 'What I saw',
      municipality: '0301',
      place: '',
      identity: 'anonymous',
      contact: '',
      ...over
    })
  );
  if (out.kind !== 'sent') throw new Error('not sent');
  return out.receipt;
}

/** The id of the report with this text in the organisation's inbox (rows of one day are in id order). */
async function reportIdOf(orgId: string, session: TCaseSession, user: TSessionUser, text: string): Promise<string> {
  for (const r of (await listInbox(deps(), user, session, orgId)).rows) {
    if ((await openReport(deps(), user, session, r.id)).content.text === text) return r.id;
  }
  throw new Error(`no report "${text}"`);
}

async function rows(table: 'report_recipient' | 'report_forward' | 'report_org_grant' | 'report_org_recovery') {
  const r = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
  orgA = await createTestOrganisation(ctx, admin, 'Org A');
  orgB = await createTestOrganisation(ctx, admin, 'Org B');
  orgC = await createTestOrganisation(ctx, admin, 'Org C');
  handlerA = await createCaseHandler(ctx, admin, orgA);
  handlerB = await createCaseHandler(ctx, admin, orgB);
  sessionA = await signIn(ctx, handlerA.id);
  sessionB = await signIn(ctx, handlerB.id);
  await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: orgA });
});
afterAll(async () => ctx?.close());

describe('indicators without a hand-off', () => {
  it('accepts any checklist indicator without a sector, and refuses an unknown one with a field message', async () => {
    const receipt = await submit({ indicators: 'fearful-workers,no-hms-card' });
    expect(receipt).toMatch(/^\d{4}( \d{4}){4}$/);
    const bad = await errorOf(submit({ indicators: 'not-a-sign' }));
    expect(bad.fields).toEqual({ indicators: 'report.error.indicator' });
  });
});

describe('forwarding a report to another organisation', () => {
  it('offers only active inboxes that do not have the report, and refuses any other target', async () => {
    const receipt = await submit({ text: 'Targets' });
    const id = await reportIdOf(orgA, sessionA, handlerA, 'Targets');
    const targets = await forwardTargets(deps(), handlerA, sessionA, id);
    // Org C has no case handler with keys, and Org A already has the report.
    expect(targets.map((t) => t.name)).toEqual(['Org B']);
    for (const organisationId of [orgA, orgC, '00000000-0000-4000-8000-000000000000']) {
      const e = await errorOf(forwardReport(deps(), handlerA, sessionA, id, { organisationId, access: 'keep' }));
      expect(e.fields).toEqual({ organisationId: 'report.forward.error.target' });
    }
    expect(await rows('report_forward')).toBe(0);
    // Org B's case handler cannot forward a report it does not have.
    expect(
      (await errorOf(forwardReport(deps(), handlerB, sessionB, id, { organisationId: orgC, access: 'keep' }))).code
    ).toBe('not_found');
    expect((await followUpReport(deps(), receipt)).forwards).toEqual([]);
  });

  it('keeping access: both organisations open it; the reporter sees "forwarded to" and can still answer', async () => {
    const receipt = await submit({ text: 'Forward and keep' });
    const id = await reportIdOf(orgA, sessionA, handlerA, 'Forward and keep');
    expect(await forwardReport(deps(), handlerA, sessionA, id, { organisationId: orgB, access: 'keep' })).toEqual({
      kept: true
    });
    expect((await openReport(deps(), handlerB, sessionB, id)).content.text).toBe('Forward and keep');
    expect((await openReport(deps(), handlerA, sessionA, id)).content.text).toBe('Forward and keep');
    const view = await followUpReport(deps(), receipt);
    expect(view.forwards).toEqual([{ to: 'Org B', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    await reporterReply(deps(), receipt, 'An answer after forwarding');
    expect((await openReport(deps(), handlerB, sessionB, id)).messages.map((m) => m.body)).toEqual([
      'An answer after forwarding'
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'report.forwarded')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('giving up access: the first organisation gets 404 afterwards, the new one reads it', async () => {
    const receipt = await submit({ text: 'Forward and drop' });
    const id = await reportIdOf(orgA, sessionA, handlerA, 'Forward and drop');
    expect(await forwardReport(deps(), handlerA, sessionA, id, { organisationId: orgB, access: 'drop' })).toEqual({
      kept: false
    });
    expect((await errorOf(openReport(deps(), handlerA, sessionA, id))).code).toBe('not_found');
    expect((await listInbox(deps(), handlerA, sessionA, orgA)).rows.map((r) => r.id)).not.toContain(id);
    expect((await openReport(deps(), handlerB, sessionB, id)).content.text).toBe('Forward and drop');
    expect((await followUpReport(deps(), receipt)).forwards.map((f) => f.to)).toEqual(['Org B']);
  });
});

describe('retention settings', () => {
  it('a key holder changes them; they are audited and shown', async () => {
    await updateRetention(ctx.db, handlerA, sessionA, orgA, { closedRetentionDays: 30, reporterRetentionDays: 60 });
    const s = await orgKeySettings(ctx.db, handlerA, sessionA, orgA);
    expect(s).toMatchObject({ hasKey: true, closedRetentionDays: 30, reporterRetentionDays: 60 });
  });

  it('nobody else may: another organisation, a session without the key', async () => {
    const other = await errorOf(
      updateRetention(ctx.db, handlerB, sessionB, orgA, { closedRetentionDays: 8, reporterRetentionDays: 8 })
    );
    expect(other.code).toBe('not_found');
    const noKey = await errorOf(
      updateRetention(ctx.db, handlerA, { sessionId: sessionA.sessionId, sessionToken: 'wrong' }, orgA, {
        closedRetentionDays: 8,
        reporterRetentionDays: 8
      })
    );
    expect(noKey.code).toBe('forbidden');
    expect((await orgKeySettings(ctx.db, handlerA, sessionA, orgA)).closedRetentionDays).toBe(30);
  });

  it('the form refuses days outside the bounds, and text, with a field message', () => {
    const base = { organisationId: orgA, closedRetentionDays: '90', reporterRetentionDays: '180' };
    expect(ZRetentionForm.safeParse(base).success).toBe(true);
    for (const bad of [String(RETENTION_MIN_DAYS - 1), String(RETENTION_MAX_DAYS + 1), '', 'ten', '1.5', '-3']) {
      const r = ZRetentionForm.safeParse({ ...base, closedRetentionDays: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({
        path: ['closedRetentionDays'],
        message: 'report.retention.error.days'
      });
    }
  });
});

describe('recovery keys', () => {
  it('a recovery key lets an administrator give the key to a new case handler, after which they read reports', async () => {
    const key = await createRecoveryKey(ctx.db, handlerA, sessionA, orgA);
    expect(key).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
    expect(recoveryWrapKey(key.toLowerCase().replace(/ /g, '-'))).toEqual(recoveryWrapKey(key));
    // Nothing stored contains the key itself.
    const stored = await ctx.db.selectFrom('report_org_recovery').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key.replace(/ /g, '').slice(0, 16));

    await submit({ text: 'Read after recovery' });
    // A new case handler: they have a key pair after their first login, but nobody grants them the key
    // (every old key holder is gone: their grants deleted).
    const fresh = await createCaseHandler(ctx, admin, orgA);
    await signIn(ctx, fresh.id);
    await ctx.db.deleteFrom('report_org_grant').where('organisation_id', '=', orgA).execute();
    const before = await signIn(ctx, fresh.id);
    expect((await listInbox(deps(), fresh, before, orgA)).hasKey).toBe(false);

    const overview = await recoveryOverview(ctx.db, admin);
    expect(overview.find((o) => o.id === orgA)?.caseHandlers.map((c) => c.id)).toContain(fresh.id);
    await grantWithRecoveryKey(ctx.db, admin, { organisationId: orgA, userId: fresh.id, recoveryKey: key });
    const after = await signIn(ctx, fresh.id);
    expect((await listInbox(deps(), fresh, after, orgA)).hasKey).toBe(true);
    const id = await reportIdOf(orgA, after, fresh, 'Read after recovery');
    expect((await openReport(deps(), fresh, after, id)).content.text).toBe('Read after recovery');
    const used = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['report.recovery_key_created', 'report.recovery_key_used'])
      .execute();
    expect(used.map((u) => u.action).sort()).toEqual(['report.recovery_key_created', 'report.recovery_key_used']);
  });

  it('a wrong or malformed recovery key is a field error and stores nothing', async () => {
    const fresh = await createCaseHandler(ctx, admin, orgA);
    await signIn(ctx, fresh.id);
    const grants = await rows('report_org_grant');
    const wrongKey = 'ABCD '.repeat(13).trim();
    for (const recoveryKey of [wrongKey, 'not a key', 'A'.repeat(200), '']) {
      const e = await errorOf(
        grantWithRecoveryKey(ctx.db, admin, { organisationId: orgA, userId: fresh.id, recoveryKey })
      );
      expect(e.code).toBe('validation');
      expect(e.fields).toEqual({ recoveryKey: 'report.recovery.error.wrong' });
    }
    expect(await rows('report_org_grant')).toBe(grants);
    expect(ZRecoveryUseForm.safeParse({ organisationId: orgA, userId: fresh.id, recoveryKey: '' }).success).toBe(false);
  });

  it('a new key replaces the old one; only administrators use keys; organisations without one are refused', async () => {
    const old = await createRecoveryKey(ctx.db, handlerB, sessionB, orgB);
    const replaced = await createRecoveryKey(ctx.db, handlerB, sessionB, orgB);
    expect(replaced).not.toBe(old);
    const e = await errorOf(
      grantWithRecoveryKey(ctx.db, admin, { organisationId: orgB, userId: handlerB.id, recoveryKey: old })
    );
    expect(e.fields).toEqual({ recoveryKey: 'report.recovery.error.wrong' });
    await grantWithRecoveryKey(ctx.db, admin, { organisationId: orgB, userId: handlerB.id, recoveryKey: replaced });
    expect(
      (
        await errorOf(
          grantWithRecoveryKey(handlerB as never, handlerB, {
            organisationId: orgB,
            userId: handlerB.id,
            recoveryKey: replaced
          })
        )
      ).code
    ).toBe('forbidden');
    expect(
      (
        await errorOf(
          grantWithRecoveryKey(ctx.db, admin, { organisationId: orgC, userId: handlerB.id, recoveryKey: old })
        )
      ).fields
    ).toEqual({ organisationId: 'report.recovery.error.none' });
    // A member of another organisation cannot be given the key.
    expect(
      (
        await errorOf(
          grantWithRecoveryKey(ctx.db, admin, { organisationId: orgB, userId: handlerA.id, recoveryKey: replaced })
        )
      ).fields
    ).toEqual({ userId: 'report.recovery.error.member' });
    // Making a key needs the organisation's key in the session.
    expect((await errorOf(createRecoveryKey(ctx.db, handlerA, { sessionId: 'x', sessionToken: 'y' }, orgA))).code).toBe(
      'forbidden'
    );
    expect((await errorOf(createRecoveryKey(ctx.db, handlerA, sessionA, orgB))).code).toBe('not_found');
  });
});
