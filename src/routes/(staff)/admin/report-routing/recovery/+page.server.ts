import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { failFromError, parseForm } from '$lib/server/http/forms';
import { requireAdminUser } from '$lib/server/http/guards';
import { withHttpErrors } from '$lib/server/http/load';
import { grantWithRecoveryKey, recoveryOverview } from '$lib/server/report/report.manage';
import { ZRecoveryUseForm } from '$lib/schemas/report';
import type { Actions, PageServerLoad } from './$types';

/** Administrators use an organisation's recovery key to give its report key to a case handler. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireAdminUser(locals, url);
  return withHttpErrors(locals.locale, async () => ({
    organisations: await recoveryOverview((await app()).db, user)
  }));
};

export const actions: Actions = {
  grant: async ({ request, locals, url }) => {
    const user = requireAdminUser(locals, url);
    const parsed = await parseForm(request, ZRecoveryUseForm, locals.locale);
    // The recovery key is never sent back to the page, not even after a mistake.
    const values = (v: Record<string, string>) => ({ ...v, recoveryKey: '' });
    if (!parsed.ok) {
      const data = parsed.failure.data;
      return fail(parsed.failure.status, { ...data, values: values(data.values) });
    }
    try {
      await grantWithRecoveryKey((await app()).db, user, parsed.data);
      return { saved: translate(locals.locale, 'report.recovery.use.done') };
    } catch (e) {
      return failFromError(e, locals.locale, values(parsed.values));
    }
  }
};
