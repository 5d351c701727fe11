/** `hookgate sinks …`: where events are forwarded (Prefect, HTTP, CloudEvents), their status, dead letters and replays. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { print, table } from '../output';
import { resolveSinkId, type SinkSummary, sinkDetails } from '../sink-ref';

interface TargetFlags {
  kind?: string;
  endpoint?: string;
  apiKey?: string;
  authString?: string;
  signingSecret?: string;
  mode?: string;
  header?: string[];
}

interface SinkFlags extends TargetFlags {
  name?: string;
  prefix?: string[];
  batchSize?: string;
  enable?: boolean;
  disable?: boolean;
}

function headersFrom(list: string[] | undefined): Record<string, string> | undefined {
  if (!list?.length) return undefined;
  return Object.fromEntries(
    list.map((item) => {
      const at = item.indexOf(':');
      if (at < 1) throw new CliError(`--header ${item}: expected "Name: value"`);
      return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    }),
  );
}

function targetFrom(flags: TargetFlags): Record<string, unknown> | undefined {
  if (!flags.kind && !flags.endpoint) return undefined;
  if (!flags.kind || !flags.endpoint) throw new CliError('give both --kind and --endpoint');
  const headers = headersFrom(flags.header);
  return {
    kind: flags.kind,
    url: flags.endpoint,
    ...(flags.apiKey && { apiKey: flags.apiKey }),
    ...(flags.authString && { authString: flags.authString }),
    ...(flags.signingSecret && { signingSecret: flags.signingSecret }),
    ...(flags.mode && { mode: flags.mode }),
    ...(headers && { headers }),
  };
}

/** The API body for the flags (create or update). */
export function sinkBody(flags: SinkFlags): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (flags.name !== undefined) body.name = flags.name;
  const target = targetFrom(flags);
  if (target) body.target = target;
  if (flags.prefix?.length) body.filter = { event: { prefix: flags.prefix } };
  if (flags.batchSize !== undefined) body.batchSize = Number(flags.batchSize);
  if (flags.enable && flags.disable) throw new CliError('choose --enable or --disable');
  if (flags.enable) body.enabled = true;
  if (flags.disable) body.enabled = false;
  return body;
}

const example = (lines: string) => `\nExample:\n  ${lines}`;

function targetOptions(command: Command): Command {
  return command
    .option('--kind <kind>', 'prefect, http or cloudevents')
    .option('--endpoint <url>', 'prefect: the PREFECT_API_URL; http/cloudevents: the URL to POST to')
    .option('--api-key <key>', 'prefect: a Prefect Cloud API key (Bearer)')
    .option('--auth-string <user:pass>', 'prefect: a server auth string (Basic)')
    .option('--signing-secret <whsec_…>', 'http: sign with Standard Webhooks')
    .option('--mode <mode>', 'cloudevents: binary (default), structured or batch')
    .option('--header <name: value>', 'an extra header (repeat)', (v, all: string[]) => [...all, v], [])
    .option('--prefix <event.prefix>', 'forward only events whose name starts so (repeat)', (v, all: string[]) => [...all, v], [])
    .option('--batch-size <n>', 'events per request (1–500)');
}

