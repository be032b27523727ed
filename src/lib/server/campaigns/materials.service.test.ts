import { createHash, randomBytes } from 'node:crypto';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import type { TCampaignInput } from '../../schemas/campaigns';
import { apiCampaign } from './campaigns.api';
import { createCampaign, setCampaignPublished } from './campaigns.service';
import { MAX_MATERIAL_BODY, MAX_MATERIAL_BYTES } from './materials.core';
import {
  addMaterialFile,
  listMaterialFiles,
  publicMaterialFile,
  removeMaterialFile,
  staffMaterialFile,
  type TMaterialUpload
} from './materials.service';

let ctx: AppContext;
let admin: TSessionUser;
let analyst: TSessionUser;
let editor: TSessionUser;

const campaignInput = (name: string): TCampaignInput => ({
  name,
  goal: 'Flere skal kjenne igjen tegn på menneskehandel.',
  targetGroup: 'Unge voksne',
  sectors: [],
  channels: ['posters'],
  startsOn: '2026-09-07',
  endsOn: '2026-10-04',
  budget: null,
  indicator: '',
  sdgTargets: [],
  measureIds: [],
  partners: '',
  materials: [{ title: 'Nettside', url: 'https://example.org/' }],
  design: 'before_after',
  baselineWave: '',
  followupWave: '',
  exposure: '',
  sourceCodes: [],
  weighting: 'none',
  groupQuestion: '',
  groupTarget: [],
  groupComparison: []
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A file of `size` bytes that starts with `head` and continues with random bytes (every byte value occurs). */
const fileOf = (head: number[] | string, size: number) => {
  const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head);
  const out = Buffer.concat([start, randomBytes(Math.max(0, size - start.length))]);
  return new Uint8Array(out.buffer, out.byteOffset, size);
};
const png = (size = 300_000) => fileOf(PNG_SIGNATURE, size);
const pdf = (size = 5_000) => fileOf('%PDF-1.7\n', size);

const image = (bytes = png()): TMaterialUpload => ({
  title: 'Plakat på flyplassen',
  altNb: 'En plakat med teksten «Se tegnene»',
  altEn: 'A poster that reads “See the signs”',
  file: { name: 'plakat.png', bytes }
});

const rows = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('campaign_material_file')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  );
const audits = async (action: string) =>
  ctx.db.selectFrom('audit_log').select(['details', 'target_id']).where('action', '=', action).execute();

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  ctx = await app();
  ({ admin } = await setUpAdmin(ctx));
  analyst = await createStaffUser(ctx, admin, 'analyst');
  editor = await createStaffUser(ctx, admin, 'editor');
});

afterAll(async () => {
  await ctx?.close();
});

