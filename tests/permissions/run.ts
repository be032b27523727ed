// The permission matrix against the production build: `npm run test:permissions [-- --db postgres]`.
// Starts build/index.js on a temp database, makes the fixtures the rows name (organisations A and B, a user of
// each role, a deactivated user's and an expired session, a report routed to organisation A, a purchase plan
// of organisation A), then sends every row of tests/permissions/matrix.ts as every subject and compares the
// answer with its cell. Fails on any difference and on any 5xx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rerunInPostgres, startBuiltApp } from '../../scripts/app-server.js';
import { openApp, type AppContext } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import { deactivateUser } from '../../src/lib/server/admin/admin.service';
import { createSession } from '../../src/lib/server/auth/session.service';
import { SESSION_COOKIE, SESSION_ABSOLUTE_MS } from '../../src/lib/server/auth/auth.types';
import { createPlan } from '../../src/lib/server/buyers/buyers.service';
import { buyerSectors, buyerTypes, contractTypes } from '../../src/lib/buyers/rules';
import { addRule, submitReport } from '../../src/lib/server/report/report.service';
import { KDF_TEST } from '../../src/lib/server/report/report.crypto';
import { createCaseHandler, createTestOrganisation, signIn } from '../../src/lib/server/report/report.testing';
import { createStaffUser, setUpAdmin } from '../../src/lib/server/testing/fixtures';
import { ZPlanForm } from '../../src/lib/schemas/buyers';
import { ZReportSubmit } from '../../src/lib/schemas/report';
import { apiOperations } from '../../src/lib/server/api/openapi';
import { createSurvey, publishSurvey, saveWave, submitResponse } from '../../src/lib/server/surveys/surveys.service';
import { createCampaign, setCampaignPublished } from '../../src/lib/server/campaigns/campaigns.service';
import { addMaterialFile } from '../../src/lib/server/campaigns/materials.service';
import { notify } from '../../src/lib/server/notifications/notifications.service';
import { notificationKinds } from '../../src/lib/schemas/notifications';
import { getStoredQuiz } from '../../src/lib/server/youth/youth.service';
import { matrix, rowKey, subjects, type TCell, type TRow, type TSubject } from './matrix';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

