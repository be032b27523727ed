import { parse } from 'csv-parse/sync';
import { restoreCsvText, toCsv } from '../http/csv';
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit.service';
import type { TSessionUser } from '../auth/auth.types';
import type { DB, Executor } from '../db/schema';
import { AppError } from '../errors';
import { isMessageKey, type MessageKey } from '../../i18n';
import {
  chainLinks,
  ZEntryInput,
  type TChannelInput,
  type TDirectorySearch,
  type TEntryInput,
  type TGuideAnswers
} from '../../schemas/directory';
import * as refRepo from '../reference/reference.repository';
import {
  byNorwegian,
  checkCsvHeader,
  contactGuide,
  coverageKeys,
  coverageOf,
  csvColumns,
  entryToCsvRow,
  changedFields,
  matchMunicipality,
  parseCoverageCode,
  planImport,
  rankEntries,
  textMatches,
  type TArea,
  type TCoverageMatch,
  type TImportPlan,
  type TPlace,
  type TPlaceMatch
} from './directory.core';
import * as repo from './directory.repository';
import { seedEntries } from './directory.seed';

/** Entries not verified for this long are flagged to editors and shown with a notice. */
export const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

export const DEFAULT_LICENCE = {
  licence: 'Norsk lisens for offentlige data (NLOD) 2.0',
  licenceUrl: 'https://data.norge.no/nlod/no/2.0'
};

export interface TChannel extends TChannelInput {
  id: string;
}

/** A directory entry as pages and the API show it. */
export interface TEntry {
  id: string;
  name: string;
  serviceType: string;
  summary: { nb: string; en: string };
  notDone: { nb: string; en: string };
  website: string;
  links: string[];
  sectors: string[];
  exploitation: string[];
  targets: string[];
  languages: string[];
  coverage: string[];
  channels: TChannel[];
  verification: 'verified' | 'unverified';
  verificationNote: { nb: string; en: string };
  verifiedAt: string | null;
  /** Not verified in the last 12 months (or never). */
  stale: boolean;
  sourceUrl: string;
  sourceNote: string;
  published: boolean;
  updatedAt: string;
}

/** Editors and administrators maintain the directory. */
export function requireEditor(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.includes('admin') && !user.roles.includes('editor'))
    throw new AppError('forbidden', 'auth.error.forbidden');
}

function requireAdminRole(user: TSessionUser | null): asserts user is TSessionUser {
  if (!user) throw new AppError('unauthenticated', 'auth.error.loginRequired');
  if (!user.roles.includes('admin')) throw new AppError('forbidden', 'auth.error.forbidden');
}

export function isStale(verifiedAt: string | null, now = Date.now()): boolean {
  return !verifiedAt || now - Date.parse(verifiedAt) > STALE_AFTER_MS;
}

// ───────────────────────────── reading ─────────────────────────────

/** Loads entries with their tags, channels and coverage. */
export async function loadEntries(db: Executor, ids: string[]): Promise<TEntry[]> {
  if (ids.length === 0) return [];
  const [profiles, tags, channels, coverage] = await Promise.all([
    repo.loadProfiles(db, ids),
    repo.loadTags(db, ids),
    repo.loadChannels(db, ids),
    repo.loadCoverage(db, ids)
  ]);
  const byOrg = <T extends { organisation_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.organisation_id, [...(m.get(r.organisation_id) ?? []), r]);
    return m;
  };
  const tagMap = byOrg(tags);
  const channelMap = byOrg(channels);
  const coverageMap = byOrg(coverage);
  const now = Date.now();
  return profiles.map((p) => {
    const t = tagMap.get(p.organisation_id) ?? [];
    const facet = (f: string) =>
      t
        .filter((x) => x.facet === f)
        .map((x) => x.value)
        .sort();
    const verifiedAt = p.verified_at ? p.verified_at.slice(0, 10) : null;
    return {
      id: p.organisation_id,
      name: p.name,
      serviceType: p.service_type,
      summary: { nb: p.summary_nb, en: p.summary_en },
      notDone: { nb: p.not_done_nb, en: p.not_done_en },
      website: p.website ?? '',
      links: facet('link'),
      sectors: facet('sector'),
      exploitation: facet('exploitation'),
      targets: facet('target'),
      languages: facet('language'),
      coverage: (coverageMap.get(p.organisation_id) ?? [])
        .map((c) => (c.level === 'national' ? 'national' : `${c.level}:${c.code}`))
        .sort(),
      channels: (channelMap.get(p.organisation_id) ?? [])
        .sort((a, b) => Number(a.position) - Number(b.position))
        .map((c) => ({
          id: c.id,
          kind: c.kind as TChannel['kind'],
          purpose: c.purpose as TChannel['purpose'],
          value: c.value,
          labelNb: c.label_nb,
          labelEn: c.label_en,
          availability: c.availability as TChannel['availability'],
          hoursNb: c.hours_nb,
          hoursEn: c.hours_en,
          anonymity: c.anonymity as TChannel['anonymity'],
          verification: c.verification as TChannel['verification'],
          noteNb: c.note_nb,
          noteEn: c.note_en
        })),
      verification: p.verification === 'verified' ? 'verified' : 'unverified',
      verificationNote: { nb: p.verification_note_nb, en: p.verification_note_en },
      verifiedAt,
      stale: isStale(verifiedAt, now),
      sourceUrl: p.source_url,
      sourceNote: p.source_note,
      published: p.published_at !== null,
      updatedAt: p.updated_at
    } satisfies TEntry;
  });
}

