import type { TEventBus } from '../youth/event-bus';

/** The one PostgreSQL channel every instance listens on; a message names its topic. */
export const BUS_CHANNEL = 'forebygg_bus';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ours are a topic id and a word. */
const MAX_PAYLOAD = 7900;

export interface TPgBus extends TEventBus {
  /** Resolves once the listening connection is up (the first time). */
  ready(): Promise<void>;
  /** True while the listening connection is up. */
  connected(): boolean;
  close(): Promise<void>;
}

interface TListenClient {
  connect(): Promise<unknown>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', fn: (msg: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', fn: (err?: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export interface TPgBusOptions {
  /** Opens a new, not yet connected client for the LISTEN connection. */
  newClient: () => TListenClient;
  /** Sends one NOTIFY (through the app's pool, so publishing never waits for the listener). */
  notify: (channel: string, payload: string) => Promise<unknown>;
  onError?: (message: string) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Encodes a bus message as the NOTIFY payload: `[topic, message]` as JSON. */
export function encodeBusMessage(topic: string, message: string): string | null {
  const payload = JSON.stringify([topic, message]);
  return Buffer.byteLength(payload) < MAX_PAYLOAD ? payload : null;
}

/** Decodes a NOTIFY payload; null for anything that is not ours. */
export function decodeBusMessage(payload: string | undefined): { topic: string; message: string } | null {
  try {
    const v = JSON.parse(payload ?? '') as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return { topic: v[0], message: v[1] };
  } catch {
    // not ours
  }
  return null;
}

/** The wait before reconnect attempt `n` (0-based): doubling from `min`, at most `max`. */
export function backoffMs(attempt: number, min = 250, max = 10_000): number {
  return Math.min(max, min * 2 ** Math.min(attempt, 20));
}

/**
 * A bus that spans every instance on one PostgreSQL database: `publish` sends `NOTIFY forebygg_bus`
 * through the pool, and one dedicated connection per instance `LISTEN`s and hands each message to this
 * instance's subscribers. When that connection drops (restart, failover) it reconnects with backoff, and
 * then tells every subscribed topic `state`, so streams re-read what they may have missed: the database
 * stays the truth, the bus only says "look again".
 */
export function createPgBus(options: TPgBusOptions): TPgBus {
  const { newClient, notify, onError = () => {}, minBackoffMs = 250, maxBackoffMs = 10_000 } = options;
  const topics = new Map<string, Set<(message: string) => void>>();
  let client: TListenClient | null = null;
  let isUp = false;
  let closed = false;
  let attempt = 0;
  let everConnected = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let resolveReady: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (resolveReady = r));

  const deliver = (topic: string, message: string) => {
    for (const listener of [...(topics.get(topic) ?? [])]) {
      try {
        listener(message);
      } catch {
        // A broken subscriber (a closed stream) must not stop delivery to the rest.
      }
    }
  };

  const scheduleReconnect = () => {
    if (closed || timer) return;
    const wait = backoffMs(attempt++, minBackoffMs, maxBackoffMs);
    timer = setTimeout(() => {
      timer = undefined;
      void open();
    }, wait);
    timer.unref?.();
  };

  const dropped = (err?: Error) => {
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {}); // a late error of the dead client must not crash the process
      client.end().catch(() => {});
    }
    client = null;
    if (isUp && err) onError(`event bus connection lost: ${err.message}`);
    isUp = false;
    scheduleReconnect();
  };

  async function open(): Promise<void> {
    if (closed) return;
    const c = newClient();
    client = c;
    c.on('error', (err) => dropped(err));
    c.on('end', () => dropped(new Error('connection ended')));
    c.on('notification', (msg) => {
      if (msg.channel !== BUS_CHANNEL) return;
      const m = decodeBusMessage(msg.payload);
      if (m) deliver(m.topic, m.message);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${BUS_CHANNEL}`);
    } catch (e) {
      if (client === c) dropped(e as Error);
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    isUp = true;
    attempt = 0;
    if (everConnected) for (const topic of [...topics.keys()]) deliver(topic, 'state');
    everConnected = true;
    resolveReady();
  }

  void open();

  return {
    publish(topic, message) {
      const payload = encodeBusMessage(topic, message);
      if (payload === null) return;
      notify(BUS_CHANNEL, payload).catch((e: Error) => {
        // The database is away: the change was written before publishing, so streams catch up on reconnect.
        onError(`event bus publish failed: ${e.message}`);
      });
    },
    subscribe(topic, listener) {
      let set = topics.get(topic);
      if (!set) topics.set(topic, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && topics.get(topic) === set) topics.delete(topic);
      };
    },
    listenerCount(topic) {
      return topics.get(topic)?.size ?? 0;
    },
    ready: () => readyPromise,
    connected: () => isUp,
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      isUp = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    }
  };
}

/** The bus of an app context on PostgreSQL: LISTEN on a client of its own, NOTIFY through `db`. */
export async function openPgBus(
  url: string,
  db: import('kysely').Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  onError: (message: string) => void
): Promise<TPgBus> {
  const pg = await import('pg');
  const { Client } = pg.default ?? pg;
  const { sql } = await import('kysely');
  return createPgBus({
    newClient: () => new Client({ connectionString: url }) as unknown as TListenClient,
    notify: (channel, payload) => sql`select pg_notify(${channel}, ${payload})`.execute(db),
    onError
  });
}
