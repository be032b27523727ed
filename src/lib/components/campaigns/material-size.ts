import { formatNumber, translate, type Locale } from '$lib/i18n';

/** A file size for people: whole kB (at least 1) under 1 MB, MB with one decimal above. */
export function formatFileSize(locale: Locale, bytes: number): string {
  if (bytes < 1024 * 1024)
    return translate(locale, 'campaigns.materials.kb', {
      n: formatNumber(locale, Math.max(1, Math.ceil(bytes / 1024)))
    });
  return translate(locale, 'campaigns.materials.mb', {
    n: formatNumber(locale, bytes / (1024 * 1024), { maximumFractionDigits: 1 })
  });
}
