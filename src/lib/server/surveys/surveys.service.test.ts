import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app';
import type { TSessionUser } from '../auth/auth.types';
import { createStaffUser, errorOf, setUpAdmin } from '../testing/fixtures';
import { openTestApp } from '../testing/test-app';
import { ageGroups, type TSurveyDefinition } from '../../surveys/definition';
import * as repo from './surveys.repository';
import { numericSums, recountNumeric, withoutWave } from './surveys.numeric';
import {
  canManageSurveys,
  createLink,
  createSurvey,
  getPublishedSurvey,
  getSurveyForStaff,
  listPublishedSurveys,
  openCollection,
  publishSurvey,
  recountAll,
  recountWave,
  saveDefinition,
  saveWave,
  submitResponse
} from './surveys.service';
import { TEMPLATE_SLUG, templateDefinition } from './surveys.template';

let ctx: AppContext;
let analyst: TSessionUser;
let editor: TSessionUser;
const now = new Date('2027-03-10T12:00:00Z');

const small: TSurveyDefinition = {
  title_nb: 'Liten',
  title_en: 'Small',
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
          id: 'age',
          type: 'age_group',
          required: true,
          text_nb: 'Alder',
          text_en: 'Age',
          help_nb: '',
          help_en: '',
          options: []
        }
      ]
    },
    {
      title_nb: 'Spørsmål',
      title_en: 'Questions',
      questions: [
        {
          id: 'aware',
          type: 'single',
          breakdown: true,
          required: true,
          text_nb: 'Kjent?',
          text_en: 'Aware?',
          help_nb: '',
          help_en: '',
          options: [
            { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
            { code: 'no', label_nb: 'Nei', label_en: 'No' }
          ]
        },
        {
          id: 'forms',
          type: 'multiple',
          required: false,
          text_nb: 'Former',
          text_en: 'Forms',
          help_nb: '',
          help_en: '',
          options: [
            { code: 'a', label_nb: 'A', label_en: 'A' },
            { code: 'b', label_nb: 'B', label_en: 'B' },
            { code: 'c', label_nb: 'C', label_en: 'C' }
          ]
        },
        {
          id: 'hours',
          type: 'number',
          required: false,
          text_nb: 'Timer',
          text_en: 'Hours',
          help_nb: '',
          help_en: '',
          options: [],
          min: 0,
          max: 100
        }
      ]
    },
    {
      title_nb: 'Mer',
      title_en: 'More',
      questions: [
        {
          id: 'why',
          type: 'text',
          required: false,
          text_nb: 'Hvorfor?',
          text_en: 'Why?',
          help_nb: '',
          help_en: '',
          options: [],
          show_if: { question: 'aware', answer: 'yes' }
        }
      ]
    }
  ]
};

async function publishedSmallSurvey(slug: string, quotas: { sex?: 'female'; max: number }[] = []) {
  const { id } = await createSurvey(ctx.db, analyst, { slug, definition: small }, now);
  await publishSurvey(ctx.db, analyst, id, now);
  const wave = await saveWave(
    ctx.db,
    analyst,
    id,
    {
      name: '2027 baseline',
      opens_on: '2027-03-01',
      closes_on: '2027-03-31',
      target_n: 1000,
      method: 'campaign_link',
      method_note_nb: 'Lenke i kampanje',
      method_note_en: 'Link in a campaign',
      quotas
    },
    undefined,
    now
  );
  return { surveyId: id, waveId: wave.id };
}

const tableCounts = async (waveId: string) => {
  const cells = (await repo.cellCounts(ctx.db, [waveId])).map((c) => ({ cell: c.cell, n: Number(c.n) }));
  const counts = (await repo.allCounts(ctx.db, [waveId])).map((c) => ({
    question_id: c.question_id,
    answer: c.answer,
    cell: c.cell,
    n: Number(c.n)
  }));
  const joint = (await repo.jointCounts(ctx.db, [waveId], 'aware')).map((c) => ({
    question_id: c.question_id,
    answer: c.answer,
    by_question_id: c.by_question_id,
    by_answer: c.by_answer,
    cell: c.cell,
    n: Number(c.n)
  }));
  const sort = <T extends object>(xs: T[]) => xs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { cells: sort(cells), counts: sort(counts), joint: sort(joint) };
};

