import type { Executor } from '../db/schema';
import type { DirectoryChannelTable, DirectoryProfileTable } from './directory.tables';

/** SQL only: the directory's reads and writes. Every function takes the database or a transaction first. */

const CHUNK = 500;

/** Runs a query per chunk of ids, so a long list never exceeds a driver's parameter limit. */
async function inChunks<T>(ids: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await run(ids.slice(i, i + CHUNK))));
  return out;
}

export async function listProfileIds(db: Executor, publishedOnly: boolean): Promise<string[]> {
  let q = db.selectFrom('directory_profile').select('organisation_id');
  if (publishedOnly) q = q.where('published_at', 'is not', null);
  return (await q.execute()).map((r) => r.organisation_id);
}

export async function loadProfiles(db: Executor, ids: string[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('directory_profile')
      .innerJoin('organisation', 'organisation.id', 'directory_profile.organisation_id')
      .selectAll('directory_profile')
      .select(['organisation.name', 'organisation.kind'])
      .where('directory_profile.organisation_id', 'in', chunk)
      .execute()
  );
}

export async function loadTags(db: Executor, ids: string[]) {
  return inChunks(ids, (chunk) =>
    db.selectFrom('directory_tag').selectAll().where('organisation_id', 'in', chunk).execute()
  );
}

export async function loadChannels(db: Executor, ids: string[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('directory_channel')
      .selectAll()
      .where('organisation_id', 'in', chunk)
      .orderBy('organisation_id')
      .orderBy('position')
      .execute()
  );
}

export async function loadCoverage(db: Executor, ids: string[]) {
  return inChunks(ids, (chunk) =>
    db.selectFrom('directory_coverage').selectAll().where('organisation_id', 'in', chunk).execute()
  );
}

/** The published organisations whose coverage rows include one of `keys` — "who covers this place". */
export async function coveringIds(db: Executor, keys: { level: string; code: string }[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('directory_coverage')
    .innerJoin('directory_profile', 'directory_profile.organisation_id', 'directory_coverage.organisation_id')
    .select('directory_coverage.organisation_id')
    .distinct()
    .where((eb) =>
      eb.or(
        keys.map((k) =>
          eb.and([eb('directory_coverage.level', '=', k.level), eb('directory_coverage.code', '=', k.code)])
        )
      )
    )
    .where('directory_profile.published_at', 'is not', null)
    .execute();
  return rows.map((r) => r.organisation_id);
}

/** Published organisations with any police-district coverage (unknown for a municipality until the mapping exists). */
export async function idsWithDistrictCoverage(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('directory_coverage')
    .innerJoin('directory_profile', 'directory_profile.organisation_id', 'directory_coverage.organisation_id')
    .select('directory_coverage.organisation_id')
    .distinct()
    .where('directory_coverage.level', '=', 'police_district')
    .where('directory_profile.published_at', 'is not', null)
    .execute();
  return rows.map((r) => r.organisation_id);
}

export async function findProfile(db: Executor, id: string) {
  return db.selectFrom('directory_profile').selectAll().where('organisation_id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(
  db: Executor,
  row: { id: string; name: string; kind: string; created_at: string; updated_at: string }
) {
  await db
    .insertInto('organisation')
    .values({ ...row, org_number: null })
    .execute();
}

export async function renameOrganisation(db: Executor, id: string, name: string, at: string) {
  await db.updateTable('organisation').set({ name, updated_at: at }).where('id', '=', id).execute();
}

export async function organisationExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst());
}

export async function upsertProfile(db: Executor, row: DirectoryProfileTable) {
  const { organisation_id: _id, ...set } = row;
  void _id;
  await db
    .insertInto('directory_profile')
    .values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(set))
    .execute();
}

export async function replaceTags(db: Executor, id: string, tags: { facet: string; value: string }[]) {
  await db.deleteFrom('directory_tag').where('organisation_id', '=', id).execute();
  if (tags.length)
    await db
      .insertInto('directory_tag')
      .values(tags.map((t) => ({ organisation_id: id, ...t })))
      .execute();
}

export async function replaceCoverage(db: Executor, id: string, rows: { level: string; code: string }[]) {
  await db.deleteFrom('directory_coverage').where('organisation_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('directory_coverage')
      .values(rows.map((r) => ({ organisation_id: id, ...r })))
      .execute();
}

export async function replaceChannels(db: Executor, id: string, rows: DirectoryChannelTable[]) {
  await db.deleteFrom('directory_channel').where('organisation_id', '=', id).execute();
  if (rows.length) await db.insertInto('directory_channel').values(rows).execute();
}

export async function insertRevision(
  db: Executor,
  row: { id: string; organisation_id: string; at: string; actor_id: string | null; action: string; changes: string }
) {
  await db.insertInto('directory_revision').values(row).execute();
}

export async function listRevisions(db: Executor, id: string) {
  return db
    .selectFrom('directory_revision')
    .leftJoin('app_user', 'app_user.id', 'directory_revision.actor_id')
    .select([
      'directory_revision.id',
      'directory_revision.at',
      'directory_revision.action',
      'directory_revision.changes',
      'app_user.display_name as actor_name'
    ])
    .where('directory_revision.organisation_id', '=', id)
    .orderBy('directory_revision.at', 'desc')
    .execute();
}

export async function districtOfMunicipality(db: Executor, municipality: string): Promise<string | null> {
  const row = await db
    .selectFrom('police_district_municipality')
    .select('police_district_name')
    .where('municipality_number', '=', municipality)
    .executeTakeFirst();
  return row?.police_district_name ?? null;
}

export async function listDistrictMapping(db: Executor) {
  return db.selectFrom('police_district_municipality').selectAll().orderBy('municipality_number').execute();
}

export async function replaceDistrictMapping(
  db: Executor,
  rows: { municipality_number: string; police_district_name: string; source: string; imported_at: string }[]
) {
  await db.deleteFrom('police_district_municipality').execute();
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('police_district_municipality')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function getSetting(db: Executor, name: string): Promise<string | null> {
  const row = await db.selectFrom('directory_setting').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Executor, name: string, value: string, at: string) {
  await db
    .insertInto('directory_setting')
    .values({ name, value, updated_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: at }))
    .execute();
}

export async function countProfiles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('directory_profile')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Published entries' names, and all link and language tags and coverage rows (the caller keeps those of
 * published entries): what the chain map needs, in three plain scans.
 */
export async function publishedForCoverage(db: Executor) {
  const [names, tags, coverage] = await Promise.all([
    db
      .selectFrom('directory_profile')
      .innerJoin('organisation', 'organisation.id', 'directory_profile.organisation_id')
      .select(['organisation.id', 'organisation.name'])
      .where('directory_profile.published_at', 'is not', null)
      .execute(),
    db
      .selectFrom('directory_tag')
      .select(['organisation_id', 'facet', 'value'])
      .where('facet', 'in', ['link', 'language'])
      .execute(),
    db.selectFrom('directory_coverage').select(['organisation_id', 'level', 'code']).execute()
  ]);
  return { names, tags, coverage };
}

/** A cheap fingerprint of everything the chain map depends on: changes whenever an entry or the mapping changes. */
export async function coverageVersion(db: Executor): Promise<string> {
  const [p, m] = await Promise.all([
    db
      .selectFrom('directory_profile')
      .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('police_district_municipality')
      .select((eb) => [eb.fn.max('imported_at').as('at'), eb.fn.countAll<number>().as('n')])
      .executeTakeFirstOrThrow()
  ]);
  return `${String(p.at)}|${Number(p.n)}|${String(m.at)}|${Number(m.n)}`;
}
