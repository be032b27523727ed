import type { z } from 'zod';
import { answerValues, iloIndicators, levels, ZChecklist, type TAnswer, type TChecklist } from '../check/checklist';
import type { MessageKey } from '../i18n';

/**
 * The checklist form editor's pure core. The form's field names are the zod paths of the checklist
 * (`questions.2.text.nb`), so an error of the files' schema lands beside its field. A reference to
 * another item of the checklist (a question's signs and sources, a sign's sources, an advice rule's
 * questions and sources) is one checkbox per item, named by the item's place in its list:
 * `questions.2.indicators.5` = `on` ticks the sixth sign. References by place survive what an editor
 * does in the same form — renaming an id, adding an item that has no id yet — and every add, remove
 * and move below renumbers them, so the editor cannot leave a reference to an item that is gone.
 */
export type TFormValues = Record<string, string>;

type TText = { nb: string; en: string };

export interface TFormQuestion {
  id: string;
  text: TText;
  why: TText;
  riskAnswer: string;
  weight: string;
  strong: boolean;
  /** Places in `indicators`, ascending. */
  indicators: number[];
  /** Places in `sources`, ascending. */
  sources: number[];
}
export interface TFormIndicator {
  id: string;
  text: TText;
  ilo: number[];
  sources: number[];
}
export interface TFormAdvice {
  id: string;
  text: TText;
  levels: string[];
  /** Places in `questions`: shown only when one of them got its risk answer (empty: always at the levels). */
  questions: number[];
  sources: number[];
}
/** An information section (the buying-sex page): heading, paragraphs, and the sources it cites. */
export interface TFormSection {
  id: string;
  title: TText;
  body: TText[];
  sources: number[];
}
export interface TFormSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date: string;
}

/** What the form holds: the checklist with references by place and numbers as typed. */
export interface TChecklistForm {
  title: TText;
  summary: TText;
  intro: TText;
  some: string;
  strong: string;
  dontKnowFactor: string;
  questions: TFormQuestion[];
  indicators: TFormIndicator[];
  advice: TFormAdvice[];
  sources: TFormSource[];
  /** The information sections, each with its paragraphs and the sources it cites. */
  sections: TFormSection[];
  /** The question that carries the organisation-number field, by place. */
  orgNumberQuestion: number | null;
}

/** A checklist-shaped object that may not be valid yet (what the editor typed). */
export type TChecklistDraft = Record<string, unknown>;

export const iloNumbers = Object.keys(iloIndicators).map(Number);
export const editableLists = ['questions', 'indicators', 'advice', 'sources', 'sections'] as const;
export type TEditableList = (typeof editableLists)[number];
/** The most items a list of the form may hold (questions: the schema's 40). */
export const MAX_ITEMS: Record<TEditableList, number> = {
  questions: 40,
  indicators: 60,
  advice: 60,
  sources: 60,
  sections: 30
};
/** The most paragraphs a section may hold. */
export const MAX_PARAGRAPHS = 30;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const textOf = (t: unknown): TText => {
  const o = (t ?? {}) as { nb?: unknown; en?: unknown };
  return { nb: str(o.nb), en: str(o.en) };
};
const places = (ids: readonly string[], refs: readonly string[] | undefined) =>
  [...new Set((refs ?? []).map((r) => ids.indexOf(r)).filter((i) => i >= 0))].sort((a, b) => a - b);

// ───────────────────────── checklist ⇄ form ⇄ values ─────────────────────────

/** The form of a (valid) checklist. */
export function formFromChecklist(c: TChecklist): TChecklistForm {
  const qIds = c.questions.map((q) => q.id);
  const xIds = c.indicators.map((x) => x.id);
  const sIds = c.sources.map((s) => s.id);
  return {
    title: textOf(c.title),
    summary: textOf(c.summary),
    intro: textOf(c.intro),
    some: str(c.thresholds.some),
    strong: str(c.thresholds.strong),
    dontKnowFactor: str(c.dontKnowFactor),
    questions: c.questions.map((q) => ({
      id: q.id,
      text: textOf(q.text),
      why: textOf(q.why),
      riskAnswer: q.riskAnswer,
      weight: str(q.weight),
      strong: q.strong === true,
      indicators: places(xIds, q.indicators),
      sources: places(sIds, q.sources)
    })),
    indicators: c.indicators.map((x) => ({
      id: x.id,
      text: textOf(x.text),
      ilo: [...x.ilo].sort((a, b) => a - b),
      sources: places(sIds, x.sources)
    })),
    advice: c.advice.map((a) => ({
      id: a.id,
      text: textOf(a.text),
      levels: levels.filter((l) => a.levels.includes(l)),
      questions: places(qIds, a.questions),
      sources: places(sIds, a.sources)
    })),
    sources: c.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher ?? '',
      url: s.url ?? '',
      date: s.date ?? ''
    })),
    sections: c.sections.map((s) => ({
      id: s.id,
      title: textOf(s.title),
      body: s.body.map(textOf),
      sources: places(sIds, s.sources)
    })),
    orgNumberQuestion: c.orgNumberQuestion ? qIds.indexOf(c.orgNumberQuestion) : null
  };
}

