import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { helpTexts } from '../help/help.content';
import { getHelpPage, getHelpView, listHelpLanguages, markHelpReviewed } from '../help/help.service';
import { helpLanguages, helpTextField, type THelpText } from '../help/help.text';
import { fakeActionEvent } from '../testing/fake-event';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { HELP_KIND, HELP_LOCALE, helpFileText, loadPublishedHelp, parseHelpFile } from './content.help-kind';
import { HOME_KIND, homeTextKeys, loadPublishedHomeTexts, type THomeBody } from './content.home-kind';
import { contentReviewDue } from './content.review-due';
import { changeState, exportContent, getEditor, importContent, saveDraft, seedContent } from './content.service';

let ctx: AppContext;
let admin: TSessionUser;
let editor: TSessionUser;
let second: TSessionUser;
let analyst: TSessionUser;
beforeAll(async () => {
  ctx = await openTestApp();
  admin = (await setUpAdmin(ctx)).admin;
  editor = await createStaffUser(ctx, admin, 'editor');
  second = await createStaffUser(ctx, admin, 'editor');
  analyst = await createStaffUser(ctx, admin, 'analyst');
});
afterAll(async () => ctx.close());

const helpView = (code: string) => getEditor<THelpText, string>(ctx.db, editor, HELP_KIND, code, HELP_LOCALE);

/** Saves `change` over a language's text as a draft by `editor`, submits it, and `second` publishes it. */
async function publishHelp(code: string, change: Partial<THelpText>) {
  const view = await helpView(code);
  const r = await saveDraft(ctx, editor, HELP_KIND, {
    slug: code,
    locale: HELP_LOCALE,
    revision: 0,
    base: view.base,
    body: { ...view.body, ...change }
  });
  const ref = { kind: HELP_KIND, slug: code, locale: HELP_LOCALE, number: r.number };
  await changeState(ctx, editor, { ...ref, action: 'submit' });
  return { number: r.number, publish: () => changeState(ctx, second, { ...ref, action: 'publish' }), ref };
}

