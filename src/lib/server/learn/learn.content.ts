import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import sanitizeHtml from 'sanitize-html';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { TChecklist } from '../../check/checklist';
import type { Locale } from '../../i18n';
import { currentChecklists } from '../check/checklists';

/**
 * The learning pages: Markdown files in `content/<locale>/<slug>.md` with YAML front matter, validated
 * with zod when read (a broken file stops the start, naming the file and the field), rendered on the
 * server with markdown-it and sanitised with sanitize-html. Read once per process.
 */

/** The pages, in reading order. Other modules link to these slugs. */
export const learnSlugs = [
  'what-is-trafficking',
  'sectors',
  'indicators',
  'norway-framework',
  'facts-and-figures',
  'what-you-can-do'
] as const;

const slug = z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'must be a lower-case slug (a-z, 0-9, -)');

export const ZLearnSource = z
  .object({
    title: z.string().trim().min(1),
    /** Who published it (the content studio's structured field). */
    publisher: z.string().trim().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** When it was published: a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD). */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    /** Who published it and when, or what part of a document is meant. */
    note: z.string().trim().min(1).optional()
  })
  .strict();

export const ZFrontMatter = z
  .object({
    title: z.string().trim().min(1).max(120),
    summary: z.string().trim().min(1).max(400),
    updated: z.iso.date(),
    sources: z.array(ZLearnSource).min(1, 'every page needs at least one source'),
    related: z.array(slug).default([])
  })
  .strict();

export type TLearnSource = z.infer<typeof ZLearnSource>;
export type TFrontMatter = z.infer<typeof ZFrontMatter>;

export interface THeading {
  id: string;
  text: string;
}

/** One page in one language, as written. */
export interface TLearnDocument extends TFrontMatter {
  slug: string;
  locale: Locale;
  /** Sanitised HTML of the body. */
  html: string;
  /** The body as plain text (for search). */
  text: string;
  /** The body's second-level headings (for the table of contents). */
  headings: THeading[];
  hash: string;
}

/** A page as a reader in `locale` gets it: their language, or the other one with `fallbackFrom` set. */
export interface TLearnPage extends TLearnDocument {
  /** Set when the page is shown in another language than the reader's, because no translation exists. */
  fallbackFrom?: Locale;
}

/** Where the content lives: `content/` (FOREBYGG_CONTENT_DIR moves it). */
export function contentDir(): string {
  return resolve(process.env.FOREBYGG_CONTENT_DIR ?? 'content');
}

/** Splits `---\nyaml\n---\nbody`; throws when the front matter is missing. */
export function splitFrontMatter(name: string, raw: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${name}: the file must start with front matter between two --- lines`);
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch (e) {
    throw new Error(`${name}: the front matter is not valid YAML (${(e as Error).message})`, { cause: e });
  }
  return { data, body: m[2] };
}

/** A heading's anchor: lower case, letters (æøå kept) and digits, words joined by "-". */
export function slugifyHeading(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/[\s-]+/g, '-') || 'section'
  );
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.use(anchor, { slugify: slugifyHeading, level: [2, 3], tabIndex: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'blockquote',
    'code',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'br',
    'hr'
  ],
  allowedAttributes: { a: ['href'], h2: ['id'], h3: ['id'], h4: ['id'], th: ['scope'], sup: ['id'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false
};

/** Sanitises rendered HTML: only the tags and attributes a learning page needs. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/**
 * `{{checklists:N}}` (N = an ILO indicator, 1–11) becomes a list of links to the checklists that have a
 * warning sign pointing to that indicator, in the page's language.
 */
export function expandChecklistLinks(body: string, locale: Locale, checklists: TChecklist[], name: string): string {
  return body.replace(/\{\{checklists:(\d+)\}\}/g, (_m, n: string) => {
    const ilo = Number(n);
    if (!(ilo >= 1 && ilo <= 11)) throw new Error(`${name}: {{checklists:${n}}} must name an ILO indicator 1–11`);
    const using = checklists.filter((c) => c.indicators.some((i) => i.ilo.includes(ilo)));
    if (using.length === 0)
      return locale === 'en' ? '_No checklist uses it yet._' : '_Ingen sjekkliste bruker det ennå._';
    const prefix = locale === 'en' ? '/en' : '';
    const label = locale === 'en' ? 'Checklists that look for it:' : 'Sjekklister som ser etter det:';
    return `${label} ${using.map((c) => `[${c.title[locale]}](${prefix}/check/${c.id})`).join(', ')}.`;
  });
}

/**
 * `[^n]` is an inline reference to the n-th source of the front matter; it becomes a link to the
 * source list. A number beyond the list stops the start: a claim must not point to nothing.
 */
export function expandReferences(body: string, sourceCount: number, name: string): string {
  return body.replace(/\[\^(\d+)\]/g, (_m, n: string) => {
    const i = Number(n);
    if (i < 1 || i > sourceCount) throw new Error(`${name}: reference [^${n}] has no source ${n} in the front matter`);
    return `[[${i}]](#source-${i})`;
  });
}

