import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { delocalizePath, localeFromPath, translate } from '$lib/i18n';
import { announceSetupLink, app } from '$lib/server/app';
import { SESSION_COOKIE } from '$lib/server/auth/auth.types';
import { validateSession } from '$lib/server/auth/session.service';
import { isDatabaseUnavailable, unavailableResponse } from '$lib/server/cluster/db-away';
import { scheduleAppJobs } from '$lib/server/jobs/app-jobs';
import { isAppError } from '$lib/server/errors';
import { log } from '$lib/server/log';
import { htmlLangAttributes } from '$lib/server/help/help.html';
import { SECURITY_HEADERS } from '$lib/server/http/headers';
import { refusedInputError, refusedInputResponse } from '$lib/server/http/refused-input';
import { registerCheckRoutes } from '$lib/server/check/check.node';
import { registerSurveyRoutes } from '$lib/server/surveys/surveys.node';
import { registerMaterialBodyLimit } from '$lib/server/campaigns/materials.form';

export const init: ServerInit = async () => {
  let ctx;
  try {
    ctx = await app();
  } catch (e) {
    // One clear line, then stop: a bad setting or an unreachable database is not recoverable here.
    process.stderr.write(`Forebygg cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  log.info({ db: ctx.dialect, migrations: ctx.migrations.length }, 'forebygg ready');
  await announceSetupLink(ctx);
  const jobs = scheduleAppJobs(ctx, (job, e) => log.error({ job, err: (e as Error).message }, 'background job failed'));
  registerCheckRoutes(ctx);
  registerSurveyRoutes(ctx);
  registerMaterialBodyLimit();
  // adapter-node emits this once SIGTERM/SIGINT has closed the HTTP server: stop the jobs and close the
  // database (pool and the PostgreSQL event bus's LISTEN connection), or that connection keeps the process alive.
  const open = ctx;
  (process as NodeJS.EventEmitter).once('sveltekit:shutdown', () => {
    for (const job of jobs) job.stop();
    open.close().catch((e: unknown) => log.error({ err: (e as Error).message }, 'closing the database failed'));
  });
};

/** Paths whose answers must never be cached: they show personal or sensitive data. */
function isPrivatePath(path: string): boolean {
  return /^\/(admin|setup|login|logout|invite|report)(\/|$)/.test(path);
}

/** Requests whose error was the database being away (set by handleError, read by `databaseAway`). */
const databaseAwayIn = new WeakSet<object>();
/** Requests whose error was input the database refused (set by handleError, read by `databaseAway`): 400, not 500. */
const refusedInputIn = new WeakSet<object>();

/**
 * The one place where "the database is away" becomes a 503 (JSON for the API, a page otherwise) instead
 * of a 500, and input the database refused (refused-input.ts) a 400: errors thrown before the route (the
 * session lookup) are caught here, errors inside loads, actions and endpoints are marked by handleError and
 * their 500 answer is replaced.
 */
const databaseAway: Handle = async ({ event, resolve }) => {
  const accept = () => event.request.headers.get('accept') ?? '';
  const away = () => unavailableResponse(event.url.pathname, accept(), localeFromPath(event.url.pathname));
  const refused = () => refusedInputResponse(event.url.pathname, accept(), localeFromPath(event.url.pathname));
  try {
    const response = await resolve(event);
    if (response.status === 500 && refusedInputIn.has(event.locals)) return refused();
    return response.status === 500 && databaseAwayIn.has(event.locals) ? away() : response;
  } catch (e) {
    if (isDatabaseUnavailable(e)) return away();
    if (refusedInputError(e, event.route.id)) return refused();
    throw e;
  }
};

const requestContext: Handle = async ({ event, resolve }) => {
  event.locals.requestId = randomUUID();
  event.locals.locale = localeFromPath(event.url.pathname);
  event.locals.user = null;
  event.locals.sessionId = null;
  return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) {
    const ctx = await app();
    const result = await validateSession(ctx, token);
    if (result) {
      event.locals.user = result.user;
      event.locals.sessionId = result.sessionId;
    } else {
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
    }
  }
  return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
  const locale = event.locals.locale;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('lang="%lang%"', htmlLangAttributes(event.url.pathname, locale))
  });
  const h = response.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) h.set(name, value);
  // /embed/… (statistics charts) is the only framable route; it sets its own CSP with frame-ancestors *.
  if (!delocalizePath(event.url.pathname).startsWith('/embed/')) h.set('X-Frame-Options', 'DENY');
  h.set('X-Request-Id', event.locals.requestId);
  if (isPrivatePath(delocalizePath(event.url.pathname))) h.set('Cache-Control', 'no-store');
  return response;
};

export const handle = sequence(databaseAway, requestContext, session, headers);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const requestId = event.locals.requestId ?? randomUUID();
  const locale = event.locals.locale ?? 'nb';
  if (isAppError(error)) {
    return { message: translate(locale, error.message, error.params), code: error.code, requestId };
  }
  if (status === 404) return { message: translate(locale, 'error.404.body'), code: 'not_found', requestId };
  if (status < 500) return { message, code: 'bad_request', requestId };
  if (isDatabaseUnavailable(error)) {
    databaseAwayIn.add(event.locals);
    log.warn({ requestId, route: event.route.id }, 'database unavailable');
    return { message: translate(locale, 'cluster.unavailable.body'), code: 'unavailable', requestId };
  }
  // PostgreSQL refused the input (a number out of range, NUL, not a date…): the request's fault, a 400.
  const refused = refusedInputError(error, event.route.id);
  if (refused) {
    refusedInputIn.add(event.locals);
    return { message: translate(locale, refused.message), code: refused.code, requestId };
  }
  // Only the route id and the error: never the URL's query, headers, cookies or body.
  log.error(
    {
      requestId,
      route: event.route.id,
      err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error)
    },
    'unhandled error'
  );
  return { message: translate(locale, 'error.500.body'), code: 'internal', requestId };
};
