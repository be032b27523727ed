import type { Executor } from '../db/schema';
import type { HelpReviewTable } from './help.tables';

/** The latest review of each language, with the reviewer's display name. */
export async function latestReviews(
  db: Executor
): Promise<Map<string, { fingerprint: string; reviewedAt: string; reviewerName: string }>> {
  const rows = await db
    .selectFrom('help_review')
    .innerJoin('app_user', 'app_user.id', 'help_review.reviewer_id')
    .select(['help_review.lang', 'help_review.fingerprint', 'help_review.reviewed_at', 'app_user.display_name'])
    .orderBy('help_review.reviewed_at', 'asc')
    .orderBy('help_review.id', 'asc')
    .execute();
  const latest = new Map<string, { fingerprint: string; reviewedAt: string; reviewerName: string }>();
  for (const r of rows)
    latest.set(r.lang, { fingerprint: r.fingerprint, reviewedAt: r.reviewed_at, reviewerName: r.display_name });
  return latest;
}

export async function insertReview(db: Executor, row: HelpReviewTable): Promise<void> {
  await db.insertInto('help_review').values(row).execute();
}

export async function countReviews(db: Executor, lang: string): Promise<number> {
  const r = await db
    .selectFrom('help_review')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('lang', '=', lang)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
