import { error, redirect } from '@sveltejs/kit';
import { delocalizePath, localizePath, translate } from '../../i18n';
import { requiresTotp, type TRole, type TSessionUser } from '../auth/auth.types';

type TLocals = App.Locals;

/** Sends a visitor without a session to the login page, back to where they were going afterwards. */
export function requireUser(locals: TLocals, url: URL): TSessionUser {
  if (!locals.user) {
    const next = delocalizePath(url.pathname) + url.search;
    redirect(303, localizePath(`/login?next=${encodeURIComponent(next)}`, locals.locale));
  }
  return locals.user;
}

/** A user whose role requires TOTP and who has none must enrol before anything else. */
export function requireTotpIfNeeded(locals: TLocals, url: URL): void {
  const user = locals.user;
  if (user && requiresTotp(user.roles) && !user.hasTotp && delocalizePath(url.pathname) !== '/admin/account') {
    redirect(303, localizePath('/admin/account', locals.locale));
  }
}

/**
 * A signed-in staff member, sent to enrol TOTP first where their role requires it. Call it in every
 * staff load and action: a layout's load does not run before an action.
 */
export function requireStaff(locals: TLocals, url: URL): TSessionUser {
  const user = requireUser(locals, url);
  requireTotpIfNeeded(locals, url);
  return user;
}

/** A staff member holding at least one of `roles`; 403 otherwise. */
export function requireRole(locals: TLocals, url: URL, roles: readonly TRole[]): TSessionUser {
  const user = requireStaff(locals, url);
  if (!user.roles.some((r) => roles.includes(r))) {
    error(403, { message: translate(locals.locale, 'auth.error.forbidden'), code: 'forbidden' });
  }
  return user;
}

/** A staff member who is an administrator; 403 otherwise. */
export function requireAdminUser(locals: TLocals, url: URL): TSessionUser {
  const user = requireStaff(locals, url);
  if (!user.roles.includes('admin'))
    error(403, { message: translate(locals.locale, 'auth.error.forbidden'), code: 'forbidden' });
  return user;
}
