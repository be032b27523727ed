import type { AppContext } from '../app';
import { purgeExpiredSessions } from '../auth/session.service';
import { runRetention } from '../report/report.retention';
import { purgeExpiredSessions as purgeExpiredClassrooms } from '../youth/classroom.service';
import { schedule, type TScheduledJob } from './jobs';

const MINUTE = 60_000;

/**
 * The background jobs every instance schedules; each run takes the job's lock (`runExclusive`), so only
 * one instance works on a job at a time. Report retention also keeps its own lease row
 * (`report_job_lock`), which guards runs from the CLI or a second SQLite process as well.
 */
export function scheduleAppJobs(ctx: AppContext, onError: (name: string, e: unknown) => void): TScheduledJob[] {
  return [
    schedule(ctx.db, 'sessions.purge', 10 * MINUTE, () => purgeExpiredSessions(ctx.db), { onError }),
    schedule(ctx.db, 'report.retention', 24 * 60 * MINUTE, () => runRetention(ctx.db), { onError, runAtStart: true }),
    schedule(ctx.db, 'youth.classroom.purge', 60 * MINUTE, () => purgeExpiredClassrooms(ctx.db), { onError })
  ];
}