/** The form's fields, named by the checklist's paths. */
export function valuesFromForm(f: TChecklistForm): TFormValues {
  const out: TFormValues = {};
  const text = (prefix: string, t: TText) => {
    out[`${prefix}.nb`] = t.nb;
    out[`${prefix}.en`] = t.en;
  };
  const tick = (prefix: string, list: readonly (string | number)[]) => {
    for (const x of list) out[`${prefix}.${x}`] = 'on';
  };
  text('title', f.title);
  text('summary', f.summary);
  text('intro', f.intro);
  out['thresholds.some'] = f.some;
  out['thresholds.strong'] = f.strong;
  out.dontKnowFactor = f.dontKnowFactor;
  out.orgNumberQuestion = f.orgNumberQuestion === null ? '' : String(f.orgNumberQuestion);
  f.questions.forEach((q, i) => {
    const p = `questions.${i}`;
    out[`${p}.id`] = q.id;
    text(`${p}.text`, q.text);
    text(`${p}.why`, q.why);
    out[`${p}.riskAnswer`] = q.riskAnswer;
    out[`${p}.weight`] = q.weight;
    if (q.strong) out[`${p}.strong`] = 'on';
    tick(`${p}.indicators`, q.indicators);
    tick(`${p}.sources`, q.sources);
  });
  f.indicators.forEach((x, i) => {
    out[`indicators.${i}.id`] = x.id;
    text(`indicators.${i}.text`, x.text);
    tick(`indicators.${i}.ilo`, x.ilo);
    tick(`indicators.${i}.sources`, x.sources);
  });
  f.advice.forEach((a, i) => {
    out[`advice.${i}.id`] = a.id;
    text(`advice.${i}.text`, a.text);
    tick(`advice.${i}.levels`, a.levels);
    tick(`advice.${i}.questions`, a.questions);
    tick(`advice.${i}.sources`, a.sources);
  });
  f.sources.forEach((s, i) => {
    out[`sources.${i}.id`] = s.id;
    out[`sources.${i}.title`] = s.title;
    out[`sources.${i}.publisher`] = s.publisher;
    out[`sources.${i}.url`] = s.url;
    out[`sources.${i}.date`] = s.date;
  });
  f.sections.forEach((x, i) => {
    out[`sections.${i}.id`] = x.id;
    text(`sections.${i}.title`, x.title);
    x.body.forEach((b, j) => text(`sections.${i}.body.${j}`, b));
    tick(`sections.${i}.sources`, x.sources);
  });
  return out;
}

