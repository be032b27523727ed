import type { TSessionUser } from '../auth/auth.types';
import { requireAdminUser, requireRole } from '../http/guards';

/** A staff member who may maintain the directory (editor or administrator); 403 otherwise. */
export function requireDirectoryEditor(locals: App.Locals, url: URL): TSessionUser {
  return requireRole(locals, url, ['editor', 'admin']);
}

export { requireAdminUser };
