import type { AppContext } from '../app';
import { purgeExpiredSessions } from '../auth/session.service';
import { runRetention } from '../report/report.retention';
import { purgeExpiredClassrooms } from '../youth/classroom.service';
import { log } from '../log';
import { NOTIFICATION_INTERVAL_MS, runNotificationJobs } from '../notifications/notifications.jobs';
import { createMailer } from '../notifications/notifications.mail';
import { runNightlyRecount } from '../surveys/surveys.recount-job';
import { schedule, type TScheduledJob } from './jobs';

const MINUTE = 60_000;

/**
 * The background jobs every instance schedules; each run takes the job's lock (`runExclusive`), so only
 * one instance works on a job at a time. Report retention also keeps its own lease row
 * (`report_job_lock`), which guards runs from the CLI or a second SQLite process as well.
 */
export function scheduleAppJobs(ctx: AppContext, onError: (name: string, e: unknown) => void): TScheduledJob[] {
  const mailer = createMailer(ctx.config);
  if (!mailer.transport)
    log.info('e-mail is off (SMTP_URL is not set): notifications are shown in the staff area only');
  return [
    schedule(ctx.db, 'sessions.purge', 10 * MINUTE, () => purgeExpiredSessions(ctx.db), { onError }),
    schedule(ctx.db, 'report.retention', 24 * 60 * MINUTE, () => runRetention(ctx.db), { onError, runAtStart: true }),
    schedule(ctx.db, 'youth.classroom.purge', 10 * MINUTE, () => purgeExpiredClassrooms(ctx.db), { onError }),
    schedule(
      ctx.db,
      'notifications',
      NOTIFICATION_INTERVAL_MS,
      async () => {
        const r = await runNotificationJobs(ctx.db, mailer);
        if (r.events || r.sent || r.failed) log.info(r, 'notifications');
      },
      { onError, runAtStart: true }
    ),
    // Looks every 10 minutes whether tonight's recount is due (SURVEY_RECOUNT_AT) and not yet done.
    ...(ctx.config.SURVEY_RECOUNT_AT === 'off'
      ? []
      : [
          schedule(
            ctx.db,
            'surveys.recount',
            10 * MINUTE,
            () => runNightlyRecount(ctx.db, ctx.config.SURVEY_RECOUNT_AT),
            {
              onError,
              runAtStart: true
            }
          )
        ])
  ];
}
