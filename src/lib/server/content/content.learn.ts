import { stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import type { Locale } from '../../i18n';
import {
  LearnContent,
  renderDocument,
  splitFrontMatter,
  ZFrontMatter,
  type TLearnDocument
} from '../learn/learn.content';

/**
 * The learning page as a kind of content: its body is the front matter of `content/<locale>/<slug>.md`
 * plus the Markdown, validated by the same zod schema as the files, and rendered by the same renderer
 * as the public page.
 */
export const LEARN_KIND = 'learn_page';

export const ZLearnBody = ZFrontMatter.extend({ markdown: z.string() }).strict();
export type TLearnBody = z.infer<typeof ZLearnBody>;

/** The body with its keys in one order and empty optional fields dropped: equal content, equal JSON. */
export function normaliseLearnBody(body: TLearnBody): TLearnBody {
  const b = ZLearnBody.parse(body);
  return {
    title: b.title,
    summary: b.summary,
    updated: b.updated,
    sources: b.sources.map((s) => ({
      title: s.title,
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.date ? { date: s.date } : {}),
      ...(s.note ? { note: s.note } : {})
    })),
    related: b.related,
    markdown: b.markdown
  };
}

export function learnBodyJson(body: TLearnBody): string {
  return JSON.stringify(normaliseLearnBody(body));
}

export function parseLearnBody(json: string): TLearnBody {
  return normaliseLearnBody(JSON.parse(json) as TLearnBody);
}

/** The file text `content/<locale>/<slug>.md` for a body: YAML front matter, then the Markdown. */
export function learnFileText(body: TLearnBody): string {
  const { markdown, ...fm } = normaliseLearnBody(body);
  return `---\n${stringifyYaml(fm, { lineWidth: 0 })}---\n${markdown}`;
}

/** Parses a file's text into a body (throws naming `name` on bad front matter). */
export function learnBodyFromFile(name: string, raw: string): TLearnBody {
  const { data, body } = splitFrontMatter(name, raw);
  const fm = ZFrontMatter.safeParse(data);
  if (!fm.success) {
    const issue = fm.error.issues[0];
    throw new Error(`${name}: front matter field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return normaliseLearnBody({ ...fm.data, markdown: body });
}

/** Renders a body exactly as the public page does. */
export function renderLearnBody(slug: string, locale: Locale, body: TLearnBody): TLearnDocument {
  const { markdown, ...fm } = normaliseLearnBody(body);
  return renderDocument(`${locale}/${slug}`, locale, slug, fm, markdown);
}

/** The published pages as the public site reads them. */
export function learnContentFrom(rows: { key: string; locale: string; body: string }[]): LearnContent {
  return new LearnContent(rows.map((r) => renderLearnBody(r.key, r.locale as Locale, parseLearnBody(r.body))));
}
