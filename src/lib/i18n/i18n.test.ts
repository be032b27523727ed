import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { delocalizePath, localeFromPath, localizePath, translate } from './index';
import { nb } from './nb';

const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const path = fc.array(segment, { maxLength: 4 }).map((s) => '/' + s.join('/'));

describe('locale paths', () => {
  it('bokmål is at /, English under /en', () => {
    expect(localizePath('/check', 'en')).toBe('/en/check');
    expect(localizePath('/', 'en')).toBe('/en');
    expect(localizePath('/en/check', 'nb')).toBe('/check');
    expect(localizePath('/?q=1', 'en')).toBe('/en?q=1');
    expect(localeFromPath('/en')).toBe('en');
    expect(localeFromPath('/english')).toBe('nb');
    expect(localeFromPath('/')).toBe('nb');
  });

  it('switching language and back returns the same page', () => {
    fc.assert(
      fc.property(path, (p) => {
        fc.pre(!p.startsWith('/en/') && p !== '/en');
        const english = localizePath(p, 'en');
        expect(localeFromPath(english)).toBe('en');
        expect(delocalizePath(english)).toBe(p);
        expect(localizePath(english, 'nb')).toBe(p);
      })
    );
  });
});

describe('dictionaries', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('every English message is filled in and uses the same placeholders as bokmål', () => {
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nb[key]));
    }
  });

  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('nb', 'auth.error.throttled', { seconds: 1500 })).toContain('1\u00a0500');
    expect(translate('en', 'auth.error.throttled', { seconds: 1500 })).toContain('1,500');
  });
});
