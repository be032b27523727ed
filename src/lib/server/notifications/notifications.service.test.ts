import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { loadConfig } from '../config';
import { createPlan, scheduleCheck } from '../buyers/buyers.service';
import { createMeasure } from '../actionplan/actionplan.service';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { KDF_TEST } from '../report/report.crypto';
import { addRule, reporterReply, submitReport } from '../report/report.service';
import { createCaseHandler, createTestOrganisation, signIn } from '../report/report.testing';
import { ZReportSubmit } from '../../schemas/report';
import { ZMeasureForm } from '../../schemas/actionplan';
import { ZPlanForm } from '../../schemas/buyers';
import { addDays } from './notifications.core';
import { detectDueEvents } from './notifications.detect';
import { runNotificationJobs } from './notifications.jobs';
import { createMailer, type TMailer } from './notifications.mail';
import {
  applyUnsubscribe,
  checkUnsubscribe,
  CLAIM_MS,
  listNotifications,
  notify,
  openNotification,
  preferenceOf,
  queueMail,
  savePreferences,
  sendDueMail,
  unreadCount
} from './notifications.service';
import { startSmtpSink, type TSmtpSink } from './smtp-sink.testing';

let ctx: AppContext;
let sink: TSmtpSink;
let mailer: TMailer;
let admin: TSessionUser;
let orgA: string;
let orgB: string;
let handlerA: TSessionUser;
let handlerB: TSessionUser;
let editor: TSessionUser;

const MARKERS = {
  text: 'MARKER-TEXT-5c1e0b',
  place: 'MARKER-PLACE-Bak-vaskehallen',
  contact: 'marker-contact-90311@example.net',
  organisation: 'MARKER-ORG-Hjelpesenteret',
  handler: 'A case handler',
  municipality: 'Oslo'
};

/** The body as the recipient reads it: quoted-printable soft breaks and escapes undone. */
function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes = Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1'
  );
  return bytes.toString('utf8');
}

async function mailsTo(email: string) {
  return sink.mails.filter((m) => m.to.includes(email));
}

async function emailOf(user: TSessionUser) {
  return user.email;
}

beforeAll(async () => {
  ctx = await openTestApp();
  sink = await startSmtpSink();
  mailer = createMailer(
    loadConfig({
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://forebygg.example',
      MAIL_FROM: 'Forebygg <varsel@forebygg.example>'
    })
  );
  ({ admin } = await setUpAdmin(ctx));
  orgA = await createTestOrganisation(ctx, admin, MARKERS.organisation);
  orgB = await createTestOrganisation(ctx, admin, 'Org B');
  handlerA = await createCaseHandler(ctx, admin, orgA);
  handlerB = await createCaseHandler(ctx, admin, orgB);
  await signIn(ctx, handlerA.id);
  await signIn(ctx, handlerB.id);
  await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: orgA });
  editor = await createStaffUser(ctx, admin, 'editor');
});
afterAll(async () => {
  await sink?.close();
  await ctx?.close();
});
beforeEach(() => {
  sink.refuseNext = 0;
});

function reportForm() {
  return ZReportSubmit.parse({
    kind: 'labour_exploitation',
    text: `I saw ${MARKERS.text}`,
    municipality: '0301',
    place: MARKERS.place,
    identity: 'contact',
    contact: MARKERS.contact
  });
}

