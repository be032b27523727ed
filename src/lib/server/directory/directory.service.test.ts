import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { seedEntries } from './directory.seed';
import * as svc from './directory.service';

let ctx: AppContext;
let admin: TSessionUser;

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
});
afterAll(async () => ctx?.close());

const analyst = (): TSessionUser => ({ ...admin, roles: ['analyst'], memberships: [] });

const baseInput = {
  name: 'Testtjenesten i Tromsø',
  serviceType: 'ngo' as const,
  summaryNb: 'Hjelper ofre i Tromsø.',
  summaryEn: 'Helps victims in Tromsø.',
  notDoneNb: '',
  notDoneEn: '',
  website: '',
  links: ['victim_follow_up' as const],
  sectors: [],
  exploitation: ['labour' as const],
  targets: ['women'],
  languages: ['pl'],
  coverage: ['municipality:5501'],
  verification: 'verified' as const,
  verificationNoteNb: '',
  verificationNoteEn: '',
  verifiedAt: '2026-01-15',
  sourceUrl: 'https://example.org/test',
  sourceNote: 'Test',
  published: 'yes' as const
};

describe('seed', () => {
  it('loads every national actor once, with a source, and marks the uncertain ones unverified', async () => {
    expect(await svc.seedDirectory(ctx.db)).toBe(0); // openApp already seeded
    const all = await svc.listForStaff(ctx.db, admin);
    for (const s of seedEntries) {
      const e = all.find((x) => x.id === s.id);
      expect(e, s.entry.name).toBeDefined();
      expect(e!.sourceUrl).toMatch(/^https?:\/\//);
    }
    const kom = all.find((e) => e.name.includes('KOM'))!;
    expect(kom.verification).toBe('unverified');
    expect(kom.verificationNote.nb).toContain('usikkert');
    const kripos = all.find((e) => e.name.startsWith('Kripos'))!;
    expect(kripos.channels[0].verification).toBe('unverified');
    const police = all.find((e) => e.name === 'Politiet')!;
    expect(police.channels.map((c) => c.value)).toEqual(['112', '02800', '']);
  });
});

describe('search', () => {
  it('answers a municipality name with national services, its own, and the district caveat', async () => {
    const { id } = await svc.saveEntry(ctx.db, admin, null, baseInput);
    const r = await svc.searchDirectory(ctx.db, { municipality: 'tromso' });
    expect(r.place.kind).toBe('found');
    expect(r.results[0].id).toBe(id);
    expect(r.results[0].match).toBe('municipality');
    expect(r.results.some((e) => e.name === 'Politiet')).toBe(true);
    expect((await svc.searchDirectory(ctx.db, { municipality: 'Fuosko' })).place).toMatchObject({
      kind: 'found',
      place: { number: '1841' }
    });
    const elsewhere = await svc.searchDirectory(ctx.db, { municipality: 'Oslo' });
    expect(elsewhere.results.some((e) => e.id === id)).toBe(false);
  });
  it('filters by link, language, channel and text', async () => {
    const byLang = await svc.searchDirectory(ctx.db, { municipality: '5501', language: 'pl' });
    expect(byLang.results.map((e) => e.name)).toEqual(['Testtjenesten i Tromsø']);
    const always = await svc.searchDirectory(ctx.db, { channel: 'always' });
    expect(always.results.map((e) => e.name).sort()).toEqual([
      'Kripos – politiets tipsmottak for menneskehandel',
      'ROSA (Krisesentersekretariatet)'
    ]);
    const prevention = await svc.searchDirectory(ctx.db, { link: 'prevention' });
    expect(prevention.results.every((e) => e.links.includes('prevention'))).toBe(true);
    const text = await svc.searchDirectory(ctx.db, { q: 'krisesenter' });
    expect(text.results[0].name).toContain('ROSA');
  });
  it('suggests municipalities for an unknown name', async () => {
    const r = await svc.searchDirectory(ctx.db, { municipality: 'Bodoo' });
    expect(r.place.kind).toBe('unknown');
    if (r.place.kind === 'unknown') expect(r.place.suggestions.map((p) => p.name)).toContain('Bodø');
  });
  it('treats police-district coverage as unknown until the mapping is imported, then resolves it', async () => {
    const { id } = await svc.saveEntry(ctx.db, admin, null, {
      ...baseInput,
      name: 'Distriktstjenesten',
      coverage: ['police_district:Troms politidistrikt']
    });
    const before = await svc.searchDirectory(ctx.db, { municipality: '5501' });
    expect(before.results.some((e) => e.id === id)).toBe(false);
    expect(before.unknownCoverage.map((e) => e.id)).toContain(id);
    const bad = await svc.importDistrictMapping(
      ctx.db,
      admin,
      'municipality_number,police_district_name\n9999,Troms politidistrikt\n5501,Nowhere\n',
      'test',
      false
    );
    expect(bad.errors.map((e) => e.line)).toEqual([2, 3]);
    expect((await svc.districtMappingStatus(ctx.db)).count).toBe(0);
    const ok = await svc.importDistrictMapping(
      ctx.db,
      admin,
      'municipality_number,police_district_name\n5501,Troms politidistrikt\n',
      'test',
      false
    );
    expect(ok.errors).toEqual([]);
    const after = await svc.searchDirectory(ctx.db, { municipality: '5501' });
    expect(after.results.find((e) => e.id === id)?.match).toBe('police_district');
    expect(after.unknownCoverage).toEqual([]);
    await expect(svc.importDistrictMapping(ctx.db, analyst(), 'x', 'test', true)).rejects.toMatchObject({
      code: 'forbidden'
    });
  });
});

describe('the guide', () => {
  it('ends with 112 first when someone is in danger, and only anonymous-capable channels when asked', async () => {
    const r = await svc.guideContacts(ctx.db, {
      danger: 'yes',
      child: 'no',
      about: 'work',
      anonymous: 'yes',
      municipality: 'Tromsø'
    });
    expect(r.steps[0].channels[0].value).toBe('112');
    expect(r.steps.some((s) => s.entry.name === 'Arbeidstilsynet')).toBe(true);
    expect(
      r.steps.flatMap((s) => s.channels).every((c) => c.anonymity !== 'not_possible' || c.purpose === 'emergency')
    ).toBe(true);
  });
});

describe('editing and history', () => {
  it('keeps a change history and an audit entry, and refuses other roles', async () => {
    const { id } = await svc.saveEntry(ctx.db, admin, null, { ...baseInput, name: 'Historikk' });
    await svc.saveEntry(ctx.db, admin, id, { ...baseInput, name: 'Historikk', summaryNb: 'Ny tekst.' });
    await svc.addChannel(ctx.db, admin, id, {
      kind: 'phone',
      purpose: 'advice',
      value: '12345678',
      labelNb: 'Telefon',
      labelEn: 'Phone',
      availability: 'hours',
      hoursNb: 'Hverdager',
      hoursEn: 'Weekdays',
      anonymity: 'possible',
      verification: 'verified',
      noteNb: '',
      noteEn: ''
    });
    const entry = await svc.getEntry(ctx.db, id);
    await svc.removeChannel(ctx.db, admin, id, entry.channels[0].id);
    const history = await svc.listRevisions(ctx.db, admin, id);
    expect(history.map((h) => h.action).sort()).toEqual(['channel_added', 'channel_removed', 'created', 'updated']);
    expect(history.find((h) => h.action === 'updated')?.changes.fields).toEqual(['summaryNb']);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('directory.updated');
    await expect(svc.saveEntry(ctx.db, analyst(), id, baseInput)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      svc.saveEntry(ctx.db, admin, null, { ...baseInput, coverage: ['municipality:9999'] })
    ).rejects.toMatchObject({
      code: 'validation'
    });
  });
  it('flags entries not verified for 12 months', async () => {
    const { id } = await svc.saveEntry(ctx.db, admin, null, { ...baseInput, name: 'Gammel', verifiedAt: '2020-01-01' });
    expect((await svc.getEntry(ctx.db, id)).stale).toBe(true);
    const list = await svc.listForStaff(ctx.db, admin);
    expect(list[0].stale).toBe(true);
  });
  it('hides unpublished entries from the public', async () => {
    const { id } = await svc.saveEntry(ctx.db, admin, null, { ...baseInput, name: 'Utkast', published: 'no' });
    await expect(svc.getEntry(ctx.db, id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await svc.getEntry(ctx.db, id, { includeUnpublished: true })).published).toBe(false);
  });
});

describe('CSV import and export', () => {
  it('round-trips: export → import gives no changes', async () => {
    const csv = await svc.exportCsv(ctx.db, { includeUnpublished: true });
    const plan = await svc.previewImport(ctx.db, admin, csv);
    expect(plan.fileError).toBeUndefined();
    expect(plan.counts.reject).toBe(0);
    expect(plan.counts.create).toBe(0);
    expect(plan.counts.update).toBe(0);
    expect(plan.counts.unchanged).toBeGreaterThanOrEqual(seedEntries.length);
  });
  it('previews creates, changes and rejects with reasons, and applies only the valid rows after confirming', async () => {
    const csv = await svc.exportCsv(ctx.db);
    const lines = csv.trimEnd().split('\r\n');
    const header = lines[0];
    const rosaLine = lines.find((l) => l.includes('ROSA'))!;
    const changed = rosaLine.replace('ROSA (Krisesentersekretariatet)', 'ROSA – Krisesentersekretariatet');
    const newRow = rosaLine.replace(/^[^,]+,/, ',').replace('ROSA (Krisesentersekretariatet)', 'Ny fra CSV');
    const badCoverage = rosaLine
      .replace(/^[^,]+,/, ',')
      .replace('ROSA (Krisesentersekretariatet)', 'Dårlig')
      .replace(',national,', ',municipality:0000,');
    const duplicate = lines.find((l) => l.startsWith(seedEntries[0].id))!;
    const text = [header, changed, newRow, badCoverage, duplicate, duplicate].join('\r\n');
    const before = await svc.exportCsv(ctx.db, { includeUnpublished: true });
    const plan = await svc.previewImport(ctx.db, admin, text);
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 0, reject: 3 });
    expect(plan.rows.find((r) => r.action === 'update')?.changes).toEqual(['name']);
    expect(plan.rows.filter((r) => r.action === 'reject').flatMap((r) => r.errors.map((e) => e.message))).toEqual(
      expect.arrayContaining(['directory.import.unknownCoverage', 'directory.import.duplicateId'])
    );
    // Preview writes nothing.
    expect(await svc.exportCsv(ctx.db, { includeUnpublished: true })).toBe(before);
    await svc.applyImport(ctx.db, admin, text);
    const after = await svc.searchDirectory(ctx.db, { q: 'Ny fra CSV' });
    expect(after.results).toHaveLength(1);
    expect((await svc.searchDirectory(ctx.db, { q: 'ROSA – Krisesentersekretariatet' })).results).toHaveLength(1);
    expect((await svc.searchDirectory(ctx.db, { q: 'Dårlig' })).results).toHaveLength(0);
  });
  it('refuses wrong columns and non-UTF-8 files as a whole', async () => {
    const wrong = await svc.previewImport(ctx.db, admin, 'id,navn\n,x\n');
    expect(wrong.fileError?.message).toBe('directory.import.wrongColumns');
    expect(() => svc.decodeCsvBytes(new Uint8Array([0x69, 0x64, 0xff, 0xfe]))).toThrow();
    expect(svc.decodeCsvBytes(new TextEncoder().encode('\uFEFFid'))).toBe('id');
    const unclosed = await svc.previewImport(ctx.db, admin, 'id,name\n"x,y\n');
    expect(unclosed.fileError?.message).toBe('directory.import.notCsv');
  });
});

