import { randomBytes } from 'node:crypto';
import type { DB } from '../db/schema';

/**
 * Returns the named secret, creating a random 256-bit one on first use. Kept in the database so every
 * instance shares it and no secret is ever a constant in the code.
 */
export async function getOrCreateSecret(db: DB, name: string): Promise<Buffer> {
  const existing = await db.selectFrom('app_secret').select('value').where('name', '=', name).executeTakeFirst();
  if (existing) return Buffer.from(existing.value, 'base64');
  await db
    .insertInto('app_secret')
    .values({ name, value: randomBytes(32).toString('base64'), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  // Read back: another instance may have won the race.
  const row = await db.selectFrom('app_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
