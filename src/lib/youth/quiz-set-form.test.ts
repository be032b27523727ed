import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuizSet, ZQuizSet, type TQuizSet } from './quiz';
import {
  applyQuizOp,
  draftFromFields,
  draftFromSet,
  fieldName,
  fieldsFromDraft,
  parseQuizOp,
  quizSetFromDraft,
  readQuizForm,
  type TQuizOp
} from './quiz-set-form';

const sets: TQuizSet[] = readdirSync('data/quizzes')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseQuizSet(f, JSON.parse(readFileSync(`data/quizzes/${f}`, 'utf8'))));
const set = sets[0]!;
const now = new Date('2026-12-01T10:00:00Z');

const arbOp: fc.Arbitrary<TQuizOp> = fc.oneof(
  fc.constant({ op: 'add-question' as const }),
  fc.constant({ op: 'add-source' as const }),
  fc.record({
    op: fc.constantFrom(
      'remove-question' as const,
      'question-up' as const,
      'question-down' as const,
      'add-option' as const
    ),
    i: fc.nat(12)
  }),
  fc.record({
    op: fc.constantFrom('remove-option' as const, 'option-up' as const, 'option-down' as const),
    i: fc.nat(12),
    k: fc.nat(6)
  }),
  fc.record({ op: fc.constant('remove-source' as const), j: fc.nat(4) })
);