/** Places used under `prefix.` in the values, ascending (at most three digits). */
function indexes(values: TFormValues, prefix: string): number[] {
  const set = new Set<number>();
  const re = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`);
  for (const k of Object.keys(values)) {
    const m = re.exec(k);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}

/** The form a posted form describes. */
export function formFromValues(values: TFormValues): TChecklistForm {
  const v = (k: string) => values[k] ?? '';
  const text = (prefix: string): TText => ({ nb: v(`${prefix}.nb`), en: v(`${prefix}.en`) });
  const at = {
    questions: indexes(values, 'questions'),
    indicators: indexes(values, 'indicators'),
    advice: indexes(values, 'advice'),
    sources: indexes(values, 'sources'),
    sections: indexes(values, 'sections')
  };
  /** The ticked items of `list` under `prefix.<form index>`, as places in the list. */
  const ticked = (prefix: string, list: readonly number[]) =>
    list.flatMap((formIndex, place) => (values[`${prefix}.${formIndex}`] === 'on' ? [place] : []));
  const org = /^\d{1,3}$/.test(v('orgNumberQuestion')) ? at.questions.indexOf(Number(v('orgNumberQuestion'))) : -1;
  return {
    title: text('title'),
    summary: text('summary'),
    intro: text('intro'),
    some: v('thresholds.some'),
    strong: v('thresholds.strong'),
    dontKnowFactor: v('dontKnowFactor'),
    questions: at.questions.map((i) => {
      const p = `questions.${i}`;
      return {
        id: v(`${p}.id`).trim(),
        text: text(`${p}.text`),
        why: text(`${p}.why`),
        riskAnswer: v(`${p}.riskAnswer`),
        weight: v(`${p}.weight`),
        strong: values[`${p}.strong`] === 'on',
        indicators: ticked(`${p}.indicators`, at.indicators),
        sources: ticked(`${p}.sources`, at.sources)
      };
    }),
    indicators: at.indicators.map((i) => ({
      id: v(`indicators.${i}.id`).trim(),
      text: text(`indicators.${i}.text`),
      ilo: iloNumbers.filter((n) => values[`indicators.${i}.ilo.${n}`] === 'on'),
      sources: ticked(`indicators.${i}.sources`, at.sources)
    })),
    advice: at.advice.map((i) => ({
      id: v(`advice.${i}.id`).trim(),
      text: text(`advice.${i}.text`),
      levels: levels.filter((l) => values[`advice.${i}.levels.${l}`] === 'on'),
      questions: ticked(`advice.${i}.questions`, at.questions),
      sources: ticked(`advice.${i}.sources`, at.sources)
    })),
    sources: at.sources.map((i) => ({
      id: v(`sources.${i}.id`).trim(),
      title: v(`sources.${i}.title`),
      publisher: v(`sources.${i}.publisher`),
      url: v(`sources.${i}.url`).trim(),
      date: v(`sources.${i}.date`).trim()
    })),
    sections: at.sections.map((i) => ({
      id: v(`sections.${i}.id`).trim(),
      title: text(`sections.${i}.title`),
      body: indexes(values, `sections\\.${i}\\.body`).map((j) => text(`sections.${i}.body.${j}`)),
      sources: ticked(`sections.${i}.sources`, at.sources)
    })),
    orgNumberQuestion: org >= 0 ? org : null
  };
}

/** A number when the text is one, else the text (the schema then says what is wrong). */
function num(t: string): unknown {
  const s = t.trim();
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
}

/**
 * The checklist the form describes: the `base` (the version the form was opened from: id, version,
 * order, kind, the sections' texts) with the form laid over it. Not validated: see `validateChecklist`.
 */
export function checklistFromForm(base: TChecklist, f: TChecklistForm): TChecklistDraft {
  const ids = (list: readonly { id: string }[], refs: readonly number[]) => refs.map((i) => list[i]?.id ?? '');
  /**
   * The checkboxes give references in list order; an item whose references did not change keeps the
   * order its base version wrote them in, so an unchanged form gives an unchanged checklist.
   */
  const kept = <T extends { id: string }>(baseList: readonly T[], pick: (x: T) => readonly (string | number)[]) => {
    const byId = new Map(baseList.map((x) => [x.id, pick(x)]));
    return <R extends string | number>(id: string, refs: R[]): R[] => {
      const before = byId.get(id);
      const same = before && before.length === refs.length && refs.every((r) => before.includes(r));
      return same ? ([...before] as R[]) : refs;
    };
  };
  const qIndicators = kept(base.questions, (q) => q.indicators);
  const qSources = kept(base.questions, (q) => q.sources);
  const xSources = kept(base.indicators, (x) => x.sources);
  const xIlo = kept(base.indicators, (x) => x.ilo);
  const aLevels = kept(base.advice, (a) => a.levels);
  const aQuestions = kept(base.advice, (a) => a.questions);
  const aSources = kept(base.advice, (a) => a.sources);
  const sSources = kept(base.sections, (s) => s.sources);
  const opt = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() });
  return {
    ...base,
    title: f.title,
    summary: f.summary,
    intro: f.intro,
    thresholds: { some: num(f.some), strong: num(f.strong) },
    dontKnowFactor: num(f.dontKnowFactor),
    questions: f.questions.map((q) => ({
      id: q.id,
      text: q.text,
      why: q.why,
      riskAnswer: q.riskAnswer,
      indicators: qIndicators(q.id, ids(f.indicators, q.indicators)),
      weight: num(q.weight),
      strong: q.strong,
      sources: qSources(q.id, ids(f.sources, q.sources))
    })),
    indicators: f.indicators.map((x) => ({
      id: x.id,
      text: x.text,
      ilo: xIlo(x.id, x.ilo),
      sources: xSources(x.id, ids(f.sources, x.sources))
    })),
    advice: f.advice.map((a) => ({
      id: a.id,
      text: a.text,
      levels: aLevels(a.id, a.levels),
      questions: aQuestions(a.id, ids(f.questions, a.questions)),
      sources: aSources(a.id, ids(f.sources, a.sources))
    })),
    sections: f.sections.map((s) => ({
      id: s.id,
      title: s.title,
      body: s.body,
      sources: sSources(s.id, ids(f.sources, s.sources))
    })),
    orgNumberQuestion: f.orgNumberQuestion === null ? undefined : (f.questions[f.orgNumberQuestion]?.id ?? ''),
    sources: f.sources.map((s) => ({
      id: s.id,
      title: s.title,
      ...opt('publisher', s.publisher),
      ...opt('url', s.url),
      ...opt('date', s.date)
    }))
  };
}

/** The form values of a checklist. */
export const checklistToValues = (c: TChecklist): TFormValues => valuesFromForm(formFromChecklist(c));

/** The checklist a posted form describes, over the version it was opened from (not validated). */
export const checklistFromValues = (base: TChecklist, values: TFormValues): TChecklistDraft =>
  checklistFromForm(base, formFromValues(values));

// ───────────────────────── the shape-changing buttons ─────────────────────────

/**
 * A button of the form without JavaScript: add an item to a list, remove one, move one up or down; or the
 * same for a paragraph of section `section`.
 */
export type TFormOp =
  | { op: 'add'; list: TEditableList }
  | { op: 'remove' | 'up' | 'down'; list: TEditableList; index: number }
  | { op: 'add'; list: 'paragraphs'; section: number }
  | { op: 'remove' | 'up' | 'down'; list: 'paragraphs'; section: number; index: number };

/**
 * `add:questions`, `remove:sources:2`, `up:advice:0`, `down:sections:3`; for paragraphs `add:paragraphs:1`
 * (to section 2) and `remove:paragraphs:1.0`; null for anything else.
 */
export function parseOp(raw: string | null | undefined): TFormOp | null {
  const p = /^(add|remove|up|down):paragraphs:(\d{1,3})(?:\.(\d{1,3}))?$/.exec(raw ?? '');
  if (p) {
    const [, op, section, index] = p as unknown as [string, TFormOp['op'], string, string | undefined];
    if (op === 'add') return index === undefined ? { op, list: 'paragraphs', section: Number(section) } : null;
    return index === undefined ? null : { op, list: 'paragraphs', section: Number(section), index: Number(index) };
  }
  const m = /^(add|remove|up|down):(questions|indicators|advice|sources|sections)(?::(\d{1,3}))?$/.exec(raw ?? '');
  if (!m) return null;
  const [, op, list, index] = m as unknown as [string, TFormOp['op'], TEditableList, string | undefined];
  if (op === 'add') return index === undefined ? { op, list } : null;
  return index === undefined ? null : { op, list, index: Number(index) };
}

/** What an add/remove/move also changed (shown to the editor), or why it was refused. */
export type TOpMessage = { key: MessageKey; params?: Record<string, string | number> };
export type TOpResult =
  { ok: true; form: TChecklistForm; notes: TOpMessage[] } | { ok: false; field: string; reason: TOpMessage };

const blankText = (): TText => ({ nb: '', en: '' });
const blank: { [L in TEditableList]: () => TChecklistForm[L][number] } = {
  questions: () => ({
    id: '',
    text: blankText(),
    why: blankText(),
    riskAnswer: 'yes',
    weight: '1',
    strong: false,
    indicators: [],
    sources: []
  }),
  indicators: () => ({ id: '', text: blankText(), ilo: [], sources: [] }),
  advice: () => ({ id: '', text: blankText(), levels: [], questions: [], sources: [] }),
  sources: () => ({ id: '', title: '', publisher: '', url: '', date: '' }),
  sections: () => ({ id: '', title: blankText(), body: [blankText()], sources: [] })
};

/** Renumbers references after a list changed: `map(old place)` is the new place, or null when it is gone. */
function remap(refs: readonly number[], map: (i: number) => number | null): number[] {
  return refs
    .map(map)
    .filter((i): i is number => i !== null)
    .sort((a, b) => a - b);
}

/** The references to items of `list` held by the other lists, renumbered by `map`. */
function follow(f: TChecklistForm, list: TEditableList, map: (i: number) => number | null): TChecklistForm {
  switch (list) {
    case 'questions': {
      const org = f.orgNumberQuestion === null ? null : map(f.orgNumberQuestion);
      return {
        ...f,
        advice: f.advice.map((a) => ({ ...a, questions: remap(a.questions, map) })),
        orgNumberQuestion: org
      };
    }
    case 'indicators':
      return { ...f, questions: f.questions.map((q) => ({ ...q, indicators: remap(q.indicators, map) })) };
    case 'advice':
    case 'sections':
      return f;
    case 'sources':
      return {
        ...f,
        questions: f.questions.map((q) => ({ ...q, sources: remap(q.sources, map) })),
        indicators: f.indicators.map((x) => ({ ...x, sources: remap(x.sources, map) })),
        advice: f.advice.map((a) => ({ ...a, sources: remap(a.sources, map) })),
        sections: f.sections.map((s) => ({ ...s, sources: remap(s.sources, map) }))
      };
  }
}

/** Drops item `i` of `list` and every reference to it (the caller has checked what that means). */
function without(f: TChecklistForm, list: TEditableList, i: number): TChecklistForm {
  const items = (f[list] as unknown[]).filter((_, n) => n !== i);
  return follow({ ...f, [list]: items }, list, (n) => (n === i ? null : n > i ? n - 1 : n));
}

/** How an item is named in a message: its id, else its place. */
const nameOf = (item: { id: string }, place: number) => item.id || `#${place + 1}`;

function removeQuestion(f: TChecklistForm, i: number, scored: boolean): TOpResult {
  const field = `questions.${i}`;
  if (scored && f.questions.length <= 1)
    return { ok: false, field, reason: { key: 'contentChecklist.refuse.lastQuestion' } };
  const only = f.advice.findIndex((a) => a.questions.length === 1 && a.questions[0] === i);
  if (only >= 0)
    return {
      ok: false,
      field,
      reason: { key: 'contentChecklist.refuse.adviceOnlyQuestion', params: { name: nameOf(f.advice[only], only) } }
    };
  const notes: TOpMessage[] = [];
  f.advice.forEach((a, n) => {
    if (a.questions.includes(i))
      notes.push({ key: 'contentChecklist.note.adviceQuestion', params: { name: nameOf(a, n) } });
  });
  if (f.orgNumberQuestion === i) notes.push({ key: 'contentChecklist.note.orgNumber' });
  // A sign used by this question alone would be left unused: it goes too (and says so).
  const orphans = f.questions[i].indicators.filter(
    (x) => !f.questions.some((q, n) => n !== i && q.indicators.includes(x))
  );
  let out = without(f, 'questions', i);
  for (const x of [...orphans].sort((a, b) => b - a)) {
    notes.push({ key: 'contentChecklist.note.indicatorDropped', params: { name: nameOf(f.indicators[x], x) } });
    out = without(out, 'indicators', x);
  }
  return { ok: true, form: out, notes };
}

function removeIndicator(f: TChecklistForm, j: number): TOpResult {
  const only = f.questions.findIndex((q) => q.indicators.length === 1 && q.indicators[0] === j);
  if (only >= 0)
    return {
      ok: false,
      field: `indicators.${j}`,
      reason: { key: 'contentChecklist.refuse.indicatorOnly', params: { number: only + 1 } }
    };
  const notes: TOpMessage[] = f.questions.flatMap((q, n) =>
    q.indicators.includes(j)
      ? [{ key: 'contentChecklist.note.questionIndicator' as const, params: { number: n + 1 } }]
      : []
  );
  return { ok: true, form: without(f, 'indicators', j), notes };
}

function removeSource(f: TChecklistForm, k: number): TOpResult {
  const field = `sources.${k}`;
  const refuse = (key: MessageKey, params?: Record<string, string | number>): TOpResult => ({
    ok: false,
    field,
    reason: { key, params }
  });
  if (f.sources.length <= 1) return refuse('contentChecklist.refuse.lastSource');
  const onlyThis = (refs: number[]) => refs.length === 1 && refs[0] === k;
  const q = f.questions.findIndex((x) => onlyThis(x.sources));
  if (q >= 0) return refuse('contentChecklist.refuse.sourceOnlyQuestion', { number: q + 1 });
  const x = f.indicators.findIndex((y) => onlyThis(y.sources));
  if (x >= 0) return refuse('contentChecklist.refuse.sourceOnlyIndicator', { name: nameOf(f.indicators[x], x) });
  const s = f.sections.findIndex((y) => onlyThis(y.sources));
  if (s >= 0) return refuse('contentChecklist.refuse.sourceOnlySection', { number: s + 1 });
  const notes: TOpMessage[] = [
    ...f.questions.flatMap((y, n) =>
      y.sources.includes(k) ? [{ key: 'contentChecklist.note.sourceQuestion' as const, params: { number: n + 1 } }] : []
    ),
    ...f.indicators.flatMap((y, n) =>
      y.sources.includes(k)
        ? [{ key: 'contentChecklist.note.sourceIndicator' as const, params: { name: nameOf(y, n) } }]
        : []
    ),
    ...f.advice.flatMap((y, n) =>
      y.sources.includes(k)
        ? [{ key: 'contentChecklist.note.sourceAdvice' as const, params: { name: nameOf(y, n) } }]
        : []
    ),
    ...f.sections.flatMap((y, n) =>
      y.sources.includes(k) ? [{ key: 'contentChecklist.note.sourceSection' as const, params: { number: n + 1 } }] : []
    )
  ];
  return { ok: true, form: without(f, 'sources', k), notes };
}

/**
 * Applies one button to the form. Removing an item takes every reference to it along and says what
 * else changed; when that would break the checklist in a way only the editor can mend (the last
 * question, a question whose only sign this is, advice shown only at this question, the only source of
 * a question, sign or section) it is refused with the reason. From a checklist that passes the schema,
 * a remove or move gives one that passes it too, or a refusal; an added item is blank, so the only
 * errors after an add are the new item's own (see the property tests).
 */
export function applyOp(f: TChecklistForm, op: TFormOp, scored = true): TOpResult {
  if (op.list === 'paragraphs') return paragraphOp(f, op);
  const items = f[op.list] as unknown[];
  if (op.op === 'add') {
    if (items.length >= MAX_ITEMS[op.list])
      return {
        ok: false,
        field: op.list,
        reason: { key: 'contentChecklist.refuse.full', params: { max: MAX_ITEMS[op.list] } }
      };
    return { ok: true, form: { ...f, [op.list]: [...items, blank[op.list]()] }, notes: [] };
  }
  const i = op.index;
  if (i < 0 || i >= items.length) return { ok: false, field: op.list, reason: { key: 'contentChecklist.refuse.gone' } };
  if (op.op === 'remove') {
    if (op.list === 'questions') return removeQuestion(f, i, scored);
    if (op.list === 'indicators') return removeIndicator(f, i);
    if (op.list === 'sources') return removeSource(f, i);
    return { ok: true, form: without(f, op.list, i), notes: [] };
  }
  const j = op.op === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= items.length) return { ok: true, form: f, notes: [] };
  return {
    ok: true,
    form: follow({ ...f, [op.list]: swap(items, i, j) }, op.list, (n) => (n === i ? j : n === j ? i : n)),
    notes: []
  };
}

