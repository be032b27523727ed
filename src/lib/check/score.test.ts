import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist, type TAnswer, type TChecklist } from './checklist';
import { compareLevels, ScoreInputError, scoreChecklist, scoringDefinition, type TAnswers } from './score';

const dir = resolve('data/checklists');
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => parseChecklist(f, JSON.parse(readFileSync(resolve(dir, f), 'utf8'))));
const scored = all.filter((c) => c.kind === 'checklist');
const byId = (id: string) => all.find((c) => c.id === id) as TChecklist;

/** Every question answered the safe way (the opposite of its risk answer). */
function safe(c: TChecklist): Record<string, TAnswer> {
  return Object.fromEntries(c.questions.map((q) => [q.id, q.riskAnswer === 'yes' ? 'no' : 'yes']));
}
function withRisk(c: TChecklist, ids: string[]): Record<string, TAnswer> {
  const a = safe(c);
  for (const q of c.questions) if (ids.includes(q.id)) a[q.id] = q.riskAnswer;
  return a;
}

describe('scoreChecklist: each sector', () => {
  for (const c of scored) {
    describe(c.id, () => {
      it('all safe answers give "low" with nothing triggered', () => {
        const r = scoreChecklist(c, safe(c));
        expect(r).toMatchObject({ level: 'low', score: 0, triggered: [], riskQuestions: [] });
      });

      it('reaches "some" exactly at the "some" threshold and "strong" at the "strong" threshold', () => {
        // Add non-strong risk answers one by one, heaviest first, and watch the level follow the score.
        const order = c.questions.filter((q) => !q.strong).sort((a, b) => b.weight - a.weight);
        const ids: string[] = [];
        for (const q of order) {
          ids.push(q.id);
          const r = scoreChecklist(c, withRisk(c, ids));
          const expected = r.score >= c.thresholds.strong ? 'strong' : r.score >= c.thresholds.some ? 'some' : 'low';
          expect(r.level, `${ids.join(',')} → ${r.score}`).toBe(expected);
        }
      });

      it('a strong question alone gives "strong signs" and names its indicator', () => {
        for (const q of c.questions.filter((x) => x.strong)) {
          const r = scoreChecklist(c, withRisk(c, [q.id]));
          expect(r.level).toBe('strong');
          expect(r.strongRule).toBe(true);
          expect(r.triggered.map((i) => i.id)).toEqual(q.indicators);
        }
      });

      it('all risk answers give "strong" with every indicator triggered', () => {
        const r = scoreChecklist(
          c,
          withRisk(
            c,
            c.questions.map((q) => q.id)
          )
        );
        expect(r.level).toBe('strong');
        expect(r.score).toBe(r.maxScore);
        expect(new Set(r.triggered.map((i) => i.id))).toEqual(new Set(c.indicators.map((i) => i.id)));
      });
    });
  }

  it('car wash: no receipt and cash only (2 + 2) is "some signs"; living on site + fear + no PPE is "strong"', () => {
    const c = byId('car-wash');
    expect(scoreChecklist(c, withRisk(c, ['cash-only', 'receipt'])).level).toBe('some');
    expect(scoreChecklist(c, withRisk(c, ['price-far-below'])).level).toBe('low');
    expect(scoreChecklist(c, withRisk(c, ['living-on-site', 'fearful', 'no-ppe'])).level).toBe('strong');
  });

  it('cleaning: a firm missing from the register is at least "some signs", and the advice says check the register', () => {
    const c = byId('cleaning');
    const r = scoreChecklist(c, withRisk(c, ['in-register']));
    expect(r.level).toBe('some');
    expect(r.advice).toContain('check-register');
    expect(r.triggered.map((i) => i.id)).toEqual(['not-in-cleaning-register']);
  });

  it('"don\'t know" about the register is not a sign, but still advises checking it', () => {
    const c = byId('cleaning');
    const r = scoreChecklist(c, { ...safe(c), 'in-register': 'unknown' });
    expect(r.level).toBe('low');
    expect(r.unknownQuestions).toEqual(['in-register']);
    expect(r.advice).toContain('check-register');
  });

  it('buying sex is not scored', () => {
    expect(() => scoreChecklist(byId('buying-sex'), {})).toThrow(ScoreInputError);
  });
});

