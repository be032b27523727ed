import { createHmac, randomBytes } from 'node:crypto';
import { KEY_LIFETIME_MS } from '../auth/throttle';
import { AppError } from '../errors';
import type { TReportSubmit } from '../../schemas/report';
import { submitReport, type TReportDeps, type TSubmitOutcome } from './report.service';

/**
 * How many reports one client may send per hour, by form or API. The client is an HMAC of its address
 * under a random key that lives only in this process's memory and is replaced every 24 hours (with the
 * counters): the address itself is never stored, logged or recoverable. Only accepted reports count
 * (they cost an argon2id derivation); a rejected or unroutable request costs no more than a page view.
 * Windows are fixed hours from the client's first report. The map is bounded; the oldest go first.
 */
export class SubmitLimiter {
  private key = randomBytes(32);
  private keyMadeAt = Date.now();
  private readonly windows = new Map<string, { start: number; n: number }>();
  constructor(private readonly maxEntries = 10_000) {}

  private clientKey(address: string, now: number): string {
    if (now - this.keyMadeAt >= KEY_LIFETIME_MS) {
      this.key = randomBytes(32);
      this.keyMadeAt = now;
      this.windows.clear();
    }
    return createHmac('sha256', this.key).update(address).digest('base64url');
  }

  /** Milliseconds until this client may send another report; 0 if it may now. */
  waitMs(address: string, perHour: number, now = Date.now()): number {
    const w = this.windows.get(this.clientKey(address, now));
    if (!w || now - w.start >= 3_600_000) return 0;
    return w.n >= perHour ? w.start + 3_600_000 - now : 0;
  }

  /** Counts one accepted report. */
  record(address: string, now = Date.now()): void {
    const key = this.clientKey(address, now);
    const w = this.windows.get(key);
    const next = !w || now - w.start >= 3_600_000 ? { start: now, n: 1 } : { start: w.start, n: w.n + 1 };
    this.windows.delete(key);
    this.windows.set(key, next);
    while (this.windows.size > this.maxEntries) this.windows.delete(this.windows.keys().next().value as string);
  }
}

export const submitLimiter = new SubmitLimiter();

/** The form's and the API's way in: submitReport, refused with 429 once the client's hour is used up. */
export async function submitReportLimited(
  deps: TReportDeps,
  input: TReportSubmit,
  client: { address: string; perHour: number },
  now = new Date()
): Promise<TSubmitOutcome> {
  const wait = submitLimiter.waitMs(client.address, client.perHour, now.getTime());
  if (wait > 0) {
    throw new AppError('too_many_requests', 'report.error.tooMany', { params: { minutes: Math.ceil(wait / 60_000) } });
  }
  const out = await submitReport(deps, input, now);
  if (out.kind === 'sent') submitLimiter.record(client.address, now.getTime());
  return out;
}