/** Moves `i` of `items` to `j` (both in range). */
function swap<T>(items: readonly T[], i: number, j: number): T[] {
  const out = [...items];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Adds, removes or moves a paragraph of a section; the last paragraph of a section stays (the schema needs one). */
function paragraphOp(f: TChecklistForm, op: Extract<TFormOp, { list: 'paragraphs' }>): TOpResult {
  const section = f.sections[op.section];
  if (!section) return { ok: false, field: 'sections', reason: { key: 'contentChecklist.refuse.gone' } };
  const field = `sections.${op.section}.body`;
  const withBody = (body: TText[]): TOpResult => ({
    ok: true,
    form: { ...f, sections: f.sections.map((s, n) => (n === op.section ? { ...s, body } : s)) },
    notes: []
  });
  if (op.op === 'add') {
    if (section.body.length >= MAX_PARAGRAPHS)
      return { ok: false, field, reason: { key: 'contentChecklist.refuse.full', params: { max: MAX_PARAGRAPHS } } };
    return withBody([...section.body, blankText()]);
  }
  const i = op.index;
  if (i < 0 || i >= section.body.length) return { ok: false, field, reason: { key: 'contentChecklist.refuse.gone' } };
  if (op.op === 'remove') {
    if (section.body.length <= 1) return { ok: false, field, reason: { key: 'contentChecklist.refuse.lastParagraph' } };
    return withBody(section.body.filter((_, n) => n !== i));
  }
  const j = op.op === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= section.body.length) return { ok: true, form: f, notes: [] };
  return withBody(swap(section.body, i, j));
}

