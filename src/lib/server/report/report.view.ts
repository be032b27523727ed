import type { TChecklist } from '../../check/checklist';
import { currentChecklists } from '../check/checklists';

/** The indicators a reporter can tick: those of the sector their check was about, in their language. */
export function indicatorOptions(sector: string, locale: 'nb' | 'en'): { id: string; label: string }[] {
  const list: TChecklist | undefined = currentChecklists().find((c) => c.id === sector);
  return list ? list.indicators.map((i) => ({ id: i.id, label: i.text[locale] })) : [];
}

/** The sector's title, for "from your check (…)". */
export function sectorTitle(sector: string, locale: 'nb' | 'en'): string | null {
  return currentChecklists().find((c) => c.id === sector)?.title[locale] ?? null;
}

/** Every indicator of every sector's checklist, once each (ids mean the same everywhere), in checklist order. */
export function allIndicatorOptions(locale: 'nb' | 'en'): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const c of currentChecklists())
    for (const i of c.indicators) if (!seen.has(i.id)) seen.set(i.id, i.text[locale]);
  return [...seen].map(([id, label]) => ({ id, label }));
}
