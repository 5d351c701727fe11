/** What every command gets: the API client, the output mode, and a way to confirm. */
import { createInterface } from 'node:readline/promises';
import type { Client } from './client';
import { CliError } from './errors';
import type { Output } from './output';

export interface CliContext {
  client: Client;
  out: Output;
  /** Asks on a terminal; off a terminal, `--yes` is required. */
  confirm(question: string, yes: boolean | undefined): Promise<void>;
}

export async function confirmOnTerminal(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) throw new CliError(`${question} — not a terminal, so pass --yes to confirm`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('cancelled');
}
