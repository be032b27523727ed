import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../check/checklist';
import { scoreChecklist, scoringDefinition } from '../check/score';
import {
  applyOp,
  checklistFromValues,
  checklistToValues,
  fieldOf,
  parseOp,
  tryAnswers,
  validateChecklist
} from './checklist-form';

const load = (id: string) =>
  parseChecklist(`data/checklists/${id}.json`, JSON.parse(readFileSync(`data/checklists/${id}.json`, 'utf8')));
const carWash = load('car-wash');
const cleaning = load('cleaning');

describe('the checklist form', () => {
  it('round-trips every checklist file through its form values unchanged', () => {
    for (const c of [carWash, cleaning, load('construction'), load('restaurant')]) {
      const back = validateChecklist(checklistFromValues(c, checklistToValues(c)));
      expect(back).toEqual({ ok: true, checklist: c });
    }
  });

  it('puts each schema error beside its form field', () => {
    expect(fieldOf(['questions', 2, 'text', 'nb'])).toBe('questions.2.text.nb');
    expect(fieldOf(['questions', 2, 'indicators', 0])).toBe('questions.2.indicators');
    expect(fieldOf(['advice', 1, 'questions', 0])).toBe('advice.1.questions');
    expect(fieldOf(['questions'])).toBe('questions');
    expect(fieldOf([])).toBe('checklist');
    const values = checklistToValues(carWash);
    values['questions.0.weight'] = 'ten';
    values['questions.1.riskAnswer'] = 'maybe';
    values.dontKnowFactor = '2';
    const r = validateChecklist(checklistFromValues(carWash, values));
    expect(r).toEqual({
      ok: false,
      fields: {
        'questions.0.weight': 'content.checklist.error.weight',
        'questions.1.riskAnswer': 'content.checklist.error.riskAnswer',
        dontKnowFactor: 'content.checklist.error.factor'
      }
    });
  });

  it('a new question is invalid until it is filled in, and valid once it is', () => {
    const added = applyOp(checklistFromValues(carWash, checklistToValues(carWash)), { op: 'add' });
    const r = validateChecklist(added);
    expect(r.ok).toBe(false);
    const n = carWash.questions.length;
    expect(Object.keys(r.ok ? {} : r.fields)).toEqual(
      expect.arrayContaining([`questions.${n}.id`, `questions.${n}.text.nb`, `questions.${n}.sources`])
    );
    const values = checklistToValues(added);
    Object.assign(values, {
      [`questions.${n}.id`]: 'new-question',
      [`questions.${n}.text.nb`]: 'Spørsmål',
      [`questions.${n}.text.en`]: 'Question',
      [`questions.${n}.why.nb`]: 'Fordi',
      [`questions.${n}.why.en`]: 'Because',
      [`questions.${n}.indicators.${carWash.indicators[0].id}`]: 'on',
      [`questions.${n}.sources.${carWash.sources[0].id}`]: 'on'
    });
    const ok = validateChecklist(checklistFromValues(carWash, values));
    expect(ok.ok && ok.checklist.questions.at(-1)?.id).toBe('new-question');
  });

  it('reads only the buttons it knows', () => {
    expect(parseOp('add')).toEqual({ op: 'add' });
    expect(parseOp('up:3')).toEqual({ op: 'up', index: 3 });
    expect(parseOp('remove:12')).toEqual({ op: 'remove', index: 12 });
    for (const bad of ['', 'save', 'try', 'up:-1', 'up:x', 'drop:1', 'up:1234', null, undefined])
      expect(parseOp(bad)).toBeNull();
  });

  it('property: moves keep the questions (a permutation) and moving down then up restores the order', () => {
    const base = checklistFromValues(carWash, checklistToValues(carWash));
    const ids = (d: typeof base) => d.questions.map((q) => q.id as string);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ op: fc.constantFrom('up' as const, 'down' as const), index: fc.integer({ min: -2, max: 12 }) }),
          {
            maxLength: 20
          }
        ),
        fc.integer({ min: 0, max: carWash.questions.length - 2 }),
        (ops, i) => {
          const moved = ops.reduce((d, op) => applyOp(d, op), base);
          expect([...ids(moved)].sort()).toEqual([...ids(base)].sort());
          expect(validateChecklist(moved).ok).toBe(true);
          const back = applyOp(applyOp(moved, { op: 'down', index: i }), { op: 'up', index: i + 1 });
          expect(ids(back)).toEqual(ids(moved));
        }
      )
    );
  });

  it('property: removing a question leaves a checklist whose only errors are unused signs, never a dangling advice reference', () => {
    const base = checklistFromValues(cleaning, checklistToValues(cleaning));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cleaning.questions.length - 1 }), (i) => {
        const d = applyOp(base, { op: 'remove', index: i });
        expect(d.questions).toHaveLength(cleaning.questions.length - 1);
        const r = validateChecklist(d);
        if (!r.ok)
          for (const [field, key] of Object.entries(r.fields)) {
            expect(field).toMatch(/^indicators\.\d+/);
            expect(key).toBe('content.checklist.error.unused');
          }
      })
    );
  });

  it('property: the try pane reads every answer given and scores as the public page’s browser definition does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('yes', 'no', 'unknown'), {
          minLength: carWash.questions.length,
          maxLength: carWash.questions.length
        }),
        (picked) => {
          const values = Object.fromEntries(carWash.questions.map((q, i) => [`try.${q.id}`, picked[i]]));
          const a = tryAnswers(carWash, values);
          expect(a.ok).toBe(true);
          if (a.ok) {
            expect(a.answers).toEqual(Object.fromEntries(carWash.questions.map((q, i) => [q.id, picked[i]])));
            expect(scoreChecklist(scoringDefinition(carWash), a.answers).level).toBe(
              scoreChecklist(carWash, a.answers).level
            );
          }
        }
      )
    );
    expect(tryAnswers(carWash, {})).toMatchObject({ ok: false });
  });
});
