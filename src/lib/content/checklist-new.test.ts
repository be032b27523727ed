import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklist, ZChecklist } from '../check/checklist';
import { scoreChecklist } from '../check/score';
import { checklistToValues, formFromValues, checklistFromForm, validateChecklist } from './checklist-form';
import { copyChecklist, emptyChecklist, emptyInformation, SECTOR_ID, startingTextsLeft } from './checklist-new';

const all = readdirSync('data/checklists')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseChecklist(`data/checklists/${f}`, JSON.parse(readFileSync(`data/checklists/${f}`, 'utf8'))));

const sectorId = fc.stringMatching(/^[a-z][a-z0-9-]{1,40}$/);
const name = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);

describe('a new sector’s first draft', () => {
  it('the empty skeleton passes the files’ schema, scores, and names every starting text to write', () => {
    fc.assert(
      fc.property(sectorId, fc.nat(100), name, name, (id, order, nb, en) => {
        const c = emptyChecklist(id, order, { nb, en });
        expect(ZChecklist.safeParse(c).success).toBe(true);
        expect(scoreChecklist(c, { 'question-1': 'yes' }).level).toBe('some');
        const left = Object.keys(startingTextsLeft(c)).sort();
        expect(left).toEqual(
          [
            'summary.nb',
            'summary.en',
            'intro.nb',
            'intro.en',
            'indicators.0.text.nb',
            'indicators.0.text.en',
            'questions.0.text.nb',
            'questions.0.text.en',
            'questions.0.why.nb',
            'questions.0.why.en',
            'sources.0.title'
          ].sort()
        );
      })
    );
  });

  it('the empty information page passes the schema, has no questions, and names its starting texts', () => {
    fc.assert(
      fc.property(sectorId, fc.nat(100), name, name, (id, order, nb, en) => {
        const c = emptyInformation(id, order, { nb, en });
        expect(ZChecklist.safeParse(c).success).toBe(true);
        expect([c.kind, c.questions.length, c.sections.length]).toEqual(['information', 0, 1]);
        expect(Object.keys(startingTextsLeft(c))).toEqual(
          expect.arrayContaining(['sections.0.title.nb', 'sections.0.body.0.en', 'sources.0.title', 'intro.nb'])
        );
      })
    );
  });

  it('the skeleton goes through the form editor unchanged (the editor opens on a valid checklist)', () => {
    const c = emptyChecklist('warehouse', 9, { nb: 'Lager', en: 'Warehouse' });
    const v = validateChecklist(checklistFromForm(c, formFromValues(checklistToValues(c))));
    expect(v).toEqual({ ok: true, checklist: c });
  });

  it('a copy of any shipped checklist is valid, has no starting texts, and keeps everything but id, names, order and version', () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), sectorId, fc.nat(100), name, name, (from, id, order, nb, en) => {
        const c = copyChecklist(from, id, order, { nb, en });
        expect(ZChecklist.safeParse(c).success).toBe(true);
        expect(startingTextsLeft(c)).toEqual({});
        expect({ ...c, id: from.id, order: from.order, version: from.version, title: from.title }).toEqual(from);
        expect([c.id, c.order, c.version, c.title]).toEqual([id, order, 1, { nb, en }]);
      })
    );
  });

  it('the copy does not share objects with the checklist it copies', () => {
    const from = all[0]!;
    const c = copyChecklist(from, 'copy-test', 1, { nb: 'a', en: 'b' });
    c.questions[0]!.text.nb = 'changed';
    expect(from.questions[0]!.text.nb).not.toBe('changed');
  });

  it('sector ids are the schema’s slugs', () => {
    expect(SECTOR_ID.test('warehouse')).toBe(true);
    expect(SECTOR_ID.test('car-wash-2')).toBe(true);
    for (const bad of ['', 'a', 'Car', '1abc', 'a b', 'æøå', 'a'.repeat(42)]) expect(SECTOR_ID.test(bad)).toBe(false);
  });
});
