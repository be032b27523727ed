import { z } from 'zod';

/**
 * A quiz set as data (data/quizzes/<id>.json, and as editors save it), validated wherever it is read.
 * Shared by the server and the browser. Every explanation cites at least one of the set's sources.
 */
export const targetAges = ['13-15', '16-19', 'adult'] as const;
export type TTargetAge = (typeof targetAges)[number];

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 5;
export const MAX_QUESTIONS = 30;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be a lower-case slug (a-z, 0-9, -)');
export const ZText = z
  .object({ nb: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) })
  .strict();
export type TText = z.infer<typeof ZText>;

export const ZQuizSource = z
  .object({
    id: slug,
    title: z.string().trim().min(1).max(300),
    /** Omitted only for a printed source (the seed report), named in full in the title. */
    url: z.url({ protocol: /^https?$/ }).optional()
  })
  .strict();
export type TQuizSource = z.infer<typeof ZQuizSource>;

export const ZQuizQuestion = z
  .object({
    id: slug,
    text: ZText,
    options: z
      .array(z.object({ id: slug, text: ZText }).strict())
      .min(MIN_OPTIONS)
      .max(MAX_OPTIONS),
    correct: z.array(slug).min(1),
    explanation: ZText,
    sources: z.array(slug).min(1, 'every explanation needs at least one source')
  })
  .strict();
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

/**
 * A question an editor deleted after it had been answered: pupils no longer see it, but the answer
 * counts under its id stay readable with its text (knowledge gain, the editors' tallies).
 */
export const ZArchivedQuestion = ZQuizQuestion.extend({ archivedAt: z.iso.datetime() }).strict();
export type TArchivedQuestion = z.infer<typeof ZArchivedQuestion>;

export const ZQuizSet = z
  .object({
    id: slug,
    order: z.number().int().min(0).max(1000),
    targetAge: z.enum(targetAges),
    title: ZText,
    summary: ZText,
    questions: z.array(ZQuizQuestion).min(1).max(MAX_QUESTIONS),
    /** Deleted questions that had answers (absent in the shipped files). */
    archived: z.array(ZArchivedQuestion).max(500).optional(),
    sources: z.array(ZQuizSource).min(1)
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (ids: string[], path: (string | number)[]) =>
      ids.forEach((id, i) => ids.indexOf(id) !== i && issue([...path, i, 'id'], `duplicate id "${id}"`));
    unique(
      s.questions.map((q) => q.id),
      ['questions']
    );
    // An archived question's id is never used again: its answer counts would be mixed with the new one's.
    const live = new Set(s.questions.map((q) => q.id));
    (s.archived ?? []).forEach(
      (q, i) => live.has(q.id) && issue(['archived', i, 'id'], `"${q.id}" is a question of the set and archived`)
    );
    unique(
      s.sources.map((x) => x.id),
      ['sources']
    );
    const sourceIds = new Set(s.sources.map((x) => x.id));
    s.questions.forEach((q, i) => {
      unique(
        q.options.map((o) => o.id),
        ['questions', i, 'options']
      );
      const optionIds = new Set(q.options.map((o) => o.id));
      q.correct.forEach(
        (c, j) => !optionIds.has(c) && issue(['questions', i, 'correct', j], `"${c}" is not one of the options`)
      );
      if (new Set(q.correct).size === q.options.length)
        issue(['questions', i, 'correct'], 'at least one option must be wrong');
      q.sources.forEach(
        (src, j) => !sourceIds.has(src) && issue(['questions', i, 'sources', j], `unknown source "${src}"`)
      );
    });
  });
export type TQuizSet = z.infer<typeof ZQuizSet>;

/** Validates a set; throws an Error naming `name` and the first bad field. */
export function parseQuizSet(name: string, raw: unknown): TQuizSet {
  const result = ZQuizSet.safeParse(raw);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  throw new Error(`${name}: ${first.path.join('.') || '(root)'}: ${first.message}`);
}
