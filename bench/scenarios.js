// The benchmark scenarios. Each module adds its own (its issue names the target):
//   name      — short id, also the row in docs/performance.md
//   request   — what autocannon sends to the app: { method, path, headers?, body? }
//   baseline  — 'read' or 'write': the bare node:http + database request it is divided by
//   target    — the ratio the issue asks for (app ÷ baseline), or null when the issue names none
//   note      — what limits the figure
export const scenarios = [
  {
    name: 'health',
    request: { method: 'GET', path: '/api/health' },
    baseline: 'read',
    target: null,
    note: 'a select and the migration list: the floor of any app request through SvelteKit'
  },
  {
    name: 'municipalities API',
    request: { method: 'GET', path: '/api/v1/municipalities?county=46' },
    baseline: 'read',
    target: null,
    note: 'reads 357 rows and filters in JS (SQLite lower() does not fold æøå)'
  },
  {
    name: 'home page render',
    request: { method: 'GET', path: '/' },
    baseline: 'read',
    target: null,
    note: 'server-side render of the shell and home page, no database read'
  },
  {
    name: 'login page render',
    request: { method: 'GET', path: '/login' },
    baseline: 'read',
    target: null,
    note: 'server-side render of a form page'
  }
];

/** Public routes whose JavaScript weight is measured (the issue asks for every public route). */
export const publicPages = ['/', '/en', '/login', '/en/login'];
