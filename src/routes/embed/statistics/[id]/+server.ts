import { localizePath, translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { isAppError } from '$lib/server/errors';
import { EMBED_CSP, renderEmbed } from '$lib/server/statistics/statistics.embed';
import { loadSeriesPage } from '$lib/server/statistics/statistics.page';
import { LICENCE } from '$lib/server/statistics/statistics.service';
import type { RequestHandler } from './$types';

/** The only framable route: a chart with its source line, for newspapers and NGOs to embed. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
  const locale = locals.locale;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': EMBED_CSP };
  try {
    const view = await loadSeriesPage((await app()).db, params.id, locale, url.searchParams.get('breakdown'));
    const pageUrl = url.origin + localizePath(`/statistics/${view.slug}`, locale);
    return new Response(renderEmbed(view, locale, pageUrl, LICENCE), { headers });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'not_found') throw e;
    return new Response(translate(locale, e.message), {
      status: 404,
      headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
    });
  }
};
