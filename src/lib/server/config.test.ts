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
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL']
    ] as const) {
      expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name} [^\\n]+$`));
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });
});