/** An entry in the shape forms, the CSV and the import compare. */
export function entryToInput(e: TEntry): TEntryInput {
  return {
    name: e.name,
    serviceType: e.serviceType as TEntryInput['serviceType'],
    summaryNb: e.summary.nb,
    summaryEn: e.summary.en,
    notDoneNb: e.notDone.nb,
    notDoneEn: e.notDone.en,
    website: e.website,
    links: e.links as TEntryInput['links'],
    sectors: e.sectors as TEntryInput['sectors'],
    exploitation: e.exploitation as TEntryInput['exploitation'],
    targets: e.targets,
    languages: e.languages,
    coverage: e.coverage,
    channels: e.channels.map(({ id: _id, ...c }) => (void _id, c)),
    verification: e.verification,
    verificationNoteNb: e.verificationNote.nb,
    verificationNoteEn: e.verificationNote.en,
    verifiedAt: e.verifiedAt ?? '',
    sourceUrl: e.sourceUrl,
    sourceNote: e.sourceNote,
    published: e.published ? 'yes' : 'no'
  };
}

export async function listPlaces(db: Executor): Promise<TPlace[]> {
  return refRepo.listMunicipalities(db);
}

/** Where a municipality lies, with its police district when the mapping has been imported. */
export async function areaOf(db: Executor, place: TPlace): Promise<TArea> {
  return {
    municipality: place.number,
    county: place.countyNumber,
    policeDistrict: await repo.districtOfMunicipality(db, place.number)
  };
}

/** "Who covers municipality X": the ids of published entries whose coverage reaches it. */
export async function whoCovers(db: Executor, area: TArea): Promise<string[]> {
  return repo.coveringIds(db, coverageKeys(area));
}

export interface TSearchResult {
  place: TPlaceMatch<TPlace>;
  area: TArea | null;
  results: (TEntry & { match: TCoverageMatch })[];
  /** Entries that cover police districts, when the municipality's district is not known. */
  unknownCoverage: { id: string; name: string }[];
}

/** Search and filter the published directory; the most relevant entries come first. */
export async function searchDirectory(db: DB, query: TDirectorySearch): Promise<TSearchResult> {
  const places = await listPlaces(db);
  const place = matchMunicipality(query.municipality, places);
  let ids: string[];
  let area: TArea | null = null;
  let unknownIds: string[] = [];
  if (place.kind === 'found') {
    area = await areaOf(db, place.place);
    ids = await whoCovers(db, area);
    if (area.policeDistrict === null) {
      const covered = new Set(ids);
      unknownIds = (await repo.idsWithDistrictCoverage(db)).filter((id) => !covered.has(id));
    }
  } else if (place.kind === 'empty') {
    ids = await repo.listProfileIds(db, true);
  } else {
    return { place, area: null, results: [], unknownCoverage: [] };
  }
  const entries = await loadEntries(db, ids);
  const filtered = entries.filter((e) => matchesFilters(e, query));
  const withMatch = filtered.map((e) => ({
    ...e,
    match: area ? coverageOf(e.coverage.map(parseCoverageCode), area) : ('national' as TCoverageMatch),
    verified: e.verification === 'verified',
    text: ''
  }));
  const ranked = rankEntries(withMatch, query.q).map(({ verified: _v, text: _t, ...e }) => (void _v, void _t, e));
  const unknown = (await loadEntries(db, unknownIds)).filter((e) => matchesFilters(e, query));
  return {
    place,
    area,
    results: ranked,
    unknownCoverage: unknown.map((e) => ({ id: e.id, name: e.name })).sort((a, b) => byNorwegian(a.name, b.name))
  };
}