if (!(option('db', 'sqlite') === 'postgres' && rerunInPostgres())) await main();

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'forebygg-permissions-'));
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres')
    ? process.env.DATABASE_URL
    : `sqlite:${join(dir, 'permissions.db')}`;
  const { origin, child } = await startBuiltApp(databaseUrl);
  const ctx = await openApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl }));
  const failures: string[] = [];
  let requests = 0;
  try {
    const { cookies, values } = await makeFixtures(ctx, origin);
    console.log(`permissions: ${matrix.length} rows × ${subjects.length} subjects on ${databaseUrl.split(':')[0]}`);
    // Logging out ends the session: those rows go last.
    const rows = [...matrix].sort((a, b) => Number(a.route === '/logout') - Number(b.route === '/logout'));
    for (const row of rows) {
      for (const subject of subjects) {
        requests++;
        const got = await send(origin, row, values, cookies[subject]);
        const want = row.expect[subject];
        if (got.status >= 500 || got.cell !== want) {
          failures.push(`${rowKey(row)} × ${subject}: expected ${want}, got ${got.status} (${got.cell}) ${got.detail}`);
        }
      }
    }
  } finally {
    await ctx.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\npermissions: ${failures.length} of ${requests} answers differ from the matrix:\n`);
    for (const f of failures) console.error(`- ${f}`);
    process.exit(1);
  }
  console.log(`permissions: ${requests} requests, every answer as the matrix says, no 5xx`);
}

/** Sends one row's request as one subject and classifies the answer as a matrix cell. */
async function send(
  origin: string,
  row: TRow,
  values: Record<string, string>,
  cookie: string | undefined
): Promise<{ status: number; cell: TCell | 'other'; detail: string }> {
  // An API row takes its parameters, query and body from the operation's documented example.
  const op = apiOperations.find(
    (o) => o.path.replace(/\{(\w+)\}/g, '[$1]') === row.route && o.method === row.method.toLowerCase()
  );
  let path = row.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = op?.example?.params?.[name] ?? values[name];
    if (value === undefined) throw new Error(`${rowKey(row)}: no fixture {${name}}`);
    return encodeURIComponent(value);
  });
  if (op?.example?.query) path += `?${new URLSearchParams(op.example.query as Record<string, string>)}`;
  const isAction = row.action !== undefined;
  const url = new URL(
    isAction && row.action !== 'default' ? `${path}${path.includes('?') ? '&' : '?'}/${row.action}` : path,
    origin
  );
  const method = row.method === 'fallback' ? 'GET' : row.method;
  const hasBody = method !== 'GET';
  const json = !isAction && row.route.startsWith('/api');
  const controller = new AbortController();
  const res = await fetch(url, {
    method,
    redirect: 'manual',
    signal: controller.signal,
    headers: {
      origin,
      // As a browser sends it: SvelteKit answers a form action asked for anything else in JSON, with status 200.
      ...(json ? {} : { accept: 'text/html' }),
      ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
      ...(hasBody ? { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' } : {})
    },
    body: hasBody ? (json ? JSON.stringify(op?.example?.body ?? {}) : '') : undefined
  });
  // Event streams stay open: the status is all this test needs.
  const body = (res.headers.get('content-type') ?? '').includes('text/event-stream') ? '' : await res.text();
  controller.abort();
  const location = res.headers.get('location') ?? '';
  let cell: TCell | 'other';
  if (res.status >= 300 && res.status < 400) cell = /^(\/en)?\/login(\?|$)/.test(location) ? 'login' : 'allow';
  else if ([401, 403, 404, 410].includes(res.status)) cell = res.status as TCell;
  else if (res.status < 500) cell = 'allow';
  else cell = 'other';
  // A 303 to the login page must be exactly that; an "allow" redirect elsewhere is named for the reader.
  const detail = location ? `→ ${location}` : res.status >= 500 ? body.slice(0, 200) : '';
  return { status: res.status, cell, detail };
}

/** Users and sessions for every subject, and the ids the rows' paths name. */
async function makeFixtures(ctx: AppContext, origin: string) {
  const { admin } = await setUpAdmin(ctx);
  const orgA = admin.memberships[0].organisationId;
  const orgB = await createTestOrganisation(ctx, admin, 'Organisation B');
  const editor = await createStaffUser(ctx, admin, 'editor');
  const analyst = await createStaffUser(ctx, admin, 'analyst');
  const caseHandlerA = await createCaseHandler(ctx, admin, orgA);
  const caseHandlerB = await createCaseHandler(ctx, admin, orgB);
  const deactivated = await createStaffUser(ctx, admin, 'editor');
  const expired = await createStaffUser(ctx, admin, 'analyst');
  const victim = await createStaffUser(ctx, admin, 'editor');

  const session = async (userId: string, now = new Date()) => (await createSession(ctx, userId, now)).token;
  const cookies: Record<TSubject, string | undefined> = {
    anonymous: undefined,
    admin: await session(admin.id),
    editor: await session(editor.id),
    analyst: await session(analyst.id),
    caseHandlerA: (await signIn(ctx, caseHandlerA.id)).sessionToken,
    caseHandlerB: (await signIn(ctx, caseHandlerB.id)).sessionToken,
    deactivated: await session(deactivated.id),
    expired: await session(expired.id, new Date(Date.now() - SESSION_ABSOLUTE_MS - 60_000))
  };
  await deactivateUser(ctx.db, admin, deactivated.id);

  // A report that the routing sends to organisation A only.
  await addRule(ctx.db, admin, { kind: 'labour_exploitation', scope: 'national', area: '', organisationId: orgA });
  const outcome = await submitReport(
    { db: ctx.db, receiptCost: KDF_TEST },
    ZReportSubmit.parse({
      kind: 'labour_exploitation',
      text: 'A report for the permission matrix',
      municipality: '0301',
      place: '',
      identity: 'anonymous'
    })
  );
  if (outcome.kind === 'no_receiver') throw new Error('the fixture report found no receiver');
  const inbox = await (
    await fetch(`${origin}/admin/inbox`, { headers: { cookie: `${SESSION_COOKIE}=${cookies.caseHandlerA}` } })
  ).text();
  const reportA = inbox.match(/href="\/admin\/inbox\/([0-9a-f-]{36})"/)?.[1];
  if (!reportA) throw new Error('the report routed to organisation A is not in its inbox');

  const plan = await createPlan(
    ctx.db,
    editor,
    ZPlanForm.parse({
      organisationId: orgA,
      title: 'Cleaning contract',
      buyerType: buyerTypes[0],
      sector: buyerSectors[0],
      contractType: contractTypes[0],
      value: '2 050 000',
      supplierName: 'A supplier'
    })
  );
  const planSlug = await ctx.db.selectFrom('ap_plan').select('slug').orderBy('slug').executeTakeFirstOrThrow();
  const measure = await ctx.db.selectFrom('ap_measure').select('id').orderBy('id').executeTakeFirstOrThrow();
  const greta = await ctx.db
    .selectFrom('ap_greta_recommendation')
    .select('code')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  // A published survey with an open wave that holds one response (so deleting the wave is refused, 409).
  const { id: surveyId } = await createSurvey(ctx.db, analyst, {
    slug: 'permission-matrix',
    definition: {
      title_nb: 'Tilgangsmatrise',
      title_en: 'Permission matrix',
      sections: [
        {
          title_nb: 'a',
          title_en: 'a',
          questions: [
            {
              id: 'aware',
              type: 'single',
              required: false,
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
    }
  });
  await publishSurvey(ctx.db, analyst, surveyId);
  const { id: surveyWave } = await saveWave(ctx.db, analyst, surveyId, {
    name: 'Permission matrix',
    opens_on: '2020-01-01',
    closes_on: '2099-12-31',
    method: 'campaign_link',
    method_note_nb: '',
    method_note_en: '',
    quotas: []
  });
  await submitResponse(ctx.db, { surveyId, waveId: surveyWave, answers: { aware: 'yes' } });

  // Two campaigns: one published (public pages and API), one draft (staff pages; publish/unpublish act on it).
  const campaignInput = {
    name: 'Permission matrix campaign',
    goal: 'Raise awareness',
    targetGroup: 'Young adults 16–24',
    sectors: [],
    channels: ['posters' as const],
    startsOn: '2026-09-01',
    endsOn: '2026-10-15',
    budget: 100_000,
    indicator: `${surveyId}|aware|yes`,
    sdgTargets: ['8.7' as const],
    measureIds: [],
    partners: '',
    materials: [],
    design: 'before_after' as const,
    baselineWave: '',
    followupWave: '',
    exposure: '',
    sourceCodes: [],
    weighting: 'none' as const
  };
  const campaign = await createCampaign(ctx.db, analyst, campaignInput);
  await setCampaignPublished(ctx.db, editor, campaign.id, true);
  const campaignDraft = await createCampaign(ctx.db, analyst, { ...campaignInput, name: 'Draft campaign' });
  // A 1×1 PNG on each: the published campaign's file is public, the draft's staff-only.
  const png = {
    name: 'poster.png',
    bytes: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64'
    )
  };
  const fileInput = { title: 'Poster', altNb: 'En plakat', altEn: 'A poster', file: png };
  const campaignFile = await addMaterialFile(ctx.db, analyst, campaign.id, fileInput);
  const campaignDraftFile = await addMaterialFile(ctx.db, analyst, campaignDraft.id, fileInput);

  // A notification for the administrator only: everyone else's answer is 404.
  await notify(ctx.db, {
    kind: notificationKinds[0],
    userIds: [admin.id],
    subjectId: surveyId,
    link: '/admin'
  });
  const notification = await ctx.db
    .selectFrom('notification')
    .select('id')
    .where('user_id', '=', admin.id)
    .executeTakeFirstOrThrow();
  const question = (await getStoredQuiz(ctx.db, admin, 'what-is-trafficking')).set.questions[0].id;

  const values: Record<string, string> = {
    survey: surveyId,
    surveySlug: 'permission-matrix',
    surveyWave,
    campaign: campaign.id,
    campaignSlug: campaign.slug,
    campaignDraft: campaignDraft.id,
    campaignFile: campaignFile.id,
    campaignDraftFile: campaignDraftFile.id,
    notificationAdmin: notification.id,
    question,
    organisationB: orgB,
    victim: victim.id,
    reportA,
    buyerPlanA: plan.id,
    quiz: 'what-is-trafficking',
    indicator: 'police_reports_trafficking',
    directoryEntry: '76370803-3ab9-4f2e-9fba-2053bc6ab305',
    plan: planSlug.slug,
    measure: measure.id,
    greta: greta.code,
    bogusToken: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  };
  return { cookies, values };
}
