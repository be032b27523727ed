import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TChecklist } from '../../check/checklist';
import {
  LearnContent,
  learnContent,
  learnSlugs,
  parseDocument,
  sanitize,
  slugifyHeading,
  type TLearnDocument
} from './learn.content';
import { buildSnippet, searchTerms } from './learn.service';

const fm = (extra = '') => `---
title: Tittel
summary: Kort om siden.
updated: 2026-11-29
sources:
  - title: Kilde én
    url: https://example.org/a
  - title: Kilde to
${extra}---
`;

const doc = (body: string, front = fm(), locale: 'nb' | 'en' = 'nb', slug = 'test-page') =>
  parseDocument(`content/${locale}/${slug}.md`, locale, slug, front + body, []);

describe('the shipped pages', () => {
  const content = learnContent();

  it('lists every page that lacks a translation (none may be missing)', () => {
    const missing = content.missingTranslations();
    if (missing.length) console.warn('Learning pages without a translation:', missing);
    expect(missing).toEqual([]);
  });

  it('has every slug that other modules link to, in reading order, in both languages', () => {
    expect(content.slugs().slice(0, learnSlugs.length)).toEqual([...learnSlugs]);
    for (const slug of learnSlugs) {
      for (const locale of ['nb', 'en'] as const) {
        const page = content.page(slug, locale)!;
        expect(page.locale).toBe(locale);
        expect(page.fallbackFrom).toBeUndefined();
        expect(page.sources.length).toBeGreaterThan(0);
        // Every page cites its sources inline, and every inline reference has a source (checked at load).
        expect(page.html).toMatch(/<sup><a href="#source-1">\[1\]<\/a><\/sup>/);
      }
    }
  });

  it('wraps tables in a box that scrolls on its own', () => {
    const html = content.page('facts-and-figures', 'nb')!.html;
    expect(html).toContain('<div class="learn-table" tabindex="0"><table>');
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table><\/div>/g)?.length);
  });

  it('gives the long pages a table of contents with anchors that exist', () => {
    const page = content.page('norway-framework', 'nb')!;
    expect(page.headings.length).toBeGreaterThanOrEqual(3);
    for (const h of page.headings) expect(page.html).toContain(`<h2 id="${h.id}">`);
    expect(page.headings[0]).toEqual({ id: 'straffeloven-257-og-258', text: 'Straffeloven §§ 257 og 258' });
  });

  it('links each ILO indicator to the checklists that use it, in the page language', () => {
    const nb = content.page('indicators', 'nb')!;
    const en = content.page('indicators', 'en')!;
    // Indicator 8 (withholding of wages) is used by the car-wash checklist's price and payment signs.
    const section8 = nb.html.split('<h2 id="8-tilbakeholdelse-av-lønn">')[1].split('<h2')[0];
    expect(section8).toContain('<a href="/check/car-wash">');
    expect(en.html).toContain('<a href="/en/check/car-wash">');
    // Indicator 7 (identity documents) is in no checklist yet, and the page says so.
    const section7 = nb.html.split('<h2 id="7-tilbakeholdelse-av-identitetspapirer">')[1].split('<h2')[0];
    expect(section7).toContain('Ingen sjekkliste bruker det ennå');
  });

  it('keeps both sides when the sources disagree about the Scottish survey', () => {
    const text = content.page('facts-and-figures', 'en')!.text;
    expect(text).toContain('5 %');
    expect(text).toContain('54 %');
  });
});

