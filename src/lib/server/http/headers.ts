/**
 * Headers every answer carries (set in hooks.server.ts, and by the routes served before SvelteKit in
 * node-routes.ts). same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on
 * same-site form posts, which SvelteKit's CSRF check rightly refuses. No referrer ever leaves the site
 * either way.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin'
};
