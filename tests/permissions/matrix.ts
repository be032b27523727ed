// The permission matrix: every page, form action and endpoint under src/routes × every kind of visitor → the
// answer it must get. This table is the specification, reviewed like code:
//   - src/lib/server/api/permission-matrix.test.ts fails when a route, a form action or a handler exists in
//     src/routes that has no row here (or a row names one that does not exist), and when docs/permissions.md
//     is not the rendering of this table (`npm run docs:permissions` writes it);
//   - `npm run test:permissions [-- --db postgres]` sends every row's request as every subject to the
//     production build and fails on any answer that differs from its cell, and on any 5xx.
// A new module adds one row per page, per form action and per handler (see docs/permissions.md).
import type { TRole } from '../../src/lib/server/auth/auth.types';

/**
 * Who sends the request. Organisation A is the one set up first (the administrator's); organisation B is
 * another organisation, whose member must never see A's reports or plans.
 */
export const subjects = [
  'anonymous',
  'admin',
  'editor',
  'analyst',
  'caseHandlerA',
  'caseHandlerB',
  'deactivated',
  'expired'
] as const;
export type TSubject = (typeof subjects)[number];

export const subjectLabels: Record<TSubject, string> = {
  anonymous: 'anonymous (no session; also a reporter with a receipt, which is no session)',
  admin: 'admin of organisation A (with TOTP)',
  editor: 'editor of organisation A',
  analyst: 'analyst of organisation A',
  caseHandlerA: 'case handler of organisation A (with TOTP, keys unlocked)',
  caseHandlerB: 'case handler of organisation B (a member of another organisation)',
  deactivated: 'a session of a user an administrator has since deactivated',
  expired: 'a session older than 12 hours'
};

/** The roles each signed-in subject holds (in its own organisation). */
export const subjectRoles: Record<Exclude<TSubject, 'anonymous' | 'deactivated' | 'expired'>, TRole> = {
  admin: 'admin',
  editor: 'editor',
  analyst: 'analyst',
  caseHandlerA: 'case_handler',
  caseHandlerB: 'case_handler'
};

/**
 * The expected answer: `allow` (the request reaches the route: 2xx, a 3xx that is not to the login page, or
 * a 4xx about the input such as 400/409/410 — never 401/403/404 nor 5xx), `login` (303 to the login page),
 * 401 (API without a session), 403 (signed in, wrong role), 404 (not yours, or does not exist), 410 (a
 * one-time step that is over: setup once an administrator exists).
 */
export type TCell = 'allow' | 'login' | 401 | 403 | 404 | 410;

export interface TRow {
  /** The SvelteKit route id: the folder under src/routes, e.g. `/(staff)/admin/inbox/[id]`. */
  route: string;
  /** `GET` for a page or handler, `POST` with `action` for a form action, or the handler's method. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'fallback';
  /** The form action's name (`default` for the default action). */
  action?: string;
  /** The address requested; `{name}` is filled from the fixtures (tests/permissions/run.ts). */
  path: string;
  expect: Record<TSubject, TCell>;
  /** Why, when the cell is not obvious from the guard. */
  note?: string;
}

const signedIn = ['admin', 'editor', 'analyst', 'caseHandlerA', 'caseHandlerB'] as const;

function cells(signedInCell: (s: (typeof signedIn)[number]) => TCell, signedOut: TCell): Record<TSubject, TCell> {
  const out = { anonymous: signedOut, deactivated: signedOut, expired: signedOut } as Record<TSubject, TCell>;
  for (const s of signedIn) out[s] = signedInCell(s);
  return out;
}

/** Open to everyone, signed in or not. */
const everyone = cells(() => 'allow', 'allow');
/** The same answer for everyone (e.g. 404 for an address that does not exist). */
const all = (cell: TCell) => cells(() => cell, cell);
/** Any signed-in user; the login page for anyone else. */
const anyUser = cells(() => 'allow', 'login');
/** Staff holding one of `roles` (403 for other staff; the login page for anyone not signed in). */
const roles = (allowed: readonly TRole[]) => cells((s) => (allowed.includes(subjectRoles[s]) ? 'allow' : 403), 'login');
/** As `base`, but the member of organisation B gets 404: the thing belongs to organisation A. */
const orgA = (base: Record<TSubject, TCell>): Record<TSubject, TCell> => ({ ...base, caseHandlerB: 404 });
/** An API operation that needs a session: 401 without one. */
const apiSession = cells(() => 'allow', 401);

