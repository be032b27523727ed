import type { Messages } from './nb';
import { shell } from './en/shell';
import { auth } from './en/auth';
import { admin } from './en/admin';
import { validation } from './en/validation';
import { check } from './en/check';
import { directory } from './en/directory';
import { statistics } from './en/statistics';
import { help } from './en/help';

/** English: every key of `nb.ts`, checked by the compiler. */
export const en: Messages = {
  ...shell,
  ...auth,
  ...admin,
  ...validation,
  ...check,
  ...directory,
  ...statistics,
  ...help
};