describe('material files', () => {
  it('stores an image and gives back exactly its bytes, with SHA-256, size and type read from the content', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer rundtur'));
    const bytes = png(1_234_567);
    const before = (await audits('campaign.material_add')).length;
    const { id } = await addMaterialFile(ctx.db, editor, campaignId, image(bytes));

    const served = await staffMaterialFile(ctx.db, admin, campaignId, id);
    expect(Buffer.from(served.data).equals(Buffer.from(bytes))).toBe(true);
    expect(served).toMatchObject({
      content_type: 'image/png',
      file_name: 'plakat.png',
      byte_size: 1_234_567,
      sha256: createHash('sha256').update(bytes).digest('hex')
    });
    expect(await listMaterialFiles(ctx.db, campaignId)).toEqual([
      expect.objectContaining({
        id,
        title: 'Plakat på flyplassen',
        altNb: 'En plakat med teksten «Se tegnene»',
        altEn: 'A poster that reads “See the signs”',
        contentType: 'image/png',
        typeLabel: 'PNG',
        isImage: true,
        bytes: 1_234_567
      })
    ]);
    // Audited, without the file's contents.
    const added = await audits('campaign.material_add');
    expect(added.length).toBe(before + 1);
    const details = JSON.parse(added.at(-1)!.details) as Record<string, unknown>;
    expect(details).toEqual({
      file_id: id,
      title: 'Plakat på flyplassen',
      content_type: 'image/png',
      bytes: 1_234_567,
      sha256: served.sha256
    });
  });

  it('takes a PDF without text alternatives, and a file of exactly 10 MB', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer PDF'));
    const { id } = await addMaterialFile(ctx.db, analyst, campaignId, {
      title: 'Plakat',
      file: { name: 'Plakat (endelig).pdf', bytes: pdf() }
    });
    expect((await listMaterialFiles(ctx.db, campaignId))[0]).toMatchObject({
      id,
      contentType: 'application/pdf',
      altNb: null,
      altEn: null,
      isImage: false
    });
    expect((await staffMaterialFile(ctx.db, editor, campaignId, id)).file_name).toBe('Plakat-endelig.pdf');
    const big = await addMaterialFile(ctx.db, analyst, campaignId, image(png(MAX_MATERIAL_BYTES)));
    expect((await staffMaterialFile(ctx.db, editor, campaignId, big.id)).byte_size).toBe(MAX_MATERIAL_BYTES);
  });

  it('refuses bad files naming the field (413 too large, 415 by content, 400 otherwise) and stores nothing', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer feil'));
    const n = await rows();
    const audited = (await audits('campaign.material_add')).length;
    const refused = async (input: TMaterialUpload) => {
      const e = await errorOf(addMaterialFile(ctx.db, editor, campaignId, input));
      return { status: e.status, fields: e.fields };
    };
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refused({ ...image(), file: { name: 'plakat.png', bytes: svg } })).toEqual({
      status: 415,
      fields: { file: 'campaigns.materials.error.type' }
    });
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    expect((await refused({ ...image(), file: { name: 'x.pdf', bytes: html } })).status).toBe(415);
    expect(await refused(image(png(MAX_MATERIAL_BYTES + 1)))).toEqual({
      status: 413,
      fields: { file: 'campaigns.materials.error.tooLarge' }
    });
    expect(await refused({ ...image(), file: { name: 'tom.png', bytes: new Uint8Array() } })).toEqual({
      status: 400,
      fields: { file: 'campaigns.materials.error.empty' }
    });
    expect(await refused({ ...image(), file: { name: '', bytes: new Uint8Array() } })).toEqual({
      status: 400,
      fields: { file: 'campaigns.materials.error.fileRequired' }
    });
    expect((await refused({ ...image(), file: null })).fields).toEqual({
      file: 'campaigns.materials.error.fileRequired'
    });
    expect(await refused({ ...image(), title: '  ' })).toEqual({
      status: 400,
      fields: { title: 'campaigns.materials.error.title' }
    });
    expect(await refused({ ...image(), altNb: '', altEn: ' ' })).toEqual({
      status: 400,
      fields: { altNb: 'campaigns.materials.error.alt', altEn: 'campaigns.materials.error.alt' }
    });
    // Every fault at once: the title and the type.
    expect((await refused({ title: '', file: { name: 'a.svg', bytes: svg } })).fields).toEqual({
      title: 'campaigns.materials.error.title',
      file: 'campaigns.materials.error.type'
    });
    // A file for a campaign that does not exist.
    const unknown = await errorOf(addMaterialFile(ctx.db, editor, '7c1a3e9e-0000-4000-8000-000000000000', image()));
    expect(unknown.status).toBe(404);
    expect(await rows()).toBe(n);
    expect((await audits('campaign.material_add')).length).toBe(audited);
  });

  it('lets analysts and editors upload and remove; administrators only read', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer roller'));
    expect((await errorOf(addMaterialFile(ctx.db, admin, campaignId, image()))).code).toBe('forbidden');
    const { id } = await addMaterialFile(ctx.db, analyst, campaignId, image());
    expect((await errorOf(removeMaterialFile(ctx.db, admin, campaignId, id))).code).toBe('forbidden');
    expect((await staffMaterialFile(ctx.db, admin, campaignId, id)).content_type).toBe('image/png');
  });

  it("serves an unpublished campaign's file to staff only: 404 to the public, as the page", async () => {
    const { id: campaignId, slug } = await createCampaign(ctx.db, analyst, campaignInput('Filer publisering'));
    const { id } = await addMaterialFile(ctx.db, analyst, campaignId, image());
    expect((await errorOf(publicMaterialFile(ctx.db, slug, id))).status).toBe(404);
    await setCampaignPublished(ctx.db, editor, campaignId, true);
    expect((await publicMaterialFile(ctx.db, slug, id)).content_type).toBe('image/png');
    expect((await publicMaterialFile(ctx.db, campaignId, id)).content_type).toBe('image/png');
    // Another campaign's file id, a malformed id and an unknown id: 404.
    const other = await createCampaign(ctx.db, analyst, campaignInput('Filer annen'));
    const otherFile = await addMaterialFile(ctx.db, analyst, other.id, image());
    expect((await errorOf(publicMaterialFile(ctx.db, slug, otherFile.id))).status).toBe(404);
    expect((await errorOf(publicMaterialFile(ctx.db, slug, 'not-an-id'))).status).toBe(404);
    expect((await errorOf(staffMaterialFile(ctx.db, admin, campaignId, otherFile.id))).status).toBe(404);
    // The API lists links and files with their public address.
    const api = await apiCampaign(ctx.db, slug);
    expect(api.materials).toEqual([{ title: 'Nettside', url: 'https://example.org/' }]);
    expect(api.material_files).toEqual([
      expect.objectContaining({
        id,
        content_type: 'image/png',
        alt_nb: 'En plakat med teksten «Se tegnene»',
        url: `/campaigns/${slug}/materials/${id}`
      })
    ]);
    await setCampaignPublished(ctx.db, editor, campaignId, false);
    expect((await errorOf(publicMaterialFile(ctx.db, slug, id))).status).toBe(404);
  });

  it('removes a file (audited); removing a campaign removes its files', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer fjerning'));
    const a = await addMaterialFile(ctx.db, analyst, campaignId, image());
    const b = await addMaterialFile(ctx.db, analyst, campaignId, {
      title: 'PDF',
      file: { name: 'p.pdf', bytes: pdf() }
    });
    await removeMaterialFile(ctx.db, editor, campaignId, a.id);
    expect((await listMaterialFiles(ctx.db, campaignId)).map((f) => f.id)).toEqual([b.id]);
    expect((await errorOf(staffMaterialFile(ctx.db, admin, campaignId, a.id))).status).toBe(404);
    expect((await errorOf(removeMaterialFile(ctx.db, editor, campaignId, a.id))).status).toBe(404);
    expect(JSON.parse((await audits('campaign.material_remove')).at(-1)!.details)).toMatchObject({ file_id: a.id });

    const n = await rows();
    await ctx.db.deleteFrom('campaign').where('id', '=', campaignId).execute();
    expect(await rows()).toBe(n - 1);
    expect(await listMaterialFiles(ctx.db, campaignId)).toEqual([]);
  });
});

