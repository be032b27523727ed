import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { isValidOrgNumber, normaliseOrgNumber } from './org-number';

/**
 * Field schemas shared by forms and the API. Error messages are i18n message keys; routes
 * translate them into the user's language (see `server/forms.ts`).
 */
const m = (key: MessageKey) => ({ message: key });

export const ZEmail = z
  .string(m('validation.required'))
  .trim()
  .toLowerCase()
  .min(1, m('validation.required'))
  .max(254, m('validation.tooLong'))
  .pipe(z.email(m('validation.email')));

export const ZPassword = z
  .string(m('validation.required'))
  .min(12, m('validation.passwordLength'))
  .max(256, m('validation.passwordLength'));

export const ZDisplayName = z
  .string(m('validation.required'))
  .trim()
  .min(1, m('validation.required'))
  .max(120, m('validation.tooLong'));

export const ZTotpCode = z
  .string(m('validation.totpCode'))
  .trim()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, m('validation.totpCode')));

export const ZOptionalTotpCode = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.union([z.literal(''), z.string().regex(/^\d{6}$/, m('validation.totpCode'))]))
  .optional()
  .default('');

export const ZOrgNumber = z
  .string()
  .trim()
  .transform(normaliseOrgNumber)
  .refine((s) => s === '' || isValidOrgNumber(s), m('validation.orgNumber'));

export const ZToken = z.string(m('validation.token')).regex(/^[A-Za-z0-9_-]{43}$/, m('validation.token'));

export const ZId = z.uuid(m('validation.invalid'));
