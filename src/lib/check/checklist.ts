import { z } from 'zod';

/**
 * A sector checklist as data (data/checklists/<id>.json), validated at load. Shared by the server and
 * the browser: scoring runs on the same definition in both.
 */
export const levels = ['low', 'some', 'strong'] as const;
export type TLevel = (typeof levels)[number];
export const answerValues = ['yes', 'no', 'unknown'] as const;
export type TAnswer = (typeof answerValues)[number];

const slug = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a lower-case slug (a-z, 0-9, -)');
const ZText = z.object({ nb: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const ZSourceRefs = z.array(slug).min(1, 'every fact needs at least one source');

/** The ILO's 11 indicators of forced labour (2012 booklet), by number. */
export const iloIndicators = {
  1: 'abuse of vulnerability',
  2: 'deception',
  3: 'restriction of movement',
  4: 'isolation',
  5: 'physical and sexual violence',
  6: 'intimidation and threats',
  7: 'retention of identity documents',
  8: 'withholding of wages',
  9: 'debt bondage',
  10: 'abusive working and living conditions',
  11: 'excessive overtime'
} as const;

export const ZIndicator = z
  .object({
    id: slug,
    text: ZText,
    /** The ILO forced-labour indicators this sign points to (1–11); empty for a Norwegian legal check. */
    ilo: z.array(z.number().int().min(1).max(11)),
    sources: ZSourceRefs
  })
  .strict();

export const ZQuestion = z
  .object({
    id: slug,
    text: ZText,
    why: ZText,
    /** The answer that is a warning sign: most questions ask "is X the case?" (yes), some "did you get Y?" (no). */
    riskAnswer: z.enum(['yes', 'no']),
    indicators: z.array(slug).min(1),
    weight: z.number().int().min(1).max(10),
    /** Alone enough for "strong signs" (for example a child working). */
    strong: z.boolean().default(false),
    sources: ZSourceRefs
  })
  .strict();

export const ZAdvice = z
  .object({
    id: slug,
    text: ZText,
    /** Shown at these levels… */
    levels: z.array(z.enum(levels)).min(1),
    /** …or only when one of these questions got its risk answer or "don't know" (empty: always at the levels). */
    questions: z.array(slug).default([]),
    sources: z.array(slug).default([])
  })
  .strict();

export const ZSource = z
  .object({
    id: slug,
    title: z.string().trim().min(1),
    /** Who published it (the content studio's structured field; older files name it in the title). */
    publisher: z.string().trim().min(1).optional(),
    /** Omitted only for a printed source (the seed report), named in full in the title. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** When it was published: a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD). */
    date: z
      .string()
      .regex(/^[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
      .optional()
  })
  .strict();

export const ZInfoSection = z
  .object({ id: slug, title: ZText, body: z.array(ZText).min(1), sources: ZSourceRefs })
  .strict();

export const ZChecklist = z
  .object({
    id: slug,
    version: z.number().int().min(1),
    /** Position in the sector list. */
    order: z.number().int().min(0),
    /** "checklist" is scored; "information" (buying sex) has no score, only information and the hand-off. */
    kind: z.enum(['checklist', 'information']),
    title: ZText,
    summary: ZText,
    intro: ZText,
    indicators: z.array(ZIndicator),
    questions: z.array(ZQuestion).max(40),
    /** "Don't know" counts this fraction of a question's weight (0 = nothing, never more than the risk answer). */
    dontKnowFactor: z.number().min(0).max(1).default(0),
    /** Score at or above which the level is "some signs" / "strong signs". */
    thresholds: z.object({ some: z.number().int().min(1), strong: z.number().int().min(1) }).strict(),
    advice: z.array(ZAdvice),
    sections: z.array(ZInfoSection).default([]),
    /** A question about the organisation number: the form offers an optional number field checked with MOD11. */
    orgNumberQuestion: slug.optional(),
    sources: z.array(ZSource).min(1)
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (ids: string[], path: string) =>
      ids.forEach((id, i) => ids.indexOf(id) !== i && issue([path, i, 'id'], `duplicate id "${id}"`));
    unique(
      c.indicators.map((x) => x.id),
      'indicators'
    );
    unique(
      c.questions.map((x) => x.id),
      'questions'
    );
    unique(
      c.advice.map((x) => x.id),
      'advice'
    );
    unique(
      c.sources.map((x) => x.id),
      'sources'
    );
    // The public page keys its parts by id.
    unique(
      c.sections.map((x) => x.id),
      'sections'
    );
    const indicatorIds = new Set(c.indicators.map((x) => x.id));
    const questionIds = new Set(c.questions.map((x) => x.id));
    const sourceIds = new Set(c.sources.map((x) => x.id));
    const checkSources = (refs: string[], path: (string | number)[]) =>
      refs.forEach((s, i) => !sourceIds.has(s) && issue([...path, i], `unknown source "${s}"`));
    c.indicators.forEach((x, i) => checkSources(x.sources, ['indicators', i, 'sources']));
    c.questions.forEach((q, i) => {
      checkSources(q.sources, ['questions', i, 'sources']);
      q.indicators.forEach(
        (id, j) => !indicatorIds.has(id) && issue(['questions', i, 'indicators', j], `unknown indicator "${id}"`)
      );
    });
    c.advice.forEach((a, i) => {
      checkSources(a.sources, ['advice', i, 'sources']);
      a.questions.forEach(
        (id, j) => !questionIds.has(id) && issue(['advice', i, 'questions', j], `unknown question "${id}"`)
      );
    });
    if (c.orgNumberQuestion && !questionIds.has(c.orgNumberQuestion))
      issue(['orgNumberQuestion'], `unknown question "${c.orgNumberQuestion}"`);
    c.sections.forEach((s, i) => checkSources(s.sources, ['sections', i, 'sources']));
    if (c.thresholds.strong < c.thresholds.some) issue(['thresholds', 'strong'], 'must be ≥ thresholds.some');
    if (c.kind === 'checklist' && c.questions.length === 0) issue(['questions'], 'a scored checklist needs questions');
    if (c.kind === 'information' && c.questions.length > 0)
      issue(['questions'], 'an information page has no questions');
    const used = new Set(c.questions.flatMap((q) => q.indicators));
    c.indicators.forEach((x, i) => !used.has(x.id) && issue(['indicators', i, 'id'], `indicator "${x.id}" is unused`));
  });

export type TChecklist = z.output<typeof ZChecklist>;
export type TQuestion = TChecklist['questions'][number];
export type TIndicator = TChecklist['indicators'][number];
export type TAdvice = TChecklist['advice'][number];
export type TText = { nb: string; en: string };

/** "questions.3.why.en: Invalid input" — the first problems of a checklist, naming each field. */
export function describeChecklistIssues(error: z.ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Validates a checklist file's content; throws an Error naming the file and the fields at fault. */
export function parseChecklist(file: string, raw: unknown): TChecklist {
  const result = ZChecklist.safeParse(raw);
  if (!result.success) throw new Error(`${file}: ${describeChecklistIssues(result.error)}`);
  const expected = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (result.data.id !== expected) throw new Error(`${file}: id: must be "${expected}" (the file's name)`);
  return result.data;
}
