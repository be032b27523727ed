import { z } from 'zod';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { addRule, deleteRule, listRules } from '$lib/server/report/report.service';
import { ZRouteRuleForm } from '$lib/schemas/report';
import type { Actions, PageServerLoad } from './$types';

/** Administrators manage where reports go: (kind, area) → organisation. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireAdminUser(locals, url);
  return listRules((await app()).db, user);
};

export const actions: Actions = {
  add: async ({ request, locals, url }) => {
    const user = requireAdminUser(locals, url);
    const parsed = await parseForm(request, ZRouteRuleForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await addRule((await app()).db, user, parsed.data);
      return { saved: translate(locals.locale, 'report.rules.added') };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  },
  delete: async ({ request, locals, url }) => {
    const user = requireAdminUser(locals, url);
    const parsed = await parseForm(request, z.object({ id: z.string().uuid('validation.invalid') }), locals.locale);
    if (!parsed.ok) return parsed.failure;
    try {
      await deleteRule((await app()).db, user, parsed.data.id);
      return { saved: translate(locals.locale, 'report.rules.deleted') };
    } catch (e) {
      return failFromError(e, locals.locale, parsed.values);
    }
  }
};
