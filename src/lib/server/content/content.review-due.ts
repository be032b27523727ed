import type { DB } from '../db/schema';
import { addDays } from '../notifications/notifications.core';
import { notify } from '../notifications/notifications.service';

/** How many days before an item's review-by date its editors hear of it. */
export const REVIEW_DUE_DAYS = 30;

/** The studio editor of an item, the link a notification opens. */
export function contentEditorPath(kind: string, key: string, locale: string): string {
  const k = encodeURIComponent(key);
  switch (kind) {
    case 'learn_page':
      return `/admin/content/learn/${k}/${locale}`;
    case 'checklist':
      return `/admin/content/checklists/${k}`;
    case 'quiz_set':
      return `/admin/content/quiz/${k}`;
    case 'help_page':
      return `/admin/content/help/${k}`;
    case 'home_text':
      return `/admin/content/home/${k}/${locale}`;
    default:
      return '/admin/content';
  }
}

/**
 * "Content due for review" (docs/notifications.md): every published item of the studio whose review-by
 * date is past or within REVIEW_DUE_DAYS days notifies editors and administrators once per item and
 * review-by date — the event key is (kind, item, date), unique, so a rerun, a restart or a second
 * instance records nothing new; a publish moves the date on and the next due date fires again.
 */
export async function contentReviewDue(db: DB, now: Date): Promise<number> {
  const limit = addDays(now.toISOString(), REVIEW_DUE_DAYS);
  const rows = await db
    .selectFrom('content_item as i')
    .innerJoin('content_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').on('v.state', '=', 'published'))
    .select(['i.id', 'i.kind', 'i.key', 'i.locale', 'i.review_by'])
    .where('i.review_by', '<=', limit)
    .orderBy('i.review_by')
    .orderBy('i.id')
    .execute();
  let n = 0;
  for (const r of rows) {
    const recorded = await notify(
      db,
      {
        kind: 'content.review_due',
        role: ['admin', 'editor'],
        subjectId: r.id,
        period: r.review_by,
        link: contentEditorPath(r.kind, r.key, r.locale),
        dueOn: r.review_by
      },
      now
    );
    if (recorded) n++;
  }
  return n;
}
