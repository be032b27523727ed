import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { parseQuery } from '$lib/server/http/api';
import { downloadRespond } from '$lib/server/statistics/statistics.api';
import { requireSurveyStaff } from '$lib/server/surveys/surveys.guard';
import { codebookCsv, resultsCsv, resultsJson, responsesCsv } from '$lib/server/surveys/surveys.export';
import { ZSurveyResultsQuery } from '$lib/server/surveys/surveys.api';
import type { RequestHandler } from './$types';

const types = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** Staff downloads: responses.csv, codebook.csv, results.csv, results.json (?wave=&weighting=&by=). */
export const GET: RequestHandler = (event) =>
  downloadRespond(event, async () => {
    const actor = requireSurveyStaff(event.locals, event.url);
    const db = (await app()).db;
    const id = event.params.id;
    const q = parseQuery(event.url, ZSurveyResultsQuery);
    const wave = q.wave || null;
    const query = { wave, weighting: q.weighting, by: q.by || null };
    const locale = event.locals.locale;
    const file =
      event.params.file === 'responses.csv'
        ? await responsesCsv(db, actor, id, wave)
        : event.params.file === 'codebook.csv'
          ? await codebookCsv(db, actor, id, wave)
          : event.params.file === 'results.csv'
            ? await resultsCsv(db, actor, id, query, locale)
            : event.params.file === 'results.json'
              ? await resultsJson(db, actor, id, query, locale)
              : error(404, 'Not found');
    return new Response(file.body, {
      headers: {
        'content-type': file.filename.endsWith('.json') ? types.json : types.csv,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store'
      }
    });
  });
