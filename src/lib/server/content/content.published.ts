import type { DB, Executor } from '../db/schema';
import type { LearnContent } from '../learn/learn.content';
import type { TEventBus } from '../youth/event-bus';
import { LEARN_KIND, learnContentFrom } from './content.learn';

/** The bus topic a publish is announced on; every instance drops its cached pages when it hears it. */
export const CONTENT_TOPIC = 'content.published';

/** The published learning pages, straight from the database. */
export async function loadPublishedLearnContent(db: Executor): Promise<LearnContent> {
  const rows = await db
    .selectFrom('content_version as v')
    .innerJoin('content_item as i', 'i.id', 'v.item_id')
    .select(['i.key', 'i.locale', 'v.body'])
    .where('i.kind', '=', LEARN_KIND)
    .where('v.state', '=', 'published')
    .orderBy('i.key')
    .orderBy('i.locale')
    .execute();
  return learnContentFrom(rows);
}

const cache = new WeakMap<DB, Promise<LearnContent>>();
const listening = new WeakSet<DB>();

/**
 * The published learning pages, rendered once per process and database until a publish is announced
 * on the bus (PostgreSQL LISTEN/NOTIFY reaches every instance; SQLite's bus is this process's). The
 * bus also tells subscribers after it reconnects, so a missed announcement cannot leave pages stale.
 */
export function publishedLearnContent(ctx: { db: DB; bus: TEventBus }): Promise<LearnContent> {
  if (!listening.has(ctx.db)) {
    listening.add(ctx.db);
    ctx.bus.subscribe(CONTENT_TOPIC, () => cache.delete(ctx.db));
  }
  let p = cache.get(ctx.db);
  if (!p) {
    p = loadPublishedLearnContent(ctx.db);
    cache.set(ctx.db, p);
    p.catch(() => cache.delete(ctx.db));
  }
  return p;
}

/** Drops this process's cached pages and tells the other instances to drop theirs. */
export function announcePublish(ctx: { db: DB; bus: TEventBus }): void {
  cache.delete(ctx.db);
  ctx.bus.publish(CONTENT_TOPIC, LEARN_KIND);
}
