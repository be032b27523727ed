import { isHttpError } from '@sveltejs/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translate } from '../../i18n';
import { parseForm, parseFormOrThrow, readFormOrFail } from './forms';

const schema = z.object({ name: z.string().min(1, 'validation.required'), count: z.coerce.number().int() });

const formRequest = (fields: Record<string, string>) =>
  new Request('http://localhost/x', {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  });
const jsonRequest = () =>
  new Request('http://localhost/x', {
    method: 'POST',
    body: '{"name":"x"}',
    headers: { 'content-type': 'application/json' }
  });

async function thrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (isHttpError(e)) return { status: e.status, body: e.body };
    throw e;
  }
  throw new Error('expected an HTTP error');
}

describe('readFormOrFail', () => {
  it('gives the form, or 415 with the message in the user language when the body is not a form', async () => {
    const read = await readFormOrFail(formRequest({ name: 'Oslo' }), 'nb');
    expect(read.ok && read.form.get('name')).toBe('Oslo');
    const refused = await readFormOrFail(jsonRequest(), 'en');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.failure.status).toBe(415);
      expect(refused.failure.data).toEqual({ message: translate('en', 'validation.notAForm'), errors: {}, values: {} });
    }
  });
});

describe('parseFormOrThrow', () => {
  it('returns the parsed fields of a valid form', async () => {
    expect(await parseFormOrThrow(formRequest({ name: 'Oslo', count: '3' }), schema, 'nb')).toEqual({
      name: 'Oslo',
      count: 3
    });
  });

  it('throws 400 for an invalid form and 415 for a body that is not a form, in the user language', async () => {
    expect(await thrown(parseFormOrThrow(formRequest({ name: '', count: 'x' }), schema, 'nb'))).toEqual({
      status: 400,
      body: { message: translate('nb', 'validation.summary'), code: 'validation' }
    });
    expect(await thrown(parseFormOrThrow(jsonRequest(), schema, 'en'))).toEqual({
      status: 415,
      body: { message: translate('en', 'validation.notAForm'), code: 'unsupported_media_type' }
    });
  });

  it('accepts exactly the forms parseForm accepts, with the same data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (name, count) => {
        const page = await parseForm(formRequest({ name, count }), schema, 'nb');
        if (page.ok) expect(await parseFormOrThrow(formRequest({ name, count }), schema, 'nb')).toEqual(page.data);
        else expect((await thrown(parseFormOrThrow(formRequest({ name, count }), schema, 'nb'))).status).toBe(400);
      }),
      { numRuns: 200 }
    );
  });
});
