import { contentReviewDue } from '../content/content.review-due';
import type { DB } from '../db/schema';
import { isStale } from '../directory/directory.service';
import { reportsNearDeletion } from '../report/report.retention';
import { surveyStaffRoles } from '../surveys/surveys.service';
import { isoWeek } from '../../stats/iso-week';
import { addDays } from './notifications.core';
import { notify } from './notifications.service';

/**
 * Scheduled detections: events that come from time passing rather than from a request. Each records
 * through `notify`, whose unique event key makes a rerun (or a second instance) record nothing new.
 *
 * The content studio's items due for review (editors) are `contentReviewDue` (content/content.review-due.ts).
 */
export type TDetector = (db: DB, now: Date) => Promise<number>;

const editorialRoles = ['admin', 'editor'] as const;
const today = (now: Date) => now.toISOString().slice(0, 10);
const count = (results: unknown[]) => results.filter((r) => r !== null).length;

/** Closed reports deleted within 7 days: the case handlers of each receiving organisation. */
export const reportRetention: TDetector = async (db, now) => {
  const due = await reportsNearDeletion(db, now, 7);
  const results = [];
  for (const r of due) {
    for (const organisationId of r.organisationIds) {
      results.push(
        await notify(
          db,
          {
            kind: 'report.retention',
            organisationId,
            role: 'case_handler',
            subjectId: r.id,
            period: `${r.deleteOn}|${organisationId}`,
            link: `/admin/inbox/${r.id}`,
            dueOn: r.deleteOn,
            dayOnly: true
          },
          now
        )
      );
    }
  }
  return count(results);
};

/** Follow-up checks not yet recorded: due within 7 days, and overdue. The plan's organisation's members. */
export const buyersChecks: TDetector = async (db, now) => {
  const day = today(now);
  const rows = await db
    .selectFrom('buyer_check')
    .innerJoin('buyer_plan', 'buyer_plan.id', 'buyer_check.plan_id')
    .select(['buyer_check.id', 'buyer_check.due_on', 'buyer_plan.id as plan_id', 'buyer_plan.organisation_id'])
    .where('buyer_check.recorded_at', 'is', null)
    .where('buyer_check.due_on', '<=', addDays(day, 7))
    .execute();
  const results = [];
  for (const r of rows) {
    results.push(
      await notify(
        db,
        {
          kind: r.due_on < day ? 'buyers.check_overdue' : 'buyers.check_due',
          organisationId: r.organisation_id,
          subjectId: r.id,
          period: r.due_on,
          link: `/admin/buyers/${r.plan_id}`,
          dueOn: r.due_on
        },
        now
      )
    );
  }
  return count(results);
};

/**
 * Published directory entries due for review (not verified in a year): one reminder a week to editors
 * while any is due, not one per entry — a fresh installation would otherwise send dozens at once.
 */
export const directoryReview: TDetector = async (db, now) => {
  const rows = await db
    .selectFrom('directory_profile')
    .select(['organisation_id', 'verified_at'])
    .where('published_at', 'is not', null)
    .execute();
  const stale = rows.filter((r) => isStale(r.verified_at, now.getTime()));
  if (stale.length === 0) return 0;
  const week = isoWeek(now);
  const r = await notify(
    db,
    {
      kind: 'directory.review_due',
      role: editorialRoles,
      subjectId: 'directory',
      period: week,
      link: '/admin/directory'
    },
    now
  );
  return r ? 1 : 0;
};

/** How far back a passed deadline still makes news: older ones are on the scorecard, not in the inbox. */
const MEASURE_WINDOW_DAYS = 30;

