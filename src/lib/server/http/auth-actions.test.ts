import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app';
import { fakeActionEvent } from '../testing/fake-event';
import { freshDatabaseUrl } from '../testing/test-app';

type TAction = (event: never) => Promise<unknown>;
let loginAction: TAction;
let setupAction: TAction;

beforeAll(async () => {
  // The routes use the server's own context: point it at a database of this file's own.
  process.env.DATABASE_URL = await freshDatabaseUrl();
  loginAction = (await import('../../../routes/login/+page.server')).actions.default as TAction;
  setupAction = (await import('../../../routes/setup/+page.server')).actions.default as TAction;
  await app();
});
afterAll(async () => (await app()).close());

const fieldNames = fc.constantFrom(
  'email',
  'password',
  'code',
  'token',
  'organisationName',
  'organisationKind',
  'orgNumber',
  'displayName',
  'passwordConfirm',
  'totpSecret',
  '__proto__',
  'x'
);
const value = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  fc.stringMatching(/^\d{6}$/),
  fc.constant('')
);
const formBody = fc.dictionary(fieldNames, value).map((d) => new URLSearchParams(d).toString());
const body = fc.oneof(
  formBody.map((b) => ({ body: b, type: 'application/x-www-form-urlencoded' })),
  fc.string({ maxLength: 500 }).map((b) => ({ body: b, type: 'application/json' })),
  fc.uint8Array({ maxLength: 500 }).map((b) => ({ body: b, type: 'multipart/form-data; boundary=xyz' })),
  fc.string({ maxLength: 200 }).map((b) => ({ body: b, type: null }))
);

async function sessionCount(): Promise<number> {
  const row = await (
    await app()
  ).db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs an action; returns its 4xx status, or fails the test on anything a user could see as a 5xx. */
async function statusOf(action: TAction, path: string, b: { body: BodyInit; type: string | null }) {
  const { event, cookiesSet } = fakeActionEvent(path, b.body, b.type);
  let status: number;
  try {
    const result = await action(event as never);
    status = isActionFailure(result) ? result.status : 200;
  } catch (e) {
    if (isRedirect(e)) status = e.status;
    else if (isHttpError(e)) status = e.status;
    else throw e;
  }
  return { status, cookiesSet };
}

describe('login and setup actions under random input', () => {
  it('answer 4xx, set no cookie and create no session, whatever the body', async () => {
    const before = await sessionCount();
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('login', 'setup'), async (b, which) => {
        const { status, cookiesSet } = await statusOf(which === 'login' ? loginAction : setupAction, `/${which}`, b);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(cookiesSet).toEqual([]);
      }),
      { numRuns: 150 }
    );
    expect(await sessionCount()).toBe(before);
  });

  it('names each missing field in bokmål and never echoes a password', async () => {
    const { event } = fakeActionEvent(
      '/login',
      new URLSearchParams({ email: 'not-an-email', password: 'secret value' }).toString(),
      'application/x-www-form-urlencoded'
    );
    const result = (await loginAction(event as never)) as {
      status: number;
      data: { errors: Record<string, string>; values: Record<string, string> };
    };
    expect(result.status).toBe(400);
    expect(result.data.errors.email).toMatch(/gyldig e-postadresse/);
    expect(result.data.values.email).toBe('not-an-email');
    expect(JSON.stringify(result.data)).not.toContain('secret value');
  });
});
