// Starting the production build for the scripts that drive it over HTTP (bench/, tests/fuzz/): a free loopback
// port, the server process, and waiting until it answers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** A loopback port nobody listens on right now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 2xx; rejects after `ms`. @param {string} url */
export async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/**
 * Runs a command in the project folder with extra environment; its stderr goes to ours.
 * @param {string} command @param {string[]} argv @param {Record<string, string>} env
 * @param {'ignore' | 'pipe'} [stdout] 'pipe' to read the app's log (tests/fuzz reads its warnings)
 */
export function start(command, argv, env, stdout = 'ignore') {
  return spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
}

/**
 * Starts build/index.js on `databaseUrl` and a free port; resolves with its origin once /api/health answers.
 * @param {string} databaseUrl @param {Record<string, string>} [env] @param {'ignore' | 'pipe'} [stdout]
 */
export async function startBuiltApp(databaseUrl, env = {}, stdout = 'ignore') {
  if (!existsSync(join(root, 'build/index.js'))) throw new Error('No build: run `npm run build` first.');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = start(
    process.execPath,
    ['build/index.js'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: origin,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env
    },
    stdout
  );
  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it answered`)))
  );
  await Promise.race([waitFor(`${origin}/api/health`), exited]);
  return { origin, child };
}

/** Re-runs this script inside a throwaway PostgreSQL cluster (as `npm run test:pg` does); resolves false if already in one. */
export function rerunInPostgres() {
  if (process.env.DATABASE_URL?.startsWith('postgres')) return false;
  const child = spawn(
    process.execPath,
    // execArgv keeps a loader such as tsx's, so a TypeScript script reruns as it was started.
    [join(root, 'scripts/with-postgres.js'), process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' }
  );
  child.on('exit', (code) => process.exit(code ?? 1));
  return true;
}
