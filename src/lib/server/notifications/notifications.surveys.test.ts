import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { createCaseHandler, createTestOrganisation } from '../report/report.testing';
import { createSurvey, publishSurvey, saveWave, submitResponse } from '../surveys/surveys.service';
import type { TSurveyDefinition } from '../../surveys/definition';
import { detectDueEvents } from './notifications.detect';
import { listNotifications, openNotification } from './notifications.service';

let ctx: AppContext;
let admin: TSessionUser;
let analyst: TSessionUser;
let editor: TSessionUser;
let handler: TSessionUser;

const definition: TSurveyDefinition = {
  title_nb: 'Varseltest',
  title_en: 'Notification test',
  intro_nb: '',
  intro_en: '',
  min_age: 16,
  model_note_nb: '',
  model_note_en: '',
  sections: [
    {
      title_nb: 'Spørsmål',
      title_en: 'Questions',
      questions: [
        {
          id: 'aware',
          type: 'single',
          required: true,
          text_nb: 'Kjent?',
          text_en: 'Aware?',
          help_nb: '',
          help_en: '',
          options: [
            { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
            { code: 'no', label_nb: 'Nei', label_en: 'No' }
          ]
        }
      ]
    }
  ]
};

const created = new Date('2027-03-01T08:00:00Z');

/** A published survey with one wave; returns the ids. */
async function wave(slug: string, opensOn: string, closesOn: string, targetN: number | null) {
  const { id } = await createSurvey(ctx.db, analyst, { slug, definition }, created);
  await publishSurvey(ctx.db, analyst, id, created);
  const w = await saveWave(
    ctx.db,
    analyst,
    id,
    {
      name: `Runde ${slug}`,
      opens_on: opensOn,
      closes_on: closesOn,
      target_n: targetN ?? undefined,
      method: 'campaign_link',
      method_note_nb: '',
      method_note_en: '',
      quotas: []
    },
    undefined,
    created
  );
  return { surveyId: id, waveId: w.id };
}

async function respond(surveyId: string, waveId: string, times: number, at: Date) {
  for (let i = 0; i < times; i++) await submitResponse(ctx.db, { surveyId, waveId, answers: { aware: 'yes' } }, at);
}

/** The user's notifications of a kind about one wave (the event's subject is the wave). */
async function ofKind(u: TSessionUser, kind: string, waveId: string) {
  const ids = await ctx.db
    .selectFrom('notification')
    .innerJoin('notification_event', 'notification_event.id', 'notification.event_id')
    .select('notification.id')
    .where('notification_event.subject_id', '=', waveId)
    .execute();
  const mine = new Set(ids.map((r) => r.id));
  return (await listNotifications(ctx.db, u)).filter((n) => n.kind === kind && mine.has(n.id));
}

beforeAll(async () => {
  ctx = await openTestApp();
  ({ admin } = await setUpAdmin(ctx));
  analyst = await createStaffUser(ctx, admin, 'analyst');
  editor = await createStaffUser(ctx, admin, 'editor');
  handler = await createCaseHandler(ctx, admin, await createTestOrganisation(ctx, admin, 'Mottak'));
});
afterAll(() => ctx.close());

describe('survey wave notifications', () => {
  it('a wave closing in 3 days notifies the survey staff once, with a link to its results', async () => {
    const { surveyId, waveId } = await wave('closing', '2027-03-01', '2027-03-20', null);
    await detectDueEvents(ctx.db, new Date('2027-03-16T09:00:00Z'));
    expect(await ofKind(analyst, 'surveys.wave_closing', waveId)).toHaveLength(0);
    await detectDueEvents(ctx.db, new Date('2027-03-17T09:00:00Z'));
    await detectDueEvents(ctx.db, new Date('2027-03-18T09:00:00Z'));
    await detectDueEvents(ctx.db, new Date('2027-03-20T09:00:00Z'));
    const found = await ofKind(analyst, 'surveys.wave_closing', waveId);
    expect(found).toHaveLength(1);
    expect(found[0].dueOn).toBe('2027-03-20');
    expect(await ofKind(editor, 'surveys.wave_closing', waveId)).toHaveLength(1);
    expect(await ofKind(handler, 'surveys.wave_closing', waveId)).toHaveLength(0);
    const { link } = await openNotification(ctx.db, analyst, found[0].id);
    expect(link).toBe(`/admin/surveys/${surveyId}/results?wave=${waveId}`);
  });

  it('a wave reaching its target sample notifies once, not before', async () => {
    const at = new Date('2027-03-05T09:00:00Z');
    const { surveyId, waveId } = await wave('target', '2027-03-01', '2027-06-30', 5);
    await respond(surveyId, waveId, 4, at);
    await detectDueEvents(ctx.db, at);
    expect(await ofKind(analyst, 'surveys.wave_target_reached', waveId)).toHaveLength(0);
    await respond(surveyId, waveId, 1, at);
    await detectDueEvents(ctx.db, at);
    await respond(surveyId, waveId, 2, at);
    await detectDueEvents(ctx.db, new Date('2027-03-06T09:00:00Z'));
    expect(await ofKind(analyst, 'surveys.wave_target_reached', waveId)).toHaveLength(1);
    expect(await ofKind(editor, 'surveys.wave_target_reached', waveId)).toHaveLength(1);
    expect(await ofKind(handler, 'surveys.wave_target_reached', waveId)).toHaveLength(0);
  });

  it('a closed wave and a wave without a target fire nothing', async () => {
    const at = new Date('2027-03-08T09:00:00Z');
    const closed = await wave('closed', '2027-03-01', '2027-03-10', 3);
    await respond(closed.surveyId, closed.waveId, 3, at);
    const open = await wave('no-target', '2027-03-01', '2027-09-30', null);
    await respond(open.surveyId, open.waveId, 6, at);
    const after = new Date('2027-03-11T09:00:00Z');
    await detectDueEvents(ctx.db, after);
    await detectDueEvents(ctx.db, new Date('2027-03-25T09:00:00Z'));
    for (const w of [closed.waveId, open.waveId])
      for (const kind of ['surveys.wave_closing', 'surveys.wave_target_reached'])
        expect(await ofKind(analyst, kind, w)).toHaveLength(0);
  });
});
