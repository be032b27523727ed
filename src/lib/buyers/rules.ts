/**
 * Which Norwegian rules apply to one purchase, whether a company is covered by åpenhetsloven, and the
 * due-diligence plan for the purchase. Pure functions: no I/O, no clock. Every rule and plan item names
 * the sources it comes from (research/buyers_and_victims.md, part A); texts are i18n keys
 * (`buyers.rule.<id>.*`, `buyers.plan.<id>.*`).
 */

export const buyerTypes = ['state', 'municipal', 'other_public', 'private'] as const;
export type TBuyerType = (typeof buyerTypes)[number];
export const buyerSectors = ['cleaning', 'construction', 'transport', 'food', 'textiles', 'other'] as const;
export type TBuyerSector = (typeof buyerSectors)[number];
export const contractTypes = ['service', 'construction', 'goods'] as const;
export type TContractType = (typeof contractTypes)[number];

export interface TSource {
  title: string;
  url: string;
  /** The date or status the source itself gives, if any (e.g. "2022-11" for "status November 2022"). */
  asOf?: string;
}

/** The sources rules and plan items cite. Addresses exactly as in research/buyers_and_victims.md. */
export const buyerSources = {
  lovdata112: {
    title: 'Lovdata: Forskrift om lønns- og arbeidsvilkår i offentlige kontrakter (FOR-2008-02-08-112)',
    url: 'https://lovdata.no/dokument/SF/forskrift/2008-02-08-112'
  },
  atPublicContracts: {
    title: 'Arbeidstilsynet: Lønns- og arbeidsvilkår i offentlige kontrakter',
    url: 'https://arbeidstilsynet.no/tema/lonns--og-arbeidsvilkar-i-offentlige-kontrakter/'
  },
  dfoPayGuide: {
    title: 'DFØ: Veileder om lønns- og arbeidsvilkår i offentlige kontrakter',
    url: 'https://anskaffelser.no/verktoy/veiledere/veileder-om-lonns-og-arbeidsvilkar-i-offentlige-kontrakter-bokmal'
  },
  dfoRules: {
    title: 'DFØ: Hva sier regelverket om krav til lønns- og arbeidsvilkår',
    url: 'https://anskaffelser.no/berekraftige-anskaffingar/arbeidslivskriminalitet/hva-sier-regelverket-om-krav-til-lonns-og-arbeidsvilkar'
  },
  dfoControl: {
    title: 'DFØ: Veileder om forskrift om lønns- og arbeidsvilkår – 5 Kontroll',
    url: 'https://anskaffelser.no/berekraftige-anskaffingar/arbeidslivskriminalitet/veileder-om-forskrift-om-lonns-og-arbeidsvilkar-i-offentlige-kontrakter-mv/5-kontroll'
  },
  dfoSanctions: {
    title: 'DFØ: Veileder om forskrift om lønns- og arbeidsvilkår – 6 Tiltak og sanksjoner',
    url: 'https://anskaffelser.no/berekraftige-anskaffingar/arbeidslivskriminalitet/veileder-om-forskrift-om-lonns-og-arbeidsvilkar-mv-i-offentlige-kontrakter/6-tiltak-og-sanksjoner'
  },
  dfoChain: {
    title: 'DFØ: Begrensning i antall ledd i leverandørkjeden',
    url: 'https://anskaffelser.no/berekraftige-anskaffingar/arbeidslivskriminalitet/begrensning-i-antall-ledd-i-leverandorkjeden'
  },
  dfoNorwayModel: {
    title: 'DFØ: Norgesmodellen',
    url: 'https://anskaffelser.no/berekraftige-anskaffingar/arbeidslivskriminalitet/norgesmodellen',
    asOf: '2024-03-08'
  },
  dfoHumanRights: {
    title: 'DFØ: Rutiner for å fremme menneskerettigheter i høyrisikoanskaffelser',
    url: 'https://anskaffelser.no/berekraftige-anskaffingar/menneskerettigheter/rutiner-fremme-menneskerettigheter-i-hoyrisikoanskaffelser'
  },
  dfoHighRisk: {
    title: 'DFØ: Information about high-risk products',
    url: 'https://www.anskaffelser.no/public-procurement/socially-responsible-public-procurement/information-about-high-risk-products',
    asOf: '2021-03'
  },
  dfoSeriousClauses: {
    title: 'DFØ: Seriøsitetsbestemmelser for bygg- og anleggskontrakter og sjekkliste for oppfølging',
    url: 'https://anskaffelser.no/verktoy/maler/seriositetsbestemmelser-bygg-og-anleggskontrakter-og-sjekkliste-oppfolging',
    asOf: '2020-12'
  },
  dfoSpecialClauses: {
    title: 'DFØ: Spesielle kontraktsbestemmelser, bygg, anlegg og eiendom',
    url: 'https://anskaffelser.no/hva-skal-du-kjope/bygg-anlegg-og-eiendom-bae/kontrakter/spesielle-kontraktsbestemmelser-bygg-anlegg-og-eiendom'
  },
  fafoGeneral: {
    title: 'Fafo Østforum: Allmenngjøring og minstelønn',
    url: 'https://fafooestforum.no/temasider/allmenngjoring-og-minstelonn',
    asOf: '2022-11'
  },
  atCleaningRegister: {
    title: 'Arbeidstilsynet: Godkjenningsordning for renholdsvirksomheter',
    url: 'https://arbeidstilsynet.no/godkjenninger/renholdsregisteret/godkjenningsordning-for-renholdsvirksomheter/'
  },
  atHmsCard: {
    title: 'Arbeidstilsynet: HMS-kort i bygg og anlegg',
    url: 'https://www.arbeidstilsynet.no/hms/hms-kort-i-bygg-og-anlegg/'
  },
  bnlSerious: {
    title: 'BNL: Valg av seriøse aktører',
    url: 'https://www.bnl.no/arbeidsforhold/hms/valg-av-seriose-aktorer/'
  },
  fairplayBygg: { title: 'Fair Play Bygg Oslo: Pusse opp', url: 'https://fairplaybyggoslo.no/pusse-opp/' },
  nhriTransparency: {
    title: 'NIM: Ofte stilte spørsmål om åpenhetsloven og retten til informasjon fra selskaper',
    url: 'https://www.nhri.no/2023/ofte-stilte-sporsmal-om-apenhetsloven-og-retten-til-informasjon-fra-selskaper/'
  },
  etiskhandelScope: {
    title: 'Etisk handel Norge: Gjelder loven din virksomhet?',
    url: 'https://etiskhandel.no/gjelder-loven-din-virksomhet/'
  },
  ftWho: {
    title: 'Forbrukertilsynet: Hvem har plikter etter åpenhetsloven',
    url: 'https://forbrukertilsynet.no/vi-jobber-med/apenhetsloven/hvem-har-plikter-etter-apenhetsloven'
  },
  ftRequests: {
    title: 'Forbrukertilsynet: Processing information requests',
    url: 'https://forbrukertilsynet.no/vi-jobber-med/apenhetsloven/processing-information-requests'
  },
  foyen: {
    title: 'Føyen: Informasjons- og innsynskrav etter åpenhetsloven – fem gode råd',
    url: 'https://foyen.no/aktuelt/informasjons-og-innsynskrav-etter-apenhetsloven-fem-gode-rad/'
  },
  iloIndicators: {
    title: 'ILO indicators of forced labour (respect.international)',
    url: 'https://respect.international/indicators-of-forced-labour'
  },
  nhoAccount: {
    title: 'NHO Arbinn: Redegjørelse etter åpenhetsloven',
    url: 'https://arbinn.nho.no/forretningsdrift/barekraft/apenhetsloven/redegjorelse-etter-apenhetsloven/'
  }
} as const satisfies Record<string, TSource>;
export type TSourceId = keyof typeof buyerSources;

