import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, isCorrect, knownChoices, parseProgress, summarise } from './core';

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 2, maxLength: 5 });

describe('isCorrect', () => {
  it('needs exactly the correct options', () => {
    const q = { correct: ['a', 'c'] };
    expect(isCorrect(q, ['c', 'a'])).toBe(true);
    expect(isCorrect(q, ['a'])).toBe(false);
    expect(isCorrect(q, ['a', 'b', 'c'])).toBe(false);
    expect(isCorrect(q, [])).toBe(false);
    expect(isCorrect({ correct: ['no'] }, ['no', 'no'])).toBe(true);
  });

  it('property: any order or repetition of the correct set is right; adding or dropping one is wrong', () => {
    fc.assert(
      fc.property(
        ids.chain((all) =>
          fc.tuple(
            fc.constant(all),
            fc.subarray(all, { minLength: 1, maxLength: all.length - 1 }),
            fc.integer({ min: 1, max: 3 })
          )
        ),
        ([all, correct, times]) => {
          const q = { correct };
          const shuffled = [...correct].reverse();
          expect(isCorrect(q, Array.from({ length: times }, () => shuffled).flat())).toBe(true);
          const wrong = all.find((id) => !correct.includes(id))!;
          expect(isCorrect(q, [...correct, wrong])).toBe(false);
          expect(isCorrect(q, correct.slice(1))).toBe(correct.length === 0);
        }
      )
    );
  });
});

describe('knownChoices', () => {
  it('property: keeps only existing options, once each, in the question order', () => {
    fc.assert(
      fc.property(ids, fc.array(fc.string({ maxLength: 6 })), (all, chosen) => {
        const out = knownChoices({ options: all.map((id) => ({ id })) } as never, chosen);
        expect(new Set(out).size).toBe(out.length);
        expect(out.every((id) => all.includes(id) && chosen.includes(id))).toBe(true);
        expect(out).toEqual(all.filter((id) => out.includes(id)));
      })
    );
  });
});

describe('progress', () => {
  it('refuses anything but 0/1 up to the number of questions', () => {
    expect(parseProgress('1010', 10)).toBe('1010');
    expect(parseProgress('10102', 10)).toBe('');
    expect(parseProgress('1'.repeat(11), 10)).toBe('');
    expect(parseProgress(null, 10)).toBe('');
  });

  it('property: the summary counts exactly the right answers given', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 10 }), (answers) => {
        const progress = answers.reduce((p, a) => advance(p, a), '');
        expect(parseProgress(progress, 10)).toBe(progress);
        const set = { questions: Array.from({ length: 10 }, (_, i) => ({ id: `q${i}` })) } as never;
        const s = summarise(set, progress);
        expect(s.total).toBe(10);
        expect(s.right).toBe(answers.filter(Boolean).length);
        expect(s.questions.map((q) => q.correct)).toEqual(answers);
      })
    );
  });
});
