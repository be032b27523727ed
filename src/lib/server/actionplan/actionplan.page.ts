import { error } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { isAppError } from '../errors';

/** Runs a page load; a service's not_found becomes the 404 page in the visitor's language. */
export async function or404<T>(locale: Locale, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') error(404, { message: translate(locale, e.message), code: e.code });
    throw e;
  }
}
