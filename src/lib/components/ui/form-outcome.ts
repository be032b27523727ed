/**
 * What a form action hands back to its page (`fail(…, { message, errors, values })` or `{ saved }`):
 * a success message, a message for the whole form, one message per field, and the values sent.
 */
export type TFormOutcome = {
  saved?: string;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
};
