import { parse, type HTMLElement } from 'node-html-parser';

/**
 * Marker payloads for text fields that are stored or echoed: each would become markup, a script, an event
 * handler or a live URL if the page put it into the HTML unescaped. `INJECTION_MARKER` names them all.
 */
export const INJECTION_MARKER = 'xss7q';
export const injectionPayloads = [
  `<script>${INJECTION_MARKER}()</script>`,
  `"><img src=x onerror=${INJECTION_MARKER}()>`,
  `'><svg onload=${INJECTION_MARKER}()>`,
  `javascript:${INJECTION_MARKER}()`,
  `<a href="javascript:${INJECTION_MARKER}()">${INJECTION_MARKER}</a>`,
  `[${INJECTION_MARKER}](javascript:${INJECTION_MARKER}())`,
  `{{${INJECTION_MARKER}}} \${${INJECTION_MARKER}}`,
  `=HYPERLINK("https://example.invalid/?${INJECTION_MARKER}","${INJECTION_MARKER}")`,
  `'; DROP TABLE report; -- ${INJECTION_MARKER}`
] as const;

const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data'];

/**
 * What in an HTML document came from a payload as markup rather than as text: an element the payload
 * carried (a script running the marker, an element with the marker in an attribute name or an event handler),
 * any inline event handler at all (the pages have none: CSP-relevant), and any `javascript:` URL. Empty when
 * every payload was escaped. SvelteKit's own hydration script carries form values as escaped JSON: that is
 * text inside a script, not a script the payload made, and is not reported.
 */
export function injectedMarkup(html: string): string[] {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
  const found: string[] = [];
  for (const el of root.querySelectorAll('*') as HTMLElement[]) {
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (tag === 'script' && el.text.trim().startsWith(`${INJECTION_MARKER}(`)) found.push(`<script>${el.text.trim()}`);
    for (const [name, value] of Object.entries(el.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      if (lower.includes(INJECTION_MARKER)) found.push(`<${tag}> attribute named ${name}`);
      if (urlAttributes.includes(lower) && /^\s*javascript:/i.test(value)) found.push(`<${tag} ${name}="${value}">`);
    }
  }
  // An element the parser drops (an unclosed <svg>) is still one for a browser: look for the payload's tags in
  // the raw text too. Escaped, they read `&lt;svg`; in the hydration JSON, `\u003Csvg`.
  const raw = new RegExp(`<(script|img|svg|iframe|body|details|video|audio|math)\\b[^>]*${INJECTION_MARKER}`, 'gi');
  for (const m of html.matchAll(raw)) found.push(m[0].slice(0, 80));
  return found;
}
