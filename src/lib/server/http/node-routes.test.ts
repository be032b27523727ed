import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchNodeRoute } from './node-routes';

// The production server asks dispatchNodeRoute first for every request (scripts/node-routes-adapter.js).
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!dispatchNodeRoute(req, res)) res.writeHead(404).end('not a node route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('a path that is not valid %-encoding', () => {
  it('gets the API 400 with a message in the caller’s language', async () => {
    const nb = await fetch(`${origin}/api/v1/quizzes/%ED%A0%80`);
    expect(nb.status).toBe(400);
    expect(nb.headers.get('content-type')).toBe('application/json');
    expect(await nb.json()).toEqual({ message: expect.stringMatching(/\S/), code: 'bad_request' });
    const en = await fetch(`${origin}/api/v1/surveys/%E0%A4/results`, { headers: { 'accept-language': 'en' } });
    const body = (await en.json()) as { message: string };
    expect(en.status).toBe(400);
    expect(body.message).not.toBe(
      ((await (await fetch(`${origin}/api/v1/x/%FF`)).json()) as { message: string }).message
    );
  });

  it('gets a 400 page on a page address, in the page’s language', async () => {
    const page = await fetch(`${origin}/en/learn/%ED%A0%80`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<html lang="en">');
  });

  it('leaves every decodable path to SvelteKit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (s) => {
        const res = await fetch(`${origin}/api/v1/quizzes/${encodeURIComponent(s)}`);
        expect(res.status).toBe(404);
        expect(await res.text()).toBe('not a node route');
      }),
      { numRuns: 50 }
    );
  });
});
