import type { Insertable } from 'kysely';
import type { Executor } from '../db/schema';
import type { CampaignMaterialFileTable } from './materials.tables';

const metaColumns = [
  'id',
  'campaign_id',
  'title',
  'alt_nb',
  'alt_en',
  'content_type',
  'file_name',
  'byte_size',
  'sha256',
  'created_at'
] as const;

export async function insertMaterialFile(db: Executor, row: Insertable<CampaignMaterialFileTable>) {
  await db.insertInto('campaign_material_file').values(row).execute();
}

/** A campaign's files without their bytes, oldest first. */
export async function listMaterialFiles(db: Executor, campaignId: string) {
  return db
    .selectFrom('campaign_material_file')
    .select(metaColumns)
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countMaterialFiles(db: Executor, campaignId: string): Promise<number> {
  const r = await db
    .selectFrom('campaign_material_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One file of a campaign, with its bytes. */
export async function findMaterialFile(db: Executor, campaignId: string, fileId: string) {
  return db
    .selectFrom('campaign_material_file')
    .select([...metaColumns, 'data'])
    .where('campaign_id', '=', campaignId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export async function deleteMaterialFile(db: Executor, campaignId: string, fileId: string) {
  const r = await db
    .deleteFrom('campaign_material_file')
    .where('campaign_id', '=', campaignId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes every file of a campaign (before the campaign itself); returns how many there were. */
export async function deleteMaterialFilesOf(db: Executor, campaignId: string): Promise<number> {
  const r = await db.deleteFrom('campaign_material_file').where('campaign_id', '=', campaignId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