function matchesFilters(e: TEntry, q: TDirectorySearch): boolean {
  if (q.link && !e.links.includes(q.link)) return false;
  if (q.sector && !e.sectors.includes(q.sector)) return false;
  if (q.exploitation && !e.exploitation.includes(q.exploitation)) return false;
  if (q.target && !e.targets.includes(q.target)) return false;
  if (q.language && !e.languages.includes(q.language)) return false;
  if (q.channel === 'always' && !e.channels.some((c) => c.availability === 'always')) return false;
  if (q.channel && q.channel !== 'always' && !e.channels.some((c) => c.kind === q.channel)) return false;
  if (q.q && !textMatches(`${e.name} ${e.summary.nb} ${e.summary.en}`, q.q)) return false;
  return true;
}

/** One entry; unpublished entries only for staff. */
export async function getEntry(db: Executor, id: string, opts: { includeUnpublished?: boolean } = {}): Promise<TEntry> {
  const [entry] = await loadEntries(db, [id]);
  if (!entry || (!entry.published && !opts.includeUnpublished))
    throw new AppError('not_found', 'directory.error.notFound');
  return entry;
}

/** The contact guide's answer: the contacts for a municipality (or the whole country), in order. */
export async function guideContacts(db: DB, answers: TGuideAnswers) {
  const places = await listPlaces(db);
  const place = matchMunicipality(answers.municipality, places);
  if (place.kind === 'unknown' || place.kind === 'ambiguous') return { place, steps: [] };
  const area = place.kind === 'found' ? await areaOf(db, place.place) : null;
  const ids = area ? await whoCovers(db, area) : await repo.coveringIds(db, [{ level: 'national', code: '' }]);
  const entries = await loadEntries(db, ids);
  return { place, steps: contactGuide(answers, entries) };
}

// ───────────────────────────── coverage (the chain map's data) ─────────────────────────────

export interface TCoverageRow {
  /** County number (whole country) or municipality number (one county). */
  code: string;
  name: string;
  /** Per link: the ids of entries covering the whole area, and of those covering part of it. */
  links: Record<string, { full: string[]; partial: string[] }>;
  /** Links with no entry at all: the gaps. */
  gaps: string[];
  languages: string[];
}

/**
 * For the whole country, one row per county; for a county, one row per municipality. An entry covers a
 * county fully when it is national or names the county, partly when it names a municipality in it (or
 * a police district, whose extent is unknown until the mapping is imported).
 */
/**
 * The last reports computed in this process, keyed by scope and the data's version (read from the
 * database each time, so several instances never serve a stale map).
 */
const reportCaches = new WeakMap<
  DB,
  Map<string, { version: string; report: Awaited<ReturnType<typeof computeCoverageReport>> }>
>();

export async function coverageReport(db: DB, county?: string) {
  const version = await repo.coverageVersion(db);
  const key = county ?? 'national';
  let reportCache = reportCaches.get(db);
  if (!reportCache) reportCaches.set(db, (reportCache = new Map()));
  const cached = reportCache.get(key);
  if (cached && cached.version === version) return cached.report;
  const report = await computeCoverageReport(db, county);
  if (reportCache.size > 32) reportCache.clear();
  reportCache.set(key, { version, report });
  return report;
}

