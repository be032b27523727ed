#!/usr/bin/env node
// `npm start`: build the app when the build is missing or older than its sources, then run it.
// Migrations and reference data are applied by the server itself at boot (SvelteKit `init` hook).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const serverEntry = join(root, 'build', 'index.js');

// Everything the build is made from. `content/` holds learning pages that the build may bundle.
const buildInputs = ['src', 'content', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** Newest modification time (ms) of a file, or of any file below a folder; 0 when the path does not exist. */
function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file only shows as a newer folder
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIsStale() {
  if (!existsSync(serverEntry)) return 'no build yet';
  const builtAt = statSync(serverEntry).mtimeMs;
  const changed = buildInputs.find((input) => newestMtime(join(root, input)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

const staleReason = buildIsStale();
if (staleReason) {
  console.log(`[start] building the app (${staleReason})`);
  const vite = join(root, 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) {
    console.error('[start] vite is not installed: run `npm ci` first');
    process.exit(1);
  }
  const build = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' });
  if (build.error) {
    console.error(`[start] could not run vite: ${build.error.message}`);
    process.exit(1);
  }
  if (build.status !== 0) {
    console.error('[start] the build failed');
    process.exit(build.status ?? 1);
  }
}

const env = { ...process.env };
env.PORT ||= '3000';
// adapter-node answers 403 to every form post when it cannot tell the site's origin.
if (!env.ORIGIN && !env.PROTOCOL_HEADER && !env.HOST_HEADER) {
  env.ORIGIN = `http://localhost:${env.PORT}`;
}
env.NODE_ENV ||= 'production';

const server = spawn(process.execPath, [serverEntry], { cwd: root, env, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on('error', (error) => {
  console.error(`[start] could not start the server: ${error.message}`);
  process.exit(1);
});

server.on('exit', (code, signal) => {
  if (signal) {
    // Mirror the shell convention for a process ended by a signal.
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
