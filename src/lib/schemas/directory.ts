import { z } from 'zod';
import { isStorableDate } from './fields';
import type { MessageKey } from '../i18n';

/** The directory's vocabularies and its form and API schemas. Messages are i18n keys. */
const m = (key: MessageKey) => ({ message: key });
/** A web address a visitor can follow: http or https only (a `javascript:` or `data:` URL is refused). */
const webUrl = () => z.url({ protocol: /^https?$/, ...m('directory.error.url') });

/** Lightup's chain of work: prevention → intelligence (detection, investigation, punishment) → victim follow-up. */
export const chainLinks = ['prevention', 'intelligence', 'victim_follow_up'] as const;
export const serviceTypes = ['public_agency', 'police', 'ngo', 'shelter', 'helpline', 'municipal_service'] as const;
export const exploitationKinds = ['labour', 'sexual', 'forced_crime', 'begging', 'organ_removal'] as const;
/** Sectors named as exposed by Kripos (2018) and targeted by Arbeidstilsynet (2024), research note §8. */
export const sectors = [
  'construction',
  'cleaning',
  'car_care',
  'agriculture',
  'fish_processing',
  'aquaculture',
  'hospitality',
  'taxi',
  'hairdressing_beauty',
  'grocery',
  'seasonal_work',
  'prostitution'
] as const;
export const targetGroups = ['women', 'men', 'children', 'adults'] as const;
export const channelKinds = ['phone', 'sms', 'web_form', 'email', 'walk_in', 'chat', 'other'] as const;
export const channelPurposes = ['emergency', 'tip', 'advice', 'report', 'contact'] as const;
export const availabilities = ['always', 'hours', 'unknown'] as const;
export const anonymities = ['possible', 'not_possible', 'unknown'] as const;
export const verifications = ['verified', 'unverified'] as const;
export const coverageLevels = ['national', 'county', 'police_district', 'municipality'] as const;

export type TChainLink = (typeof chainLinks)[number];
export type TServiceType = (typeof serviceTypes)[number];
export type TChannelKind = (typeof channelKinds)[number];
export type TCoverageLevel = (typeof coverageLevels)[number];

/** A language code (ISO 639-1, or 639-3 when there is none). */
export const ZLanguageCode = z.string().regex(/^[a-z]{2,3}$/, m('directory.error.language'));
/** A target group: one of the fixed groups, or `nationality:XX` with an ISO 3166 alpha-2 code. */
export const ZTargetGroup = z.union([
  z.enum(targetGroups),
  z.string().regex(/^nationality:[A-Z]{2}$/, m('directory.error.target'))
]);

const optionalText = (max: number) => z.string().trim().max(max, m('validation.tooLong')).optional();

/** The search form and `GET /api/v1/organisations`. Empty values mean "any". */
/** An optional choice from a list, where "" means any. */
const anyOf = <const T extends readonly string[]>(values: T) =>
  z.enum(['', ...values] as ['', ...T], m('validation.choose')).optional();

export const ZDirectorySearch = z.object({
  municipality: optionalText(100).describe('A municipality number (4 digits) or name; Sami/Kven double names work'),
  link: anyOf(chainLinks).describe('Link of the chain'),
  sector: anyOf(sectors),
  exploitation: anyOf(exploitationKinds),
  target: z
    .union([z.literal(''), ZTargetGroup])
    .optional()
    .describe('women, men, children, adults or nationality:XX'),
  language: z
    .union([z.literal(''), ZLanguageCode])
    .optional()
    .describe('ISO 639-1 language code, e.g. en, pl'),
  channel: anyOf([...channelKinds, 'always'] as const).describe(
    'A channel kind, or "always" for open around the clock'
  ),
  q: optionalText(100).describe('Name or description contains this text')
});
export type TDirectorySearch = z.infer<typeof ZDirectorySearch>;

/** The contact guide: each step posts the answers so far (plain forms, no JavaScript needed). */
export const ZGuideAnswers = z.object({
  danger: z.enum(['yes', 'no'], m('validation.choose')).optional(),
  child: z.enum(['yes', 'no', 'unsure'], m('validation.choose')).optional(),
  about: z.enum(['work', 'sex', 'other', 'unsure'], m('validation.choose')).optional(),
  anonymous: z.enum(['yes', 'no'], m('validation.choose')).optional(),
  municipality: optionalText(100)
});
export type TGuideAnswers = z.infer<typeof ZGuideAnswers>;

/** Codes as staff write them: `national`, `county:03`, `police_district:Oslo politidistrikt`, `municipality:0301`. */
export const ZCoverageCode = z
  .string()
  .trim()
  .regex(/^(national|county:\d{2}|municipality:\d{4}|police_district:.{2,80})$/, m('directory.error.coverage'));