/**
 * Thresholds (NOK excl. VAT) of the pay-and-conditions regulation, from DFØ's guidance. The sources
 * disagree (2.2 million for others on another DFØ page; 1.1/1.75 million in an old Lovdata text) and
 * the ministry adjusts them every other year, so every use shows them as uncertain: check Lovdata.
 */
export const payThresholds = { state: 1_300_000, other: 2_050_000 } as const;

/** Åpenhetsloven § 3: larger if two of three limits are exceeded on the balance-sheet date. */
export const transparencyLimits = { revenue: 70_000_000, balance: 35_000_000, employees: 50 } as const;

export const ruleIds = [
  'pay-conditions',
  'serious-2024',
  'chain-limit',
  'procurement-act-5',
  'general-application',
  'cleaning-register',
  'hms-card',
  'transparency-right'
] as const;
export type TRuleId = (typeof ruleIds)[number];

/** Why a rule applies or not; `buyers.reason.<reason>` explains it. */
export type TReason =
  | 'at_or_above_threshold'
  | 'below_threshold'
  | 'not_public_buyer'
  | 'public_buyer'
  | 'goods_not_covered'
  | 'sector_covered'
  | 'sector_not_covered'
  | 'any_buyer';

export interface TPurchase {
  buyerType: TBuyerType;
  sector: TBuyerSector;
  contractType: TContractType;
  /** Estimated contract value, whole NOK excluding VAT. */
  value: number;
}

export interface TRuleResult {
  id: TRuleId;
  applies: boolean;
  reason: TReason;
  /** The threshold compared against, when the rule has one (NOK excl. VAT). */
  threshold: number | null;
  /** True when a figure in the rule is uncertain or dated: shown with a note to check Lovdata. */
  uncertain: boolean;
  sources: TSourceId[];
}

export const isPublicBuyer = (t: TBuyerType): boolean => t !== 'private';