describe('events recorded by the modules', () => {
  let receipt: string;

  it('a new report notifies the receiving organisation’s case handlers only, and e-mails them without content', async () => {
    const out = await submitReport({ db: ctx.db, receiptCost: KDF_TEST }, reportForm());
    if (out.kind !== 'sent') throw new Error('not sent');
    receipt = out.receipt;
    const listA = await listNotifications(ctx.db, handlerA);
    expect(listA.map((n) => n.kind)).toEqual(['report.new']);
    expect(await listNotifications(ctx.db, handlerB)).toEqual([]);
    expect(await unreadCount(ctx.db, handlerA.id)).toBe(1);
    // Reporters' times are kept to the day.
    expect(listA[0].createdAt).toMatch(/T00:00:00/);

    await runNotificationJobs(ctx.db, mailer);
    const mails = await mailsTo(await emailOf(handlerA));
    expect(mails).toHaveLength(1);
    const body = decoded(mails[0].raw);
    for (const marker of Object.values(MARKERS)) expect(body).not.toContain(marker);
    expect(body).toContain(`https://forebygg.example/admin/notifications/${listA[0].id}`);
    expect(body).toContain('https://forebygg.example/notifications/unsubscribe?token=');
    expect(await mailsTo(await emailOf(handlerB))).toHaveLength(0);
  });

  it('a reporter’s message notifies the case handlers, once per message', async () => {
    await reporterReply({ db: ctx.db, receiptCost: KDF_TEST }, receipt, `More: ${MARKERS.text}`);
    const kinds = (await listNotifications(ctx.db, handlerA)).map((n) => n.kind).sort();
    expect(kinds).toEqual(['report.message', 'report.new']);
    await runNotificationJobs(ctx.db, mailer);
    const mails = await mailsTo(handlerA.email);
    expect(mails).toHaveLength(2);
    for (const m of mails) for (const marker of Object.values(MARKERS)) expect(decoded(m.raw)).not.toContain(marker);
    // A rerun sends nothing again.
    await runNotificationJobs(ctx.db, mailer);
    expect(await mailsTo(handlerA.email)).toHaveLength(2);
  });

  it('opening a notification marks it read and leads to the case', async () => {
    const [first] = await listNotifications(ctx.db, handlerA);
    const before = await unreadCount(ctx.db, handlerA.id);
    const { link } = await openNotification(ctx.db, handlerA, first.id);
    expect(link).toMatch(/^\/admin\/inbox\/[0-9a-f-]{36}$/);
    expect(await unreadCount(ctx.db, handlerA.id)).toBe(before - 1);
    // Another user cannot open it.
    await expect(openNotification(ctx.db, handlerB, first.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a closed report near its retention deadline notifies the case handlers once', async () => {
    const report = await ctx.db.selectFrom('report').select('id').executeTakeFirstOrThrow();
    const now = new Date();
    // Closed 85 days ago: deleted in 5 days under the default 90.
    await ctx.db
      .updateTable('report')
      .set({ status: 'closed', closed_at: new Date(now.getTime() - 85 * 86_400_000).toISOString() })
      .where('id', '=', report.id)
      .execute();
    await detectDueEvents(ctx.db, now);
    await detectDueEvents(ctx.db, now);
    const retention = (await listNotifications(ctx.db, handlerA)).filter((n) => n.kind === 'report.retention');
    expect(retention).toHaveLength(1);
    expect(retention[0].dueOn).toBe(addDays(new Date(now.getTime() + 5 * 86_400_000).toISOString(), 0));
  });

  it('buyers’ follow-up checks: due within 7 days, and overdue, to the plan’s organisation', async () => {
    const buyer = await createStaffUser(ctx, admin, 'analyst');
    const plan = await createPlan(
      ctx.db,
      buyer,
      ZPlanForm.parse({
        organisationId: buyer.memberships[0].organisationId,
        title: 'Renhold rådhuset',
        buyerType: 'municipal',
        sector: 'cleaning',
        contractType: 'service',
        value: '2 000 000',
        supplierName: 'Vask AS'
      })
    );
    const now = new Date('2027-03-10T09:00:00Z');
    await scheduleCheck(ctx.db, buyer, plan.id, { kind: 'site-visits', dueOn: '2027-03-14' });
    await scheduleCheck(ctx.db, buyer, plan.id, { kind: 'pay-records', dueOn: '2027-03-01' });
    await scheduleCheck(ctx.db, buyer, plan.id, { kind: 'id-cards', dueOn: '2027-04-30' });
    await detectDueEvents(ctx.db, now);
    const kinds = (await listNotifications(ctx.db, buyer)).map((n) => `${n.kind} ${n.dueOn}`).sort();
    expect(kinds).toEqual(['buyers.check_due 2027-03-14', 'buyers.check_overdue 2027-03-01']);
    // The other organisation's handler hears nothing about it.
    expect((await listNotifications(ctx.db, handlerB)).some((n) => n.kind.startsWith('buyers'))).toBe(false);
    // Once the due check passes its date it becomes overdue: a new event.
    await detectDueEvents(ctx.db, new Date('2027-03-15T09:00:00Z'));
    expect((await listNotifications(ctx.db, buyer)).filter((n) => n.kind === 'buyers.check_overdue')).toHaveLength(2);
  });

  it('directory entries due for review: one reminder a week to editors', async () => {
    const reminders = async (u: TSessionUser) =>
      (await listNotifications(ctx.db, u)).filter((n) => n.kind === 'directory.review_due').length;
    const before = await reminders(editor);
    const later = new Date('2031-01-07T09:00:00Z');
    await detectDueEvents(ctx.db, later);
    await detectDueEvents(ctx.db, new Date(later.getTime() + 3600_000));
    expect(await reminders(editor)).toBe(before + 1);
    expect(await reminders(handlerA)).toBe(0);
    await detectDueEvents(ctx.db, new Date(later.getTime() + 7 * 86_400_000));
    expect(await reminders(editor)).toBe(before + 2);
  });

  it('an action-plan measure whose deadline passed without an assessment notifies editors', async () => {
    const now = new Date('2027-06-10T09:00:00Z');
    const { id } = await createMeasure(
      ctx.db,
      editor,
      '2025-2030',
      ZMeasureForm.parse({ title: 'Testtiltak', chainLink: 'prevention', deadline: '2027-06-01' })
    );
    await detectDueEvents(ctx.db, now);
    const found = (await listNotifications(ctx.db, editor)).filter((n) => n.kind === 'actionplan.measure_unassessed');
    expect(found).toHaveLength(1);
    const { link } = await openNotification(ctx.db, editor, found[0].id);
    expect(link).toBe(`/admin/action-plan/measures/${id}`);
  });
});

describe('the same event is never recorded twice', () => {
  it('notify with the same kind, subject and period records once', async () => {
    const input = {
      kind: 'buyers.check_due',
      userIds: [editor.id],
      subjectId: 'x-1',
      period: '2027-01-01',
      link: '/admin/buyers'
    } as const;
    const before = (await listNotifications(ctx.db, editor)).length;
    expect(await notify(ctx.db, input)).not.toBeNull();
    expect(await notify(ctx.db, input)).toBeNull();
    expect(await listNotifications(ctx.db, editor)).toHaveLength(before + 1);
  });
});

describe('preferences', () => {
  it('a muted kind stays in the list but is not e-mailed; a pause holds e-mail until its day', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    await savePreferences(ctx.db, user, {
      mode: 'immediate',
      locale: 'en',
      pausedUntil: '',
      kinds: ['buyers.check_overdue']
    });
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'p-1', link: '/admin/buyers' });
    await notify(ctx.db, { kind: 'buyers.check_overdue', userIds: [user.id], subjectId: 'p-2', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, mailer);
    expect(await listNotifications(ctx.db, user)).toHaveLength(2);
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(decoded(mails[0].raw)).toContain('A follow-up check is overdue');
    expect(decoded(mails[0].raw)).toContain('https://forebygg.example/en/admin/notifications/');

    await savePreferences(ctx.db, user, {
      mode: 'immediate',
      locale: 'nb',
      pausedUntil: '2999-01-01',
      kinds: ['buyers.check_overdue']
    });
    await notify(ctx.db, { kind: 'buyers.check_overdue', userIds: [user.id], subjectId: 'p-3', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, mailer);
    expect(await listNotifications(ctx.db, user)).toHaveLength(3);
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it('a user without an e-mail address still gets the in-app list', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    await ctx.db.updateTable('app_user').set({ email: '' }).where('id', '=', user.id).execute();
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'no-mail', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, mailer);
    expect(await listNotifications(ctx.db, user)).toHaveLength(1);
    expect(
      await ctx.db.selectFrom('notification_outbox').select('id').where('user_id', '=', user.id).execute()
    ).toEqual([]);
  });

  it('without SMTP nothing is queued and the list still fills', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    const off = createMailer(loadConfig({}));
    expect(off.transport).toBeNull();
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'off-1', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, off);
    expect(await listNotifications(ctx.db, user)).toHaveLength(1);
    // Switching e-mail on later does not send old notifications.
    await runNotificationJobs(ctx.db, mailer);
    expect(await mailsTo(user.email)).toHaveLength(0);
  });
});

