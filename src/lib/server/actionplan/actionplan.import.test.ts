import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { readMeasureFile } from './actionplan.import';
import { getPlan, importMeasures, measuresCsv } from './actionplan.service';

let ctx: AppContext;
let editor: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(() => ctx.close());

const header =
  'plan,part,number,title,responsible,chain_link,target_group,deadline,budget_nok,budget_note,indicator,indicator_series,sdg_targets,recommendations,source_url,note';

async function count() {
  const r = await ctx.db
    .selectFrom('ap_measure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n);
}

describe('importing measures', () => {
  it('a dry run lists each row it would create and stores nothing', async () => {
    const csv = [
      header,
      '2016,3,1,Kunnskap om etterspørsel,Justis- og beredskapsdepartementet,prevention,forbrukere,2018-12-31,7 000 000,,Andel som kjenner tegnene,,8.7;16.2,R1-2,https://www.regjeringen.no/,',
      '2016,2,2,Spesialiserte enheter i politiet,,intelligence,,,15000000,,,,,,,'
    ].join('\n');
    const before = await count();
    const dry = await importMeasures(ctx.db, editor, { format: 'csv', text: csv }, false);
    expect(dry.applied).toBe(false);
    expect(dry.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'create']
    ]);
    expect(await count()).toBe(before);
    const done = await importMeasures(ctx.db, editor, { format: 'csv', text: csv }, true);
    expect(done.applied).toBe(true);
    const { plan, measures } = await getPlan(ctx.db, '2016', '2026-11-29');
    expect(measures.map((m) => m.number)).toEqual(['1', '2']);
    expect(plan.scorecard.byChainLink.intelligence.budgetNok).toBe(15_000_000);
    expect(plan.scorecard.bySdg['16.2']).toHaveLength(1);
    // The export reads back as "unchanged".
    const again = await importMeasures(ctx.db, editor, { format: 'csv', text: await measuresCsv(ctx.db) }, false);
    expect(again.rows.filter((r) => r.plan === '2016').map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('a changed row is an update; applying it is versioned', async () => {
    const json = JSON.stringify([
      {
        plan: '2016',
        part: '2',
        number: '2',
        title: 'Spesialiserte enheter i politiet',
        chain_link: 'intelligence',
        budget_nok: 15000000,
        deadline: '2019-12-31'
      }
    ]);
    const dry = await importMeasures(ctx.db, editor, { format: 'json', text: json }, false);
    expect(dry.rows[0]).toMatchObject({ line: 1, action: 'update' });
    await importMeasures(ctx.db, editor, { format: 'json', text: json }, true);
    const m = (await getPlan(ctx.db, '2016')).measures.find((x) => x.number === '2')!;
    expect(m.deadline).toBe('2019-12-31');
    const versions = await ctx.db.selectFrom('ap_version').select('change').where('entity_id', '=', m.id).execute();
    expect(versions.map((v) => v.change).sort()).toEqual(['created', 'updated']);
  });

  it('rejects bad rows with a reason each, and then applies nothing at all', async () => {
    const csv = [
      header,
      '2016,,9,Godt tiltak,,prevention,,,,,,,,,,',
      '2016,,10,Tiltak A,,prevention,,2015-01-01,,,,,,,,',
      '2016,,11,Tiltak B,,prevention,,,mye penger,,,,,,,',
      '2016,,11,Tiltak C,,finished,,,,,,,,,,',
      '1999,,1,Ukjent plan,,prevention,,,,,,,9.9,R9-9,,',
      '2016,7,12,Ukjent del,,prevention,,,,,,,,,,'
    ].join('\n');
    const before = await count();
    const r = await importMeasures(ctx.db, editor, { format: 'csv', text: csv }, true);
    expect(r.applied).toBe(false);
    expect(await count()).toBe(before);
    const reasons = (line: number) =>
      r.rows.find((x) => x.line === line)!.reasons.map((x) => `${x.field}:${x.message}`);
    expect(r.rows[0].action).toBe('create');
    expect(reasons(3)).toEqual(['deadline:ap.error.deadlineBeforePlan']);
    expect(reasons(4)).toEqual(['number:ap.import.duplicateInFile', 'budget_nok:ap.error.budget']);
    expect(reasons(5)).toEqual(['number:ap.import.duplicateInFile', 'chain_link:validation.choose']);
    expect(reasons(6)).toEqual([
      'plan:ap.error.unknownPlan',
      'sdg_targets:ap.import.sdg',
      'recommendations:ap.error.unknownRecommendation'
    ]);
    expect(reasons(7)).toEqual(['part:ap.error.unknownPart']);
  });

  it('a file that cannot be read gives one message; only editors may import', async () => {
    expect(readMeasureFile('csv', '')).toEqual({ error: 'ap.import.empty' });
    expect(readMeasureFile('csv', 'a,b\n"x')).toEqual({ error: 'ap.import.badCsv' });
    expect(readMeasureFile('json', '{"x":1}')).toEqual({ error: 'ap.import.badJson' });
    expect((await errorOf(importMeasures(ctx.db, analyst, { format: 'csv', text: header }, false))).code).toBe(
      'forbidden'
    );
  });

  it('never throws on any text, in either format (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('csv' as const, 'json' as const), fc.string({ maxLength: 200 }), (format, text) => {
        const r = readMeasureFile(format, text);
        return 'rows' in r || 'error' in r;
      })
    );
  });
});
