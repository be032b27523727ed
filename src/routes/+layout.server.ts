import { messagesFor } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * The browser gets the locale, that locale's messages (no dictionary is bundled into the JavaScript)
 * and a whitelisted view of the user, never whole rows.
 */
export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  messages: messagesFor(locals.locale),
  user: locals.user ? { id: locals.user.id, displayName: locals.user.displayName, roles: locals.user.roles } : null
});
