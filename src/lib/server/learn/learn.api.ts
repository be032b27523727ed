import type { Locale } from '../../i18n';
import {
  ZLearnLangQuery,
  ZLearnPage,
  ZLearnPageList,
  ZLearnSearchQuery,
  ZLearnSearchResults
} from '../../schemas/learn';
import type { TApiOperation } from '../api/openapi';
import type { LearnContent, TLearnPage } from './learn.content';
import { learnPath } from './learn.service';

/** The learning pages' API (read only, no personal data). `lang=` picks the reader language. */
export const learnOperations: TApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/learn/pages',
    summary: 'The learning pages, in reading order; a page without a translation comes in the other language',
    tags: ['learn'],
    query: ZLearnLangQuery,
    response: ZLearnPageList
  },
  {
    method: 'get',
    path: '/api/v1/learn/pages/{slug}',
    summary: 'One learning page: sanitised HTML, headings, numbered sources, related pages; 404 for an unknown slug',
    tags: ['learn'],
    query: ZLearnLangQuery,
    response: ZLearnPage,
    example: { params: { slug: 'what-is-trafficking' } }
  },
  {
    method: 'get',
    path: '/api/v1/learn/search',
    summary: 'Full-text search of the learning pages in one language, best first, with highlighted snippets',
    tags: ['learn'],
    query: ZLearnSearchQuery.extend(ZLearnLangQuery.shape),
    response: ZLearnSearchResults,
    example: { query: { q: 'tvangsarbeid', lang: 'nb' } }
  }
];

/** A page's summary as the API and the list page give it. */
export function pageSummary(p: TLearnPage, reader: Locale) {
  return {
    slug: p.slug,
    locale: p.locale,
    ...(p.fallbackFrom ? { fallbackFrom: p.fallbackFrom } : {}),
    title: p.title,
    summary: p.summary,
    updated: p.updated,
    url: learnPath(reader, p.slug)
  };
}

/** A whole page for the API and the page route. */
export function pageView(p: TLearnPage, reader: Locale, content: LearnContent) {
  return {
    ...pageSummary(p, reader),
    html: p.html,
    headings: p.headings,
    sources: p.sources.map((s, i) => ({ number: i + 1, ...s })),
    related: p.related.map((slug) => ({ slug, title: content.page(slug, reader)?.title ?? slug }))
  };
}
