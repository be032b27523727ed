import { z } from 'zod';
import type { MessageKey } from '../i18n';

/** The learning pages' API and search schemas. Messages are i18n keys. */
const m = (key: MessageKey) => ({ message: key });

/** A search: 2–100 characters with at least one letter or digit. */
export const ZLearnSearchQuery = z.object({
  q: z
    .string(m('learn.search.error.q'))
    .trim()
    .min(2, m('learn.search.error.q'))
    .max(100, m('learn.search.error.qLong'))
    .regex(/[\p{L}\p{N}]{2}/u, m('learn.search.error.q'))
});
export type TLearnSearchQuery = z.infer<typeof ZLearnSearchQuery>;

/** `?lang=` is read by every API route (apiLocale); documented here for the page routes. */
export const ZLearnLangQuery = z.object({ lang: z.enum(['nb', 'en']).optional() });

export const ZLearnSourceOut = z
  .object({
    number: z.number().int(),
    title: z.string(),
    publisher: z.string().optional(),
    url: z.string().optional(),
    date: z.string().optional(),
    note: z.string().optional()
  })
  .meta({ id: 'LearnSource' });

export const ZLearnPageSummary = z
  .object({
    slug: z.string(),
    locale: z.enum(['nb', 'en']).describe('The language the text is written in'),
    fallbackFrom: z
      .enum(['nb', 'en'])
      .optional()
      .describe('Set when no translation exists and the page is given in this other language'),
    title: z.string(),
    summary: z.string(),
    updated: z.string().describe('ISO date of the last revision'),
    url: z.string().describe('The page on the website')
  })
  .meta({ id: 'LearnPageSummary' });

export const ZLearnPageList = z.object({ data: z.array(ZLearnPageSummary) }).meta({ id: 'LearnPageList' });

export const ZLearnPage = ZLearnPageSummary.extend({
  html: z.string().describe('Sanitised HTML of the body; [n] links point to #source-n'),
  headings: z.array(z.object({ id: z.string(), text: z.string() })),
  sources: z.array(ZLearnSourceOut),
  related: z.array(z.object({ slug: z.string(), title: z.string() }))
}).meta({ id: 'LearnPage' });

export const ZSnippetPart = z.object({ text: z.string(), mark: z.literal(true).optional() });

export const ZLearnSearchResults = z
  .object({
    query: z.string(),
    locale: z.enum(['nb', 'en']),
    data: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        summary: z.string(),
        url: z.string(),
        snippet: z.array(ZSnippetPart).describe('The best passage; parts with mark=true matched the query')
      })
    )
  })
  .meta({ id: 'LearnSearchResults' });