describe('the daily digest', () => {
  it('collects notifications into one e-mail at 06:00 UTC, once a day', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    await savePreferences(ctx.db, user, {
      mode: 'digest',
      locale: 'nb',
      pausedUntil: '',
      kinds: ['buyers.check_due', 'buyers.check_overdue']
    });
    const night = new Date('2027-02-02T03:00:00Z');
    await notify(
      ctx.db,
      { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'd-1', link: '/admin/buyers' },
      night
    );
    await notify(
      ctx.db,
      { kind: 'buyers.check_overdue', userIds: [user.id], subjectId: 'd-2', link: '/admin/buyers' },
      night
    );
    await runNotificationJobs(ctx.db, mailer, night);
    expect(await mailsTo(user.email)).toHaveLength(0);

    const morning = new Date('2027-02-02T06:00:30Z');
    await runNotificationJobs(ctx.db, mailer, morning);
    let mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    const body = decoded(mails[0].raw);
    expect(body).toContain('2 nye varsler');
    expect(body.match(/\/admin\/notifications\/[0-9a-f-]{36}/g)).toHaveLength(2);
    expect(body.match(/unsubscribe\?token=/g)).toHaveLength(2);

    // Later the same day: a new notification waits for tomorrow's digest.
    const noon = new Date('2027-02-02T12:00:00Z');
    await notify(
      ctx.db,
      { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'd-3', link: '/admin/buyers' },
      noon
    );
    await runNotificationJobs(ctx.db, mailer, noon);
    expect(await mailsTo(user.email)).toHaveLength(1);
    await runNotificationJobs(ctx.db, mailer, new Date('2027-02-03T06:05:00Z'));
    mails = await mailsTo(user.email);
    expect(mails).toHaveLength(2);
    expect(decoded(mails[1].raw)).toContain('1 nye varsler');
  });
});

