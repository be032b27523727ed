/**
 * Geometry of the proportion chart (pure): horizontal bars per answer, one bar per series (unweighted /
 * weighted, two waves or two groups), each with its confidence-interval whisker. Everything is in SVG
 * user units of a viewBox `width` wide, so the chart scales with its container.
 */
import { clamp, linearScale, niceDomain, r1 } from './scale';
import { wrapLabel } from './text';

export interface TProportionItem {
  label: string;
  /** Share (0–1) when `percent`, otherwise any value ≥ 0. */
  value: number;
  /** Interval bounds; leave out when none is known (published figures without an interval). */
  low?: number;
  high?: number;
  series?: string;
  /** Fewer than 5 answers: not drawn, shown as "fewer than 5". */
  suppressed?: boolean;
  /** With `suppressed`: hidden only so that a count under 5 cannot be worked out (shown as "hidden"). */
  secondary?: boolean;
  /** Fewer than 30 answers: drawn, marked as unreliable. */
  unreliable?: boolean;
}

export const PROPORTION_WIDTH = 640;
const LABEL_COL = 184;
const PLOT_X0 = 196;
const PLOT_X1 = 528;
const TOP = 8;
const BAR_H = 16;
const BAR_GAP = 4;
const LINE_H = 15;
const GROUP_PAD = 14;
const AXIS_H = 28;
export const LABEL_CHARS = 26;

export interface TBar {
  item: TProportionItem;
  seriesIndex: number;
  y: number;
  h: number;
  x: number;
  w: number;
  /** The whisker from low to high at the bar's middle, or null without an interval. */
  whisker: { x1: number; x2: number; y: number } | null;
  /** Where the value text starts. */
  textX: number;
  textY: number;
}

export interface TProportionLayout {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  domain: [number, number];
  ticks: { x: number; value: number }[];
  series: string[];
  groups: { label: string; lines: { text: string; x: number; y: number }[]; y0: number; y1: number; bars: TBar[] }[];
}

export function layoutProportions(items: readonly TProportionItem[], percent = true): TProportionLayout {
  const series = [...new Set(items.map((i) => i.series ?? ''))];
  const labels = [...new Set(items.map((i) => i.label))];
  const shown = items.filter((i) => !i.suppressed);
  const max = Math.max(0, ...shown.map((i) => Math.max(i.value, i.high ?? i.value)));
  const nice = niceDomain(0, max, { floor: 0, ceiling: percent ? 1 : undefined, maxTicks: 5 });
  const domain: [number, number] = [0, nice.hi];
  const x = linearScale(domain, [PLOT_X0, PLOT_X1]);
  const xc = (v: number) => clamp(x(v), PLOT_X0, PLOT_X1);
  let y = TOP;
  const groups = labels.map((label) => {
    const wrapped = wrapLabel(label, LABEL_CHARS, 4);
    const barsH = series.length * BAR_H + (series.length - 1) * BAR_GAP;
    const h = Math.max(wrapped.length * LINE_H, barsH);
    const y0 = y;
    const barTop = y0 + (h - barsH) / 2;
    const textTop = y0 + (h - wrapped.length * LINE_H) / 2;
    const bars: TBar[] = [];
    series.forEach((s, k) => {
      const item = items.find((i) => i.label === label && (i.series ?? '') === s);
      if (!item) return;
      const by = barTop + k * (BAR_H + BAR_GAP);
      const value = item.suppressed ? 0 : Math.max(0, item.value);
      const bx = PLOT_X0;
      const bw = item.suppressed ? 0 : xc(value) - PLOT_X0;
      const hasCi = !item.suppressed && item.low !== undefined && item.high !== undefined;
      const whisker = hasCi ? { x1: xc(item.low!), x2: xc(item.high!), y: by + BAR_H / 2 } : null;
      const end = Math.max(bx + bw, whisker?.x2 ?? 0);
      bars.push({
        item,
        seriesIndex: k,
        y: r1(by),
        h: BAR_H,
        x: bx,
        w: r1(bw),
        whisker: whisker && { x1: r1(whisker.x1), x2: r1(whisker.x2), y: r1(whisker.y) },
        textX: r1(end + 6),
        textY: r1(by + BAR_H / 2)
      });
    });
    y += h + GROUP_PAD;
    return {
      label,
      lines: wrapped.map((text, i) => ({ text, x: LABEL_COL, y: r1(textTop + (i + 0.5) * LINE_H) })),
      y0: r1(y0),
      y1: r1(y0 + h),
      bars
    };
  });
  const y1 = y - GROUP_PAD / 2;
  return {
    width: PROPORTION_WIDTH,
    height: Math.ceil(y1 + AXIS_H),
    plot: { x0: PLOT_X0, x1: PLOT_X1, y0: TOP / 2, y1: r1(y1) },
    domain,
    ticks: nice.ticks.map((value) => ({ x: r1(x(value)), value })),
    series,
    groups
  };
}
