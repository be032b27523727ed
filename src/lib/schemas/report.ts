import { z } from 'zod';
import type { MessageKey } from '../i18n';

/** Schemas of the Report module (forms and API). Messages are i18n keys. */
const m = (key: MessageKey) => ({ message: key });

export const REPORT_KINDS = ['sexual_exploitation', 'labour_exploitation', 'forced_crime', 'child', 'other'] as const;
export const REPORT_STATUSES = ['new', 'in_review', 'forwarded', 'referred', 'closed'] as const;
export type TReportStatus = (typeof REPORT_STATUSES)[number];

export const TEXT_MAX = 5000;
export const PLACE_MAX = 500;
export const CONTACT_MAX = 500;
export const MESSAGE_MAX = 5000;
export const NOTE_MAX = 2000;
export const INDICATORS_MAX = 40;

const slug = /^[a-z0-9][a-z0-9-]{0,60}$/;

export const ZReportKind = z.enum(REPORT_KINDS, m('report.error.kind'));
const ZOptionalSector = z
  .string()
  .trim()
  .max(60, m('validation.invalid'))
  .refine((s) => s === '' || slug.test(s), m('validation.invalid'))
  .default('');
/** Indicator ids, comma-separated (the form's checkboxes `ind_<id>` are folded into it). */
const ZIndicators = z
  .string()
  .max(3000, m('validation.tooLong'))
  .default('')
  .transform((s) => [...new Set(s.split(',').filter(Boolean))])
  .refine((a) => a.length <= INDICATORS_MAX && a.every((x) => slug.test(x)), m('validation.invalid'));

/** Folds checkboxes named `ind_<id>` into the comma-separated `indicators` field. */
function foldIndicators(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const input = raw as Record<string, unknown>;
  const ticked = Object.keys(input)
    .filter((k) => k.startsWith('ind_'))
    .map((k) => k.slice(4));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!k.startsWith('ind_')) out[k] = v;
  if (ticked.length)
    out.indicators = [typeof input.indicators === 'string' ? input.indicators : '', ...ticked].join(',');
  return out;
}

export const ZWhatStep = z.object({
  kind: ZReportKind,
  sector: ZOptionalSector,
  indicators: ZIndicators,
  text: z.string().trim().max(TEXT_MAX, m('report.error.textTooLong')).default('')
});

export const ZWhereStep = z.object({
  municipality: z.string(m('report.error.municipality')).regex(/^\d{4}$/, m('report.error.municipality')),
  place: z.string().trim().max(PLACE_MAX, m('report.error.placeTooLong')).default('')
});

export const ZWhoStep = z.object({
  identity: z.enum(['anonymous', 'contact'], m('report.error.identity')),
  contact: z.string().trim().max(CONTACT_MAX, m('report.error.contactTooLong')).default('')
});

/** The honeypot: a field people never see; a bot that fills it is refused quietly. */
export const HONEYPOT = 'homepage';

const ZReportObject = z.object({
  ...ZWhatStep.shape,
  ...ZWhereStep.shape,
  ...ZWhoStep.shape,
  [HONEYPOT]: z.string().max(200).default('')
});

function contactRule(r: { identity: string; contact: string }, ctx: z.RefinementCtx) {
  if (r.identity === 'contact' && r.contact === '') {
    ctx.addIssue({ code: 'custom', path: ['contact'], message: 'report.error.contactRequired' });
  }
}

/** A whole report, as the last step (or the API) sends it. */
export const ZReportSubmit = z.preprocess(foldIndicators, ZReportObject.superRefine(contactRule));
export type TReportSubmit = z.infer<typeof ZReportSubmit>;

/** Any step: what the reporter has entered so far (carried in hidden fields), checked loosely. */
export const ZReportDraft = z.preprocess(foldIndicators, ZReportObject.partial());

export const ZWhatForm = z.preprocess(foldIndicators, ZWhatStep);
export const ZWhoForm = ZWhoStep.superRefine(contactRule);

