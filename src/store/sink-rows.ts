/** Sinks as table rows, shared by the drivers: what is written, and rows parsed again on the way back. */
import { formatTimestamp, timestampMicros } from '../lib/time';
import { Sink } from '../schemas/sink';

export interface SinkRow {
  id: string;
  name: string;
  enabled: number;
  origin: string;
  config: string;
  created: number;
  updated: number;
}

export function toSinkRow(sink: Sink): SinkRow {
  const { id, name, enabled, origin, target, filter, batchSize, created, updated } = sink;
  return {
    id,
    name,
    enabled: enabled ? 1 : 0,
    origin,
    config: JSON.stringify({ target, filter, batchSize }),
    created: timestampMicros(created),
    updated: timestampMicros(updated),
  };
}

export function sinkRowParams(row: SinkRow): unknown[] {
  return [row.id, row.name, row.enabled, row.origin, row.config, row.created, row.updated];
}

export function fromSinkRow(row: SinkRow): Sink {
  const config = JSON.parse(row.config) as { target: unknown; filter: unknown; batchSize: unknown };
  return Sink.parse({
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    origin: row.origin,
    target: config.target,
    filter: config.filter ?? null,
    batchSize: config.batchSize,
    created: formatTimestamp(row.created),
    updated: formatTimestamp(row.updated),
  });
}
