import { requiresTotp } from '$lib/server/auth/auth.types';
import { requireStaff } from '$lib/server/http/guards';
import type { LayoutServerLoad } from './$types';

/** Every page under /admin needs a signed-in user, with TOTP where their role requires it. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  const user = requireStaff(locals, url);
  return { isAdmin: user.roles.includes('admin'), needsTotp: !user.hasTotp && requiresTotp(user.roles) };
};
