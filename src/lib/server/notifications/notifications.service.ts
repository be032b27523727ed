import { randomUUID } from 'node:crypto';
import type { TRole, TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { getOrCreateSecret } from '../secrets/secrets.service';
import type { TNotificationPreferences } from '../../schemas/notifications';
import {
  addDays,
  backoffMs,
  defaultPreference,
  digestDay,
  eventKey,
  isNotificationKind,
  mailDecision,
  notificationKinds,
  MAX_ATTEMPTS,
  UNSUBSCRIBE_DAYS,
  verifyUnsubscribeToken,
  type TMailMode,
  type TNotificationKind,
  type TPreference
} from './notifications.core';
import { renderDigest, renderImmediate, type TMailer, type TMailItem, type TRenderContext } from './notifications.mail';

// ───────────────────────────── recording events ─────────────────────────────

export interface TNotifyInput {
  kind: TNotificationKind;
  /** Members of this organisation (with `role`, when given). */
  organisationId?: string;
  /** Holders of these roles (in `organisationId`, or in any organisation). */
  role?: TRole | readonly TRole[];
  /** These users as well. */
  userIds?: readonly string[];
  /** What the event is about (an id); with `period` it makes the event's unique key. */
  subjectId: string;
  /** Distinguishes repeated events about one subject (a deadline, a message number, a week). */
  period?: string;
  /** A staff-area path, without locale prefix. */
  link: string;
  dueOn?: string | null;
  /** Times of events that concern a reporter are kept to the day (docs/security.md). */
  dayOnly?: boolean;
}

export interface TNotifyResult {
  eventId: string;
  recipients: string[];
}

/**
 * Records an event and one notification per recipient, in the caller's transaction when given one.
 * The event key (kind + subject + period) is unique: a second call for the same event records
 * nothing and returns null. Recipients are active users; their e-mail is decided later by the job.
 */
export async function notify(db: Executor, input: TNotifyInput, now = new Date()): Promise<TNotifyResult | null> {
  const at = input.dayOnly ? now.toISOString().slice(0, 10) + 'T00:00:00.000Z' : now.toISOString();
  const id = randomUUID();
  const inserted = await db
    .insertInto('notification_event')
    .values({
      id,
      event_key: eventKey(input.kind, input.subjectId, input.period),
      kind: input.kind,
      subject_id: input.subjectId,
      link: input.link,
      due_on: input.dueOn ?? null,
      created_at: at
    })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;

  const recipients = new Set(input.userIds ?? []);
  const roles = input.role === undefined ? [] : typeof input.role === 'string' ? [input.role] : [...input.role];
  if (input.organisationId || roles.length) {
    let q = db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.user_id')
      .where('app_user.deactivated_at', 'is', null);
    if (input.organisationId) q = q.where('membership.organisation_id', '=', input.organisationId);
    if (roles.length) q = q.where('membership.role', 'in', roles);
    for (const r of await q.execute()) recipients.add(r.user_id);
  }
  const ids = [...recipients].sort();
  for (const userId of ids) {
    await db
      .insertInto('notification')
      .values({
        id: randomUUID(),
        event_id: id,
        user_id: userId,
        kind: input.kind,
        link: input.link,
        due_on: input.dueOn ?? null,
        created_at: at,
        read_at: null,
        mail: 'pending'
      })
      .execute();
  }
  return { eventId: id, recipients: ids };
}

// ───────────────────────────── the staff area ─────────────────────────────

export interface TNotificationRow {
  id: string;
  kind: TNotificationKind;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
}

function requireUser(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
}

export async function unreadCount(db: DB, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The user's notifications, newest first (at most `limit`). */
export async function listNotifications(db: DB, user: TSessionUser | null, limit = 200): Promise<TNotificationRow[]> {
  requireUser(user);
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'due_on', 'created_at', 'read_at'])
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows
    .filter((r) => isNotificationKind(r.kind))
    .map((r) => ({
      id: r.id,
      kind: r.kind as TNotificationKind,
      dueOn: r.due_on,
      createdAt: r.created_at,
      readAt: r.read_at
    }));
}