export const ZChannelInput = z.object({
  kind: z.enum(channelKinds, m('validation.choose')),
  purpose: z.enum(channelPurposes, m('validation.choose')),
  value: z.string().trim().max(300, m('validation.tooLong')).default(''),
  labelNb: z.string().trim().min(1, m('validation.required')).max(200, m('validation.tooLong')),
  labelEn: z.string().trim().min(1, m('validation.required')).max(200, m('validation.tooLong')),
  availability: z.enum(availabilities, m('validation.choose')),
  hoursNb: z.string().trim().max(300, m('validation.tooLong')).default(''),
  hoursEn: z.string().trim().max(300, m('validation.tooLong')).default(''),
  anonymity: z.enum(anonymities, m('validation.choose')),
  verification: z.enum(verifications, m('validation.choose')),
  noteNb: z.string().trim().max(1000, m('validation.tooLong')).default(''),
  noteEn: z.string().trim().max(1000, m('validation.tooLong')).default('')
});
export type TChannelInput = z.infer<typeof ZChannelInput>;

/** A whole directory entry, as the staff form, the CSV import and the seed give it. */
export const ZEntryInput = z.object({
  name: z.string().trim().min(1, m('validation.required')).max(200, m('validation.tooLong')),
  serviceType: z.enum(serviceTypes, m('validation.choose')),
  summaryNb: z.string().trim().min(1, m('validation.required')).max(4000, m('validation.tooLong')),
  summaryEn: z.string().trim().min(1, m('validation.required')).max(4000, m('validation.tooLong')),
  notDoneNb: z.string().trim().max(2000, m('validation.tooLong')).default(''),
  notDoneEn: z.string().trim().max(2000, m('validation.tooLong')).default(''),
  website: z.union([z.literal(''), webUrl().max(500, m('validation.tooLong'))]).default(''),
  links: z.array(z.enum(chainLinks, m('directory.error.link'))).default([]),
  sectors: z.array(z.enum(sectors, m('directory.error.sector'))).default([]),
  exploitation: z.array(z.enum(exploitationKinds, m('directory.error.exploitation'))).default([]),
  targets: z.array(ZTargetGroup).default([]),
  languages: z.array(ZLanguageCode).default([]),
  coverage: z.array(ZCoverageCode).min(1, m('directory.error.coverageRequired')),
  channels: z.array(ZChannelInput).max(20, m('validation.tooLong')).default([]),
  verification: z.enum(verifications, m('validation.choose')),
  verificationNoteNb: z.string().trim().max(2000, m('validation.tooLong')).default(''),
  verificationNoteEn: z.string().trim().max(2000, m('validation.tooLong')).default(''),
  // A day both databases store and read back (isStorableDate; issue 11).
  verifiedAt: z
    .union([z.literal(''), z.iso.date(m('directory.error.date')).refine(isStorableDate, m('directory.error.date'))])
    .default(''),
  sourceUrl: webUrl().max(500, m('validation.tooLong')),
  sourceNote: z.string().trim().max(1000, m('validation.tooLong')).default(''),
  published: z.enum(['yes', 'no'], m('validation.choose')).default('yes')
});
export type TEntryInput = z.infer<typeof ZEntryInput>;

const splitList = (s: string) =>
  s
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The staff edit form: lists arrive as text with one item per line or separated by semicolons
 * (checkbox groups are joined the same way by the route).
 */
export const ZEntryForm = z.preprocess(
  (input) => {
    const f = (input ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
    // Checkbox groups post one field per choice, named `group:value`.
    const checked = (group: string) =>
      Object.keys(f)
        .filter((k) => k.startsWith(`${group}:`))
        .map((k) => k.slice(group.length + 1));
    return {
      ...f,
      website: text('website').trim(),
      verifiedAt: text('verifiedAt').trim(),
      sourceUrl: text('sourceUrl').trim(),
      links: [...splitList(text('links')), ...checked('links')],
      sectors: [...splitList(text('sectors')), ...checked('sectors')],
      exploitation: [...splitList(text('exploitation')), ...checked('exploitation')],
      targets: splitList(text('targets')),
      languages: splitList(text('languages')).map((l) => l.toLowerCase()),
      coverage: splitList(text('coverage')),
      published: text('published') === 'yes' ? 'yes' : 'no'
    };
  },
  ZEntryInput.omit({ channels: true })
);
export type TEntryForm = z.infer<typeof ZEntryForm>;

export const ZChannelForm = ZChannelInput;
export const ZChannelRemoveForm = z.object({ channelId: z.uuid(m('validation.invalid')) });

export const ZCsvImportForm = z.object({
  csv: z.string().min(1, m('directory.error.csvEmpty')).max(2_000_000, m('validation.tooLarge')),
  confirm: z.enum(['yes', 'no']).default('no')
});

export const ZLicenceForm = z.object({
  licence: z.string().trim().min(1, m('validation.required')).max(200, m('validation.tooLong')),
  licenceUrl: webUrl().max(500, m('validation.tooLong'))
});

export const ZCoverageQuery = z.object({
  county: z
    .string()
    .regex(/^\d{2}$/, m('validation.invalid'))
    .optional()
    .describe('Two-digit county number; the whole country when left out')
});
