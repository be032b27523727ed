#!/usr/bin/env node
// The server Playwright starts (playwright.config.ts → webServer): the built app on 127.0.0.1:4173 (or
// E2E_PORT, so several checkouts can run their browser suites at once) with a
// fresh SQLite database in a temporary folder, deleted again when the server stops.
// Specs find the setup link and the database through test-results/e2e-env.json (see tests/e2e/helpers.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const serverEntry = join(root, 'build', 'index.js');
const host = '127.0.0.1';
const port = process.env.E2E_PORT || '4173';

if (!existsSync(serverEntry)) {
  console.error('[e2e-server] build/index.js is missing: run `npm run build` before `npm run test:e2e`');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'forebygg-e2e-'));
const dbPath = join(dir, 'e2e.db');
const setupLinkFile = join(dir, 'setup-link.txt');

let cleanedUp = false;
function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);

const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'e2e-env.json'), `${JSON.stringify({ dir, setupLinkFile, dbPath }, null, 2)}\n`);

const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || 'production',
  DATABASE_URL: `sqlite:${dbPath}`,
  HOST: host,
  PORT: port,
  ORIGIN: `http://${host}:${port}`,
  FOREBYGG_SETUP_LINK_FILE: setupLinkFile
};

const server = spawn(process.execPath, [serverEntry], { cwd: root, env, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on('error', (error) => {
  console.error(`[e2e-server] could not start the server: ${error.message}`);
  process.exit(1);
});

server.on('exit', (code, signal) => {
  cleanUp();
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
