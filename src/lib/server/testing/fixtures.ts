import type { AppContext } from '../app';
import { inviteUser } from '../admin/admin.service';
import { acceptInvite, completeSetup, ensureSetupLink } from '../auth/auth.service';
import { loadSessionUser } from '../auth/session.service';
import type { TRole, TSessionUser } from '../auth/auth.types';
import { createTotpSecret, currentTotp } from '../auth/totp';
import { AppError } from '../errors';
import type { TQuestion, TSurveyDefinition } from '../../surveys/definition';
import { uniqueEmail } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Runs first-time setup on a fresh database and returns the administrator. */
export async function setUpAdmin(
  ctx: AppContext,
  now = new Date()
): Promise<{ admin: TSessionUser; totpSecret: string; email: string }> {
  const path = await ensureSetupLink(ctx, now);
  if (!path) throw new Error('an administrator already exists');
  const token = new URL(path, 'http://x').searchParams.get('token') as string;
  const totpSecret = createTotpSecret();
  const email = uniqueEmail('admin');
  const { userId } = await completeSetup(
    ctx,
    {
      token,
      organisationName: 'Forebygg NGO',
      organisationKind: 'ngo',
      orgNumber: '',
      displayName: 'Ada Admin',
      email,
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
      totpSecret,
      code: currentTotp(totpSecret, now.getTime())
    },
    now
  );
  const admin = await loadSessionUser(ctx.db, userId);
  if (!admin) throw new Error('setup did not create an admin');
  return { admin, totpSecret, email };
}

/**
 * The administrator of a database that may already have one (a bench script on PostgreSQL shares the app's
 * database with the scripts before it): runs first-time setup if nobody has, else returns the first active admin.
 */
export async function setUpOrFindAdmin(ctx: AppContext, now = new Date()): Promise<TSessionUser> {
  if (await ensureSetupLink(ctx, now)) return (await setUpAdmin(ctx, now)).admin;
  const row = await ctx.db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('membership.user_id')
    .where('membership.role', '=', 'admin')
    .where('app_user.deactivated_at', 'is', null)
    .orderBy('membership.created_at')
    .executeTakeFirstOrThrow();
  const admin = await loadSessionUser(ctx.db, row.user_id);
  if (!admin) throw new Error('the administrator could not be loaded');
  return admin;
}

/**
 * The AppError a promise rejects with (or a function throws); fails the test when it succeeds or
 * throws something else.
 */
export async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** A staff user with `role` in the administrator's organisation, made by invitation (no TOTP). */
export async function createStaffUser(
  ctx: AppContext,
  admin: TSessionUser,
  role: Exclude<TRole, 'admin' | 'case_handler'>
): Promise<TSessionUser> {
  const { token } = await inviteUser(ctx, admin, {
    email: uniqueEmail(role),
    organisationId: admin.memberships[0].organisationId,
    role
  });
  const { userId } = await acceptInvite(ctx, {
    token,
    displayName: `A ${role}`,
    password: TEST_PASSWORD,
    passwordConfirm: TEST_PASSWORD,
    totpSecret: '',
    code: ''
  });
  const user = await loadSessionUser(ctx.db, userId);
  if (!user) throw new Error('the invited user was not created');
  return user;
}

/** A survey question for a test definition: its id as its text in both languages, each option's code as its label. */
export const surveyQuestion = (
  id: string,
  type: TQuestion['type'],
  options: string[] = [],
  extra: Partial<TQuestion> = {}
): TQuestion => ({
  id,
  type,
  required: false,
  text_nb: id,
  text_en: id,
  help_nb: '',
  help_en: '',
  options: options.map((code) => ({ code, label_nb: code, label_en: code })),
  ...extra
});

/** The fields of a test survey definition besides its sections: its title, no intro or model note, 16+. */
export const surveyHeader = (titleNb: string, titleEn: string): Omit<TSurveyDefinition, 'sections'> => ({
  title_nb: titleNb,
  title_en: titleEn,
  intro_nb: '',
  intro_en: '',
  min_age: 16,
  model_note_nb: '',
  model_note_en: ''
});
