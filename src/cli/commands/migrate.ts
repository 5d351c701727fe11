/** `hookgate migrate`: apply the database's pending migrations and exit (the same settings as `serve`). */
import type { Command } from 'commander';
import { CliError } from '../errors';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date, then exit (PostgreSQL with HOOKGATE_DATABASE_URL, else the SQLite file)')
    .option('--db <file>', 'SQLite file (HOOKGATE_DB, default ./data/hookgate.db)')
    .option('--database-url <url>', 'PostgreSQL URL (HOOKGATE_DATABASE_URL)')
    .addHelpText('after', '\nExample:\n  HOOKGATE_DATABASE_URL=postgres://hookgate@db:5432/hookgate hookgate migrate')
    .action(async (flags: { db?: string; databaseUrl?: string }) => {
      const { Config } = await import('../../schemas/config');
      const { describeIssues } = await import('../../schemas/issues');
      const parsed = Config.safeParse({
        ...process.env,
        ...(flags.db && { HOOKGATE_DB: flags.db }),
        ...(flags.databaseUrl && { HOOKGATE_DATABASE_URL: flags.databaseUrl }),
      });
      if (!parsed.success) throw new CliError(`bad settings: ${describeIssues(parsed.error.issues)}`, 2);
      const { resolve } = await import('node:path');
      const { migrateDatabase } = await import('../../adapter/node/migrate');
      const file = parsed.data.HOOKGATE_DB === ':memory:' ? ':memory:' : resolve(parsed.data.HOOKGATE_DB);
      try {
        const report = await migrateDatabase(parsed.data, file);
        const what = report.applied.length === 0 ? 'already up to date' : `applied ${report.applied.join(', ')}`;
        process.stdout.write(`hookgate: ${report.database}: ${what}\n`);
      } catch (error) {
        throw new CliError(`cannot migrate: ${error instanceof Error ? error.message : String(error)}`, 1);
      }
    });
}
