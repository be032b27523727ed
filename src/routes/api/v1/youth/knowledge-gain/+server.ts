import { app } from '$lib/server/app';
import { apiRespond, parseQuery } from '$lib/server/http/api';
import { knowledgeGain, knowledgeGainByMunicipality } from '$lib/server/youth/classroom.service';
import { ZKnowledgeGainQuery } from '$lib/schemas/youth';
import { formatSuppressed, type TSuppressedCount } from '$lib/stats/suppress';
import type { RequestHandler } from './$types';

const out = (c: TSuppressedCount) => ({ count: c.count, suppressed: c.suppressed, display: formatSuppressed(c) });

export const GET: RequestHandler = (event) =>
  apiRespond(event, async () => {
    const range = parseQuery(event.url, ZKnowledgeGainQuery);
    const db = (await app()).db;
    const counts = <T extends { answeredBefore: TSuppressedCount; answeredAfter: TSuppressedCount }>(r: T) => ({
      ...r,
      answeredBefore: out(r.answeredBefore),
      answeredAfter: out(r.answeredAfter)
    });
    return {
      filter: { from: range.from ?? null, to: range.to ?? null, municipality: range.municipality ?? null },
      municipalities: (await knowledgeGainByMunicipality(db, range)).map(counts),
      data: (await knowledgeGain(db, range)).map(counts)
    };
  });
