/** `hookgate serve`: the gateway, as `npm start`, with flags for port, host and database. */
import type { Command } from 'commander';
import { CliError } from '../errors';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the gateway (the same as npm start)')
    .option('--port <port>', 'port to listen on (PORT, default 8787)')
    .option('--host <host>', 'address to listen on (HOST, default 127.0.0.1)')
    .option('--db <file>', 'SQLite file (HOOKGATE_DB, default ./data/hookgate.db)')
    .addHelpText('after', '\nExample:\n  hookgate serve --port 9000 --db /var/lib/hookgate/hookgate.db')
    .action(async (flags: { port?: string; host?: string; db?: string }) => {
      // Loaded on use: other commands start faster without the server, its store and schemas.
      const { Config } = await import('../../schemas/config');
      const { describeIssues } = await import('../../schemas/issues');
      const parsed = Config.safeParse({
        ...process.env,
        ...(flags.port && { PORT: flags.port }),
        ...(flags.host && { HOST: flags.host }),
        ...(flags.db && { HOOKGATE_DB: flags.db }),
      });
      if (!parsed.success) throw new CliError(`bad settings: ${describeIssues(parsed.error.issues)}`, 2);
      const { closeOnSignals, startGateway } = await import('../../adapter/node/gateway');
      const { createConsoleLogger } = await import('../../adapter/node/logger');
      closeOnSignals(await startGateway(parsed.data, createConsoleLogger()));
    });
}