// ───────────────────────── errors beside their fields ─────────────────────────

/** Lists whose item index is not a field of its own: an error on `questions.2.indicators.0` is shown at `questions.2.indicators`. */
const choiceLists = new Set(['indicators', 'sources', 'levels', 'ilo', 'questions']);

/** The form field an issue of the schema belongs beside. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const out: string[] = [];
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    if (typeof seg === 'number' && k >= 2 && choiceLists.has(String(path[k - 1]))) break;
    out.push(String(seg));
  }
  return out.join('.') || 'checklist';
}

/** True when the issue is about one reference inside a list of ticked items (`questions.2.indicators.0`). */
const inChoiceList = (path: readonly PropertyKey[]) =>
  path.length >= 4 && typeof path.at(-1) === 'number' && choiceLists.has(String(path.at(-2)));

/** The message (an i18n key) for an issue of the schema. */
export function messageOf(issue: z.core.$ZodIssue): MessageKey {
  const m = issue.message;
  const last = String(issue.path.at(-1) ?? '');
  if (/duplicate id/.test(m)) return 'content.checklist.error.duplicate';
  if (/unknown indicator/.test(m)) return 'content.checklist.error.indicators';
  if (/is unused/.test(m)) return 'content.checklist.error.unused';
  if (/unknown question/.test(m)) return 'content.checklist.error.unknownQuestion';
  if (/unknown source|at least one source/.test(m)) return 'content.checklist.error.sources';
  if (/thresholds/.test(m)) return 'content.checklist.error.thresholds';
  if (/needs questions/.test(m)) return 'content.checklist.error.noQuestions';
  if (/slug/.test(m))
    return inChoiceList(issue.path) ? 'contentChecklist.error.refName' : 'content.checklist.error.slug';
  if (issue.code === 'too_small' && issue.origin === 'array') {
    if (issue.path.at(-1) === 'body') return 'contentChecklist.error.paragraphs';
    if (issue.path.includes('indicators')) return 'content.checklist.error.indicators';
    if (issue.path.includes('levels')) return 'content.checklist.error.levels';
    return 'content.checklist.error.sources';
  }
  if (last === 'url') return 'contentChecklist.error.url';
  if (last === 'date') return 'contentChecklist.error.date';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'content.checklist.error.required';
  if (issue.code === 'too_big' && issue.origin === 'array') return 'content.checklist.error.tooMany';
  if (last === 'riskAnswer') return 'content.checklist.error.riskAnswer';
  if (last === 'dontKnowFactor') return 'content.checklist.error.factor';
  if (last === 'weight') return 'content.checklist.error.weight';
  if (issue.path.includes('thresholds')) return 'content.checklist.error.thresholdNumber';
  return 'content.checklist.error.invalid';
}