/** Action-plan measures whose deadline passed (in the last 30 days) with no assessment since, not finished. */
export const actionPlanMeasures: TDetector = async (db, now) => {
  const day = today(now);
  const measures = await db
    .selectFrom('ap_measure')
    .select(['id', 'deadline'])
    .where('deadline', 'is not', null)
    .where('deadline', '<', day)
    .where('deadline', '>=', addDays(day, -MEASURE_WINDOW_DAYS))
    .execute();
  const results = [];
  for (const m of measures) {
    const deadline = m.deadline as string;
    const assessments = await db
      .selectFrom('ap_assessment')
      .select(['status', 'assessed_on'])
      .where('measure_id', '=', m.id)
      .orderBy('assessed_on', 'desc')
      .execute();
    const latest = assessments[0];
    if (latest && (latest.status === 'done' || latest.status === 'discontinued')) continue;
    if (assessments.some((a) => a.assessed_on >= deadline)) continue;
    results.push(
      await notify(
        db,
        {
          kind: 'actionplan.measure_unassessed',
          role: editorialRoles,
          subjectId: m.id,
          period: deadline,
          link: `/admin/action-plan/measures/${m.id}`,
          dueOn: deadline
        },
        now
      )
    );
  }
  return count(results);
};

/** How many days before a wave closes its analysts hear of it. */
export const WAVE_CLOSING_DAYS = 3;

/**
 * Survey waves still open (closing today or later): one that closes within 3 days, and one whose
 * respondents (the wave's cell counters) reached its target sample. Surveys have no owning organisation,
 * so the recipients are the survey staff of every organisation (analysts, editors, administrators).
 * Each fires once per wave: a closing date moved later fires again for the new date.
 */
export const surveyWaves: TDetector = async (db, now) => {
  const day = today(now);
  const waves = await db
    .selectFrom('survey_wave')
    .select(['id', 'survey_id', 'closes_on', 'target_n'])
    .where('closes_on', '>=', day)
    .where('opens_on', '<=', day)
    .execute();
  if (waves.length === 0) return 0;
  const counted = await db
    .selectFrom('survey_cell_count')
    .select(['wave_id', db.fn.sum<number | string>('n').as('n')])
    .where(
      'wave_id',
      'in',
      waves.map((w) => w.id)
    )
    .groupBy('wave_id')
    .execute();
  const respondents = new Map(counted.map((c) => [c.wave_id, Number(c.n)]));
  const results = [];
  for (const w of waves) {
    const link = `/admin/surveys/${w.survey_id}/results?wave=${w.id}`;
    if (w.closes_on <= addDays(day, WAVE_CLOSING_DAYS)) {
      results.push(
        await notify(
          db,
          {
            kind: 'surveys.wave_closing',
            role: surveyStaffRoles,
            subjectId: w.id,
            period: w.closes_on,
            link,
            dueOn: w.closes_on
          },
          now
        )
      );
    }
    if (w.target_n !== null && w.target_n > 0 && (respondents.get(w.id) ?? 0) >= w.target_n) {
      results.push(
        await notify(
          db,
          { kind: 'surveys.wave_target_reached', role: surveyStaffRoles, subjectId: w.id, period: 'target', link },
          now
        )
      );
    }
  }
  return count(results);
};

/** Removes the notifications of reports that retention deleted: nothing about them stays behind. */
async function forgetDeletedReports(db: DB): Promise<void> {
  const gone = await db
    .selectFrom('notification_event')
    .leftJoin('report', 'report.id', 'notification_event.subject_id')
    .select('notification_event.id')
    .where('notification_event.kind', 'like', 'report.%')
    .where('report.id', 'is', null)
    .execute();
  if (gone.length === 0) return;
  const ids = gone.map((g) => g.id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('notification').where('event_id', 'in', ids).execute();
    await trx.deleteFrom('notification_event').where('id', 'in', ids).execute();
  });
}

export const detectors: TDetector[] = [
  reportRetention,
  buyersChecks,
  directoryReview,
  actionPlanMeasures,
  surveyWaves,
  contentReviewDue
];

/** Runs every detector; returns the number of new events. Idempotent. */
export async function detectDueEvents(db: DB, now = new Date()): Promise<number> {
  await forgetDeletedReports(db);
  let n = 0;
  for (const d of detectors) n += await d(db, now);
  return n;
}
