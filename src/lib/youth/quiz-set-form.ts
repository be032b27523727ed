import { MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, targetAges, ZQuizSet, type TQuizSet } from './quiz';

/**
 * The content studio's form for a whole quiz set (no JSON): the set's titles, its sources, and every
 * question with its options, right answers, explanation and cited sources, in bokmål and English side by
 * side. Pure, shared by the server and the browser. Without JavaScript every change of shape (add,
 * remove, move a question or an option, add or remove a source) is a submit button whose `op` value
 * `applyQuizOp` understands; the form's fields go in, the whole set comes out validated by the same
 * schema as data/quizzes, or a message per field.
 */
export interface TDraftOption {
  /** '' for an option added in this draft: it gets an id from its text on save. */
  id: string;
  nb: string;
  en: string;
  correct: boolean;
}

export interface TDraftQuestion {
  id: string;
  nb: string;
  en: string;
  options: TDraftOption[];
  explanationNb: string;
  explanationEn: string;
  /** The ids of the set's sources the explanation cites. */
  sources: string[];
}

export interface TDraftSource {
  id: string;
  title: string;
  url: string;
}

export interface TQuizDraft {
  id: string;
  order: string;
  targetAge: string;
  titleNb: string;
  titleEn: string;
  summaryNb: string;
  summaryEn: string;
  questions: TDraftQuestion[];
  sources: TDraftSource[];
}

export type TQuizFields = Record<string, string | string[] | undefined>;

/** The i18n key for each kind of problem (src/lib/i18n/nb/contentQuiz.ts). */
export const quizFieldMessages = {
  text: 'contentQuiz.error.text',
  option: 'contentQuiz.error.option',
  options: 'contentQuiz.error.options',
  correct: 'contentQuiz.error.correct',
  sources: 'contentQuiz.error.sources',
  questions: 'contentQuiz.error.questions',
  sourceTitle: 'contentQuiz.error.sourceTitle',
  sourceUrl: 'contentQuiz.error.sourceUrl',
  targetAge: 'contentQuiz.error.targetAge',
  order: 'contentQuiz.error.order',
  op: 'contentQuiz.error.op'
} as const;
export type TQuizMessageKey = (typeof quizFieldMessages)[keyof typeof quizFieldMessages];

export type TQuizFormResult = { ok: true; set: TQuizSet } | { ok: false; fields: Record<string, TQuizMessageKey> };

// ───────────────────────── set ⇄ draft ⇄ form fields ─────────────────────────

export function draftFromSet(set: TQuizSet): TQuizDraft {
  return {
    id: set.id,
    order: String(set.order),
    targetAge: set.targetAge,
    titleNb: set.title.nb,
    titleEn: set.title.en,
    summaryNb: set.summary.nb,
    summaryEn: set.summary.en,
    questions: set.questions.map((q) => ({
      id: q.id,
      nb: q.text.nb,
      en: q.text.en,
      options: q.options.map((o) => ({ id: o.id, nb: o.text.nb, en: o.text.en, correct: q.correct.includes(o.id) })),
      explanationNb: q.explanation.nb,
      explanationEn: q.explanation.en,
      sources: [...q.sources]
    })),
    sources: set.sources.map((s) => ({ id: s.id, title: s.title, url: s.url ?? '' }))
  };
}

/** The names of the form's fields, one place for the component, the parser and the error mapping. */
export const fieldName = {
  question: (i: number, part: 'id' | 'nb' | 'en' | 'explanation-nb' | 'explanation-en' | 'sources') => `q${i}-${part}`,
  questionSource: (i: number, sourceId: string) => `q${i}-source-${sourceId}`,
  option: (i: number, k: number, part: 'id' | 'nb' | 'en' | 'correct') => `q${i}-o${k}-${part}`,
  options: (i: number) => `q${i}-options`,
  source: (j: number, part: 'id' | 'title' | 'url') => `s${j}-${part}`
};

