import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZSurveyDefinition, ageGroups, choiceCodes, type TSurveyDefinition } from './definition';
import { checkAnswers, counterRows, cellOf, nextSection } from './response';
import { templateDefinition } from '../server/surveys/surveys.template';

const places = {
  counties: [
    { number: '03', name: 'Oslo' },
    { number: '46', name: 'Vestland' }
  ],
  municipalities: []
};
const def: TSurveyDefinition = ZSurveyDefinition.parse(templateDefinition);

describe('the template definition', () => {
  it('is valid, with sex, age group and county for weighting', () => {
    expect(ZSurveyDefinition.safeParse(templateDefinition).success).toBe(true);
    expect(
      cellOf(
        def,
        new Map([
          ['sex', ['female']],
          ['age_group', ['16-24']],
          ['county', ['03']]
        ])
      )
    ).toEqual(['female', '16-24', '03']);
  });
});

describe('checkAnswers', () => {
  const valid = {
    sex: 'male',
    age_group: '35-44',
    county: '46',
    problem_world: 'great',
    problem_europe: 'some',
    problem_norway: 'little',
    problem_local: 'none',
    heard_recently: 'no',
    know_where: 'yes'
  };

  it('accepts a complete response and names every problem of a bad one', () => {
    expect(checkAnswers(def, places, valid).ok).toBe(true);
    const r = checkAnswers(def, places, { ...valid, county: '99', problem_world: '', extra: 'x', pay_more: '6' });
    expect(r).toEqual({
      ok: false,
      errors: {
        county: 'surveys.error.notAnOption',
        problem_world: 'validation.required',
        extra: 'surveys.error.unknownQuestion',
        pay_more: 'surveys.error.notAnOption'
      }
    });
  });

  it('evaluates skip rules: a hidden question is dropped and its section skipped when all of it is hidden', () => {
    const r = checkAnswers(def, places, { ...valid, where_heard: ['news'] });
    expect(r.ok && r.answers.has('where_heard')).toBe(false);
    const shown = checkAnswers(def, places, { ...valid, heard_recently: 'yes', where_heard: ['news'] });
    expect(shown.ok && shown.answers.get('where_heard')).toEqual(['news']);
  });

  it('never accepts a value outside a question’s codes, and counts only what was accepted (property)', () => {
    const questions = def.sections.flatMap((s) => s.questions);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...questions.map((q) => q.id)),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('great', 'yes', '03', 'female', '16-24', '5'))
        ),
        (raw) => {
          const r = checkAnswers(def, places, raw);
          if (!r.ok) return;
          for (const [id, values] of r.answers) {
            const q = questions.find((x) => x.id === id)!;
            for (const v of values) expect(choiceCodes(q, places)).toContain(v);
          }
          const rows = counterRows(def, r.answers);
          expect(new Set(rows.map((x) => x.question_id)).size).toBe(rows.length);
        }
      )
    );
  });

  it('lets a number question take whole numbers in range only', () => {
    const d = ZSurveyDefinition.parse({
      title_nb: 'a',
      title_en: 'a',
      sections: [
        {
          title_nb: 's',
          title_en: 's',
          questions: [{ id: 'n', type: 'number', text_nb: 'n', text_en: 'n', min: 0, max: 10 }]
        }
      ]
    });
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), (v) => {
        expect(checkAnswers(d, places, { n: String(v) }).ok).toBe(v >= 0 && v <= 10);
      })
    );
    expect(checkAnswers(d, places, { n: '1e3' }).ok).toBe(false);
  });

  it('moves to the next section with a shown question', () => {
    expect(nextSection(def, 2, new Map([['heard_recently', ['no']]]))).toBe(3);
    expect(nextSection(def, def.sections.length - 1, new Map())).toBeNull();
    expect(ageGroups.flatMap((a) => a.bands)).toHaveLength(14);
  });
});
