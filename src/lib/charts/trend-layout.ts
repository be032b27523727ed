/**
 * Geometry of the trend chart (pure): an indicator across waves as a line with its interval band and
 * whiskers, breaks at suppressed waves, numbered markers where the method changed, and an optional
 * reference series (published figures, e.g. Scotland's) drawn dashed with square markers.
 */
import { clamp, linearScale, niceDomain, r1 } from './scale';
import { wrapLabel } from './text';

export interface TTrendPoint {
  label: string;
  /** ISO date of the wave; orders the x axis together with reference labels (years). */
  date?: string;
  value: number;
  low: number;
  high: number;
  /** Collection method, e.g. "face_to_face" or a text; a change between waves is marked. */
  method?: string;
  suppressed?: boolean;
}

export interface TReferencePoint {
  label: string;
  value: number;
  source: string;
  url?: string;
}

export interface TReferenceSeries {
  label: string;
  points: TReferencePoint[];
}

export const TREND_WIDTH = 640;
export const TREND_HEIGHT = 340;
const M = { top: 36, right: 20, bottom: 64, left: 56 };
const X_LABEL_CHARS = 14;

export interface TMethodChange {
  number: number;
  x: number;
  before: string;
  after: string;
  from: string;
  to: string;
}

export interface TTrendLayout {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  domain: [number, number];
  yTicks: { y: number; value: number }[];
  categories: { label: string; x: number; lines: string[] }[];
  /** Drawn points of the main series (suppressed ones are listed in `suppressed`). */
  points: { point: TTrendPoint; x: number; y: number; yLow: number; yHigh: number }[];
  suppressed: { point: TTrendPoint; x: number }[];
  /** SVG path data: interval band polygons and line segments, broken at suppressed waves. */
  bandPaths: string[];
  linePaths: string[];
  methodChanges: TMethodChange[];
  reference: { label: string; path: string; points: { point: TReferencePoint; x: number; y: number }[] } | null;
}

const keyOf = (p: { label: string; date?: string }) => p.date ?? p.label;

export function layoutTrend(
  points: readonly TTrendPoint[],
  reference?: TReferenceSeries | null,
  percent = true
): TTrendLayout {
  const main = [...points].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const refPoints = reference?.points ?? [];
  const categoryKeys = new Map<string, string>();
  for (const p of main) categoryKeys.set(p.label, keyOf(p));
  for (const p of refPoints) if (!categoryKeys.has(p.label)) categoryKeys.set(p.label, p.label);
  const labels = [...categoryKeys.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([l]) => l);

  const plot = { x0: M.left, x1: TREND_WIDTH - M.right, y0: M.top, y1: TREND_HEIGHT - M.bottom };
  const inner = 28;
  const step = labels.length > 1 ? (plot.x1 - plot.x0 - 2 * inner) / (labels.length - 1) : 0;
  const xOf = new Map(
    labels.map((l, i) => [l, labels.length > 1 ? plot.x0 + inner + i * step : (plot.x0 + plot.x1) / 2])
  );

  const shown = main.filter((p) => !p.suppressed);
  const values = [...shown.flatMap((p) => [p.low, p.high, p.value]), ...refPoints.map((p) => p.value)];
  const nice = niceDomain(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1, {
    floor: 0,
    ceiling: percent ? 1 : undefined,
    maxTicks: 5
  });
  const domain: [number, number] = [nice.lo, nice.hi];
  const yScale = linearScale(domain, [plot.y1, plot.y0]);
  const y = (v: number) => r1(clamp(yScale(v), plot.y0, plot.y1));

  const drawn = shown.map((p) => ({
    point: p,
    x: r1(xOf.get(p.label)!),
    y: y(p.value),
    yLow: y(p.low),
    yHigh: y(p.high)
  }));
  // Runs of consecutive waves that are shown: the band and the line never cross a suppressed wave.
  const runs: (typeof drawn)[] = [];
  let run: typeof drawn = [];
  for (const p of main) {
    if (p.suppressed) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(drawn.find((d) => d.point === p)!);
  }
  if (run.length) runs.push(run);
  const bandPaths = runs
    .filter((r) => r.length > 1)
    .map(
      (r) =>
        `M${r.map((d) => `${d.x},${d.yHigh}`).join(' L')} L${[...r]
          .reverse()
          .map((d) => `${d.x},${d.yLow}`)
          .join(' L')} Z`
    );
  const linePaths = runs.filter((r) => r.length > 1).map((r) => `M${r.map((d) => `${d.x},${d.y}`).join(' L')}`);

  const methodChanges: TMethodChange[] = [];
  for (let i = 1; i < main.length; i++) {
    const a = main[i - 1];
    const b = main[i];
    if (a.method && b.method && a.method !== b.method)
      methodChanges.push({
        number: methodChanges.length + 1,
        x: r1((xOf.get(a.label)! + xOf.get(b.label)!) / 2),
        before: a.label,
        after: b.label,
        from: a.method,
        to: b.method
      });
  }

  const refDrawn = refPoints.map((p) => ({ point: p, x: r1(xOf.get(p.label)!), y: y(p.value) }));
  return {
    width: TREND_WIDTH,
    height: TREND_HEIGHT,
    plot,
    domain,
    yTicks: nice.ticks.map((value) => ({ y: y(value), value })),
    categories: labels.map((label) => ({ label, x: r1(xOf.get(label)!), lines: wrapLabel(label, X_LABEL_CHARS, 3) })),
    points: drawn,
    suppressed: main.filter((p) => p.suppressed).map((p) => ({ point: p, x: r1(xOf.get(p.label)!) })),
    bandPaths,
    linePaths,
    methodChanges,
    reference: reference
      ? {
          label: reference.label,
          path: refDrawn.length > 1 ? `M${refDrawn.map((d) => `${d.x},${d.y}`).join(' L')}` : '',
          points: refDrawn
        }
      : null
  };
}
