import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyQuestionForm, questionFields } from './question-form';
import { moveQuestion, questionById, removeQuestion } from './question-order';
import { parseQuizSet, ZQuizSet, type TQuizSet } from './quiz';

const sets: TQuizSet[] = readdirSync('data/quizzes')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseQuizSet(f, JSON.parse(readFileSync(`data/quizzes/${f}`, 'utf8'))));
const set = sets[0]!;
const ids = (s: TQuizSet) => s.questions.map((q) => q.id);
const now = new Date('2026-11-29T07:00:00.000Z');

describe('moving questions', () => {
  it('moves a question one place up or down; nothing moves past either end', () => {
    const [a, b, c] = ids(set);
    expect(ids(moveQuestion(set, b!, 'up')).slice(0, 3)).toEqual([b, a, c]);
    expect(ids(moveQuestion(set, b!, 'down')).slice(0, 3)).toEqual([a, c, b]);
    expect(moveQuestion(set, a!, 'up')).toBe(set);
    expect(moveQuestion(set, ids(set).at(-1)!, 'down')).toBe(set);
    expect(moveQuestion(set, 'no-such-question', 'down')).toBe(set);
  });

  it('property: any sequence of moves keeps every question once, valid, and is undone by the reverse moves', () => {
    const move = fc.record({ n: fc.nat(), direction: fc.constantFrom('up' as const, 'down' as const) });
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.array(move, { maxLength: 20 }), (s, moves) => {
        let cur = s;
        const done: { id: string; direction: 'up' | 'down'; changed: boolean }[] = [];
        for (const m of moves) {
          const id = cur.questions[m.n % cur.questions.length]!.id;
          const next = moveQuestion(cur, id, m.direction);
          done.push({ id, direction: m.direction, changed: next !== cur });
          cur = next;
        }
        expect([...ids(cur)].sort()).toEqual([...ids(s)].sort());
        expect(ZQuizSet.safeParse(cur).success).toBe(true);
        for (const d of done.reverse())
          if (d.changed) cur = moveQuestion(cur, d.id, d.direction === 'up' ? 'down' : 'up');
        expect(cur).toEqual(s);
      })
    );
  });
});

describe('deleting questions', () => {
  it('drops a question nobody answered, and archives one that was answered with its text', () => {
    const q = set.questions[1]!;
    const dropped = removeQuestion(set, q.id, false, now);
    expect(dropped.ok && dropped.archived).toBe(false);
    if (!dropped.ok) throw new Error('refused');
    expect(ids(dropped.set)).toEqual(ids(set).filter((id) => id !== q.id));
    expect(dropped.set.archived ?? []).toEqual([]);
    expect(questionById(dropped.set, q.id)).toBeNull();

    const archived = removeQuestion(set, q.id, true, now);
    if (!archived.ok) throw new Error('refused');
    expect(archived.archived).toBe(true);
    expect(ids(archived.set)).not.toContain(q.id);
    expect(archived.set.archived).toEqual([{ ...q, archivedAt: now.toISOString() }]);
    expect(ZQuizSet.parse(archived.set)).toEqual(archived.set);
    expect(questionById(archived.set, q.id)).toEqual({
      question: { ...q, archivedAt: now.toISOString() },
      number: null,
      archived: true
    });
  });

  it('refuses the last question and an unknown one', () => {
    const one = { ...set, questions: [set.questions[0]!] };
    expect(removeQuestion(one, set.questions[0]!.id, true, now)).toEqual({ ok: false, reason: 'last' });
    expect(removeQuestion(set, 'no-such-question', true, now)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('an archived id is never given to a new question, and cannot come back by hand', () => {
    const q = set.questions[0]!;
    const removed = removeQuestion(set, q.id, true, now);
    if (!removed.ok) throw new Error('refused');
    const added = applyQuestionForm(removed.set, null, { ...questionFields(q) });
    if (!added.ok) throw new Error(JSON.stringify(added.fields));
    expect(added.question.id).not.toBe(q.id);
    expect(ZQuizSet.safeParse({ ...removed.set, questions: [...removed.set.questions, q] }).success).toBe(false);
  });

  it('property: deleting keeps the other questions in their order and each question in exactly one list', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sets),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 12 }),
        (s, dels) => {
          let cur = s;
          for (const [n, answered] of dels) {
            const id = cur.questions[n % cur.questions.length]!.id;
            const r = removeQuestion(cur, id, answered, now);
            if (!r.ok) {
              expect(cur.questions.length).toBe(1);
              continue;
            }
            expect(ids(r.set)).toEqual(ids(cur).filter((x) => x !== id));
            cur = r.set;
          }
          expect(ZQuizSet.safeParse(cur).success).toBe(true);
          const all = [...ids(cur), ...(cur.archived ?? []).map((q) => q.id)];
          expect(new Set(all).size).toBe(all.length);
          expect(ids(cur)).toEqual(ids(s).filter((id) => ids(cur).includes(id)));
          expect(cur.questions.length).toBeGreaterThanOrEqual(1);
        }
      )
    );
  });
});
