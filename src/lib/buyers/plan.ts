import { rulesFor, type TBuyerSector, type TPurchase, type TRuleId, type TSourceId } from './rules';

/**
 * The due-diligence plan for one purchase: three stages, each item with why, how and its sources
 * (texts are the keys `buyers.plan.<id>.title|why|how`). Items are chosen from the rules that apply.
 */
export const planStages = ['before', 'choosing', 'during'] as const;
export type TPlanStage = (typeof planStages)[number];

export const planItemIds = [
  'risk-assessment',
  'high-risk-list',
  'clause-pay',
  'clause-documentation',
  'clause-2024',
  'clause-chain',
  'clause-audit',
  'clause-sanctions',
  'org-number',
  'cleaning-register',
  'tax-certificate',
  'transparency-account',
  'self-assessment',
  'site-visits',
  'id-cards',
  'pay-records',
  'subcontractor-list',
  'warning-signs',
  'report-suspicion',
  'sanction-ladder'
] as const;
export type TPlanItemId = (typeof planItemIds)[number];

export interface TPlanItem {
  id: TPlanItemId;
  stage: TPlanStage;
  /** Required by a rule that applies (else recommended). */
  required: boolean;
  sources: TSourceId[];
}

export interface TPlan {
  stages: { stage: TPlanStage; items: TPlanItem[] }[];
  /** The check module's checklist whose warning signs fit the sector, if one does. */
  checklistId: string | null;
}

/** The check module's checklists (data/checklists) whose indicators fit a buyer sector. */
export const sectorChecklist: Record<TBuyerSector, string | null> = {
  cleaning: 'cleaning',
  construction: 'construction',
  food: 'food-agriculture',
  transport: null,
  textiles: null,
  other: null
};

export function buildPlan(p: TPurchase): TPlan {
  const applies = new Set<TRuleId>(
    rulesFor(p)
      .filter((r) => r.applies)
      .map((r) => r.id)
  );
  const pay = applies.has('pay-conditions');
  const isPublic = p.buyerType !== 'private';
  const checklistId = sectorChecklist[p.sector];
  const candidates: (TPlanItem & { when: boolean })[] = [
    { id: 'risk-assessment', stage: 'before', when: true, required: pay, sources: ['dfoControl'] },
    {
      id: 'high-risk-list',
      stage: 'before',
      when: isPublic,
      required: false,
      sources: ['dfoHumanRights', 'dfoHighRisk']
    },
    { id: 'clause-pay', stage: 'before', when: pay, required: true, sources: ['dfoRules', 'dfoPayGuide'] },
    { id: 'clause-documentation', stage: 'before', when: pay, required: true, sources: ['dfoRules'] },
    {
      id: 'clause-2024',
      stage: 'before',
      when: applies.has('serious-2024'),
      required: true,
      sources: ['atPublicContracts', 'dfoNorwayModel']
    },
    { id: 'clause-chain', stage: 'before', when: applies.has('chain-limit'), required: true, sources: ['dfoChain'] },
    { id: 'clause-audit', stage: 'before', when: true, required: pay, sources: ['dfoControl', 'dfoSeriousClauses'] },
    { id: 'clause-sanctions', stage: 'before', when: true, required: pay, sources: ['dfoSanctions'] },
    { id: 'org-number', stage: 'choosing', when: true, required: false, sources: ['fairplayBygg'] },
    {
      id: 'cleaning-register',
      stage: 'choosing',
      when: applies.has('cleaning-register'),
      required: true,
      sources: ['atCleaningRegister']
    },
    {
      id: 'tax-certificate',
      stage: 'choosing',
      when: p.sector === 'construction' || p.contractType === 'construction',
      required: false,
      sources: ['bnlSerious']
    },
    {
      id: 'transparency-account',
      stage: 'choosing',
      when: true,
      required: false,
      sources: ['nhriTransparency', 'nhoAccount', 'ftRequests']
    },
    { id: 'self-assessment', stage: 'choosing', when: true, required: false, sources: ['dfoRules', 'bnlSerious'] },
    { id: 'site-visits', stage: 'during', when: true, required: pay, sources: ['dfoControl', 'dfoSeriousClauses'] },
    { id: 'id-cards', stage: 'during', when: applies.has('hms-card'), required: true, sources: ['atHmsCard'] },
    { id: 'pay-records', stage: 'during', when: true, required: pay, sources: ['dfoRules', 'dfoControl'] },
    {
      id: 'subcontractor-list',
      stage: 'during',
      when: applies.has('chain-limit') || applies.has('hms-card'),
      required: applies.has('chain-limit'),
      sources: ['dfoChain', 'bnlSerious']
    },
    { id: 'warning-signs', stage: 'during', when: checklistId !== null, required: false, sources: [] },
    { id: 'report-suspicion', stage: 'during', when: true, required: false, sources: ['dfoControl'] },
    { id: 'sanction-ladder', stage: 'during', when: true, required: pay, sources: ['dfoSanctions'] }
  ];
  const items = candidates.filter((c) => c.when).map(({ when: _when, ...item }) => (void _when, item));
  return {
    stages: planStages.map((stage) => ({ stage, items: items.filter((i) => i.stage === stage) })),
    checklistId
  };
}
