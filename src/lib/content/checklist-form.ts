import type { z } from 'zod';
import { answerValues, iloIndicators, levels, ZChecklist, type TAnswer, type TChecklist } from '../check/checklist';
import type { MessageKey } from '../i18n';

/**
 * The checklist form editor's pure core. The form's field names are the zod paths of the checklist
 * (`questions.2.text.nb`), so an error of the files' schema lands beside its field. Lists of choices
 * (a question's indicators and sources, an indicator's ILO numbers, an advice's levels) are one checkbox
 * per choice: `questions.2.indicators.<indicator id>` = `on`.
 */
export type TFormValues = Record<string, string>;

/** A checklist-shaped object that may not be valid yet (what the editor typed). */
export type TChecklistDraft = Record<string, unknown> & {
  questions: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  advice: Record<string, unknown>[];
};

export const iloNumbers = Object.keys(iloIndicators).map(Number);

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The form values of a checklist (or of a draft the editor is working on). */
export function checklistToValues(c: TChecklist | TChecklistDraft): TFormValues {
  const d = c as unknown as TChecklistDraft;
  const out: TFormValues = {};
  const text = (prefix: string, t: unknown) => {
    const o = (t ?? {}) as { nb?: unknown; en?: unknown };
    out[`${prefix}.nb`] = str(o.nb);
    out[`${prefix}.en`] = str(o.en);
  };
  text('title', d.title);
  text('summary', d.summary);
  text('intro', d.intro);
  const th = (d.thresholds ?? {}) as { some?: unknown; strong?: unknown };
  out['thresholds.some'] = str(th.some);
  out['thresholds.strong'] = str(th.strong);
  out.dontKnowFactor = str(d.dontKnowFactor);
  d.questions.forEach((q, i) => {
    const p = `questions.${i}`;
    out[`${p}.id`] = str(q.id);
    text(`${p}.text`, q.text);
    text(`${p}.why`, q.why);
    out[`${p}.riskAnswer`] = str(q.riskAnswer);
    out[`${p}.weight`] = str(q.weight);
    if (q.strong === true) out[`${p}.strong`] = 'on';
    for (const id of (q.indicators ?? []) as string[]) out[`${p}.indicators.${id}`] = 'on';
    for (const id of (q.sources ?? []) as string[]) out[`${p}.sources.${id}`] = 'on';
  });
  d.indicators.forEach((x, i) => {
    text(`indicators.${i}.text`, x.text);
    for (const n of (x.ilo ?? []) as number[]) out[`indicators.${i}.ilo.${n}`] = 'on';
  });
  d.advice.forEach((a, i) => {
    text(`advice.${i}.text`, a.text);
    for (const l of (a.levels ?? []) as string[]) out[`advice.${i}.levels.${l}`] = 'on';
  });
  return out;
}

/** A number when the text is one, else the text (the schema then says what is wrong). */
function num(v: string | undefined): unknown {
  if (v === undefined) return undefined;
  const t = v.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** Indexes used under `prefix.` in the values, ascending. */
function indexes(values: TFormValues, prefix: string): number[] {
  const set = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`).exec(k);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}

/**
 * The checklist the form describes: the `base` (the version the form was opened from; ids of
 * indicators and advice, sources, sections and everything the form does not edit) with the form's
 * fields laid over it. Not validated: see `validateChecklist`.
 */
export function checklistFromValues(base: TChecklist, values: TFormValues): TChecklistDraft {
  const v = (k: string) => values[k];
  const text = (prefix: string) => ({ nb: v(`${prefix}.nb`) ?? '', en: v(`${prefix}.en`) ?? '' });
  const ticked = (prefix: string, options: readonly (string | number)[]) =>
    options.filter((o) => values[`${prefix}.${o}`] === 'on');
  const indicatorIds = base.indicators.map((x) => x.id);
  const sourceIds = base.sources.map((s) => s.id);
  const questions = indexes(values, 'questions').map((i) => {
    const p = `questions.${i}`;
    return {
      id: (v(`${p}.id`) ?? '').trim(),
      text: text(`${p}.text`),
      why: text(`${p}.why`),
      riskAnswer: v(`${p}.riskAnswer`) ?? '',
      indicators: ticked(`${p}.indicators`, indicatorIds),
      weight: num(v(`${p}.weight`)),
      strong: v(`${p}.strong`) === 'on',
      sources: ticked(`${p}.sources`, sourceIds)
    } as Record<string, unknown>;
  });
  return {
    ...base,
    title: text('title'),
    summary: text('summary'),
    intro: text('intro'),
    thresholds: { some: num(v('thresholds.some')), strong: num(v('thresholds.strong')) },
    dontKnowFactor: num(v('dontKnowFactor')),
    questions,
    indicators: base.indicators.map((x, i) => ({
      ...x,
      text: text(`indicators.${i}.text`),
      ilo: ticked(`indicators.${i}.ilo`, iloNumbers)
    })),
    advice: base.advice.map((a, i) => ({
      ...a,
      text: text(`advice.${i}.text`),
      levels: ticked(`advice.${i}.levels`, levels)
    }))
  };
}

/** A button of the form without JavaScript: add a question, remove, move up or down one. */
export type TFormOp = { op: 'add' } | { op: 'remove' | 'up' | 'down'; index: number };

export function parseOp(raw: string | null | undefined): TFormOp | null {
  if (raw === 'add') return { op: 'add' };
  const m = /^(remove|up|down):(\d{1,3})$/.exec(raw ?? '');
  return m ? { op: m[1] as 'remove' | 'up' | 'down', index: Number(m[2]) } : null;
}

/** Applies an add/remove/move to the draft's questions (a removed question's id leaves the advice too). */
export function applyOp(d: TChecklistDraft, op: TFormOp): TChecklistDraft {
  const qs = [...d.questions];
  if (op.op === 'add') {
    qs.push({
      id: '',
      text: { nb: '', en: '' },
      why: { nb: '', en: '' },
      riskAnswer: 'yes',
      indicators: [],
      weight: 1,
      strong: false,
      sources: []
    });
    return { ...d, questions: qs };
  }
  const i = op.index;
  if (i < 0 || i >= qs.length) return d;
  if (op.op === 'remove') {
    const [gone] = qs.splice(i, 1);
    const id = gone.id;
    return {
      ...d,
      questions: qs,
      advice: d.advice.map((a) => ({
        ...a,
        questions: ((a.questions ?? []) as string[]).filter((q) => q !== id)
      })),
      ...(d.orgNumberQuestion === id ? { orgNumberQuestion: undefined } : {})
    };
  }
  const j = op.op === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= qs.length) return d;
  [qs[i], qs[j]] = [qs[j], qs[i]];
  return { ...d, questions: qs };
}

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
  if (/slug/.test(m)) return 'content.checklist.error.slug';
  if (issue.code === 'too_small' && issue.origin === 'array') {
    if (issue.path.includes('indicators')) return 'content.checklist.error.indicators';
    if (issue.path.includes('levels')) return 'content.checklist.error.levels';
    return 'content.checklist.error.sources';
  }
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
