import { describe, expect, it } from 'vitest';
import { seedEntries } from '../server/directory/directory.seed';
import { ZEntryInput } from './directory';

describe('directory web addresses', () => {
  const entry = seedEntries[0].entry;

  it('accepts http and https addresses', () => {
    for (const website of ['https://example.org/help', 'http://example.org']) {
      expect(ZEntryInput.safeParse({ ...entry, website }).success, website).toBe(true);
    }
  });

  it('refuses addresses a link would run or embed (javascript:, data:, vbscript:), with the URL message', () => {
    for (const website of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      const result = ZEntryInput.safeParse({ ...entry, website, sourceUrl: website });
      expect(result.success, website).toBe(false);
      const paths = result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
      expect(paths).toContain('website:directory.error.url');
      expect(paths).toContain('sourceUrl:directory.error.url');
    }
  });
});
