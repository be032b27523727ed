import type { Executor } from '../db/schema';

export interface TMunicipalityRow {
  number: string;
  name: string;
  county_number: string;
}

export async function upsertCounty(db: Executor, row: { number: string; name: string }): Promise<void> {
  await db
    .insertInto('county')
    .values(row)
    .onConflict((oc) => oc.column('number').doUpdateSet({ name: row.name }))
    .execute();
}

export async function upsertMunicipality(db: Executor, row: TMunicipalityRow): Promise<void> {
  await db
    .insertInto('municipality')
    .values(row)
    .onConflict((oc) => oc.column('number').doUpdateSet({ name: row.name, county_number: row.county_number }))
    .execute();
}

export async function upsertPoliceDistrict(db: Executor, name: string): Promise<void> {
  await db
    .insertInto('police_district')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function listMunicipalities(db: Executor) {
  return db
    .selectFrom('municipality')
    .innerJoin('county', 'county.number', 'municipality.county_number')
    .select([
      'municipality.number as number',
      'municipality.name as name',
      'county.number as countyNumber',
      'county.name as countyName'
    ])
    .orderBy('municipality.name')
    .execute();
}

export async function countMunicipalities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('municipality')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listPoliceDistricts(db: Executor): Promise<string[]> {
  return (await db.selectFrom('police_district').select('name').orderBy('name').execute()).map((r) => r.name);
}
