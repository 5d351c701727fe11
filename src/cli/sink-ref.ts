/** Sinks named on the command line by id, id prefix or exact name, and their summary lines. */
import type { Client } from './client';
import { CliError } from './errors';

export interface SinkSummary {
  id: string;
  name: string;
  enabled: boolean;
  origin: string;
  target: { kind: string; url: string; [key: string]: unknown };
  status: {
    state: string;
    delivered: number;
    pending: number;
    lagSeconds: number;
    deadLetters: number;
    lastStatus: number | null;
    lastError: string | null;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveSinkId(client: Client, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref.toLowerCase();
  const all = await client.request<SinkSummary[]>('GET', '/api/sinks');
  const matches = all.filter((s) => s.name === ref || s.id.startsWith(ref.toLowerCase()));
  const exact = matches.find((s) => s.name === ref);
  if (exact) return exact.id;
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length === 0) throw new CliError(`sink ${ref} not found`);
  throw new CliError(`"${ref}" matches ${matches.length} sinks; give more of the id`);
}

/** `12 pending, lag 3.2 s` and the like. */
export function sinkLine(sink: SinkSummary): string {
  const s = sink.status;
  const lag = s.pending > 0 ? `, lag ${s.lagSeconds.toFixed(1)} s` : '';
  return `${s.state}: ${s.delivered} delivered, ${s.pending} pending${lag}, ${s.deadLetters} dead letters`;
}

export function sinkDetails(sink: SinkSummary): string {
  const s = sink.status;
  return [
    `id:       ${sink.id}`,
    `name:     ${sink.name}${sink.origin === 'env' ? ' (from the environment)' : ''}`,
    `enabled:  ${sink.enabled ? 'yes' : 'no'}`,
    `target:   ${sink.target.kind} ${sink.target.url}`,
    `status:   ${sinkLine(sink)}`,
    ...(s.lastError ? [`error:    ${s.lastStatus ?? '-'} ${s.lastError}`] : []),
  ].join('\n');
}
