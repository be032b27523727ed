import { error } from '@sveltejs/kit';
import { translate } from '../../i18n';
import type { TSessionUser } from '../auth/auth.types';
import { requireStaff } from '../http/guards';
import { canEditStatistics } from './statistics.service';

/** A staff member who may edit statistics (editor, analyst or administrator); 403 otherwise. Call in every load and action. */
export function requireStatisticsStaff(locals: App.Locals, url: URL): TSessionUser {
  const user = requireStaff(locals, url);
  if (!canEditStatistics(user))
    error(403, { message: translate(locals.locale, 'auth.error.forbidden'), code: 'forbidden' });
  return user;
}
