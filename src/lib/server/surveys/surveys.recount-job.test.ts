import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { loadConfig } from '../config';
import { runExclusive } from '../jobs/jobs';
import { createStaffUser, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import type { TSurveyDefinition } from '../../surveys/definition';
import * as repo from './surveys.repository';
import {
  RECOUNT_DRIFT_ACTION,
  RECOUNT_RUN_ACTION,
  counterDrift,
  recountWaveChecked,
  runNightlyRecount
} from './surveys.recount-job';
import { createSurvey, publishSurvey, recountWave, saveWave, submitResponse } from './surveys.service';

let a: AppContext;
let b: AppContext;
let analyst: TSessionUser;

const definition: TSurveyDefinition = {
  title_nb: 'Opptelling',
  title_en: 'Recount',
  intro_nb: '',
  intro_en: '',
  min_age: 16,
  model_note_nb: '',
  model_note_en: '',
  sections: [
    {
      title_nb: 'Om deg',
      title_en: 'About you',
      questions: [
        {
          id: 'sex',
          type: 'sex',
          required: true,
          text_nb: 'Kjønn',
          text_en: 'Sex',
          help_nb: '',
          help_en: '',
          options: []
        },
        {
          id: 'heard',
          type: 'single',
          required: true,
          text_nb: 'Hørt om det?',
          text_en: 'Heard of it?',
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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function openWave(slug: string) {
  const { id } = await createSurvey(a.db, analyst, { slug, definition });
  await publishSurvey(a.db, analyst, id);
  const { id: waveId } = await saveWave(a.db, analyst, id, {
    name: 'Now',
    opens_on: day(-1),
    closes_on: day(10),
    target_n: undefined,
    method: 'other',
    method_note_nb: '',
    method_note_en: '',
    quotas: []
  });
  return { surveyId: id, waveId };
}

const answer = (surveyId: string, waveId: string, sex: string, heard: string) =>
  submitResponse(a.db, { surveyId, waveId, answers: { sex, heard } });

async function storedEqualsRecount(db: AppContext['db'], waveId: string) {
  const recount = await recountWave(db, waveId);
  const stored = {
    cells: (await repo.cellCounts(db, [waveId])).map((c) => ({ cell: c.cell, n: Number(c.n) })),
    counts: (await repo.allCounts(db, [waveId])).map((c) => ({ ...c, n: Number(c.n) }))
  };
  return counterDrift(stored, recount);
}

const auditOf = (action: string) =>
  a.db.selectFrom('audit_log').select(['target_id', 'details', 'actor_id']).where('action', '=', action).execute();

beforeAll(async () => {
  a = await openTestApp();
  b = await openApp(loadConfig({ ...process.env, DATABASE_URL: a.config.DATABASE_URL, LOG_LEVEL: 'silent' }));
  const { admin } = await setUpAdmin(a);
  analyst = await createStaffUser(a, admin, 'analyst');
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe('counterDrift', () => {
  it('counts counters that are missing, extra or have another n, and ignores zero rows', () => {
    const c = (question_id: string, answer: string, n: number) => ({ question_id, answer, cell: 'x', n });
    expect(
      counterDrift(
        { cells: [{ cell: 'x', n: 3 }], counts: [c('q', 'a', 2), c('q', 'b', 1), c('q', 'z', 0)] },
        { cells: [{ cell: 'x', n: 3 }], counts: [c('q', 'a', 2), c('q', 'b', 1)] }
      )
    ).toEqual({ cells: 0, counts: 0 });
    expect(
      counterDrift(
        { cells: [{ cell: 'x', n: 4 }], counts: [c('q', 'a', 3), c('q', 'c', 1)] },
        { cells: [{ cell: 'x', n: 3 }], counts: [c('q', 'a', 2), c('q', 'b', 1)] }
      )
    ).toEqual({ cells: 1, counts: 3 });
  });
});

describe('the nightly counter recount', () => {
  it('repairs a deliberately corrupted counter, records the drift in the audit log, and runs once a night', async () => {
    const { surveyId, waveId } = await openWave('recount-drift');
    for (const [sex, heard] of [
      ['female', 'yes'],
      ['female', 'no'],
      ['male', 'yes']
    ])
      await answer(surveyId, waveId, sex, heard);
    expect(await storedEqualsRecount(a.db, waveId)).toEqual({ cells: 0, counts: 0 });

    await a.db
      .updateTable('survey_count')
      .set({ n: 7 })
      .where('wave_id', '=', waveId)
      .where('question_id', '=', 'heard')
      .where('answer', '=', 'yes')
      .where('cell', 'like', 'female|%')
      .execute();
    await a.db.deleteFrom('survey_cell_count').where('wave_id', '=', waveId).where('cell', 'like', 'male|%').execute();
    expect(await storedEqualsRecount(a.db, waveId)).toEqual({ cells: 1, counts: 1 });

    const run = await runNightlyRecount(a.db, '00:00');
    expect(run.ran).toBe(true);
    expect(run.repaired).toBeGreaterThanOrEqual(1);
    expect(await storedEqualsRecount(a.db, waveId)).toEqual({ cells: 0, counts: 0 });
    const heardYes = await a.db
      .selectFrom('survey_count')
      .select(['cell', 'n'])
      .where('wave_id', '=', waveId)
      .where('question_id', '=', 'heard')
      .where('answer', '=', 'yes')
      .execute();
    expect(heardYes.map((r) => Number(r.n)).sort()).toEqual([1, 1]);

    const drift = (await auditOf(RECOUNT_DRIFT_ACTION)).filter((e) => e.target_id === waveId);
    expect(drift).toHaveLength(1);
    expect(JSON.parse(drift[0]!.details)).toEqual({ cell_counters: 1, answer_counters: 1 });
    expect(drift[0]!.actor_id).toBeNull();
    // No response content in the audit entry: counts of counters only.
    expect(drift[0]!.details).not.toMatch(/female|male|yes|no"/);

    // Done for tonight: a second tick (this or another instance) does nothing.
    expect((await runNightlyRecount(b.db, '00:00')).ran).toBe(false);
    expect(await auditOf(RECOUNT_RUN_ACTION)).toHaveLength(1);
  });

  it('does nothing before the configured time', async () => {
    const early = new Date();
    early.setUTCHours(0, 0, 0, 0);
    expect(await runNightlyRecount(a.db, '23:59', early)).toEqual({ ran: false, waves: 0, responses: 0, repaired: 0 });
  });

  it('with two schedulers at once recounts once', async () => {
    // The first test's run was tonight's: tomorrow night is due again.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const results = await Promise.all([
      runExclusive(a.db, 'surveys.recount', () => runNightlyRecount(a.db, '00:00', tomorrow)),
      runExclusive(b.db, 'surveys.recount', () => runNightlyRecount(b.db, '00:00', tomorrow))
    ]);
    expect(results.filter((r) => r.ran && r.value.ran)).toHaveLength(1);
    // Later ticks of the same night (on either instance) find the night's audit entry and skip.
    expect((await runNightlyRecount(a.db, '00:00', tomorrow)).ran).toBe(false);
    expect(await auditOf(RECOUNT_RUN_ACTION)).toHaveLength(2);
  });

  it('keeps every count of responses that arrive while a wave is recounted', async () => {
    const { surveyId, waveId } = await openWave('recount-race');
    await answer(surveyId, waveId, 'female', 'yes');
    const arrivals = Array.from({ length: 12 }, (_, i) =>
      answer(surveyId, waveId, i % 2 ? 'male' : 'female', i % 3 ? 'yes' : 'no')
    );
    const recounts = [recountWaveChecked(b.db, waveId), recountWaveChecked(a.db, waveId)];
    await Promise.all([...arrivals, ...recounts]);
    expect(await storedEqualsRecount(a.db, waveId)).toEqual({ cells: 0, counts: 0 });
    expect(await repo.countResponses(a.db, waveId)).toBe(13);
  });
});
