import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyQuestionForm, questionFields } from './question-form';
import { parseQuizSet, type TQuizSet } from './quiz';

const sets: TQuizSet[] = readdirSync('data/quizzes')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseQuizSet(f, JSON.parse(readFileSync(`data/quizzes/${f}`, 'utf8'))));
const set = sets[0]!;

describe("the editors' question form", () => {
  it('property: the form of any shipped question, saved unchanged, gives back the same set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.nat(), (s, n) => {
        const q = s.questions[n % s.questions.length]!;
        const result = applyQuestionForm(s, q.id, questionFields(q));
        expect(result.ok && result.set).toEqual(s);
      })
    );
  });

  it('keeps option ids by row, drops empty rows and gives a new option a fresh id', () => {
    const q = set.questions.find((x) => x.options.length < 5)!;
    const f = questionFields(q);
    f['text-en'] = 'A changed question?';
    f[`option-${q.options.length}-nb`] = 'Nytt svar';
    f[`option-${q.options.length}-en`] = 'New answer';
    const result = applyQuestionForm(set, q.id, f);
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.question.id).toBe(q.id);
    expect(result.question.text.en).toBe('A changed question?');
    expect(result.question.options.map((o) => o.id)).toEqual([...q.options.map((o) => o.id), 'new-answer']);
    expect(result.set.questions.filter((x) => x.id !== q.id)).toEqual(set.questions.filter((x) => x.id !== q.id));
  });

  it('adds a new question at the end with an id from its English text', () => {
    const result = applyQuestionForm(set, null, {
      'text-nb': 'Er tvangsarbeid ulovlig i Norge?',
      'text-en': 'Is forced labour illegal in Norway?',
      'option-0-nb': 'Ja',
      'option-0-en': 'Yes',
      'correct-0': 'on',
      'option-2-nb': 'Nei',
      'option-2-en': 'No',
      'explanation-nb': 'Ja.',
      'explanation-en': 'Yes.',
      [`source-${set.sources[0]!.id}`]: 'on'
    });
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.set.questions).toHaveLength(set.questions.length + 1);
    expect(result.question).toMatchObject({
      id: 'is-forced-labour-illegal-in-norway',
      options: [{ id: 'yes' }, { id: 'no' }],
      correct: ['yes'],
      sources: [set.sources[0]!.id]
    });
  });

  it('gives a message per field: missing English, one option, no right answer, no source', () => {
    const q = set.questions[0]!;
    const f = questionFields(q);
    f['text-en'] = '  ';
    delete f['option-1-en'];
    const r1 = applyQuestionForm(set, q.id, f);
    expect(r1.ok ? null : r1.fields).toMatchObject({
      'text-en': 'youth.editor.error.text',
      'option-1-en': 'youth.editor.error.option'
    });
    const none: Record<string, string> = {
      'text-nb': 'Hva?',
      'text-en': 'What?',
      'option-0-nb': 'A',
      'option-0-en': 'A'
    };
    const r2 = applyQuestionForm(set, null, none);
    expect(r2.ok ? null : r2.fields).toMatchObject({
      options: 'youth.editor.error.options',
      'explanation-nb': 'youth.editor.error.text',
      sources: 'youth.editor.error.sources'
    });
    const allRight = questionFields(q);
    q.options.forEach((_, k) => (allRight[`correct-${k}`] = 'on'));
    const r3 = applyQuestionForm(set, q.id, allRight);
    expect(r3.ok ? null : r3.fields).toEqual({ options: 'youth.editor.error.correct' });
  });
});
