import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import type { TCampaignInput } from '../../schemas/campaigns';
import { createCampaign, deleteCampaign, getCampaignForStaff, setCampaignPublished } from './campaigns.service';
import { addMaterialFile } from './materials.service';

// Deleting a campaign registered by mistake: editors, drafts only, with its files, audited; the confirmation
// page and its form action (a plain form: works without JavaScript).
let ctx: AppContext;
let admin: TSessionUser;
let analyst: TSessionUser;
let editor: TSessionUser;

const input = (name: string): TCampaignInput => ({
  name,
  goal: 'Registrert ved en feil.',
  targetGroup: 'Alle',
  sectors: [],
  channels: ['posters'],
  startsOn: '2026-09-07',
  endsOn: '2026-10-04',
  budget: null,
  indicator: '',
  sdgTargets: [],
  measureIds: [],
  partners: '',
  materials: [],
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

const pdf = (size: number) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size)]));
const fileCount = async (campaignId: string) =>
  Number(
    (
      await ctx.db
        .selectFrom('campaign_material_file')
        .select((e) => e.fn.countAll().as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow()
    ).n
  );
const exists = async (id: string) =>
  !!(await ctx.db.selectFrom('campaign').select('id').where('id', '=', id).executeTakeFirst());
const audits = (id: string) =>
  ctx.db.selectFrom('audit_log').select(['action', 'details', 'actor_id']).where('target_id', '=', id).execute();

/** A draft campaign with two uploaded files. */
async function draftWithFiles(name: string) {
  const { id } = await createCampaign(ctx.db, analyst, input(name));
  for (const title of ['Plakat', 'Brosjyre'])
    await addMaterialFile(ctx.db, analyst, id, { title, file: { name: `${title}.pdf`, bytes: pdf(2_000) } });
  return id;
}

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

describe('deleting a campaign', () => {
  it('deletes a draft with its files, and audits who deleted what', async () => {
    const id = await draftWithFiles('Feilregistrert');
    const other = await draftWithFiles('Beholdes');
    expect(await fileCount(id)).toBe(2);
    expect(await deleteCampaign(ctx.db, editor, id)).toEqual({ name: 'Feilregistrert' });
    expect(await exists(id)).toBe(false);
    expect(await fileCount(id)).toBe(0);
    // Nothing else goes: another campaign and its files stay.
    expect(await exists(other)).toBe(true);
    expect(await fileCount(other)).toBe(2);
    const entry = (await audits(id)).find((a) => a.action === 'campaign.delete')!;
    expect(entry.actor_id).toBe(editor.id);
    expect(JSON.parse(entry.details)).toEqual({ name: 'Feilregistrert', slug: 'feilregistrert', files: 2 });
    expect((await errorOf(getCampaignForStaff(ctx.db, admin, id))).code).toBe('not_found');
  });

  it('refuses a published campaign (409: withdraw it first) and keeps it and its files', async () => {
    const id = await draftWithFiles('Publisert');
    await setCampaignPublished(ctx.db, editor, id, true);
    const e = await errorOf(deleteCampaign(ctx.db, editor, id));
    expect(e).toMatchObject({ code: 'conflict', message: 'campaigns.delete.error.published' });
    expect(e.status).toBe(409);
    expect(await exists(id)).toBe(true);
    expect(await fileCount(id)).toBe(2);
    expect((await audits(id)).some((a) => a.action === 'campaign.delete')).toBe(false);
    // Withdrawn, it can be deleted.
    await setCampaignPublished(ctx.db, editor, id, false);
    await deleteCampaign(ctx.db, editor, id);
    expect(await exists(id)).toBe(false);
  });

  it('lets only editors delete; an unknown campaign is 404', async () => {
    const id = await draftWithFiles('Roller');
    for (const who of [analyst, admin]) expect((await errorOf(deleteCampaign(ctx.db, who, id))).code).toBe('forbidden');
    expect(await exists(id)).toBe(true);
    expect((await errorOf(deleteCampaign(ctx.db, editor, '00000000-0000-4000-8000-000000000000'))).code).toBe(
      'not_found'
    );
    expect((await errorOf(deleteCampaign(ctx.db, editor, '../x'))).code).toBe('not_found');
  });
});

describe('the confirmation page and its action', () => {
  type THandler = (event: never) => Promise<unknown>;
  const route = () => import('../../../routes/(staff)/admin/campaigns/[id]/delete/+page.server');
  const post = async (id: string, fields: Record<string, string>, user: TSessionUser | null, locale: 'nb' | 'en') => {
    const path = `${locale === 'en' ? '/en' : ''}/admin/campaigns/${id}/delete`;
    const { event } = fakeActionEvent(
      path,
      new URLSearchParams(fields).toString(),
      'application/x-www-form-urlencoded',
      {
        user,
        locale
      }
    );
    try {
      return await ((await route()).actions as Record<string, THandler>).default({ ...event, params: { id } } as never);
    } catch (e) {
      return e;
    }
  };
  const load = async (id: string, user: TSessionUser | null) => {
    const { event } = fakeActionEvent(`/admin/campaigns/${id}/delete`, null, null, { user });
    try {
      return await ((await route()).load as unknown as THandler)({ ...event, params: { id } } as never);
    } catch (e) {
      return e;
    }
  };

  it('shows the campaign and how many files go with it; editors only', async () => {
    const id = await draftWithFiles('Sidevisning');
    expect(await load(id, editor)).toEqual({ campaign: { id, name: 'Sidevisning', published: false }, files: 2 });
    const forbidden = await load(id, analyst);
    expect(isHttpError(forbidden) && forbidden.status).toBe(403);
    const anonymous = await load(id, null);
    expect(isRedirect(anonymous) && anonymous.location).toMatch(/^\/login/);
    const unknown = await load('00000000-0000-4000-8000-000000000000', editor);
    expect(isHttpError(unknown) && unknown.status).toBe(404);
  });

  it('refuses a post without the confirmation ticked (400, in the language of the page), deleting nothing', async () => {
    const id = await draftWithFiles('Ubekreftet');
    const nb = await post(id, {}, editor, 'nb');
    expect(isActionFailure(nb) && nb.status).toBe(400);
    expect((nb as { data: { errors: Record<string, string> } }).data.errors).toEqual({
      confirm: 'Kryss av for å bekrefte at kampanjen skal slettes.'
    });
    const en = await post(id, { confirm: 'on' }, editor, 'en');
    expect((en as { data: { errors: Record<string, string> } }).data.errors.confirm).toBe(
      'Tick the box to confirm that the campaign is to be deleted.'
    );
    expect(await exists(id)).toBe(true);
    expect(await fileCount(id)).toBe(2);
  });

  it('deletes when confirmed and redirects to the list; a published one answers 409 with the reason', async () => {
    const id = await draftWithFiles('Bekreftet');
    const done = await post(id, { confirm: 'yes' }, editor, 'en');
    expect(isRedirect(done) && done.location).toBe('/en/admin/campaigns?deleted=1');
    expect(await exists(id)).toBe(false);

    const published = await draftWithFiles('Publisert side');
    await setCampaignPublished(ctx.db, editor, published, true);
    expect(await load(published, editor)).toMatchObject({ campaign: { published: true } });
    const refused = await post(published, { confirm: 'yes' }, editor, 'nb');
    expect(isActionFailure(refused) && refused.status).toBe(409);
    expect((refused as { data: { message: string } }).data.message).toBe(
      'Kampanjen er publisert og kan ikke slettes. Trekk tilbake publiseringen først, og slett den så.'
    );
    expect(await exists(published)).toBe(true);

    const analystTry = await post(published, { confirm: 'yes' }, analyst, 'nb');
    expect(isHttpError(analystTry) && analystTry.status).toBe(403);
  });
});
