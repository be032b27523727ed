import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { migrations } from './migrations';

/** Runs every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Names of the migrations that have been applied, read straight from Kysely's bookkeeping table:
 * cheap enough for every health check (the Migrator's own listing first ensures its tables exist).
 */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Refuses a database that has migrations this code does not know (it was upgraded by a newer version):
 * serving it with older code could write records the newer schema does not expect.
 */
export async function assertKnownMigrations(db: Kysely<Database>): Promise<void> {
  let applied: string[];
  try {
    applied = await appliedMigrations(db);
  } catch {
    return; // a new database: no bookkeeping table yet
  }
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length)
    throw new Error(
      `the database has migrations this version does not know (${unknown.join(', ')}): start the newer version of Forebygg instead`
    );
}
