import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklist } from '../../check/checklist';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { checklistVersion, checklistVersions, checksSummary, getChecklist, runCheck } from '../check/check.service';
import { currentChecklists, sectorIds } from '../check/checklists';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { CHECKLIST_KIND, CHECKLIST_LOCALE } from './content.checklist-kind';
import { checklistStarts, createChecklist } from './content.checklist-new';
import { changeState, exportContent, getEditor, importContent, listKind, saveDraft } from './content.service';

/** A new sector's checklist made in the studio (SQLite, and PostgreSQL with `npm run test:pg`). */
let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;
beforeAll(async () => {
  ctx = await openTestApp();
  admin = (await setUpAdmin(ctx)).admin;
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => ctx.close());

const ref = (slug: string) => ({ kind: CHECKLIST_KIND, slug, locale: CHECKLIST_LOCALE });
const editorOf = (sector: string) =>
  getEditor<TChecklist, string>(ctx.db, editor, CHECKLIST_KIND, sector, CHECKLIST_LOCALE);
const names = { nb: 'Lager og logistikk', en: 'Warehouse and logistics' };
const counts = async () =>
  Promise.all(
    (['content_item', 'content_version', 'audit_log'] as const).map(async (t) =>
      Number(
        (
          await ctx.db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      )
    )
  );

/** The new sector's texts written by the editor: the car-wash checklist's real, sourced questions and signs. */
function written(draft: TChecklist, from: TChecklist): TChecklist {
  return { ...from, id: draft.id, version: draft.version, order: draft.order, title: draft.title };
}

describe('a new sector in the content studio', () => {
  it('refuses a bad id, a taken or reserved id, missing names and an unknown start, field by field, storing nothing', async () => {
    const before = await counts();
    const bad = await errorOf(createChecklist(ctx, editor, { id: 'Bad id!', title: { nb: '', en: ' ' }, start: 'x' }));
    expect(bad.status).toBe(400);
    expect(bad.fields).toEqual({
      id: 'contentChecklist.error.newId',
      'title.nb': 'contentChecklist.error.name',
      'title.en': 'contentChecklist.error.name',
      start: 'contentChecklist.error.start'
    });
    const taken = await errorOf(createChecklist(ctx, editor, { id: 'car-wash', title: names, start: 'empty' }));
    expect([taken.status, taken.fields]).toEqual([400, { id: 'contentChecklist.error.idTaken' }]);
    for (const id of ['new', 'ask-a-company', 'other', 'empty', 'empty-information']) {
      const reserved = await errorOf(createChecklist(ctx, editor, { id, title: names, start: 'empty' }));
      expect(reserved.fields).toEqual({ id: 'contentCreate.error.reserved' });
    }
    const long = await errorOf(
      createChecklist(ctx, editor, { id: 'a'.repeat(42), title: { ...names, en: 'x'.repeat(121) }, start: 'empty' })
    );
    expect(long.fields).toEqual({ id: 'contentChecklist.error.newId', 'title.en': 'contentChecklist.error.name' });
    expect(
      (await errorOf(createChecklist(ctx, analyst, { id: 'warehouse', title: names, start: 'empty' }))).status
    ).toBe(403);
    expect(await counts()).toEqual(before);
    expect(sectorIds()).not.toContain('warehouse');
  });

  it('creates a draft from the empty skeleton, refuses review until the starting texts are written, then publishes it for everyone', async () => {
    const created = await createChecklist(ctx, editor, { id: 'warehouse', title: names, start: 'empty' });
    expect(created).toMatchObject({ key: 'warehouse', number: 1 });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'content.create')
      .execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.details).key])).toContainEqual([editor.id, 'warehouse']);

    // A draft is not public: no sector, no API, no export.
    expect(sectorIds()).not.toContain('warehouse');
    expect((await errorOf(() => getChecklist('warehouse'))).status).toBe(404);
    const draft = await editorOf('warehouse');
    expect(draft.open?.state).toBe('draft');
    expect(draft.body.title).toEqual(names);
    expect(draft.body.order).toBeGreaterThan(Math.max(...currentChecklists().map((c) => c.order)));
    expect((await listKind(ctx.db, editor, CHECKLIST_KIND, 'nb')).map((i) => i.key)).toContain('warehouse');

    // The skeleton's starting texts block review, each named beside its field.
    const early = await errorOf(changeState(ctx, editor, { ...ref('warehouse'), number: 1, action: 'submit' }));
    expect(early.status).toBe(400);
    expect(early.message).toBe('contentChecklist.error.startTexts');
    expect(early.fields).toMatchObject({
      'summary.nb': 'contentChecklist.error.startText',
      'questions.0.text.en': 'contentChecklist.error.startText',
      'sources.0.title': 'contentChecklist.error.startText'
    });

    const carWash = getChecklist('car-wash');
    await saveDraft(ctx, editor, CHECKLIST_KIND, {
      slug: 'warehouse',
      locale: CHECKLIST_LOCALE,
      revision: draft.open!.revision,
      base: 0,
      body: written(draft.body, carWash)
    });
    await changeState(ctx, editor, { ...ref('warehouse'), number: 1, action: 'submit' });
    // Two-person review: the author cannot publish; a second editor can.
    expect(
      (await errorOf(changeState(ctx, editor, { ...ref('warehouse'), number: 1, action: 'publish' }))).message
    ).toBe('content.error.ownChange');
    await changeState(ctx, second, { ...ref('warehouse'), number: 1, action: 'publish' });

    const published = getChecklist('warehouse');
    expect(published.version).toBe(1);
    expect(published.title).toEqual(names);
    expect(sectorIds().at(-1)).toBe('warehouse');

    // A result is stored with the sector and its version, and counted in the aggregates.
    const outcome = await runCheck(ctx.db, {
      sector: 'warehouse',
      answers: Object.fromEntries(published.questions.map((q) => [q.id, 'yes' as const]))
    });
    expect(outcome.stored).toBe(true);
    const row = await ctx.db
      .selectFrom('check_result')
      .select(['sector', 'checklist_version'])
      .where('sector', '=', 'warehouse')
      .executeTakeFirstOrThrow();
    expect([row.sector, Number(row.checklist_version)]).toEqual(['warehouse', 1]);
    const summary = await checksSummary(ctx.db, { sector: 'warehouse' }, { suppress: false });
    expect(summary.bySector).toEqual([{ sector: 'warehouse', count: { count: 1, suppressed: false, display: '1' } }]);
    expect((await checklistVersions(ctx.db)).find((v) => v.sector === 'warehouse')).toMatchObject({
      version: 1,
      results: 1,
      current: true
    });
    expect((await checklistVersion(ctx.db, 'warehouse', 1)).id).toBe('warehouse');

    // The id is now taken, also for a checklist made in the same form again.
    const again = await errorOf(createChecklist(ctx, editor, { id: 'warehouse', title: names, start: 'empty' }));
    expect(again.fields).toEqual({ id: 'contentChecklist.error.idTaken' });
  });

  it('copies a published checklist with its own names, and the copy can be published unchanged', async () => {
    expect((await checklistStarts(ctx)).map((s) => s.id)).toContain('cleaning');
    await createChecklist(ctx, editor, {
      id: 'office-cleaning',
      title: { nb: 'Kontorrenhold', en: 'Office cleaning' },
      start: 'cleaning'
    });
    const draft = await editorOf('office-cleaning');
    const cleaning = getChecklist('cleaning');
    expect(draft.body.questions).toEqual(cleaning.questions);
    expect(draft.body.title).toEqual({ nb: 'Kontorrenhold', en: 'Office cleaning' });
    await changeState(ctx, editor, { ...ref('office-cleaning'), number: 1, action: 'submit' });
    await changeState(ctx, second, { ...ref('office-cleaning'), number: 1, action: 'publish' });
    expect(getChecklist('office-cleaning').version).toBe(1);
    expect(getChecklist('cleaning')).toEqual(cleaning);
  });

  it('export writes the new sectors in the file layout, and import round-trips with no changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forebygg-new-sector-'));
    try {
      const { written: files } = await exportContent(ctx.db, dir);
      expect(files).toContain('checklists/warehouse.json');
      const doc = JSON.parse(readFileSync(join(dir, 'checklists', 'warehouse.json'), 'utf8')) as TChecklist;
      expect([doc.id, doc.version, doc.title]).toEqual(['warehouse', 1, names]);
      expect(await importContent(ctx, dir, { dryRun: true })).toEqual({ changes: [], unchanged: files.length });
      await importContent(ctx, dir, { dryRun: false });
      expect(getChecklist('warehouse').version).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
