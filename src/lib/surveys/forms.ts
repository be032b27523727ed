/** Form and API schemas of the survey module (messages are i18n keys). */
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { ageGroups, sexCodes } from './definition';

const m = (key: MessageKey) => ({ message: key });

export const waveMethods = ['online_panel', 'campaign_link', 'face_to_face', 'telephone', 'other'] as const;

export const ZQuota = z.object({
  sex: z.enum(sexCodes).optional(),
  age_group: z.enum(ageGroups.map((a) => a.code) as [string, ...string[]]).optional(),
  county: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  max: z.number().int().min(1).max(1_000_000)
});
export type TQuota = z.infer<typeof ZQuota>;
export const ZQuotas = z.array(ZQuota).max(200);

const ZDate = z.string(m('validation.required')).regex(/^\d{4}-\d{2}-\d{2}$/, m('surveys.error.date'));

export const ZSlug = z
  .string(m('validation.required'))
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, m('surveys.error.slug'))
  .max(80, m('validation.tooLong'));

/**
 * Quotas typed one per line as `sex=female age_group=16-24 county=03 max=100` (any of the three, and max).
 * A line that does not read is an error naming its number.
 */
export function parseQuotaLines(text: string): { ok: true; quotas: TQuota[] } | { ok: false; line: number } {
  const quotas: TQuota[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const q: Record<string, string | number> = {};
    for (const part of line.split(/\s+/)) {
      const [k, v] = part.split('=');
      if (!v || !['sex', 'age_group', 'county', 'max'].includes(k) || k in q) return { ok: false, line: i + 1 };
      q[k] = k === 'max' ? Number(v) : v;
    }
    const parsed = ZQuota.safeParse(q);
    if (!parsed.success) return { ok: false, line: i + 1 };
    quotas.push(parsed.data);
  }
  return { ok: true, quotas };
}

export function quotaLines(quotas: readonly TQuota[]): string {
  return quotas
    .map((q) =>
      [
        q.sex && `sex=${q.sex}`,
        q.age_group && `age_group=${q.age_group}`,
        q.county && `county=${q.county}`,
        `max=${q.max}`
      ]
        .filter(Boolean)
        .join(' ')
    )
    .join('\n');
}

export const ZWaveForm = z
  .object({
    name: z.string(m('validation.required')).trim().min(1, m('validation.required')).max(120, m('validation.tooLong')),
    opens_on: ZDate,
    closes_on: ZDate,
    target_n: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? undefined : Number(v)),
      z
        .number(m('surveys.error.wholeNumber'))
        .int(m('surveys.error.wholeNumber'))
        .min(1, m('surveys.error.outOfRange'))
        .max(10_000_000, m('surveys.error.outOfRange'))
        .optional()
    ),
    method: z.enum(waveMethods, m('validation.choose')),
    method_note_nb: z.string().trim().max(2000, m('validation.tooLong')).default(''),
    method_note_en: z.string().trim().max(2000, m('validation.tooLong')).default(''),
    quotas: z.union([z.string().max(20_000, m('validation.tooLong')), ZQuotas]).default([])
  })
  .transform((v, ctx) => {
    if (typeof v.quotas !== 'string') return { ...v, quotas: v.quotas };
    const r = parseQuotaLines(v.quotas);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['quotas'], message: 'surveys.error.quotaLine' });
      return z.NEVER;
    }
    return { ...v, quotas: r.quotas };
  });
export type TWaveForm = z.output<typeof ZWaveForm>;

export const ZLinkForm = z.object({
  source_code: z
    .string()
    .trim()
    .max(60, m('validation.tooLong'))
    .regex(/^[A-Za-z0-9_.-]*$/, m('surveys.error.sourceCode'))
    .default('')
    .transform((v) => v || null),
  kind: z.enum(['open', 'panel'], m('validation.choose')),
  tokens: z.preprocess(
    (v) => (v === '' || v === undefined ? 0 : Number(v)),
    z
      .number(m('surveys.error.wholeNumber'))
      .int(m('surveys.error.wholeNumber'))
      .min(0, m('surveys.error.outOfRange'))
      .max(5000, m('surveys.error.outOfRange'))
  )
});

export const ZNewSurveyForm = z.object({
  slug: ZSlug,
  title_nb: z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(200, m('validation.tooLong')),
  title_en: z.string(m('validation.required')).trim().min(1, m('validation.required')).max(200, m('validation.tooLong'))
});

export const ZSectionForm = z.object({
  title_nb: z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(200, m('validation.tooLong')),
  title_en: z.string(m('validation.required')).trim().min(1, m('validation.required')).max(200, m('validation.tooLong'))
});

export const ZPositionForm = z.object({
  section: z.coerce.number(m('validation.invalid')).int().min(0),
  index: z.coerce.number(m('validation.invalid')).int().min(0),
  by: z.enum(['-1', '1']).optional()
});
