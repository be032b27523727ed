import { json, type RequestEvent } from '@sveltejs/kit';
import { translate } from '../../i18n';
import { ZBarometer, ZDownload, ZIndicatorList, ZValueList, ZValuesQuery } from '../../schemas/statistics';
import type { TApiOperation } from '../api/openapi';
import { apiLocale } from '../http/api';
import { isAppError } from '../errors';

/** The statistics module's API: open data under NLOD 2.0. */
export const statisticsOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/statistics/indicators',
    summary: 'Statistics indicators with their breakdowns (open data, NLOD 2.0)',
    tags: ['statistics'],
    response: ZIndicatorList
  },
  {
    method: 'get',
    path: '/api/v1/statistics/indicators/{id}/values',
    summary: 'Values of one indicator, each with its source; null values are gaps (NLOD 2.0)',
    tags: ['statistics'],
    query: ZValuesQuery,
    response: ZValueList,
    example: { params: { id: 'police_reports_trafficking' } }
  },
  {
    method: 'get',
    path: '/api/v1/statistics/indicators/{id}.csv',
    summary: 'One indicator as CSV: one row per value and source, with the licence (NLOD 2.0)',
    tags: ['statistics'],
    response: ZDownload,
    example: { params: { id: 'police_reports_trafficking' } }
  },
  {
    method: 'get',
    path: '/api/v1/statistics/indicators/{id}.jsonstat',
    summary: 'One indicator as a JSON-stat 2.0 dataset (breakdown × period × source), licence NLOD 2.0',
    tags: ['statistics'],
    response: ZDownload,
    example: { params: { id: 'police_reports_trafficking' } }
  },
  {
    method: 'get',
    path: '/api/v1/statistics/prevention',
    summary: 'The prevention barometer: the latest figure of each module, or that it has no data yet',
    tags: ['statistics'],
    response: ZBarometer
  }
];

/** Runs a download handler; an AppError answers as the API's `{message, code}` JSON in the caller's language. */
export async function downloadRespond(event: RequestEvent, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    if (!isAppError(e)) throw e;
    const locale = apiLocale(event);
    return json({ message: translate(locale, e.message, e.params), code: e.code }, { status: e.status });
  }
}
