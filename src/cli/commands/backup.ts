/**
 * `hookgate backup FILE`: a consistent copy of the local SQLite database while the gateway serves
 * (store/sqlite/backup.ts). Runs where the database file is (`--db`, else HOOKGATE_DB).
 */
import type { Command } from 'commander';
import { backupSqlite } from '../../store/sqlite/backup';
import { CliError } from '../errors';

export function registerBackupCommand(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('backup <file>')
    .description('copy the SQLite database to FILE, consistently, while the gateway keeps serving')
    .option('--db <file>', 'the database (HOOKGATE_DB, default ./data/hookgate.db)')
    .addHelpText('after', '\nExample:\n  hookgate backup backups/hookgate-$(date +%F).db')
    .action((file: string, flags: { db?: string }) => {
      const source = flags.db ?? env.HOOKGATE_DB ?? './data/hookgate.db';
      let result: ReturnType<typeof backupSqlite>;
      try {
        result = backupSqlite(source, file);
      } catch (error) {
        throw new CliError((error as Error).message);
      }
      process.stdout.write(`backed up ${result.events} events (${result.bytes} bytes) to ${file}\n`);
    });
}
