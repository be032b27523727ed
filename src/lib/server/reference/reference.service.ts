import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DB } from '../db/schema';
import * as repo from './reference.repository';

const ZMunicipalityCsv = z.object({
  municipality_number: z.string().regex(/^\d{4}$/),
  municipality_name: z.string().min(1),
  county_number: z.string().regex(/^\d{2}$/),
  county_name: z.string().min(1)
});
const ZPoliceDistrictCsv = z.object({ police_district_name: z.string().min(1) });

/** The folder with the shipped reference files (`data/` at the project root). */
export function referenceDataDir(): string {
  return resolve(process.env.FOREBYGG_DATA_DIR ?? 'data');
}

function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
  const rows = parse(readFileSync(resolve(referenceDataDir(), file), 'utf8'), {
    columns: true,
    skip_empty_lines: true
  }) as unknown[];
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`${file} row ${i + 2}: ${parsed.error.issues[0].message}`);
    return parsed.data;
  });
}

/** Loads counties, municipalities and police districts; safe to run on every start. */
export async function loadReferenceData(db: DB): Promise<{ municipalities: number; counties: number }> {
  const municipalities = readCsv('norway_municipalities.csv', ZMunicipalityCsv);
  const districts = readCsv('norway_police_districts.csv', ZPoliceDistrictCsv);
  const counties = new Map(municipalities.map((m) => [m.county_number, m.county_name]));
  if ((await repo.countMunicipalities(db)) === municipalities.length) {
    return { municipalities: municipalities.length, counties: counties.size };
  }
  await db.transaction().execute(async (trx) => {
    for (const [number, name] of counties) await repo.upsertCounty(trx, { number, name });
    for (const m of municipalities) {
      await repo.upsertMunicipality(trx, {
        number: m.municipality_number,
        name: m.municipality_name,
        county_number: m.county_number
      });
    }
    for (const d of districts) await repo.upsertPoliceDistrict(trx, d.police_district_name);
  });
  return { municipalities: municipalities.length, counties: counties.size };
}

/**
 * Municipalities with their county, optionally in one county or matching a name. Filtering is done
 * here, not in SQL: 357 rows, and SQLite's lower() does not fold æ, ø, å.
 */
export async function listMunicipalities(db: DB, filter: { county?: string; q?: string } = {}) {
  const q = filter.q?.trim().toLocaleLowerCase('nb');
  return (await repo.listMunicipalities(db)).filter(
    (m) => (!filter.county || m.countyNumber === filter.county) && (!q || m.name.toLocaleLowerCase('nb').includes(q))
  );
}

export const listPoliceDistricts = repo.listPoliceDistricts;