export type TChecklistValidation =
  { ok: true; checklist: TChecklist } | { ok: false; fields: Record<string, MessageKey> };

/** Validates with the files' schema (ZChecklist); each problem keyed by its form field (the first per field). */
export function validateChecklist(candidate: unknown): TChecklistValidation {
  const r = ZChecklist.safeParse(candidate);
  if (r.success) return { ok: true, checklist: r.data };
  const fields: Record<string, MessageKey> = {};
  for (const issue of r.error.issues) {
    const f = fieldOf(issue.path);
    fields[f] ??= messageOf(issue);
  }
  return { ok: false, fields };
}

/** The "try it" answers of the form (`try.<question id>`): every question answered yes, no or don't know. */
export function tryAnswers(
  c: TChecklist,
  values: TFormValues
): { ok: true; answers: Record<string, TAnswer> } | { ok: false; fields: Record<string, MessageKey> } {
  const answers: Record<string, TAnswer> = {};
  const fields: Record<string, MessageKey> = {};
  for (const q of c.questions) {
    const a = values[`try.${q.id}`];
    if ((answerValues as readonly string[]).includes(a ?? '')) answers[q.id] = a as TAnswer;
    else fields[`try.${q.id}`] = 'content.checklist.error.tryAnswer';
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, answers };
}