/** A draft as flat form fields (what a plain HTML form posts). */
export function fieldsFromDraft(d: TQuizDraft): Record<string, string> {
  const f: Record<string, string> = {
    id: d.id,
    order: d.order,
    targetAge: d.targetAge,
    'title-nb': d.titleNb,
    'title-en': d.titleEn,
    'summary-nb': d.summaryNb,
    'summary-en': d.summaryEn,
    questionCount: String(d.questions.length),
    sourceCount: String(d.sources.length)
  };
  d.questions.forEach((q, i) => {
    f[fieldName.question(i, 'id')] = q.id;
    f[fieldName.question(i, 'nb')] = q.nb;
    f[fieldName.question(i, 'en')] = q.en;
    f[fieldName.question(i, 'explanation-nb')] = q.explanationNb;
    f[fieldName.question(i, 'explanation-en')] = q.explanationEn;
    f[fieldName.options(i)] = String(q.options.length);
    q.options.forEach((o, k) => {
      f[fieldName.option(i, k, 'id')] = o.id;
      f[fieldName.option(i, k, 'nb')] = o.nb;
      f[fieldName.option(i, k, 'en')] = o.en;
      if (o.correct) f[fieldName.option(i, k, 'correct')] = 'on';
    });
    for (const s of q.sources) f[fieldName.questionSource(i, s)] = 'on';
  });
  d.sources.forEach((s, j) => {
    f[fieldName.source(j, 'id')] = s.id;
    f[fieldName.source(j, 'title')] = s.title;
    f[fieldName.source(j, 'url')] = s.url;
  });
  return f;
}

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const count = (v: string | string[] | undefined, max: number): number => {
  const n = Number(one(v));
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : 0;
};

/** The draft a posted form describes; never throws (missing fields are empty). */
export function draftFromFields(f: TQuizFields): TQuizDraft {
  const v = (name: string) => one(f[name]);
  const sources: TDraftSource[] = [];
  for (let j = 0; j < count(f.sourceCount, 50); j++)
    sources.push({
      id: v(fieldName.source(j, 'id')),
      title: v(fieldName.source(j, 'title')),
      url: v(fieldName.source(j, 'url'))
    });
  const questions: TDraftQuestion[] = [];
  for (let i = 0; i < count(f.questionCount, MAX_QUESTIONS + 1); i++) {
    const options: TDraftOption[] = [];
    for (let k = 0; k < count(f[fieldName.options(i)], MAX_OPTIONS + 1); k++)
      options.push({
        id: v(fieldName.option(i, k, 'id')),
        nb: v(fieldName.option(i, k, 'nb')),
        en: v(fieldName.option(i, k, 'en')),
        correct: v(fieldName.option(i, k, 'correct')) === 'on'
      });
    questions.push({
      id: v(fieldName.question(i, 'id')),
      nb: v(fieldName.question(i, 'nb')),
      en: v(fieldName.question(i, 'en')),
      options,
      explanationNb: v(fieldName.question(i, 'explanation-nb')),
      explanationEn: v(fieldName.question(i, 'explanation-en')),
      sources: sources.map((s) => s.id).filter((id) => id && v(fieldName.questionSource(i, id)) === 'on')
    });
  }
  return {
    id: v('id'),
    order: v('order'),
    targetAge: v('targetAge'),
    titleNb: v('title-nb'),
    titleEn: v('title-en'),
    summaryNb: v('summary-nb'),
    summaryEn: v('summary-en'),
    questions,
    sources
  };
}

// ───────────────────────── the shape-changing buttons ─────────────────────────

export type TQuizOp =
  | { op: 'add-question' }
  | { op: 'remove-question' | 'question-up' | 'question-down' | 'add-option'; i: number }
  | { op: 'remove-option' | 'option-up' | 'option-down'; i: number; k: number }
  | { op: 'add-source' }
  | { op: 'remove-source'; j: number };

/** Reads a button's value (`add-question`, `remove-question:2`, `remove-option:2:1`, …); null if unknown. */
export function parseQuizOp(value: string): TQuizOp | null {
  const m = /^([a-z-]+)(?::(\d{1,3}))?(?::(\d{1,3}))?$/.exec(value);
  if (!m) return null;
  const [, op, a, b] = m;
  const i = a === undefined ? null : Number(a);
  const k = b === undefined ? null : Number(b);
  if ((op === 'add-question' || op === 'add-source') && i === null) return { op };
  if (
    (op === 'remove-question' || op === 'question-up' || op === 'question-down' || op === 'add-option') &&
    i !== null &&
    k === null
  )
    return { op, i };
  if ((op === 'remove-option' || op === 'option-up' || op === 'option-down') && i !== null && k !== null)
    return { op, i, k };
  if (op === 'remove-source' && i !== null && k === null) return { op, j: i };
  return null;
}

const emptyOption = (): TDraftOption => ({ id: '', nb: '', en: '', correct: false });

function swap<T>(list: T[], a: number, b: number): T[] {
  if (a < 0 || b < 0 || a >= list.length || b >= list.length) return list;
  const out = [...list];
  [out[a], out[b]] = [out[b]!, out[a]!];
  return out;
}

/**
 * Applies one button to the draft. Never makes an impossible shape: a set keeps 1–30 questions, a
 * question 2–5 options; an out-of-range button leaves the draft as it was. A removed source is also
 * unticked in every question.
 */
