import { z } from 'zod';
import { MAX_DB_INT } from './fields';

/**
 * The content studio's forms. Messages are i18n keys. The learning-page editor is one flat form: the
 * sources are numbered rows of fields (`s0_title`, `s0_publisher`, `s0_url`, `s0_date`, `s0_note`), so
 * each error lands beside its own field.
 */
export const MAX_SOURCES = 20;
export const sourceFieldNames = ['title', 'publisher', 'url', 'date', 'note'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'content.field.tooLong')
    .optional()
    .transform((v) => v || undefined);

const sourceShape = Object.fromEntries(
  Array.from({ length: MAX_SOURCES }, (_, i) =>
    sourceFieldNames.map((f) => [`s${i}_${f}`, text(f === 'note' ? 400 : 300)])
  ).flat()
) as Record<string, ReturnType<typeof text>>;

const slugRe = /^[a-z][a-z0-9-]{1,60}$/;
const dateRe = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const ZLearnEditForm = z
  .object({
    revision: z.coerce
      .number('validation.invalid')
      .int('validation.invalid')
      .min(0, 'validation.invalid')
      .max(MAX_DB_INT, 'validation.numberTooLarge'),
    base: z.coerce
      .number('validation.invalid')
      .int('validation.invalid')
      .min(0, 'validation.invalid')
      .max(MAX_DB_INT, 'validation.numberTooLarge'),
    title: z.string().trim().min(1, 'content.field.required').max(120, 'content.field.tooLong'),
    summary: z.string().trim().min(1, 'content.field.required').max(400, 'content.field.tooLong'),
    markdown: z.string().max(100_000, 'content.field.tooLong'),
    related: z.string().max(1000, 'content.field.tooLong').optional(),
    ...sourceShape
  })
  .superRefine((v, ctx) => {
    const row = (i: number, f: string) => (v as unknown as Record<string, string | undefined>)[`s${i}_${f}`];
    let count = 0;
    for (let i = 0; i < MAX_SOURCES; i++) {
      const any = sourceFieldNames.some((f) => row(i, f));
      if (!any) continue;
      count++;
      if (!row(i, 'title')) ctx.addIssue({ code: 'custom', path: [`s${i}_title`], message: 'content.source.title' });
      const url = row(i, 'url');
      if (url && !z.url({ protocol: /^https?$/ }).safeParse(url).success)
        ctx.addIssue({ code: 'custom', path: [`s${i}_url`], message: 'content.source.urlError' });
      const date = row(i, 'date');
      if (date && !dateRe.test(date))
        ctx.addIssue({ code: 'custom', path: [`s${i}_date`], message: 'content.source.dateError' });
    }
    if (count === 0) ctx.addIssue({ code: 'custom', path: ['s0_title'], message: 'content.source.atLeastOne' });
    const related = (v.related ?? '').split(/[\s,]+/).filter(Boolean);
    if (related.some((r) => !slugRe.test(r)))
      ctx.addIssue({ code: 'custom', path: ['related'], message: 'content.error.related' });
  })
  .transform((v) => {
    const row = (i: number, f: string) => (v as unknown as Record<string, string | undefined>)[`s${i}_${f}`];
    const sources = [];
    for (let i = 0; i < MAX_SOURCES; i++) {
      if (!sourceFieldNames.some((f) => row(i, f))) continue;
      sources.push({
        title: row(i, 'title')!,
        publisher: row(i, 'publisher'),
        url: row(i, 'url'),
        date: row(i, 'date'),
        note: row(i, 'note')
      });
    }
    return {
      revision: v.revision,
      base: v.base,
      title: v.title,
      summary: v.summary,
      // Line endings as the files have them: a browser posts \r\n.
      markdown: v.markdown.replace(/\r\n?/g, '\n'),
      related: [...new Set((v.related ?? '').split(/[\s,]+/).filter(Boolean))],
      sources
    };
  });
export type TLearnEditForm = z.infer<typeof ZLearnEditForm>;

export const ZContentVersionForm = z.object({
  number: z.coerce
    .number('validation.invalid')
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(MAX_DB_INT, 'validation.numberTooLarge')
});

export const ZContentSettingsForm = z.object({
  twoPersonReview: z.enum(['on', 'off'], 'validation.invalid'),
  sourceAgeYears: z.coerce
    .number('content.settings.years')
    .int('content.settings.years')
    .min(1, 'content.settings.years')
    .max(50, 'content.settings.years')
});

export const ZContentDiffQuery = z.object({
  from: z.coerce.number().int().min(1).max(MAX_DB_INT),
  to: z.coerce.number().int().min(1).max(MAX_DB_INT)
});
