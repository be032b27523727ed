import type { DB } from '../db/schema';
import { log } from '../log';
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

let timer: ReturnType<typeof setInterval> | undefined;

/** Starts the job on an interval in this process (hooks.server.ts). Counts only in the log, no content. */
export function scheduleNotifications(db: DB, mailer: TMailer): void {
  if (timer) return;
  if (!mailer.transport)
    log.info('e-mail is off (SMTP_URL is not set): notifications are shown in the staff area only');
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runNotificationJobs(db, mailer);
      if (r.events || r.sent || r.failed) log.info(r, 'notifications');
    } catch (e) {
      log.error({ err: (e as Error).message }, 'notification job failed');
    } finally {
      running = false;
    }
  };
  void run();
  timer = setInterval(run, NOTIFICATION_INTERVAL_MS);
  timer.unref?.();
}
