/**
 * Campaign materials as uploaded files (issue 8): those who edit a campaign add and remove files (a poster
 * as PDF, an image of the ad as PNG, JPEG or WebP), each audited in the same transaction; staff read every
 * campaign's files, the public only a published campaign's. The bytes live in the database, so every app
 * instance serves the same file (docs/campaigns.md, "Material files").
 */
import { createHash, randomUUID } from 'node:crypto';
import type { TSessionUser } from '../auth/auth.types';
import { appendAudit } from '../audit/audit.service';
import type { DB } from '../db/schema';
import { AppError, type ErrorCode } from '../errors';
import type { MessageKey } from '../../i18n';
import { ZMaterialUploadFields } from '../../schemas/campaign-materials';
import { canEditCampaigns, getCampaignForStaff, getPublishedCampaign } from './campaigns.service';
import {
  cleanFileName,
  isImageType,
  isMaterialType,
  MAX_MATERIAL_BYTES,
  sniffMaterialType,
  typeLabelOf,
  type TMaterialType
} from './materials.core';
import * as repo from './materials.repository';

/** At most this many files per campaign (as many as link materials). */
export const MAX_FILES_PER_CAMPAIGN = 30;

/** A material file as pages and the API show it (never its bytes). */
export interface TMaterialFile {
  id: string;
  title: string;
  altNb: string | null;
  altEn: string | null;
  contentType: TMaterialType;
  /** "PDF", "PNG", "JPEG", "WebP". */
  typeLabel: string;
  isImage: boolean;
  bytes: number;
  sha256: string;
  createdAt: string;
}

/** A file to serve: its headers' facts and its bytes. */
export interface TServedMaterial {
  content_type: TMaterialType;
  file_name: string;
  sha256: string;
  byte_size: number;
  data: Uint8Array;
}

/** What the upload form (or any caller) hands over: the text fields as typed, and the file. */
export interface TMaterialUpload {
  title: unknown;
  altNb?: unknown;
  altEn?: unknown;
  /** null when the form had no file part at all. */
  file: { name: string; bytes: Uint8Array } | null;
}

function toMaterialFile(r: Awaited<ReturnType<typeof repo.listMaterialFiles>>[number]): TMaterialFile {
  const type = isMaterialType(r.content_type) ? r.content_type : 'application/pdf';
  return {
    id: r.id,
    title: r.title,
    altNb: r.alt_nb,
    altEn: r.alt_en,
    contentType: type,
    typeLabel: typeLabelOf[type],
    isImage: isImageType(type),
    bytes: Number(r.byte_size),
    sha256: r.sha256,
    createdAt: r.created_at
  };
}

const forbidden = () => new AppError('forbidden', 'campaigns.error.forbidden');
const notFound = () => new AppError('not_found', 'campaigns.materials.error.notFound');
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

/**
 * Checks an upload and returns what to store; throws one AppError naming every field at fault — 413 when
 * the file is too large, 415 when its first bytes are not an accepted type, else 400.
 */
export function checkMaterialUpload(input: TMaterialUpload) {
  const fields: Record<string, MessageKey> = {};
  let code: ErrorCode = 'validation';
  const text = ZMaterialUploadFields.safeParse({
    title: typeof input.title === 'string' ? input.title : '',
    altNb: typeof input.altNb === 'string' ? input.altNb : '',
    altEn: typeof input.altEn === 'string' ? input.altEn : ''
  });
  if (!text.success)
    for (const issue of text.error.issues) fields[String(issue.path[0])] ??= issue.message as MessageKey;

  let type: TMaterialType | null = null;
  const file = input.file;
  if (!file || (file.bytes.length === 0 && file.name === '')) fields.file = 'campaigns.materials.error.fileRequired';
  else if (file.bytes.length === 0) fields.file = 'campaigns.materials.error.empty';
  else if (file.bytes.length > MAX_MATERIAL_BYTES) {
    fields.file = 'campaigns.materials.error.tooLarge';
    code = 'payload_too_large';
  } else {
    type = sniffMaterialType(file.bytes);
    if (!type) {
      fields.file = 'campaigns.materials.error.type';
      code = 'unsupported_media_type';
    }
  }
  // Whether the alternatives were given, even when another text field failed.
  const altNb = typeof input.altNb === 'string' ? input.altNb.trim() : '';
  const altEn = typeof input.altEn === 'string' ? input.altEn.trim() : '';
  if (type && isImageType(type)) {
    if (!altNb) fields.altNb ??= 'campaigns.materials.error.alt';
    if (!altEn) fields.altEn ??= 'campaigns.materials.error.alt';
  }
  if (Object.keys(fields).length || !text.success || !type || !file)
    throw new AppError(code, 'validation.summary', { fields });
  return {
    title: text.data.title,
    altNb: isImageType(type) ? text.data.altNb : null,
    altEn: isImageType(type) ? text.data.altEn : null,
    type,
    fileName: cleanFileName(file.name, type),
    bytes: file.bytes
  };
}

