import { isActionFailure } from '@sveltejs/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { fakeActionEvent } from '../testing/fake-event';
import { setUpAdmin } from '../testing/fixtures';
import { freshDatabaseUrl } from '../testing/test-app';
import { seedEntries } from './directory.seed';
import * as svc from './directory.service';

type TAction = (event: never) => Promise<unknown>;
let admin: TSessionUser;
let guide: TAction;
let save: TAction;
let preview: TAction;
let confirm: TAction;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  guide = (await import('../../../routes/directory/contact/+page.server')).actions.answer as TAction;
  const edit = (await import('../../../routes/(staff)/admin/directory/[id]/+page.server')).actions;
  save = edit.save as TAction;
  const imp = (await import('../../../routes/(staff)/admin/directory/import/+page.server')).actions;
  preview = imp.preview as TAction;
  confirm = imp.confirm as TAction;
  ({ admin } = await setUpAdmin(await app()));
});
afterAll(async () => (await app()).close());

function call(action: TAction, path: string, body: BodyInit, type: string | null, params: Record<string, string> = {}) {
  const { event } = fakeActionEvent(path, body, type, { user: admin });
  return action({ ...event, params } as never);
}

describe('the contact guide action', () => {
  it('asks the next question, then ends with 112 first', async () => {
    const step = (await call(
      guide,
      '/directory/contact',
      'danger=yes&question=danger',
      'application/x-www-form-urlencoded'
    )) as {
      next: string;
    };
    expect(step.next).toBe('child');
    const done = (await call(
      guide,
      '/directory/contact',
      'danger=yes&child=no&about=sex&anonymous=no&question=municipality&municipality=0301',
      'application/x-www-form-urlencoded'
    )) as { steps: { channels: { value: string }[] }[] };
    expect(done.steps[0].channels[0].value).toBe('112');
  });
  it('answers any body with a result or a 4xx, never a crash (property)', async () => {
    const field = fc.constantFrom('danger', 'child', 'about', 'anonymous', 'municipality', 'question', 'x');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, fc.string({ maxLength: 120 })), async (d) => {
        const r = await call(
          guide,
          '/directory/contact',
          new URLSearchParams(d).toString(),
          'application/x-www-form-urlencoded'
        );
        if (isActionFailure(r)) expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 60 }
    );
  });
});

describe('staff actions', () => {
  it('saves checkbox groups and line lists from the edit form, and names bad fields', async () => {
    const id = seedEntries[6].id; // ROSA
    const entry = svc.entryToInput(await svc.getEntry((await app()).db, id));
    const form = new URLSearchParams({
      name: entry.name,
      serviceType: entry.serviceType,
      summaryNb: entry.summaryNb,
      summaryEn: entry.summaryEn,
      'links:victim_follow_up': 'on',
      'links:prevention': 'on',
      'exploitation:labour': 'on',
      targets: 'adults\nwomen',
      languages: 'nb\nEN',
      coverage: 'national',
      verification: 'verified',
      verifiedAt: '2026-11-28',
      sourceUrl: entry.sourceUrl,
      published: 'yes'
    });
    expect(
      await call(save, `/admin/directory/${id}`, form.toString(), 'application/x-www-form-urlencoded', { id })
    ).toEqual({
      saved: true
    });
    const after = await svc.getEntry((await app()).db, id);
    expect(after.links).toEqual(['prevention', 'victim_follow_up']);
    expect(after.languages).toEqual(['en', 'nb']);
    expect(after.channels).toHaveLength(1); // channels are kept
    form.set('coverage', 'county:99');
    form.set('sourceUrl', 'not a url');
    const bad = await call(save, `/admin/directory/${id}`, form.toString(), 'application/x-www-form-urlencoded', {
      id
    });
    expect(isActionFailure(bad)).toBe(true);
    if (isActionFailure(bad)) {
      expect(bad.status).toBe(400);
      expect(Object.keys((bad.data as unknown as { errors: object }).errors)).toEqual(['sourceUrl']);
    }
  });
  it('refuses a verification date PostgreSQL cannot store (year 0000 or 0099, 30 February) with 400 on verifiedAt, storing nothing', async () => {
    const db = (await app()).db;
    const id = seedEntries[6].id;
    const before = await svc.getEntry(db, id);
    const entry = svc.entryToInput(before);
    for (const verifiedAt of ['0000-01-01', '0099-12-31', '2026-02-30', '-0001-01-01', '+275760-09-13']) {
      const form = new URLSearchParams({
        name: 'Endret navn',
        serviceType: entry.serviceType,
        summaryNb: entry.summaryNb,
        summaryEn: entry.summaryEn,
        'links:victim_follow_up': 'on',
        'exploitation:labour': 'on',
        coverage: 'national',
        verification: 'verified',
        verifiedAt,
        sourceUrl: entry.sourceUrl,
        published: 'yes'
      });
      const bad = await call(save, `/admin/directory/${id}`, form.toString(), 'application/x-www-form-urlencoded', {
        id
      });
      expect(isActionFailure(bad) && bad.status, verifiedAt).toBe(400);
      if (isActionFailure(bad)) {
        const errors = (bad.data as unknown as { errors: Record<string, string> }).errors;
        expect(Object.keys(errors)).toEqual(['verifiedAt']);
        expect(errors.verifiedAt).toMatch(/dato/i);
      }
    }
    expect((await svc.getEntry(db, id)).name).toBe(before.name);
  });
  it('previews an uploaded CSV, refuses a non-UTF-8 file, and imports only on confirm', async () => {
    const db = (await app()).db;
    const csv = (await svc.exportCsv(db)).replace('Arbeidstilsynet', 'Arbeidstilsynet (endret)');
    const upload = (text: BlobPart) => {
      const f = new FormData();
      f.set('file', new File([text], 'dir.csv', { type: 'text/csv' }));
      f.set('csv', '');
      return f;
    };
    const p = (await call(preview, '/admin/directory/import', upload(csv), null)) as {
      preview: { counts: Record<string, number> };
    };
    expect(p.preview.counts.update).toBe(1);
    expect((await svc.searchDirectory(db, { q: 'endret' })).results).toHaveLength(0);
    const latin1 = await call(
      preview,
      '/admin/directory/import',
      upload(new Uint8Array([0x69, 0x64, 0x0a, 0xe6, 0xf8])),
      null
    );
    expect(isActionFailure(latin1) && latin1.status).toBe(400);
    const form = new FormData();
    form.set('csv', csv);
    expect(await call(confirm, '/admin/directory/import', form, null)).toMatchObject({ done: { update: 1 } });
    expect((await svc.searchDirectory(db, { q: 'endret' })).results).toHaveLength(1);
  });
});
