import { z } from 'zod';

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Environment variables the server reads; each has a working default. */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://…')
    .default('sqlite:./data/forebygg.db'),
  ORIGIN: z.url().optional(),
  LOG_LEVEL: ZLogLevel.default('info'),
  NODE_ENV: z.string().default('production'),
  /** Where the server says it is reachable, for links it prints (setup, invites). */
  PUBLIC_URL: z.url().optional(),
  /** Where notification e-mails go out (smtp:// or smtps://, user and password in the URL); unset: e-mail is off. */
  SMTP_URL: z
    .string()
    .refine(
      (v) => /^smtps?:\/\/[^\s/]+/.test(v) && URL.canParse(v),
      'must be smtp://[user:password@]host[:port] or smtps://…'
    )
    .optional(),
  /** The sender of notification e-mails: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .regex(/^([^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an e-mail address or Name <address>')
    .default('Forebygg <noreply@localhost>'),
  /** Reports one client (keyed hash of its address, in memory only) may send per hour, by form or API. */
  REPORT_SUBMITS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Worker threads that run argon2id (receipt and password keys) off the event loop (0: on it, for benchmarks). */
  KDF_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
  /** argon2id derivations that may wait for a worker; more are answered 503 "busy, try again". */
  KDF_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  /** When (HH:MM, UTC) the nightly survey counter recount runs, on one instance; `off` turns it off. */
  SURVEY_RECOUNT_AT: z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|off)$/, 'must be HH:MM (UTC) or off')
    .default('03:00')
});
export type TConfig = z.infer<typeof ZConfig>;

/**
 * Parses the environment. A bad value throws an Error whose message is one line naming the variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZConfig.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  return result.data;
}

/** The base URL used in links the server prints for operators. */
export function publicBaseUrl(config: TConfig): string {
  return (config.PUBLIC_URL ?? config.ORIGIN ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