/** The chain map computed from the database (what `coverageReport` caches). */
export async function computeCoverageReport(db: DB, county?: string) {
  const places = await listPlaces(db);
  if (county && !places.some((p) => p.countyNumber === county))
    throw new AppError('not_found', 'directory.error.countyNotFound', {
      fields: { county: 'directory.error.countyNotFound' }
    });
  const data = await repo.publishedForCoverage(db);
  const mapping = new Map(
    (await repo.listDistrictMapping(db)).map((r) => [r.municipality_number, r.police_district_name])
  );
  // Each entry's coverage as sets, parsed once: the report is then a few set lookups per area.
  interface TReach {
    national: boolean;
    counties: Set<string>;
    municipalities: Set<string>;
    districts: Set<string>;
    links: string[];
    languages: string[];
  }
  const reach = new Map<string, TReach>();
  for (const n of data.names)
    reach.set(n.id, {
      national: false,
      counties: new Set(),
      municipalities: new Set(),
      districts: new Set(),
      links: [],
      languages: []
    });
  for (const c of data.coverage) {
    const r = reach.get(c.organisation_id);
    if (!r) continue;
    if (c.level === 'national') r.national = true;
    else if (c.level === 'county') r.counties.add(c.code);
    else if (c.level === 'municipality') r.municipalities.add(c.code);
    else if (c.level === 'police_district') r.districts.add(c.code);
  }
  for (const t of data.tags) {
    const r = reach.get(t.organisation_id);
    if (r) (t.facet === 'link' ? r.links : r.languages).push(t.value);
  }
  // The municipalities each entry reaches below the national and county levels, found once.
  const countyOf = new Map(places.map((p) => [p.number, p.countyNumber]));
  const munisOfDistrict = new Map<string, string[]>();
  for (const [m, d] of mapping) munisOfDistrict.set(d, [...(munisOfDistrict.get(d) ?? []), m]);
  const reachedMunis = new Map<string, Set<string>>();
  for (const [id, r] of reach) {
    const set = new Set(r.municipalities);
    for (const d of r.districts) for (const m of munisOfDistrict.get(d) ?? []) set.add(m);
    if (set.size) reachedMunis.set(id, set);
  }
  const areas: { code: string; name: string; munis: TPlace[] }[] = county
    ? places.filter((p) => p.countyNumber === county).map((p) => ({ code: p.number, name: p.name, munis: [p] }))
    : [...new Map(places.map((p) => [p.countyNumber, p.countyName]))]
        .map(([code, name]) => ({ code, name, munis: places.filter((p) => p.countyNumber === code) }))
        .sort((a, b) => a.code.localeCompare(b.code));
  const rows: TCoverageRow[] = areas.map((a) => {
    const links: TCoverageRow['links'] = Object.fromEntries(chainLinks.map((l) => [l, { full: [], partial: [] }]));
    const languages = new Set<string>();
    const countyNumber = a.munis[0]?.countyNumber;
    for (const [id, r] of reach) {
      if (r.links.length === 0 && r.languages.length === 0) continue;
      let reached: number;
      if (r.national || (countyNumber !== undefined && r.counties.has(countyNumber))) reached = a.munis.length;
      else {
        const munis = reachedMunis.get(id);
        if (!munis) continue;
        reached = 0;
        if (a.munis.length === 1) reached = munis.has(a.munis[0].number) ? 1 : 0;
        else for (const m of munis) if (countyOf.get(m) === countyNumber) reached++;
      }
      if (reached === 0) continue;
      for (const l of r.links) links[l]?.[reached === a.munis.length ? 'full' : 'partial'].push(id);
      for (const lang of r.languages) languages.add(lang);
    }
    return {
      code: a.code,
      name: a.name,
      links,
      gaps: chainLinks.filter((l) => links[l].full.length + links[l].partial.length === 0),
      languages: [...languages].sort()
    };
  });
  return {
    scope: county ?? 'national',
    mappingImported: mapping.size > 0,
    entries: data.names
      .map((n) => ({ id: n.id, name: n.name, links: [...(reach.get(n.id)?.links ?? [])].sort() }))
      .sort((a, b) => byNorwegian(a.name, b.name)),
    rows
  };
}

// ───────────────────────────── writing ─────────────────────────────

