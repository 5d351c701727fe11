/** The flags `webhooks create` and `webhooks update` share, and the API body they make. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from './errors';

interface MappingFlags {
  template?: string;
  static?: string;
  cloudevents?: boolean;
  preset?: string;
}

export interface WebhookFlags extends MappingFlags {
  name?: string;
  description?: string;
  secret?: string[];
  idFrom?: string;
  verify?: string;
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

/** The mapping the flags ask for; at most one of them. */
function mappingFrom(flags: MappingFlags): Record<string, unknown> | undefined {
  const chosen = [flags.template, flags.static, flags.cloudevents, flags.preset].filter((v) => v !== undefined && v !== false);
  if (chosen.length > 1) throw new CliError('choose one of --template, --static, --cloudevents and --preset');
  if (flags.template) return { kind: 'template', template: readFile(flags.template) };
  if (flags.static) {
    try {
      return { kind: 'static', event: JSON.parse(readFile(flags.static)) };
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${flags.static} is not JSON: ${(error as Error).message}`);
    }
  }
  if (flags.cloudevents) return { kind: 'cloudevents' };
  return undefined;
}

/** The API body for the flags (create or update). */
export function webhookBody(flags: WebhookFlags): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (flags.name !== undefined) body.name = flags.name;
  if (flags.description !== undefined) body.description = flags.description;
  const mapping = mappingFrom(flags);
  if (mapping) body.mapping = mapping;
  if (flags.preset) body.preset = flags.preset;
  if (flags.idFrom !== undefined) body.idFrom = flags.idFrom === '' ? null : flags.idFrom;
  const secrets = flags.secret?.length ? flags.secret : undefined;
  if (flags.verify) body.verify = { scheme: flags.verify, ...(secrets && { secrets }) };
  else if (secrets && flags.preset) body.verify = { secrets };
  else if (secrets) throw new CliError('--secret needs --verify SCHEME (or --preset NAME)');
  return body;
}

/** The mapping, verification and description options of `create` and `update`. */
export function mappingOptions(command: Command): Command {
  return command
    .option('--template <file>', 'a Handlebars template that renders the event(s)')
    .option('--static <file>', 'a JSON file with the one event every request becomes')
    .option('--cloudevents', 'map CloudEvents (binary, structured or batch)')
    .option('--description <text>', 'what the webhook is for')
    .option(
      '--secret <secret>',
      'a verification secret (repeat to hold several, for rotation)',
      (v, all: string[]) => [...all, v],
      [],
    )
    .option('--verify <scheme>', 'how the sender is verified, e.g. bearer, github, stripe')
    .option('--id-from <selector>', 'delivery id for idempotency: header:<name>, query:<name> or body:<path>');
}
