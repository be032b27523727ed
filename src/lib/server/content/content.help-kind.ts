import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { translate, type MessageKey } from '../../i18n';
import { MAX_DB_INT } from '../../schemas/fields';
import type { Executor } from '../db/schema';
import { helpTexts } from '../help/help.content';
import { findHelpLanguage, helpKeys, helpLanguages, helpTextField, ZHelpText, type THelpText } from '../help/help.text';
import type { TContentKind } from './content.kind';
import { CONTENT_TOPIC } from './content.published';

/**
 * Help-page translations as a kind of content: one item per language (key = the language code, locale
 * `mul`: the item's language is its key). The body is the language's whole text set, validated by the
 * same schema as the files (`ZHelpText`, made from the keys and placeholders of `help/texts/nb.ts`).
 * The files `src/lib/server/help/texts/<code>.ts` are the seed (built into the app) and the export
 * format: `content:export` writes `help/texts/<code>.ts` in the same shape, `content:import` reads it.
 */
export const HELP_KIND = 'help_page';
export const HELP_LOCALE = 'mul';

/** The text with its keys in the bokmål file's order: equal content, equal JSON. */
export function helpBodyJson(text: THelpText): string {
  const parsed = ZHelpText.parse(text) as THelpText;
  return JSON.stringify(Object.fromEntries(helpKeys.map((k) => [k, parsed[k]])));
}

export function parseHelpBody(json: string): THelpText {
  return ZHelpText.parse(JSON.parse(json)) as THelpText;
}

/** A revision or base number as a form sends it (0 for "none yet"). */
export const ZVersionNumber = z.coerce
  .number('validation.invalid')
  .int('validation.invalid')
  .min(0, 'validation.invalid')
  .max(MAX_DB_INT, 'validation.numberTooLarge');

/** The studio's form: every text of the language (each checked beside its field) and the version check. */
export const ZHelpEditForm = z.object({
  ...(Object.fromEntries(helpKeys.map((k) => [k, helpTextField(k)])) as Record<string, z.ZodType<string>>),
  revision: ZVersionNumber,
  base: ZVersionNumber
});

/** The text of a parsed form, in the bokmål file's key order. */
export function helpTextOfForm(data: Record<string, unknown>): THelpText {
  return Object.fromEntries(helpKeys.map((k) => [k, String(data[k])])) as THelpText;
}

// ---- the file format: a TypeScript module of string literals, as src/lib/server/help/texts/<code>.ts ----