function profileRow(id: string, e: TEntryInput, at: string, previousPublishedAt: string | null) {
  return {
    organisation_id: id,
    service_type: e.serviceType,
    summary_nb: e.summaryNb,
    summary_en: e.summaryEn,
    not_done_nb: e.notDoneNb,
    not_done_en: e.notDoneEn,
    website: e.website || null,
    verification: e.verification,
    verification_note_nb: e.verificationNoteNb,
    verification_note_en: e.verificationNoteEn,
    verified_at: e.verifiedAt ? new Date(`${e.verifiedAt}T00:00:00.000Z`).toISOString() : null,
    source_url: e.sourceUrl,
    source_note: e.sourceNote,
    published_at: e.published === 'yes' ? (previousPublishedAt ?? at) : null,
    updated_at: at
  };
}

function tagRows(e: TEntryInput) {
  const rows: { facet: string; value: string }[] = [];
  const add = (facet: string, values: string[]) => {
    for (const value of new Set(values)) rows.push({ facet, value });
  };
  add('link', e.links);
  add('sector', e.sectors);
  add('exploitation', e.exploitation);
  add('target', e.targets);
  add('language', e.languages);
  return rows;
}

/** Writes an entry (organisation name, profile, tags, coverage, channels) inside the caller's transaction. */
async function writeEntry(trx: Executor, id: string, e: TEntryInput, at: string, exists: boolean) {
  const previous = await repo.findProfile(trx, id);
  if (!exists)
    await repo.insertOrganisation(trx, {
      id,
      name: e.name,
      kind: orgKindFor(e.serviceType),
      created_at: at,
      updated_at: at
    });
  else await repo.renameOrganisation(trx, id, e.name, at);
  await repo.upsertProfile(trx, profileRow(id, e, at, previous?.published_at ?? null));
  await repo.replaceTags(trx, id, tagRows(e));
  await repo.replaceCoverage(trx, id, [...new Set(e.coverage)].map(parseCoverageCode));
  await repo.replaceChannels(
    trx,
    id,
    e.channels.map((c, position) => ({
      id: randomUUID(),
      organisation_id: id,
      position,
      kind: c.kind,
      purpose: c.purpose,
      value: c.value,
      label_nb: c.labelNb,
      label_en: c.labelEn,
      availability: c.availability,
      hours_nb: c.hoursNb,
      hours_en: c.hoursEn,
      anonymity: c.anonymity,
      verification: c.verification,
      note_nb: c.noteNb,
      note_en: c.noteEn
    }))
  );
}

/** The foundation's organisation kind closest to a directory service type. */
function orgKindFor(serviceType: string): string {
  return (
    {
      police: 'police',
      ngo: 'ngo',
      shelter: 'shelter',
      municipal_service: 'municipality',
      public_agency: 'government'
    }[serviceType] ?? 'other'
  );
}

async function knownCodes(db: Executor) {
  const places = await refRepo.listMunicipalities(db);
  return {
    counties: new Set(places.map((p) => p.countyNumber)),
    municipalities: new Set(places.map((p) => p.number)),
    policeDistricts: new Set(await refRepo.listPoliceDistricts(db))
  };
}

async function checkCoverage(db: Executor, coverage: string[]) {
  const { unknownCoverageCodes } = await import('./directory.core');
  const bad = unknownCoverageCodes(coverage, await knownCodes(db));
  if (bad.length)
    throw new AppError('validation', 'directory.error.coverageUnknown', {
      params: { codes: bad.join(', ') },
      fields: { coverage: 'directory.error.coverageUnknown' }
    });
}

async function recordChange(
  trx: Executor,
  actor: TSessionUser | null,
  id: string,
  action: string,
  changes: Record<string, unknown>
) {
  const at = new Date().toISOString();
  await repo.insertRevision(trx, {
    id: randomUUID(),
    organisation_id: id,
    at,
    actor_id: actor?.id ?? null,
    action,
    changes: JSON.stringify(changes)
  });
  await appendAudit(trx, {
    actorId: actor?.id ?? null,
    action: `directory.${action}`,
    targetType: 'organisation',
    targetId: id,
    details: changes
  });
}

/**
 * Creates (id null) or updates an entry's profile from the staff form. Channels are kept as they are
 * (they are edited one by one). Each change is kept in the entry's history and the audit log.
 */