describe('routes', () => {
  type THandler = (event: never) => Promise<unknown>;
  const materialsPage = () => import('../../../routes/(staff)/admin/campaigns/[id]/materials/+page.server');
  const act = async (
    name: 'upload' | 'remove',
    campaignId: string,
    body: BodyInit,
    user: TSessionUser | null,
    locale: 'nb' | 'en' = 'nb',
    headers: Record<string, string> = {}
  ) => {
    const route = await materialsPage();
    const path = `${locale === 'en' ? '/en' : ''}/admin/campaigns/${campaignId}/materials`;
    const { event } = fakeActionEvent(path, body, null, { user, locale });
    const request = new Request(event.request, {
      headers: { ...Object.fromEntries(event.request.headers), ...headers }
    });
    try {
      return await (route.actions as Record<string, THandler>)[name]({
        ...event,
        request,
        params: { id: campaignId }
      } as never);
    } catch (e) {
      return e;
    }
  };
  const uploadForm = (bytes: Uint8Array, fields: Record<string, string>, name = 'plakat.png') => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/png' }));
    return form;
  };
  const imageFields = { title: 'Plakat', altNb: 'En plakat', altEn: 'A poster' };

  it('uploads through the form (multipart) and removes through the form', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer skjema'));
    const r = await act('upload', campaignId, uploadForm(png(40_000), imageFields), editor);
    expect(isRedirect(r) && r.location).toBe(`/admin/campaigns/${campaignId}/materials?added=1`);
    const [file] = await listMaterialFiles(ctx.db, campaignId);
    expect(file).toMatchObject({ title: 'Plakat', altNb: 'En plakat', bytes: 40_000 });
    const removed = await act('remove', campaignId, new URLSearchParams({ fileId: file.id }), editor, 'en');
    expect(isRedirect(removed) && removed.location).toBe(`/en/admin/campaigns/${campaignId}/materials?removed=1`);
    expect(await listMaterialFiles(ctx.db, campaignId)).toEqual([]);
  });

  it('answers bad uploads with a message per field in the language of the page, storing nothing', async () => {
    const { id: campaignId } = await createCampaign(ctx.db, analyst, campaignInput('Filer skjemafeil'));
    const n = await rows();
    const svg = new TextEncoder().encode('<svg/>');
    const en = await act('upload', campaignId, uploadForm(svg, { title: '' }, 'x.png'), editor, 'en');
    expect(isActionFailure(en) && en.status).toBe(415);
    expect((en as { data: { errors: Record<string, string> } }).data.errors).toEqual({
      title: 'Enter a title.',
      file: 'This type of file is not accepted. Upload a PDF, PNG, JPEG or WebP (the type is read from the contents, not the name).'
    });
    const nb = await act('upload', campaignId, uploadForm(png(), { title: 'Bilde' }), editor);
    expect(isActionFailure(nb) && nb.status).toBe(400);
    expect((nb as { data: { errors: Record<string, string>; values: Record<string, string> } }).data).toMatchObject({
      errors: {
        altNb: 'Skriv en alternativ tekst: et bilde må beskrives for dem som ikke ser det.',
        altEn: 'Skriv en alternativ tekst: et bilde må beskrives for dem som ikke ser det.'
      },
      values: { title: 'Bilde' }
    });
    // Too large by its Content-Length: refused before the body is read.
    const big = await act('upload', campaignId, uploadForm(png(1000), imageFields), editor, 'nb', {
      'content-length': String(MAX_MATERIAL_BODY + 1)
    });
    expect(isActionFailure(big) && big.status).toBe(413);
    expect((big as { data: { errors: Record<string, string> } }).data.errors.file).toBe(
      'Filen er for stor. Den kan være høyst 10 MB.'
    );
    const notAForm = await act('upload', campaignId, 'x', editor);
    expect(isActionFailure(notAForm) && notAForm.status).toBe(415);
    // A campaign that does not exist: 404.
    const unknown = await act('upload', '7c1a3e9e-0000-4000-8000-000000000000', uploadForm(png(), imageFields), editor);
    expect(isActionFailure(unknown) && unknown.status).toBe(404);
    // Not an editor of campaigns: 403; not signed in: the login page.
    const forbidden = await act('upload', campaignId, uploadForm(png(), imageFields), admin);
    expect(isHttpError(forbidden) && forbidden.status).toBe(403);
    const anonymous = await act('upload', campaignId, uploadForm(png(), imageFields), null);
    expect(isRedirect(anonymous) && anonymous.location).toMatch(/^\/login\?next=/);
    expect(await rows()).toBe(n);
  });

  it('serves files with the stored type, nosniff, disposition and ETag; 304 when unchanged; 404 to the public until published', async () => {
    const { id: campaignId, slug } = await createCampaign(ctx.db, analyst, campaignInput('Filer nedlasting'));
    const bytes = pdf(10_000);
    const { id } = await addMaterialFile(ctx.db, analyst, campaignId, { title: 'P', file: { name: 'p.pdf', bytes } });
    const publicRoute = await import('../../../routes/campaigns/[slug]/materials/[file]/+server');
    const staffRoute = await import('../../../routes/(staff)/admin/campaigns/[id]/materials/[file]/+server');
    const get = async (
      handler: (event: never) => Promise<Response> | Response,
      params: Record<string, string>,
      user: TSessionUser | null,
      headers: Record<string, string> = {}
    ) => {
      const url = new URL(`http://localhost/x`);
      try {
        return (await handler({
          request: new Request(url, { headers }),
          url,
          params,
          locals: { requestId: 't', locale: 'nb', user, sessionId: null }
        } as never)) as Response;
      } catch (e) {
        return e;
      }
    };
    const hidden = await get(publicRoute.GET as never, { slug, file: id }, null);
    expect(isHttpError(hidden) && hidden.status).toBe(404);
    const staff = (await get(staffRoute.GET as never, { id: campaignId, file: id }, admin)) as Response;
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await staff.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const anonymous = await get(staffRoute.GET as never, { id: campaignId, file: id }, null);
    expect(isRedirect(anonymous)).toBe(true);

    await setCampaignPublished(ctx.db, editor, campaignId, true);
    const res = (await get(publicRoute.GET as never, { slug, file: id }, null)) as Response;
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="p.pdf"',
      'x-content-type-options': 'nosniff',
      'content-length': '10000',
      'cache-control': 'public, max-age=3600, must-revalidate'
    });
    const etag = res.headers.get('etag')!;
    expect(etag).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const again = (await get(publicRoute.GET as never, { slug, file: id }, null, {
      'if-none-match': etag
    })) as Response;
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