const editorRoles: TRole[] = ['admin', 'editor'];
const analystRoles: TRole[] = ['admin', 'editor', 'analyst'];
const adminOnly: TRole[] = ['admin'];
const caseHandlers: TRole[] = ['case_handler'];
const plannerRoles: TRole[] = ['analyst', 'editor'];

const page = (route: string, path: string, expect: Record<TSubject, TCell>, note?: string): TRow => ({
  route,
  method: 'GET',
  path,
  expect,
  ...(note ? { note } : {})
});
const action = (route: string, name: string, path: string, expect: Record<TSubject, TCell>, note?: string): TRow => ({
  route,
  method: 'POST',
  action: name,
  path,
  expect,
  ...(note ? { note } : {})
});
const actions = (route: string, names: string[], path: string, expect: Record<TSubject, TCell>, note?: string) =>
  names.map((n) => action(route, n, path, expect, note));
const api = (path: string, expect: Record<TSubject, TCell> = everyone, method: TRow['method'] = 'GET'): TRow => ({
  route: path.replace(/\{(\w+)\}/g, '[$1]'),
  method,
  path,
  expect
});

const S = '/(staff)/admin';

export const matrix: TRow[] = [
  // ── Staff area ──────────────────────────────────────────────────────────────────────────────────────────
  page(`${S}`, '/admin', anyUser),
  page(`${S}/account`, '/admin/account', anyUser),
  ...actions(`${S}/account`, ['totp', 'password'], '/admin/account', anyUser),
  page(`${S}/audit`, '/admin/audit', roles(adminOnly)),
  page(`${S}/organisations`, '/admin/organisations', roles(adminOnly)),
  action(`${S}/organisations`, 'create', '/admin/organisations', roles(adminOnly)),
  page(`${S}/organisations/[id]`, '/admin/organisations/{organisationB}', roles(adminOnly)),
  action(`${S}/organisations/[id]`, 'update', '/admin/organisations/{organisationB}', roles(adminOnly)),
  page(`${S}/users`, '/admin/users', roles(adminOnly)),
  ...actions(`${S}/users`, ['invite', 'revoke'], '/admin/users', roles(adminOnly)),
  page(`${S}/users/[id]`, '/admin/users/{victim}', roles(adminOnly)),
  ...actions(
    `${S}/users/[id]`,
    ['addMembership', 'removeMembership', 'deactivate', 'reactivate'],
    '/admin/users/{victim}',
    roles(adminOnly)
  ),
  page(`${S}/report-routing`, '/admin/report-routing', roles(adminOnly)),
  ...actions(`${S}/report-routing`, ['add', 'delete'], '/admin/report-routing', roles(adminOnly)),
  page(
    `${S}/inbox`,
    '/admin/inbox',
    roles(caseHandlers),
    'Only case handlers read reports, not administrators; each sees only their own organisation’s.'
  ),
  page(
    `${S}/inbox/[id]`,
    '/admin/inbox/{reportA}',
    orgA(roles(caseHandlers)),
    'A report routed to organisation A: 404 for the case handler of organisation B (not 403: its existence is not revealed).'
  ),
  ...actions(`${S}/inbox/[id]`, ['status', 'message'], '/admin/inbox/{reportA}', orgA(roles(caseHandlers))),
  page(`${S}/checks`, '/admin/checks', roles(analystRoles)),
  page(`${S}/help`, '/admin/help', roles(analystRoles)),
  page(`${S}/content`, '/admin/content', roles(editorRoles)),
  action(
    `${S}/content`,
    'settings',
    '/admin/content',
    roles(adminOnly),
    'Two-person review and source age: administrators only.'
  ),
  page(`${S}/content/learn/[slug]/[locale]`, '/admin/content/learn/sectors/nb', roles(editorRoles)),
  ...actions(
    `${S}/content/learn/[slug]/[locale]`,
    ['preview', 'save', 'submit', 'return', 'publish', 'archive'],
    '/admin/content/learn/sectors/nb',
    roles(editorRoles)
  ),
  page(`${S}/content/learn/[slug]/[locale]/history`, '/admin/content/learn/sectors/nb/history', roles(editorRoles)),
  action(
    `${S}/content/learn/[slug]/[locale]/history`,
    'restore',
    '/admin/content/learn/sectors/nb/history',
    roles(editorRoles)
  ),
  page(`${S}/content/checklists/[sector]`, '/admin/content/checklists/car-wash', roles(editorRoles)),
  ...actions(
    `${S}/content/checklists/[sector]`,
    ['save', 'submit', 'return', 'publish', 'archive'],
    '/admin/content/checklists/car-wash',
    roles(editorRoles)
  ),
  page(`${S}/content/checklists/new`, '/admin/content/checklists/new', roles(editorRoles)),
  action(`${S}/content/checklists/new`, 'default', '/admin/content/checklists/new', roles(editorRoles)),
  page(`${S}/content/checklists/[sector]/history`, '/admin/content/checklists/car-wash/history', roles(editorRoles)),
  action(
    `${S}/content/checklists/[sector]/history`,
    'restore',
    '/admin/content/checklists/car-wash/history',
    roles(editorRoles)
  ),
  page(`${S}/youth`, '/admin/youth', roles(editorRoles)),
  page(`${S}/youth/[id]`, '/admin/youth/{quiz}', roles(editorRoles)),
  page(`${S}/content/learn/new`, '/admin/content/learn/new', roles(editorRoles)),
  action(`${S}/content/learn/new`, 'default', '/admin/content/learn/new', roles(editorRoles)),
  page(`${S}/content/quiz/new`, '/admin/content/quiz/new', roles(editorRoles)),
  ...actions(`${S}/content/quiz/new`, ['edit', 'save'], '/admin/content/quiz/new', roles(editorRoles)),
  page(`${S}/content/quiz/[id]`, '/admin/content/quiz/what-is-trafficking', roles(editorRoles)),
  ...actions(
    `${S}/content/quiz/[id]`,
    ['edit', 'save', 'submit', 'return', 'publish', 'archive'],
    '/admin/content/quiz/what-is-trafficking',
    roles(editorRoles)
  ),
  page(`${S}/content/quiz/[id]/history`, '/admin/content/quiz/what-is-trafficking/history', roles(editorRoles)),
  action(
    `${S}/content/quiz/[id]/history`,
    'restore',
    '/admin/content/quiz/what-is-trafficking/history',
    roles(editorRoles)
  ),
  page(`${S}/content/help/[lang]`, '/admin/content/help/pl', roles(editorRoles)),
  ...actions(
    `${S}/content/help/[lang]`,
    ['save', 'submit', 'return', 'publish', 'archive', 'checked'],
    '/admin/content/help/pl',
    roles(editorRoles)
  ),
  page(`${S}/content/help/[lang]/history`, '/admin/content/help/pl/history', roles(editorRoles)),
  action(`${S}/content/help/[lang]/history`, 'restore', '/admin/content/help/pl/history', roles(editorRoles)),
  page(`${S}/content/home/[key]/[locale]`, '/admin/content/home/home.lead/nb', roles(editorRoles)),
  ...actions(
    `${S}/content/home/[key]/[locale]`,
    ['save', 'submit', 'return', 'publish', 'archive'],
    '/admin/content/home/home.lead/nb',
    roles(editorRoles)
  ),
  page(`${S}/content/home/[key]/[locale]/history`, '/admin/content/home/home.lead/nb/history', roles(editorRoles)),
  action(
    `${S}/content/home/[key]/[locale]/history`,
    'restore',
    '/admin/content/home/home.lead/nb/history',
    roles(editorRoles)
  ),
  page(`${S}/statistics`, '/admin/statistics', roles(analystRoles)),
  action(`${S}/statistics`, 'create', '/admin/statistics', roles(analystRoles)),
  page(`${S}/statistics/[id]`, '/admin/statistics/{indicator}', roles(analystRoles)),
  ...actions(
    `${S}/statistics/[id]`,
    ['enter', 'preview', 'apply'],
    '/admin/statistics/{indicator}',
    roles(analystRoles)
  ),
  page(`${S}/directory`, '/admin/directory', roles(editorRoles)),
  action(`${S}/directory`, 'licence', '/admin/directory', roles(adminOnly)),
  page(`${S}/directory/new`, '/admin/directory/new', roles(editorRoles)),
  action(`${S}/directory/new`, 'default', '/admin/directory/new', roles(editorRoles)),
  page(`${S}/directory/[id]`, '/admin/directory/{directoryEntry}', roles(editorRoles)),
  ...actions(
    `${S}/directory/[id]`,
    ['save', 'addChannel', 'removeChannel'],
    '/admin/directory/{directoryEntry}',
    roles(editorRoles)
  ),
  page(`${S}/directory/districts`, '/admin/directory/districts', roles(adminOnly)),
  action(`${S}/directory/districts`, 'default', '/admin/directory/districts', roles(adminOnly)),
  page(`${S}/directory/import`, '/admin/directory/import', roles(editorRoles)),
  ...actions(`${S}/directory/import`, ['preview', 'confirm'], '/admin/directory/import', roles(editorRoles)),
  {
    route: `${S}/directory/export.csv`,
    method: 'GET',
    path: '/admin/directory/export.csv',
    expect: roles(editorRoles)
  },
  page(`${S}/action-plan`, '/admin/action-plan', roles(editorRoles)),
  page(`${S}/action-plan/[plan]`, '/admin/action-plan/{plan}', roles(editorRoles)),
  action(`${S}/action-plan/[plan]`, 'create', '/admin/action-plan/{plan}', roles(editorRoles)),
  page(`${S}/action-plan/comments`, '/admin/action-plan/comments', roles(editorRoles)),
  action(`${S}/action-plan/comments`, 'moderate', '/admin/action-plan/comments', roles(editorRoles)),
  page(`${S}/action-plan/greta/[code]`, '/admin/action-plan/greta/{greta}', roles(editorRoles)),
  action(`${S}/action-plan/greta/[code]`, 'assess', '/admin/action-plan/greta/{greta}', roles(editorRoles)),
  page(`${S}/action-plan/import`, '/admin/action-plan/import', roles(editorRoles)),
  ...actions(`${S}/action-plan/import`, ['preview', 'confirm'], '/admin/action-plan/import', roles(editorRoles)),
  page(`${S}/action-plan/measures/[id]`, '/admin/action-plan/measures/{measure}', roles(editorRoles)),
  ...actions(
    `${S}/action-plan/measures/[id]`,
    ['update', 'assess'],
    '/admin/action-plan/measures/{measure}',
    roles(editorRoles)
  ),
  page(`${S}/buyers`, '/admin/buyers', anyUser, 'Any member of an organisation keeps its purchase plans.'),
  action(`${S}/buyers`, 'create', '/admin/buyers', anyUser),
  page(
    `${S}/buyers/[id]`,
    '/admin/buyers/{buyerPlanA}',
    orgA(anyUser),
    'A plan of organisation A: 404 for a member of organisation B.'
  ),
  ...actions(`${S}/buyers/[id]`, ['schedule', 'record', 'assess'], '/admin/buyers/{buyerPlanA}', orgA(anyUser)),
  page(
    `${S}/inbox/settings`,
    '/admin/inbox/settings',
    roles(caseHandlers),
    'Retention and the recovery key of the case handler’s own organisation.'
  ),
  ...actions(`${S}/inbox/settings`, ['retention', 'recovery'], '/admin/inbox/settings', roles(caseHandlers)),
  action(
    `${S}/inbox/[id]`,
    'forward',
    '/admin/inbox/{reportA}',
    orgA(roles(caseHandlers)),
    'Forwarding a report of organisation A: 404 for the case handler of organisation B.'
  ),
  page(`${S}/report-routing/recovery`, '/admin/report-routing/recovery', roles(adminOnly)),
  action(`${S}/report-routing/recovery`, 'grant', '/admin/report-routing/recovery', roles(adminOnly)),
  page(
    `${S}/notifications`,
    '/admin/notifications',
    anyUser,
    'Any staff user reads their own notifications (issue 16).'
  ),
  action(`${S}/notifications`, 'readAll', '/admin/notifications', anyUser),
  {
    route: `${S}/notifications/[id]`,
    method: 'GET',
    path: '/admin/notifications/{notificationAdmin}',
    expect: { ...cells(() => 404, 'login'), admin: 'allow' },
    note: 'A notification of the administrator: opening it goes to what it is about; 404 for every other user (own notifications only).'
  },
  page(`${S}/notifications/settings`, '/admin/notifications/settings', anyUser),
  action(`${S}/notifications/settings`, 'default', '/admin/notifications/settings', anyUser),
  page(
    `${S}/surveys`,
    '/admin/surveys',
    roles(analystRoles),
    'Surveys: analysts, editors and administrators (issue 7).'
  ),
  action(`${S}/surveys`, 'create', '/admin/surveys', roles(analystRoles)),
  page(`${S}/surveys/[id]`, '/admin/surveys/{survey}', roles(analystRoles)),
  ...actions(
    `${S}/surveys/[id]`,
    ['question', 'remove', 'move', 'section', 'publish', 'wave', 'link'],
    '/admin/surveys/{survey}?wave={surveyWave}',
    roles(analystRoles)
  ),
  action(
    `${S}/surveys/[id]`,
    'deleteWave',
    '/admin/surveys/{survey}?wave={surveyWave}',
    roles(analystRoles),
    'The wave holds a response, so deleting it is refused (409) for those allowed.'
  ),
  page(`${S}/surveys/[id]/preview`, '/admin/surveys/{survey}/preview', roles(analystRoles)),
  page(`${S}/surveys/[id]/results`, '/admin/surveys/{survey}/results', roles(analystRoles)),
  {
    route: `${S}/surveys/[id]/export/[file]`,
    method: 'GET',
    path: '/admin/surveys/{survey}/export/responses.csv',
    expect: roles(analystRoles),
    note: 'Responses, codebook and results downloads: survey staff only.'
  },
  page(`${S}/youth/knowledge-gain`, '/admin/youth/knowledge-gain', roles(analystRoles)),
  page(
    `${S}/campaigns/planner`,
    '/admin/campaigns/planner',
    roles(plannerRoles),
    'Analysts and editors (docs/campaigns.md); the administrator role alone does not include it.'
  ),
  action(`${S}/campaigns/planner`, 'default', '/admin/campaigns/planner', roles(plannerRoles)),
  page(`${S}/campaigns`, '/admin/campaigns', roles(analystRoles), 'Campaign staff read; administrators read.'),
  page(`${S}/campaigns/new`, '/admin/campaigns/new', roles(plannerRoles), 'Analysts and editors register campaigns.'),
  action(`${S}/campaigns/new`, 'default', '/admin/campaigns/new', roles(plannerRoles)),
  page(`${S}/campaigns/[id]`, '/admin/campaigns/{campaignDraft}', roles(analystRoles)),
  page(`${S}/campaigns/compare`, '/admin/campaigns/compare', roles(analystRoles)),
  {
    route: `${S}/campaigns/compare.csv`,
    method: 'GET',
    path: '/admin/campaigns/compare.csv',
    expect: roles(analystRoles),
    note: 'The comparison as CSV: campaign staff and administrators.'
  },
  ...actions(
    `${S}/campaigns/[id]`,
    ['publish', 'unpublish'],
    '/admin/campaigns/{campaignDraft}',
    roles(['editor']),
    'Only editors publish or withdraw a campaign (docs/campaigns.md).'
  ),
  page(`${S}/campaigns/[id]/edit`, '/admin/campaigns/{campaignDraft}/edit', roles(plannerRoles)),
  action(`${S}/campaigns/[id]/edit`, 'default', '/admin/campaigns/{campaignDraft}/edit', roles(plannerRoles)),
  page(
    `${S}/campaigns/[id]/delete`,
    '/admin/campaigns/{campaignDraft}/delete',
    roles(['editor']),
    'Editors delete a draft campaign registered by mistake (a published one is refused with 409: withdraw it first).'
  ),
  action(
    `${S}/campaigns/[id]/delete`,
    'default',
    '/admin/campaigns/{campaignDraft}/delete',
    roles(['editor']),
    'A post without the confirmation ticked is refused with 400 and deletes nothing.'
  ),
  page(
    `${S}/campaigns/[id]/materials`,
    '/admin/campaigns/{campaignDraft}/materials',
    roles(plannerRoles),
    'Those who edit a campaign (analysts and editors) upload and remove its files.'
  ),
  ...actions(
    `${S}/campaigns/[id]/materials`,
    ['upload', 'remove'],
    '/admin/campaigns/{campaignDraft}/materials',
    roles(plannerRoles)
  ),
  {
    route: `${S}/campaigns/[id]/materials/[file]`,
    method: 'GET',
    path: '/admin/campaigns/{campaignDraft}/materials/{campaignDraftFile}',
    expect: roles(analystRoles),
    note: 'A file of an unpublished campaign: staff who read campaigns (the public address answers 404).'
  },
  page(`${S}/charts`, '/admin/charts', anyUser, 'The chart gallery: any staff user.'),

  // ── Signing in ──────────────────────────────────────────────────────────────────────────────────────────
  page('/login', '/login', everyone),
  action('/login', 'default', '/login', everyone),
  page(
    '/logout',
    '/logout',
    all('login'),
    'Logging out is the POST; the page itself sends everyone to the login page.'
  ),
  action('/logout', 'default', '/logout', all('login'), 'Ends the session and sends to the login page (sent last).'),
  page('/setup', '/setup', all(410), 'After the first administrator exists, setup is gone for everyone.'),
  action('/setup', 'default', '/setup', all(410)),
  page('/invite', '/invite?token={bogusToken}', all(410), 'An invitation token nobody was given: gone.'),
  action('/invite', 'default', '/invite?token={bogusToken}', all(410)),

  // ── Public pages and their forms ────────────────────────────────────────────────────────────────────────
  page('/', '/', everyone),
  page('/learn', '/learn', everyone),
  page('/learn/[slug]', '/learn/what-is-trafficking', everyone),
  page('/check', '/check', everyone),
  page('/check/[sector]', '/check/car-wash', everyone),
  ...actions('/check/[sector]', ['score', 'search'], '/check/car-wash', everyone),
  page('/check/ask-a-company', '/check/ask-a-company', everyone),
  action('/check/ask-a-company', 'default', '/check/ask-a-company', everyone),
  {
    route: '/check/ask-a-company/letter.txt',
    method: 'POST',
    path: '/check/ask-a-company/letter.txt',
    expect: everyone
  },
  page('/report', '/report', everyone),
  ...actions('/report', ['start', 'what', 'where', 'who', 'edit', 'send'], '/report', everyone),
  page('/report/follow-up', '/report/follow-up', everyone),
  ...actions('/report/follow-up', ['open', 'reply'], '/report/follow-up', everyone),
  page('/youth', '/youth', everyone),
  page('/youth/lesson-plan', '/youth/lesson-plan', everyone),
  page('/youth/quiz/[set]', '/youth/quiz/what-is-trafficking', everyone),
  action('/youth/quiz/[set]', 'default', '/youth/quiz/what-is-trafficking', everyone),
  page('/youth/classroom', '/youth/classroom', everyone),
  ...actions('/youth/classroom', ['start', 'resume'], '/youth/classroom', everyone),
  page('/youth/classroom/t/[key]', '/youth/classroom/t/{bogusToken}', all(404), 'A teacher key nobody holds.'),
  action('/youth/classroom/t/[key]', 'default', '/youth/classroom/t/{bogusToken}', all(404)),
  {
    route: '/youth/classroom/t/[key]/events',
    method: 'GET',
    path: '/youth/classroom/t/{bogusToken}/events',
    expect: all(404)
  },
  page('/join', '/join', everyone),
  ...actions('/join', ['join', 'answer', 'leave'], '/join', everyone),
  {
    route: '/join/events',
    method: 'GET',
    path: '/join/events',
    expect: all(410),
    note: 'Without a class joined, the pupil’s event stream is over (410).'
  },
  { route: '/join/qr.svg', method: 'GET', path: '/join/qr.svg?code=ABCDEF', expect: everyone },
  page('/buyers', '/buyers', everyone),
  ...actions('/buyers', ['rules', 'scope'], '/buyers', everyone),
  { route: '/buyers/plan.csv', method: 'POST', path: '/buyers/plan.csv', expect: everyone },
  page('/buyers/supplier/[token]', '/buyers/supplier/{bogusToken}', all(404), 'A link nobody was given.'),
  action(
    '/buyers/supplier/[token]',
    'default',
    '/buyers/supplier/{bogusToken}',
    everyone,
    'An empty form is refused (400) before the link is looked up; a valid form with this link gets 404.'
  ),
  page('/action-plan', '/action-plan', everyone),
  page('/action-plan/[plan]', '/action-plan/{plan}', everyone),
  page('/action-plan/compare', '/action-plan/compare', everyone),
  page('/action-plan/timeline', '/action-plan/timeline', everyone),
  page('/action-plan/greta', '/action-plan/greta', everyone),
  page('/action-plan/greta/repeated', '/action-plan/greta/repeated', everyone),
  page('/action-plan/greta/[code]', '/action-plan/greta/{greta}', everyone),
  action(
    '/action-plan/greta/[code]',
    'comment',
    '/action-plan/greta/{greta}',
    anyUser,
    'Comments come from signed-in members of directory organisations.'
  ),
  page('/action-plan/measures/[id]', '/action-plan/measures/{measure}', everyone),
  action('/action-plan/measures/[id]', 'comment', '/action-plan/measures/{measure}', anyUser),
  page('/statistics', '/statistics', everyone),
  page('/statistics/[id]', '/statistics/police_reports_trafficking', everyone),
  page('/statistics/attrition', '/statistics/attrition', everyone),
  page('/statistics/prevention', '/statistics/prevention', everyone),
  {
    route: '/embed/statistics/[id]',
    method: 'GET',
    path: '/embed/statistics/police_reports_trafficking',
    expect: everyone
  },
  page('/directory', '/directory', everyone),
  page('/directory/[id]', '/directory/{directoryEntry}', everyone),
  page('/directory/chain', '/directory/chain', everyone),
  page('/directory/contact', '/directory/contact', everyone),
  action('/directory/contact', 'answer', '/directory/contact', everyone),
  page('/help', '/help', everyone),
  page('/help/[lang]', '/help/pl', everyone),
  page('/help/[lang]/card', '/help/pl/card', everyone),
  page('/surveys', '/surveys', everyone),
  page('/campaigns', '/campaigns', everyone),
  page('/campaigns/[slug]', '/campaigns/{campaignSlug}', everyone, 'A published campaign.'),
  {
    route: '/campaigns/[slug]/materials/[file]',
    method: 'GET',
    path: '/campaigns/{campaignSlug}/materials/{campaignFile}',
    expect: everyone,
    note: 'A published campaign’s file; a file of an unpublished campaign is 404 here, as its page.'
  },
  page('/surveys/[slug]', '/surveys/{surveySlug}', everyone, 'A published survey with an open wave.'),
  action(
    '/surveys/[slug]',
    'default',
    '/surveys/{surveySlug}',
    everyone,
    'An empty form is refused (400); nothing is stored.'
  ),
  page('/surveys/[slug]/thanks', '/surveys/{surveySlug}/thanks', everyone),
  page('/results/[survey]', '/results/{surveySlug}', everyone, 'Published results (counts under 5 suppressed).'),
  page('/notifications/unsubscribe', '/notifications/unsubscribe?token={bogusToken}', everyone),
  action(
    '/notifications/unsubscribe',
    'default',
    '/notifications/unsubscribe?token={bogusToken}',
    everyone,
    'Without a valid token the button is refused (400); no login needed, the token is the permission.'
  ),

  // ── API ─────────────────────────────────────────────────────────────────────────────────────────────────
  { route: '/api/[...path]', method: 'fallback', path: '/api/v1/no-such-thing', expect: all(404) },
  api('/api/health'),
  api('/api/v1/openapi.json'),
  api('/api/v1/municipalities'),
  api('/api/v1/organisations'),
  api('/api/v1/organisations/{id}'),
  api('/api/v1/organisations.csv'),
  api('/api/v1/coverage'),
  api('/api/v1/checklists'),
  api('/api/v1/checklists/{sector}'),
  api('/api/v1/checks', everyone, 'POST'),
  api('/api/v1/checks/summary'),
  api('/api/v1/statistics/indicators'),
  api('/api/v1/statistics/indicators/{id}/values'),
  api('/api/v1/statistics/indicators/{id}.csv'),
  api('/api/v1/statistics/indicators/{id}.jsonstat'),
  api('/api/v1/statistics/prevention'),
  api('/api/v1/learn/pages'),
  api('/api/v1/learn/pages/{slug}'),
  api('/api/v1/learn/search'),
  api('/api/v1/quizzes'),
  api('/api/v1/quizzes/{id}'),
  api('/api/v1/youth/knowledge-gain'),
  api('/api/v1/reports', everyone, 'POST'),
  api('/api/v1/reports/summary'),
  api('/api/v1/surveys'),
  { ...api('/api/v1/surveys/{id}'), path: '/api/v1/surveys/{survey}' },
  { ...api('/api/v1/surveys/{id}/results'), path: '/api/v1/surveys/{survey}/results' },
  {
    ...api('/api/v1/surveys/{id}/compare'),
    path: '/api/v1/surveys/{survey}/compare',
    note: 'Without wave_a and wave_b the answer is 400 (about the input), for everyone.'
  },
  {
    ...api('/api/v1/surveys/{id}/trend'),
    path: '/api/v1/surveys/{survey}/trend',
    note: 'Without question and answer the answer is 400 (about the input), for everyone.'
  },
  {
    ...api('/api/v1/surveys/{id}/waves/{wave}/responses', everyone, 'POST'),
    path: '/api/v1/surveys/{survey}/waves/{surveyWave}/responses',
    note: 'Anyone may answer a published survey; an empty body is refused (400), nothing stored.'
  },
  api('/api/v1/campaigns/plan', everyone, 'POST'),
  api('/api/v1/campaigns'),
  { ...api('/api/v1/campaigns/{id}'), path: '/api/v1/campaigns/{campaign}' },
  { ...api('/api/v1/campaigns/{id}/effect'), path: '/api/v1/campaigns/{campaign}/effect' },
  api('/api/v1/plans'),
  api('/api/v1/plans/{id}'),
  api('/api/v1/plans/{id}/measures'),
  { ...api('/api/v1/measures/{id}'), path: '/api/v1/measures/{measure}' },
  api('/api/v1/measures.csv'),
  api('/api/v1/greta/recommendations'),
  api('/api/v1/buyers/rules', everyone, 'POST'),
  api('/api/v1/buyers/transparency-scope', everyone, 'POST'),
  api('/api/v1/buyers/summary'),
  api('/api/v1/buyers/plans', apiSession),
  { ...api('/api/v1/buyers/plans/{id}', orgA(apiSession)), path: '/api/v1/buyers/plans/{buyerPlanA}' },
  api('/api/v1/help/languages'),
  api('/api/v1/help/{lang}')
];