beforeAll(async () => {
  ctx = await openTestApp();
  const { admin } = await setUpAdmin(ctx);
  analyst = await createStaffUser(ctx, admin, 'analyst');
  editor = await createStaffUser(ctx, admin, 'editor');
});
afterAll(() => ctx.close());

describe('the template', () => {
  it('is seeded once as a draft an analyst can publish, and is then public', async () => {
    expect(await listPublishedSurveys(ctx.db)).toHaveLength(0);
    const s = await getSurveyForStaff(ctx.db, analyst, TEMPLATE_SLUG);
    expect(s.draft).toBe(true);
    expect(s.definition.title_nb).toBe(templateDefinition.title_nb);
    await errorOf(getPublishedSurvey(ctx.db, TEMPLATE_SLUG)).then((e) => expect(e.status).toBe(404));
    await publishSurvey(ctx.db, analyst, s.id, now);
    const pub = await getPublishedSurvey(ctx.db, TEMPLATE_SLUG);
    expect(pub.version).toBe(1);
    expect((await listPublishedSurveys(ctx.db)).map((x) => x.slug)).toContain(TEMPLATE_SLUG);
  });
});

describe('versions', () => {
  it('freezes a published version: saving makes version 2 as a draft, the public keeps version 1', async () => {
    const { id } = await createSurvey(ctx.db, editor, { slug: 'versions', definition: small }, now);
    await publishSurvey(ctx.db, editor, id, now);
    const changed = { ...small, title_nb: 'Endret' };
    expect(await saveDefinition(ctx.db, editor, id, changed, now)).toMatchObject({ version: 2 });
    expect(await saveDefinition(ctx.db, editor, id, { ...changed, title_en: 'Changed' }, now)).toMatchObject({
      version: 2
    });
    expect((await getPublishedSurvey(ctx.db, id)).definition.title_nb).toBe('Liten');
    expect((await getSurveyForStaff(ctx.db, editor, id)).draft).toBe(true);
    expect(await publishSurvey(ctx.db, editor, id, now)).toEqual({ version: 2 });
    expect((await getPublishedSurvey(ctx.db, id)).definition.title_en).toBe('Changed');
  });

  it('refuses an invalid definition, a taken address, and nothing to publish', async () => {
    const bad = await errorOf(
      createSurvey(ctx.db, analyst, {
        slug: 'bad',
        definition: {
          ...small,
          sections: [{ ...small.sections[0], questions: [{ ...small.sections[0].questions[0], id: 'Bad id' }] }]
        }
      })
    );
    expect(bad.status).toBe(400);
    const skip = structuredClone(small);
    skip.sections[2].questions[0].show_if = { question: 'aware', answer: 'maybe' };
    expect((await errorOf(createSurvey(ctx.db, analyst, { slug: 'bad2', definition: skip }))).status).toBe(400);
    await createSurvey(ctx.db, analyst, { slug: 'taken', definition: small });
    expect((await errorOf(createSurvey(ctx.db, analyst, { slug: 'taken', definition: small }))).status).toBe(409);
    const { id } = await createSurvey(ctx.db, analyst, { slug: 'twice', definition: small });
    await publishSurvey(ctx.db, analyst, id);
    expect((await errorOf(publishSurvey(ctx.db, analyst, id))).status).toBe(409);
    expect(await repo.findSurvey(ctx.db, 'bad')).toBeUndefined();
  });

  it('lets only analysts, editors and administrators manage surveys', () => {
    expect(canManageSurveys(analyst)).toBe(true);
    expect(canManageSurveys({ ...analyst, roles: ['case_handler'] })).toBe(false);
  });
});

