import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import { loadSessionUser } from '../auth/session.service';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ZCommentForm } from '../../schemas/actionplan';
import {
  commentOrganisations,
  getPlan,
  listRecommendations,
  moderateComment,
  pendingComments,
  publishedComments,
  submitComment
} from './actionplan.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let member: TSessionUser;
let outsider: TSessionUser;
let orgId: string;
let measureId: string;

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
  editor = await createStaffUser(ctx, admin, 'editor');
  outsider = await createStaffUser(ctx, admin, 'analyst');
  const seeded = await createStaffUser(ctx, admin, 'analyst');
  // A member of an organisation published in the directory.
  const org = await ctx.db
    .selectFrom('organisation')
    .innerJoin('directory_profile', 'directory_profile.organisation_id', 'organisation.id')
    .select(['organisation.id', 'organisation.name'])
    .where('directory_profile.published_at', 'is not', null)
    .orderBy('organisation.name')
    .executeTakeFirstOrThrow();
  orgId = org.id;
  await ctx.db
    .insertInto('membership')
    .values({ user_id: seeded.id, organisation_id: orgId, role: 'analyst', created_at: new Date().toISOString() })
    .execute();
  member = (await loadSessionUser(ctx.db, seeded.id))!;
  measureId = (await getPlan(ctx.db, '2006-2009')).measures[0].id;
});
afterAll(() => ctx.close());

const comment = (over: Record<string, string> = {}) =>
  ZCommentForm.parse({ organisationId: orgId, kind: 'proposal', body: 'Sett en frist for tiltaket.', ...over });

describe('NGO input', () => {
  it('only members of organisations in the directory may comment', async () => {
    expect(await commentOrganisations(ctx.db, outsider)).toEqual([]);
    expect((await commentOrganisations(ctx.db, member)).map((o) => o.id)).toEqual([orgId]);
    const e = await errorOf(submitComment(ctx.db, outsider, { type: 'measure', id: measureId }, comment()));
    expect(e.code).toBe('forbidden');
    expect((await errorOf(submitComment(ctx.db, null, { type: 'measure', id: measureId }, comment()))).code).toBe(
      'unauthenticated'
    );
  });

  it('a comment waits for moderation, then appears with the organisation’s name', async () => {
    await submitComment(ctx.db, member, { type: 'measure', id: measureId }, comment());
    expect(await publishedComments(ctx.db, [measureId])).toEqual([]);
    const pending = await pendingComments(ctx.db, editor);
    expect(pending).toHaveLength(1);
    expect((await errorOf(pendingComments(ctx.db, outsider))).code).toBe('forbidden');
    await moderateComment(ctx.db, editor, pending[0].id, 'published');
    const published = await publishedComments(ctx.db, [measureId]);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ kind: 'proposal', body: 'Sett en frist for tiltaket.', state: 'published' });
    expect(published[0].organisation).toBeTruthy();
  });

  it('a rejected comment is never shown; a recommendation can be commented on too', async () => {
    const rec = (await listRecommendations(ctx.db))[0];
    await submitComment(ctx.db, member, { type: 'recommendation', id: rec.id }, comment({ kind: 'comment' }));
    const [pending] = await pendingComments(ctx.db, editor);
    await moderateComment(ctx.db, editor, pending.id, 'rejected');
    expect(await publishedComments(ctx.db, [rec.id])).toEqual([]);
    expect((await errorOf(moderateComment(ctx.db, editor, 'nope', 'published'))).code).toBe('not_found');
  });

  it('refuses an empty, too long or marked-up text with the reason', () => {
    const msg = (body: string) =>
      ZCommentForm.safeParse({ organisationId: orgId, kind: 'comment', body }).error?.issues[0].message;
    expect(msg('   ')).toBe('validation.required');
    expect(msg('x'.repeat(4001))).toBe('validation.tooLong');
    expect(msg('Se <script>alert(1)</script>')).toBe('ap.error.markup');
    expect(msg('<b>fet</b>')).toBe('ap.error.markup');
    expect(msg('2 < 3 og 5 > 4')).toBeUndefined();
  });
});