export function applyQuizOp(d: TQuizDraft, op: TQuizOp): TQuizDraft {
  const qs = d.questions;
  const withQuestion = (i: number, f: (q: TDraftQuestion) => TDraftQuestion): TQuizDraft =>
    qs[i] ? { ...d, questions: qs.map((q, n) => (n === i ? f(q) : q)) } : d;
  switch (op.op) {
    case 'add-question':
      if (qs.length >= MAX_QUESTIONS) return d;
      return {
        ...d,
        questions: [
          ...qs,
          {
            id: '',
            nb: '',
            en: '',
            options: Array.from({ length: MIN_OPTIONS }, emptyOption),
            explanationNb: '',
            explanationEn: '',
            sources: []
          }
        ]
      };
    case 'remove-question':
      if (qs.length <= 1 || !qs[op.i]) return d;
      return { ...d, questions: qs.filter((_, n) => n !== op.i) };
    case 'question-up':
      return { ...d, questions: swap(qs, op.i, op.i - 1) };
    case 'question-down':
      return { ...d, questions: swap(qs, op.i, op.i + 1) };
    case 'add-option':
      return withQuestion(op.i, (q) =>
        q.options.length >= MAX_OPTIONS ? q : { ...q, options: [...q.options, emptyOption()] }
      );
    case 'remove-option':
      return withQuestion(op.i, (q) =>
        q.options.length <= MIN_OPTIONS || !q.options[op.k]
          ? q
          : { ...q, options: q.options.filter((_, n) => n !== op.k) }
      );
    case 'option-up':
      return withQuestion(op.i, (q) => ({ ...q, options: swap(q.options, op.k, op.k - 1) }));
    case 'option-down':
      return withQuestion(op.i, (q) => ({ ...q, options: swap(q.options, op.k, op.k + 1) }));
    case 'add-source':
      if (d.sources.length >= 50) return d;
      return { ...d, sources: [...d.sources, { id: '', title: '', url: '' }] };
    case 'remove-source': {
      const gone = d.sources[op.j];
      if (!gone || d.sources.length <= 1) return d;
      return {
        ...d,
        sources: d.sources.filter((_, n) => n !== op.j),
        questions: qs.map((q) => ({ ...q, sources: q.sources.filter((s) => s !== gone.id) }))
      };
    }
  }
}

// ───────────────────────── draft → validated set ─────────────────────────

const slugOf = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 36)
    .replace(/^-+|-+$/g, '');