/** A string literal as Prettier writes it: single quotes unless the text holds more of them than double. */
function literal(s: string): string {
  const singles = (s.match(/'/g) ?? []).length;
  const doubles = (s.match(/"/g) ?? []).length;
  const q = singles > doubles ? '"' : "'";
  const escaped = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(q, 'g'), `\\${q}`);
  return `${q}${escaped}${q}`;
}

/** The file `help/texts/<code>.ts` for a language's text (the layout and shape of the repository's files). */
export function helpFileText(text: THelpText, code: string): string {
  const language = findHelpLanguage(code);
  const lines = helpKeys.map((k) => {
    const one = `  ${k}: ${literal(text[k])},`;
    return one.length <= 120 ? one : `  ${k}:\n    ${literal(text[k])},`;
  });
  const body = lines.join('\n');
  if (code === 'nb')
    return (
      '/**\n * Bokmål: the source text of the help page (exported from the content studio). Every other\n' +
      ' * language has exactly these keys. No numbers or addresses here: {months}, {hours} and {age} come from\n' +
      ' * help.facts.ts, and the contacts are shown from there.\n */\n' +
      `export const nb = {\n${body}\n} as const;\n`
    );
  return (
    "import type { THelpText } from '../help.text';\n\n" +
    `/** ${language?.englishName ?? code}: exported from the content studio. */\n` +
    `export const ${code}: THelpText = {\n${body}\n};\n`
  );
}

/** The value of a string literal's inside (the escapes a Prettier-formatted file holds). */
function unescape(inner: string): string {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = inner[++i];
    if (n === 'n') out += '\n';
    else if (n === 't') out += '\t';
    else if (n === 'r') out += '\r';
    else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(inner.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(inner.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += n ?? '';
  }
  return out;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Reads a help text file: `export const <code>[: THelpText] = { key: 'text', … }[ as const];` with string
 * literals only (no code is run). Throws naming the file and line on anything else, and the key and the
 * rule on a text the schema refuses.
 */
export function parseHelpFile(name: string, text: string, code: string): THelpText {
  const head = /export const ([a-z]{2,3})(?:\s*:\s*THelpText)?\s*=\s*\{/.exec(text);
  if (!head) throw new Error(`${name}: no "export const ${code} = {" found`);
  if (head[1] !== code) throw new Error(`${name}: exports "${head[1]}", the file name says "${code}"`);
  const entry = /\s*(?:\/\/[^\n]*\n\s*)*([A-Za-z_$][\w$]*)\s*:\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*(,?)/y;
  const end = /\s*\}\s*(?:as\s+const\s*)?;?\s*$/y;
  const out: Record<string, string> = {};
  let at = head.index + head[0].length;
  for (;;) {
    end.lastIndex = at;
    if (end.test(text)) break;
    entry.lastIndex = at;
    const m = entry.exec(text);
    if (!m) throw new Error(`${name}:${lineOf(text, at)}: expected \`key: 'text',\` (only string literals are read)`);
    if (m[1] in out) throw new Error(`${name}:${lineOf(text, at)}: the key "${m[1]}" appears twice`);
    out[m[1]] = unescape(m[2].slice(1, -1));
    at = m.index + m[0].length;
    if (!m[3]) {
      end.lastIndex = at;
      if (!end.test(text)) throw new Error(`${name}:${lineOf(text, at)}: expected "," or "}"`);
      break;
    }
  }
  const parsed = ZHelpText.safeParse(out);
  if (!parsed.success)
    throw new Error(
      `${name}: ${parsed.error.issues
        .map((i) => `${i.path.join('.') || '(text)'}: ${translate('en', i.message as MessageKey)}`)
        .join('; ')}`
    );
  return parsed.data as THelpText;
}

/** Every `<dir>/help/texts/<code>.ts` of a known language; throws naming the file on a broken one. */
export function readHelpFiles(dir: string): { key: string; locale: string; body: THelpText }[] {
  const folder = resolve(dir, 'help', 'texts');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((file) => {
      const code = file.slice(0, -3);
      const name = `help/texts/${file}`;
      if (!findHelpLanguage(code)) throw new Error(`${name}: "${code}" is not one of the help languages`);
      return {
        key: code,
        locale: HELP_LOCALE,
        body: parseHelpFile(name, readFileSync(resolve(folder, file), 'utf8'), code)
      };
    });
}

function addMonths(d: Date, months: number): string {
  const x = new Date(d.getTime());
  x.setUTCMonth(x.getUTCMonth() + months);
  return x.toISOString().slice(0, 10);
}

/** The published text of each help language with its publish time; a language without one falls back to its file. */
export async function loadPublishedHelp(
  db: Executor,
  codes?: string[]
): Promise<Map<string, { text: THelpText; publishedAt: string | null }>> {
  let q = db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select(['i.key', 'v.body', 'v.published_at'])
    .where('i.kind', '=', HELP_KIND)
    .where('v.state', '=', 'published');
  if (codes) q = q.where('i.key', 'in', codes);
  const rows = await q.execute();
  const out = new Map<string, { text: THelpText; publishedAt: string | null }>();
  for (const r of rows) out.set(r.key, { text: parseHelpBody(r.body), publishedAt: r.published_at });
  for (const code of codes ?? helpLanguages.map((l) => l.code))
    if (!out.has(code) && helpTexts[code]) out.set(code, { text: helpTexts[code], publishedAt: null });
  return out;
}

/** The schema's verdict as the studio shows it: one message key per text in error (a service-level guard). */
export function checkHelpBody(body: THelpText) {
  const r = ZHelpText.safeParse(body);
  if (r.success) return { body: r.data as THelpText, removed: [], fields: {} };
  const fields: Record<string, MessageKey> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'text')] ??= issue.message as MessageKey;
  return { body, removed: [], fields };
}

export const helpKind: TContentKind<THelpText> = {
  id: HELP_KIND,
  schema: ZHelpText as unknown as z.ZodType<THelpText>,
  locales: [HELP_LOCALE],
  keyPattern: /^[a-z]{2,3}$/,
  toJson: helpBodyJson,
  fromJson: parseHelpBody,
  seedDir: () => resolve(process.env.FOREBYGG_SRC_DIR ?? 'src/lib/server'),
  // The files are compiled into the app, so the seed does not depend on the working directory.
  seedFiles: () => helpLanguages.map((l) => ({ key: l.code, locale: HELP_LOCALE, body: helpTexts[l.code] })),
  readFiles: readHelpFiles,
  filePath: (key) => `help/texts/${key}.ts`,
  fileText: (body, key) => helpFileText(body, key ?? 'nb'),
  title: (body) => body.heading,
  sources: () => [],
  reviewBy: (_body, now) => addMonths(now, 12),
  check: async (_db, _key, _locale, body) => checkHelpBody(body),
  publishBody: async (_trx, _key, body) => body,
  afterPublish: async (ctx) => {
    // The public pages read the published text per request: nothing cached to drop; tell listeners anyway.
    ctx.bus.publish(CONTENT_TOPIC, HELP_KIND);
  }
};
