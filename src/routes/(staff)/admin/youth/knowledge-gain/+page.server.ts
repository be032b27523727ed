import { isMessageKey, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/http/guards';
import { listMunicipalities } from '$lib/server/reference/reference.service';
import { knowledgeGainReport, knowledgeGainViewerRoles } from '$lib/server/youth/classroom.service';
import { ZKnowledgeGainQuery } from '$lib/schemas/youth';
import { formatSuppressed, type TSuppressedCount } from '$lib/stats/suppress';
import type { PageServerLoad } from './$types';

/** Knowledge gain from classroom sessions, per school municipality and per question; counts under 5 suppressed. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals, url, knowledgeGainViewerRoles);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const parsed = ZKnowledgeGainQuery.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '_');
      errors[key] ??= translate(locals.locale, isMessageKey(issue.message) ? issue.message : 'validation.invalid');
    }
  const db = (await app()).db;
  const report = await knowledgeGainReport(db, user, parsed.success ? parsed.data : {});
  const counts = (r: {
    answeredBefore: TSuppressedCount;
    answeredAfter: TSuppressedCount;
    shareBefore: number | null;
    shareAfter: number | null;
    changePoints: number | null;
  }) => ({
    before: formatSuppressed(r.answeredBefore),
    after: formatSuppressed(r.answeredAfter),
    shareBefore: r.shareBefore,
    shareAfter: r.shareAfter,
    changePoints: r.changePoints
  });
  return {
    filter: raw,
    errors,
    municipalities: (await listMunicipalities(db)).map((m) => ({ number: m.number, name: m.name })),
    byMunicipality: report.byMunicipality.map((r) => ({ name: r.name ?? r.municipality, ...counts(r) })),
    byQuestion: report.byQuestion.map((r) => ({
      set: r.set ? r.set.title[locals.locale] : r.setId,
      number: r.number,
      question: r.question
        ? `${r.question.text[locals.locale]}${r.archived ? ` ${translate(locals.locale, 'youth.editor.archivedMark')}` : ''}`
        : r.questionId,
      ...counts(r)
    }))
  };
};
