import type { validation as nb } from '../nb/validation';

export const validation: Record<keyof typeof nb, string> = {
  'validation.summary': 'The form has errors. Please correct the marked fields.',
  'validation.required': 'Please fill in this field.',
  'validation.invalid': 'This value is not valid.',
  'validation.tooLong': 'The text is too long.',
  'validation.email': 'Enter a valid e-mail address, such as name@example.com.',
  'validation.passwordLength': 'The password must have at least 12 and at most 256 characters.',
  'validation.passwordMismatch': 'The passwords do not match.',
  'validation.totpCode': 'The code has six digits.',
  'validation.orgNumber': 'The organisation number must have nine digits and a valid check digit.',
  'validation.choose': 'Choose one of the options.',
  'validation.token': 'The link is not valid.',
  'validation.notAForm': 'The request must be sent as a form.',
  'validation.nul': 'The text contains a character that cannot be stored (the NUL character).',
  'validation.notJson': 'The request must be valid JSON.',
  'validation.tooLarge': 'The request is too large.',
  'validation.refused':
    'Part of what was sent cannot be stored or searched for, for example a number that is too large or a character that is not allowed. Correct it and try again.',
  'validation.unicode': 'The text contains a character that cannot be stored (invalid Unicode).',
  'validation.numberTooLarge': 'The number is too large.',
  'validation.wholeNumber': 'Enter a whole number.'
};