export async function saveEntry(
  db: DB,
  actor: TSessionUser,
  id: string | null,
  input: Omit<TEntryInput, 'channels'>
): Promise<{ id: string }> {
  requireEditor(actor);
  await checkCoverage(db, input.coverage);
  const entryId = id ?? randomUUID();
  await db.transaction().execute(async (trx) => {
    const before = id ? (await loadEntries(trx, [id]))[0] : undefined;
    if (id && !before) {
      if (await repo.organisationExists(trx, id)) {
        // A foundation organisation without a directory profile yet: the editor adds one.
      } else throw new AppError('not_found', 'directory.error.notFound');
    }
    const full: TEntryInput = { ...input, channels: before ? entryToInput(before).channels : [] };
    const at = new Date().toISOString();
    await writeEntry(trx, entryId, full, at, !!id);
    const fields = before ? changedFields(entryToInput(before), full) : Object.keys(full).sort();
    await recordChange(trx, actor, entryId, before ? 'updated' : 'created', {
      fields,
      ...(before ? { before: pick(entryToInput(before), fields) } : {}),
      after: pick(full, fields)
    });
  });
  return { id: entryId };
}

function pick(e: TEntryInput, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (e as unknown as Record<string, unknown>)[f]]));
}

export async function addChannel(db: DB, actor: TSessionUser, id: string, channel: TChannelInput): Promise<void> {
  requireEditor(actor);
  await db.transaction().execute(async (trx) => {
    const [before] = await loadEntries(trx, [id]);
    if (!before) throw new AppError('not_found', 'directory.error.notFound');
    const input = entryToInput(before);
    if (input.channels.length >= 20) throw new AppError('validation', 'directory.error.tooManyChannels');
    await writeEntry(trx, id, { ...input, channels: [...input.channels, channel] }, new Date().toISOString(), true);
    await recordChange(trx, actor, id, 'channel_added', { channel });
  });
}

export async function removeChannel(db: DB, actor: TSessionUser, id: string, channelId: string): Promise<void> {
  requireEditor(actor);
  await db.transaction().execute(async (trx) => {
    const [before] = await loadEntries(trx, [id]);
    const gone = before?.channels.find((c) => c.id === channelId);
    if (!before || !gone) throw new AppError('not_found', 'directory.error.channelNotFound');
    const input = entryToInput(before);
    const channels = before.channels.filter((c) => c.id !== channelId).map(({ id: _id, ...c }) => (void _id, c));
    await writeEntry(trx, id, { ...input, channels }, new Date().toISOString(), true);
    const { id: _gid, ...removed } = gone;
    void _gid;
    await recordChange(trx, actor, id, 'channel_removed', { channel: removed });
  });
}

export async function listRevisions(db: DB, actor: TSessionUser, id: string) {
  requireEditor(actor);
  return (await repo.listRevisions(db, id)).map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actorName: r.actor_name ?? null,
    changes: JSON.parse(r.changes) as { fields?: string[] }
  }));
}

/** Every entry for the staff list, published or not, with staleness flagged. */
export async function listForStaff(db: DB, actor: TSessionUser) {
  requireEditor(actor);
  const entries = await loadEntries(db, await repo.listProfileIds(db, false));
  return entries.sort((a, b) => Number(b.stale) - Number(a.stale) || byNorwegian(a.name, b.name));
}

// ───────────────────────────── CSV ─────────────────────────────

/** The whole published directory (or, for staff, every entry) as UTF-8 CSV (RFC 4180). */
export async function exportCsv(db: DB, opts: { includeUnpublished?: boolean } = {}): Promise<string> {
  const entries = await loadEntries(db, await repo.listProfileIds(db, !opts.includeUnpublished));
  entries.sort((a, b) => byNorwegian(a.name, b.name) || a.id.localeCompare(b.id));
  const rows = entries.map((e) => {
    const row = entryToCsvRow(e.id, entryToInput(e));
    return csvColumns.map((c) => row[c]);
  });
  return toCsv(csvColumns, rows);
}

