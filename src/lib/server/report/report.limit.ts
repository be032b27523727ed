import { ClientThrottle } from '../auth/throttle';
import { AppError } from '../errors';
import type { TReportSubmit } from '../../schemas/report';
import { submitReport, type TReportDeps, type TSubmitOutcome } from './report.service';

const HOUR_MS = 3_600_000;

/**
 * How many reports one client may send per hour, by form or API: the app's one client limiter
 * (`ClientThrottle`, an HMAC of the address under a rotating in-memory key) used as a quota. Only
 * accepted reports count (they cost an argon2id derivation); a rejected or unroutable request costs no
 * more than a page view. Windows are fixed hours from the client's first report.
 */
export const submitThrottle = new ClientThrottle();

/** The form's and the API's way in: submitReport, refused with 429 once the client's hour is used up. */
export async function submitReportLimited(
  deps: TReportDeps,
  input: TReportSubmit,
  client: { address: string; perHour: number },
  now = new Date()
): Promise<TSubmitOutcome> {
  const key = submitThrottle.clientKey(client.address, now.getTime());
  const wait = submitThrottle.waitMs(key, now.getTime());
  if (wait > 0) {
    throw new AppError('too_many_requests', 'report.error.tooMany', { params: { minutes: Math.ceil(wait / 60_000) } });
  }
  const out = await submitReport(deps, input, now);
  if (out.kind === 'sent') submitThrottle.recordUse(key, client.perHour, HOUR_MS, now.getTime());
  return out;
}
