import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ZReportSubmit } from '../../schemas/report';
import { KDF_TEST } from './report.crypto';
import {
  addRule,
  formatInboxCursor,
  listInbox,
  parseInboxCursor,
  submitReport,
  type TCaseSession,
  type TInboxQuery
} from './report.service';
import { createCaseHandler, createTestOrganisation, signIn } from './report.testing';

let ctx: AppContext;
let org: string;
let handler: TSessionUser;
let session: TCaseSession;
const deps = () => ({ db: ctx.db, receiptCost: KDF_TEST });
const REPORTS = 13;

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  org = await createTestOrganisation(ctx, admin, 'Paging org');
  handler = await createCaseHandler(ctx, admin, org);
  session = await signIn(ctx, handler.id);
  await addRule(ctx.db, admin, { kind: 'other', scope: 'national', area: '', organisationId: org });
  // Several reports a day (stored to the day), so pages split inside one day and the id breaks the tie.
  for (let i = 0; i < REPORTS; i++) {
    const day = new Date(Date.UTC(2026, 9, 1 + Math.floor(i / 4), 12));
    const input = ZReportSubmit.parse({
      kind: 'other',
      text: `report ${i}`,
      municipality: '0301',
      place: '',
      identity: 'anonymous',
      contact: ''
    });
    expect((await submitReport(deps(), input, day)).kind).toBe('sent');
  }
  // Every third report is closed.
  const all = await ctx.db.selectFrom('report').select('id').orderBy('id').execute();
  const closed = all.filter((_, i) => i % 3 === 0).map((r) => r.id);
  await ctx.db.updateTable('report').set({ status: 'closed' }).where('id', 'in', closed).execute();
}, 120_000); // 13 submissions and a fresh database: slow on a loaded PostgreSQL
afterAll(async () => ctx?.close());

const list = (q: TInboxQuery) => listInbox(deps(), handler, session, org, q);

/** Every page from the newest, following "older" links; then back, following "newer" links. */
async function walk(q: TInboxQuery) {
  const down: string[][] = [];
  let page = await list(q);
  expect(page.newer).toBeNull();
  down.push(page.rows.map((r) => r.id));
  while (page.older) {
    page = await list({ ...q, before: page.older });
    expect(page.newer).not.toBeNull();
    down.push(page.rows.map((r) => r.id));
  }
  const up: string[][] = [page.rows.map((r) => r.id)];
  while (page.newer) {
    page = await list({ ...q, after: page.newer });
    up.unshift(page.rows.map((r) => r.id));
  }
  return { down, up };
}

describe('inbox paging beyond one page (keyset on day and id)', () => {
  it('walks every report once, newest first, in pages of the limit, and back again', async () => {
    const everything = (await list({ limit: 1000 })).rows.map((r) => r.id);
    expect(everything).toHaveLength(REPORTS);
    for (const limit of [1, 3, 4, 5, 13]) {
      const { down, up } = await walk({ limit });
      expect(down.flat()).toEqual(everything);
      expect(down.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      expect(up).toEqual(down);
    }
    // Exactly a page's worth: no "older" link to an empty page.
    expect((await list({ limit: REPORTS })).older).toBeNull();
  });

  it('keeps the status filter on every page', async () => {
    const closed = (await list({ limit: 1000, status: 'closed' })).rows;
    expect(closed.length).toBeGreaterThan(2);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const { down, up } = await walk({ limit: 2, status: 'closed' });
    expect(down.flat()).toEqual(closed.map((r) => r.id));
    expect(up).toEqual(down);
    const open = (await list({ limit: 1000, status: 'new' })).rows;
    expect(open.length + closed.length).toBe(REPORTS);
  });

  it('reads and writes cursors, and refuses text that is not one', () => {
    const c = { on: '2026-10-02', id: '0b6c9f9e-3c1a-4f3e-9f51-1d2e3f4a5b6c' };
    expect(parseInboxCursor(formatInboxCursor(c))).toEqual(c);
    for (const bad of [null, '', '2026-10-02', `x${formatInboxCursor(c)}`, "2026-10-02_' or 1=1 --", '2026-10-02_ABC'])
      expect(parseInboxCursor(bad)).toBeNull();
  });
});
