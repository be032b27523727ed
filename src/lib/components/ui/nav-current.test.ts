import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentNavItem } from './nav-current';

const staffLayout = join(process.cwd(), 'src', 'routes', '(staff)', 'admin', '+layout.svelte');
const staffRoutes = join(process.cwd(), 'src', 'routes', '(staff)');

/** The staff nav's addresses, read from the layout's `items`. */
function staffNavHrefs(): string[] {
  const source = readFileSync(staffLayout, 'utf8');
  return [...source.matchAll(/\{ href: '(\/admin[^']*)'/g)].map(([, href]) => href!);
}

/** Every staff page's address, from the files (a parameter such as `[id]` becomes `x`). */
function staffPages(): string[] {
  return readdirSync(staffRoutes, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('/+page.svelte'))
    .map((f) => `/${f.slice(0, -'/+page.svelte'.length)}`.replace(/\[[^\]]+\]/g, 'x').replace(/\/\([^)]+\)/g, ''));
}

/** How many items a path marks, counted item by item as the layout renders them. */
function marked(path: string, hrefs: string[]): string[] {
  const current = currentNavItem(path, hrefs, ['/admin']);
  return hrefs.filter((h) => current?.href === h);
}

describe('currentNavItem (the staff nav’s current item)', () => {
  it('marks only "Kunnskapsgevinst" on the knowledge-gain page, "Quizer" on a quiz set', () => {
    const hrefs = ['/admin', '/admin/youth', '/admin/youth/knowledge-gain'];
    expect(currentNavItem('/admin/youth/knowledge-gain', hrefs, ['/admin'])).toEqual({
      href: '/admin/youth/knowledge-gain',
      ariaCurrent: 'page'
    });
    expect(currentNavItem('/admin/youth/what-is/questions/q1', hrefs, ['/admin'])).toEqual({
      href: '/admin/youth',
      ariaCurrent: 'true'
    });
    expect(currentNavItem('/admin/youth', hrefs, ['/admin'])?.ariaCurrent).toBe('page');
    expect(currentNavItem('/admin', hrefs, ['/admin'])?.href).toBe('/admin');
    expect(currentNavItem('/admin/unknown', hrefs, ['/admin'])).toBeNull();
    // A longer name that only shares letters is not a sub-page.
    expect(currentNavItem('/admin/youthful', hrefs, ['/admin'])).toBeNull();
  });

  it('marks at most one item, the longest address the path is under (property)', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'c');
    const path = fc
      .array(segment, { minLength: 0, maxLength: 4 })
      .map((s) => `/admin${s.map((x) => `/${x}`).join('')}`);
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 8 }), path, (hrefs, p) => {
        const current = currentNavItem(p, hrefs, ['/admin']);
        const under = hrefs.filter((h) => h !== '/admin' && (p === h || p.startsWith(`${h}/`)));
        if (hrefs.includes(p)) expect(current).toEqual({ href: p, ariaCurrent: 'page' });
        else if (under.length === 0) expect(current).toBeNull();
        else expect(current?.href.length).toBe(Math.max(...under.map((h) => h.length)));
      })
    );
  });

  it('every staff page marks at most one item of the staff nav', () => {
    const hrefs = staffNavHrefs();
    expect(hrefs).toContain('/admin/youth');
    expect(hrefs).toContain('/admin/youth/knowledge-gain');
    const pages = staffPages();
    expect(pages).toContain('/admin/youth/knowledge-gain');
    expect(pages.length).toBeGreaterThan(20);
    const overMarked = pages.filter((p) => marked(p, hrefs).length > 1);
    expect(overMarked).toEqual([]);
    expect(marked('/admin/youth/knowledge-gain', hrefs)).toEqual(['/admin/youth/knowledge-gain']);
    // Every page with its own nav item marks that item.
    for (const href of hrefs) if (pages.includes(href)) expect(marked(href, hrefs)).toEqual([href]);
  });
});
