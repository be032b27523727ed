import { error } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { isAppError } from '../errors';

/**
 * For a load's `catch`: an AppError becomes the HTTP error it stands for (404, 400…) with its message in the
 * page's language — a load that let it through would answer 500. Anything else is a real failure: rethrown.
 */
export function rethrowAsHttpError(e: unknown, locale: Locale): never {
  if (isAppError(e)) error(e.status, { message: translate(locale, e.message, e.params), code: e.code });
  throw e;
}

/** Runs a page load so that a service's AppError (not found, bad input) answers its own status, not 500. */
export async function withHttpErrors<T>(locale: Locale, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    rethrowAsHttpError(e, locale);
  }
}
