import type { TChecklist, TText } from '../../check/checklist';
import type { Locale } from '../../i18n';

/** The browser's view of checklists: texts in one language, nothing else than the page needs. */
const pick = (t: TText, locale: Locale) => t[locale];

export function sectorList(list: TChecklist[], locale: Locale) {
  return list.map((c) => ({ id: c.id, kind: c.kind, title: pick(c.title, locale), summary: pick(c.summary, locale) }));
}

export function checklistView(c: TChecklist, locale: Locale) {
  return {
    id: c.id,
    version: c.version,
    kind: c.kind,
    title: pick(c.title, locale),
    intro: pick(c.intro, locale),
    questions: c.questions.map((q) => ({ id: q.id, text: pick(q.text, locale), why: pick(q.why, locale) })),
    orgNumberQuestion: c.orgNumberQuestion ?? null,
    sections: c.sections.map((s) => ({
      id: s.id,
      title: pick(s.title, locale),
      body: s.body.map((b) => pick(b, locale)),
      sources: s.sources
    })),
    sources: c.sources
  };
}

export { allResultParts, resultView } from '../../check/view';
