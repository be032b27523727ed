// The public pages `npm run bench` measures (render time and JavaScript per page), read from the permission
// matrix (tests/permissions/matrix.ts) — the list of every route that a test keeps complete — so a new public
// page is measured without anyone adding it here. A public page: a GET row that anonymous visitors may open,
// outside /api and the staff area, that answers HTML (not a file such as qr.svg or an event stream).
import { matrix, type TRow } from '../tests/permissions/matrix';

export interface TPublicPage {
  /** The SvelteKit route id, e.g. `/check/[sector]`. */
  route: string;
  /** The address requested; `{name}` is a fixture (see bench/pages.ts). */
  path: string;
}

/** Whether a matrix row is a public HTML page. */
export function isPublicPage(row: TRow): boolean {
  return (
    row.method === 'GET' &&
    row.expect.anonymous === 'allow' &&
    !row.route.startsWith('/api') &&
    !row.route.startsWith('/(staff)') &&
    !/\.[a-z0-9]+$/i.test(row.route) &&
    !row.route.endsWith('/events')
  );
}

export const publicPages: TPublicPage[] = matrix.filter(isPublicPage).map((r) => ({ route: r.route, path: r.path }));

export interface TPageTarget {
  /** Server time to the last byte of the HTML, median of the run, in ms. */
  renderMs?: number;
  /** JavaScript the browser downloads for the page, gzip, in KB (1,024 bytes). */
  jsKB?: number;
  /** Where the target comes from. */
  source: string;
}

/** The targets the module issues name for public pages; a page not listed has none (its figures are reported). */
export function pageTarget(route: string): TPageTarget | null {
  if (route === '/check' || route.startsWith('/check/')) return { jsKB: 30, source: 'issue 3' };
  if (route === '/learn' || route.startsWith('/learn/')) return { renderMs: 20, jsKB: 30, source: 'issue 5' };
  if (route.startsWith('/statistics') || route.startsWith('/embed/statistics'))
    return { renderMs: 30, source: 'issue 10' };
  if (route === '/directory/chain') return { renderMs: 50, source: 'issue 6' };
  return null;
}

/** The target in words, as the table shows it. */
export function describeTarget(t: TPageTarget | null): string | null {
  if (!t) return null;
  const parts = [
    t.renderMs !== undefined ? `render < ${t.renderMs} ms` : null,
    t.jsKB !== undefined ? `JS ≤ ${t.jsKB} KB gzip` : null
  ].filter(Boolean);
  return `${parts.join(', ')} (${t.source})`;
}
