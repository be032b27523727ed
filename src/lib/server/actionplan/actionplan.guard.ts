import type { TSessionUser } from '../auth/auth.types';
import { requireRole } from '../http/guards';
import { actionPlanEditorRoles } from './actionplan.service';

/** An editor or administrator; 403 otherwise. Call in every staff load and action of the action plan. */
export function requireActionPlanEditor(locals: App.Locals, url: URL): TSessionUser {
  return requireRole(locals, url, actionPlanEditorRoles);
}
