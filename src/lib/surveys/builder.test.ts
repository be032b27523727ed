import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdownQuestions, ZSurveyDefinition } from './definition';
import {
  addSection,
  moveQuestion,
  optionLines,
  parseOptionLines,
  putQuestion,
  removeQuestion,
  ZQuestionForm
} from './builder';
import { templateDefinition } from '../server/surveys/surveys.template';

const def = ZSurveyDefinition.parse(templateDefinition);
const ids = (d: typeof def) => d.sections.flatMap((s) => s.questions.map((q) => q.id));

describe('builder edits', () => {
  it('reads answers typed as lines and writes them back the same', () => {
    const r = parseOptionLines('yes | Ja | Yes\r\n\nno | Nei | No');
    expect(r).toEqual({
      ok: true,
      options: [
        { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
        { code: 'no', label_nb: 'Nei', label_en: 'No' }
      ]
    });
    expect(r.ok && parseOptionLines(optionLines(r.options))).toEqual(r);
    expect(parseOptionLines('yes | Ja\nno | Nei | No')).toEqual({ ok: false, line: 1 });
  });

  it('adds, edits and removes a question from the per-question form', () => {
    const form = ZQuestionForm.parse({
      section: '1',
      index: '',
      id: 'trust',
      type: 'single',
      required: 'on',
      text_nb: 'Stoler du på politiet?',
      text_en: 'Do you trust the police?',
      options: 'yes | Ja | Yes\nno | Nei | No'
    });
    const added = putQuestion(def, form);
    expect(ZSurveyDefinition.safeParse(added).success).toBe(true);
    expect(added.sections[1].questions.at(-1)).toMatchObject({ id: 'trust', required: true });
    const removed = removeQuestion(added, 1, added.sections[1].questions.length - 1);
    expect(removed).toEqual(def);
    expect(addSection(def, 'Ny', 'New').sections).toHaveLength(def.sections.length + 1);
  });

  it('marks breakdown questions: single choice or Likert only, at most three per survey', () => {
    const form = (id: string, type: string, breakdown?: 'on') =>
      ZQuestionForm.parse({
        section: '1',
        index: '',
        id,
        type,
        text_nb: 'Har du sett kampanjen?',
        text_en: 'Have you seen the campaign?',
        options: 'yes | Ja | Yes\nno | Nei | No',
        ...(breakdown ? { breakdown } : {})
      });
    let d = putQuestion(def, form('seen', 'single', 'on'));
    expect(ZSurveyDefinition.safeParse(d).success).toBe(true);
    expect(breakdownQuestions(d).map((q) => q.id)).toEqual(['seen']);
    expect(putQuestion(def, form('plain', 'single')).sections[1].questions.at(-1)!.breakdown).toBeUndefined();
    const multiple = ZSurveyDefinition.safeParse(putQuestion(def, form('many', 'multiple', 'on')));
    expect(multiple.success || multiple.error.issues[0].message).toBe('surveys.error.breakdownType');
    d = putQuestion(putQuestion(d, form('seen2', 'single', 'on')), form('seen3', 'single', 'on'));
    expect(ZSurveyDefinition.safeParse(d).success).toBe(true);
    const four = ZSurveyDefinition.safeParse(putQuestion(d, form('seen4', 'single', 'on')));
    expect(four.success || four.error.issues[0].message).toBe('surveys.error.tooManyBreakdowns');
  });

  it('moving questions keeps every question exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(10), fc.nat(10), fc.constantFrom(-1 as const, 1 as const)), { maxLength: 30 }),
        (moves) => {
          let d = def;
          for (const [s, i, by] of moves) {
            const sec = s % d.sections.length;
            if (d.sections[sec].questions.length === 0) continue;
            d = moveQuestion(d, sec, i % d.sections[sec].questions.length, by);
          }
          expect(ids(d).sort()).toEqual(ids(def).sort());
        }
      )
    );
  });
});
