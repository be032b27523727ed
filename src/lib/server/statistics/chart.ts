/**
 * Server-rendered, accessible SVG charts (pure: data in, markup out). The SVG is the chart — no script
 * and no chart library reach the browser. Every text is escaped. Missing values stay gaps: a line is
 * broken there and never drawn across, and a category without any value is labelled as missing.
 * Series differ by colour AND by dash pattern and marker shape, and values are printed as text, so
 * nothing depends on colour alone.
 */

export interface TChartPoint {
  /** The figure, or null for a gap. */
  value: number | null;
  /** Other sources' different figures for the same cell, drawn as hollow markers. */
  alternatives?: number[];
}

export interface TChartSeries {
  label: string;
  /** One point per category, in the categories' order. */
  points: TChartPoint[];
}

export interface TChartInput {
  kind: 'line' | 'bar';
  /** Unique within the page: ids of the title and description derive from it. */
  idPrefix: string;
  title: string;
  description: string;
  /** The x axis: years or periods, in order, including the years without data. */
  categories: string[];
  series: TChartSeries[];
  /** The y axis title (the unit). */
  unit: string;
  /** Says a category has no data, e.g. "ingen data". */
  gapLabel: string;
  /** Says a hollow marker is another source's figure. */
  alternativeLabel: string;
  formatValue: (n: number) => string;
}

const WIDTH = 640;
const HEIGHT = 340;
const MARGIN = { top: 24, right: 16, bottom: 64, left: 56 };
/** Colours with at least 4.5:1 contrast on white, each paired with a dash pattern and a marker shape. */
const STYLES = [
  { color: '#1f4e5f', dash: '', marker: 'circle' },
  { color: '#a3231f', dash: '7 4', marker: 'square' },
  { color: '#1e6b34', dash: '2 3', marker: 'triangle' },
  { color: '#8a5a00', dash: '9 3 2 3', marker: 'diamond' },
  { color: '#5b2d82', dash: '4 2', marker: 'circle' },
  { color: '#1d5fa8', dash: '1 2', marker: 'square' },
  { color: '#4a5058', dash: '12 4', marker: 'triangle' }
] as const;

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A round upper bound for the y axis and its tick step (1, 2, 2.5 or 5 × 10^n), at most ~5 ticks. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, step: 1 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  let top = Math.ceil(max / step - 1e-9) * step;
  if (top < max) top += step;
  return { top, step };
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function marker(shape: string, x: number, y: number, color: string, hollow: boolean): string {
  const fill = hollow ? '#ffffff' : color;
  const common = `fill="${fill}" stroke="${color}" stroke-width="2"`;
  switch (shape) {
    case 'square':
      return `<rect x="${round(x - 4.5)}" y="${round(y - 4.5)}" width="9" height="9" ${common}/>`;
    case 'triangle':
      return `<path d="M${round(x)} ${round(y - 5.5)}L${round(x + 5.5)} ${round(y + 4.5)}L${round(x - 5.5)} ${round(y + 4.5)}Z" ${common}/>`;
    case 'diamond':
      return `<path d="M${round(x)} ${round(y - 6)}L${round(x + 6)} ${round(y)}L${round(x)} ${round(y + 6)}L${round(x - 6)} ${round(y)}Z" ${common}/>`;
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="5" ${common}/>`;
  }
}

/** Splits the indexes of non-null points into runs of consecutive categories: each run is one line. */
export function lineRuns(points: TChartPoint[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

/** Renders the chart as one `<svg role="img">` element, titled and described for assistive technology. */
export function renderChart(input: TChartInput): string {
  const { categories, series } = input;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = series.flatMap((s) => s.points.flatMap((p) => [p.value ?? 0, ...(p.alternatives ?? [])]));
  const { top, step } = niceScale(Math.max(0, ...all));
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const band = categories.length ? plotW / categories.length : plotW;
  const cx = (i: number) => MARGIN.left + band * (i + 0.5);
  const titleId = `${input.idPrefix}-title`;
  const descId = `${input.idPrefix}-desc`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="stat-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${titleId}">${escapeXml(input.title)}</title>`,
    `<desc id="${descId}">${escapeXml(input.description)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`
  );
  // y axis: grid lines and tick labels
  for (let v = 0; v <= top + 1e-9; v += step) {
    const yy = round(y(v));
    out.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${yy}" y2="${yy}" stroke="${v === 0 ? '#1c1f23' : '#d3d7db'}"/>`,
      `<text x="${MARGIN.left - 6}" y="${yy}" dy="0.32em" text-anchor="end" fill="#1c1f23">${escapeXml(input.formatValue(v))}</text>`
    );
  }
  out.push(
    `<text x="12" y="${MARGIN.top + plotH / 2}" transform="rotate(-90 12 ${MARGIN.top + plotH / 2})" text-anchor="middle" fill="#1c1f23">${escapeXml(input.unit)}</text>`
  );
  // x axis: category labels, and a visible label where no series has a value
  categories.forEach((c, i) => {
    out.push(
      `<text x="${round(cx(i))}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" fill="#1c1f23">${escapeXml(c)}</text>`
    );
    if (series.every((s) => s.points[i]?.value === null || s.points[i] === undefined)) {
      const x = round(cx(i));
      out.push(
        `<g class="stat-chart__gap"><line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#4a5058" stroke-dasharray="2 4"/>` +
          `<text x="${x}" y="${MARGIN.top + plotH - 6}" transform="rotate(-90 ${x} ${MARGIN.top + plotH - 6})" fill="#4a5058" font-size="11">${escapeXml(input.gapLabel)}</text></g>`
      );
    }
  });
  const seriesCount = Math.max(1, series.length);
  series.forEach((s, si) => {
    const style = STYLES[si % STYLES.length];
    const g: string[] = [`<g class="stat-chart__series">`];
    if (input.kind === 'line') {
      for (const run of lineRuns(s.points)) {
        if (run.length < 2) continue;
        const d = run
          .map((i, k) => `${k ? 'L' : 'M'}${round(cx(i))} ${round(y(s.points[i].value as number))}`)
          .join('');
        g.push(
          `<path d="${d}" fill="none" stroke="${style.color}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
        );
      }
    }
    s.points.forEach((p, i) => {
      if (p.value === null) return;
      const alternatives = p.alternatives ?? [];
      if (input.kind === 'bar') {
        // One slot per source's figure: the first filled, the others outlined and dashed beside it.
        const barW = Math.min(48, (band * 0.8) / seriesCount);
        const x0 = cx(i) - (barW * seriesCount) / 2 + barW * si;
        const figures = [p.value, ...alternatives];
        const slotW = barW / figures.length;
        figures.forEach((v, k) => {
          const xs = x0 + slotW * k;
          const h = Math.max(0, y(0) - y(v));
          g.push(
            k === 0
              ? `<rect x="${round(xs + 1)}" y="${round(y(v))}" width="${round(slotW - 2)}" height="${round(h)}" fill="${style.color}"/>`
              : `<g><rect x="${round(xs + 2)}" y="${round(y(v) + 1)}" width="${round(slotW - 4)}" height="${round(Math.max(0, h - 1))}" fill="#ffffff" stroke="${style.color}" stroke-width="2" stroke-dasharray="4 2"/><title>${escapeXml(`${input.alternativeLabel} ${input.formatValue(v)}`)}</title></g>`,
            `<text x="${round(xs + slotW / 2)}" y="${round(y(v) - 6)}" text-anchor="middle" fill="#1c1f23"${k === 0 ? ' font-weight="600"' : ''}>${escapeXml(input.formatValue(v))}</text>`
          );
        });
        return;
      }
      const x = cx(i);
      g.push(marker(style.marker, x, y(p.value), style.color, false));
      g.push(
        `<text x="${round(x)}" y="${round(y(p.value) - 9)}" text-anchor="middle" fill="#1c1f23" font-weight="600">${escapeXml(input.formatValue(p.value))}</text>`
      );
      for (const alt of alternatives) {
        g.push(
          `<g>${marker('circle', x + 10, y(alt), style.color, true)}<title>${escapeXml(`${input.alternativeLabel} ${input.formatValue(alt)}`)}</title></g>`,
          `<text x="${round(x + 17)}" y="${round(y(alt))}" dy="0.32em" fill="#1c1f23">${escapeXml(input.formatValue(alt))}</text>`
        );
      }
    });
    g.push('</g>');
    out.push(g.join(''));
  });
  // legend: swatch with the series' dash and marker, and its name
  if (series.length > 1) {
    series.forEach((s, si) => {
      const style = STYLES[si % STYLES.length];
      const col = si % 3;
      const row = Math.floor(si / 3);
      const lx = MARGIN.left + col * 195;
      const ly = HEIGHT - 38 + row * 14;
      out.push(
        `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${style.color}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
        marker(style.marker, lx + 12, ly, style.color, false),
        `<text x="${lx + 30}" y="${ly}" dy="0.32em" fill="#1c1f23">${escapeXml(s.label)}</text>`
      );
    });
  }
  out.push('</svg>');
  return out.join('');
}

