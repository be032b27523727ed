import { MAX_SOURCES, sourceFieldNames } from '$lib/schemas/content';

/** A learning page's body as the editor's form fields, named as ZLearnEditForm reads them. */
export interface TLearnBodyLike {
  title: string;
  summary: string;
  markdown: string;
  related: string[];
  sources: { title: string; publisher?: string; url?: string; date?: string; note?: string }[];
}

export function learnFormValues(body: TLearnBodyLike, revision: number, base: number): Record<string, string> {
  const values: Record<string, string> = {
    revision: String(revision),
    base: String(base),
    title: body.title,
    summary: body.summary,
    markdown: body.markdown,
    related: body.related.join(', ')
  };
  body.sources.slice(0, MAX_SOURCES).forEach((s, i) => {
    for (const f of sourceFieldNames) if (s[f]) values[`s${i}_${f}`] = s[f];
  });
  return values;
}

/** How many source rows to show: the filled ones and two empty rows to add more. */
export function sourceRows(values: Record<string, string>): number {
  let last = -1;
  for (let i = 0; i < MAX_SOURCES; i++) if (sourceFieldNames.some((f) => values[`s${i}_${f}`])) last = i;
  return Math.min(MAX_SOURCES, last + 3);
}
