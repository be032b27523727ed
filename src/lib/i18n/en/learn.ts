import type { learn as nb } from '../nb/learn';

export const learn: Record<keyof typeof nb, string> = {
  'learn.nav': 'Learn',
  'learn.home.title': 'Learn about human trafficking',
  'learn.home.description':
    'What human trafficking is, where it happens in Norway, the signs, the law, the figures and what you can do.',
  'learn.title': 'Learn about human trafficking',
  'learn.lead':
    'Short pages on what human trafficking is, where it happens in Norway and what you can do. Every claim has a source.',
  'learn.pages.title': 'The pages',
  'learn.search.title': 'Search the pages',
  'learn.search.label': 'Search words',
  'learn.search.button': 'Search',
  'learn.search.results': 'Results for “{q}”: {count}',
  'learn.search.none': 'No page contains “{q}”. Try another word, or read the pages below.',
  'learn.search.error.q': 'Write at least two letters or digits.',
  'learn.search.error.qLong': 'Write at most 100 characters.',
  'learn.error.notFound': 'Page not found.',
  'learn.error.notFound.title': 'Page not found',
  'learn.error.notFound.body':
    'There is no such learning page. Search for what you were looking for, or choose a page.',
  'learn.page.updated': 'Last updated',
  'learn.page.toc': 'On this page',
  'learn.page.sources': 'Sources',
  'learn.page.related': 'Read also',
  'learn.page.all': 'All learning pages',
  'learn.page.fallback': 'This page has not been translated into English yet. You are reading the Norwegian text.'
};
