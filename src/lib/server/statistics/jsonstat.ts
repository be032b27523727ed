import type { MessageKey, TParams } from '../../i18n';

/**
 * JSON-stat 2.0 (https://json-stat.org/format/), the format of SSB's StatBank API: reading a dataset
 * into cells, and writing a series as a dataset. Pure functions.
 */

export interface TJsonStatCategory {
  code: string;
  label: string;
}

export interface TJsonStatDimension {
  id: string;
  label: string;
  categories: TJsonStatCategory[];
}

export interface TJsonStatCell {
  /** Category code per dimension id. */
  coords: Record<string, string>;
  value: number | null;
  /** The dataset's status symbol for the cell, if any (SSB writes ".." for missing). */
  status: string | null;
}

export interface TJsonStatDataset {
  label: string;
  source: string;
  updated: string;
  dimensions: TJsonStatDimension[];
  timeDimension: string | null;
  metricDimensions: string[];
  cells: TJsonStatCell[];
  extension: Record<string, unknown>;
}

export interface TJsonStatIssue {
  message: MessageKey;
  params?: TParams;
}

type TRaw = Record<string, unknown>;

function isObject(v: unknown): v is TRaw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Category codes in index order: `index` may be an array or an object code → position. */
function categoryCodes(category: TRaw, size: number): string[] | null {
  const index = category.index;
  if (Array.isArray(index))
    return index.length === size && index.every((c) => typeof c === 'string') ? (index as string[]) : null;
  if (isObject(index)) {
    if (Object.keys(index).length !== size) return null;
    const codes: string[] = new Array(size);
    for (const [code, pos] of Object.entries(index)) {
      if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= size || codes[pos] !== undefined)
        return null;
      codes[pos] = code;
    }
    return codes.length === size && codes.every((c) => c !== undefined) ? codes : null;
  }
  // A dimension with one category may omit the index and give only the label.
  if (index === undefined && isObject(category.label) && Object.keys(category.label).length === 1 && size === 1)
    return Object.keys(category.label);
  return null;
}

/**
 * Reads a JSON-stat 2.0 dataset. Checks the version and class, that `id`, `size` and `dimension` agree,
 * that each dimension's categories match its size, and that the values fill exactly the product of the
 * sizes. Returns the first problem found, naming the dimension.
 */
