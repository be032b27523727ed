/**
 * The text summaries the charts are described by (pure): what a screen-reader user hears instead of
 * the picture, and what everyone reads beside it. Wording comes from the dictionaries (`charts.*`).
 */
import type { Translate } from '../i18n';
import type { TProportionItem } from './proportion-layout';
import type { TReferenceSeries, TTrendPoint } from './trend-layout';

export type TFormat = (v: number) => string;

/** "42 % (95 % KI 38–46 %)", or the value alone when no interval is known. */
export function valueWithInterval(
  t: Translate,
  fmt: TFormat,
  v: { value: number; low?: number; high?: number }
): string {
  if (v.low === undefined || v.high === undefined) return fmt(v.value);
  return t('charts.valueCi', { value: fmt(v.value), low: fmt(v.low), high: fmt(v.high) });
}

/** Highest and lowest answer per series, and how many figures are suppressed or unreliable. */
export function proportionSummary(items: readonly TProportionItem[], t: Translate, fmt: TFormat): string {
  const parts: string[] = [];
  const series = [...new Set(items.map((i) => i.series ?? ''))];
  for (const s of series) {
    const shown = items.filter((i) => (i.series ?? '') === s && !i.suppressed);
    if (!shown.length) continue;
    const hi = shown.reduce((a, b) => (b.value > a.value ? b : a));
    const lo = shown.reduce((a, b) => (b.value < a.value ? b : a));
    let text = t('charts.summary.highest', { label: hi.label, value: valueWithInterval(t, fmt, hi) });
    if (lo !== hi) text += ' ' + t('charts.summary.lowest', { label: lo.label, value: valueWithInterval(t, fmt, lo) });
    parts.push(s ? t('charts.summary.series', { series: s, text }) : text);
  }
  if (!parts.length) parts.push(t('charts.summary.none'));
  const suppressed = items.filter((i) => i.suppressed && !i.secondary).length;
  if (suppressed) parts.push(t('charts.summary.suppressed', { count: suppressed }));
  const secondary = items.filter((i) => i.suppressed && i.secondary).length;
  if (secondary) parts.push(t('charts.summary.secondary', { count: secondary }));
  const unreliable = items.filter((i) => i.unreliable && !i.suppressed).length;
  if (unreliable) parts.push(t('charts.summary.unreliable', { count: unreliable }));
  return parts.join(' ');
}

/** First and last shown wave, the highest, method changes, and the reference series' figures. */
export function trendSummary(
  points: readonly TTrendPoint[],
  t: Translate,
  fmt: TFormat,
  reference?: TReferenceSeries | null,
  methodChanges = 0
): string {
  const sorted = [...points].sort((a, b) => (a.date ?? a.label).localeCompare(b.date ?? b.label));
  const shown = sorted.filter((p) => !p.suppressed);
  const parts: string[] = [];
  if (shown.length) {
    const first = shown[0];
    const last = shown[shown.length - 1];
    if (first === last)
      parts.push(t('charts.summary.single', { label: first.label, value: valueWithInterval(t, fmt, first) }));
    else
      parts.push(
        t('charts.summary.trend', {
          first: valueWithInterval(t, fmt, first),
          firstLabel: first.label,
          last: valueWithInterval(t, fmt, last),
          lastLabel: last.label
        })
      );
    const hi = shown.reduce((a, b) => (b.value > a.value ? b : a));
    parts.push(t('charts.summary.highest', { label: hi.label, value: valueWithInterval(t, fmt, hi) }));
  } else parts.push(t('charts.summary.none'));
  const suppressed = points.filter((p) => p.suppressed).length;
  if (suppressed) parts.push(t('charts.summary.suppressed', { count: suppressed }));
  if (methodChanges) parts.push(t('charts.summary.methodChanges', { count: methodChanges }));
  if (reference?.points.length)
    parts.push(
      t('charts.summary.reference', {
        label: reference.label,
        values: reference.points.map((p) => `${p.label}: ${fmt(p.value)}`).join(', ')
      })
    );
  return parts.join(' ');
}

/** The formatters, made once per locale and kind: making an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<string, TFormat>();

/** Share formatting for the charts: "42 %" / "42%", one decimal only below 10 %. */
export function shareFormatter(locale: 'nb' | 'en', percent = true): TFormat {
  const key = `${locale}:${percent}`;
  let made = formatters.get(key);
  if (made) return made;
  const intl = locale === 'nb' ? 'nb-NO' : 'en-GB';
  if (!percent) {
    const plain = new Intl.NumberFormat(intl, { maximumFractionDigits: 2 });
    made = (v) => plain.format(v);
  } else {
    const small = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 });
    const large = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
    made = (v) => (Math.abs(v) < 0.1 ? small : large).format(v);
  }
  formatters.set(key, made);
  return made;
}
