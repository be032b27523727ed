import { z } from 'zod';
import type { TApiOperation } from '../api/openapi';
import type { THelpLanguageSummary, THelpPage } from './help.service';

const ZReview = z
  .object({ reviewerName: z.string(), reviewedAt: z.string().describe('ISO-8601 UTC') })
  .nullable()
  .describe('The last check by a native speaker, also when it no longer holds (needs_review)');

export const ZApiHelpLanguage = z
  .object({
    code: z.string().describe('BCP 47 language code'),
    endonym: z.string().describe('The language’s name in its own script'),
    englishName: z.string(),
    dir: z.enum(['ltr', 'rtl']),
    status: z
      .enum(['source', 'unreviewed', 'reviewed', 'needs_review'])
      .describe(
        'source: written from the sources (nb, en); unreviewed: translated, not yet checked by a native speaker; reviewed; needs_review: the texts changed since the last check'
      ),
    lastReview: ZReview,
    page: z.string().describe('Path of the language’s page'),
    card: z.string().describe('Path of the printable contact card')
  })
  .meta({ id: 'HelpLanguage' });

export const ZApiHelpLanguageList = z.object({ data: z.array(ZApiHelpLanguage) }).meta({ id: 'HelpLanguageList' });

export const ZApiHelpContact = z
  .object({
    id: z.enum(['emergency', 'rosa', 'police', 'labour']),
    phone: z.string().nullable(),
    tel: z.string().nullable().describe('Digits for a tel: link'),
    web: z.string().nullable(),
    source: z.string().describe('Where the number or address was found')
  })
  .meta({ id: 'HelpContact' });

export const ZApiHelpPage = z
  .object({
    data: ZApiHelpLanguage.extend({
      text: z
        .record(z.string(), z.string())
        .describe('The page’s texts by key; {name} and {date} in statusReviewed are the reviewer and the date'),
      updatedAt: z
        .string()
        .nullable()
        .describe('ISO-8601 UTC: when the text was published in the content studio (null: the built-in text)'),
      contacts: z.array(ZApiHelpContact),
      figures: z.record(z.string(), z.number()),
      sources: z.record(z.string(), z.array(z.string())).describe('Source links for each section')
    })
  })
  .meta({ id: 'HelpPage' });

export const ZApiHelpUnknown = z
  .object({
    message: z.string(),
    code: z.literal('not_found'),
    languages: z.array(ZApiHelpLanguage).describe('The languages there are')
  })
  .meta({ id: 'HelpUnknownLanguage' });

export function toApiHelpLanguage(l: THelpLanguageSummary): z.infer<typeof ZApiHelpLanguage> {
  return {
    code: l.code,
    endonym: l.endonym,
    englishName: l.englishName,
    dir: l.dir,
    status: l.status,
    lastReview: l.lastReview ? { reviewerName: l.lastReview.reviewerName, reviewedAt: l.lastReview.reviewedAt } : null,
    page: `/help/${l.code}`,
    card: `/help/${l.code}/card`
  };
}

export function toApiHelpPage(p: THelpPage): z.infer<typeof ZApiHelpPage> {
  return {
    data: {
      ...toApiHelpLanguage(p),
      text: p.text,
      updatedAt: p.updatedAt,
      contacts: [...p.contacts],
      figures: { ...p.figures },
      sources: Object.fromEntries(Object.entries(p.sources).map(([k, v]) => [k, [...v]]))
    }
  };
}

export const helpOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/help/languages',
    summary: 'Help in your language: the languages, each named in its own script, with its review status',
    tags: ['help'],
    response: ZApiHelpLanguageList
  },
  {
    method: 'get',
    path: '/api/v1/help/{lang}',
    summary:
      'Help in your language: one language’s page (signs, rights, contacts, sources) as JSON; an unknown code answers 404 with the language list',
    tags: ['help'],
    response: ZApiHelpPage,
    example: { params: { lang: 'pl' } }
  }
];
