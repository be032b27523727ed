import { fail, type ActionFailure } from '@sveltejs/kit';
import { createTotpSecret, totpEnrolment } from '../auth/totp';
import type { TFormFailure } from './forms';

export interface TTotpEnrolmentView {
  secret: string;
  svg: string;
}

/** A TOTP secret to enrol and its QR code: the one the form already showed, or a new one. */
export async function totpView(account: string, secret?: string): Promise<TTotpEnrolmentView> {
  const s = secret && /^[A-Z2-7]{32}$/.test(secret) ? secret : createTotpSecret();
  return { secret: s, svg: (await totpEnrolment(s, account)).svg };
}

/**
 * Adds the enrolment the user was looking at to a failed form, so a mistyped code does not make
 * them scan a new QR code.
 */
export async function withTotpView(
  failure: ActionFailure<TFormFailure>,
  account: string
): Promise<ActionFailure<TFormFailure & { totp: TTotpEnrolmentView }>> {
  return fail(failure.status, { ...failure.data, totp: await totpView(account, failure.data.values.totpSecret) });
}
