import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklist } from '../../check/checklist';
import {
  applyOp,
  checklistFromForm,
  checklistFromValues,
  checklistToValues,
  formFromValues,
  parseOp,
  valuesFromForm
} from '../../content/checklist-form';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { checklistVersion, getChecklist, runCheck } from '../check/check.service';
import { currentChecklists } from '../check/checklists';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { CHECKLIST_KIND, CHECKLIST_LOCALE } from './content.checklist-kind';
import {
  changeState,
  contentHistory,
  diffContentVersions,
  exportContent,
  getEditor,
  importContent,
  listKind,
  restoreVersion,
  saveDraft
} from './content.service';

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
const answersFor = (c: TChecklist, a: 'yes' | 'no') => Object.fromEntries(c.questions.map((q) => [q.id, a]));

async function editorOf(sector: string) {
  return getEditor<TChecklist, string>(ctx.db, editor, CHECKLIST_KIND, sector, CHECKLIST_LOCALE);
}

describe('checklists in the content studio', () => {
  it('seeds every checklist file as a published item and lists it beside the pages', async () => {
    const list = await listKind(ctx.db, editor, CHECKLIST_KIND, 'nb');
    expect(list.map((i) => i.key).sort()).toEqual(
      currentChecklists()
        .map((c) => c.id)
        .sort()
    );
    expect(list.find((i) => i.key === 'car-wash')).toMatchObject({ title: 'Bilvask og bilpleie' });
    expect(await errorOf(listKind(ctx.db, analyst, CHECKLIST_KIND, 'nb'))).toMatchObject({ code: 'forbidden' });
  });

  it('refuses a draft that breaks the files’ schema, each error at its field, and stores nothing', async () => {
    const view = await editorOf('car-wash');
    const values = checklistToValues(view.body);
    values['questions.0.text.en'] = '';
    values['questions.1.weight'] = '11';
    values['questions.2.id'] = view.body.questions[3].id;
    for (const k of Object.keys(values)) if (k.startsWith('questions.4.indicators.')) delete values[k];
    values['thresholds.strong'] = '1';
    const body = checklistFromValues(view.body, values) as unknown as TChecklist;
    const e = await errorOf(saveDraft(ctx, editor, CHECKLIST_KIND, { ...ref('car-wash'), revision: 0, base: 1, body }));
    expect(e).toMatchObject({ code: 'validation' });
    expect((e as { fields: Record<string, string> }).fields).toMatchObject({
      'questions.0.text.en': 'content.checklist.error.required',
      'questions.1.weight': 'content.checklist.error.weight',
      'questions.3.id': 'content.checklist.error.duplicate',
      'questions.4.indicators': 'content.checklist.error.indicators',
      'thresholds.strong': 'content.checklist.error.thresholds'
    });
    expect((await editorOf('car-wash')).open).toBeNull();
  });

  it('edit → submit → second editor publishes: the version rises, the public checklist changes at once, old results keep theirs', async () => {
    const before = getChecklist('car-wash');
    const old = await runCheck(ctx.db, { sector: 'car-wash', answers: answersFor(before, 'no') });
    expect(old.checklist.version).toBe(before.version);

    const view = await editorOf('car-wash');
    const values = checklistToValues(view.body);
    values['questions.0.text.nb'] = 'Er prisen mye lavere enn hos andre bilvaskere i nærheten?';
    const moved = applyOp(formFromValues(values), {
      op: 'down',
      list: 'questions',
      index: 0
    });
    if (!moved.ok) throw new Error('the move was refused');
    const body = checklistFromForm(view.body, moved.form) as unknown as TChecklist;
    const saved = await saveDraft(ctx, editor, CHECKLIST_KIND, { ...ref('car-wash'), revision: 0, base: 1, body });
    await changeState(ctx, editor, { ...ref('car-wash'), number: saved.number, action: 'submit' });
    expect(
      await errorOf(changeState(ctx, editor, { ...ref('car-wash'), number: saved.number, action: 'publish' }))
    ).toMatchObject({ code: 'conflict', message: 'content.error.ownChange' });
    expect(getChecklist('car-wash').version).toBe(before.version);
    await changeState(ctx, second, { ...ref('car-wash'), number: saved.number, action: 'publish' });

    const after = getChecklist('car-wash');
    expect(after.version).toBe(before.version + 1);
    expect(after.questions[1].text.nb).toBe('Er prisen mye lavere enn hos andre bilvaskere i nærheten?');
    expect(after.questions[0].id).toBe(before.questions[1].id);
    // The older version still scores answers given with a page loaded before the publish.
    expect((await checklistVersion(ctx.db, 'car-wash', before.version)).questions[0].id).toBe(before.questions[0].id);
    const fresh = await runCheck(ctx.db, { sector: 'car-wash', answers: answersFor(after, 'no') });
    expect(fresh.checklist.version).toBe(after.version);
    const versions = await ctx.db
      .selectFrom('check_result')
      .select('checklist_version')
      .where('sector', '=', 'car-wash')
      .orderBy('checklist_version')
      .execute();
    expect(versions.map((v) => Number(v.checklist_version))).toEqual([before.version, after.version]);

    const history = await contentHistory(ctx.db, editor, 'car-wash', CHECKLIST_LOCALE, CHECKLIST_KIND);
    expect(history.map((h) => [h.number, h.state])).toEqual([
      [2, 'published'],
      [1, 'archived']
    ]);
    const diff = await diffContentVersions(ctx.db, editor, 'car-wash', CHECKLIST_LOCALE, 1, 2, CHECKLIST_KIND);
    expect(diff.find((p) => p.kind === 'added')?.text).toContain('"version": ' + after.version);
    expect(diff.some((p) => p.kind === 'added' && p.text.includes('bilvaskere i nærheten'))).toBe(true);
  });

  it('restores an old version as a new draft, which publishes as a yet higher version', async () => {
    const r = await restoreVersion(ctx, editor, { ...ref('car-wash'), number: 1 });
    await changeState(ctx, editor, { ...ref('car-wash'), number: r.number, action: 'submit' });
    await changeState(ctx, second, { ...ref('car-wash'), number: r.number, action: 'publish' });
    const c = getChecklist('car-wash');
    expect(c.questions[0].text.nb).not.toContain('bilvaskere i nærheten');
    const first = await checklistVersion(ctx.db, 'car-wash', c.version - 2);
    expect(c.version).toBe(first.version + 2);
  });

  it('a stale revision is refused with the stored version (409)', async () => {
    const view = await editorOf('cleaning');
    const body = view.body;
    const a = await saveDraft(ctx, editor, CHECKLIST_KIND, { ...ref('cleaning'), revision: 0, base: 1, body });
    await saveDraft(ctx, second, CHECKLIST_KIND, { ...ref('cleaning'), revision: a.revision, base: 1, body });
    expect(
      await errorOf(saveDraft(ctx, editor, CHECKLIST_KIND, { ...ref('cleaning'), revision: a.revision, base: 1, body }))
    ).toMatchObject({ code: 'conflict' });
    await changeState(ctx, editor, { ...ref('cleaning'), number: a.number, action: 'archive' });
  });

  it('adds a source, a sign, a question and advice, removes advice: one publish shows them all, version +1, old results keep theirs', async () => {
    const sector = 'beauty-salon';
    const before = getChecklist(sector);
    const old = await runCheck(ctx.db, { sector, answers: answersFor(before, 'no') });
    const view = await editorOf(sector);
    let values = checklistToValues(view.body);
    const press = (raw: string) => {
      const op = parseOp(raw);
      if (!op) throw new Error(`unknown button ${raw}`);
      const r = applyOp(formFromValues(values), op);
      if (!r.ok) return r;
      values = valuesFromForm(r.form);
      return r;
    };
    const k = before.sources.length;
    press('add:sources');
    Object.assign(values, {
      [`sources.${k}.id`]: 'studio-source',
      [`sources.${k}.title`]: 'Studiokilde',
      [`sources.${k}.publisher`]: 'Forebygg',
      [`sources.${k}.url`]: 'https://example.org/studio',
      [`sources.${k}.date`]: '2026-11'
    });
    const j = before.indicators.length;
    press('add:indicators');
    Object.assign(values, {
      [`indicators.${j}.id`]: 'studio-sign',
      [`indicators.${j}.text.nb`]: 'Studiotegn',
      [`indicators.${j}.text.en`]: 'Studio sign',
      [`indicators.${j}.ilo.8`]: 'on',
      [`indicators.${j}.sources.${k}`]: 'on'
    });
    const q = before.questions.length;
    press('add:questions');
    Object.assign(values, {
      [`questions.${q}.id`]: 'studio-question',
      [`questions.${q}.text.nb`]: 'Studiospørsmål?',
      [`questions.${q}.text.en`]: 'Studio question?',
      [`questions.${q}.why.nb`]: 'Fordi.',
      [`questions.${q}.why.en`]: 'Because.',
      [`questions.${q}.weight`]: '2',
      [`questions.${q}.indicators.${j}`]: 'on',
      [`questions.${q}.sources.${k}`]: 'on'
    });
    const a = before.advice.length;
    press('add:advice');
    Object.assign(values, {
      [`advice.${a}.id`]: 'studio-advice',
      [`advice.${a}.text.nb`]: 'Studioråd.',
      [`advice.${a}.text.en`]: 'Studio advice.',
      [`advice.${a}.levels.low`]: 'on',
      [`advice.${a}.levels.some`]: 'on',
      [`advice.${a}.levels.strong`]: 'on',
      [`advice.${a}.questions.${q}`]: 'on'
    });
    // The new question is this advice's only question: removing the question is refused with the reason.
    expect(press(`remove:questions:${q}`)).toMatchObject({
      ok: false,
      reason: { key: 'contentChecklist.refuse.adviceOnlyQuestion', params: { name: 'studio-advice' } }
    });
    const goneAdvice = before.advice[0].id;
    expect(press('remove:advice:0')).toMatchObject({ ok: true, notes: [] });

    const body = checklistFromValues(view.body, values) as unknown as TChecklist;
    const saved = await saveDraft(ctx, editor, CHECKLIST_KIND, { ...ref(sector), revision: 0, base: 1, body });
    await changeState(ctx, editor, { ...ref(sector), number: saved.number, action: 'submit' });
    expect(getChecklist(sector).questions.map((x) => x.id)).not.toContain('studio-question');
    await changeState(ctx, second, { ...ref(sector), number: saved.number, action: 'publish' });

    const after = getChecklist(sector);
    expect(after.version).toBe(before.version + 1);
    expect(after.questions.at(-1)).toMatchObject({ id: 'studio-question', indicators: ['studio-sign'], weight: 2 });
    expect(after.indicators.at(-1)).toMatchObject({ id: 'studio-sign', ilo: [8], sources: ['studio-source'] });
    expect(after.advice.map((x) => x.id)).not.toContain(goneAdvice);
    expect(after.advice.at(-1)).toMatchObject({ id: 'studio-advice', questions: ['studio-question'] });
    expect(after.sources.at(-1)).toEqual({
      id: 'studio-source',
      title: 'Studiokilde',
      publisher: 'Forebygg',
      url: 'https://example.org/studio',
      date: '2026-11'
    });
    const answers = { ...answersFor(after, 'no'), 'studio-question': 'yes' as const };
    const fresh = await runCheck(ctx.db, { sector, answers });
    expect(fresh.checklist.version).toBe(after.version);
    expect(fresh.result.triggered.map((x) => x.id)).toContain('studio-sign');
    expect(fresh.result.advice).toContain('studio-advice');
    // A result scored before the publish keeps its version, which still loads with its own questions.
    expect(old.checklist.version).toBe(before.version);
    const first = await checklistVersion(ctx.db, sector, before.version);
    expect(first.questions.map((x) => x.id)).not.toContain('studio-question');
  });

  it('a source with a bad address or date is refused beside its field, and nothing is stored', async () => {
    const view = await editorOf('food-agriculture');
    const values = checklistToValues(view.body);
    values['sources.0.url'] = 'javascript:alert(1)';
    values['sources.1.date'] = '18-05-2024';
    values['sources.2.title'] = ' ';
    const body = checklistFromValues(view.body, values) as unknown as TChecklist;
    const e = await errorOf(
      saveDraft(ctx, editor, CHECKLIST_KIND, { ...ref('food-agriculture'), revision: 0, base: 1, body })
    );
    expect((e as { fields: Record<string, string> }).fields).toEqual({
      'sources.0.url': 'contentChecklist.error.url',
      'sources.1.date': 'contentChecklist.error.date',
      'sources.2.title': 'content.checklist.error.required'
    });
    expect((await editorOf('food-agriculture')).open).toBeNull();
  });

  it('export → import round-trips with no changes; an edited checklist file is published as a new version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forebygg-checklists-'));
    try {
      const { written } = await exportContent(ctx.db, dir);
      expect(written.filter((p) => p.startsWith('checklists/'))).toHaveLength(currentChecklists().length);
      expect(await importContent(ctx, dir, { dryRun: true })).toEqual({ changes: [], unchanged: written.length });

      const file = join(dir, 'checklists', 'restaurant.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as TChecklist;
      const before = getChecklist('restaurant');
      doc.thresholds.strong += 1;
      writeFileSync(file, JSON.stringify(doc));
      const dry = await importContent(ctx, dir, { dryRun: true });
      expect(dry.changes.map((c) => [c.path, c.change])).toEqual([['checklists/restaurant.json', 'changed']]);
      expect(getChecklist('restaurant').thresholds.strong).toBe(before.thresholds.strong);
      await importContent(ctx, dir, { dryRun: false });
      expect(getChecklist('restaurant').thresholds.strong).toBe(before.thresholds.strong + 1);
      expect(await importContent(ctx, dir, { dryRun: true })).toEqual({ changes: [], unchanged: written.length });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
