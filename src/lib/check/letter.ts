import { translate, type Locale } from '../i18n';

export interface TLetterInput {
  companyName: string;
  orgNumber: string;
  product: string;
  senderName: string;
  senderEmail: string;
}

/**
 * The text of a request for information under åpenhetsloven § 6, in the letter's language (which may
 * differ from the page's). Pure: the same input gives the same letter; nothing is stored.
 */
export function buildLetter(input: TLetterInput, language: Locale): { subject: string; text: string } {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(language, key, params);
  const subject = t('check.letter.body.subject');
  const lines = [
    t('check.letter.body.to', { company: input.companyName }),
    ...(input.orgNumber ? [t('check.letter.body.orgNumber', { orgNumber: input.orgNumber })] : []),
    '',
    subject,
    '',
    t('check.letter.body.intro', { company: input.companyName }),
    '',
    input.product,
    '',
    t('check.letter.body.questions'),
    t('check.letter.body.q1'),
    t('check.letter.body.q2'),
    t('check.letter.body.q3'),
    '',
    t('check.letter.body.deadline'),
    '',
    t('check.letter.body.regards'),
    input.senderName || t('check.letter.body.anonymous'),
    ...(input.senderEmail ? [input.senderEmail] : [])
  ];
  return { subject, text: lines.join('\n') + '\n' };
}

/** A mailto: link with subject and body (no recipient: the user adds the company's address). */
export function letterMailto(letter: { subject: string; text: string }): string {
  return `mailto:?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letter.text)}`;
}
