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

/**
 * The largest value of a database `integer` (PostgreSQL's int4): a number typed into a form or a query that
 * is compared with or stored in such a column must stay below it, or PostgreSQL refuses the query (SQLite
 * does not), so every such schema says `.max(MAX_DB_INT, …)` with a message (issue 11).
 */
export const MAX_DB_INT = 2_147_483_647;

/**
 * A calendar date YYYY-MM-DD that both databases store and read back as the same day: a real day (no 30
 * February) from year 1000 — PostgreSQL's timestamptz refuses year 0000 (valid ISO 8601 and SQLite text), and
 * reads years below 100 back as 19xx through JavaScript's legacy date parsing (db/connect.ts), so the
 * first thousand years, which no date in this app needs, are left out.
 */
export const isStorableDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  s >= '1000-01-01' &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().endsWith(`${s}T00:00:00.000Z`);