/** Decodes an uploaded file: UTF-8 only (a BOM is dropped); anything else is refused, never guessed. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('validation', 'directory.import.notUtf8', { fields: { csv: 'directory.import.notUtf8' } });
  }
}

function readCsvRecords(
  text: string
): { header: string[]; records: { line: number; row: Record<string, string> }[] } | null {
  try {
    const rows = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      // Undo the export's formula guard ('=x → =x), so an export imports back unchanged.
      cast: (value: string) => restoreCsvText(value),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true
    }) as unknown as { record: string[]; info: { lines: number } }[];
    if (rows.length === 0) return { header: [], records: [] };
    const header = rows[0].record.map((h) => h.trim());
    let line = 1;
    const records = rows.slice(1).map((r) => {
      const row = Object.fromEntries(header.map((h, i) => [h, r.record[i] ?? '']));
      const start = line + 1;
      line = r.info.lines;
      return { line: start, row };
    });
    return { header, records };
  } catch {
    return null;
  }
}

function validateEntry(raw: Record<string, unknown>) {
  const r = ZEntryInput.safeParse(raw);
  if (r.success) return { ok: true as const, entry: r.data };
  return {
    ok: false as const,
    errors: r.error.issues.map((i) => ({
      field: String(i.path[0] ?? '_'),
      message: isMessageKey(i.message) ? i.message : 'validation.invalid'
    }))
  };
}

/** What importing this CSV would do; writes nothing. */
export async function previewImport(db: DB, actor: TSessionUser, text: string): Promise<TImportPlan> {
  requireEditor(actor);
  if (text.includes('\uFFFD'))
    return { fileError: { message: 'directory.import.notUtf8' }, rows: [], counts: emptyCounts() };
  const parsed = readCsvRecords(text);
  if (!parsed) return { fileError: { message: 'directory.import.notCsv' }, rows: [], counts: emptyCounts() };
  const { missing, unknown } = checkCsvHeader(parsed.header);
  if (missing.length || unknown.length)
    return {
      fileError: {
        message: 'directory.import.wrongColumns',
        params: { missing: missing.join(', ') || '–', unknown: unknown.join(', ') || '–' }
      },
      rows: [],
      counts: emptyCounts()
    };
  const existing = await loadEntries(db, await repo.listProfileIds(db, false));
  return planImport(parsed.records, {
    existing: new Map(existing.map((e) => [e.id, entryToInput(e)])),
    known: await knownCodes(db),
    validate: validateEntry,
    newId: randomUUID
  });
}

function emptyCounts() {
  return { create: 0, update: 0, unchanged: 0, reject: 0 };
}

/**
 * Applies the valid rows of an import in one transaction: all of them or, on any error, none. Rejected
 * rows are skipped (the editor saw them in the preview and confirmed the rest).
 */
export async function applyImport(db: DB, actor: TSessionUser, text: string): Promise<TImportPlan> {
  const plan = await previewImport(db, actor, text);
  if (plan.fileError)
    throw new AppError('validation', plan.fileError.message as MessageKey, { params: plan.fileError.params });
  await db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    for (const row of plan.rows) {
      if (!row.entry || (row.action !== 'create' && row.action !== 'update')) continue;
      const exists = row.action === 'update' || (await repo.organisationExists(trx, row.id));
      await writeEntry(trx, row.id, row.entry, at, exists);
      await recordChange(trx, actor, row.id, row.action === 'create' ? 'imported_created' : 'imported_updated', {
        fields: row.changes,
        line: row.line
      });
    }
  });
  return plan;
}

// ───────────────────────────── police districts ─────────────────────────────

/**
 * Replaces the municipality → police district mapping from a CSV with the columns
 * `municipality_number,police_district_name` (SSB classification 109's correspondence is the real
 * source). All rows must be valid, or nothing changes; the errors name each bad row.
 */