/** The pay-and-conditions threshold for a public buyer (state bodies have the lower one). */
export function payThreshold(t: TBuyerType): number | null {
  if (!isPublicBuyer(t)) return null;
  return t === 'state' ? payThresholds.state : payThresholds.other;
}

/** Building/construction or cleaning: the trades the 2024 terms and the chain limit cover. */
function constructionOrCleaning(p: TPurchase): boolean {
  return p.contractType === 'construction' || p.sector === 'construction' || p.sector === 'cleaning';
}

/** Sectors with general-application regulations (Fafo, status November 2022). */
function generalApplicationSector(p: TPurchase): boolean {
  return p.contractType === 'construction' || ['construction', 'cleaning', 'transport', 'food'].includes(p.sector);
}

/** A public contract rule that needs a public buyer, a service/construction contract and the threshold. */
function publicContractRule(
  p: TPurchase,
  id: TRuleId,
  sources: TSourceId[],
  extra?: () => TReason | null
): TRuleResult {
  const threshold = payThreshold(p.buyerType);
  const base = { id, threshold, uncertain: true, sources };
  if (threshold === null) return { ...base, applies: false, reason: 'not_public_buyer' };
  if (p.contractType === 'goods') return { ...base, applies: false, reason: 'goods_not_covered' };
  const refused = extra?.();
  if (refused) return { ...base, applies: false, reason: refused };
  if (p.value < threshold) return { ...base, applies: false, reason: 'below_threshold' };
  return { ...base, applies: true, reason: 'at_or_above_threshold' };
}

/** Every rule, each with whether it applies to the purchase and why. Rules that apply come first. */
export function rulesFor(p: TPurchase): TRuleResult[] {
  const onlyConstructionOrCleaning = () => (constructionOrCleaning(p) ? null : 'sector_not_covered');
  const publicBuyer = isPublicBuyer(p.buyerType);
  const results: TRuleResult[] = [
    publicContractRule(p, 'pay-conditions', ['dfoPayGuide', 'dfoRules', 'atPublicContracts', 'lovdata112']),
    publicContractRule(p, 'serious-2024', ['atPublicContracts', 'dfoNorwayModel'], onlyConstructionOrCleaning),
    publicContractRule(p, 'chain-limit', ['dfoChain', 'dfoNorwayModel'], onlyConstructionOrCleaning),
    {
      id: 'procurement-act-5',
      applies: publicBuyer,
      reason: publicBuyer ? 'public_buyer' : 'not_public_buyer',
      threshold: null,
      uncertain: false,
      sources: ['dfoHumanRights', 'dfoHighRisk']
    },
    {
      id: 'general-application',
      applies: p.contractType !== 'goods' && generalApplicationSector(p),
      reason:
        p.contractType === 'goods'
          ? 'goods_not_covered'
          : generalApplicationSector(p)
            ? 'sector_covered'
            : 'sector_not_covered',
      threshold: null,
      uncertain: true,
      sources: ['fafoGeneral', 'dfoSpecialClauses', 'dfoPayGuide']
    },
    {
      id: 'cleaning-register',
      applies: p.sector === 'cleaning',
      reason: p.sector === 'cleaning' ? 'sector_covered' : 'sector_not_covered',
      threshold: null,
      uncertain: false,
      sources: ['atCleaningRegister']
    },
    {
      id: 'hms-card',
      applies: constructionOrCleaning(p),
      reason: constructionOrCleaning(p) ? 'sector_covered' : 'sector_not_covered',
      threshold: null,
      uncertain: false,
      sources: ['atHmsCard', 'atCleaningRegister']
    },
    {
      id: 'transparency-right',
      applies: true,
      reason: 'any_buyer',
      threshold: null,
      uncertain: true,
      sources: ['ftRequests', 'nhriTransparency', 'foyen']
    }
  ];
  return [...results.filter((r) => r.applies), ...results.filter((r) => !r.applies)];
}

export interface TCompanySize {
  /** Sales revenue, NOK. */
  revenue: number;
  /** Balance-sheet total, NOK. */
  balance: number;
  /** Average number of full-time equivalents. */
  employees: number;
}

export interface TTransparencyScope {
  covered: boolean;
  exceeded: { revenue: boolean; balance: boolean; employees: boolean };
  exceededCount: number;
  limits: typeof transparencyLimits;
  sources: TSourceId[];
}

/** Åpenhetsloven's size test: covered when at least two of the three limits are exceeded. */
export function transparencyScope(size: TCompanySize): TTransparencyScope {
  const exceeded = {
    revenue: size.revenue > transparencyLimits.revenue,
    balance: size.balance > transparencyLimits.balance,
    employees: size.employees > transparencyLimits.employees
  };
  const exceededCount = Object.values(exceeded).filter(Boolean).length;
  return {
    covered: exceededCount >= 2,
    exceeded,
    exceededCount,
    limits: transparencyLimits,
    sources: ['etiskhandelScope', 'ftWho', 'nhriTransparency']
  };
}
