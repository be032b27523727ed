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

/**
 * The "new checklist (new sector)" form: sector id, the sector's names and what to start from. The id's
 * rules (pattern, reserved, taken) and the names' are the service's (content.checklist-new.ts), so each is
 * told beside its field; here only lengths are bounded.
 */
export const ZChecklistNewForm = z.object({
  id: z.string().trim().max(60, 'contentChecklist.error.newId').default(''),
  'title.nb': z.string().max(400, 'contentChecklist.error.name').default(''),
  'title.en': z.string().max(400, 'contentChecklist.error.name').default(''),
  start: z.string().trim().max(60, 'contentChecklist.error.start').default('empty')
});
