import { translate, type Locale } from '../../i18n';
import type { TSessionUser } from '../auth/auth.types';
import type { DB } from '../db/schema';
import { helpLanguages } from '../help/help.text';
import { HELP_KIND } from './content.help-kind';
import { HOME_KIND, homeTextKeys } from './content.home-kind';
import { listKind } from './content.service';

/** The studio's list of help translations: one row per language, named in English, in the language choice's order. */
export async function helpStudioList(db: DB, actor: TSessionUser, reader: Locale) {
  const rows = await listKind(db, actor, HELP_KIND, reader);
  const order = helpLanguages.map((l) => l.code);
  return rows
    .map((r) => {
      const language = helpLanguages.find((l) => l.code === r.key);
      return { ...r, title: language ? `${language.englishName} (${language.code})` : r.key };
    })
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

/**
 * The studio's list of home texts: one row per text and language (its key names both, `home.lead/nb`, so
 * the list's link is the editor's path), in the order of the home page.
 */
export async function homeStudioList(db: DB, actor: TSessionUser, reader: Locale) {
  const rows = await listKind(db, actor, HOME_KIND, reader);
  const order = homeTextKeys as readonly string[];
  return rows
    .map((r) => ({
      ...r,
      key: `${r.key}/${r.status.locale}`,
      sort: order.indexOf(r.key) * 2 + (r.status.locale === 'en' ? 1 : 0),
      title: `${r.title} (${translate(reader, r.status.locale === 'en' ? 'content.language.en' : 'content.language.nb')})`
    }))
    .sort((a, b) => a.sort - b.sort);
}
