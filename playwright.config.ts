import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their browser suites at the same time (scripts/e2e-server.js reads it too).
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT || '4173'}`;

// `npx playwright install` cannot download browsers here: use Debian's Chromium.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
};

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions
  },
  projects: [
    {
      // Everything that needs or tolerates JavaScript, including the axe checks (axe runs in the page).
      name: 'js',
      testIgnore: '**/*.nojs.spec.ts',
      use: { javaScriptEnabled: true }
    },
    {
      // Progressive enhancement: every public form must work with JavaScript off.
      name: 'nojs',
      testMatch: '**/*.nojs.spec.ts',
      use: { javaScriptEnabled: false }
    }
  ],
  webServer: {
    command: 'node scripts/e2e-server.js',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGTERM (not Playwright's default SIGKILL) lets the script stop the app and delete its temporary database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 }
  }
});
