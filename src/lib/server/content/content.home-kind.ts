import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Locale, MessageKey } from '../../i18n';
import { en } from '../../i18n/en';
import { nb } from '../../i18n/nb';
import type { Executor } from '../db/schema';
import type { TContentKind } from './content.kind';
import { CONTENT_TOPIC } from './content.published';
import { sanitiseMarkdown } from './content.sanitise';

/**
 * The home page's short texts as a kind of content: one item per (text, language); the key is the
 * dictionary key the page used before (`home.lead`, `check.home.description`, …), which stays the
 * fallback and the seed. Plain text (the page shows it as written; raw HTML is removed and the editor
 * told), with a length limit per text so the cards keep their layout.
 */
export const HOME_KIND = 'home_text';
const homeLocales = ['nb', 'en'] as const;

/**
 * The texts an editor may change, with the longest each may be (characters). The lead and intro, the
 * three "ways" and each module card's short text; not the titles, navigation, emergency or legal texts.
 */
export const homeTextLimits = {
  'home.lead': 300,
  'home.intro': 300,
  'home.ways.signs.body': 220,
  'home.ways.report.body': 220,
  'home.ways.measure.body': 220,
  'learn.home.description': 200,
  'check.home.description': 200,
  'report.home.description': 200,
  'youth.home.description': 200,
  'buyers.home.description': 200,
  'ap.home.description': 200,
  'stats.home.description': 200,
  'directory.home.body': 200,
  'help.home.text': 200,
  'surveys.home.description': 200,
  'campaigns.home.description': 200
} as const satisfies Partial<Record<MessageKey, number>>;

export type THomeTextKey = keyof typeof homeTextLimits;
export const homeTextKeys = Object.keys(homeTextLimits) as THomeTextKey[];
export const isHomeTextKey = (k: string): k is THomeTextKey => k in homeTextLimits;

/** A home text: one short plain-text paragraph. The limit per text is checked with its key (`checkHomeText`). */
export const ZHomeBody = z.strictObject({
  text: z
    .string('content.field.required')
    .trim()
    .min(1, 'content.field.required')
    .max(300, 'contentHome.error.tooLong')
    .refine((s) => !/[\r\n]/.test(s), { message: 'contentHome.error.oneParagraph' })
});
export type THomeBody = z.infer<typeof ZHomeBody>;

/** What the checks beyond the schema find: HTML removed (and reported), the text's own length limit. */
export function checkHomeText(key: string, body: THomeBody) {
  const { markdown, removed } = sanitiseMarkdown(typeof body?.text === 'string' ? body.text : '');
  const text = markdown.replace(/\s+/g, ' ').trim();
  const fields: Record<string, MessageKey> = {};
  if (!isHomeTextKey(key)) fields.text = 'content.error.notFound';
  else if (text.length === 0) fields.text = 'content.field.required';
  else if (text.length > homeTextLimits[key]) fields.text = 'contentHome.error.tooLong';
  else if (!ZHomeBody.safeParse({ text }).success) fields.text = 'validation.invalid';
  return { body: { text }, removed, fields };
}

/** The seed: each text as the dictionaries hold it. */
export function homeSeed(): { key: string; locale: string; body: THomeBody }[] {
  const dict = { nb, en } as Record<Locale, Record<string, string>>;
  return homeTextKeys.flatMap((key) =>
    homeLocales.map((locale) => ({ key, locale, body: { text: dict[locale][key] } }))
  );
}

/** Every `<dir>/home/<locale>/<key>.txt` of a known text; throws naming the file on a broken one. */
export function readHomeFiles(dir: string): { key: string; locale: string; body: THomeBody }[] {
  const out: { key: string; locale: string; body: THomeBody }[] = [];
  for (const locale of homeLocales) {
    const folder = resolve(dir, 'home', locale);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const key = file.slice(0, -4);
      const name = `home/${locale}/${file}`;
      if (!isHomeTextKey(key)) throw new Error(`${name}: "${key}" is not one of the home page's texts`);
      const checked = checkHomeText(key, { text: readFileSync(resolve(folder, file), 'utf8').trim() });
      const problems = Object.values(checked.fields);
      if (problems.length > 0 || checked.removed.length > 0)
        throw new Error(
          `${name}: ${problems.join(', ') || 'holds HTML'} (at most ${homeTextLimits[key]} characters, plain text)`
        );
      out.push({ key, locale, body: ZHomeBody.parse(checked.body) });
    }
  }
  return out;
}

function addMonths(d: Date, months: number): string {
  const x = new Date(d.getTime());
  x.setUTCMonth(x.getUTCMonth() + months);
  return x.toISOString().slice(0, 10);
}

/** The published home texts of one language, by key (a text without a published version is absent). */
export async function loadPublishedHomeTexts(db: Executor, locale: Locale): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select(['i.key', 'v.body'])
    .where('i.kind', '=', HOME_KIND)
    .where('i.locale', '=', locale)
    .where('v.state', '=', 'published')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.key, ZHomeBody.parse(JSON.parse(r.body)).text]));
}

export const homeKind: TContentKind<THomeBody> = {
  id: HOME_KIND,
  schema: ZHomeBody,
  locales: homeLocales,
  keyPattern: /^[a-z][a-zA-Z0-9.]{2,60}$/,
  toJson: (body) => JSON.stringify(ZHomeBody.parse(body)),
  fromJson: (json) => ZHomeBody.parse(JSON.parse(json)),
  seedDir: () => resolve('src/lib/i18n'),
  // The dictionaries are compiled into the app: the seed does not depend on the working directory.
  seedFiles: homeSeed,
  readFiles: readHomeFiles,
  filePath: (key, locale) => `home/${locale}/${key}.txt`,
  fileText: (body) => `${body.text}\n`,
  title: (body) => (body.text.length > 60 ? `${body.text.slice(0, 57)}…` : body.text),
  sources: () => [],
  reviewBy: (_body, now) => addMonths(now, 12),
  check: async (_db, key, _locale, body) => checkHomeText(key, body),
  publishBody: async (_trx, _key, body) => body,
  afterPublish: async (ctx) => {
    // The home page reads the published texts per request: nothing cached to drop; tell listeners anyway.
    ctx.bus.publish(CONTENT_TOPIC, HOME_KIND);
  }
};
