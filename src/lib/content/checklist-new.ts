import type { TChecklist, TText } from '../check/checklist';
import { translate, type MessageKey } from '../i18n';

/**
 * A new sector's checklist, before its first draft: an empty skeleton or a copy of a published
 * checklist. Both pass the files' schema (ZChecklist), so the form editor opens on a valid checklist.
 * The skeleton's texts are starting texts in brackets from the dictionaries; `startingTextsLeft` names
 * every field that still holds one, and the studio refuses to submit or publish until none is left.
 */

/** A sector id: the checklist schema's slug (also the address /check/<id>). */
export const SECTOR_ID = /^[a-z][a-z0-9-]{1,40}$/;

const startKeys = {
  summary: 'contentChecklist.start.summary',
  intro: 'contentChecklist.start.intro',
  question: 'contentChecklist.start.question',
  why: 'contentChecklist.start.why',
  sign: 'contentChecklist.start.sign',
  source: 'contentChecklist.start.source',
  sectionTitle: 'contentChecklist.start.sectionTitle',
  sectionBody: 'contentChecklist.start.sectionBody'
} as const satisfies Record<string, MessageKey>;

const both = (key: MessageKey): TText => ({ nb: translate('nb', key), en: translate('en', key) });

/** The skeleton's one-language source title: both languages' starting text. */
const sourceStart = () => `${translate('nb', startKeys.source)} / ${translate('en', startKeys.source)}`;

/** Every starting text, in both languages (what `startingTextsLeft` looks for). */
function startTexts(): Set<string> {
  const out = new Set<string>([sourceStart()]);
  for (const key of Object.values(startKeys)) for (const t of Object.values(both(key))) out.add(t);
  return out;
}

/**
 * An empty scored checklist for sector `id`: the names typed, one question with one warning sign and one
 * source, each a starting text to write. Thresholds 1 and 2 (the question's weight is 1).
 */
export function emptyChecklist(id: string, order: number, title: TText): TChecklist {
  return {
    id,
    version: 1,
    order,
    kind: 'checklist',
    title,
    summary: both(startKeys.summary),
    intro: both(startKeys.intro),
    indicators: [{ id: 'sign-1', text: both(startKeys.sign), ilo: [], sources: ['source-1'] }],
    questions: [
      {
        id: 'question-1',
        text: both(startKeys.question),
        why: both(startKeys.why),
        riskAnswer: 'yes',
        indicators: ['sign-1'],
        weight: 1,
        strong: false,
        sources: ['source-1']
      }
    ],
    dontKnowFactor: 0,
    thresholds: { some: 1, strong: 2 },
    advice: [],
    sections: [],
    sources: [{ id: 'source-1', title: sourceStart() }]
  };
}

/** A new information section: starting texts citing `source`. */
function emptySection(id: string, source: string): TChecklist['sections'][number] {
  return { id, title: both(startKeys.sectionTitle), body: [both(startKeys.sectionBody)], sources: [source] };
}

/**
 * An empty information page (no score, like the buying-sex page) for sector `id`: the names typed, one
 * part with one paragraph, and one source, each a starting text to write.
 */
export function emptyInformation(id: string, order: number, title: TText): TChecklist {
  return {
    ...emptyChecklist(id, order, title),
    kind: 'information',
    indicators: [],
    questions: [],
    thresholds: { some: 1, strong: 1 },
    sections: [emptySection('part-1', 'source-1')]
  };
}

/** The "start from" choices that are not a copy (a sector may not take these ids). */
export const emptyStarts = ['empty', 'empty-information'] as const;

/** A copy of a published checklist as sector `id`'s first draft: its own names, version 1, at `order`. */
export function copyChecklist(from: TChecklist, id: string, order: number, title: TText): TChecklist {
  return { ...(structuredClone(from) as TChecklist), id, version: 1, order, title };
}

/** The form fields (checklist paths, `questions.0.text.nb`) that still hold a starting text. */
export function startingTextsLeft(c: TChecklist): Record<string, MessageKey> {
  const starts = startTexts();
  const out: Record<string, MessageKey> = {};
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (starts.has(value.trim())) out[path] = 'contentChecklist.error.startText';
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}.${i}`));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
  };
  visit(c, '');
  return out;
}
