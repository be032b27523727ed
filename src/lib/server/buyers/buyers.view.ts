import { buildPlan } from '../../buyers/plan';
import {
  buyerSources,
  rulesFor,
  transparencyScope,
  type TCompanySize,
  type TPurchase,
  type TSourceId
} from '../../buyers/rules';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { currentChecklist } from '../check/checklists';
import { toCsv } from '../http/csv';

/**
 * The Buyers answers in the reader's language: the same shape for the page, the API and the CSV.
 * Nothing here is stored; the computation is the pure core in `lib/buyers`.
 */

export interface TSourceRef {
  title: string;
  url: string;
  asOf: string | null;
}

const sourceRefs = (ids: TSourceId[]): TSourceRef[] =>
  ids.map((id) => {
    const s = buyerSources[id] as { title: string; url: string; asOf?: string };
    return { title: s.title, url: s.url, asOf: s.asOf ?? null };
  });

const noteKeys = new Set<string>([
  'buyers.rule.pay-conditions.note',
  'buyers.rule.serious-2024.note',
  'buyers.rule.chain-limit.note',
  'buyers.rule.general-application.note',
  'buyers.rule.transparency-right.note'
]);

/** The rules for a purchase and its due-diligence plan, translated. */
export function rulesView(p: TPurchase, locale: Locale) {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key as MessageKey, params);
  const plan = buildPlan(p);
  const checklist = plan.checklistId ? currentChecklist(plan.checklistId) : undefined;
  return {
    input: { ...p },
    rules: rulesFor(p).map((r) => {
      const noteKey = `buyers.rule.${r.id}.note`;
      return {
        id: r.id,
        applies: r.applies,
        title: t(`buyers.rule.${r.id}.title`),
        summary: t(`buyers.rule.${r.id}.summary`),
        reason: t(`buyers.reason.${r.reason}`),
        threshold: r.threshold,
        uncertain: r.uncertain,
        note: r.uncertain && noteKeys.has(noteKey) ? t(noteKey) : null,
        sources: sourceRefs(r.sources)
      };
    }),
    plan: plan.stages.map((s) => ({
      stage: s.stage,
      items: s.items.map((i) => ({
        id: i.id,
        required: i.required,
        title: t(`buyers.plan.${i.id}.title`),
        why: t(`buyers.plan.${i.id}.why`),
        how: t(`buyers.plan.${i.id}.how`),
        sources: sourceRefs(i.sources)
      }))
    })),
    /** The check module's warning signs for the sector, with the checklist's own sources. */
    warningSigns: checklist
      ? {
          checklistId: checklist.id,
          title: checklist.title[locale],
          signs: checklist.indicators.map((i) => i.text[locale]),
          sources: checklist.sources
            .filter((s) => checklist.indicators.some((i) => i.sources.includes(s.id)))
            .map((s) => ({ title: s.title, url: s.url ?? '', asOf: null }))
        }
      : null,
    disclaimer: t('buyers.disclaimer')
  };
}
export type TRulesView = ReturnType<typeof rulesView>;

/** Åpenhetsloven's size test, explained. */
export function scopeView(size: TCompanySize, locale: Locale) {
  const s = transparencyScope(size);
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  return {
    covered: s.covered,
    exceeded: s.exceeded,
    exceededCount: s.exceededCount,
    limits: { ...s.limits },
    explanation: `${t(s.covered ? 'buyers.scope.covered' : 'buyers.scope.notCovered', { count: s.exceededCount })} ${t(
      s.covered ? 'buyers.scope.gives.covered' : 'buyers.scope.gives.notCovered'
    )}`,
    note: t('buyers.scope.note'),
    sources: sourceRefs(s.sources)
  };
}
export type TScopeView = ReturnType<typeof scopeView>;

/** The plan as CSV (RFC 4180), one row per item, in the reader's language. */
export function planCsv(p: TPurchase, locale: Locale): string {
  const t = (key: string) => translate(locale, key as MessageKey);
  const view = rulesView(p, locale);
  const header = [
    'buyers.csv.stage',
    'buyers.csv.item',
    'buyers.csv.level',
    'buyers.csv.why',
    'buyers.csv.how',
    'buyers.csv.sources'
  ].map(t);
  const rows = view.plan.flatMap((s) =>
    s.items.map((i) => [
      t(`buyers.plan.stage.${s.stage}`),
      i.title,
      t(i.required ? 'buyers.plan.required' : 'buyers.plan.recommended'),
      i.why,
      i.how,
      i.sources.map((src) => src.url).join(' ')
    ])
  );
  return toCsv(header, rows);
}