describe('parseDocument', () => {
  it('renders Markdown with heading anchors, numbered references and plain text for search', () => {
    const d = doc('Intro [^2].\n\n## Første del\n\nTekst.\n\n## Første del\n');
    expect(d.html).toContain('<h2 id="første-del">Første del</h2>');
    expect(d.html).toContain('<h2 id="første-del-1">');
    expect(d.html).toContain('<sup><a href="#source-2">[2]</a></sup>');
    expect(d.headings.map((h) => h.id)).toEqual(['første-del', 'første-del-1']);
    expect(d.text).toBe('Intro. Første del Tekst. Første del');
  });

  it('refuses a reference to a source that is not listed', () => {
    expect(() => doc('Påstand [^3].')).toThrow(/content\/nb\/test-page\.md: reference \[\^3\] has no source 3/);
  });

  it('refuses broken front matter, naming the file and the field', () => {
    expect(() => doc('x', '---\ntitle: T\n---\n')).toThrow(/content\/nb\/test-page\.md: front matter field "summary"/);
    expect(() => doc('x', fm().replace('2026-11-29', '29.11.2026'))).toThrow(/field "updated"/);
    expect(() => doc('x', fm('author: someone\n'))).toThrow(/front matter field/);
    expect(() => doc('x', fm().replace(/sources:[\s\S]*$/, 'sources: []\n---\n'))).toThrow(/field "sources"/);
    expect(() => doc('x', 'no front matter')).toThrow(/must start with front matter/);
  });

  it('never lets HTML or script links through', () => {
    const d = doc('<script>alert(1)</script>\n\n[klikk](javascript:alert(1)) <img src=x onerror=alert(1)>\n');
    expect(d.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(d.html).toContain('&lt;script&gt;');
    expect(sanitize('<p onclick="x()">a<script>b</script><a href="javascript:x">c</a></p>')).toBe('<p>a<a>c</a></p>');
  });

  it('expands {{checklists:N}} to links, and refuses an indicator outside 1–11', () => {
    const checklist = {
      id: 'car-wash',
      title: { nb: 'Bilvask', en: 'Car wash' },
      indicators: [{ id: 'low-price', ilo: [8] }]
    } as unknown as TChecklist;
    const d = parseDocument('x.md', 'en', 'x', fm() + '{{checklists:8}}\n\n{{checklists:2}}', [checklist]);
    expect(d.html).toContain('<a href="/en/check/car-wash">Car wash</a>');
    expect(d.html).toContain('<em>No checklist uses it yet.</em>');
    expect(() => parseDocument('x.md', 'nb', 'x', fm() + '{{checklists:12}}', [])).toThrow(/ILO indicator 1–11/);
  });
});

describe('LearnContent', () => {
  const nbOnly = doc('Bare bokmål.', fm(), 'nb', 'only-nb');
  const both: TLearnDocument[] = [doc('Norsk.', fm(), 'nb', 'what-is-trafficking'), nbOnly];
  both.push({ ...both[0], locale: 'en', title: 'Title' });
  const content = new LearnContent(both);

  it('falls back to the other language with a note, and lists the missing translation', () => {
    expect(content.page('only-nb', 'en')).toMatchObject({ locale: 'nb', fallbackFrom: 'nb', title: 'Tittel' });
    expect(content.page('only-nb', 'nb')?.fallbackFrom).toBeUndefined();
    expect(content.missingTranslations()).toEqual([{ slug: 'only-nb', missing: 'en' }]);
    expect(content.page('nope', 'nb')).toBeUndefined();
  });

  it('orders known slugs first', () => {
    expect(content.slugs()).toEqual(['what-is-trafficking', 'only-nb']);
    expect(content.pages('en').map((p) => p.title)).toEqual(['Title', 'Tittel']);
  });
});

describe('properties', () => {
  it('a heading anchor is a non-empty run of letters, digits and single hyphens', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const id = slugifyHeading(s);
        expect(id).toMatch(/^[\p{L}\p{N}-]+$/u);
        expect(id).not.toMatch(/--/);
        expect(slugifyHeading(id)).toBe(id);
      })
    );
  });

  it('search terms are only letters and digits, lower case, at most eight', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const terms = searchTerms(q);
        expect(terms.length).toBeLessThanOrEqual(8);
        for (const t of terms) {
          expect(t).toMatch(/^[\p{L}\p{N}]{2,}$/u);
          expect(t).toBe(t.toLowerCase());
        }
      })
    );
  });

  it('a snippet is a passage of the text, at most 30 words, with only matching words marked', () => {
    const word = fc.oneof(
      fc.constantFrom('handel', 'Menneskehandel', 'lønn', 'ÅPEN', 'og', '(tvang)', '–'),
      fc.string()
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 80 }),
        fc.array(fc.constantFrom('handel', 'men', 'lønn', 'åpen')),
        (ws, terms) => {
          const text = ws.join(' ');
          const parts = buildSnippet(text, terms);
          const joined = parts.map((p) => p.text).join('');
          const inner = joined.replace(/^… /, '').replace(/ …$/, '');
          expect(text).toContain(inner);
          expect(inner.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(30);
          for (const p of parts.filter((x) => x.mark)) {
            expect(terms.some((t) => p.text.toLowerCase().startsWith(t) || t.startsWith(p.text.toLowerCase()))).toBe(
              true
            );
          }
          if (text.trim() === '') expect(parts).toEqual([]);
        }
      )
    );
  });

  it('centres the snippet on the first match and marks each matching word', () => {
    const text = Array.from({ length: 50 }, (_, i) => `ord${i}`).join(' ') + ' Åpenhetsloven (2022) gjelder. Slutt.';
    const parts = buildSnippet(text, ['åpenhetsloven']);
    expect(parts[0].text.startsWith('… ord42 ')).toBe(true);
    expect(parts.filter((p) => p.mark)).toEqual([{ text: 'Åpenhetsloven', mark: true }]);
    expect(buildSnippet('Ett to tre', ['fire'])).toEqual([{ text: 'Ett to tre' }]);
    expect(buildSnippet('the indicator', ['indicators'])).toEqual([
      { text: 'the ' },
      { text: 'indicator', mark: true }
    ]);
  });
});
