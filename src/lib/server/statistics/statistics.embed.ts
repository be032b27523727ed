import { createHash } from 'node:crypto';
import { translate, type Locale } from '../../i18n';
import { escapeXml } from './chart';
import type { loadSeriesPage } from './statistics.page';

/**
 * The embeddable chart: a small, self-contained HTML page (no script, no external request) with the
 * chart, its source line, the licence and a link to the full page. The only page that may be framed:
 * its CSP allows `frame-ancestors *` and permits exactly its own inline style by hash.
 */
const STYLE =
  'body{margin:0;padding:8px;font:14px/1.4 system-ui,sans-serif;color:#1c1f23;background:#fff}' +
  'h1{font-size:16px;margin:0 0 6px}svg{display:block;width:100%;height:auto}' +
  'p{margin:6px 0 0}a{color:#1a5c8a}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const EMBED_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *'
].join('; ');

export function renderEmbed(
  view: Awaited<ReturnType<typeof loadSeriesPage>>,
  locale: Locale,
  pageUrl: string,
  licence: string
): string {
  const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p);
  const sources = view.sources.map((s) => `${s.title} (${s.publisher})`).join('; ');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeXml(view.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeXml(view.name)}</h1>
${view.chart}
<p>${escapeXml(t('stats.embed.source', { sources }))} ${escapeXml(t('stats.embed.licence', { licence }))}</p>
<p><a href="${escapeXml(pageUrl)}" target="_blank" rel="noopener">${escapeXml(t('stats.embed.more'))}</a></p>
</main>
</body>
</html>
`;
}