/** A row's key as the completeness test names it: `GET /(staff)/admin/inbox/[id]`, `POST /report ?/send`. */
export function rowKey(row: Pick<TRow, 'route' | 'method' | 'action'>): string {
  return `${row.method} ${row.route}${row.action ? ` ?/${row.action}` : ''}`;
}

const cellText: Record<string, string> = {
  allow: 'allow',
  login: '303 → login',
  '401': '401',
  '403': '403',
  '404': '404',
  '410': '410'
};

/** docs/permissions.md as `npm run docs:permissions` writes it: the rendering, in the project's Prettier style. */
export async function permissionsDoc(): Promise<string> {
  const prettier = await import('prettier');
  const file = 'docs/permissions.md';
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(renderMarkdown(), { ...options, filepath: file });
}

/** The table as Markdown (docs/permissions.md before Prettier; a test keeps the file current). */
export function renderMarkdown(): string {
  const lines = [
    '# Permission matrix',
    '',
    '<!-- Generated from tests/permissions/matrix.ts by `npm run docs:permissions`; do not edit by hand. -->',
    '',
    'Every page, form action and endpoint under `src/routes`, and the answer each kind of visitor gets.',
    '`npm run test:permissions` (SQLite; `-- --db postgres` for PostgreSQL) sends every row as every subject to',
    'the production build and fails on any other answer or any 5xx; `permission-matrix.test.ts` fails when a',
    'route, form action or handler in `src/routes` has no row, or when this file is out of date.',
    '',
    '## Answers',
    '',
    '- **allow**: the request reaches the route (2xx, a redirect that is not to the login page, or a 4xx about',
    '  the input such as 400, 409 or 410 — never 401, 403, 404 or 5xx).',
    '- **303 → login**: a page or form action for staff, requested without a valid session (also a deactivated',
    "  user's or an expired session: the session is refused and its cookie deleted).",
    '- **401**: an API operation that needs a session, requested without one (JSON body with a message).',
    '- **403**: signed in, but without a role the route requires.',
    '- **404**: the thing belongs to another organisation (its existence is not revealed), or does not exist.',
    '- **410**: a one-time step that is over (setup once an administrator exists, an unknown invitation).',
    '',
    '## Subjects',
    '',
    ...subjects.map((s) => `- \`${s}\`: ${subjectLabels[s]}`),
    '',
    '## Matrix',
    '',
    `| Route | Request | ${subjects.map((s) => `\`${s}\``).join(' | ')} |`,
    `| --- | --- | ${subjects.map(() => '---').join(' | ')} |`,
    ...matrix.map(
      (row) =>
        `| \`${row.route}\`${row.action ? ` \`?/${row.action}\`` : ''} | ${row.method === 'fallback' ? 'any' : row.method} \`${row.path}\` | ${subjects
          .map((s) => cellText[String(row.expect[s])])
          .join(' | ')} |`
    ),
    '',
    '## Notes',
    '',
    ...matrix.filter((r) => r.note).map((r) => `- \`${rowKey(r)}\`: ${r.note}`),
    '',
    '## Adding a route',
    '',
    'A new page, form action or handler fails `permission-matrix.test.ts` until it has a row in',
    '`tests/permissions/matrix.ts`: its route id (the folder under `src/routes`), the method (and the action',
    'name), a concrete path (placeholders such as `{reportA}` are fixtures of `tests/permissions/run.ts`), and',
    'the expected answer per subject, usually one of the helpers `everyone`, `anyUser`, `roles([...])`,',
    '`orgA(...)` (404 for the member of organisation B) or `apiSession`. Then run `npm run docs:permissions`',
    'and `npm run test:permissions`.',
    ''
  ];
  return lines.join('\n');
}
