import { isMessageKey, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { checklistVersions, checkViewerRoles, checksSummary, letterCounts } from '$lib/server/check/check.service';
import { currentChecklists } from '$lib/server/check/checklists';
import { sectorList } from '$lib/server/check/check.view';
import { requireRole } from '$lib/server/http/guards';
import { listCounties } from '$lib/server/check/check.repository';
import { ZChecksSummaryQuery } from '$lib/schemas/check';
import type { PageServerLoad } from './$types';

/** Aggregates of checks for analysts, editors and administrators: exact counts (staff only), versions, letters. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, checkViewerRoles);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const parsed = ZChecksSummaryQuery.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '_');
      errors[key] ??= translate(locals.locale, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
    }
  }
  const filter = parsed.success ? parsed.data : {};
  const ctx = await app();
  const [summary, versions, letters, counties] = await Promise.all([
    checksSummary(ctx.db, filter, { suppress: false }),
    checklistVersions(ctx.db),
    letterCounts(ctx.db),
    listCounties(ctx.db)
  ]);
  return {
    summary,
    versions,
    letters,
    counties,
    sectors: sectorList(currentChecklists(), locals.locale),
    filter: raw,
    errors
  };
};
