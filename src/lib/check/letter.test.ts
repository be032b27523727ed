import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLetter, letterMailto } from './letter';

const input = {
  companyName: 'Eksempel AS',
  orgNumber: '974760673',
  product: 'Bilvask på stasjonen i Storgata',
  senderName: '',
  senderEmail: ''
};

describe('buildLetter', () => {
  it('cites § 6 and § 7 in bokmål, names the company and the product, signs as a consumer', () => {
    const { subject, text } = buildLetter(input, 'nb');
    expect(subject).toBe('Forespørsel om informasjon etter åpenhetsloven § 6');
    expect(text).toContain('Til Eksempel AS');
    expect(text).toContain('Organisasjonsnummer: 974760673');
    expect(text).toContain('Bilvask på stasjonen i Storgata');
    expect(text).toContain('åpenhetsloven § 7');
    expect(text.trimEnd().endsWith('En forbruker')).toBe(true);
  });

  it('writes English with the sender when given, and leaves out an empty organisation number', () => {
    const { text } = buildLetter(
      { ...input, orgNumber: '', senderName: 'Kari', senderEmail: 'kari@example.org' },
      'en'
    );
    expect(text).toContain('section 6 of the Norwegian Transparency Act');
    expect(text).not.toContain('Organisation number');
    expect(text.trimEnd().endsWith('Kari\nkari@example.org')).toBe(true);
  });

  it('keeps whatever the user typed verbatim and round-trips through a mailto: link', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 200 }),
        (company, product) => {
          const letter = buildLetter({ ...input, companyName: company, product }, 'nb');
          expect(letter.text).toContain(product);
          const url = new URL(letterMailto(letter));
          expect(url.searchParams.get('body')).toBe(letter.text);
        }
      )
    );
  });
});
