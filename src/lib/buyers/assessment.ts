import type { TSourceId } from './rules';

/**
 * The supplier self-assessment: a fixed questionnaire about the workforce, subcontractors, pay,
 * housing, recruitment fees and documents, and the red flags its answers raise. Pure. Each flag names
 * its sources; texts are `buyers.assess.q.<id>` / `buyers.assess.a.<value>` / `buyers.flag.<id>`.
 */
export const assessmentQuestions = {
  subcontractorTiers: ['0', '1', '2', '3+'],
  payMethod: ['bank', 'cash', 'mixed'],
  tariffPay: ['yes', 'no', 'unknown'],
  pension: ['yes', 'no', 'unknown'],
  hmsCards: ['all', 'some', 'none', 'not_needed'],
  housing: ['none', 'employer_provided', 'at_workplace'],
  recruitmentFees: ['no', 'yes', 'unknown'],
  ownDocuments: ['yes', 'no', 'unknown']
} as const;
export type TQuestionId = keyof typeof assessmentQuestions;
export const questionIds = Object.keys(assessmentQuestions) as TQuestionId[];

export type TAssessmentAnswers = { [Q in TQuestionId]: (typeof assessmentQuestions)[Q][number] } & {
  /** Workers who will work on the contract (supplier and subcontractors). */
  workers: number;
  /** Anything the supplier wants to add. */
  comment: string;
};

export const flagIds = [
  'chain-too-long',
  'cash-wages',
  'below-tariff',
  'no-pension',
  'hms-cards-missing',
  'housing-at-workplace',
  'recruitment-fees',
  'documents-held'
] as const;
export type TFlagId = (typeof flagIds)[number];

export interface TFlag {
  id: TFlagId;
  question: TQuestionId;
  sources: TSourceId[];
}

const rules: { id: TFlagId; question: TQuestionId; when: readonly string[]; sources: TSourceId[] }[] = [
  { id: 'chain-too-long', question: 'subcontractorTiers', when: ['3+'], sources: ['dfoChain'] },
  { id: 'cash-wages', question: 'payMethod', when: ['cash', 'mixed'], sources: ['atPublicContracts'] },
  { id: 'below-tariff', question: 'tariffPay', when: ['no', 'unknown'], sources: ['dfoRules'] },
  { id: 'no-pension', question: 'pension', when: ['no', 'unknown'], sources: ['atPublicContracts'] },
  { id: 'hms-cards-missing', question: 'hmsCards', when: ['some', 'none'], sources: ['atHmsCard'] },
  { id: 'housing-at-workplace', question: 'housing', when: ['at_workplace'], sources: ['iloIndicators'] },
  { id: 'recruitment-fees', question: 'recruitmentFees', when: ['yes', 'unknown'], sources: ['iloIndicators'] },
  { id: 'documents-held', question: 'ownDocuments', when: ['no', 'unknown'], sources: ['iloIndicators'] }
];

/** The red flags in a set of answers, in the questionnaire's order. */
export function assessmentFlags(a: TAssessmentAnswers): TFlag[] {
  return rules
    .filter((r) => r.when.includes(a[r.question]))
    .map(({ id, question, sources }) => ({ id, question, sources }));
}
