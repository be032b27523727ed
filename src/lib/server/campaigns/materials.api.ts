import type { z } from 'zod';
import type { ZMaterialFileApi } from '../../schemas/campaign-materials';
import type { DB } from '../db/schema';
import type { TCampaign } from './campaigns.service';
import { listMaterialFiles, publicMaterialPath } from './materials.service';

/** A published campaign's uploaded files for `GET /api/v1/campaigns/{id}`, each with its public address. */
export async function apiMaterialFiles(
  db: DB,
  c: Pick<TCampaign, 'id' | 'slug'>
): Promise<z.infer<typeof ZMaterialFileApi>[]> {
  return (await listMaterialFiles(db, c.id)).map((f) => ({
    id: f.id,
    title: f.title,
    alt_nb: f.altNb,
    alt_en: f.altEn,
    content_type: f.contentType,
    bytes: f.bytes,
    sha256: f.sha256,
    url: publicMaterialPath(c.slug, f.id)
  }));
}