describe('scoreChecklist: input is checked', () => {
  const c = byId('car-wash');
  const problems = (answers: Record<string, unknown>) => {
    try {
      scoreChecklist(c, answers as TAnswers);
    } catch (e) {
      if (e instanceof ScoreInputError) return e.problems;
      throw e;
    }
    return [];
  };

  it('refuses unknown ids, wrong values and missing answers, naming each', () => {
    expect(problems({ ...safe(c), 'not-a-question': 'yes' })).toEqual([
      { kind: 'unknown_question', id: 'not-a-question' }
    ]);
    expect(problems({ ...safe(c), fearful: 'maybe' })).toEqual([{ kind: 'bad_value', id: 'fearful' }]);
    const { fearful: _f, ...missing } = safe(c);
    void _f;
    expect(problems(missing)).toEqual([{ kind: 'missing', id: 'fearful' }]);
    expect(problems({ ...safe(c), __proto__: 'yes' })).toEqual([]);
    expect(problems({ ...safe(c), toString: 'yes' })).toEqual([{ kind: 'unknown_question', id: 'toString' }]);
  });

  it('any answer object with an id not in the checklist is refused (property)', () => {
    const ids = new Set(c.questions.map((q) => q.id));
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !ids.has(s) && s !== '__proto__'),
        fc.constantFrom<TAnswer>('yes', 'no', 'unknown'),
        (id, value) => {
          const answers = { ...safe(c), [id]: value };
          expect(() => scoreChecklist(c, answers)).toThrow(ScoreInputError);
        }
      )
    );
  });
});

describe('scoreChecklist: properties over every sector and random checklists', () => {
  const answerFor = (c: TChecklist) =>
    fc
      .tuple(...c.questions.map(() => fc.constantFrom<TAnswer>('yes', 'no', 'unknown')))
      .map((values) => Object.fromEntries(c.questions.map((q, i) => [q.id, values[i]])));
  const sectorAndAnswers = fc
    .constantFrom(...scored)
    .chain((c) =>
      fc.record({
        c: fc.constant(c),
        answers: answerFor(c),
        pick: fc.nat(c.questions.length - 1),
        factor: fc.double({ min: 0, max: 1, noNaN: true })
      })
    )
    .map(({ c, answers, pick, factor }) => ({ c: { ...c, dontKnowFactor: factor }, answers, q: c.questions[pick] }));

  it('giving one more question its risk answer never lowers the level or the score', () => {
    fc.assert(
      fc.property(sectorAndAnswers, ({ c, answers, q }) => {
        const before = scoreChecklist(c, answers);
        const after = scoreChecklist(c, { ...answers, [q.id]: q.riskAnswer });
        expect(compareLevels(after.level, before.level)).toBeGreaterThanOrEqual(0);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
      { numRuns: 2000 }
    );
  });

  it('"don\'t know" never gives a higher level than the risk answer would, and never lower than the safe one', () => {
    fc.assert(
      fc.property(sectorAndAnswers, ({ c, answers, q }) => {
        const unknown = scoreChecklist(c, { ...answers, [q.id]: 'unknown' });
        const risk = scoreChecklist(c, { ...answers, [q.id]: q.riskAnswer });
        const safeAnswer = q.riskAnswer === 'yes' ? 'no' : 'yes';
        const safeResult = scoreChecklist(c, { ...answers, [q.id]: safeAnswer });
        expect(compareLevels(unknown.level, risk.level)).toBeLessThanOrEqual(0);
        expect(compareLevels(unknown.level, safeResult.level)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 }
    );
  });

  it('the triggered indicators are exactly those of the questions given their risk answer', () => {
    fc.assert(
      fc.property(sectorAndAnswers, ({ c, answers }) => {
        const r = scoreChecklist(c, answers);
        const expected = new Set(
          c.questions.filter((q) => answers[q.id] === q.riskAnswer).flatMap((q) => q.indicators)
        );
        expect(new Set(r.triggered.map((i) => i.id))).toEqual(expected);
        expect(r.score).toBeLessThanOrEqual(r.maxScore);
      })
    );
  });

  it('the page scores with the scoring part of a checklist only, and gets the same result as the server', () => {
    fc.assert(
      fc.property(sectorAndAnswers, ({ c, answers }) => {
        const whole = scoreChecklist(c, answers);
        const part = scoreChecklist(scoringDefinition(c), answers);
        expect({ ...part, triggered: part.triggered.map((i) => i.id) }).toEqual({
          ...whole,
          triggered: whole.triggered.map((i) => i.id)
        });
      }),
      { numRuns: 1000 }
    );
  });

  it('the scoring part carries no texts or sources (the page gets its texts as rendered markup)', () => {
    for (const c of scored) {
      const json = JSON.stringify(scoringDefinition(c));
      expect(json).not.toContain(c.title.nb);
      expect(json).not.toContain(c.questions[0].text.nb);
      expect(json).not.toMatch(/https?:/);
    }
  });
});
