/**
 * Offline counting for checks scored in the page: when the anonymous aggregate cannot be sent, it waits
 * in localStorage and is sent once, later. Only what the API needs is kept (sector, version, answers,
 * municipality) — no time, nothing typed — and it is removed as soon as the server has answered.
 */
export interface TQueuedCheck {
  sector: string;
  version: number;
  answers: Record<string, 'yes' | 'no' | 'unknown'>;
  municipality?: string;
}

export const QUEUE_KEY = 'forebygg.check.queue';
const MAX_QUEUED = 50;

interface TStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function read(storage: TStorage): TQueuedCheck[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as TQueuedCheck[]) : [];
  } catch {
    return [];
  }
}

function write(storage: TStorage, list: TQueuedCheck[]): void {
  if (list.length) storage.setItem(QUEUE_KEY, JSON.stringify(list.slice(-MAX_QUEUED)));
  else storage.removeItem(QUEUE_KEY);
}

export function enqueue(storage: TStorage, check: TQueuedCheck): void {
  write(storage, [...read(storage), check]);
}

export function queued(storage: TStorage): number {
  return read(storage).length;
}

/** Sends one check; 'sent' also for a 4xx (the server refused it: sending again would not help). */
export async function send(fetcher: typeof fetch, check: TQueuedCheck): Promise<'sent' | 'failed'> {
  try {
    const res = await fetcher('/api/v1/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(check)
    });
    return res.status < 500 ? 'sent' : 'failed';
  } catch {
    return 'failed';
  }
}

let flushing: Promise<number> | null = null;

/** Sends every queued check once; keeps those that could not be sent. Returns how many were sent. */
export function flush(storage: TStorage, fetcher: typeof fetch): Promise<number> {
  if (flushing) return flushing;
  const run = (async () => {
    let sent = 0;
    for (const check of read(storage)) {
      if ((await send(fetcher, check)) === 'failed') break;
      // Remove before the next send, so a reload in between cannot send it twice.
      write(storage, read(storage).slice(1));
      sent++;
    }
    return sent;
  })();
  flushing = run.finally(() => {
    flushing = null;
  });
  return flushing;
}
