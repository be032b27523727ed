import { isActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklist } from '../../check/checklist';
import { checklistToValues } from '../../content/checklist-form';
import { app } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';
import { CHECKLIST_KIND, CHECKLIST_LOCALE } from './content.checklist-kind';
import { getEditor } from './content.service';

type THandler = (event: never) => Promise<unknown>;
let actions: Record<string, THandler>;
let editor: TSessionUser;

beforeAll(async () => {
  process.env.DATABASE_URL = await freshDatabaseUrl();
  const mod = await import('../../../routes/(staff)/admin/content/checklists/[sector]/+page.server');
  actions = mod.actions as Record<string, THandler>;
  const ctx = await app();
  const { admin } = await setUpAdmin(ctx);
  editor = await createStaffUser(ctx, admin, 'editor');
});
afterAll(async () => (await app()).close());

const SECTOR = 'car-wash';
function post(fields: Record<string, string>) {
  const { event } = fakeActionEvent(
    `/admin/content/checklists/${SECTOR}?/save`,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    { user: editor }
  );
  return actions.save({ ...event, params: { sector: SECTOR } } as never);
}
const view = async () =>
  getEditor<TChecklist, string>((await app()).db, editor, CHECKLIST_KIND, SECTOR, CHECKLIST_LOCALE);
async function form(): Promise<Record<string, string>> {
  const v = await view();
  return { ...checklistToValues(v.body), revision: String(v.open?.revision ?? 0), base: String(v.base) };
}

type TData = { message?: string; errors?: Record<string, string>; values: Record<string, string>; notes?: string[] };
const data = (r: unknown) => (isActionFailure(r) ? (r.data as unknown as TData) : (r as TData));

describe('the checklist form’s buttons without JavaScript', () => {
  it('add gives a blank item in the form and stores nothing; saving it blank is refused beside its fields', async () => {
    const f = await form();
    const n = (await view()).body.sources.length;
    const added = data(await post({ ...f, op: 'add:sources' }));
    expect(added.values[`sources.${n}.id`]).toBe('');
    expect(added.values.revision).toBe(f.revision);
    expect((await view()).open).toBeNull();
    const r = await post({ ...added.values, op: 'save' });
    expect(isActionFailure(r) && r.status).toBe(400);
    expect(data(r).errors).toMatchObject({
      [`sources.${n}.id`]: 'Bruk små bokstaver a–z, tall og bindestrek (2–41 tegn), og start med en bokstav.',
      [`sources.${n}.title`]: 'Fyll ut feltet.'
    });
    expect((await view()).open).toBeNull();
  });

  it('a removal that would break the checklist is refused with the reason beside the item; one that does not says what else changed', async () => {
    const v = await view();
    const f = await form();
    const q = v.body.questions.findIndex((x) => x.sources.length === 1);
    const k = v.body.sources.findIndex((s) => s.id === v.body.questions[q].sources[0]);
    const refused = await post({ ...f, op: `remove:sources:${k}` });
    expect(isActionFailure(refused) && refused.status).toBe(400);
    expect(data(refused).message).toBe('Endringen ble ikke gjort. Grunnen står ved elementet.');
    expect(data(refused).errors).toEqual({
      [`sources.${k}`]: `Spørsmål ${q + 1} har bare denne kilden. Velg en annen kilde for spørsmålet først.`
    });
    // The form comes back as it was posted.
    expect(data(refused).values).toMatchObject(f);

    const shared = v.body.indicators.findIndex(
      (x) =>
        v.body.questions.filter((y) => y.indicators.includes(x.id)).length > 1 &&
        v.body.questions.every((y) => !y.indicators.includes(x.id) || y.indicators.length > 1)
    );
    if (shared >= 0) {
      const r = data(await post({ ...f, op: `remove:indicators:${shared}` }));
      expect(r.notes?.[0]).toMatch(/^Spørsmål \d+ pekte også på tegnet du fjernet/);
      expect(Object.keys(r.values).filter((key) => /^indicators\.\d+\.id$/.test(key))).toHaveLength(
        v.body.indicators.length - 1
      );
    }
    expect((await view()).open).toBeNull();
  });

  it('an unknown button is not a shape change: the form is validated and saved as it stands', async () => {
    const f = await form();
    const r = data(await post({ ...f, op: 'explode:questions:1' }));
    expect((r as unknown as { saved?: { number: number } }).saved?.number).toBe(2);
  });
});
