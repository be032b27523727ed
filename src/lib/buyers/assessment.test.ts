import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentFlags, assessmentQuestions, flagIds, questionIds, type TAssessmentAnswers } from './assessment';

const safe: TAssessmentAnswers = {
  workers: 10,
  subcontractorTiers: '2',
  payMethod: 'bank',
  tariffPay: 'yes',
  pension: 'yes',
  hmsCards: 'all',
  housing: 'employer_provided',
  recruitmentFees: 'no',
  ownDocuments: 'yes',
  comment: ''
};

const arbAnswers = fc.record({
  workers: fc.integer({ min: 0, max: 999_999 }),
  comment: fc.string({ maxLength: 20 }),
  ...(Object.fromEntries(questionIds.map((q) => [q, fc.constantFrom(...assessmentQuestions[q])])) as {
    [Q in keyof typeof assessmentQuestions]: fc.Arbitrary<(typeof assessmentQuestions)[Q][number]>;
  })
}) as fc.Arbitrary<TAssessmentAnswers>;

describe('assessmentFlags', () => {
  it('no flags for a supplier with two tiers, bank pay, tariff, pension, HMS cards and no fees', () => {
    expect(assessmentFlags(safe)).toEqual([]);
  });

  it('flags the examples the buyer must see: fees paid by workers, three tiers, cash wages', () => {
    expect(assessmentFlags({ ...safe, recruitmentFees: 'yes' }).map((f) => f.id)).toEqual(['recruitment-fees']);
    expect(assessmentFlags({ ...safe, subcontractorTiers: '3+' }).map((f) => f.id)).toEqual(['chain-too-long']);
    expect(assessmentFlags({ ...safe, payMethod: 'cash' }).map((f) => f.id)).toEqual(['cash-wages']);
    expect(assessmentFlags({ ...safe, payMethod: 'mixed' }).map((f) => f.id)).toEqual(['cash-wages']);
    expect(assessmentFlags({ ...safe, ownDocuments: 'unknown' }).map((f) => f.id)).toEqual(['documents-held']);
  });

  it('each flag is raised by exactly its question, is sourced, and flags come in a fixed order', () => {
    fc.assert(
      fc.property(arbAnswers, (a) => {
        const flags = assessmentFlags(a);
        const ids = flags.map((f) => f.id);
        expect(ids).toEqual(flagIds.filter((id) => ids.includes(id)));
        for (const f of flags) {
          expect(f.sources.length).toBeGreaterThan(0);
          // Changing the flag's question back to the safe answer removes exactly that flag.
          const fixed = assessmentFlags({ ...a, [f.question]: safe[f.question] }).map((x) => x.id);
          expect(fixed).toEqual(ids.filter((id) => id !== f.id));
        }
        // The worker count and the comment never raise a flag.
        expect(assessmentFlags({ ...a, workers: 0, comment: 'x' })).toEqual(flags);
      })
    );
  });
});
