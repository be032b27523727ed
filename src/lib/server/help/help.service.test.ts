import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { helpFingerprints } from './help.content';
import * as svc from './help.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let analyst: TSessionUser;

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
  editor = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => ctx?.close());

const statusOf = async (code: string) => (await svc.listHelpLanguages(ctx.db)).find((l) => l.code === code)!;

describe('help languages and pages', () => {
  it('lists every language; bokmål and English are sources, the others start unreviewed', async () => {
    const list = await svc.listHelpLanguages(ctx.db);
    expect(list.map((l) => l.code)).toEqual([
      'nb',
      'en',
      'pl',
      'lt',
      'ro',
      'bg',
      'uk',
      'es',
      'ar',
      'ti',
      'so',
      'vi',
      'th'
    ]);
    expect(list.find((l) => l.code === 'nb')!.status).toBe('source');
    expect(list.find((l) => l.code === 'so')!.status).toBe('unreviewed');
  });

  it('serves a page with its contacts, figures filled in and review status; an unknown language is a 404', async () => {
    const page = await svc.getHelpPage(ctx.db, 'ar');
    expect(page.dir).toBe('rtl');
    expect(page.text.reflectionText).toContain('6');
    expect(page.contacts.find((c) => c.id === 'rosa')!.phone).toBe('22 33 11 60');
    const e = await errorOf(svc.getHelpPage(ctx.db, 'xx'));
    expect(e.code).toBe('not_found');
  });
});

describe('marking a translation reviewed', () => {
  it('an editor marks it reviewed: by whom and when, with an audit entry', async () => {
    const now = new Date('2026-11-29T12:00:00.000Z');
    await svc.markHelpReviewed(ctx.db, editor, { lang: 'pl', fingerprint: helpFingerprints.pl }, now);
    const pl = await statusOf('pl');
    expect(pl.status).toBe('reviewed');
    expect(pl.lastReview).toEqual({
      fingerprint: helpFingerprints.pl,
      reviewedAt: now.toISOString(),
      reviewerName: editor.displayName
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'help.translation.reviewed')
      .execute();
    expect(audit).toEqual([{ action: 'help.translation.reviewed', actor_id: editor.id }]);
    expect((await svc.getHelpPage(ctx.db, 'pl')).status).toBe('reviewed');
  });

  it('a review made for an older version of the texts means the language needs review again', async () => {
    await ctx.db
      .insertInto('help_review')
      .values({
        id: crypto.randomUUID(),
        lang: 'lt',
        fingerprint: 'f'.repeat(64),
        reviewer_id: editor.id,
        reviewed_at: '2026-01-01T00:00:00.000Z'
      })
      .execute();
    const lt = await statusOf('lt');
    expect(lt.status).toBe('needs_review');
    expect(lt.lastReview?.reviewerName).toBe(editor.displayName);
    await svc.markHelpReviewed(ctx.db, editor, { lang: 'lt', fingerprint: helpFingerprints.lt });
    expect((await statusOf('lt')).status).toBe('reviewed');
  });

  it('refuses other roles, source texts, unknown languages and a version the editor did not see — and stores nothing', async () => {
    const before = await ctx.db.selectFrom('help_review').select('id').execute();
    expect(
      (await errorOf(svc.markHelpReviewed(ctx.db, analyst, { lang: 'ro', fingerprint: helpFingerprints.ro }))).code
    ).toBe('forbidden');
    expect(
      (await errorOf(svc.markHelpReviewed(ctx.db, admin, { lang: 'ro', fingerprint: helpFingerprints.ro }))).code
    ).toBe('forbidden');
    expect(
      (await errorOf(svc.markHelpReviewed(ctx.db, editor, { lang: 'nb', fingerprint: helpFingerprints.nb }))).code
    ).toBe('bad_request');
    expect(
      (await errorOf(svc.markHelpReviewed(ctx.db, editor, { lang: 'xx', fingerprint: helpFingerprints.ro }))).code
    ).toBe('not_found');
    expect(
      (await errorOf(svc.markHelpReviewed(ctx.db, editor, { lang: 'ro', fingerprint: helpFingerprints.pl }))).code
    ).toBe('conflict');
    expect(await ctx.db.selectFrom('help_review').select('id').execute()).toHaveLength(before.length);
    expect((await statusOf('ro')).status).toBe('unreviewed');
  });
});
