import type { LayoutServerLoad } from './$types';

/** The browser gets the locale and a whitelisted view of the user, never whole rows. */
export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  user: locals.user ? { id: locals.user.id, displayName: locals.user.displayName, roles: locals.user.roles } : null
});
