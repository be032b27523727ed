import pino from 'pino';

/**
 * The app's logger. Rules (docs/security.md): never an IP address, user agent, cookie, password,
 * token, receipt or request body. Redaction below is a second line of defence, not the first.
 */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    base: undefined,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'headers',
        '*.headers',
        'body',
        '*.body',
        'ip',
        '*.ip',
        'userAgent',
        '*.userAgent'
      ],
      censor: '[redacted]'
    }
  },
  // The CLI prints JSON for programs on stdout, so its log goes to stderr.
  pino.destination({ dest: process.env.FOREBYGG_CLI ? 2 : 1, sync: true })
);
