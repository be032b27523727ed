import { z } from 'zod';

/**
 * The address part of the content studio's "new learning page" form; the page's fields are the editor's
 * (ZLearnEditForm). The slug's rules (pattern, reserved, taken) are the service's, so each is told beside
 * the field; here only its length is bounded.
 */
export const ZLearnNewForm = z.object({
  slug: z.string().trim().min(1, 'content.field.required').max(100, 'content.field.tooLong'),
  locale: z.enum(['nb', 'en'], 'contentCreate.error.locale')
});
export type TLearnNewForm = z.infer<typeof ZLearnNewForm>;

/** The prefill query of the "new learning page" form (the other language of an existing page). */
export const ZLearnNewQuery = z.object({
  slug: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  locale: z.enum(['nb', 'en']).optional().catch(undefined)
});
