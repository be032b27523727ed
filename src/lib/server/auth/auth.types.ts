import { z } from 'zod';

export const roles = ['admin', 'editor', 'analyst', 'case_handler'] as const;
export const ZRole = z.enum(roles);
export type TRole = z.infer<typeof ZRole>;

/** Roles whose holders must use TOTP: they can change who may read what, or read reports. */
export const rolesRequiringTotp: readonly TRole[] = ['admin', 'case_handler'];

export function requiresTotp(userRoles: readonly string[]): boolean {
  return userRoles.some((r) => (rolesRequiringTotp as readonly string[]).includes(r));
}

/** What a request knows about its signed-in user. */
export interface TSessionUser {
  id: string;
  email: string;
  displayName: string;
  /** Distinct roles across the user's memberships. */
  roles: TRole[];
  memberships: { organisationId: string; role: TRole }[];
  hasTotp: boolean;
}

export const SESSION_COOKIE = 'forebygg_session';
/** Staff sessions end after 30 minutes without a request… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and 12 hours after login in any case. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SETUP_TOKEN_MS = 24 * 60 * 60 * 1000;
export const INVITE_TOKEN_MS = 7 * 24 * 60 * 60 * 1000;
