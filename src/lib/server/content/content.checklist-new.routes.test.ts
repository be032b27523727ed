import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';

/** The "new checklist (new sector)" form and the editor of the new draft, as plain form posts (no JavaScript). */
type THandler = (event: never) => Promise<unknown>;
let newForm: { load: THandler; actions: Record<string, THandler> };
let sectorEditor: { load: THandler; actions: Record<string, THandler> };
let editor: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  newForm = (await import('../../../routes/(staff)/admin/content/checklists/new/+page.server')) as never;
  sectorEditor = (await import('../../../routes/(staff)/admin/content/checklists/[sector]/+page.server')) as never;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
});
afterAll(async () => (await app()).close());

function post(handler: THandler, path: string, fields: Record<string, string>, params: Record<string, string> = {}) {
  const body = new URLSearchParams(fields).toString();
  const { event } = fakeActionEvent(path, body, 'application/x-www-form-urlencoded', { user: editor });
  return Promise.resolve()
    .then(() => handler({ ...event, params } as never))
    .catch((e: unknown) => e);
}

function load(handler: THandler, path: string, params: Record<string, string> = {}) {
  const url = new URL(`http://localhost${path}`);
  const locals = { requestId: 't', locale: 'nb', user: editor, sessionId: 's' };
  return Promise.resolve()
    .then(() => handler({ url, params, locals } as never))
    .catch((e: unknown) => e);
}

type TData = { errors: Record<string, string>; values: Record<string, string> };
const data = (r: unknown) => (isActionFailure(r) ? (r.data as unknown as TData) : (r as TData));
const items = async () =>
  Number(
    (
      await (
        await app()
      ).db
        .selectFrom('content_item')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  );

describe('a new sector from the form', () => {
  it('offers every published checklist to copy', async () => {
    const r = (await load(newForm.load, '/admin/content/checklists/new')) as { starts: { id: string }[] };
    expect(r.starts.map((s) => s.id)).toEqual(expect.arrayContaining(['car-wash', 'buying-sex']));
  });

  it('refuses a missing id and names with a message beside each, in bokmål, storing nothing', async () => {
    const before = await items();
    const r = await post(newForm.actions.default!, '/admin/content/checklists/new', { id: 'Ny Bransje', start: 'x' });
    expect(isActionFailure(r) && r.status).toBe(400);
    expect(data(r).errors).toEqual({
      id: 'Bruk 2–41 tegn: små bokstaver a–z, tall og bindestrek, og start med en bokstav.',
      'title.nb': 'Skriv bransjens navn (høyst 120 tegn).',
      'title.en': 'Skriv bransjens navn (høyst 120 tegn).',
      start: 'Velg et tomt skjelett eller en publisert sjekkliste å kopiere.'
    });
    expect(data(r).values.id).toBe('Ny Bransje');
    const taken = await post(newForm.actions.default!, '/admin/content/checklists/new', {
      id: 'cleaning',
      'title.nb': 'Renhold',
      'title.en': 'Cleaning',
      start: 'empty'
    });
    expect(isActionFailure(taken) && taken.status).toBe(400);
    expect(data(taken).errors.id).toMatch(/^Denne bransjen finnes allerede/);
    expect(await items()).toBe(before);
  });

  it('creates an information page and opens it in the editor, where parts and paragraphs are added', async () => {
    const r = await post(newForm.actions.default!, '/admin/content/checklists/new', {
      id: 'route-info',
      'title.nb': 'Informasjon',
      'title.en': 'Information',
      start: 'empty-information'
    });
    expect(isRedirect(r) && [r.status, r.location]).toEqual([303, '/admin/content/checklists/route-info']);

    const page = (await load(sectorEditor.load, '/admin/content/checklists/route-info', {
      sector: 'route-info'
    })) as { published: { version: number | null; next: number }; values: Record<string, string> };
    expect(page.published).toEqual({ version: null, next: 1 });
    expect(page.values['sections.0.body.0.nb']).toBe('[Skriv avsnittet]');

    const added = await post(
      sectorEditor.actions.save!,
      '/admin/content/checklists/route-info',
      { ...page.values, op: 'add:paragraphs:0' },
      { sector: 'route-info' }
    );
    expect(data(added).values['sections.0.body.1.nb']).toBe('');
    const last = await post(
      sectorEditor.actions.save!,
      '/admin/content/checklists/route-info',
      { ...page.values, op: 'remove:paragraphs:0.0' },
      { sector: 'route-info' }
    );
    expect(isActionFailure(last) && last.status).toBe(400);
    expect(data(last).errors['sections.0.body']).toBe('En del må ha minst ett avsnitt. Det siste kan ikke fjernes.');
  });
});