export async function importDistrictMapping(
  db: DB,
  actor: TSessionUser,
  text: string,
  source: string,
  dryRun: boolean
): Promise<{ rows: number; errors: { line: number; message: MessageKey }[] }> {
  requireAdminRole(actor);
  const parsed = readCsvRecords(text);
  if (!parsed)
    throw new AppError('validation', 'directory.import.notCsv', { fields: { csv: 'directory.import.notCsv' } });
  const need = ['municipality_number', 'police_district_name'];
  if (need.some((c) => !parsed.header.includes(c)))
    throw new AppError('validation', 'directory.districts.wrongColumns', {
      fields: { csv: 'directory.districts.wrongColumns' }
    });
  const places = new Set((await refRepo.listMunicipalities(db)).map((p) => p.number));
  const districts = new Set(await refRepo.listPoliceDistricts(db));
  const seen = new Set<string>();
  const errors: { line: number; message: MessageKey }[] = [];
  const rows = parsed.records.map(({ line, row }) => {
    const municipality = (row.municipality_number ?? '').trim().padStart(4, '0');
    const district = (row.police_district_name ?? '').trim();
    if (!places.has(municipality)) errors.push({ line, message: 'directory.districts.unknownMunicipality' });
    else if (!districts.has(district)) errors.push({ line, message: 'directory.districts.unknownDistrict' });
    else if (seen.has(municipality)) errors.push({ line, message: 'directory.districts.duplicate' });
    seen.add(municipality);
    return { municipality, district };
  });
  if (errors.length || dryRun) return { rows: rows.length, errors };
  await db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    await repo.replaceDistrictMapping(
      trx,
      rows.map((r) => ({
        municipality_number: r.municipality,
        police_district_name: r.district,
        source,
        imported_at: at
      }))
    );
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'directory.police_districts_imported',
      targetType: 'police_district_mapping',
      details: { rows: rows.length, source }
    });
  });
  return { rows: rows.length, errors };
}

export async function districtMappingStatus(db: DB) {
  const rows = await repo.listDistrictMapping(db);
  return { count: rows.length, source: rows[0]?.source ?? null, importedAt: rows[0]?.imported_at ?? null };
}

// ───────────────────────────── licence ─────────────────────────────

export async function getLicence(db: Executor): Promise<{ licence: string; licenceUrl: string }> {
  const stored = await repo.getSetting(db, 'licence');
  if (!stored) return DEFAULT_LICENCE;
  try {
    return JSON.parse(stored) as { licence: string; licenceUrl: string };
  } catch {
    return DEFAULT_LICENCE;
  }
}

export async function setLicence(db: DB, actor: TSessionUser, input: { licence: string; licenceUrl: string }) {
  requireAdminRole(actor);
  await db.transaction().execute(async (trx) => {
    await repo.setSetting(trx, 'licence', JSON.stringify(input), new Date().toISOString());
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'directory.licence_set',
      targetType: 'setting',
      details: input
    });
  });
}

// ───────────────────────────── seed ─────────────────────────────

/** Adds the national actors that are missing; never overwrites an editor's changes. Safe on every start. */
export async function seedDirectory(db: DB): Promise<number> {
  let added = 0;
  await db.transaction().execute(async (trx) => {
    for (const { id, entry } of seedEntries) {
      if (await repo.findProfile(trx, id)) continue;
      const exists = await repo.organisationExists(trx, id);
      await writeEntry(trx, id, entry, new Date().toISOString(), exists);
      await repo.insertRevision(trx, {
        id: randomUUID(),
        organisation_id: id,
        at: new Date().toISOString(),
        actor_id: null,
        action: 'seeded',
        changes: JSON.stringify({ source: entry.sourceUrl })
      });
      added++;
    }
  });
  return added;
}

/** Names for coverage codes (`county:03` → "Oslo-Oslove"), for showing coverage in words. */
export async function coverageNames(db: Executor): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const p of await listPlaces(db)) {
    names[`municipality:${p.number}`] = p.name;
    names[`county:${p.countyNumber}`] = p.countyName;
  }
  return names;
}

/** The values the public filters offer: the fixed vocabularies and the languages entries have. */
export async function searchOptions(db: DB) {
  const ids = await repo.listProfileIds(db, true);
  const tags = await repo.loadTags(db, ids);
  const places = await listPlaces(db);
  return {
    languages: [...new Set(tags.filter((t) => t.facet === 'language').map((t) => t.value))].sort(),
    nationalities: [
      ...new Set(tags.filter((t) => t.facet === 'target' && t.value.startsWith('nationality:')).map((t) => t.value))
    ].sort(),
    municipalities: places.map((p) => p.name),
    licence: await getLicence(db)
  };
}
