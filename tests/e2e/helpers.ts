import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** What scripts/e2e-server.js tells the specs about the server it started. */
export interface TE2eEnv {
  /** The temporary folder holding the database and the setup link. */
  dir: string;
  /** Where the server writes its first-start setup link (FOREBYGG_SETUP_LINK_FILE). */
  setupLinkFile: string;
  /** The SQLite database file the server uses. */
  dbPath: string;
}

const e2eEnvFile = new URL('../../test-results/e2e-env.json', import.meta.url);

/** Reads test-results/e2e-env.json, written by scripts/e2e-server.js when Playwright starts it. */
export function readE2eEnv(): TE2eEnv {
  return JSON.parse(readFileSync(e2eEnvFile, 'utf8')) as TE2eEnv;
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the current page and fails on any serious or critical WCAG 2.1 A/AA violation.
 * Needs JavaScript in the page: call it from the `js` project only.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const lines = serious.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((node) => node.target.map(String).join(' '))
      .join(', ');
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    return `${v.id} [${v.impact}]: ${v.help} — ${targets}${more}`;
  });
  expect(
    lines,
    `axe found ${serious.length} serious/critical violation(s) on ${page.url()}:\n${lines.join('\n')}`
  ).toEqual([]);
}

/**
 * A form field by its visible label, whether or not the label ends with a marker in brackets
 * ("(må fylles ut)", "(valgfritt)"). Exact otherwise, so "Passord" does not match "Gjenta passordet".
 */
export function field(page: Pick<Page, 'getByLabel'>, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^\\s*${escaped}\\s*(\\([^)]*\\))?\\s*$`));
}

/** The error message tied to a control by its aria-describedby (`<id>-error`, see FieldMessages). */
export async function errorOf(page: Page, control: Locator): Promise<Locator> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const id = ids.find((x) => x.endsWith('-error'));
  return page.locator(id ? `[id="${id}"]` : '[data-no-error-message]');
}

/** The origin the e2e server listens on (playwright.config.ts and scripts/e2e-server.js read the same E2E_PORT). */
export const appOrigin = `http://127.0.0.1:${process.env.E2E_PORT || '4173'}`;