describe('intake', () => {
  it('stores the answers with the week only, and counts them in the same transaction', async () => {
    const { surveyId, waveId } = await publishedSmallSurvey('intake');
    const { id } = await submitResponse(
      ctx.db,
      {
        surveyId,
        waveId,
        answers: { sex: 'female', age: '25-34', aware: 'yes', forms: ['a', 'c'], hours: '7', why: 'x' }
      },
      now
    );
    const row = await ctx.db.selectFrom('survey_response').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ iso_week: '2027-W10', cell: 'female|25-34|', source_code: null });
    expect(Object.keys(row).sort()).toEqual(['cell', 'id', 'iso_week', 'source_code', 'version_id', 'wave_id']);
    const t = await tableCounts(waveId);
    expect(t.cells).toEqual([{ cell: 'female|25-34|', n: 1 }]);
    expect(t.counts.map((c) => `${c.question_id}=${c.answer}`).sort()).toEqual(
      ['age=25-34', 'aware=yes', 'forms/a=1', 'forms/b=0', 'forms/c=1', 'sex=female'].sort()
    );
  });

  it('drops answers to questions a skip rule hides', async () => {
    const { surveyId, waveId } = await publishedSmallSurvey('skip');
    const { id } = await submitResponse(
      ctx.db,
      { surveyId, waveId, answers: { sex: 'male', age: '75+', aware: 'no', why: 'hidden' } },
      now
    );
    const answers = await ctx.db
      .selectFrom('survey_answer')
      .select('question_id')
      .where('response_id', '=', id)
      .execute();
    expect(answers.map((a) => a.question_id).sort()).toEqual(['age', 'aware', 'sex']);
  });

  it('refuses bad responses with 4xx and a reason, storing nothing', async () => {
    const { surveyId, waveId } = await publishedSmallSurvey('refuse', [{ sex: 'female', max: 1 }]);
    const base = { sex: 'male', age: '16-24', aware: 'yes' };
    const cases: [Record<string, string | string[]>, number, string, Date?][] = [
      [{ ...base, nope: 'x' }, 400, 'nope'],
      [{ sex: 'male', age: '16-24' }, 400, 'aware'],
      [{ ...base, hours: '101' }, 400, 'hours'],
      [{ ...base, hours: '1.5' }, 400, 'hours'],
      [{ ...base, aware: 'maybe' }, 400, 'aware'],
      [{ ...base, age: '12-15' }, 400, 'age'],
      [{ ...base, aware: ['yes', 'no'] }, 400, 'aware'],
      [base, 409, '', new Date('2027-04-01T00:00:00Z')]
    ];
    for (const [answers, status, field, at] of cases) {
      const e = await errorOf(submitResponse(ctx.db, { surveyId, waveId, answers }, at ?? now));
      expect(e.status).toBe(status);
      if (field) expect(Object.keys(e.fields ?? {})).toContain(field);
    }
    expect(await repo.countResponses(ctx.db, waveId)).toBe(0);
    expect(await repo.cellCounts(ctx.db, [waveId])).toEqual([]);
    // A full quota cell: the second woman is refused politely, a man is still taken.
    await submitResponse(ctx.db, { surveyId, waveId, answers: { ...base, sex: 'female' } }, now);
    const full = await errorOf(submitResponse(ctx.db, { surveyId, waveId, answers: { ...base, sex: 'female' } }, now));
    expect(full).toMatchObject({ status: 409, message: 'surveys.error.quotaFull' });
    await submitResponse(ctx.db, { surveyId, waveId, answers: base }, now);
    expect(await repo.countResponses(ctx.db, waveId)).toBe(2);
  });

  it('takes a panel token once; a used or missing token is refused', async () => {
    const { surveyId, waveId } = await publishedSmallSurvey('panel');
    const link = await createLink(ctx.db, analyst, waveId, { source_code: 'panel-a', kind: 'panel', tokens: 2 }, now);
    expect(link.tokens).toHaveLength(2);
    const answers = { sex: 'male', age: '16-24', aware: 'yes' };
    await submitResponse(ctx.db, { surveyId, waveId, linkId: link.id, token: link.tokens[0], answers }, now);
    const again = await errorOf(
      submitResponse(ctx.db, { surveyId, waveId, linkId: link.id, token: link.tokens[0], answers }, now)
    );
    expect(again).toMatchObject({ status: 409, message: 'surveys.error.tokenUsed' });
    expect((await errorOf(submitResponse(ctx.db, { surveyId, waveId, linkId: link.id, answers }, now))).status).toBe(
      400
    );
    expect(
      (await errorOf(submitResponse(ctx.db, { surveyId, waveId, linkId: link.id, token: 'guess', answers }, now)))
        .status
    ).toBe(409);
    const rows = await ctx.db
      .selectFrom('survey_response')
      .select('source_code')
      .where('wave_id', '=', waveId)
      .execute();
    expect(rows).toEqual([{ source_code: 'panel-a' }]);
    const c = await openCollection(ctx.db, 'panel', link.id, now);
    expect(c.wave.id).toBe(waveId);
    expect((await errorOf(openCollection(ctx.db, 'panel', 'nolink', now))).status).toBe(404);
    expect((await errorOf(openCollection(ctx.db, 'panel', null, new Date('2028-01-01')))).status).toBe(409);
  });
});

