import { describe, expect, it } from 'vitest';
import { helpContacts, helpFigures, helpSources } from './help.facts';
import { helpFingerprints, helpTextFor, helpTexts, rawHelpTexts } from './help.content';
import { keyDifferences } from './help.core';
import { helpKeys, helpLanguages, placeholdersOf, ZHelpText } from './help.text';
import { nb } from './texts/nb';

/** The languages issue 14 asks for, at least. */
const required = ['nb', 'en', 'pl', 'lt', 'ro', 'bg', 'uk', 'es', 'ar', 'ti', 'so', 'vi', 'th'];

describe('the help texts', () => {
  it('cover every language the page must offer, each named in its own script', () => {
    const codes = helpLanguages.map((l) => l.code);
    for (const code of required) expect(codes).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(helpLanguages.find((l) => l.code === 'ar')?.endonym).toBe('العربية');
    expect(helpLanguages.find((l) => l.code === 'ti')?.endonym).toMatch(/^[\u1200-\u137F]+$/);
    expect(helpLanguages.find((l) => l.code === 'th')?.endonym).toMatch(/^[\u0E00-\u0E7F]+$/);
    expect(helpLanguages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
  });

  it.each(helpLanguages.map((l) => l.code))('%s has every key of the bokmål text, and no other', (code) => {
    expect(keyDifferences(nb, rawHelpTexts[code])).toEqual({ missing: [], extra: [] });
    for (const key of helpKeys) expect(rawHelpTexts[code][key].trim(), `${code}.${key}`).not.toBe('');
  });

  it.each(helpLanguages.map((l) => l.code))(
    '%s holds no number or address of its own, and the same placeholders as bokmål',
    (code) => {
      for (const key of helpKeys) {
        const value = rawHelpTexts[code][key];
        expect(value.replace(/\{\w+\}/g, '').replace(/\bA4\b/g, ''), `${code}.${key}`).not.toMatch(/[0-9]/);
        expect(value, `${code}.${key}`).not.toMatch(/https?:|www\./);
        expect(placeholdersOf(value), `${code}.${key}`).toEqual(placeholdersOf(nb[key]));
      }
    }
  );

  it('the schema refuses a text with a missing key, a typed-in number or a lost placeholder', () => {
    const missing: Record<string, string> = { ...rawHelpTexts.pl };
    delete missing.heading;
    expect(ZHelpText.safeParse(missing).success).toBe(false);
    expect(ZHelpText.safeParse({ ...rawHelpTexts.pl, contactEmergency: 'Zadzwoń pod 112.' }).success).toBe(false);
    expect(ZHelpText.safeParse({ ...rawHelpTexts.pl, reflectionText: 'sześć miesięcy' }).success).toBe(false);
    expect(ZHelpText.safeParse({ ...rawHelpTexts.pl, extra: 'x' }).success).toBe(false);
    expect(ZHelpText.safeParse(rawHelpTexts.pl).success).toBe(true);
  });

  it('fills the figures from the one facts file in every language', () => {
    for (const { code } of helpLanguages) {
      const text = helpTextFor(code)!.text;
      expect(text.reflectionText, code).toContain(String(helpFigures.months));
      expect(text.lawyerBefore, code).toContain(String(helpFigures.hours));
      expect(text.contactShelter, code).toContain(String(helpFigures.age));
      expect(text.statusReviewed, code).toContain('{name}');
    }
    expect(helpTextFor('xx')).toBeNull();
  });

  it('has the sourced contacts: 112, ROSA 22 33 11 60, police 02800, Arbeidstilsynet’s tip form', () => {
    expect(helpContacts.map((c) => [c.id, c.phone ?? c.web])).toEqual([
      ['emergency', '112'],
      ['rosa', '22 33 11 60'],
      ['police', '02800'],
      ['labour', 'https://www.arbeidstilsynet.no/kontakt-oss/tips/']
    ]);
    for (const c of helpContacts) expect(c.source).toMatch(/^https?:\/\//);
    for (const urls of Object.values(helpSources)) expect(urls.length).toBeGreaterThan(0);
  });

  it('gives each language its own fingerprint, and every validated text is the raw one', () => {
    expect(new Set(Object.values(helpFingerprints)).size).toBe(helpLanguages.length);
    for (const { code } of helpLanguages) expect(helpTexts[code]).toEqual(rawHelpTexts[code]);
  });
});
