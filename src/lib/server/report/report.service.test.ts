import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { changePassword } from '../auth/auth.service';
import { endSession } from '../auth/session.service';
import { createStaffUser, errorOf, setUpAdmin, TEST_PASSWORD } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ZReportSubmit, type TReportSubmit } from '../../schemas/report';
import { KDF_TEST } from './report.crypto';
import { rewrapUserKey, sessionOrgKey, unlockForSession } from './report.keys';
import {
  addRule,
  changeStatus,
  followUpReport,
  listInbox,
  messageReporter,
  openReport,
  planRoute,
  reporterReply,
  submitReport,
  type TCaseSession
} from './report.service';
import { createCaseHandler, createTestOrganisation, signIn } from './report.testing';

let ctx: AppContext;
let admin: TSessionUser;
let orgA: string;
let orgB: string;
let handlerA: TSessionUser;
let handlerB: TSessionUser;
let sessionA: TCaseSession;
let sessionB: TCaseSession;
const deps = () => ({ db: ctx.db, receiptCost: KDF_TEST });

const MARKER = 'MARKER-7f3a9c-unique-report-text';
const CONTACT = 'witness-contact-48213377@example.net';

function form(over: Record<string, string> = {}): TReportSubmit {
  return ZReportSubmit.parse({
    kind: 'labour_exploitation',
    text: `I saw ${MARKER}`,
    municipality: '0301',
    place: 'Behind the car wash',
    identity: 'contact',
    contact: CONTACT,
    ...over
  });
}

async function count(table: 'report' | 'report_recipient' | 'report_message'): Promise<number> {
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
  handlerA = await createCaseHandler(ctx, admin, orgA);
  handlerB = await createCaseHandler(ctx, admin, orgB);
  sessionA = await signIn(ctx, handlerA.id);
  sessionB = await signIn(ctx, handlerB.id);
});
afterAll(async () => ctx?.close());

describe('honest routing', () => {
  it('accepts nothing and stores nothing when no active organisation covers the report', async () => {
    expect(await submitReport(deps(), form())).toEqual({ kind: 'no_receiver' });
    expect(await count('report')).toBe(0);
  });

  it('does not route to an organisation whose case handlers have no keys', async () => {
    const orgC = await createTestOrganisation(ctx, admin, 'Org C without keys');
    await addRule(ctx.db, admin, { kind: 'child', scope: 'national', area: '', organisationId: orgC });
    expect((await planRoute(ctx.db, 'child', '0301')).route.level).toBe('none');
    expect(await submitReport(deps(), form({ kind: 'child' }))).toEqual({ kind: 'no_receiver' });
  });

  it('routes by the most specific rule and tells which organisation receives it', async () => {
    await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: orgA });
    await addRule(ctx.db, admin, {
      kind: 'labour_exploitation',
      scope: 'municipality',
      area: '0301',
      organisationId: orgB
    });
    const oslo = await planRoute(ctx.db, 'labour_exploitation', '0301');
    expect(oslo.organisations.map((o) => o.name)).toEqual(['Org B']);
    const bergen = await planRoute(ctx.db, 'labour_exploitation', '4601');
    expect(bergen.organisations.map((o) => o.name)).toEqual(['Org A']);
  });

  it('only administrators manage rules, and rules must name a real area', async () => {
    const analyst = await createStaffUser(ctx, admin, 'analyst');
    expect(
      (await errorOf(addRule(ctx.db, analyst, { kind: 'other', scope: 'national', area: '', organisationId: orgA })))
        .code
    ).toBe('forbidden');
    expect(
      (await errorOf(addRule(ctx.db, admin, { kind: 'other', scope: 'county', area: '99', organisationId: orgA })))
        .fields
    ).toEqual({ area: 'report.error.unknownArea' });
  });
});

