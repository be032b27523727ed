/**
 * The operators' and analysts' command line: `npm run forebygg -- <command>`. Uses the same
 * configuration and services as the server. Prints JSON where a program will read it; on error,
 * one clear line on stderr and a non-zero exit.
 */
import { openApp, announceSetupLink, type AppContext } from './lib/server/app';
import { verifyAuditLog } from './lib/server/audit/audit.service';
import { purgeExpiredSessions } from './lib/server/auth/session.service';
import { backupDatabase, restoreDatabase } from './lib/server/backup/backup';
import { loadConfig } from './lib/server/config';
import { estimateFromCsv, parseEstimateArgs } from './lib/server/surveys/surveys.estimate';
import { recountAll } from './lib/server/surveys/surveys.service';
import { rebuildCheckCounts } from './lib/server/check/check.repository';
import { readFileSync } from 'node:fs';
import { exportContent, importContent } from './lib/server/content/content.service';
import { formatImport } from './lib/server/content/content.cli';

type TCommand =
  | { summary: string; offline?: false; run(ctx: AppContext, args: string[]): Promise<number> }
  /** Commands that need no database (and no configuration) run without an app context. */
  | { summary: string; offline: true; run(ctx: null, args: string[]): Promise<number> };

const print = (value: unknown) => process.stdout.write(JSON.stringify(value, null, 2) + '\n');

const commands: Record<string, TCommand> = {
  migrate: {
    summary: 'Apply pending database migrations and load reference data (the server does this on start too).',
    async run(ctx) {
      print({ db: ctx.dialect, migrations: ctx.migrations });
      return 0;
    }
  },
  'create-setup-link': {
    summary: 'Print a new one-time setup link (24 h) when no administrator exists yet.',
    async run(ctx) {
      const link = await announceSetupLink(ctx);
      if (!link) {
        process.stderr.write(
          'An administrator already exists: no setup link was made. Ask an administrator for an invitation.\n'
        );
        return 1;
      }
      return 0;
    }
  },
  'audit:verify': {
    summary: 'Check the hash chain of the audit log. Exit code 0 when intact, 2 when broken.',
    async run(ctx) {
      const result = await verifyAuditLog(ctx.db);
      print(result);
      return result.ok ? 0 : 2;
    }
  },
  estimate: {
    summary:
      'Weighted survey estimates from CSV: --responses <csv> --margins <csv> --question <col> [--by <col>] [--method none|poststratify|rake] [--weight <col>].',
    offline: true,
    async run(_ctx, args) {
      const a = parseEstimateArgs(args);
      const text = (file: string) => readFileSync(file, 'utf8');
      print(estimateFromCsv(a, text(a.responses), a.margins ? text(a.margins) : undefined));
      return 0;
    }
  },
  'content:export': {
    summary:
      'Write the published learning pages to <dir>/<locale>/<slug>.md (the layout of content/), front matter first.',
    async run(ctx, args) {
      const dir = args[0];
      if (!dir) throw new Error('usage: content:export <dir>');
      const { written } = await exportContent(ctx.db, dir);
      process.stdout.write(`${written.length} files written to ${dir}\n`);
      return 0;
    }
  },
  'content:import': {
    summary:
      'Compare <dir> (the content:export layout) with the published content, print the diff, and publish what changed, audited with "import" as the actor (--as-drafts: save drafts for review in the studio instead; --dry-run: only print).',
    async run(ctx, args) {
      const dir = args.find((a) => !a.startsWith('--'));
      const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run' && a !== '--as-drafts');
      // A mistyped option must not publish what the operator meant to save as drafts.
      if (!dir || unknown.length > 0) throw new Error('usage: content:import <dir> [--dry-run] [--as-drafts]');
      const dryRun = args.includes('--dry-run');
      const asDrafts = args.includes('--as-drafts');
      process.stdout.write(formatImport(await importContent(ctx, dir, { dryRun, asDrafts }), dryRun, asDrafts));
      return 0;
    }
  },
  'surveys:recount': {
    summary: "Rebuild every survey wave's counters from the stored answer rows (one transaction per wave).",
    async run(ctx) {
      print(await recountAll(ctx.db));
      return 0;
    }
  },
  'checks:recount': {
    summary:
      'Rebuild the check counters (check_count, check_indicator_count) from the stored checks, in one transaction.',
    async run(ctx) {
      print(await rebuildCheckCounts(ctx.db));
      return 0;
    }
  },
  backup: {
    summary:
      'Back up the database to a timestamped file in [dir] (default ./backups): SQLite online backup, or pg_dump (custom format).',
    offline: true,
    async run(_ctx, args) {
      const file = await backupDatabase(loadConfig().DATABASE_URL, args[0] ?? 'backups');
      print({ file });
      return 0;
    }
  },
  restore: {
    summary: 'Replace the database with a backup file (stop every instance first): restore <file>.',
    offline: true,
    async run(_ctx, args) {
      if (!args[0]) {
        process.stderr.write('Name the backup file: npm run restore -- <file>\n');
        return 64;
      }
      await restoreDatabase(loadConfig().DATABASE_URL, args[0]);
      print({ restored: args[0] });
      return 0;
    }
  },
  'sessions:purge': {
    summary: 'Delete expired staff sessions (the server does this every 10 minutes).',
    async run(ctx) {
      print({ deleted: await purgeExpiredSessions(ctx.db) });
      return 0;
    }
  }
};

function help(): void {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  process.stdout.write('Usage: npm run forebygg -- <command>\n\nCommands:\n');
  process.stdout.write(`  ${'help'.padEnd(width)}  Show this list.\n`);
  for (const [name, c] of Object.entries(commands)) process.stdout.write(`  ${name.padEnd(width)}  ${c.summary}\n`);
  process.stdout.write('\nConfiguration comes from the same environment variables as the server (DATABASE_URL, …).\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}". Run "npm run forebygg -- help" for the list.\n`);
    return 64;
  }
  if (command.offline) return command.run(null, args);
  const ctx = await openApp(loadConfig());
  try {
    return await command.run(ctx, args);
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`forebygg: ${(e as Error).message ?? String(e)}\n`);
    process.exit(1);
  }
);
