import type { Reroute } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n';

/** `/en/…` serves the same routes as `/…`; the locale is read from the URL in hooks.server.ts. */
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);
