import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale, MessageKey } from '../../i18n';
import { contentDir } from '../learn/learn.content';
import { syncLearnIndex } from '../learn/learn.service';
import type { TContentKind } from './content.kind';
import {
  LEARN_KIND,
  learnBodyFromFile,
  learnBodyJson,
  learnFileText,
  parseLearnBody,
  renderLearnBody,
  ZLearnBody,
  type TLearnBody
} from './content.learn';
import { announcePublish, loadPublishedLearnContent } from './content.published';
import { sanitiseMarkdown } from './content.sanitise';

const learnLocales = ['nb', 'en'] as const;
const slugPattern = /^[a-z][a-z0-9-]{1,60}$/;

/** Every `<dir>/<locale>/<slug>.md` as a body (throws naming the file on a broken one). */
export function readLearnFiles(dir: string): { slug: string; locale: Locale; body: TLearnBody }[] {
  const out: { slug: string; locale: Locale; body: TLearnBody }[] = [];
  for (const locale of learnLocales) {
    const folder = resolve(dir, locale);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const slug = file.slice(0, -3);
      if (!slugPattern.test(slug)) throw new Error(`${locale}/${file}: the file name must be a lower-case slug`);
      out.push({
        slug,
        locale,
        body: learnBodyFromFile(`${locale}/${file}`, readFileSync(resolve(folder, file), 'utf8'))
      });
    }
  }
  return out;
}

/** Adds a number of months to a YYYY-MM-DD date. */
function addMonths(from: string, months: number): string {
  const d = new Date(`${from.slice(0, 10)}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Checks what the form schema cannot: raw HTML (removed and reported), references to sources, links
 * to checklists, related pages that exist. Returns the cleaned body and the rendered page.
 */
export async function checkLearnBody(
  db: Parameters<TContentKind['check']>[0],
  slug: string,
  locale: Locale,
  body: TLearnBody
) {
  const { markdown, removed } = sanitiseMarkdown(body.markdown);
  const clean = { ...body, markdown };
  const fields: Record<string, MessageKey> = {};
  const known = new Set(
    (await db.selectFrom('content_item').select('key').where('kind', '=', LEARN_KIND).execute()).map((r) => r.key)
  );
  if (clean.related.some((r) => !known.has(r) || r === slug)) fields.related = 'content.error.related';
  let rendered: ReturnType<typeof renderLearnBody> | null = null;
  try {
    rendered = renderLearnBody(slug, locale, clean);
  } catch {
    fields.markdown = 'content.error.render';
  }
  return { body: clean, removed, rendered, fields };
}

/** Learning pages (`content/<locale>/<slug>.md`): the first kind of the studio. */
export const learnKind: TContentKind<TLearnBody> = {
  id: LEARN_KIND,
  schema: ZLearnBody,
  locales: learnLocales,
  keyPattern: slugPattern,
  // `/admin/content/learn/new` creates a page; `search` is kept free for the public list's search.
  reservedKeys: ['new', 'search'],
  toJson: learnBodyJson,
  fromJson: parseLearnBody,
  seedDir: contentDir,
  readFiles: (dir) => readLearnFiles(dir).map((f) => ({ key: f.slug, locale: f.locale, body: f.body })),
  filePath: (key, locale) => `${locale}/${key}.md`,
  fileText: learnFileText,
  title: (body) => body.title,
  sources: (body) => body.sources,
  reviewBy: (body) => addMonths(body.updated, 12),
  check: async (db, key, locale, body) => {
    const r = await checkLearnBody(db, key, locale as Locale, body);
    return { body: r.body, removed: r.removed, fields: r.fields };
  },
  publishBody: async (_trx, _key, body, at) => ({ ...body, updated: at.slice(0, 10) }),
  afterPublish: async (ctx) => {
    // A publish shows at once: drop caches (every instance, via the bus), rebuild the search index.
    announcePublish(ctx);
    await syncLearnIndex(ctx.db, await loadPublishedLearnContent(ctx.db));
  }
};
