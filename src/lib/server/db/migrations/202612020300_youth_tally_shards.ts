import { sql, type Kysely } from 'kysely';
import { columnTypes } from './dialect';

/**
 * Youth: the anonymous answer counters get a `shard` (0 for every existing row) in their primary key, so
 * concurrent answers to the same question in the same week add to one of several rows and do not queue
 * on one row lock across app instances; readers sum over the shards (they already sum over weeks).
 * PostgreSQL changes the key in place; SQLite cannot, so its tables are copied into new ones.
 */
const tables = [
  { name: 'youth_answer_tally', key: ['set_id', 'question_id', 'mode', 'iso_week'] },
  { name: 'youth_option_tally', key: ['set_id', 'question_id', 'option_id', 'mode', 'iso_week'] },
  { name: 'youth_class_tally', key: ['set_id', 'question_id', 'run', 'iso_week', 'municipality'] }
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  for (const { name, key } of tables) {
    const pk = `${name}_pk`;
    if (t.isPg) {
      await db.schema
        .alterTable(name)
        .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable(name).dropConstraint(pk).execute();
      await db.schema
        .alterTable(name)
        .addPrimaryKeyConstraint(pk, [...key, 'shard'])
        .execute();
      continue;
    }
    const copy = `${name}_sharded`;
    let create = db.schema
      .createTable(copy)
      .addColumn('set_id', 'text', (c) => c.notNull().references('youth_quiz_set.id').onDelete('cascade'));
    for (const column of key.slice(1)) create = create.addColumn(column, 'text', (c) => c.notNull());
    const counts = name === 'youth_option_tally' ? ['count'] : ['answered', 'correct'];
    for (const column of counts) create = create.addColumn(column, t.bigint, (c) => c.notNull());
    await create
      .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(pk, [...key, 'shard'] as never)
      .execute();
    const columns = sql.join([...key, ...counts].map((c) => sql.ref(c)));
    await sql`insert into ${sql.table(copy)} (${columns}, shard) select ${columns}, 0 from ${sql.table(name)}`.execute(
      db
    );
    await db.schema.dropTable(name).execute();
    await db.schema.alterTable(copy).renameTo(name).execute();
  }
}

/** Sums the shards back into one row per key, in tables without `shard`. */
export async function down(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  for (const { name, key } of tables) {
    const pk = `${name}_pk`;
    // PostgreSQL names constraints per schema: the old key must go before the copy takes its name.
    if (t.isPg) await db.schema.alterTable(name).dropConstraint(pk).execute();
    const copy = `${name}_unsharded`;
    let create = db.schema
      .createTable(copy)
      .addColumn('set_id', 'text', (c) => c.notNull().references('youth_quiz_set.id').onDelete('cascade'));
    for (const column of key.slice(1)) create = create.addColumn(column, 'text', (c) => c.notNull());
    const counts = name === 'youth_option_tally' ? ['count'] : ['answered', 'correct'];
    for (const column of counts) create = create.addColumn(column, t.bigint, (c) => c.notNull());
    await create.addPrimaryKeyConstraint(pk, [...key] as never).execute();
    const keys = sql.join(key.map((c) => sql.ref(c)));
    const sums = sql.join(counts.map((c) => sql`sum(${sql.ref(c)})`));
    const columns = sql.join([...key, ...counts].map((c) => sql.ref(c)));
    await sql`insert into ${sql.table(copy)} (${columns}) select ${keys}, ${sums} from ${sql.table(name)} group by ${keys}`.execute(
      db
    );
    await db.schema.dropTable(name).execute();
    await db.schema.alterTable(copy).renameTo(name).execute();
  }
}
