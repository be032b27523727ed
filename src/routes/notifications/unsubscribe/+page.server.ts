import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { applyUnsubscribe, checkUnsubscribe } from '$lib/server/notifications/notifications.service';
import type { Actions, PageServerLoad } from './$types';

/**
 * The unsubscribe link of an e-mail, without login. Opening it changes nothing (mail scanners open
 * links); the button posts the token back and switches off e-mail for that one kind.
 */
export const load: PageServerLoad = async ({ url, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  const token = url.searchParams.get('token') ?? '';
  return { token, check: await checkUnsubscribe((await app()).db, token) };
};

export const actions: Actions = {
  default: async ({ request }) => {
    let token: unknown;
    try {
      token = (await request.formData()).get('token');
    } catch {
      token = null;
    }
    const result = await applyUnsubscribe((await app()).db, token);
    if (!result.ok) return fail(400, { result });
    return { result };
  }
};
