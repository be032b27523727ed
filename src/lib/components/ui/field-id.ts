/**
 * The element id a form control gets from its `name`, so an error summary can link to the field
 * without knowing how it is rendered. `items[0].name` → `field-items-0-name`.
 */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/** Joins the ids of describing elements into one `aria-describedby` value, or `undefined` if there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** The ARIA attributes a control gets from its hint and error (rendered by FieldMessages with these ids). */
export interface TFieldAria {
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

export function fieldAria(
  id: string,
  hint: string | undefined,
  error: string | undefined,
  extra?: string | null
): TFieldAria {
  return {
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`, extra)
  };
}