export const ZReceiptForm = z.object({
  receipt: z.string(m('report.error.receiptFormat')).max(80, m('report.error.receiptFormat'))
});

export const ZReporterReply = ZReceiptForm.extend({
  message: z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(MESSAGE_MAX, m('report.error.messageTooLong'))
});

export const ZStatusChange = z.object({
  status: z.enum(REPORT_STATUSES, m('report.error.status')),
  note: z.string().trim().max(NOTE_MAX, m('report.error.noteTooLong')).default('')
});

export const ZCaseMessage = z.object({
  message: z
    .string(m('validation.required'))
    .trim()
    .min(1, m('validation.required'))
    .max(MESSAGE_MAX, m('report.error.messageTooLong'))
});

export const ZRouteRuleForm = z
  .object({
    kind: ZReportKind,
    scope: z.enum(['municipality', 'county', 'national'], m('report.error.scope')),
    area: z.string().trim().max(4).default(''),
    organisationId: z.string(m('validation.required')).uuid(m('validation.invalid'))
  })
  .superRefine((r, ctx) => {
    const ok =
      (r.scope === 'national' && r.area === '') ||
      (r.scope === 'county' && /^\d{2}$/.test(r.area)) ||
      (r.scope === 'municipality' && /^\d{4}$/.test(r.area));
    if (!ok) ctx.addIssue({ code: 'custom', path: ['area'], message: 'report.error.area' });
  });

export const ZForwardForm = z.object({
  organisationId: z.string(m('report.forward.error.target')).uuid(m('report.forward.error.target')),
  access: z.enum(['keep', 'drop'], m('report.forward.error.access'))
});

/** Bounds of the retention settings, in days. */
export const RETENTION_MIN_DAYS = 7;
export const RETENTION_MAX_DAYS = 3650;
const ZDays = z.coerce
  .number(m('report.retention.error.days'))
  .int(m('report.retention.error.days'))
  .min(RETENTION_MIN_DAYS, m('report.retention.error.days'))
  .max(RETENTION_MAX_DAYS, m('report.retention.error.days'));

export const ZRetentionForm = z.object({
  organisationId: z.string(m('validation.required')).uuid(m('validation.invalid')),
  closedRetentionDays: ZDays,
  reporterRetentionDays: ZDays
});

export const ZRecoveryCreateForm = z.object({
  organisationId: z.string(m('validation.required')).uuid(m('validation.invalid'))
});

export const ZRecoveryUseForm = z.object({
  organisationId: z.string(m('report.recovery.error.none')).uuid(m('report.recovery.error.none')),
  userId: z.string(m('report.recovery.error.member')).uuid(m('report.recovery.error.member')),
  recoveryKey: z
    .string(m('report.recovery.error.wrong'))
    .trim()
    .min(1, m('validation.required'))
    .max(200, m('report.recovery.error.wrong'))
});

/** POST /api/v1/reports: the same fields and checks as the form, indicators as an array, no honeypot. */
export const ZReportApiBody = z
  .object({
    kind: ZReportKind,
    sector: ZOptionalSector,
    indicators: z
      .array(z.string().regex(slug, m('validation.invalid')), m('validation.invalid'))
      .max(INDICATORS_MAX, m('validation.invalid'))
      .default([])
      .describe('Warning-sign ids from the check checklists (GET /api/v1/checklists/{id})'),
    text: ZWhatStep.shape.text,
    ...ZWhereStep.shape,
    ...ZWhoStep.shape
  })
  .strict()
  .superRefine(contactRule)
  .meta({ id: 'ReportSubmit' });

/** The API body as the form's whole report (what submitReport takes). */
export function reportFromApi(body: z.infer<typeof ZReportApiBody>): TReportSubmit {
  return { ...body, indicators: [...new Set(body.indicators)], [HONEYPOT]: '' };
}