describe('unsubscribe', () => {
  it('the link in an e-mail switches off that kind only, without login', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'u-1', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, mailer);
    const [mail] = await mailsTo(user.email);
    const token = /unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(decoded(mail.raw))?.[1];
    expect(token).toBeTruthy();
    expect(await checkUnsubscribe(ctx.db, token)).toEqual({ ok: true, kind: 'buyers.check_due' });
    expect((await preferenceOf(ctx.db, user.id)).mutedKinds).toEqual([]);
    expect(await applyUnsubscribe(ctx.db, token)).toEqual({ ok: true, kind: 'buyers.check_due' });
    const pref = await preferenceOf(ctx.db, user.id);
    expect(pref.mutedKinds).toEqual(['buyers.check_due']);
    expect(pref.mode).toBe('immediate');
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'u-2', link: '/admin/buyers' });
    await notify(ctx.db, { kind: 'buyers.check_overdue', userIds: [user.id], subjectId: 'u-3', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, mailer);
    expect((await mailsTo(user.email)).map((m) => m.subject)).toHaveLength(2);
  });

  it('a forged or expired token changes nothing', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'f-1', link: '/admin/buyers' });
    await runNotificationJobs(ctx.db, mailer);
    const [mail] = await mailsTo(user.email);
    const token = /unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(decoded(mail.raw))?.[1] as string;
    const [payload, sig] = token.split('.');
    const otherKind = Buffer.from(JSON.stringify([user.id, 'report.new', '2999-01-01'])).toString('base64url');
    for (const forged of [
      `${otherKind}.${sig}`,
      `${payload}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`,
      'nonsense',
      '',
      `${payload}`
    ]) {
      expect(await applyUnsubscribe(ctx.db, forged)).toEqual({ ok: false, reason: 'invalid' });
    }
    const inSixtyOneDays = new Date(Date.now() + 61 * 86_400_000);
    expect(await applyUnsubscribe(ctx.db, token, inSixtyOneDays)).toEqual({ ok: false, reason: 'expired' });
    expect((await preferenceOf(ctx.db, user.id)).mutedKinds).toEqual([]);
  });
});