describe('coverage report', () => {
  it('lists every county with its gaps, and a county’s municipalities', async () => {
    const national = await svc.coverageReport(ctx.db);
    expect(national.rows).toHaveLength(15);
    expect(national.rows.every((r) => r.links.intelligence.full.length > 0)).toBe(true);
    const troms = await svc.coverageReport(ctx.db, '55');
    expect(troms.rows.find((r) => r.code === '5501')?.links.victim_follow_up.full.length).toBeGreaterThan(
      troms.rows.find((r) => r.code !== '5501')!.links.victim_follow_up.full.length
    );
    await expect(svc.coverageReport(ctx.db, '99')).rejects.toMatchObject({ code: 'not_found' });
    // A change is seen at once: the cached map is keyed by the data's version.
    const oslo = () => svc.coverageReport(ctx.db).then((r) => r.rows.find((x) => x.code === '03')!);
    const before = (await oslo()).links.prevention.full.length;
    await svc.saveEntry(ctx.db, admin, null, {
      ...baseInput,
      name: 'Forebygging i Oslo',
      links: ['prevention'],
      coverage: ['county:03']
    });
    expect((await oslo()).links.prevention.full.length).toBe(before + 1);
    expect(await svc.coverageReport(ctx.db)).toEqual(await svc.computeCoverageReport(ctx.db));
  });
});
