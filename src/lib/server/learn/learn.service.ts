import type { Locale } from '../../i18n';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import type { TEventBus } from '../youth/event-bus';
import { loadPublishedLearnContent, publishedLearnContent } from '../content/content.published';
import type { LearnContent, TLearnPage } from './learn.content';
import * as repo from './learn.repository';

/** The site path of a learning page (or the list) in a language. */
export function learnPath(locale: Locale, slug?: string): string {
  return `${locale === 'en' ? '/en' : ''}/learn${slug ? `/${slug}` : ''}`;
}

/** What the public learning pages read: the database and the bus that announces publishes. */
export type TLearnCtx = { db: DB; bus: TEventBus };

/**
 * Rebuilds the search index from the published pages when they changed (idempotent; called at start
 * and after every publish).
 * Every slug is indexed for both reader languages: a missing translation is indexed from the text
 * that exists, so a reader finds the page they will be shown.
 */
export async function syncLearnIndex(db: DB, given?: LearnContent, now = new Date()) {
  const content = given ?? (await loadPublishedLearnContent(db));
  const rows = (['nb', 'en'] as const).flatMap((locale) =>
    content.pages(locale).map((p) => ({
      slug: p.slug,
      locale,
      content_locale: p.locale,
      title: p.title,
      summary: p.summary,
      body: p.text,
      content_hash: p.hash,
      indexed_at: now.toISOString()
    }))
  );
  const key = (r: { slug: string; locale: string; content_hash: string }) => `${r.slug}|${r.locale}|${r.content_hash}`;
  const existing = new Set((await repo.indexedPages(db)).map(key));
  if (existing.size === rows.length && rows.every((r) => existing.has(key(r))))
    return { changed: false, pages: rows.length };
  await db.transaction().execute((trx) => repo.replaceIndex(trx, rows));
  return { changed: true, pages: rows.length };
}

/** The published pages in reading order for a reader language. */
export async function listLearnPages(ctx: TLearnCtx, locale: Locale): Promise<TLearnPage[]> {
  return (await publishedLearnContent(ctx)).pages(locale);
}

/** One published page for a reader, with the content it was read from; a 404 when the slug is unknown. */
export async function getLearnPage(
  ctx: TLearnCtx,
  slug: string,
  locale: Locale
): Promise<{ page: TLearnPage; content: LearnContent }> {
  const content = await publishedLearnContent(ctx);
  const page = content.page(slug, locale);
  if (!page) throw new AppError('not_found', 'learn.error.notFound');
  return { page, content };
}

/** The words of a query, as search terms: letters and digits only, lower case, at most 8. */
export function searchTerms(q: string): string[] {
  return [
    ...new Set(
      (
        q
          .normalize('NFC')
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? []
      ).filter((t) => t.length >= 2)
    )
  ].slice(0, 8);
}

export interface TSnippetPart {
  text: string;
  mark?: true;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** True when a word matches a search term: it begins with the term, or is the term less a short ending. */
function isHit(word: string, terms: string[]): boolean {
  const w = word.toLowerCase();
  return terms.some((t) => w.startsWith(t) || (w.length >= 4 && w.length >= t.length - 3 && t.startsWith(w)));
}

/**
 * The passage of `text` around the first word that matches, about `maxWords` words long, split into
 * plain and matched parts (rendered without {@html}); "…" where the text was cut. Made here rather than
 * by the database so both databases give the same snippet.
 */
export function buildSnippet(text: string, terms: string[], maxWords = 30): TSnippetPart[] {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length === 0) return [];
  const first = words.findIndex((m) => (m[0].match(WORD) ?? []).some((w) => isHit(w, terms)));
  const start = first <= 8 ? 0 : first - 8;
  const end = Math.min(words.length, start + maxWords);
  const from = words[start].index;
  const last = words[end - 1];
  const passage = text.slice(from, last.index + last[0].length);
  const parts: TSnippetPart[] = [];
  const plain = (t: string) => {
    if (!t) return;
    const prev = parts.at(-1);
    if (prev && !prev.mark) prev.text += t;
    else parts.push({ text: t });
  };
  if (start > 0) plain('… ');
  let at = 0;
  for (const m of passage.matchAll(WORD)) {
    if (!isHit(m[0], terms)) continue;
    plain(passage.slice(at, m.index));
    parts.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  plain(passage.slice(at));
  if (end < words.length) plain(' …');
  return parts;
}

export interface TLearnHit {
  slug: string;
  title: string;
  summary: string;
  url: string;
  snippet: TSnippetPart[];
}

/** The body's passage around a match, or the summary's when only the title or summary matched. */
function snippetFor(row: repo.TSearchRow, terms: string[]): TSnippetPart[] {
  const body = buildSnippet(row.body, terms);
  return body.some((p) => p.mark) ? body : buildSnippet(row.summary, terms);
}

/** Searches the pages of one reader language. The query is already validated (ZLearnSearchQuery). */
export async function searchLearn(db: DB, q: string, locale: Locale, limit = 20): Promise<TLearnHit[]> {
  const terms = searchTerms(q);
  if (terms.length === 0)
    throw new AppError('validation', 'validation.summary', { fields: { q: 'learn.search.error.q' } });
  const rows = await repo.searchPages(db, locale, terms, limit);
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    url: learnPath(locale, r.slug),
    snippet: snippetFor(r, terms)
  }));
}
