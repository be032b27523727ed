import { describe, expect, it } from 'vitest';
import { enqueue, flush, queued, QUEUE_KEY, type TQueuedCheck } from './queue';

function memory() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    raw: m
  };
}
const check: TQueuedCheck = { sector: 'car-wash', version: 1, answers: { fearful: 'yes' } };

describe('offline queue', () => {
  it('sends each queued check once and empties the queue', async () => {
    const s = memory();
    enqueue(s, check);
    enqueue(s, { ...check, municipality: '0301' });
    const bodies: string[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await flush(s, fetcher)).toBe(2);
    expect(bodies.map((b) => JSON.parse(b).municipality)).toEqual([undefined, '0301']);
    expect(s.raw.has(QUEUE_KEY)).toBe(false);
    expect(await flush(s, fetcher)).toBe(0);
  });

  it('keeps what could not be sent (offline or 5xx) and drops what the server refused (4xx)', async () => {
    const s = memory();
    enqueue(s, check);
    enqueue(s, check);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await flush(s, offline)).toBe(0);
    expect(queued(s)).toBe(2);
    let calls = 0;
    const mixed = (async () => new Response('{}', { status: ++calls === 1 ? 400 : 503 })) as unknown as typeof fetch;
    expect(await flush(s, mixed)).toBe(1);
    expect(queued(s)).toBe(1);
  });

  it('survives a corrupt entry', () => {
    const s = memory();
    s.setItem(QUEUE_KEY, '{not json');
    expect(queued(s)).toBe(0);
    enqueue(s, check);
    expect(queued(s)).toBe(1);
  });
});
