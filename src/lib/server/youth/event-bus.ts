/**
 * Live fan-out for classroom sessions. Producers publish a small message on a topic (a session id)
 * after they have written the change to the database; subscribers (the projector's and the pupils'
 * Server-Sent Event streams) re-read the state from the database. The database stays the truth, so a
 * bus that spans several instances (PostgreSQL LISTEN/NOTIFY) can replace this in-process one behind
 * the same interface.
 */
export interface TEventBus {
  publish(topic: string, message: string): void;
  /** Calls `listener` for every later message on `topic`; returns the unsubscribe function. */
  subscribe(topic: string, listener: (message: string) => void): () => void;
  /** How many listeners a topic has (for tests and metrics). */
  listenerCount(topic: string): number;
}

/** One process's bus: a map of topic → listeners. A throwing listener does not stop the others. */
export function createInProcessBus(): TEventBus {
  const topics = new Map<string, Set<(message: string) => void>>();
  return {
    publish(topic, message) {
      for (const listener of [...(topics.get(topic) ?? [])]) {
        try {
          listener(message);
        } catch {
          // A broken subscriber (a closed stream) must not stop delivery to the rest.
        }
      }
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
    }
  };
}

/** The bus classroom sessions use in this process. */
export const classroomBus: TEventBus = createInProcessBus();
