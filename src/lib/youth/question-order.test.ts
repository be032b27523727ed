import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionById } from './question-order';
import { parseQuizSet, type TQuizSet } from './quiz';

const sets: TQuizSet[] = readdirSync('data/quizzes')
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseQuizSet(f, JSON.parse(readFileSync(`data/quizzes/${f}`, 'utf8'))));
const set = sets[0]!;

describe('finding a question by id', () => {
  it('finds a current question with its number, an archived one without, and nothing for an unknown id', () => {
    const [first, second] = set.questions as [TQuizSet['questions'][number], TQuizSet['questions'][number]];
    const archivedAt = '2026-11-29T07:00:00.000Z';
    const withArchive: TQuizSet = { ...set, questions: set.questions.slice(1), archived: [{ ...first, archivedAt }] };
    expect(questionById(withArchive, second.id)).toEqual({ question: second, number: 1, archived: false });
    expect(questionById(withArchive, first.id)).toEqual({
      question: { ...first, archivedAt },
      number: null,
      archived: true
    });
    expect(questionById(withArchive, 'no-such-question')).toBeNull();
  });

  it('property: every question of every shipped set is found at its own place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.nat(), (s, n) => {
        const index = n % s.questions.length;
        const found = questionById(s, s.questions[index]!.id);
        return found !== null && found.number === index + 1 && found.question === s.questions[index];
      })
    );
  });
});
