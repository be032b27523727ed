import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster of its own (as scripts/with-postgres.js makes for `npm run test:pg`),
 * for tests that stop and restart the server: loopback only, trust authentication, no fsync. As root,
 * the server tools run as the `postgres` OS user.
 */
export interface TPgCluster {
  /** postgres://postgres@127.0.0.1:<port>/forebygg */
  url: string;
  port: number;
  start(): void;
  /** `fast` ends sessions cleanly; `immediate` is a crash-like stop. */
  stop(mode?: 'fast' | 'immediate'): void;
  destroy(): void;
}

export function postgresBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')) && existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function startPgCluster(): Promise<TPgCluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
  const root = mkdtempSync(join(tmpdir(), 'forebygg-pgc-'));
  const data = join(root, 'data');
  const logFile = join(root, 'log');
  let user: { uid: number; gid: number } | null = null;
  if (process.getuid?.() === 0) {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) throw new Error('running as root needs the `postgres` OS user');
    const [, , uid, gid] = line.split(':');
    user = { uid: Number(uid), gid: Number(gid) };
    chownSync(root, user.uid, user.gid);
    chmodSync(root, 0o700);
  }
  const tool = (name: string, args: string[]) => {
    const exe = join(bin, name);
    const [file, argv] = user ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    const r = spawnSync(file, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${name} failed: ${(r.stdout ?? '') + (r.stderr ?? '')}`.trim());
  };
  tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off'
  ].join(' ');
  let running = false;
  const cluster: TPgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/forebygg`,
    port,
    start() {
      tool('pg_ctl', ['-D', data, '-o', options, '-w', '-l', logFile, 'start']);
      running = true;
    },
    stop(mode = 'fast') {
      tool('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    destroy() {
      try {
        if (running) cluster.stop('immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  };
  try {
    cluster.start();
    tool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'forebygg']);
  } catch (e) {
    cluster.destroy();
    throw e;
  }
  return cluster;
}
