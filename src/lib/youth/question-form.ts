import { MAX_OPTIONS, ZQuizSet, type TQuizQuestion, type TQuizSet } from './quiz';

/**
 * The editors' form for one quiz question (no JSON): texts in bokmål and English, up to five option
 * rows with a "right answer" box each, an explanation and the set's sources to cite. Pure: the form's
 * fields in, the whole set (validated by the same schema as data/quizzes) or a message per field out.
 */
export const OPTION_ROWS = MAX_OPTIONS;
const langs = ['nb', 'en'] as const;

export type TQuestionFields = Record<string, string>;

/** The form's starting values for a question (or an empty form for a new one). */
export function questionFields(q: TQuizQuestion | null): TQuestionFields {
  const f: TQuestionFields = {};
  if (!q) return f;
  for (const l of langs) {
    f[`text-${l}`] = q.text[l];
    f[`explanation-${l}`] = q.explanation[l];
  }
  q.options.forEach((o, k) => {
    for (const l of langs) f[`option-${k}-${l}`] = o.text[l];
    if (q.correct.includes(o.id)) f[`correct-${k}`] = 'on';
  });
  for (const s of q.sources) f[`source-${s}`] = 'on';
  return f;
}

/** The i18n key of the message for each kind of field. */
export const fieldMessages = {
  text: 'youth.editor.error.text',
  options: 'youth.editor.error.options',
  option: 'youth.editor.error.option',
  correct: 'youth.editor.error.correct',
  explanation: 'youth.editor.error.text',
  sources: 'youth.editor.error.sources'
} as const;

type TMessageKey = (typeof fieldMessages)[keyof typeof fieldMessages];
export type TQuestionResult =
  { ok: true; set: TQuizSet; question: TQuizQuestion } | { ok: false; fields: Record<string, TMessageKey> };

const slugOf = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 36)
    .replace(/^-+|-+$/g, '');

/** A new id that is not in `taken`: from the text when it makes a slug, else `prefix-n`. */
function freshId(taken: Set<string>, text: string, prefix: string): string {
  const base = slugOf(text) || prefix;
  if (/^[a-z0-9]/.test(base) && !taken.has(base)) return base;
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Puts the form's question into the set (replacing question `questionId`, or appended when null) and
 * validates the whole set. Option rows left empty are dropped; an existing option keeps its id by row,
 * so the answer counts stay with it.
 */
export function applyQuestionForm(set: TQuizSet, questionId: string | null, f: TQuestionFields): TQuestionResult {
  const index = questionId === null ? set.questions.length : set.questions.findIndex((q) => q.id === questionId);
  const existing = questionId === null ? null : (set.questions[index] ?? null);
  const val = (name: string) => (f[name] ?? '').trim();
  const text = (name: string) => ({ nb: val(`${name}-nb`), en: val(`${name}-en`) });

  const rows: number[] = [];
  const taken = new Set(existing?.options.map((o) => o.id) ?? []);
  const options: { id: string; text: { nb: string; en: string } }[] = [];
  const correct: string[] = [];
  for (let k = 0; k < OPTION_ROWS; k++) {
    const t = text(`option-${k}`);
    if (!t.nb && !t.en) continue;
    const id = existing?.options[k]?.id ?? freshId(taken, t.en || t.nb, 'option');
    taken.add(id);
    rows.push(k);
    options.push({ id, text: t });
    if (f[`correct-${k}`] === 'on') correct.push(id);
  }
  const question = {
    id:
      existing?.id ??
      freshId(new Set([...set.questions, ...(set.archived ?? [])].map((q) => q.id)), text('text').en, 'question'),
    text: text('text'),
    options,
    correct,
    explanation: text('explanation'),
    // Ticked sources in their old order, then newly ticked ones in the set's order.
    sources: [...new Set([...(existing?.sources ?? []), ...set.sources.map((s) => s.id)])].filter(
      (id) => f[`source-${id}`] === 'on'
    )
  };
  const questions = [...set.questions];
  questions[index] = question as TQuizQuestion;
  const parsed = ZQuizSet.safeParse({ ...set, questions });
  if (parsed.success) return { ok: true, set: parsed.data, question: parsed.data.questions[index]! };

  const fields: Record<string, TMessageKey> = {};
  for (const issue of parsed.error.issues) {
    const [head, i, part, k, sub, lang] = issue.path;
    if (head !== 'questions' || i !== index) continue;
    let field: string;
    let key: TMessageKey;
    if (part === 'text' || part === 'explanation') {
      field = `${part}-${String(k ?? 'nb')}`;
      key = fieldMessages[part];
    } else if (part === 'options' && typeof k === 'number' && sub === 'text') {
      field = `option-${rows[k]}-${String(lang ?? 'nb')}`;
      key = fieldMessages.option;
    } else if (part === 'correct') {
      // The "right answer" boxes are in the options' group.
      field = 'options';
      key = fieldMessages.correct;
    } else if (part === 'sources') {
      field = 'sources';
      key = fieldMessages.sources;
    } else {
      field = 'options';
      key = fieldMessages.options;
    }
    fields[field] ??= key;
  }
  // An option written in one language only: the empty one is the field to fix.
  for (const [n, k] of rows.entries())
    for (const l of langs) if (!options[n]!.text[l]) fields[`option-${k}-${l}`] ??= fieldMessages.option;
  if (Object.keys(fields).length === 0) fields.options = fieldMessages.options;
  return { ok: false, fields };
}
