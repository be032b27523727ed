import { z } from 'zod';
import type { MessageKey } from '../i18n';

const m = (key: MessageKey) => ({ message: key });

/**
 * The text fields of a material upload (issue 8): a title, and for an image its text alternative in bokmål
 * and English (the service requires both once the file is known to be an image). Messages are i18n keys.
 */
export const ZMaterialUploadFields = z.object({
  title: z
    .string(m('campaigns.materials.error.title'))
    .trim()
    .min(1, m('campaigns.materials.error.title'))
    .max(200, m('validation.tooLong')),
  altNb: z.string().trim().max(500, m('validation.tooLong')).default(''),
  altEn: z.string().trim().max(500, m('validation.tooLong')).default('')
});
export type TMaterialUploadFields = z.infer<typeof ZMaterialUploadFields>;

/** The remove form: the file's id. */
export const ZMaterialRemove = z.object({ fileId: z.uuid(m('campaigns.materials.error.notFound')) });

/** A material file in the campaign API: its public address and what a reader needs before opening it. */
export const ZMaterialFileApi = z.object({
  id: z.string(),
  title: z.string(),
  alt_nb: z.string().nullable().describe("The image's text alternative in bokmål; null for a PDF"),
  alt_en: z.string().nullable(),
  content_type: z.enum(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']),
  bytes: z.number().describe('Size in bytes'),
  sha256: z.string().describe('Lower-case hex SHA-256 of the file (also its ETag)'),
  url: z.string().describe('The public address of the file (relative to the site)')
});