/** Opens one of the user's notifications: marks it read and returns where it points. */
export async function openNotification(db: DB, user: TSessionUser | null, id: string, now = new Date()) {
  requireUser(user);
  const row = await db
    .selectFrom('notification')
    .select(['id', 'link', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'notifications.error.notFound');
  if (!row.read_at) {
    await db.updateTable('notification').set({ read_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { link: row.link };
}

export async function markAllRead(db: DB, user: TSessionUser | null, now = new Date()): Promise<number> {
  requireUser(user);
  const r = await db
    .updateTable('notification')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', user.id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ───────────────────────────── preferences ─────────────────────────────

export interface TStoredPreference extends TPreference {
  locale: 'nb' | 'en';
}

function parseKinds(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export async function preferenceOf(db: Executor, userId: string): Promise<TStoredPreference> {
  const row = await db
    .selectFrom('notification_preference')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return { ...defaultPreference, locale: 'nb' };
  return {
    locale: row.locale === 'en' ? 'en' : 'nb',
    mode: row.mode === 'digest' ? 'digest' : 'immediate',
    pausedUntil: row.paused_until,
    mutedKinds: parseKinds(row.muted_kinds)
  };
}

async function storePreference(db: Executor, userId: string, p: TStoredPreference, now: Date): Promise<void> {
  const values = {
    locale: p.locale,
    mode: p.mode,
    paused_until: p.pausedUntil,
    muted_kinds: JSON.stringify([...new Set(p.mutedKinds)].sort()),
    updated_at: now.toISOString()
  };
  await db
    .insertInto('notification_preference')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function getPreferences(db: DB, user: TSessionUser | null) {
  requireUser(user);
  const email = await db.selectFrom('app_user').select('email').where('id', '=', user.id).executeTakeFirst();
  return { preference: await preferenceOf(db, user.id), hasEmail: !!email?.email.includes('@') };
}

/** Saves the user's own preferences: e-mailed kinds, immediate or digest, pause, language. */
export async function savePreferences(
  db: DB,
  user: TSessionUser | null,
  input: TNotificationPreferences,
  now = new Date()
): Promise<void> {
  requireUser(user);
  await storePreference(
    db,
    user.id,
    {
      locale: input.locale,
      mode: input.mode,
      pausedUntil: input.pausedUntil || null,
      mutedKinds: notificationKinds.filter((k) => !input.kinds.includes(k))
    },
    now
  );
}

// ───────────────────────────── unsubscribe ─────────────────────────────

async function unsubscribeKey(db: DB): Promise<Buffer> {
  return getOrCreateSecret(db, 'token_hmac_key');
}

export type TUnsubscribeCheck = { ok: true; kind: TNotificationKind } | { ok: false; reason: 'invalid' | 'expired' };

/** What an unsubscribe link would change; nothing is changed. */
export async function checkUnsubscribe(db: DB, token: unknown, now = new Date()): Promise<TUnsubscribeCheck> {
  const v = verifyUnsubscribeToken(await unsubscribeKey(db), token, now);
  if (!v.ok) return v;
  const user = await db.selectFrom('app_user').select('id').where('id', '=', v.userId).executeTakeFirst();
  if (!user) return { ok: false, reason: 'invalid' };
  return { ok: true, kind: v.kind };
}

/** Follows an unsubscribe link: switches off e-mail for that one kind, for that one user. No login needed. */
export async function applyUnsubscribe(db: DB, token: unknown, now = new Date()): Promise<TUnsubscribeCheck> {
  const key = await unsubscribeKey(db);
  const v = verifyUnsubscribeToken(key, token, now);
  if (!v.ok) return v;
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('app_user').select('id').where('id', '=', v.userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'invalid' } as const;
    const pref = await preferenceOf(trx, v.userId);
    if (!pref.mutedKinds.includes(v.kind)) {
      await storePreference(trx, v.userId, { ...pref, mutedKinds: [...pref.mutedKinds, v.kind] }, now);
    }
    return { ok: true, kind: v.kind } as const;
  });
}

// ───────────────────────────── the e-mail job ─────────────────────────────

/**
 * Decides each new notification's e-mail by its recipient's preferences: none, an outbox row now
 * (`n:<id>` is unique, so two instances queue it once), or the next digest.
 */
export async function queueMail(db: DB, mailEnabled: boolean, now = new Date()): Promise<number> {
  const pending = await db
    .selectFrom('notification')
    .innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .select(['notification.id', 'notification.user_id', 'notification.kind', 'app_user.email'])
    .where('notification.mail', '=', 'pending')
    .orderBy('notification.created_at')
    .limit(500)
    .execute();
  const prefs = new Map<string, TStoredPreference>();
  let queued = 0;
  for (const n of pending) {
    if (!prefs.has(n.user_id)) prefs.set(n.user_id, await preferenceOf(db, n.user_id));
    const pref = prefs.get(n.user_id) as TStoredPreference;
    const decision = isNotificationKind(n.kind) ? mailDecision(pref, n.kind, n.email, mailEnabled, now) : 'none';
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('notification')
        .set({ mail: decision === 'immediate' ? 'queued' : decision })
        .where('id', '=', n.id)
        .where('mail', '=', 'pending')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1 || decision !== 'immediate') return;
      await trx
        .insertInto('notification_outbox')
        .values(outboxRow(`n:${n.id}`, n.user_id, 'immediate', [n.id], now))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
      queued++;
    });
  }
  return queued;
}

function outboxRow(dedupeKey: string, userId: string, mode: TMailMode, ids: string[], now: Date) {
  return {
    id: randomUUID(),
    dedupe_key: dedupeKey,
    user_id: userId,
    mode,
    notification_ids: JSON.stringify(ids),
    attempts: 0,
    next_attempt_at: now.toISOString(),
    claimed_by: null,
    claimed_until: null,
    sent_at: null,
    failed_at: null,
    last_error: null,
    created_at: now.toISOString()
  };
}

/**
 * After the digest hour, one digest per user and day (`d:<user>:<day>` is unique) with every
 * notification waiting for it. Users on pause keep theirs until the pause ends.
 */
export async function enqueueDigests(db: DB, now = new Date()): Promise<number> {
  const day = digestDay(now);
  if (!day) return 0;
  const waiting = await db
    .selectFrom('notification')
    .select(['user_id'])
    .where('mail', '=', 'digest')
    .groupBy('user_id')
    .execute();
  let made = 0;
  for (const { user_id: userId } of waiting) {
    const pref = await preferenceOf(db, userId);
    if (pref.pausedUntil && day < pref.pausedUntil) continue;
    await db.transaction().execute(async (trx) => {
      const items = await trx
        .selectFrom('notification')
        .select('id')
        .where('user_id', '=', userId)
        .where('mail', '=', 'digest')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      if (items.length === 0) return;
      const ids = items.map((i) => i.id);
      const inserted = await trx
        .insertInto('notification_outbox')
        .values(outboxRow(`d:${userId}:${day}`, userId, 'digest', ids, now))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      // Today's digest is already out: these wait for tomorrow's.
      if (!inserted) return;
      await trx.updateTable('notification').set({ mail: 'digested' }).where('id', 'in', ids).execute();
      made++;
    });
  }
  return made;
}

/** How long a sender owns a claimed e-mail before another may take it. */
export const CLAIM_MS = 5 * 60_000;

export interface TSendOptions {
  /** This sender's name in `claimed_by` (one per process run). */
  holder?: string;
  limit?: number;
  /** Tests: runs after the SMTP server accepted a message, before it is marked sent (a crash there). */
  afterSend?: (outboxId: string) => Promise<void> | void;
}

export interface TSendResult {
  sent: number;
  failed: number;
}

/** The Message-ID of an outbox row: the same on every resend, so a recipient can drop duplicates. */
export function messageIdOf(outboxId: string, baseUrl: string): string {
  let host = 'forebygg.invalid';
  try {
    host = new URL(baseUrl).hostname || host;
  } catch {
    // keep the fallback
  }
  return `<notification-${outboxId}@${host}>`;
}

/**
 * Sends due e-mails. A sender claims rows with one conditional UPDATE (unsent, due, and unclaimed or
 * with an expired claim), so several instances never send the same row at once without a global lock.
 * Each row is re-read before sending and skipped when already sent; after the SMTP server accepts it,
 * `sent_at` is set. A crash between the two resends it after the claim expires, with the same
 * Message-ID (at-least-once; recipients de-duplicate by Message-ID). A refused e-mail is retried with
 * exponential backoff, and given up after MAX_ATTEMPTS (the in-app notification remains).
 */
export async function sendDueMail(
  db: DB,
  mailer: TMailer,
  now = new Date(),
  opts: TSendOptions = {}
): Promise<TSendResult> {
  const result = { sent: 0, failed: 0 };
  if (!mailer.transport) return result;
  const holder = opts.holder ?? randomUUID();
  const nowIso = now.toISOString();
  await db
    .updateTable('notification_outbox')
    .set({ claimed_by: holder, claimed_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('notification_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('next_attempt_at', '<=', nowIso)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
        .orderBy('next_attempt_at')
        .limit(opts.limit ?? 50)
    )
    // Checked again on the row itself: on PostgreSQL a concurrent claim re-evaluates these.
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', nowIso)]))
    .execute();

  const claimed = await db
    .selectFrom('notification_outbox')
    .innerJoin('app_user', 'app_user.id', 'notification_outbox.user_id')
    .select([
      'notification_outbox.id',
      'notification_outbox.user_id',
      'notification_outbox.mode',
      'notification_outbox.notification_ids',
      'notification_outbox.attempts',
      'app_user.email'
    ])
    .where('notification_outbox.claimed_by', '=', holder)
    .where('notification_outbox.sent_at', 'is', null)
    .execute();
  if (claimed.length === 0) return result;
  const tokenKey = await unsubscribeKey(db);

  for (const row of claimed) {
    // The sent state is checked right before sending: a row another sender finished is skipped.
    const fresh = await db
      .selectFrom('notification_outbox')
      .select(['sent_at', 'claimed_by'])
      .where('id', '=', row.id)
      .executeTakeFirst();
    if (!fresh || fresh.sent_at || fresh.claimed_by !== holder) continue;
    const pref = await preferenceOf(db, row.user_id);
    const ids = parseKinds(row.notification_ids);
    const items: TMailItem[] = ids.length
      ? (
          await db
            .selectFrom('notification')
            .select(['id', 'kind', 'created_at'])
            .where('id', 'in', ids)
            .orderBy('created_at')
            .orderBy('id')
            .execute()
        )
          .filter((n) => isNotificationKind(n.kind))
          .map((n) => ({ notificationId: n.id, kind: n.kind as TNotificationKind }))
      : [];
    if (items.length === 0 || !row.email.includes('@')) {
      // Nothing left to say (the notifications were deleted with their report) or nowhere to send it.
      await db
        .updateTable('notification_outbox')
        .set({ failed_at: nowIso, last_error: 'nothing_to_send' })
        .where('id', '=', row.id)
        .execute();
      continue;
    }
    const ctx: TRenderContext = {
      locale: pref.locale,
      baseUrl: mailer.baseUrl,
      userId: row.user_id,
      tokenKey,
      unsubscribeExpires: addDays(nowIso, UNSUBSCRIBE_DAYS)
    };
    const mail = row.mode === 'digest' ? renderDigest(ctx, items) : renderImmediate(ctx, items[0]);
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: row.email,
        subject: mail.subject,
        text: mail.text,
        messageId: messageIdOf(row.id, mailer.baseUrl),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Forebygg-Notification': row.id }
      });
    } catch (e) {
      const attempts = row.attempts + 1;
      const code = smtpErrorCode(e);
      await db
        .updateTable('notification_outbox')
        .set({
          attempts,
          claimed_by: null,
          claimed_until: null,
          last_error: code,
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
          failed_at: attempts >= MAX_ATTEMPTS ? nowIso : null
        })
        .where('id', '=', row.id)
        .where('claimed_by', '=', holder)
        .execute();
      result.failed++;
      continue;
    }
    if (opts.afterSend) await opts.afterSend(row.id);
    await db
      .updateTable('notification_outbox')
      .set({ sent_at: nowIso, attempts: row.attempts + 1, claimed_until: null, last_error: null })
      .where('id', '=', row.id)
      .where('sent_at', 'is', null)
      .execute();
    result.sent++;
  }
  return result;
}

/** The SMTP response code or a short error name: never the message, which may quote the e-mail. */
function smtpErrorCode(e: unknown): string {
  const err = e as { responseCode?: number; code?: string };
  if (typeof err?.responseCode === 'number') return `smtp_${err.responseCode}`;
  if (typeof err?.code === 'string') return err.code.slice(0, 40);
  return 'error';
}