describe('a report from submission to answer', () => {
  let receipt: string;
  let reportId: string;

  it('refuses a bot that fills the honeypot, storing nothing', async () => {
    const before = await count('report');
    expect((await errorOf(submitReport(deps(), form({ homepage: 'http://spam' })))).code).toBe('bad_request');
    expect(await count('report')).toBe(before);
  });

  it('refuses indicators that are not in the checklist', async () => {
    expect((await errorOf(submitReport(deps(), form({ indicators: 'no-such-sign' })))).fields).toEqual({
      indicators: 'report.error.indicator'
    });
  });

  it('sends the report to the routed organisation and gives a receipt once', async () => {
    const out = await submitReport(deps(), form());
    expect(out.kind).toBe('sent');
    if (out.kind !== 'sent') return;
    expect(out.organisations.map((o) => o.name)).toEqual(['Org B']);
    expect(out.receipt).toMatch(/^\d{4}( \d{4}){4}$/);
    receipt = out.receipt;
    const rows = await ctx.db.selectFrom('report').selectAll().execute();
    expect(rows).toHaveLength(1);
    reportId = rows[0].id;
    expect(rows[0].received_on).toMatch(/T00:00:00\.000Z$/);
    expect(JSON.stringify(rows)).not.toContain(MARKER);
  });

  it('lets the reporter follow up with the receipt, typed with or without spaces', async () => {
    const view = await followUpReport(deps(), receipt.replace(/ /g, ''));
    expect(view.status).toBe('new');
    expect(view.messages).toEqual([]);
  });

  it('answers every wrong receipt the same way', async () => {
    const wrong = receipt.slice(0, -1) + (receipt.endsWith('1') ? '2' : '1');
    const a = await errorOf(followUpReport(deps(), wrong));
    const b = await errorOf(followUpReport(deps(), 'not a receipt'));
    expect(a.code).toBe('not_found');
    expect([a.message, a.fields]).toEqual([b.message, b.fields]);
  });

  it('shows the report only in the receiving organisation’s inbox, with routing fields only', async () => {
    const inboxB = await listInbox(deps(), handlerB, sessionB, orgB);
    expect(inboxB.hasKey).toBe(true);
    expect(inboxB.rows).toEqual([
      expect.objectContaining({ id: reportId, kind: 'labour_exploitation', municipality: 'Oslo-Oslove', status: 'new' })
    ]);
    expect((await listInbox(deps(), handlerA, sessionA, orgA)).rows).toEqual([]);
    expect((await errorOf(listInbox(deps(), handlerA, sessionA, orgB))).code).toBe('not_found');
  });

  it('decrypts the report for the receiving case handler and audits the opening', async () => {
    const view = await openReport(deps(), handlerB, sessionB, reportId);
    expect(view.content.text).toContain(MARKER);
    expect(view.content.contact).toBe(CONTACT);
    expect(view.content.place).toBe('Behind the car wash');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.opened')
      .where('target_id', '=', reportId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(handlerB.id);
  });

  it('gives 404 to another organisation’s case handler, an analyst, an editor and an admin', async () => {
    expect((await errorOf(openReport(deps(), handlerA, sessionA, reportId))).code).toBe('not_found');
    for (const role of ['analyst', 'editor'] as const) {
      const staff = await createStaffUser(ctx, admin, role);
      expect((await errorOf(openReport(deps(), staff, sessionA, reportId))).code).toBe('not_found');
    }
    expect((await errorOf(openReport(deps(), admin, sessionA, reportId))).code).toBe('not_found');
    expect((await errorOf(openReport(deps(), null, sessionA, reportId))).code).toBe('unauthenticated');
  });

  it('carries messages both ways, encrypted, and counts unread answers', async () => {
    await messageReporter(deps(), handlerB, sessionB, reportId, 'Can you tell us what time of day?');
    const view = await followUpReport(deps(), receipt);
    expect(view.messages).toEqual([
      expect.objectContaining({ author: 'organisation', body: 'Can you tell us what time of day?' })
    ]);
    await reporterReply(deps(), receipt, `Evenings ${MARKER}`);
    expect((await listInbox(deps(), handlerB, sessionB, orgB)).rows[0].unread).toBe(1);
    const opened = await openReport(deps(), handlerB, sessionB, reportId);
    expect(opened.messages.map((m) => m.author)).toEqual(['organisation', 'reporter']);
    expect(opened.messages[1].body).toBe(`Evenings ${MARKER}`);
    expect((await listInbox(deps(), handlerB, sessionB, orgB)).rows[0].unread).toBe(0);
    const raw = await ctx.db.selectFrom('report_message').select('body').execute();
    expect(JSON.stringify(raw)).not.toContain('time of day');
  });

  it('changes status with an encrypted note the reporter never sees', async () => {
    await changeStatus(deps(), handlerB, sessionB, reportId, {
      status: 'forwarded',
      note: 'Passed to police district Oslo'
    });
    const view = await openReport(deps(), handlerB, sessionB, reportId);
    expect(view.status).toBe('forwarded');
    expect(view.events).toEqual([
      expect.objectContaining({ status: 'forwarded', note: 'Passed to police district Oslo' })
    ]);
    expect((await followUpReport(deps(), receipt)).status).toBe('forwarded');
    const raw = await ctx.db.selectFrom('report_event').select('note').execute();
    expect(JSON.stringify(raw)).not.toContain('police district');
  });

  it('leaves no marker, contact or receipt anywhere in the stored data (at-rest scan)', async () => {
    const digits = receipt.replace(/ /g, '');
    const tables = [
      'report',
      'report_recipient',
      'report_message',
      'report_event',
      'audit_log',
      'app_secret',
      'report_session_key'
    ] as const;
    let dump = '';
    for (const t of tables) dump += JSON.stringify(await ctx.db.selectFrom(t).selectAll().execute());
    for (const needle of [MARKER, CONTACT, digits, receipt, 'Behind the car wash']) expect(dump).not.toContain(needle);
    const url = ctx.config.DATABASE_URL;
    if (url.startsWith('sqlite:')) {
      const file = url.slice('sqlite:'.length);
      for (const path of [file, `${file}-wal`]) {
        if (!existsSync(path)) continue;
        const bytes = readFileSync(path);
        for (const needle of [MARKER, CONTACT, digits, 'Behind the car wash']) {
          expect(bytes.includes(Buffer.from(needle))).toBe(false);
        }
      }
    }
  });

  it('ends decryption with the session, and refuses another cookie', async () => {
    const s = await signIn(ctx, handlerB.id);
    expect(await sessionOrgKey(ctx.db, s, orgB)).not.toBeNull();
    expect(await sessionOrgKey(ctx.db, { ...s, sessionToken: sessionA.sessionToken }, orgB)).toBeNull();
    await endSession(ctx.db, s.sessionId);
    expect(await sessionOrgKey(ctx.db, s, orgB)).toBeNull();
    expect((await errorOf(openReport(deps(), handlerB, s, reportId))).code).toBe('forbidden');
  });
});

describe('keys of members', () => {
  it('grants the organisation key to a new colleague when a key holder opens the inbox', async () => {
    const second = await createCaseHandler(ctx, admin, orgB);
    const before = await signIn(ctx, second.id);
    expect(await sessionOrgKey(ctx.db, before, orgB)).toBeNull();
    await listInbox(deps(), handlerB, sessionB, orgB);
    const after = await signIn(ctx, second.id);
    expect(await sessionOrgKey(ctx.db, after, orgB)).not.toBeNull();
  });

  it('re-wraps the member key at a password change: the new password unlocks, the old does not', async () => {
    const newPassword = 'another long password 123';
    await rewrapUserKey(ctx.db, handlerA.id, TEST_PASSWORD, newPassword, KDF_TEST);
    const s = await signIn(ctx, handlerA.id, newPassword);
    expect(await sessionOrgKey(ctx.db, s, orgA)).not.toBeNull();
    const old = await signIn(ctx, handlerA.id, TEST_PASSWORD);
    expect(await sessionOrgKey(ctx.db, old, orgA)).toBeNull();
    expect(
      await unlockForSession(
        ctx.db,
        { userId: handlerA.id, password: newPassword, sessionId: old.sessionId, sessionToken: old.sessionToken! },
        KDF_TEST
      )
    ).toEqual([orgA]);
  });

  it('keeps the reports readable after a password change through the account page’s service', async () => {
    const third = await createCaseHandler(ctx, admin, orgB);
    const s = await signIn(ctx, third.id); // makes their key pair
    await listInbox(deps(), handlerB, sessionB, orgB); // grants them the organisation key
    await changePassword(ctx, third.id, s.sessionId, {
      currentPassword: TEST_PASSWORD,
      password: 'a brand new password 42'
    });
    const after = await signIn(ctx, third.id, 'a brand new password 42');
    expect(await sessionOrgKey(ctx.db, after, orgB)).not.toBeNull();
  });
});
