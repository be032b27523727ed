import type { Generated } from 'kysely';

/** The notifications module's tables (migration 202612010100_notifications). */

/** Something that happened, once: `event_key` is kind + subject + period and unique. */
export interface NotificationEventTable {
  id: string;
  event_key: string;
  kind: string;
  subject_id: string;
  /** A path in the staff area, without locale prefix. */
  link: string;
  /** ISO date the event is about (a deadline), or null. */
  due_on: string | null;
  created_at: string;
}

/** One recipient's in-app notification; kept whether or not it is e-mailed. */
export interface NotificationTable {
  id: string;
  event_id: string;
  user_id: string;
  kind: string;
  link: string;
  due_on: string | null;
  created_at: string;
  read_at: string | null;
  /** 'none' (in-app only) | 'immediate' (an outbox row exists) | 'digest' (waits for the digest) | 'digested'. */
  mail: string;
}

/** An e-mail to send: one notification, or a user's daily digest. */
export interface NotificationOutboxTable {
  /** Also the e-mail's Message-ID: a resend after a crash carries the same one. */
  id: string;
  /** `n:<notification id>` or `d:<user id>:<day>`: the same e-mail is never queued twice. */
  dedupe_key: string;
  user_id: string;
  /** 'immediate' | 'digest' */
  mode: string;
  /** JSON array of notification ids. */
  notification_ids: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  sent_at: string | null;
  /** Set when the retries are used up. */
  failed_at: string | null;
  /** The SMTP error code only (never a message body). */
  last_error: string | null;
  created_at: string;
}

export interface NotificationPreferenceTable {
  user_id: string;
  /** 'nb' | 'en': the language of e-mails. */
  locale: string;
  /** 'immediate' | 'digest' */
  mode: string;
  /** ISO date: no e-mail before it (in-app notifications continue). */
  paused_until: string | null;
  /** JSON array of kinds that are not e-mailed. */
  muted_kinds: string;
  updated_at: string;
}

export interface NotificationTables {
  notification_event: NotificationEventTable;
  notification: NotificationTable;
  notification_outbox: NotificationOutboxTable;
  notification_preference: NotificationPreferenceTable;
}
