import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { hashPassword } from '../../src/lib/server/auth/password';
import { field, readE2eEnv } from './helpers';

/**
 * Staff accounts for the browser specs: organisations, users and memberships are written straight into the
 * e2e database (the setup link belongs to admin-flow.spec.ts), so a spec does not depend on another spec's
 * clicks; signing in goes through the login form like a person would.
 */
export type TStaffRole = 'editor' | 'analyst' | 'case_handler' | 'admin';

export interface TStaffUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  organisation: { id: string; name: string };
  /** Base32 TOTP secret, for the roles that need a second factor (case_handler, admin); null otherwise. */
  totpSecret: string | null;
  /** TOTP codes are single use: each login takes the next 30-second step. */
  logins: number;
}

export interface TStaffOptions {
  /** An existing organisation to join; otherwise a new one is made with `organisationName` and `organisationKind`. */
  organisation?: { id: string; name: string };
  organisationName?: string;
  organisationKind?: 'ngo' | 'municipality';
  email?: string;
  password?: string;
  displayName?: string;
}

const needsTotp = (role: TStaffRole) => role === 'case_handler' || role === 'admin';

/** Writes an organisation of its own into the e2e database. */
export function createOrganisation(name: string, kind: 'ngo' | 'municipality' = 'ngo'): { id: string; name: string } {
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    const id = randomUUID();
    db.prepare(
      'insert into organisation (id, name, kind, org_number, created_at, updated_at) values (?, ?, ?, null, ?, ?)'
    ).run(id, name, kind, now, now);
    return { id, name };
  } finally {
    db.close();
  }
}

/** A member of `role` (with a TOTP secret where the role needs one), of a new organisation unless one is given. */
export async function createStaffUser(role: TStaffRole, options: TStaffOptions = {}): Promise<TStaffUser> {
  const tag = randomUUID().slice(0, 8);
  const organisation =
    options.organisation ??
    createOrganisation(options.organisationName ?? `Organisasjon ${tag.slice(0, 4)}`, options.organisationKind);
  const user: TStaffUser = {
    id: randomUUID(),
    email: options.email ?? `${role.replace('_', '-')}-${tag}@forebygg.example`,
    password: options.password ?? `a long pass phrase for the ${role.replace('_', ' ')}`,
    displayName: options.displayName ?? `Test ${role.replace('_', ' ')} ${tag.slice(0, 4)}`,
    organisation,
    totpSecret: needsTotp(role) ? new Secret({ size: 20 }).base32 : null,
    logins: 0
  };
  const passwordHash = await hashPassword(user.password);
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    db.prepare(
      `insert into app_user (id, email, display_name, password_hash, totp_secret, totp_last_step, failed_logins,
         locked_until, created_at, deactivated_at) values (?, ?, ?, ?, ?, null, 0, null, ?, null)`
    ).run(user.id, user.email, user.displayName, passwordHash, user.totpSecret, now);
    db.prepare('insert into membership (user_id, organisation_id, role, created_at) values (?, ?, ?, ?)').run(
      user.id,
      organisation.id,
      role,
      now
    );
  } finally {
    db.close();
  }
  return user;
}

/** Signs `user` in through the login form (with the next TOTP code where the user has a secret). */
export async function logIn(page: Page, user: TStaffUser): Promise<void> {
  await page.goto('/login');
  await field(page, 'E-postadresse').fill(user.email);
  await field(page, 'Passord').fill(user.password);
  if (user.totpSecret) {
    const code = TOTP.generate({
      secret: Secret.fromBase32(user.totpSecret),
      timestamp: Date.now() + user.logins * 30_000
    });
    user.logins += 1;
    await field(page, 'Engangskode fra autentiseringsappen').fill(code);
  }
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** A new member of `role` (see createStaffUser), signed in on `page`. */
export async function signInAs(page: Page, role: TStaffRole, options: TStaffOptions = {}): Promise<TStaffUser> {
  const user = await createStaffUser(role, options);
  await logIn(page, user);
  return user;
}
