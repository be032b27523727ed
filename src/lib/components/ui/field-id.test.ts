import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describedBy, fieldAria, fieldId } from './field-id';

describe('fieldId', () => {
  it('turns a nested name into an id an error summary can link to', () => {
    expect(fieldId('items[0].name')).toBe('field-items-0-name');
  });

  it('always gives a valid, stable id', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const id = fieldId(name);
        expect(id).toMatch(/^field-[A-Za-z0-9_-]*$/);
        expect(fieldId(name)).toBe(id);
      })
    );
  });
});

describe('fieldAria', () => {
  it('points a control at its hint and error, and marks it invalid only with an error', () => {
    expect(fieldAria('field-email', 'Vi svarer hit.', 'Skriv en e-postadresse.')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'field-email-hint field-email-error'
    });
    expect(fieldAria('field-email', 'Vi svarer hit.', undefined)).toEqual({
      'aria-invalid': undefined,
      'aria-describedby': 'field-email-hint'
    });
    expect(fieldAria('field-email', undefined, undefined)).toEqual({
      'aria-invalid': undefined,
      'aria-describedby': undefined
    });
  });

  it("keeps a caller's own describing ids after the hint and error", () => {
    expect(fieldAria('field-x', '', 'Feil', 'note-1')['aria-describedby']).toBe('field-x-error note-1');
  });

  it('names exactly the messages that are shown, in order', () => {
    const text = fc.option(fc.string(), { nil: undefined });
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), text, text, (id, hint, error) => {
        const aria = fieldAria(id, hint, error);
        const expected = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
        expect(aria['aria-describedby']).toBe(expected.length ? expected.join(' ') : undefined);
        expect(aria['aria-invalid']).toBe(error ? 'true' : undefined);
        expect(aria['aria-describedby']).toBe(describedBy(hint && `${id}-hint`, error && `${id}-error`));
      })
    );
  });
});
