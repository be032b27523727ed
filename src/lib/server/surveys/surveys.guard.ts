import type { TSessionUser } from '../auth/auth.types';
import { requireRole } from '../http/guards';
import { surveyStaffRoles } from './surveys.service';

/** An analyst, editor or administrator; 403 otherwise. Call in every staff load and action. */
export function requireSurveyStaff(locals: App.Locals, url: URL): TSessionUser {
  return requireRole(locals, url, surveyStaffRoles);
}
