import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { app } from '$lib/server/app';
import { appliedMigrations } from '$lib/server/db/migrate';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
  const ctx = await app();
  const version = ctx.version;
  try {
    await sql`select 1`.execute(ctx.db);
    const applied = await appliedMigrations(ctx.db);
    return json(
      {
        status: 'ok',
        db: ctx.dialect,
        version,
        migrations: { applied: applied.length, latest: applied.at(-1) ?? null }
      },
      { headers: { 'cache-control': 'no-store' } }
    );
  } catch {
    return json(
      {
        status: 'error',
        db: ctx.dialect,
        version,
        migrations: { applied: ctx.migrations.length, latest: ctx.migrations.at(-1) ?? null }
      },
      { status: 503, headers: { 'cache-control': 'no-store' } }
    );
  }
};
