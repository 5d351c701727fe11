/** `hookgate keys …`: create (the key printed once), ls, revoke. Needs an admin key or the admin token. */
import type { Command } from 'commander';
import type { ApiKeyView } from '../../schemas/api-key';
import type { CliContext } from '../context';
import { print, table } from '../output';

export function registerKeyCommands(program: Command, context: () => CliContext): void {
  const keys = program
    .command('keys')
    .description('API keys: read, emit, manage or admin scope')
    .addHelpText(
      'after',
      '\nExamples:\n  hookgate keys create --name dashboards --scope read --expires 90d\n  hookgate keys ls\n  hookgate keys revoke <id> --yes',
    );

  keys
    .command('create')
    .description('make a key; it is printed once and never shown again')
    .requiredOption('--name <name>', 'what the key is for, e.g. dashboards')
    .requiredOption('--scope <scope>', 'read | emit | manage | admin')
    .option('--expires <when>', 'a duration (90d, 12h) or an RFC 3339 time; default: never')
    .action(async (flags: { name: string; scope: string; expires?: string }) => {
      const { client, out } = context();
      const body = { name: flags.name, scope: flags.scope, ...(flags.expires && { expires: flags.expires }) };
      const made = await client.request<ApiKeyView & { key: string }>('POST', '/api/keys', body);
      print(
        out,
        made,
        () => `${made.key}\n(key "${made.name}", scope ${made.scope}, id ${made.id}: copy it now, it is not shown again)`,
      );
    });

  keys
    .command('ls')
    .description('list keys (never the keys themselves)')
    .action(async () => {
      const { client, out } = context();
      const list = await client.request<ApiKeyView[]>('GET', '/api/keys');
      print(out, list, () =>
        table(
          ['ID', 'NAME', 'SCOPE', 'KEY', 'EXPIRES', 'LAST USED'],
          list.map((k) => [k.id, k.name, k.scope, `${k.prefix}…`, k.expires ?? 'never', k.lastUsed ?? 'never']),
        ),
      );
    });

  keys
    .command('revoke <id>')
    .description('revoke a key: refused from the next request on')
    .option('-y, --yes', 'do not ask')
    .action(async (id: string, flags: { yes?: boolean }) => {
      const { client, out, confirm } = context();
      await confirm(`Revoke key ${id}?`, flags.yes);
      await client.request('DELETE', `/api/keys/${encodeURIComponent(id)}`);
      print(out, { revoked: id }, () => `revoked ${id}`);
    });
}
