import { translate } from '$lib/i18n';
import { app } from '$lib/server/app';
import { apiLocale, apiRespond } from '$lib/server/http/api';
import { getBarometer } from '$lib/server/statistics/statistics.barometer';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const locale = apiLocale(event);
    const tiles = await getBarometer((await app()).db, locale);
    return {
      tiles: tiles.map((tile) => ({
        module: translate(locale, tile.titleKey),
        href: tile.href ?? '',
        status: tile.status,
        lastUpdated: tile.lastUpdated,
        figures: tile.figures
      }))
    };
  });