/** Plain text of rendered HTML, for the search index. */
export function plainText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|h[1-6]|td|th|blockquote)>/g, ' $&'), {
    allowedTags: [],
    allowedAttributes: {}
  })
    .replace(/\s*\[\d+\]/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses, validates and renders one file. */
export function parseDocument(
  name: string,
  locale: Locale,
  slugName: string,
  raw: string,
  checklists: TChecklist[] = currentChecklists()
): TLearnDocument {
  const { data, body } = splitFrontMatter(name, raw);
  const fm = ZFrontMatter.safeParse(data);
  if (!fm.success) {
    const issue = fm.error.issues[0];
    throw new Error(`${name}: front matter field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return renderDocument(name, locale, slugName, fm.data, body, checklists);
}

/**
 * Renders validated front matter and a Markdown body into a page: the one renderer of the public
 * pages, the API and the content studio's preview. Throws (naming `name`) on a reference without a
 * source or a checklist link to no ILO indicator.
 */
export function renderDocument(
  name: string,
  locale: Locale,
  slugName: string,
  fm: TFrontMatter,
  body: string,
  checklists: TChecklist[] = currentChecklists()
): TLearnDocument {
  const source = expandReferences(expandChecklistLinks(body, locale, checklists, name), fm.sources.length, name);
  const html = sanitize(md.render(source).replace(/<a href="#source-(\d+)">\[\1\]<\/a>/g, '<sup>$&</sup>'))
    // Wide tables scroll inside their own box (focusable, so a keyboard can scroll it) at 200 % zoom.
    .replace(/<table>/g, '<div class="learn-table" tabindex="0"><table>')
    .replace(/<\/table>/g, '</table></div>');
  const headings = [...html.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g)].map(([, id, inner]) => ({
    id,
    text: plainText(inner)
  }));
  return {
    ...fm,
    slug: slugName,
    locale,
    html,
    text: plainText(html),
    headings,
    hash: createHash('sha256')
      .update(JSON.stringify([fm, body]))
      .digest('hex')
  };
}

/** Reads every `content/<locale>/<slug>.md`. */
export function readDocuments(dir = contentDir(), checklists?: TChecklist[]): TLearnDocument[] {
  const docs: TLearnDocument[] = [];
  for (const locale of ['nb', 'en'] as const) {
    const folder = resolve(dir, locale);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
      const slugName = file.slice(0, -3);
      const name = `content/${locale}/${file}`;
      if (!slug.safeParse(slugName).success) throw new Error(`${name}: the file name must be a lower-case slug`);
      docs.push(parseDocument(name, locale, slugName, readFileSync(resolve(folder, file), 'utf8'), checklists));
    }
  }
  if (docs.length === 0) throw new Error(`content: no learning pages in ${dir}`);
  for (const d of docs) {
    for (const r of d.related) {
      if (!docs.some((o) => o.slug === r))
        throw new Error(`content/${d.locale}/${d.slug}.md: related page "${r}" does not exist`);
    }
  }
  return docs;
}

/** The content as readers get it: every slug in every locale, falling back to the other language. */
export class LearnContent {
  readonly docs: TLearnDocument[];
  constructor(docs: TLearnDocument[]) {
    this.docs = docs;
  }

  /** Every slug, the known reading order first, then any other page alphabetically. */
  slugs(): string[] {
    const all = [...new Set(this.docs.map((d) => d.slug))];
    const order = (s: string) => {
      const i = (learnSlugs as readonly string[]).indexOf(s);
      return i === -1 ? learnSlugs.length : i;
    };
    return all.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  }

  /** The page for a reader in `locale`: their own language, else the other with `fallbackFrom`. */
  page(slugName: string, locale: Locale): TLearnPage | undefined {
    const own = this.docs.find((d) => d.slug === slugName && d.locale === locale);
    if (own) return own;
    const other = this.docs.find((d) => d.slug === slugName);
    return other ? { ...other, fallbackFrom: other.locale } : undefined;
  }

  pages(locale: Locale): TLearnPage[] {
    return this.slugs().map((s) => this.page(s, locale)!);
  }

  /** Pages that exist in one language only: `missing` is the language that lacks them. */
  missingTranslations(): { slug: string; missing: Locale }[] {
    const out: { slug: string; missing: Locale }[] = [];
    for (const s of this.slugs()) {
      for (const locale of ['nb', 'en'] as const) {
        if (!this.docs.some((d) => d.slug === s && d.locale === locale)) out.push({ slug: s, missing: locale });
      }
    }
    return out;
  }
}

let cache: LearnContent | undefined;

/** The learning pages, read once per process. */
export function learnContent(): LearnContent {
  cache ??= new LearnContent(readDocuments());
  return cache;
}
