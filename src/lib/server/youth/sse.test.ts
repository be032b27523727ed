import { describe, expect, it } from 'vitest';
import { createInProcessBus } from './event-bus';
import { eventStream } from './sse';

async function readEvents(res: Response, count: number): Promise<string[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events: string[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let i;
    while ((i = text.indexOf('\n\n')) >= 0) {
      const chunk = text.slice(0, i);
      text = text.slice(i + 2);
      if (chunk.startsWith('data: ')) events.push(chunk.slice(6));
    }
  }
  reader.releaseLock();
  return events;
}

describe('the live event stream', () => {
  it('sends the state at once, and a burst of 60 messages costs one more computation, not 60', async () => {
    const bus = createInProcessBus();
    const abort = new AbortController();
    let computed = 0;
    const res = eventStream({
      bus,
      topic: 's1',
      signal: abort.signal,
      compute: async () => ({ n: ++computed })
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await readEvents(res, 1)).toEqual(['{"n":1}']);
    for (let i = 0; i < 60; i++) bus.publish('s1', 'answer');
    expect(await readEvents(res, 1)).toEqual(['{"n":2}']);
    await new Promise((r) => setTimeout(r, 20));
    expect(computed).toBe(2);
    abort.abort();
    expect(bus.listenerCount('s1')).toBe(0);
  });

  it('ignores messages it is not interested in, and closes when the state is gone', async () => {
    const bus = createInProcessBus();
    let gone = false;
    let computed = 0;
    const res = eventStream({
      bus,
      topic: 's2',
      signal: new AbortController().signal,
      relevant: (m) => m === 'state',
      compute: async () => {
        computed++;
        return gone ? null : { ok: true };
      }
    });
    expect(await readEvents(res, 1)).toHaveLength(1);
    bus.publish('s2', 'answer');
    await new Promise((r) => setTimeout(r, 20));
    expect(computed).toBe(1);
    gone = true;
    bus.publish('s2', 'state');
    expect(await readEvents(res, 1)).toEqual([]);
    expect(bus.listenerCount('s2')).toBe(0);
  });
});
