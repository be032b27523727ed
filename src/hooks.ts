import type { Reroute, Transport } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n';
import { ServerRendered } from '$lib/server-rendered';

/** `/en/…` serves the same routes as `/…`; the locale is read from the URL in hooks.server.ts. */
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);

/** Data for the server's HTML only is serialized for data requests alone (src/lib/server-rendered.ts). */
export const transport: Transport = {
  ServerRendered: {
    encode: (x) => x instanceof ServerRendered && (x.send ? { value: x.value } : {}),
    decode: (x: { value?: unknown }) => new ServerRendered(x.value, false)
  }
};
