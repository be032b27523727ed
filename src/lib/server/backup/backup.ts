import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sqlitePath } from '../db/connect';

/**
 * Backups of the whole database. SQLite: the online backup API (a consistent copy while the app keeps
 * serving). PostgreSQL: `pg_dump` in its custom format (compressed, restorable table by table), restored
 * with `pg_restore` in one transaction — a restore either completes or leaves the database as it was.
 * Encrypted reports stay encrypted in the backup; their keys are wrapped by the case handlers' passwords,
 * so a backup alone opens nothing, and a restored report opens for its organisation as before.
 */

/** `forebygg-20261129T031500Z`: sortable, and safe in every file system. */
export function backupStem(now = new Date()): string {
  return `forebygg-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/** The bin folder of the newest PostgreSQL in Debian's layout, else rely on PATH. */
function pgTool(name: string): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', name)))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions.length) return join(base, versions[0], 'bin', name);
  }
  return name;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new Error(`${command} could not run: ${e.message}`)));
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${command.split('/').pop()} failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`))
    );
  });
}

/** Writes a backup of the database at `url` into `dir`; resolves with the file's path. */
export async function backupDatabase(url: string, dir: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (url.startsWith('sqlite:')) {
    const source = sqlitePath(url);
    if (source === ':memory:') throw new Error('an in-memory database cannot be backed up');
    if (!existsSync(source)) throw new Error(`no database file at ${source}`);
    const file = resolve(dir, `${backupStem(now)}.sqlite`);
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(source, { fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    return file;
  }
  const file = resolve(dir, `${backupStem(now)}.pgdump`);
  await run(pgTool('pg_dump'), [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    `--dbname=${url}`
  ]);
  return file;
}

/**
 * Replaces the database at `url` with the backup in `file`. Stop every instance first: the restored
 * database is what they will see when they start again.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (url.startsWith('sqlite:')) {
    if (!file.endsWith('.sqlite')) throw new Error('a SQLite database restores from a .sqlite backup');
    const target = sqlitePath(url);
    const { default: SQLite } = await import('better-sqlite3');
    const backup = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      // Leftover WAL files of the old database must not be replayed over the restored one.
      for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
      mkdirSync(dirname(target), { recursive: true });
      await backup.backup(target);
    } finally {
      backup.close();
    }
    return;
  }
  if (!file.endsWith('.pgdump')) throw new Error('a PostgreSQL database restores from a .pgdump backup');
  await run(pgTool('pg_restore'), [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file
  ]);
}
