import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { openTestApp } from '../testing/test-app';
import { listMunicipalities, listPoliceDistricts, loadReferenceData } from './reference.service';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openTestApp();
});
afterAll(() => ctx.close());

describe('reference data', () => {
  it('runs on the database the suite was asked for', () => {
    expect(ctx.dialect).toBe(process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite');
  });

  it('holds all 357 municipalities in 15 counties and the 12 police districts', async () => {
    const all = await listMunicipalities(ctx.db);
    expect(all).toHaveLength(357);
    expect(new Set(all.map((m) => m.countyNumber)).size).toBe(15);
    expect(all.find((m) => m.number === '1508')).toMatchObject({ name: 'Ålesund', countyName: 'Møre og Romsdal' });
    expect(await listPoliceDistricts(ctx.db)).toHaveLength(12);
  });

  it('loads again without duplicating anything', async () => {
    await loadReferenceData(ctx.db);
    await ctx.db.deleteFrom('municipality').where('number', '=', '1508').execute();
    await loadReferenceData(ctx.db);
    expect(await listMunicipalities(ctx.db)).toHaveLength(357);
  });

  it('filters by county and by name, folding æ, ø and å', async () => {
    expect((await listMunicipalities(ctx.db, { q: 'ÅLE' })).map((m) => m.number)).toContain('1508');
    const rogaland = await listMunicipalities(ctx.db, { county: '11' });
    expect(rogaland).toHaveLength(23);
    expect(rogaland.every((m) => m.countyName === 'Rogaland')).toBe(true);
  });
});
