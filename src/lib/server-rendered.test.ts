import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { ServerRendered } from './server-rendered';

describe('data for the server-rendered HTML only', () => {
  const { encode, decode } = transport.ServerRendered;
  const data = { figures: [1, 2, 3] };

  it('is not serialized into an HTML page, but given to a data request in full', () => {
    // Truthy (SvelteKit then writes the encoded form instead of walking the data), and without the data.
    expect(encode(new ServerRendered(data, false))).toEqual({});
    expect(encode(new ServerRendered(data, true))).toEqual({ value: data });
    expect(decode({ value: data })).toEqual(new ServerRendered(data, false));
  });

  it('leaves every other value to SvelteKit', () => {
    for (const x of [data, null, 0, 'text', [data]]) expect(encode(x)).toBe(false);
  });
});
