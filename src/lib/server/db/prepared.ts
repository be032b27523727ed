import type { CompiledQuery, Compilable } from 'kysely';
import type { Executor } from './schema';
import { checkStorableText } from './reject-nul';

/**
 * Queries on a hot path (a classroom burst: 60 answers within a second; survey intake) compiled once per database and
 * reused: building and compiling a Kysely query costs more than running it. `build` receives one
 * placeholder string per parameter; the compiled query's placeholders are replaced by the real values
 * on each run. Only string parameters; text with a NUL character is refused like everywhere else
 * (RejectNulPlugin, which sees only the placeholders here).
 */
const cache = new WeakMap<object, Map<string, { compiled: CompiledQuery; slots: number[] }>>();

const MARK = '\u2063forebygg-prepared-';
const placeholder = (i: number) => `${MARK}${i}\u2063`;

export async function runPrepared<R>(
  db: Executor,
  name: string,
  build: (...params: string[]) => Compilable<R>,
  values: readonly string[]
): Promise<{ rows: R[]; numAffectedRows?: bigint }> {
  values.forEach(checkStorableText);
  // Keyed by the dialect's adapter, which a database shares with its transactions: a query compiled
  // once runs on the database and inside any of its transactions.
  const owner = db.getExecutor().adapter;
  let byName = cache.get(owner);
  if (!byName) cache.set(owner, (byName = new Map()));
  let entry = byName.get(name);
  if (!entry) {
    const compiled = build(...values.map((_, i) => placeholder(i))).compile();
    const slots = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length, -1)) : -1
    );
    if (new Set(slots.filter((s) => s >= 0)).size !== values.length)
      throw new Error(`prepared query ${name}: every parameter must be used as a value`);
    entry = { compiled, slots };
    byName.set(name, entry);
  }
  const { compiled, slots } = entry;
  const parameters = compiled.parameters.map((p, k) => (slots[k]! >= 0 ? values[slots[k]!] : p));
  return db.executeQuery<R>({ ...compiled, parameters } as CompiledQuery<R>);
}
