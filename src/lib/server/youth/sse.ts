import type { TEventBus } from './event-bus';

/** How often an idle stream sends a comment, so proxies keep it open. */
const KEEPALIVE_MS = 20_000;

/**
 * A Server-Sent Events response that sends `compute()` at once and again after every bus message on
 * `topic` that `relevant` accepts. Messages that arrive while a computation runs are coalesced into one
 * more computation, so a burst of 60 answers costs a few reads, not 60. `compute` returning null closes
 * the stream (the session is gone).
 */
export function eventStream(opts: {
  bus: TEventBus;
  topic: string;
  signal: AbortSignal;
  compute: () => Promise<unknown | null>;
  relevant?: (message: string) => boolean;
}): Response {
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let keepalive: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(keepalive);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      let running = false;
      let pending = false;
      const push = async () => {
        if (running) {
          pending = true;
          return;
        }
        running = true;
        try {
          do {
            pending = false;
            const value = await opts.compute();
            if (value === null) return close();
            write(`data: ${JSON.stringify(value)}\n\n`);
          } while (pending && !closed);
        } catch {
          close();
        } finally {
          running = false;
        }
      };
      // Messages published in the same turn of the event loop (a burst of answers arriving together)
      // wait for one `setImmediate` and are served by a single computation.
      let scheduled = false;
      unsubscribe = opts.bus.subscribe(opts.topic, (message) => {
        if (opts.relevant && !opts.relevant(message)) return;
        if (running) {
          pending = true;
          return;
        }
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          void push();
        });
      });
      keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
      opts.signal.addEventListener('abort', close, { once: true });
      write('retry: 3000\n\n');
      void push();
    },
    cancel() {
      closed = true;
      unsubscribe();
      clearInterval(keepalive);
    }
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no'
    }
  });
}
