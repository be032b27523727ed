/**
 * Figures computed from a wave's counters, kept in memory between requests under the counters' generation
 * (survey_counter_version, migration 202612040100), which every request reads from the database first: every
 * transaction that changes a wave's counters — a response batch, a recount, on any instance — adds one to it,
 * so the next request of every instance computes again. The generation is read BEFORE the counters: a write
 * between the two reads leaves newer counters under the older generation, which the next request finds stale
 * and computes again, never the other way round. Only numbers are kept (no HTML, no wave names or dates, which
 * staff may edit), per database, bounded (least recently used out first). A computation that fails is not kept.
 */
import type { Executor } from '../db/schema';
import * as repo from './surveys.repository';

const KEPT = 128;
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

/** The key part for the counters of `waveIds`: each wave with its generation, read now. */
export async function countersKey(db: Executor, waveIds: readonly string[]): Promise<string> {
  return (await waveKeys(db, waveIds)).join(',');
}

/** The parts of `countersKey`, one per wave (`<wave>@<generation>`), read now. */
export async function waveKeys(db: Executor, waveIds: readonly string[]): Promise<string[]> {
  const generations = await repo.counterVersions(db, waveIds);
  return waveIds.map((id, i) => `${id}@${generations[i]}`);
}

/**
 * A campaign effect of two waves, kept under the generation of both waves' counters (read first, on every call),
 * so it is computed again after any response or recount on any instance. `compute` gets the waves' keys.
 */
export async function keptForWaves<T>(
  db: Executor,
  kind: string,
  args: { beforeWaveId: string; afterWaveId: string },
  compute: (keys: readonly string[]) => Promise<T>
): Promise<T> {
  const keys = await waveKeys(db, [args.beforeWaveId, args.afterWaveId]);
  return memoized(db, [kind, keys.join(','), JSON.stringify(args)].join('\u001f'), () => compute(keys));
}

/**
 * The value kept under `key` for this database, or `compute()`'s, kept. Concurrent requests for the same key
 * share one computation. Callers must not change what they get: the same object serves later requests.
 */
export function memoized<T>(db: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const kept = cache.get(key) as Promise<T> | undefined;
  if (kept) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const made = compute();
  cache.set(key, made);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value as string);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}

/** Forgets everything kept for this database (tests, benchmarks). */
export function forgetResults(db: object): void {
  caches.delete(db);
}
