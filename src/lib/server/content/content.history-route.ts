import { error } from '@sveltejs/kit';
import { translate } from '../../i18n';
import { ZContentDiffQuery, ZContentVersionForm } from '../../schemas/content';
import { app } from '../app';
import { failFromError, parseForm } from '../http/forms';
import { requireRole } from '../http/guards';
import { withHttpErrors } from '../http/load';
import { contentHistory, contentRoles, diffContentVersions, restoreVersion } from './content.service';

/** Which item a history page shows: its kind, key and locale (from the route's parameters). */
export interface TContentHistoryItem {
  kind: string;
  key: string;
  locale: string;
}

type TEvent = { locals: App.Locals; url: URL };

/**
 * The history page of any kind of content (learning pages, checklists, quiz sets): every version, and the
 * diff between two of them when `?from=&to=` asks (a GET form: no JS needed).
 */
export async function loadContentHistory({ locals, url }: TEvent, item: TContentHistoryItem) {
  const actor = requireRole(locals, url, contentRoles);
  return withHttpErrors(locals.locale, async () => {
    const db = (await app()).db;
    const versions = await contentHistory(db, actor, item.key, item.locale, item.kind);
    const asked = url.searchParams.has('from');
    const q = ZContentDiffQuery.safeParse({ from: url.searchParams.get('from'), to: url.searchParams.get('to') });
    if (asked && !q.success)
      error(400, { message: translate(locals.locale, 'validation.invalid'), code: 'validation' });
    const diff =
      asked && q.success
        ? {
            from: q.data.from,
            to: q.data.to,
            parts: await diffContentVersions(db, actor, item.key, item.locale, q.data.from, q.data.to, item.kind)
          }
        : null;
    return { versions, diff };
  });
}

/** The history page's one action: a published version becomes a new draft. */
export async function restoreContentVersion(
  { locals, url, request }: TEvent & { request: Request },
  item: TContentHistoryItem
) {
  const actor = requireRole(locals, url, contentRoles);
  const parsed = await parseForm(request, ZContentVersionForm, locals.locale);
  if (!parsed.ok) return parsed.failure;
  try {
    const r = await restoreVersion(await app(), actor, {
      kind: item.kind,
      slug: item.key,
      locale: item.locale,
      number: parsed.data.number
    });
    return { restored: { from: parsed.data.number, number: r.number } };
  } catch (e) {
    return failFromError(e, locals.locale, parsed.values);
  }
}
