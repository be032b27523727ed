// What the crash test writes. Each writer sends one valid write and names what it must find stored: a key
// per acknowledged write, and the same keys read back from the tables (so a torn write — a row without its
// dependent rows — reads back as a different key and counts as missing).
import { connect } from '../../src/lib/server/db/connect';
import { recountCheckCounts, storedCheckCounts } from '../../src/lib/server/check/check.repository';
import type { TReader } from './reader';
import { RejectedWrite } from './rejected';
import { reports } from './report-writer';
import { surveys } from './survey-writer';

export { RejectedWrite };

export interface TWriter {
  name: string;
  /** How often it is chosen relative to the others (default 1). */
  weight?: number;
  /** Reads what the writer needs from the running app (checklists, surveys…), or sets it up beside it. */
  prepare(origin: string, databaseUrl: string): Promise<unknown>;
  /** One write: its key when answered 2xx; throws when the connection died (outcome unknown). */
  write(origin: string, context: unknown, random: () => number): Promise<string>;
  /** The keys of everything stored. */
  stored(reader: TReader): Promise<string[]>;
}

interface TChecklist {
  id: string;
  version: number;
  questions: string[];
}

const municipalities = ['0301', '4601', '5001', '1103', ''];
const answers = ['yes', 'no', 'unknown'] as const;

const checkKey = (sector: string, level: string, municipality: string | null, indicators: string[]) =>
  `${sector}|${level}|${municipality || '-'}|${[...indicators].sort().join(',')}`;

let checksDatabaseUrl: string | null = null;

/** Throws unless the check counters (check_count, check_indicator_count) equal a recount of the stored checks. */
async function assertCheckCountersEqualRecount(databaseUrl: string) {
  const { db, close } = await connect(databaseUrl);
  try {
    const stored = await storedCheckCounts(db);
    const recount = await recountCheckCounts(db);
    if (JSON.stringify(stored) !== JSON.stringify(recount))
      throw new Error(
        `checks: the counters differ from a recount of the stored checks (${stored.counts.length} vs ${recount.counts.length} check counters, ${stored.indicators.length} vs ${recount.indicators.length} indicator counters)`
      );
  } finally {
    await close();
  }
}

/**
 * POST /api/v1/checks: a check_result row, its check_result_indicator rows and the counter increments, in one
 * transaction; after every kill the counters must equal a recount of the stored checks.
 */
const checks: TWriter = {
  name: 'checks',
  async prepare(origin, databaseUrl) {
    checksDatabaseUrl = databaseUrl;
    const list = (await (await fetch(`${origin}/api/v1/checklists`)).json()) as {
      data: { id: string; kind: string }[];
    };
    const checklists: TChecklist[] = [];
    for (const c of list.data.filter((x) => x.kind === 'checklist')) {
      const doc = (await (await fetch(`${origin}/api/v1/checklists/${c.id}`)).json()) as {
        version: number;
        questions: { id: string }[];
      };
      checklists.push({ id: c.id, version: doc.version, questions: doc.questions.map((q) => q.id) });
    }
    if (!checklists.length) throw new Error('no checklists to write');
    return checklists;
  },
  async write(origin, context, random) {
    const checklists = context as TChecklist[];
    const c = checklists[Math.floor(random() * checklists.length)];
    const municipality = municipalities[Math.floor(random() * municipalities.length)];
    const body = {
      sector: c.id,
      version: c.version,
      answers: Object.fromEntries(c.questions.map((q) => [q, answers[Math.floor(random() * answers.length)]])),
      ...(municipality ? { municipality } : {})
    };
    const res = await fetch(`${origin}/api/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    const result = (await res.json()) as { level: string; triggered: { id: string }[]; message?: string };
    if (!res.ok) throw new RejectedWrite(`checks answered ${res.status}: ${result.message}`);
    return checkKey(
      c.id,
      result.level,
      municipality,
      result.triggered.map((t) => t.id)
    );
  },
  async stored(reader) {
    const results = await reader.rows<{
      id: string;
      sector: string;
      level: string;
      municipality_number: string | null;
    }>('select id, sector, level, municipality_number from check_result');
    const indicators = new Map<string, string[]>();
    for (const r of await reader.rows<{ result_id: string; indicator_id: string }>(
      'select result_id, indicator_id from check_result_indicator'
    )) {
      indicators.set(r.result_id, [...(indicators.get(r.result_id) ?? []), r.indicator_id]);
    }
    if (!checksDatabaseUrl) throw new Error('prepare first');
    await assertCheckCountersEqualRecount(checksDatabaseUrl);
    return results.map((r) => checkKey(r.sector, r.level, r.municipality_number, indicators.get(r.id) ?? []));
  }
};

/** Every writer the crash test drives; modules with acknowledged writes add theirs here. */
export const writers: TWriter[] = [checks, reports, surveys];