export interface TFunnelStage {
  label: string;
  /** Every source's figure (several when they differ); empty when the stage has no data. */
  values: number[];
}

/**
 * A funnel: one horizontal bar per stage, its length relative to the largest figure. A stage without
 * data is an outlined, empty box labelled as missing — never a zero bar.
 */
export function renderFunnel(input: {
  idPrefix: string;
  title: string;
  description: string;
  stages: TFunnelStage[];
  missingLabel: string;
  formatValue: (n: number) => string;
}): string {
  const width = 560;
  const rowH = 40;
  const labelW = 200;
  const barMax = width - labelW - 90;
  const height = input.stages.length * rowH + 8;
  const max = Math.max(1, ...input.stages.flatMap((s) => s.values));
  const titleId = `${input.idPrefix}-title`;
  const descId = `${input.idPrefix}-desc`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="stat-funnel" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${titleId}">${escapeXml(input.title)}</title>`,
    `<desc id="${descId}">${escapeXml(input.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`
  ];
  input.stages.forEach((s, i) => {
    const y = 4 + i * rowH;
    out.push(`<text x="0" y="${y + rowH / 2}" dy="0.32em" fill="#1c1f23">${escapeXml(s.label)}</text>`);
    if (!s.values.length) {
      out.push(
        `<rect x="${labelW}" y="${y + 6}" width="${barMax}" height="${rowH - 12}" fill="#ffffff" stroke="#4a5058" stroke-dasharray="4 3"/>`,
        `<text x="${labelW + 8}" y="${y + rowH / 2}" dy="0.32em" fill="#4a5058" font-style="italic">${escapeXml(input.missingLabel)}</text>`
      );
      return;
    }
    const v = Math.max(...s.values);
    const w = Math.max(2, (v / max) * barMax);
    out.push(
      `<rect x="${labelW}" y="${y + 6}" width="${round(w)}" height="${rowH - 12}" fill="#1f4e5f"/>`,
      `<text x="${round(labelW + w + 6)}" y="${y + rowH / 2}" dy="0.32em" fill="#1c1f23" font-weight="600">${escapeXml(s.values.map(input.formatValue).join(' / '))}</text>`
    );
  });
  out.push('</svg>');
  return out.join('');
}
