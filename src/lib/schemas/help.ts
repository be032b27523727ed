import { z } from 'zod';

/** Marking a translation reviewed: the language, and the fingerprint of the version the editor read. */
export const ZHelpReviewForm = z.object({
  lang: z.string().regex(/^[a-z]{2,3}$/, { message: 'help.error.unknownLanguage' }),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { message: 'validation.invalid' })
});
export type THelpReviewForm = z.infer<typeof ZHelpReviewForm>;

/** A language code in a path. */
export const ZHelpLang = z.string().regex(/^[a-z]{2,3}$/);