/** Adds a file to a campaign (those who edit campaigns); audited without the file's contents. */
export async function addMaterialFile(
  db: DB,
  actor: TSessionUser,
  campaignId: string,
  input: TMaterialUpload,
  now = new Date()
): Promise<{ id: string }> {
  if (!canEditCampaigns(actor)) throw forbidden();
  const campaign = await getCampaignForStaff(db, actor, campaignId);
  const ok = checkMaterialUpload(input);
  const sha256 = createHash('sha256').update(ok.bytes).digest('hex');
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if ((await repo.countMaterialFiles(trx, campaign.id)) >= MAX_FILES_PER_CAMPAIGN)
      throw new AppError('validation', 'validation.summary', { fields: { file: 'campaigns.materials.error.tooMany' } });
    await repo.insertMaterialFile(trx, {
      id,
      campaign_id: campaign.id,
      title: ok.title,
      alt_nb: ok.altNb,
      alt_en: ok.altEn,
      content_type: ok.type,
      file_name: ok.fileName,
      byte_size: ok.bytes.length,
      sha256,
      data: Buffer.from(ok.bytes.buffer, ok.bytes.byteOffset, ok.bytes.byteLength),
      created_by: actor.id,
      created_at: now.toISOString()
    });
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'campaign.material_add',
      targetType: 'campaign',
      targetId: campaign.id,
      details: { file_id: id, title: ok.title, content_type: ok.type, bytes: ok.bytes.length, sha256 }
    });
  });
  return { id };
}

/** Removes a file of a campaign (those who edit campaigns); audited. */
export async function removeMaterialFile(db: DB, actor: TSessionUser, campaignId: string, fileId: string) {
  if (!canEditCampaigns(actor)) throw forbidden();
  const campaign = await getCampaignForStaff(db, actor, campaignId);
  if (!isUuid(fileId)) throw notFound();
  await db.transaction().execute(async (trx) => {
    const file = await repo.findMaterialFile(trx, campaign.id, fileId);
    if (!file || !(await repo.deleteMaterialFile(trx, campaign.id, fileId))) throw notFound();
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'campaign.material_remove',
      targetType: 'campaign',
      targetId: campaign.id,
      details: { file_id: fileId, title: file.title, content_type: file.content_type, sha256: file.sha256 }
    });
  });
}

/** A campaign's files (no bytes), for the staff page (after its own guard) and the public page of a published one. */
export async function listMaterialFiles(db: DB, campaignId: string): Promise<TMaterialFile[]> {
  return (await repo.listMaterialFiles(db, campaignId)).map(toMaterialFile);
}

async function served(db: DB, campaignId: string, fileId: string): Promise<TServedMaterial> {
  if (!isUuid(fileId)) throw notFound();
  const r = await repo.findMaterialFile(db, campaignId, fileId);
  if (!r || !isMaterialType(r.content_type)) throw notFound();
  return {
    content_type: r.content_type,
    file_name: r.file_name,
    sha256: r.sha256,
    byte_size: Number(r.byte_size),
    data: r.data
  };
}

/** A file of any campaign, for staff who read campaigns. */
export async function staffMaterialFile(
  db: DB,
  actor: TSessionUser,
  campaignId: string,
  fileId: string
): Promise<TServedMaterial> {
  const campaign = await getCampaignForStaff(db, actor, campaignId);
  return served(db, campaign.id, fileId);
}

/** A file of a published campaign (by id or address); 404 for anything else, as the campaign's page. */
export async function publicMaterialFile(db: DB, idOrSlug: string, fileId: string): Promise<TServedMaterial> {
  const campaign = await getPublishedCampaign(db, idOrSlug);
  return served(db, campaign.id, fileId);
}

/** The public address of a published campaign's file. */
export const publicMaterialPath = (slug: string, fileId: string) => `/campaigns/${slug}/materials/${fileId}`;