export function registerSinkCommands(program: Command, context: () => CliContext): void {
  const sinks = program
    .command('sinks')
    .description('forward events to Prefect, an HTTP endpoint or a CloudEvents receiver')
    .addHelpText(
      'after',
      example(
        'hookgate sinks create cloud --kind prefect --endpoint "$PREFECT_API_URL" --api-key "$PREFECT_API_KEY"\n  hookgate sinks ls',
      ),
    );

  targetOptions(sinks.command('create <name>'))
    .description('create a sink; every event stored from now on is forwarded to it')
    .option('--disable', 'create it disabled')
    .addHelpText('after', example('hookgate sinks create audit --kind http --endpoint https://example.com/in --prefix github.'))
    .action(async (name: string, flags: SinkFlags) => {
      const { client, out } = context();
      const body = sinkBody({ ...flags, name });
      if (!body.target) throw new CliError('say where to: --kind and --endpoint');
      const created = await client.request<SinkSummary>('POST', '/api/sinks', body);
      print(out, created, () => `Created sink ${created.id}.\n${sinkDetails(created)}`);
    });

  sinks
    .command('ls')
    .description('list sinks with their status')
    .addHelpText('after', example('hookgate sinks ls --json'))
    .action(async () => {
      const { client, out } = context();
      const all = await client.request<SinkSummary[]>('GET', '/api/sinks');
      print(out, all, () =>
        all.length === 0
          ? 'No sinks yet: hookgate sinks create <name> --kind prefect --endpoint URL'
          : table(
              ['ID', 'NAME', 'KIND', 'STATE', 'DELIVERED', 'PENDING', 'LAG', 'DEAD', 'URL'],
              all.map((s) => [
                s.id.slice(0, 8),
                s.name,
                s.target.kind,
                s.enabled ? s.status.state : 'disabled',
                String(s.status.delivered),
                String(s.status.pending),
                `${s.status.lagSeconds.toFixed(1)} s`,
                String(s.status.deadLetters),
                s.target.url,
              ]),
              80,
            ),
      );
    });

  sinks
    .command('get <sink>')
    .description('show a sink and its status (id, id prefix or name)')
    .addHelpText('after', example('hookgate sinks get prefect'))
    .action(async (ref: string) => {
      const { client, out } = context();
      const sink = await client.request<SinkSummary>('GET', `/api/sinks/${await resolveSinkId(client, ref)}`);
      print(out, sink, () => sinkDetails(sink));
    });

  targetOptions(sinks.command('update <sink>'))
    .description('change a sink; secrets you leave out are kept')
    .option('--name <name>', 'a new name')
    .option('--enable', 'enable it')
    .option('--disable', 'disable it (events stored meanwhile are not queued for it)')
    .addHelpText('after', example('hookgate sinks update prefect --disable'))
    .action(async (ref: string, flags: SinkFlags) => {
      const { client, out } = context();
      const body = sinkBody(flags);
      if (Object.keys(body).length === 0) throw new CliError('nothing to change');
      const sink = await client.request<SinkSummary>('PATCH', `/api/sinks/${await resolveSinkId(client, ref)}`, body);
      print(out, sink, () => `Updated.\n${sinkDetails(sink)}`);
    });

  sinks
    .command('delete <sink>')
    .description('delete a sink with its pending events and dead letters')
    .option('--yes', 'do not ask')
    .addHelpText('after', example('hookgate sinks delete audit --yes'))
    .action(async (ref: string, flags: { yes?: boolean }) => {
      const { client, out, confirm } = context();
      const id = await resolveSinkId(client, ref);
      await confirm(`Delete sink ${ref} and the events still waiting for it?`, flags.yes);
      await client.request('DELETE', `/api/sinks/${id}`);
      print(out, { deleted: id }, () => `Deleted sink ${id}.`);
    });

  sinks
    .command('dead-letters <sink>')
    .description('events the sink rejected, with its answer')
    .option('--limit <n>', 'how many (≤ 500)', '100')
    .addHelpText('after', example('hookgate sinks dead-letters prefect'))
    .action(async (ref: string, flags: { limit: string }) => {
      const { client, out } = context();
      const id = await resolveSinkId(client, ref);
      type Letter = { eventId: string; reason: string; status: number | null; excerpt: string; created: string };
      const { deadLetters } = await client.request<{ deadLetters: Letter[] }>(
        'GET',
        `/api/sinks/${id}/dead-letters?limit=${Number(flags.limit)}`,
      );
      print(out, deadLetters, () =>
        deadLetters.length === 0
          ? 'No dead letters.'
          : table(
              ['EVENT', 'STATUS', 'REASON', 'ANSWER'],
              deadLetters.map((d) => [d.eventId, String(d.status ?? '-'), d.reason, d.excerpt.replace(/\s+/g, ' ')]),
            ),
      );
    });

  sinks
    .command('retry <sink> [eventIds...]')
    .description('send dead letters again (all, or those event ids)')
    .addHelpText('after', example('hookgate sinks retry prefect'))
    .action(async (ref: string, ids: string[]) => {
      const { client, out } = context();
      const id = await resolveSinkId(client, ref);
      const result = await client.request<{ retried: number }>(
        'POST',
        `/api/sinks/${id}/dead-letters/retry`,
        ids.length ? { ids } : {},
      );
      print(out, result, () => `${result.retried} dead letters queued again.`);
    });

  sinks
    .command('replay <sink>')
    .description('send again every event received since a time (the receiver deduplicates by id)')
    .requiredOption('--since <time>', 'ISO 8601, e.g. 2026-12-01T00:00:00Z')
    .addHelpText('after', example('hookgate sinks replay prefect --since 2026-12-01T00:00:00Z'))
    .action(async (ref: string, flags: { since: string }) => {
      const { client, out } = context();
      const id = await resolveSinkId(client, ref);
      const result = await client.request<{ queued: number }>('POST', `/api/sinks/${id}/replay`, { since: flags.since });
      print(out, result, () => `${result.queued} events queued.`);
    });

  sinks
    .command('test <sink>')
    .description('send one synthetic event now and show the answer')
    .addHelpText('after', example('hookgate sinks test prefect'))
    .action(async (ref: string) => {
      const { client, out } = context();
      const id = await resolveSinkId(client, ref);
      const result = await client.request<{ ok: boolean; status: number | null; answer: string }>(
        'POST',
        `/api/sinks/${id}/test`,
      );
      print(out, result, () => `${result.ok ? 'OK' : 'Failed'}: ${result.status ?? 'no answer'} ${result.answer}`.trim());
      if (!result.ok) throw new CliError('the sink did not take the test event');
    });
}