describe('counters', () => {
  it('equal a full recount of the answer rows after many random responses, and recount rebuilds them', async () => {
    const { surveyId, waveId } = await publishedSmallSurvey('recount');
    const answer = fc.record(
      {
        sex: fc.constantFrom('female', 'male', 'other'),
        age: fc.constantFrom(...ageGroups.map((a) => a.code)),
        aware: fc.constantFrom('yes', 'no'),
        forms: fc.subarray(['a', 'b', 'c']),
        hours: fc.integer({ min: 0, max: 100 }).map(String)
      },
      { requiredKeys: ['sex', 'age', 'aware'] }
    );
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 15 }), async (batch) => {
        await Promise.all(batch.map((answers) => submitResponse(ctx.db, { surveyId, waveId, answers }, now)));
        const fromRows = await recountWave(ctx.db, waveId);
        const stored = await tableCounts(waveId);
        const sort = <T extends object>(xs: T[]) =>
          xs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(stored).toEqual({
          cells: sort(fromRows.cells),
          counts: sort(fromRows.counts),
          joint: sort(fromRows.joint)
        });
        // Joint counters by the breakdown question `aware` with itself: its respondents per answer and cell.
        expect(stored.joint.length).toBeGreaterThan(0);
        // Number questions: n, Σy, Σy² per cell equal a recount of the answer rows too.
        const sums = (await numericSums(ctx.db, [waveId])).map(withoutWave);
        expect(sort(sums)).toEqual(sort(await recountNumeric(ctx.db, waveId)));
      }),
      { numRuns: 15 }
    );
    const before = await tableCounts(waveId);
    const sumsBefore = await numericSums(ctx.db, [waveId]);
    expect(sumsBefore.length).toBeGreaterThan(0);
    await ctx.db.deleteFrom('survey_numeric_sum').where('wave_id', '=', waveId).execute();
    await ctx.db.deleteFrom('survey_count').where('wave_id', '=', waveId).execute();
    await ctx.db.updateTable('survey_joint_count').set({ n: 7 }).where('wave_id', '=', waveId).execute();
    await ctx.db.updateTable('survey_cell_count').set({ n: 999 }).where('wave_id', '=', waveId).execute();
    await recountAll(ctx.db);
    expect(await tableCounts(waveId)).toEqual(before);
    const byCell = (xs: typeof sumsBefore) => [...xs].sort((a, b) => a.cell.localeCompare(b.cell));
    expect(byCell(await numericSums(ctx.db, [waveId]))).toEqual(byCell(sumsBefore));
  });
});