async function itemCount(kind: string) {
  const r = await ctx.db
    .selectFrom('content_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('help translations in the studio', () => {
  it('are seeded once from the files: every language as published version 1, equal to its file', async () => {
    expect(await itemCount(HELP_KIND)).toBe(helpLanguages.length);
    expect(await seedContent(ctx.db)).toBe(0);
    expect(await itemCount(HELP_KIND)).toBe(helpLanguages.length);
    const published = await loadPublishedHelp(ctx.db);
    for (const { code } of helpLanguages) {
      expect(published.get(code)!.text).toEqual(helpTexts[code]);
      expect(published.get(code)!.publishedAt).not.toBeNull();
    }
  });

  it('reads the repository files (string literals only) as the texts the app was built with', () => {
    for (const { code } of helpLanguages) {
      const name = `help/texts/${code}.ts`;
      const text = readFileSync(resolve('src/lib/server', name), 'utf8');
      expect(parseHelpFile(name, text, code)).toEqual(helpTexts[code]);
    }
    expect(() => parseHelpFile('x.ts', 'export const pl = { heading: `x` };', 'pl')).toThrow(/x.ts:1/);
    expect(() => parseHelpFile('x.ts', 'export const en = {};', 'pl')).toThrow(/file name says "pl"/);
  });

  it('writes a file that reads back the same text, whatever quotes and backslashes it holds (property)', () => {
    const valid = (s: string) => helpTextField('heading').safeParse(s).success && s === s.trim();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }).filter(valid), (heading) => {
        const text = { ...helpTexts.ar, heading } as THelpText;
        expect(parseHelpFile('help/texts/ar.ts', helpFileText(text, 'ar'), 'ar')).toEqual(text);
      }),
      { numRuns: 200 }
    );
  });

  it('edit → review → second editor publishes: the public page shows it at once with "last updated"', async () => {
    const heading = 'Pomoc i prawa w Norwegii: wersja testowa';
    const { publish, ref, number } = await publishHelp('pl', { heading });
    // Two-person review: the author cannot publish their own change.
    expect((await errorOf(changeState(ctx, editor, { ...ref, action: 'publish' }))).status).toBeGreaterThanOrEqual(400);
    expect((await getHelpPage(ctx.db, 'pl')).text.heading).not.toBe(heading);
    await publish();
    const page = await getHelpPage(ctx.db, 'pl');
    expect(page.text.heading).toBe(heading);
    expect(page.updatedAt).not.toBeNull();
    expect((await getHelpView(ctx.db, 'pl')).updatedLine).toMatch(/^Ostatnia aktualizacja: /);
    // The figures are still filled in from the facts file.
    expect(page.text.reflectionText).toContain('6');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['content.draft', 'content.submit', 'content.publish'])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['content.draft', 'content.submit', 'content.publish'])
    );
    expect((await helpView('pl')).published!.number).toBe(number);
  });

  it('refuses a draft that drops a placeholder, holds HTML or a number — each beside its field — and stores nothing', async () => {
    const actions = (await import('../../../routes/(staff)/admin/content/help/[lang]/+page.server')).actions as Record<
      string,
      (e: never) => Promise<unknown>
    >;
    const view = await helpView('ro');
    const body = {
      ...view.body,
      reflectionText: view.body.reflectionText.replace('{months}', 'șase'),
      intro: '<b>Ajutor</b>',
      signDebt: 'Sunați la 112.',
      revision: '0',
      base: String(view.base)
    };
    const before = await ctx.db.selectFrom('content_version').select('id').execute();
    const { event } = fakeActionEvent(
      '/admin/content/help/ro?/save',
      new URLSearchParams(body as Record<string, string>).toString(),
      'application/x-www-form-urlencoded',
      { user: editor }
    );
    const r = await actions.save({ ...event, params: { lang: 'ro' } } as never);
    expect(isActionFailure(r) && r.status).toBe(400);
    const errors = (r as { data: { errors: Record<string, string> } }).data.errors;
    expect(Object.keys(errors).sort()).toEqual(['intro', 'reflectionText', 'signDebt']);
    expect(errors.reflectionText).toMatch(/plassholderne/);
    expect(errors.intro).toMatch(/HTML/);
    expect((await ctx.db.selectFrom('content_version').select('id').execute()).length).toBe(before.length);
    // The service refuses it too (a caller that skips the form's schema).
    const e = await errorOf(
      saveDraft(ctx, editor, HELP_KIND, {
        slug: 'ro',
        locale: HELP_LOCALE,
        revision: 0,
        base: view.base,
        body: { ...view.body, reflectionText: 'șase luni' }
      })
    );
    expect(e.code).toBe('validation');
    expect((await ctx.db.selectFrom('content_version').select('id').execute()).length).toBe(before.length);
  });

  it('a checked translation needs checking again after the bokmål source is published anew', async () => {
    const lt = (await listHelpLanguages(ctx.db)).find((l) => l.code === 'lt')!;
    await markHelpReviewed(ctx.db, editor, { lang: 'lt', fingerprint: lt.fingerprint });
    expect((await listHelpLanguages(ctx.db)).find((l) => l.code === 'lt')!.status).toBe('reviewed');
    const { publish } = await publishHelp('nb', { signsIntro: 'Stemmer noe av dette for deg nå?' });
    await publish();
    expect((await listHelpLanguages(ctx.db)).find((l) => l.code === 'lt')!.status).toBe('needs_review');
    // An analyst cannot edit help texts in the studio.
    expect((await errorOf(getEditor(ctx.db, analyst, HELP_KIND, 'lt', HELP_LOCALE))).code).toBe('forbidden');
  });
});