/** A new id not in `taken`: from the text when it makes a slug, else `prefix-n`. */
export function freshId(taken: Set<string>, text: string, prefix: string): string {
  const base = slugOf(text) || prefix;
  if (/^[a-z0-9]/.test(base) && !taken.has(base)) return base;
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const orderLike = (before: readonly string[], now: string[]) => [
  ...before.filter((s) => now.includes(s)),
  ...now.filter((s) => !before.includes(s))
];

const idPattern = /^[a-z0-9][a-z0-9-]{0,40}$/;

/**
 * The set a draft describes, validated by ZQuizSet, or a message per field. `base` is the version the
 * draft started from: the set's id and anything the form does not show (the archived questions) come
 * from it; a question of `base` that the draft removed is archived (`now`), so the answer counts under
 * its id stay readable with its text and the id is never given to another question.
 */
export function quizSetFromDraft(base: TQuizSet, d: TQuizDraft, now: Date): TQuizFormResult {
  const fields: Record<string, TQuizMessageKey> = {};
  const put = (name: string, key: TQuizMessageKey) => (fields[name] ??= key);
  const t = (s: string) => s.trim();

  // Ids: kept when known to the base (answers are counted under them), else made fresh.
  const archivedBefore = base.archived ?? [];
  const takenQ = new Set([...base.questions, ...archivedBefore].map((q) => q.id));
  const baseQ = new Map(base.questions.map((q) => [q.id, q]));
  const takenS = new Set<string>();
  const sourceIds = d.sources.map((s) => {
    const id = idPattern.test(s.id) && !takenS.has(s.id) ? s.id : freshId(takenS, s.title, 'source');
    takenS.add(id);
    return id;
  });
  const renamedSource = new Map(d.sources.map((s, j) => [s.id, sourceIds[j]!]));
  const usedQ = new Set<string>();
  const questions = d.questions.map((q, i) => {
    const known = baseQ.has(q.id) && !usedQ.has(q.id);
    const id = known ? q.id : freshId(new Set([...takenQ, ...usedQ]), q.en || q.nb, 'question');
    usedQ.add(id);
    const baseOptions = new Set(known ? baseQ.get(q.id)!.options.map((o) => o.id) : []);
    const takenO = new Set<string>();
    const options = q.options.map((o) => {
      const oid = baseOptions.has(o.id) && !takenO.has(o.id) ? o.id : freshId(takenO, o.en || o.nb, 'option');
      takenO.add(oid);
      return { id: oid, text: { nb: t(o.nb), en: t(o.en) }, correct: o.correct };
    });
    options.forEach((o, k) => {
      if (!o.text.nb) put(fieldName.option(i, k, 'nb'), quizFieldMessages.option);
      if (!o.text.en) put(fieldName.option(i, k, 'en'), quizFieldMessages.option);
    });
    return {
      id,
      text: { nb: t(q.nb), en: t(q.en) },
      options: options.map(({ id: oid, text }) => ({ id: oid, text })),
      correct: options.filter((o) => o.correct).map((o) => o.id),
      explanation: { nb: t(q.explanationNb), en: t(q.explanationEn) },
      // Ticked sources in their old order (the form's boxes follow the set's), then newly ticked ones.
      sources: orderLike(known ? baseQ.get(q.id)!.sources : [], [
        ...new Set(q.sources.map((s) => renamedSource.get(s) ?? s))
      ])
    };
  });
  const at = now.toISOString();
  const removed = base.questions.filter((q) => !usedQ.has(q.id)).map((q) => ({ ...q, archivedAt: at }));
  const archived = [...archivedBefore, ...removed];
  const orderNumber = Number(d.order);
  if (!/^\d{1,4}$/.test(d.order.trim()) || orderNumber > 1000) put('order', quizFieldMessages.order);
  if (!(targetAges as readonly string[]).includes(d.targetAge)) put('targetAge', quizFieldMessages.targetAge);

  const candidate = {
    id: base.id,
    order: Number.isFinite(orderNumber) ? orderNumber : -1,
    targetAge: d.targetAge,
    title: { nb: t(d.titleNb), en: t(d.titleEn) },
    summary: { nb: t(d.summaryNb), en: t(d.summaryEn) },
    questions,
    ...(archived.length ? { archived } : {}),
    sources: d.sources.map((s, j) => ({
      id: sourceIds[j]!,
      title: t(s.title),
      ...(t(s.url) ? { url: t(s.url) } : {})
    }))
  };
  const parsed = ZQuizSet.safeParse(candidate);
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, set: parsed.data };
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [head, a, part, b, sub, lang] = issue.path;
      if (head === 'title' || head === 'summary') put(`${head}-${String(a ?? 'nb')}`, quizFieldMessages.text);
      else if (head === 'order') put('order', quizFieldMessages.order);
      else if (head === 'targetAge') put('targetAge', quizFieldMessages.targetAge);
      else if (head === 'questions' && typeof a === 'number') {
        if (part === 'text') put(fieldName.question(a, (b === 'en' ? 'en' : 'nb') as 'nb'), quizFieldMessages.text);
        else if (part === 'explanation')
          put(fieldName.question(a, b === 'en' ? 'explanation-en' : 'explanation-nb'), quizFieldMessages.text);
        else if (part === 'options' && typeof b === 'number' && sub === 'text')
          put(fieldName.option(a, b, lang === 'en' ? 'en' : 'nb'), quizFieldMessages.option);
        else if (part === 'options') put(fieldName.options(a), quizFieldMessages.options);
        else if (part === 'correct') put(fieldName.options(a), quizFieldMessages.correct);
        else if (part === 'sources') put(fieldName.question(a, 'sources'), quizFieldMessages.sources);
        else put(fieldName.options(a), quizFieldMessages.options);
      } else if (head === 'questions') put('questions', quizFieldMessages.questions);
      else if (head === 'sources' && typeof a === 'number')
        put(
          fieldName.source(a, part === 'url' ? 'url' : 'title'),
          part === 'url' ? quizFieldMessages.sourceUrl : quizFieldMessages.sourceTitle
        );
      else if (head === 'sources') put(fieldName.source(0, 'title'), quizFieldMessages.sourceTitle);
      else put('questions', quizFieldMessages.questions);
    }
  if (Object.keys(fields).length === 0) put('questions', quizFieldMessages.questions);
  return { ok: false, fields };
}

/** Applies a posted form: a shape button (`op`) changes the draft only; no `op` validates it into a set. */
export function readQuizForm(f: TQuizFields): { draft: TQuizDraft; op: TQuizOp | null; badOp: boolean } {
  const draft = draftFromFields(f);
  const raw = one(f.op);
  if (!raw) return { draft, op: null, badOp: false };
  const op = parseQuizOp(raw);
  return { draft: op ? applyQuizOp(draft, op) : draft, op, badOp: op === null };
}