describe('delivery', () => {
  /** Sends whatever earlier tests left due at `t`, so each test counts only its own e-mail. */
  const drain = (t: Date) => runNotificationJobs(ctx.db, mailer, t);

  it('retries with backoff after the SMTP server refuses, then delivers once', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    const t0 = new Date('2027-05-05T10:00:00Z');
    await drain(t0);
    await notify(ctx.db, { kind: 'buyers.check_due', userIds: [user.id], subjectId: 'r-1', link: '/admin/buyers' }, t0);
    sink.refuseNext = 1;
    expect((await runNotificationJobs(ctx.db, mailer, t0)).failed).toBe(1);
    expect(await mailsTo(user.email)).toHaveLength(0);
    const row = await ctx.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('smtp_451');
    expect(row.next_attempt_at > t0.toISOString()).toBe(true);
    // Not yet due: nothing is tried.
    await runNotificationJobs(ctx.db, mailer, new Date(t0.getTime() + 30_000));
    expect(await mailsTo(user.email)).toHaveLength(0);
    await runNotificationJobs(ctx.db, mailer, new Date(t0.getTime() + 61_000));
    expect(await mailsTo(user.email)).toHaveLength(1);
    await runNotificationJobs(ctx.db, mailer, new Date(t0.getTime() + 3600_000));
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it('after a crash between send and mark, the resend carries the same Message-ID (at-least-once, de-duplicated)', async () => {
    const user = await createStaffUser(ctx, admin, 'analyst');
    const t0 = new Date('2027-05-06T10:00:00Z');
    await drain(t0);
    await notify(
      ctx.db,
      { kind: 'buyers.check_overdue', userIds: [user.id], subjectId: 'k-1', link: '/admin/buyers' },
      t0
    );
    await queueMail(ctx.db, true, t0);
    const kill = async () => {
      throw new Error('killed');
    };
    await expect(sendDueMail(ctx.db, mailer, t0, { afterSend: kill })).rejects.toThrow('killed');
    expect(await mailsTo(user.email)).toHaveLength(1);
    // Restarted at once: the claim still holds, nothing is resent.
    await sendDueMail(ctx.db, mailer, new Date(t0.getTime() + 1000));
    expect(await mailsTo(user.email)).toHaveLength(1);
    // After the claim expires the e-mail is sent again, with the same Message-ID, and then marked.
    await sendDueMail(ctx.db, mailer, new Date(t0.getTime() + CLAIM_MS + 1000));
    await sendDueMail(ctx.db, mailer, new Date(t0.getTime() + 2 * CLAIM_MS + 2000));
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(2);
    expect(mails[0].messageId).toMatch(/^<notification-[0-9a-f-]{36}@forebygg\.example>$/);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
  });

  it('two senders at once send each e-mail once', async () => {
    const users = await Promise.all([1, 2, 3].map(() => createStaffUser(ctx, admin, 'analyst')));
    const t0 = new Date('2027-05-07T10:00:00Z');
    await drain(t0);
    for (const u of users) {
      await notify(
        ctx.db,
        { kind: 'buyers.check_due', userIds: [u.id], subjectId: `c-${u.id}`, link: '/admin/buyers' },
        t0
      );
    }
    await queueMail(ctx.db, true, t0);
    const results = await Promise.all([sendDueMail(ctx.db, mailer, t0), sendDueMail(ctx.db, mailer, t0)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(3);
    for (const u of users) expect(await mailsTo(u.email)).toHaveLength(1);
  });
});