describe('the quiz set form (content studio)', () => {
  it('property: any shipped set, posted unchanged, gives back the same set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sets), (s) => {
        const result = quizSetFromDraft(s, draftFromFields(fieldsFromDraft(draftFromSet(s))), now);
        expect(result.ok && result.set).toEqual(s);
      })
    );
  });

  it('property: any sequence of buttons keeps 1–30 questions, 2–5 options, and survives the form round trip', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.array(arbOp, { maxLength: 25 }), (s, ops) => {
        let d = draftFromSet(s);
        for (const op of ops) d = applyQuizOp(d, op);
        expect(d.questions.length).toBeGreaterThanOrEqual(1);
        expect(d.questions.length).toBeLessThanOrEqual(30);
        for (const q of d.questions) {
          expect(q.options.length).toBeGreaterThanOrEqual(2);
          expect(q.options.length).toBeLessThanOrEqual(5);
        }
        expect(fieldsFromDraft(draftFromFields(fieldsFromDraft(d)))).toEqual(fieldsFromDraft(d));
      })
    );
  });

  it('property: whatever the buttons did, a save is either a valid set or a message per field — never both, never neither', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.array(arbOp, { maxLength: 12 }), (s, ops) => {
        let d = draftFromSet(s);
        for (const op of ops) d = applyQuizOp(d, op);
        const r = quizSetFromDraft(s, d, now);
        if (r.ok) {
          expect(ZQuizSet.safeParse(r.set).success).toBe(true);
          // Every question of the base is either still asked or archived with its text.
          const kept = new Set([...r.set.questions, ...(r.set.archived ?? [])].map((q) => q.id));
          for (const q of s.questions) expect(kept.has(q.id)).toBe(true);
        } else expect(Object.keys(r.fields).length).toBeGreaterThan(0);
      })
    );
  });

  it('moving questions up and down reorders them and the saved set follows', () => {
    const d = applyQuizOp(draftFromSet(set), { op: 'question-down', i: 0 });
    const r = quizSetFromDraft(set, d, now);
    if (!r.ok) throw new Error(JSON.stringify(r.fields));
    expect(r.set.questions.map((q) => q.id)).toEqual([
      set.questions[1]!.id,
      set.questions[0]!.id,
      ...set.questions.slice(2).map((q) => q.id)
    ]);
    expect(applyQuizOp(draftFromSet(set), { op: 'question-up', i: 0 })).toEqual(draftFromSet(set));
  });

  it('a removed question is archived with its text; a new one gets a fresh id from its English text', () => {
    let d = applyQuizOp(draftFromSet(set), { op: 'remove-question', i: 0 });
    d = applyQuizOp(d, { op: 'add-question' });
    const last = d.questions.length - 1;
    const f = fieldsFromDraft(d);
    Object.assign(f, {
      [fieldName.question(last, 'nb')]: 'Er tvangsarbeid ulovlig i Norge?',
      [fieldName.question(last, 'en')]: 'Is forced labour illegal in Norway?',
      [fieldName.option(last, 0, 'nb')]: 'Ja',
      [fieldName.option(last, 0, 'en')]: 'Yes',
      [fieldName.option(last, 0, 'correct')]: 'on',
      [fieldName.option(last, 1, 'nb')]: 'Nei',
      [fieldName.option(last, 1, 'en')]: 'No',
      [fieldName.question(last, 'explanation-nb')]: 'Ja.',
      [fieldName.question(last, 'explanation-en')]: 'Yes.',
      [fieldName.questionSource(last, set.sources[0]!.id)]: 'on'
    });
    const r = quizSetFromDraft(set, draftFromFields(f), now);
    if (!r.ok) throw new Error(JSON.stringify(r.fields));
    expect(r.set.archived).toEqual([{ ...set.questions[0]!, archivedAt: now.toISOString() }]);
    expect(r.set.questions.at(-1)).toMatchObject({
      id: 'is-forced-labour-illegal-in-norway',
      options: [{ id: 'yes' }, { id: 'no' }],
      correct: ['yes'],
      sources: [set.sources[0]!.id]
    });
  });

  it('gives a message beside each field: empty English text, an empty option, no right answer, no source', () => {
    const f = fieldsFromDraft(draftFromSet(set));
    f[fieldName.question(0, 'en')] = '  ';
    f[fieldName.option(1, 0, 'en')] = '';
    for (let k = 0; k < set.questions[2]!.options.length; k++) delete f[fieldName.option(2, k, 'correct')];
    for (const s of set.sources) delete f[fieldName.questionSource(3, s.id)];
    f['title-nb'] = '';
    f.targetAge = 'toddlers';
    const r = quizSetFromDraft(set, draftFromFields(f), now);
    expect(r.ok ? null : r.fields).toEqual({
      [fieldName.question(0, 'en')]: 'contentQuiz.error.text',
      [fieldName.option(1, 0, 'en')]: 'contentQuiz.error.option',
      [fieldName.options(2)]: 'contentQuiz.error.correct',
      [fieldName.question(3, 'sources')]: 'contentQuiz.error.sources',
      'title-nb': 'contentQuiz.error.text',
      targetAge: 'contentQuiz.error.targetAge'
    });
  });

  it('every option right is refused: at least one must be wrong', () => {
    const f = fieldsFromDraft(draftFromSet(set));
    for (let k = 0; k < set.questions[0]!.options.length; k++) f[fieldName.option(0, k, 'correct')] = 'on';
    const r = quizSetFromDraft(set, draftFromFields(f), now);
    expect(r.ok ? null : r.fields).toEqual({ [fieldName.options(0)]: 'contentQuiz.error.correct' });
  });

  it('a source URL that is not http(s) is refused beside it; removing a source unticks it everywhere', () => {
    const f = fieldsFromDraft(draftFromSet(set));
    f[fieldName.source(0, 'url')] = 'javascript:alert(1)';
    const r = quizSetFromDraft(set, draftFromFields(f), now);
    expect(r.ok ? null : r.fields).toEqual({ [fieldName.source(0, 'url')]: 'contentQuiz.error.sourceUrl' });
    if (set.sources.length > 1) {
      const d = applyQuizOp(draftFromSet(set), { op: 'remove-source', j: 0 });
      expect(d.questions.every((q) => !q.sources.includes(set.sources[0]!.id))).toBe(true);
    }
  });

  it('reads the buttons, and an unknown button changes nothing', () => {
    expect(parseQuizOp('remove-option:2:1')).toEqual({ op: 'remove-option', i: 2, k: 1 });
    expect(parseQuizOp('add-question')).toEqual({ op: 'add-question' });
    expect(parseQuizOp('remove-source:3')).toEqual({ op: 'remove-source', j: 3 });
    expect(parseQuizOp('add-question:1')).toBeNull();
    expect(parseQuizOp('drop table')).toBeNull();
    const f = fieldsFromDraft(draftFromSet(set));
    expect(readQuizForm({ ...f, op: 'explode:1' })).toEqual({ draft: draftFromSet(set), op: null, badOp: true });
    expect(readQuizForm({ ...f, op: 'add-option:0' }).draft.questions[0]!.options).toHaveLength(
      Math.min(set.questions[0]!.options.length + 1, 5)
    );
  });
});
