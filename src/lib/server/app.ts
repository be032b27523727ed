import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedActionPlan } from './actionplan/actionplan.seed';
import { ensureSetupLink } from './auth/auth.service';
import { loadConfig, publicBaseUrl, type TConfig } from './config';
import { configureKdfPool } from './report/report.kdf';
import { connect, type DialectName } from './db/connect';
import { seedDirectory } from './directory/directory.service';
import { syncChecklists } from './check/check.service';
import { appliedMigrations, assertKnownMigrations, migrateToLatest } from './db/migrate';
import { openPgBus } from './cluster/pg-bus';
import { holdLock } from './jobs/jobs';
import { classroomBus, type TEventBus } from './youth/event-bus';
import type { DB } from './db/schema';
import { log } from './log';
import { loadReferenceData } from './reference/reference.service';
import { getOrCreateSecret } from './secrets/secrets.service';
import { loadStatisticsSeed } from './statistics/statistics.seed';
import { seedQuizzes } from './youth/youth.service';
import { seedSurveys } from './surveys/surveys.seed';
import { syncLearnIndex } from './learn/learn.service';
import { seedContent } from './content/content.service';
import { seedQuizContent } from './content/content.quiz';
import { loadPublishedChecklists, usePublishedChecklists } from './content/content.checklist-kind';

/** Everything a request or a command needs: configuration, database, keys. */
export interface AppContext {
  config: TConfig;
  db: DB;
  dialect: DialectName;
  tokenKey: Buffer;
  /** The app's version, from package.json. */
  version: string;
  migrations: string[];
  /** Live updates: PostgreSQL LISTEN/NOTIFY across instances, or this process's bus on SQLite. */
  bus: TEventBus;
  close(): Promise<void>;
}

/** Connects, migrates, loads reference data and keys. Used by the server, the CLI and tests. */
export async function openApp(config: TConfig = loadConfig()): Promise<AppContext> {
  configureKdfPool(config.KDF_WORKERS, config.KDF_QUEUE);
  const conn = await connect(config.DATABASE_URL);
  // Several instances may start together: one migrates and seeds, the others wait, then find it done.
  const startup = await holdLock(conn.db, 'startup').catch(async (e: unknown) => {
    await conn.close();
    throw e;
  });
  let bus: (TEventBus & { close?(): Promise<void> }) | undefined;
  try {
    await assertKnownMigrations(conn.db);
    const ran = await migrateToLatest(conn.db);
    if (ran.length) log.info({ migrations: ran }, 'migrations applied');
    await loadReferenceData(conn.db);
    await loadStatisticsSeed(conn.db);
    await seedDirectory(conn.db);
    await seedQuizzes(conn.db);
    await seedQuizContent(conn.db);
    await seedContent(conn.db);
    await syncChecklists(conn.db, await loadPublishedChecklists(conn.db));
    await syncLearnIndex(conn.db);
    await seedActionPlan(conn.db);
    await seedSurveys(conn.db);
    const tokenKey = await getOrCreateSecret(conn.db, 'token_hmac_key');
    await startup.release();
    bus =
      conn.dialect === 'postgres'
        ? await openPgBus(config.DATABASE_URL, conn.db, (message) => log.warn({ err: { message } }, 'event bus'))
        : classroomBus;
    const openBus = bus;
    await usePublishedChecklists({ db: conn.db, bus: openBus });
    return {
      config,
      db: conn.db,
      dialect: conn.dialect,
      tokenKey,
      version: readVersion(),
      migrations: await appliedMigrations(conn.db),
      bus: openBus,
      async close() {
        await openBus.close?.();
        await conn.close();
      }
    };
  } catch (e) {
    await startup.release();
    await bus?.close?.();
    await conn.close();
    throw e;
  }
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

let current: Promise<AppContext> | undefined;

/** The server's single context, opened on first use. */
export function app(): Promise<AppContext> {
  current ??= openApp();
  return current;
}

/**
 * Prints the one-time setup link when no administrator exists. It goes to the operator's console
 * (and to FOREBYGG_SETUP_LINK_FILE when set, for the e2e suite) — never to the log.
 */
export async function announceSetupLink(ctx: AppContext): Promise<string | null> {
  const path = await ensureSetupLink(ctx);
  if (!path) return null;
  const link = publicBaseUrl(ctx.config) + path;
  process.stdout.write(
    `\nForebygg has no administrator yet. Open this one-time link within 24 hours to set it up:\n  ${link}\n\n`
  );
  if (process.env.FOREBYGG_SETUP_LINK_FILE)
    writeFileSync(process.env.FOREBYGG_SETUP_LINK_FILE, link + '\n', { mode: 0o600 });
  return link;
}
