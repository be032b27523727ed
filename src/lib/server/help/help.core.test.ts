import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillHelpText, helpFingerprint, keyDifferences, reviewState, type THelpReviewRecord } from './help.core';

const nb = { a: 'Hei', b: 'Ring {age}' };
const en = { a: 'Hi', b: 'Call {age}' };
const pl = { a: 'Cześć', b: 'Zadzwoń {age}' };

describe('helpFingerprint', () => {
  it('changes when the bokmål source, the English source or the translation changes', () => {
    const base = helpFingerprint({ nb, en }, pl);
    expect(helpFingerprint({ nb: { ...nb, a: 'Hallo' }, en }, pl)).not.toBe(base);
    expect(helpFingerprint({ nb, en: { ...en, a: 'Hello' } }, pl)).not.toBe(base);
    expect(helpFingerprint({ nb, en }, { ...pl, a: 'Dzień dobry' })).not.toBe(base);
  });

  it('does not change when only the order of keys changes', () => {
    expect(helpFingerprint({ nb: { b: nb.b, a: nb.a }, en }, pl)).toBe(helpFingerprint({ nb, en }, pl));
  });

  it('property: any change of one value in any of the three texts changes the fingerprint', () => {
    fc.assert(
      fc.property(fc.constantFrom('nb', 'en', 'text'), fc.constantFrom('a', 'b'), fc.string(), (which, key, value) => {
        const texts = { nb: { ...nb }, en: { ...en }, text: { ...pl } };
        fc.pre(texts[which][key] !== value);
        const before = helpFingerprint({ nb: texts.nb, en: texts.en }, texts.text);
        texts[which][key] = value;
        return helpFingerprint({ nb: texts.nb, en: texts.en }, texts.text) !== before;
      })
    );
  });
});

describe('reviewState', () => {
  const review = (fingerprint: string): THelpReviewRecord => ({
    fingerprint,
    reviewedAt: '2026-11-29T10:00:00.000Z',
    reviewerName: 'Eva Editor'
  });

  it('a source text is its own authority, whatever reviews exist', () => {
    expect(reviewState('source', 'x', review('x')).status).toBe('source');
    expect(reviewState('source', 'x', null)).toEqual({ status: 'source', lastReview: null });
  });

  it('a translation nobody checked is unreviewed', () => {
    expect(reviewState('translation', 'x', null)).toEqual({ status: 'unreviewed', lastReview: null });
  });

  it('a review of the current version holds; a review of an older version needs review, naming the last reviewer', () => {
    expect(reviewState('translation', 'x', review('x')).status).toBe('reviewed');
    const stale = reviewState('translation', 'y', review('x'));
    expect(stale.status).toBe('needs_review');
    expect(stale.lastReview?.reviewerName).toBe('Eva Editor');
  });

  it('property: a translation is reviewed exactly when its latest review was for the current fingerprint', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: null }), (current, reviewed) => {
        const s = reviewState('translation', current, reviewed === null ? null : review(reviewed));
        if (reviewed === null) return s.status === 'unreviewed';
        return (s.status === 'reviewed') === (reviewed === current) && s.status !== 'unreviewed';
      })
    );
  });
});

describe('keyDifferences', () => {
  it('names missing and extra keys', () => {
    expect(keyDifferences(nb, { a: 'x', c: 'y' })).toEqual({ missing: ['b'], extra: ['c'] });
    expect(keyDifferences(nb, pl)).toEqual({ missing: [], extra: [] });
  });

  it('property: a text made from the source keys has no differences; dropping a key makes it missing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string(), { minKeys: 1 }), (source) => {
        const copy = Object.fromEntries(Object.keys(source).map((k) => [k, 'x']));
        if (keyDifferences(source, copy).missing.length) return false;
        const [dropped] = Object.keys(source);
        delete copy[dropped];
        return keyDifferences(source, copy).missing.includes(dropped);
      })
    );
  });
});

describe('fillHelpText', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(fillHelpText('{months} months, {name}', { months: 6 })).toBe('6 months, {name}');
  });
});