describe('home page texts in the studio', () => {
  const homeView = (key: string, locale: 'nb' | 'en') =>
    getEditor<THomeBody, string>(ctx.db, editor, HOME_KIND, key, locale);

  it('are seeded once from the dictionaries, in both languages', async () => {
    expect(await itemCount(HOME_KIND)).toBe(homeTextKeys.length * 2);
    expect((await homeView('home.lead', 'en')).body.text).toMatch(/^Forebygg is/);
    expect(await seedContent(ctx.db)).toBe(0);
  });

  it('edit → review → publish: the home page reads it at once; HTML is removed and reported; too long is refused', async () => {
    const key = 'check.home.description';
    const view = await homeView(key, 'nb');
    const saved = await saveDraft(ctx, editor, HOME_KIND, {
      slug: key,
      locale: 'nb',
      revision: 0,
      base: view.base,
      body: { text: 'Sjekk <script>alert(1)</script>tjenesten <b>før</b> du kjøper.' }
    });
    expect(saved.removed.map((r) => r.kind).sort()).toEqual(['script', 'tag', 'tag']);
    const tooLong = await errorOf(
      saveDraft(ctx, editor, HOME_KIND, {
        slug: key,
        locale: 'nb',
        revision: saved.revision,
        base: view.base,
        body: { text: 'x'.repeat(201) }
      })
    );
    expect(tooLong.code).toBe('validation');
    const ref = { kind: HOME_KIND, slug: key, locale: 'nb', number: saved.number };
    await changeState(ctx, editor, { ...ref, action: 'submit' });
    expect((await loadPublishedHomeTexts(ctx.db, 'nb'))[key]).not.toMatch(/før du kjøper\.$/);
    await changeState(ctx, second, { ...ref, action: 'publish' });
    expect((await loadPublishedHomeTexts(ctx.db, 'nb'))[key]).toBe('Sjekk tjenesten før du kjøper.');
    // The English text is its own item, unchanged.
    expect((await loadPublishedHomeTexts(ctx.db, 'en'))[key]).toBe((await homeView(key, 'en')).body.text);
  });
});

describe('export and import', () => {
  it('round-trips help texts and home texts with no change; an edited file becomes a new published version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forebygg-help-export-'));
    try {
      const { written } = await exportContent(ctx.db, dir);
      expect(written).toEqual(
        expect.arrayContaining(['help/texts/pl.ts', 'help/texts/nb.ts', 'home/en/home.lead.txt'])
      );
      const dry = await importContent(ctx, dir, { dryRun: true });
      expect(dry.changes).toEqual([]);
      const file = join(dir, 'help/texts/es.ts');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/heading: '[^']*'/, "heading: 'Ayuda y derechos: importado'")
      );
      writeFileSync(join(dir, 'home/en/home.intro.txt'), 'Imported intro text.\n');
      const r = await importContent(ctx, dir, { dryRun: false });
      expect(r.changes.map((c) => c.path).sort()).toEqual(['help/texts/es.ts', 'home/en/home.intro.txt']);
      expect((await getHelpPage(ctx.db, 'es')).text.heading).toBe('Ayuda y derechos: importado');
      expect((await loadPublishedHomeTexts(ctx.db, 'en'))['home.intro']).toBe('Imported intro text.');
      expect((await importContent(ctx, dir, { dryRun: true })).changes).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content due for review', () => {
  it('notifies editors and administrators once per item and review-by date; a new date notifies again', async () => {
    const item = await ctx.db
      .selectFrom('content_item')
      .select('id')
      .where('kind', '=', HELP_KIND)
      .where('key', '=', 'vi')
      .executeTakeFirstOrThrow();
    const now = new Date('2026-12-01T08:00:00.000Z');
    const notificationsOf = (user: TSessionUser) =>
      ctx.db
        .selectFrom('notification')
        .innerJoin('notification_event', 'notification_event.id', 'notification.event_id')
        .select(['notification.link', 'notification_event.due_on'])
        .where('notification.user_id', '=', user.id)
        .where('notification_event.subject_id', '=', item.id)
        .execute();
    await ctx.db.updateTable('content_item').set({ review_by: '2027-06-01' }).where('id', '=', item.id).execute();
    await contentReviewDue(ctx.db, now);
    expect(await notificationsOf(editor)).toHaveLength(0);
    await ctx.db.updateTable('content_item').set({ review_by: '2026-12-20' }).where('id', '=', item.id).execute();
    // Two instances at once, then a rerun: one event.
    await Promise.all([contentReviewDue(ctx.db, now), contentReviewDue(ctx.db, now)]);
    await contentReviewDue(ctx.db, now);
    expect(await notificationsOf(editor)).toEqual([{ link: '/admin/content/help/vi', due_on: '2026-12-20' }]);
    expect(await notificationsOf(admin)).toHaveLength(1);
    expect(await notificationsOf(analyst)).toHaveLength(0);
    await ctx.db.updateTable('content_item').set({ review_by: '2026-11-20' }).where('id', '=', item.id).execute();
    await contentReviewDue(ctx.db, now);
    expect((await notificationsOf(second)).map((n) => n.due_on).sort()).toEqual(['2026-11-20', '2026-12-20']);
  });
});
