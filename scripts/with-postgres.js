#!/usr/bin/env node
// `node scripts/with-postgres.js <command...>`: run a command against a throwaway PostgreSQL cluster.
//
// The cluster lives in a fresh temporary folder, listens on a free loopback port, trusts every local
// connection and skips fsync; it is stopped and deleted afterwards, also when the command fails or
// the script is interrupted. The script exits with the command's exit code.
// When DATABASE_URL already points at PostgreSQL, the command simply runs against that database.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const databaseName = 'forebygg_test';
const tag = '[with-postgres]';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error(`usage: node scripts/with-postgres.js <command> [args...]`);
  process.exit(2);
}

let clusterRoot = null; // set once the temporary folder exists
let clusterStarted = false;
let cleanedUp = false;
let child = null;
let interruptedBy = null;

process.on('exit', cleanUp); // last resort; cleanUp is synchronous and idempotent
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interruptedBy = signal;
    // The command decides how to stop; we clean up once it has exited.
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else if (!child) exitAfterSignal();
  });
}

// Let `node scripts/with-postgres.js vitest run` work outside npm scripts too.
const childPath = [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);

if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
  process.exit(await runCommand({ ...process.env, PATH: childPath }));
}

const binDir = findPostgresBinaries();
if (!binDir) {
  console.error('PostgreSQL is not installed: apt-get install -y postgresql');
  process.exit(1);
}

let postgresUser = null; // set when we are root

clusterRoot = mkdtempSync(join(tmpdir(), 'forebygg-pg-'));
const dataDir = join(clusterRoot, 'data');
const logFile = join(clusterRoot, 'log');

let exitCode;
try {
  if (process.getuid?.() === 0) postgresUser = lookUpPostgresUser();
  if (postgresUser) {
    chownSync(clusterRoot, postgresUser.uid, postgresUser.gid);
    chmodSync(clusterRoot, 0o700);
  }
  runPostgresTool('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  stopIfInterrupted();

  const port = await startCluster();
  stopIfInterrupted();

  runPostgresTool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', databaseName]);
  stopIfInterrupted();

  const databaseUrl = `postgres://postgres@127.0.0.1:${port}/${databaseName}`;
  console.error(`${tag} ${databaseUrl} (${clusterRoot})`);
  exitCode = await runCommand({
    ...process.env,
    PATH: childPath,
    DATABASE_URL: databaseUrl,
    // For psql and friends started by the command.
    PGHOST: '127.0.0.1',
    PGPORT: String(port),
    PGUSER: 'postgres',
    PGDATABASE: databaseName
  });
} catch (error) {
  console.error(`${tag} ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  cleanUp();
}
if (interruptedBy && exitCode === 0) exitCode = 128 + (constants.signals[interruptedBy] ?? 0);
process.exit(exitCode);

/** The bin folder of the newest PostgreSQL in Debian's layout (/usr/lib/postgresql/<major>/bin). */
function findPostgresBinaries() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')) && existsSync(join(base, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions.length > 0 ? join(base, versions[0], 'bin') : null;
}

/** PostgreSQL refuses to run as root, so as root the server tools run as the `postgres` OS user. */
function lookUpPostgresUser() {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) {
    throw new Error('running as root needs the `postgres` OS user (it comes with apt-get install -y postgresql)');
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL tool to completion (as `postgres` when we are root); throws with its output on failure. */
function runPostgresTool(tool, args) {
  const executable = join(binDir, tool);
  const [file, fileArgs] = postgresUser
    ? ['runuser', ['-u', 'postgres', '--', executable, ...args]]
    : [executable, args];
  const result = spawnSync(file, fileArgs, { cwd: clusterRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${tool} failed (exit ${result.status ?? result.signal})${output ? `:\n${output}` : ''}`);
  }
  return result;
}

/** Starts the cluster on a free loopback port; retries with a new port if another process took it meanwhile. */
async function startCluster() {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const serverOptions = [
      `-p ${port}`,
      `-k ${clusterRoot}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off'
    ].join(' ');
    try {
      clusterStarted = true; // from here on, cleanUp tries to stop it
      runPostgresTool('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-w', '-l', logFile, 'start']);
      return port;
    } catch (error) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      if (attempt < 3 && /could not bind|already in use/i.test(log)) continue;
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log.trim()}`, { cause: error });
    }
  }
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs the command with inherited stdio; resolves with its exit code (128 + signal number when killed). */
function runCommand(env) {
  return new Promise((resolve) => {
    child = spawn(command[0], command.slice(1), { env, stdio: 'inherit', shell: false });
    child.on('error', (error) => {
      console.error(`${tag} could not run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      resolve(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}

function stopIfInterrupted() {
  if (interruptedBy) throw new Error(`interrupted by ${interruptedBy}`);
}

function exitAfterSignal() {
  cleanUp();
  process.exit(128 + (constants.signals[interruptedBy] ?? 0));
}

function cleanUp() {
  if (cleanedUp || !clusterRoot) return;
  cleanedUp = true;
  if (clusterStarted) {
    try {
      runPostgresTool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } catch {
      killPostmaster();
    }
  }
  rmSync(clusterRoot, { recursive: true, force: true });
}

/** When pg_ctl cannot stop the server, end it by the pid it recorded so no orphan keeps running. */
function killPostmaster() {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // no pid file: the server is not running
  }
}
