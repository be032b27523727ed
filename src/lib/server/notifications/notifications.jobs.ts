import type { DB } from '../db/schema';
import { detectDueEvents } from './notifications.detect';
import type { TMailer } from './notifications.mail';
import { enqueueDigests, queueMail, sendDueMail } from './notifications.service';

export interface TJobResult {
  events: number;
  queued: number;
  digests: number;
  sent: number;
  failed: number;
}

/**
 * The notification job: scheduled detections, then e-mail (queue by preference, daily digests, send).
 * Idempotent and safe on several instances at once (unique event keys, outbox claims).
 */
export async function runNotificationJobs(db: DB, transport: TMailer, now = new Date()): Promise<TJobResult> {
  const events = await detectDueEvents(db, now);
  const queued = await queueMail(db, transport.transport !== null, now);
  const digests = await enqueueDigests(db, now);
  const { sent, failed } = await sendDueMail(db, transport, now);
  return { events, queued, digests, sent, failed };
}

/** How often the job runs in each server process. */
export const NOTIFICATION_INTERVAL_MS = 60_000;