export function parseJsonStat(
  text: string
): { ok: true; dataset: TJsonStatDataset } | { ok: false; issue: TJsonStatIssue } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, issue: { message: 'stats.jsonstat.error.json' } };
  }
  if (!isObject(raw)) return { ok: false, issue: { message: 'stats.jsonstat.error.notDataset' } };
  // A StatBank answer may wrap the dataset in a bundle: { "dataset": {...} } (JSON-stat 1 style).
  const ds = raw.class === undefined && isObject(raw.dataset) ? (raw.dataset as TRaw) : raw;
  if (ds.version !== '2.0' || ds.class !== 'dataset')
    return { ok: false, issue: { message: 'stats.jsonstat.error.notDataset' } };
  const ids = ds.id;
  const sizes = ds.size;
  const dims = ds.dimension;
  if (
    !Array.isArray(ids) ||
    !ids.every((i) => typeof i === 'string') ||
    !Array.isArray(sizes) ||
    !sizes.every((s) => Number.isInteger(s) && (s as number) >= 1) ||
    ids.length !== sizes.length ||
    ids.length === 0 ||
    !isObject(dims)
  )
    return { ok: false, issue: { message: 'stats.jsonstat.error.structure' } };
  const dimensions: TJsonStatDimension[] = [];
  for (let d = 0; d < ids.length; d++) {
    const id = ids[d] as string;
    const dim = dims[id];
    if (!isObject(dim) || !isObject(dim.category))
      return { ok: false, issue: { message: 'stats.jsonstat.error.dimension', params: { dimension: id } } };
    const codes = categoryCodes(dim.category, sizes[d] as number);
    if (!codes)
      return {
        ok: false,
        issue: { message: 'stats.jsonstat.error.categories', params: { dimension: id, size: String(sizes[d]) } }
      };
    const labels = isObject(dim.category.label) ? (dim.category.label as Record<string, unknown>) : {};
    dimensions.push({
      id,
      label: typeof dim.label === 'string' ? dim.label : id,
      categories: codes.map((code) => ({
        code,
        label: typeof labels[code] === 'string' ? (labels[code] as string) : code
      }))
    });
  }
  for (const key of Object.keys(dims))
    if (!ids.includes(key))
      return { ok: false, issue: { message: 'stats.jsonstat.error.unknownDimension', params: { dimension: key } } };
  const total = (sizes as number[]).reduce((a, b) => a * b, 1);
  if (total > 1_000_000) return { ok: false, issue: { message: 'stats.jsonstat.error.tooManyCells' } };
  const values: (number | null)[] = new Array(total).fill(null);
  if (Array.isArray(ds.value)) {
    if (ds.value.length !== total)
      return {
        ok: false,
        issue: {
          message: 'stats.jsonstat.error.sizeMismatch',
          params: { values: String(ds.value.length), cells: String(total) }
        }
      };
    for (let i = 0; i < total; i++) {
      const v = ds.value[i];
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
        return { ok: false, issue: { message: 'stats.jsonstat.error.value', params: { position: String(i) } } };
      values[i] = v as number | null;
    }
  } else if (isObject(ds.value)) {
    for (const [k, v] of Object.entries(ds.value)) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= total)
        return {
          ok: false,
          issue: { message: 'stats.jsonstat.error.sizeMismatch', params: { values: k, cells: String(total) } }
        };
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
        return { ok: false, issue: { message: 'stats.jsonstat.error.value', params: { position: k } } };
      values[i] = v as number | null;
    }
  } else return { ok: false, issue: { message: 'stats.jsonstat.error.structure' } };
  const statusOf = (i: number): string | null => {
    const st = ds.status;
    if (typeof st === 'string') return st;
    if (Array.isArray(st)) return typeof st[i] === 'string' ? (st[i] as string) : null;
    if (isObject(st)) return typeof st[String(i)] === 'string' ? (st[String(i)] as string) : null;
    return null;
  };
  const cells: TJsonStatCell[] = values.map((value, i) => {
    const coords: Record<string, string> = {};
    let rest = i;
    for (let d = ids.length - 1; d >= 0; d--) {
      const size = sizes[d] as number;
      coords[ids[d] as string] = dimensions[d].categories[rest % size].code;
      rest = Math.floor(rest / size);
    }
    return { coords, value, status: statusOf(i) };
  });
  const role = isObject(ds.role) ? ds.role : {};
  const time = Array.isArray(role.time) && typeof role.time[0] === 'string' ? (role.time[0] as string) : null;
  const metric = Array.isArray(role.metric) ? (role.metric.filter((m) => typeof m === 'string') as string[]) : [];
  return {
    ok: true,
    dataset: {
      label: typeof ds.label === 'string' ? ds.label : '',
      source: typeof ds.source === 'string' ? ds.source : '',
      updated: typeof ds.updated === 'string' ? ds.updated : '',
      dimensions,
      timeDimension: time ?? (ids as string[]).find((i) => /^(tid|time|year|år|period)$/i.test(i)) ?? null,
      metricDimensions: metric,
      cells,
      extension: isObject(ds.extension) ? ds.extension : {}
    }
  };
}

export interface TJsonStatBuildInput {
  label: string;
  source: string;
  updated: string;
  dimensions: TJsonStatDimension[];
  role: { time?: string[]; metric?: string[] };
  /** The cell at these category codes (in dimension order): its value, status symbol and note. */
  cell: (coords: string[]) => { value: number | null; status?: string; note?: string };
  /** Extra members of `extension`; cell notes go to `extension.forebygg.notes` by position. */
  extension?: Record<string, unknown>;
  note?: string[];
}

/** Writes a JSON-stat 2.0 dataset (dense value array, row-major in dimension order, sparse status). */
export function buildJsonStat(input: TJsonStatBuildInput) {
  const ids = input.dimensions.map((d) => d.id);
  const sizes = input.dimensions.map((d) => d.categories.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (let i = 0; i < total; i++) {
    const coords: string[] = new Array(ids.length);
    let rest = i;
    for (let d = ids.length - 1; d >= 0; d--) {
      coords[d] = input.dimensions[d].categories[rest % sizes[d]].code;
      rest = Math.floor(rest / sizes[d]);
    }
    const c = input.cell(coords);
    value.push(c.value);
    if (c.status) status[String(i)] = c.status;
    if (c.note) notes[String(i)] = c.note;
  }
  const extension = { ...(input.extension ?? {}) };
  const forebygg = (extension.forebygg ?? {}) as Record<string, unknown>;
  if (Object.keys(notes).length) extension.forebygg = { ...forebygg, notes };
  return {
    version: '2.0',
    class: 'dataset',
    label: input.label,
    source: input.source,
    updated: input.updated,
    ...(input.note?.length ? { note: input.note } : {}),
    id: ids,
    size: sizes,
    role: input.role,
    dimension: Object.fromEntries(
      input.dimensions.map((d) => [
        d.id,
        {
          label: d.label,
          category: {
            index: Object.fromEntries(d.categories.map((c, i) => [c.code, i])),
            label: Object.fromEntries(d.categories.map((c) => [c.code, c.label]))
          }
        }
      ])
    ),
    value,
    ...(Object.keys(status).length ? { status } : {}),
    ...(Object.keys(extension).length ? { extension } : {})
  };
}
