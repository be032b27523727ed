import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { learnFormValues } from '../../content/learn-form';
import { getLearnEditor } from './content.service';

type THandler = (event: never) => Promise<unknown>;
let actions: Record<string, THandler>;
let load: THandler;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const mod = await import('../../../routes/(staff)/admin/content/learn/[slug]/[locale]/+page.server');
  actions = mod.actions as Record<string, THandler>;
  load = mod.load as THandler;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => (await app()).close());

const path = '/admin/content/learn/indicators/nb';
const params = { slug: 'indicators', locale: 'nb' };

function post(action: string, fields: Record<string, string>, user: TSessionUser) {
  const { event } = fakeActionEvent(
    `${path}?/${action}`,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    {
      user
    }
  );
  return actions[action]({ ...event, params } as never);
}

async function formValues(user: TSessionUser) {
  const view = await getLearnEditor((await app()).db, user, 'indicators', 'nb');
  return learnFormValues(view.body, view.open?.revision ?? 0, view.base);
}

type TData = { errors: Record<string, string>; values: Record<string, string>; conflict?: { text: string } };
const data = (r: unknown) => (isActionFailure(r) ? (r.data as unknown as TData) : (r as TData));

describe('the editor actions', () => {
  it('previews without storing, and tells the editor what HTML was removed', async () => {
    const values = await formValues(editor);
    const r = (await post('preview', { ...values, markdown: 'Tekst <b>fet</b> [^1].' }, editor)) as {
      preview: { html: string };
      removed: { kind: string; text: string }[];
    };
    expect(r.preview.html).toContain('Tekst fet');
    expect(r.removed.map((x) => x.text)).toEqual(['<b>', '</b>']);
    expect((await getLearnEditor((await app()).db, editor, 'indicators', 'nb')).open).toBeNull();
  });

  it('answers bad fields with 400 and a message beside each, in bokmål, keeping what was typed', async () => {
    const values = await formValues(editor);
    const r = await post(
      'save',
      { ...values, title: '', s0_url: 'ftp://x', s1_date: '12.3.2020', s1_title: 'T' },
      editor
    );
    expect(isActionFailure(r) && r.status).toBe(400);
    expect(data(r).errors).toMatchObject({
      title: 'Fyll ut feltet.',
      s0_url: 'Skriv en nettadresse som begynner med https:// eller http://.',
      s1_date: 'Skriv datoen som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.'
    });
    expect(data(r).values.markdown).toBe(values.markdown);
    expect((await getLearnEditor((await app()).db, editor, 'indicators', 'nb')).open).toBeNull();
  });

  it('refuses a concurrent save with 409, showing the stored version, and overwrites nothing', async () => {
    const stale = await formValues(editor);
    expect(await post('save', { ...stale, summary: 'Først.' }, editor)).toMatchObject({ saved: { number: 2 } });
    const r = await post('save', { ...stale, summary: 'Sist.' }, second);
    expect(isActionFailure(r) && r.status).toBe(409);
    expect(data(r).conflict?.text).toContain('summary: Først.');
    expect(data(r).values.summary).toBe('Sist.');
    expect((await getLearnEditor((await app()).db, editor, 'indicators', 'nb')).body.summary).toBe('Først.');
  });

  it('gives an analyst 403 on the page and on every action', async () => {
    const url = new URL(`http://localhost${path}`);
    const locals = { requestId: 't', locale: 'nb', user: analyst, sessionId: 's' };
    const e = await (load({ url, params, locals } as never) as Promise<unknown>).catch((x: unknown) => x);
    expect(isHttpError(e) && e.status).toBe(403);
    for (const a of ['preview', 'save', 'submit', 'publish', 'archive']) {
      const r = await post(a, { number: '2' }, analyst).catch((x: unknown) => x);
      expect(isHttpError(r) && r.status).toBe(403);
    }
  });
});
