/**
 * Which item of a navigation list is the current one for a path: the item whose address is the path, or
 * else the one whose address is the longest prefix of it (`/admin/youth/knowledge-gain` marks
 * "Kunnskapsgevinst", not also "Quizer"). At most one item is current. Items listed in `exactOnly` (an
 * overview such as `/admin`) are current only on their own address.
 */
export function currentNavItem(
  path: string,
  hrefs: readonly string[],
  exactOnly: readonly string[] = []
): { href: string; ariaCurrent: 'page' | 'true' } | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (hrefs.includes(clean)) return { href: clean, ariaCurrent: 'page' };
  let best: string | null = null;
  for (const href of hrefs) {
    if (exactOnly.includes(href)) continue;
    const prefix = href.endsWith('/') ? href : `${href}/`;
    if (clean.startsWith(prefix) && (best === null || href.length > best.length)) best = href;
  }
  return best === null ? null : { href: best, ariaCurrent: 'true' };
}
