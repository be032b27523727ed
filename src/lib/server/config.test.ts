import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for everything', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATABASE_URL: 'sqlite:./data/forebygg.db', LOG_LEVEL: 'info' });
  });

  it('stops with one line naming the bad variable', () => {
    for (const [env, name] of [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ ORIGIN: 'not a url' }, 'ORIGIN'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
      [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
      [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
      [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM']
    ] as const) {
      expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name} [^\\n]+$`));
    }
  });

  it('reads SMTP settings: off when unset, a URL and a sender when set', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    const c = loadConfig({
      SMTP_URL: 'smtps://user:pw@mail.example.org:465',
      MAIL_FROM: 'Forebygg <varsel@example.org>'
    });
    expect(c).toMatchObject({
      SMTP_URL: 'smtps://user:pw@mail.example.org:465',
      MAIL_FROM: 'Forebygg <varsel@example.org>'
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
