import type { TSessionUser } from '../auth/auth.types';
import { requireRole } from '../http/guards';
import { statisticsStaffRoles } from './statistics.service';

/** A staff member who may edit statistics (editor, analyst or administrator); 403 otherwise. Call in every load and action. */
export function requireStatisticsStaff(locals: App.Locals, url: URL): TSessionUser {
  return requireRole(locals, url, statisticsStaffRoles);
}
