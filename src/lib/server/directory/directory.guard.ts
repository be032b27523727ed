import { error } from '@sveltejs/kit';
import { translate } from '../../i18n';
import type { TSessionUser } from '../auth/auth.types';
import { requireAdminUser, requireStaff } from '../http/guards';

/** A staff member who may maintain the directory (editor or administrator); 403 otherwise. */
export function requireDirectoryEditor(locals: App.Locals, url: URL): TSessionUser {
  const user = requireStaff(locals, url);
  if (!user.roles.includes('editor') && !user.roles.includes('admin'))
    error(403, { message: translate(locals.locale, 'auth.error.forbidden'), code: 'forbidden' });
  return user;
}

export { requireAdminUser };
