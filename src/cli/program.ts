/**
 * The `hookgate` command: global options (`--url`, `--token`, `--json`) and the command groups.
 * Parsing is commander's; every failure ends as one line on stderr and a non-zero exit.
 */
import { Command, CommanderError } from 'commander';
import { readKeptAdminToken } from '../adapter/node/admin-token';
import { HookgateError } from '../lib/errors';
import { createClient } from './client';
import { registerBackupCommand } from './commands/backup';
import { registerEventCommands } from './commands/events';
import { registerKeyCommands } from './commands/keys';
import { registerMigrateCommand } from './commands/migrate';
import { registerPresetsCommand } from './commands/presets';
import { registerRenderCommand } from './commands/render';
import { registerSendCommand } from './commands/send';
import { registerServeCommand } from './commands/serve';
import { registerSinkCommands } from './commands/sinks';
import { registerTransferCommands } from './commands/transfer';
import { registerWebhookCommands } from './commands/webhooks';
import { type CliContext, confirmOnTerminal } from './context';
import { CliError } from './errors';
import { createOutput } from './output';

export const DEFAULT_URL = 'http://127.0.0.1:8787';

interface GlobalFlags {
  url: string;
  token?: string;
  json?: boolean;
}

function dataDir(env: NodeJS.ProcessEnv): string {
  const db = env.HOOKGATE_DB ?? './data/hookgate.db';
  return db.includes('/') ? db.slice(0, db.lastIndexOf('/')) : '.';
}

export function buildProgram(env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('hookgate')
    .description('hookgate: webhooks in, events out')
    .option('--url <url>', 'the gateway (HOOKGATE_URL)', env.HOOKGATE_URL ?? DEFAULT_URL)
    .option(
      '--token <token>',
      'the admin token or an API key (HOOKGATE_ADMIN_TOKEN, else the one the local gateway keeps in data/admin-token)',
    )
    .option('--json', 'print JSON, for scripts')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n  hookgate presets stripe\n  hookgate webhooks create github --preset github --secret "$SECRET"\n  hookgate render --preset stripe --body event.json\n  hookgate events tail',
    )
    .exitOverride();

  const context = (): CliContext => {
    const flags = program.opts<GlobalFlags>();
    const token = flags.token ?? env.HOOKGATE_ADMIN_TOKEN ?? readKeptAdminToken(dataDir(env));
    return {
      client: createClient({ url: flags.url, token }),
      out: createOutput(flags.json ?? false),
      confirm: confirmOnTerminal,
    };
  };

  registerServeCommand(program);
  registerMigrateCommand(program);
  registerWebhookCommands(program, context);
  registerPresetsCommand(program, context);
  registerEventCommands(program, context);
  registerTransferCommands(program, context);
  registerKeyCommands(program, context);
  registerBackupCommand(program, env);
  registerRenderCommand(program, context);
  registerSendCommand(program, context);
  registerSinkCommands(program, context);
  return program;
}

/** Runs the CLI; resolves with the exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = buildProgram(env);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`hookgate: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof HookgateError) {
      process.stderr.write(`hookgate: ${error.code}: ${error.detail}\n`);
      return 1;
    }
    process.stderr.write(`hookgate: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
