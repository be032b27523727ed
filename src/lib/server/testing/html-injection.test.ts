import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { injectedMarkup, injectionPayloads } from './html-injection';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (body: string) =>
  `<!doctype html><html><head><title>t</title></head><body><main>${body}</main>` +
  `<script>__sveltekit_x = { data: ${JSON.stringify(injectionPayloads).replace(/</g, '\\u003C')} };</script></body></html>`;

describe('injectedMarkup', () => {
  it('finds each payload put into a page unescaped, as text and inside an attribute', () => {
    for (const payload of injectionPayloads.slice(0, 5)) {
      const inText = injectedMarkup(page(`<p>${payload}</p>`));
      const inAttribute = injectedMarkup(page(`<a href="${payload}">x</a><input value="${payload}">`));
      expect([...inText, ...inAttribute], payload).not.toEqual([]);
    }
  });

  it('finds nothing when every payload is escaped, in text, attributes and the hydration script', () => {
    for (const payload of injectionPayloads) {
      expect(injectedMarkup(page(`<p>${escape(payload)}</p><input value="${escape(payload)}">`))).toEqual([]);
    }
  });

  it('reports any inline event handler and javascript: URL, whatever their text (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('onclick', 'onload', 'onfocus', 'ONERROR'), fc.string(), (name, code) => {
        expect(injectedMarkup(page(`<div ${name}="${escape(code)}">x</div>`)).length).toBeGreaterThan(0);
      })
    );
    expect(injectedMarkup(page('<a href=" JavaScript:alert(1)">x</a>'))).not.toEqual([]);
  });

  it('never reports escaped arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(injectedMarkup(page(`<p>${escape(text)}</p><input value="${escape(text)}">`))).toEqual([]);
      })
    );
  });
});
