import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newQuizBase, newQuizDraft, QUIZ_ID_PATTERN, withSourceIds } from './quiz-new';
import { quizSetFromDraft, type TQuizDraft } from './quiz-set-form';

describe('a new quiz in the studio form', () => {
  it('starts with one empty question of two options and one source that already has an id', () => {
    const d = newQuizDraft(4);
    expect(d.order).toBe('4');
    expect(d.questions).toHaveLength(1);
    expect(d.questions[0]!.options).toHaveLength(2);
    expect(d.sources).toEqual([{ id: 'source-1', title: '', url: '' }]);
    expect(newQuizDraft(5000).order).toBe('1000');
    expect(newQuizDraft(-3).order).toBe('0');
  });

  it('is refused while empty, with messages for the fields to fill', () => {
    const r = quizSetFromDraft(newQuizBase('x'), newQuizDraft(1), new Date());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fields)).toEqual(expect.arrayContaining(['title-nb', 'q0-nb', 'q0-o0-nb']));
  });

  it('gives a source added without an id a fresh one and keeps the others', () => {
    const d = {
      ...newQuizDraft(1),
      sources: [
        { id: 'source-1', title: 'A', url: '' },
        { id: '', title: 'B', url: '' }
      ]
    };
    expect(withSourceIds(d).sources.map((s) => s.id)).toEqual(['source-1', 'source']);
    const whole = withSourceIds(newQuizDraft(1));
    expect(withSourceIds(whole)).toBe(whole);
  });

  it('property: every source gets a valid id, kept ids stay, new ids are unique and clash with none', () => {
    const id = fc.oneof(fc.constant(''), fc.constantFrom('source', 'source-1', 'a', 'Bad Id', '-x'), fc.string());
    fc.assert(
      fc.property(fc.array(id, { maxLength: 12 }), (ids) => {
        const d: TQuizDraft = { ...newQuizDraft(1), sources: ids.map((s) => ({ id: s, title: '', url: '' })) };
        const out = withSourceIds(d).sources.map((s) => s.id);
        const kept = ids.filter((s) => QUIZ_ID_PATTERN.test(s));
        const fresh = out.filter((_, i) => !QUIZ_ID_PATTERN.test(ids[i]!));
        return (
          out.every((s) => QUIZ_ID_PATTERN.test(s)) &&
          out.every((s, i) => !QUIZ_ID_PATTERN.test(ids[i]!) || s === ids[i]) &&
          new Set(fresh).size === fresh.length &&
          fresh.every((s) => !kept.includes(s))
        );
      })
    );
  });
});
