import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { addDays, unsubscribeToken } from './notifications.core';
import { listNotifications, notify, preferenceOf } from './notifications.service';

/** The staff pages and the unsubscribe page, called as the routes are. */
type THandler = (event: never) => Promise<unknown>;
let listLoad: THandler;
let listActions: Record<string, THandler>;
let openGet: THandler;
let settingsLoad: THandler;
let settingsActions: Record<string, THandler>;
let unsubscribeLoad: THandler;
let unsubscribeActions: Record<string, THandler>;
let user: TSessionUser;
let other: TSessionUser;
let tokenKey: Buffer;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const list = await import('../../../routes/(staff)/admin/notifications/+page.server');
  listLoad = list.load as THandler;
  listActions = list.actions as Record<string, THandler>;
  openGet = (await import('../../../routes/(staff)/admin/notifications/[id]/+server')).GET as THandler;
  const settings = await import('../../../routes/(staff)/admin/notifications/settings/+page.server');
  settingsLoad = settings.load as THandler;
  settingsActions = settings.actions as Record<string, THandler>;
  const unsub = await import('../../../routes/notifications/unsubscribe/+page.server');
  unsubscribeLoad = unsub.load as THandler;
  unsubscribeActions = unsub.actions as Record<string, THandler>;
  const ctx = await app();
  tokenKey = ctx.tokenKey;
  const { admin } = await setUpAdmin(ctx);
  user = await createStaffUser(ctx, admin, 'editor');
  other = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => (await app()).close());

function post(path: string, fields: Record<string, string>, u: TSessionUser | null, locale: 'nb' | 'en' = 'nb') {
  const { event } = fakeActionEvent(path, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', {
    user: u,
    locale
  });
  return { ...event, setHeaders: () => undefined } as never;
}
function get(path: string, u: TSessionUser | null, params: Record<string, string> = {}) {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    params,
    request: new Request(url),
    setHeaders: () => undefined,
    locals: { requestId: 't', locale: 'nb', user: u, sessionId: null }
  } as never;
}
async function redirectOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isRedirect(e)) return e.location;
    throw e;
  }
  throw new Error('expected a redirect');
}

describe('the list and the bell', () => {
  it('asks for login without a session', async () => {
    expect(await redirectOf(listLoad(get('/admin/notifications', null)))).toMatch(/^\/login\?next=/);
  });

  it('lists the user’s notifications; opening one marks it read and redirects to its page', async () => {
    const { db } = await app();
    await notify(db, {
      kind: 'directory.review_due',
      userIds: [user.id],
      subjectId: 'dir',
      period: 'w1',
      link: '/admin/directory'
    });
    const data = (await listLoad(get('/admin/notifications', user))) as {
      notifications: { id: string; readAt: string | null }[];
    };
    expect(data.notifications).toHaveLength(1);
    const id = data.notifications[0].id;
    // Someone else's notification is a 404, and stays unread.
    try {
      await openGet(get(`/admin/notifications/${id}`, other, { id }));
      throw new Error('expected 404');
    } catch (e) {
      expect(isHttpError(e) && e.status).toBe(404);
    }
    expect(await redirectOf(openGet(get(`/admin/notifications/${id}`, user, { id })))).toBe('/admin/directory');
    expect((await listNotifications(db, user))[0].readAt).not.toBeNull();
  });

  it('marks all as read', async () => {
    const { db } = await app();
    await notify(db, {
      kind: 'directory.review_due',
      userIds: [user.id],
      subjectId: 'dir',
      period: 'w2',
      link: '/admin/directory'
    });
    expect(await listActions.readAll(post('/admin/notifications?/readAll', {}, user))).toEqual({ readAll: true });
    expect((await listNotifications(db, user)).every((n) => n.readAt)).toBe(true);
  });
});

describe('settings', () => {
  it('saves the kinds, the mode, a pause and the language', async () => {
    const result = await settingsActions.default(
      post(
        '/admin/notifications/settings',
        { mode: 'digest', locale: 'en', pausedUntil: '2027-01-31', 'kind:report.new': 'on' },
        user
      )
    );
    expect(result).toEqual({ saved: true });
    const pref = await preferenceOf((await app()).db, user.id);
    expect(pref).toMatchObject({ mode: 'digest', locale: 'en', pausedUntil: '2027-01-31' });
    expect(pref.mutedKinds).not.toContain('report.new');
    expect(pref.mutedKinds).toContain('buyers.check_due');
    const data = (await settingsLoad(get('/admin/notifications/settings', user))) as { preference: { mode: string } };
    expect(data.preference.mode).toBe('digest');
  });

  it('refuses bad input with a message per field in the user’s language, and stores nothing', async () => {
    const result = await settingsActions.default(
      post('/admin/notifications/settings', { mode: 'hourly', locale: 'de', pausedUntil: '2027-02-30' }, user, 'en')
    );
    expect(isActionFailure(result)).toBe(true);
    const { status, data } = result as { status: number; data: { errors: Record<string, string> } };
    expect(status).toBe(400);
    expect(data.errors).toEqual({
      mode: 'Choose at once or together.',
      locale: 'Choose Norwegian or English.',
      pausedUntil: 'Write the date as YYYY-MM-DD.'
    });
    expect((await preferenceOf((await app()).db, user.id)).mode).toBe('digest');
  });
});

describe('unsubscribe without login', () => {
  it('opening the link changes nothing; the button switches off that kind', async () => {
    const { db } = await app();
    const token = unsubscribeToken(tokenKey, other.id, 'buyers.check_due', addDays(new Date().toISOString(), 30));
    const data = (await unsubscribeLoad(get(`/notifications/unsubscribe?token=${token}`, null))) as { check: unknown };
    expect(data.check).toEqual({ ok: true, kind: 'buyers.check_due' });
    expect((await preferenceOf(db, other.id)).mutedKinds).toEqual([]);
    expect(await unsubscribeActions.default(post('/notifications/unsubscribe', { token }, null))).toEqual({
      result: { ok: true, kind: 'buyers.check_due' }
    });
    expect((await preferenceOf(db, other.id)).mutedKinds).toEqual(['buyers.check_due']);
  });

  it('a forged or expired token gets a 400 page and changes nothing', async () => {
    const { db } = await app();
    const before = await preferenceOf(db, user.id);
    const expired = unsubscribeToken(tokenKey, user.id, 'report.new', '2020-01-01');
    const forged = unsubscribeToken(Buffer.alloc(32, 1), user.id, 'report.new', '2999-01-01');
    for (const [token, reason] of [
      [expired, 'expired'],
      [forged, 'invalid'],
      ['', 'invalid']
    ] as const) {
      const r = await unsubscribeActions.default(post('/notifications/unsubscribe', { token }, null));
      expect(isActionFailure(r)).toBe(true);
      expect((r as { status: number; data: unknown }).data).toEqual({ result: { ok: false, reason } });
    }
    expect(await preferenceOf(db, user.id)).toEqual(before);
  });
});
