import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { listAudit, verifyAuditLog } from '$lib/server/audit/audit.service';
import { requireAdminUser } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;
/** Details are shown shortened; the full text stays in the database (and `npm run audit:verify`). */
const DETAILS_MAX = 160;

const ZBefore = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);

function shorten(text: string): string {
  return text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX - 1)}…` : text;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAdminUser(locals, url);
  const rawBefore = url.searchParams.get('before');
  let before: number | undefined;
  if (rawBefore !== null) {
    const parsed = ZBefore.safeParse(rawBefore);
    if (!parsed.success)
      error(400, { message: translate(locals.locale, 'admin.audit.badBefore'), code: 'bad_request' });
    before = parsed.data;
  }
  const ctx = await app();
  // One extra row tells whether an older page exists.
  const [rows, chain] = await Promise.all([listAudit(ctx.db, PAGE_SIZE + 1, before), verifyAuditLog(ctx.db)]);
  const entries = rows.slice(0, PAGE_SIZE).map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor_name,
    action: r.action,
    target: r.target_id ? `${r.target_type} ${r.target_id}` : r.target_type,
    details: r.details === '{}' ? '' : shorten(r.details)
  }));
  return {
    entries,
    olderBefore: rows.length > PAGE_SIZE ? entries[entries.length - 1].seq : null,
    isFirstPage: before === undefined,
    chain: chain.ok
      ? { ok: true as const, entries: chain.entries }
      : { ok: false as const, entries: chain.entries, brokenAt: chain.brokenAt, reason: chain.reason }
  };
};
