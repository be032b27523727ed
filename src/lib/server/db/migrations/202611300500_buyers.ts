import type { Kysely } from 'kysely';
import { columnTypes } from './dialect';

/** Buyers: saved due-diligence plans per contract, their follow-up checks, and supplier self-assessments. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('buyer_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('buyer_type', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('contract_type', 'text', (c) => c.notNull())
    .addColumn('value', t.bigint, (c) => c.notNull())
    .addColumn('supplier_name', 'text', (c) => c.notNull())
    .addColumn('supplier_org_number', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('buyer_plan_org_idx').on('buyer_plan').column('organisation_id').execute();

  await db.schema
    .createTable('buyer_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('buyer_plan.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('finding_type', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('buyer_check_plan_idx').on('buyer_check').columns(['plan_id', 'due_on']).execute();

  await db.schema
    .createTable('buyer_assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('buyer_plan.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('answered_at', t.time)
    .addColumn('answers', t.json)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('buyer_assessment_plan_idx').on('buyer_assessment').column('plan_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['buyer_assessment', 'buyer_check', 'buyer_plan']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
