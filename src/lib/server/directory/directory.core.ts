/**
 * The directory's pure core: place-name matching, coverage, ranking, the contact guide, and the CSV
 * format and import plan. No I/O, so each rule has unit and property tests.
 */
import type { TChannelInput, TEntryInput, TGuideAnswers } from '../../schemas/directory';

/** Norwegian sort order, made once: `localeCompare(b, 'nb')` builds a collator on every call. */
export const byNorwegian = new Intl.Collator('nb').compare;

// ───────────────────────────── place names ─────────────────────────────

/**
 * A form of a place name for comparison: lower case, æ→ae, ø→o, å→a (and their two-letter spellings),
 * Sami and Kven letters folded to their base letters (á→a, č→c, đ→d, ŋ→n, š→s, ŧ→t, ž→z, ä→a, ö→o).
 */
export function normalisePlaceName(name: string): string {
  return name
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .replace(/đ/g, 'd')
    .replace(/ŋ/g, 'n')
    .replace(/ŧ/g, 't')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface TPlace {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
}

/**
 * The names a municipality can be typed as: the whole name, and each part of a Sami or Kven double
 * name ("Fauske-Fuosko" → "Fauske", "Fuosko"). Norwegian hyphenated names ("Nord-Aurdal") keep their
 * whole form too, so both kinds match.
 */
export function placeNameVariants(name: string): string[] {
  const whole = normalisePlaceName(name);
  const parts = name
    .split(/\s*[-–/]\s*/)
    .map(normalisePlaceName)
    .filter((p) => p.length >= 3);
  return [...new Set([whole, ...parts])];
}

/** Edit distance (Levenshtein), for suggestions when a name is misspelt. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

export type TPlaceMatch<P extends TPlace> =
  | { kind: 'empty' }
  | { kind: 'found'; place: P }
  | { kind: 'ambiguous'; suggestions: P[] }
  | { kind: 'unknown'; suggestions: P[] };

/**
 * Finds the municipality a person typed: a 4-digit number, or a name in any spelling the variants
 * cover. Two municipalities with the same name (Herøy, Våler) give `ambiguous`; an unknown name gives
 * up to `limit` suggestions by prefix and edit distance.
 */
export function matchMunicipality<P extends TPlace>(input: string | undefined, places: P[], limit = 5): TPlaceMatch<P> {
  const raw = (input ?? '').trim();
  if (!raw) return { kind: 'empty' };
  if (/^\d{4}$/.test(raw)) {
    const byNumber = places.find((p) => p.number === raw);
    return byNumber ? { kind: 'found', place: byNumber } : { kind: 'unknown', suggestions: [] };
  }
  // "Herøy (Nordland)" — the form the suggestions offer — picks one of two same-named municipalities.
  const withCounty = /^(.*?)\s*\((.+)\)\s*$/.exec(raw);
  const q = normalisePlaceName(withCounty ? withCounty[1] : raw);
  const countyQ = withCounty ? normalisePlaceName(withCounty[2]) : null;
  if (!q) return { kind: 'unknown', suggestions: [] };
  const exact = places.filter(
    (p) =>
      placeNameVariants(p.name).includes(q) &&
      (!countyQ || placeNameVariants(p.countyName).includes(countyQ) || normalisePlaceName(p.countyName) === countyQ)
  );
  if (exact.length === 1) return { kind: 'found', place: exact[0] };
  if (exact.length > 1) return { kind: 'ambiguous', suggestions: exact };
  const scored = places
    .map((p) => {
      const variants = placeNameVariants(p.name);
      const prefix = variants.some((v) => v.startsWith(q) || v.split(' ').some((w) => w.startsWith(q)));
      const distance = Math.min(...variants.map((v) => editDistance(q, v)));
      return { p, score: prefix ? 0 : distance };
    })
    .filter((s) => s.score === 0 || s.score <= Math.max(1, Math.floor(q.length / 3)))
    .sort((a, b) => a.score - b.score || byNorwegian(a.p.name, b.p.name));
  return { kind: 'unknown', suggestions: scored.slice(0, limit).map((s) => s.p) };
}

// ───────────────────────────── coverage ─────────────────────────────

export interface TCoverage {
  level: string;
  code: string;
}

/** Where a municipality lies: its county, and its police district when the mapping has been imported. */
export interface TArea {
  municipality: string;
  county: string;
  /** `null` when the municipality → police district mapping is not known. */
  policeDistrict: string | null;
}

/** How an entry covers an area: the most specific level that matches, or why it is unknown. */
export type TCoverageMatch = 'municipality' | 'police_district' | 'county' | 'national' | 'unknown' | 'none';

/**
 * Whether coverage rows reach a municipality. Police-district coverage of a municipality whose district
 * is not known is `unknown`, never guessed.
 */
export function coverageOf(rows: TCoverage[], area: TArea): TCoverageMatch {
  let unknown = false;
  let best: TCoverageMatch = 'none';
  const rank: Record<TCoverageMatch, number> = {
    none: 0,
    unknown: 0,
    national: 1,
    county: 2,
    police_district: 3,
    municipality: 4
  };
  const consider = (m: TCoverageMatch) => {
    if (rank[m] > rank[best]) best = m;
  };
  for (const r of rows) {
    if (r.level === 'national') consider('national');
    else if (r.level === 'county' && r.code === area.county) consider('county');
    else if (r.level === 'municipality' && r.code === area.municipality) consider('municipality');
    else if (r.level === 'police_district') {
      if (area.policeDistrict === null) unknown = true;
      else if (r.code === area.policeDistrict) consider('police_district');
    }
  }
  if (best === 'none' && unknown) return 'unknown';
  return best;
}

/** The coverage rows that would reach an area: what the SQL lookup asks for. */
export function coverageKeys(area: TArea): TCoverage[] {
  return [
    { level: 'national', code: '' },
    { level: 'county', code: area.county },
    { level: 'municipality', code: area.municipality },
    ...(area.policeDistrict ? [{ level: 'police_district', code: area.policeDistrict }] : [])
  ];
}

/** `national`, `county:03`, … ⇄ coverage rows. */
export function parseCoverageCode(code: string): TCoverage {
  const trimmed = code.trim();
  if (trimmed === 'national') return { level: 'national', code: '' };
  const i = trimmed.indexOf(':');
  return { level: trimmed.slice(0, i), code: trimmed.slice(i + 1).trim() };
}

export function formatCoverageCode(c: TCoverage): string {
  return c.level === 'national' ? 'national' : `${c.level}:${c.code}`;
}

/** Checks coverage codes against the reference data; returns the codes that name no real area. */
export function unknownCoverageCodes(
  codes: string[],
  known: { counties: Set<string>; municipalities: Set<string>; policeDistricts: Set<string> }
): string[] {
  return codes.filter((raw) => {
    const c = parseCoverageCode(raw);
    if (c.level === 'national') return false;
    if (c.level === 'county') return !known.counties.has(c.code);
    if (c.level === 'municipality') return !known.municipalities.has(c.code);
    if (c.level === 'police_district') return !known.policeDistricts.has(c.code);
    return true;
  });
}

// ───────────────────────────── ranking ─────────────────────────────

export interface TRankable {
  name: string;
  match: TCoverageMatch;
  verified: boolean;
  text: string;
}

const matchRank: Record<TCoverageMatch, number> = {
  municipality: 0,
  police_district: 1,
  county: 2,
  national: 3,
  unknown: 4,
  none: 5
};

/**
 * Most relevant first: a name that matches the text search, then the most local coverage (a service in
 * the municipality before a national one), verified entries before unverified, then by name.
 */
export function rankEntries<T extends TRankable>(entries: T[], q = ''): T[] {
  const nq = normalisePlaceName(q);
  const nameHit = (e: T) => (nq && normalisePlaceName(e.name).includes(nq) ? 0 : 1);
  return [...entries].sort(
    (a, b) =>
      nameHit(a) - nameHit(b) ||
      matchRank[a.match] - matchRank[b.match] ||
      Number(b.verified) - Number(a.verified) ||
      byNorwegian(a.name, b.name)
  );
}

/** Whether the free-text query occurs in the name or description (æ/ø/å-insensitive). */
export function textMatches(text: string, q: string | undefined): boolean {
  const nq = normalisePlaceName(q ?? '');
  return !nq || normalisePlaceName(text).includes(nq);
}

// ───────────────────────────── the contact guide ─────────────────────────────

export interface TGuideChannel {
  id: string;
  purpose: string;
  anonymity: string;
}

export interface TGuideEntry<C extends TGuideChannel = TGuideChannel> {
  id: string;
  name: string;
  links: string[];
  exploitation: string[];
  targets: string[];
  channels: C[];
}

export type TGuideReason = 'emergency' | 'child' | 'work' | 'sex' | 'tip' | 'victimHelp';

export interface TGuideStep<E extends TGuideEntry> {
  entry: E;
  reasons: TGuideReason[];
  channels: E['channels'];
}

/** The channels through which a person can get help or pass on a concern (not general enquiries). */
const actionablePurposes = new Set(['emergency', 'tip', 'report', 'advice']);

/**
 * The contacts the guide ends with, in order: the emergency channel first when someone is in danger
 * now; then services for children, for work or for sex exploitation as answered; then the tip line;
 * then help for victims. With `anonymous`, channels that cannot be used anonymously are left out
 * (except the emergency number when someone is in danger). Entries must already be those covering
 * the person's municipality.
 */
export function contactGuide<E extends TGuideEntry>(answers: TGuideAnswers, entries: E[]): TGuideStep<E>[] {
  const steps = new Map<string, TGuideStep<E>>();
  const usable = (e: E, emergencyOnly: boolean) =>
    e.channels.filter(
      (c) =>
        (emergencyOnly ? c.purpose === 'emergency' : actionablePurposes.has(c.purpose) && c.purpose !== 'emergency') &&
        (answers.anonymous !== 'yes' || c.anonymity !== 'not_possible' || c.purpose === 'emergency')
    ) as E['channels'];
  const add = (e: E, reason: TGuideReason, channels: E['channels']) => {
    if (channels.length === 0) return;
    const step = steps.get(e.id);
    if (step) {
      if (!step.reasons.includes(reason)) step.reasons.push(reason);
      for (const c of channels) if (!step.channels.some((x) => x.id === c.id)) step.channels.push(c);
    } else steps.set(e.id, { entry: e, reasons: [reason], channels: [...channels] });
  };
  // Services only for children are left out when the person said it is not about a child.
  const childOnly = (e: E) => e.targets.includes('children') && !e.targets.includes('adults');
  const sorted = [...entries]
    .filter((e) => answers.child !== 'no' || !childOnly(e))
    .sort((a, b) => byNorwegian(a.name, b.name));
  if (answers.danger === 'yes') for (const e of sorted) add(e, 'emergency', usable(e, true));
  if (answers.child === 'yes' || answers.child === 'unsure')
    for (const e of sorted) if (e.targets.includes('children')) add(e, 'child', usable(e, false));
  const work = answers.about === 'work' || answers.about === 'unsure';
  const sex = answers.about === 'sex' || answers.about === 'unsure';
  if (work) for (const e of sorted) if (e.exploitation.includes('labour')) add(e, 'work', usable(e, false));
  if (sex) for (const e of sorted) if (e.exploitation.includes('sexual')) add(e, 'sex', usable(e, false));
  for (const e of sorted)
    if (e.links.includes('intelligence'))
      add(
        e,
        'tip',
        usable(e, false).filter((c) => c.purpose === 'tip')
      );
  for (const e of sorted) if (e.links.includes('victim_follow_up')) add(e, 'victimHelp', usable(e, false));
  const order: TGuideReason[] = ['emergency', 'child', 'work', 'sex', 'tip', 'victimHelp'];
  return [...steps.values()].sort((a, b) => order.indexOf(a.reasons[0]) - order.indexOf(b.reasons[0]));
}

// ───────────────────────────── CSV ─────────────────────────────

/** The columns of the directory CSV, in order (UTF-8, RFC 4180). Lists are separated by `;`. */
export const csvColumns = [
  'id',
  'name',
  'service_type',
  'links',
  'sectors',
  'exploitation',
  'targets',
  'languages',
  'coverage',
  'summary_nb',
  'summary_en',
  'not_done_nb',
  'not_done_en',
  'website',
  'verification',
  'verification_note_nb',
  'verification_note_en',
  'verified_at',
  'source_url',
  'source_note',
  'published',
  'channels'
] as const;
export type TCsvRow = Record<(typeof csvColumns)[number], string>;

const sortedList = (xs: string[]) => [...new Set(xs)].sort();

/** An entry as the CSV writes it: lists sorted and deduplicated, so export → import is stable. */
export function entryToCsvRow(id: string, e: TEntryInput): TCsvRow {
  return {
    id,
    name: e.name,
    service_type: e.serviceType,
    links: sortedList(e.links).join(';'),
    sectors: sortedList(e.sectors).join(';'),
    exploitation: sortedList(e.exploitation).join(';'),
    targets: sortedList(e.targets).join(';'),
    languages: sortedList(e.languages).join(';'),
    coverage: sortedList(e.coverage).join(';'),
    summary_nb: e.summaryNb,
    summary_en: e.summaryEn,
    not_done_nb: e.notDoneNb,
    not_done_en: e.notDoneEn,
    website: e.website,
    verification: e.verification,
    verification_note_nb: e.verificationNoteNb,
    verification_note_en: e.verificationNoteEn,
    verified_at: e.verifiedAt,
    source_url: e.sourceUrl,
    source_note: e.sourceNote,
    published: e.published,
    channels: e.channels.length ? JSON.stringify(e.channels) : ''
  };
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** A CSV row back to the raw shape `ZEntryInput` validates. */
export function csvRowToRawEntry(row: Record<string, string>): {
  raw: Record<string, unknown>;
  channelsError: boolean;
} {
  let channels: unknown = [];
  let channelsError = false;
  if ((row.channels ?? '').trim()) {
    try {
      channels = JSON.parse(row.channels);
    } catch {
      channelsError = true;
    }
  }
  return {
    channelsError,
    raw: {
      name: row.name,
      serviceType: row.service_type,
      summaryNb: row.summary_nb,
      summaryEn: row.summary_en,
      notDoneNb: row.not_done_nb ?? '',
      notDoneEn: row.not_done_en ?? '',
      website: (row.website ?? '').trim(),
      links: list(row.links),
      sectors: list(row.sectors),
      exploitation: list(row.exploitation),
      targets: list(row.targets),
      languages: list(row.languages),
      coverage: list(row.coverage),
      channels,
      verification: row.verification,
      verificationNoteNb: row.verification_note_nb ?? '',
      verificationNoteEn: row.verification_note_en ?? '',
      verifiedAt: (row.verified_at ?? '').trim(),
      sourceUrl: (row.source_url ?? '').trim(),
      sourceNote: row.source_note ?? '',
      published: row.published
    }
  };
}

/** Makes an entry comparable: lists sorted, channels in order. */
export function canonicalEntry(e: TEntryInput): TEntryInput {
  return {
    ...e,
    links: sortedList(e.links) as TEntryInput['links'],
    sectors: sortedList(e.sectors) as TEntryInput['sectors'],
    exploitation: sortedList(e.exploitation) as TEntryInput['exploitation'],
    targets: sortedList(e.targets),
    languages: sortedList(e.languages),
    coverage: sortedList(e.coverage),
    channels: e.channels.map((c) => ({ ...c }) as TChannelInput)
  };
}

/** The names of the fields that differ between two entries. */
export function changedFields(before: TEntryInput, after: TEntryInput): string[] {
  const a = canonicalEntry(before) as unknown as Record<string, unknown>;
  const b = canonicalEntry(after) as unknown as Record<string, unknown>;
  return Object.keys(b)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

// ───────────────────────────── import plan ─────────────────────────────

export type TImportAction = 'create' | 'update' | 'unchanged' | 'reject';

export interface TImportRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  id: string;
  name: string;
  action: TImportAction;
  /** Field names changed (update) or field → message key (reject). */
  changes: string[];
  errors: { field: string; message: string }[];
  entry?: TEntryInput;
}

export interface TImportPlan {
  /** Set when the file as a whole cannot be read: wrong columns, not UTF-8, not CSV. */
  fileError?: { message: string; params?: Record<string, string> };
  rows: TImportRow[];
  counts: Record<TImportAction, number>;
}

export interface TImportContext {
  existing: Map<string, TEntryInput>;
  known: { counties: Set<string>; municipalities: Set<string>; policeDistricts: Set<string> };
  /** Validates a raw entry: returns the entry, or issues as field → message key. */
  validate: (
    raw: Record<string, unknown>
  ) => { ok: true; entry: TEntryInput } | { ok: false; errors: { field: string; message: string }[] };
  newId: () => string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the header: the exact columns, in any order. Returns missing and unknown column names. */
export function checkCsvHeader(header: string[]): { missing: string[]; unknown: string[] } {
  const known = new Set<string>(csvColumns);
  return {
    missing: csvColumns.filter((c) => !header.includes(c)),
    unknown: header.filter((h) => !known.has(h))
  };
}

/**
 * What an import would do, row by row: create, update (naming the changed fields), leave unchanged, or
 * reject (naming each problem). Duplicate ids reject every row that carries them. Nothing is written here.
 */
export function planImport(records: { line: number; row: Record<string, string> }[], ctx: TImportContext): TImportPlan {
  const idCount = new Map<string, number>();
  for (const r of records) {
    const id = (r.row.id ?? '').trim().toLowerCase();
    if (id) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  const rows: TImportRow[] = records.map(({ line, row }) => {
    const givenId = (row.id ?? '').trim().toLowerCase();
    const errors: { field: string; message: string }[] = [];
    if (givenId && !uuidPattern.test(givenId)) errors.push({ field: 'id', message: 'directory.import.badId' });
    if (givenId && (idCount.get(givenId) ?? 0) > 1)
      errors.push({ field: 'id', message: 'directory.import.duplicateId' });
    const { raw, channelsError } = csvRowToRawEntry(row);
    if (channelsError) errors.push({ field: 'channels', message: 'directory.import.badChannels' });
    const result = ctx.validate(raw);
    if (!result.ok) errors.push(...result.errors);
    else {
      const unknownCodes = unknownCoverageCodes(result.entry.coverage, ctx.known);
      if (unknownCodes.length) errors.push({ field: 'coverage', message: 'directory.import.unknownCoverage' });
    }
    const name = String(row.name ?? '');
    if (errors.length || !result.ok) return { line, id: givenId, name, action: 'reject', changes: [], errors };
    const before = givenId ? ctx.existing.get(givenId) : undefined;
    if (!before)
      return { line, id: givenId || ctx.newId(), name, action: 'create', changes: [], errors, entry: result.entry };
    const changes = changedFields(before, result.entry);
    return {
      line,
      id: givenId,
      name,
      action: changes.length ? 'update' : 'unchanged',
      changes,
      errors,
      entry: result.entry
    };
  });
  const counts: Record<TImportAction, number> = { create: 0, update: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, counts };
}
