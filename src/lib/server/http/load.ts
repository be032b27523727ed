import { error } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { isAppError } from '../errors';
import { refusedInputError } from './refused-input';

/**
 * For a load's `catch`: an AppError (or input the database refused: 400) becomes the HTTP error it stands for (404, 400…) with its message in the
 * page's language — a load that let it through would answer 500. Anything else is a real failure: rethrown.
 */
export function rethrowAsHttpError(e: unknown, locale: Locale): never {
  const err = isAppError(e) ? e : refusedInputError(e, null);
  if (err) error(err.status, { message: translate(locale, err.message, err.params), code: err.code });
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
