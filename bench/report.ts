/** The benchmark table: req/s, events/s, latency, server memory, ratio to the baseline, events checked. */
import type { LoadResult } from './load';

export interface ScenarioResult extends LoadResult {
  name: string;
  description: string;
  eventsPerSecond: number;
  rss: { rssMb: number; peakMb: number };
  /** Events found in the store after the run, and the events the 2xx answers promised. */
  stored: number;
  expected: number;
  /** The server's CPU (user + system, all its threads and children) per request over the measured window, µs. */
  cpuMicrosPerRequest?: number;
}

/** CPU per event, µs: per request divided by the events a request makes. */
export function cpuPerEvent(r: ScenarioResult): number | undefined {
  if (r.cpuMicrosPerRequest === undefined || r.eventsPerSecond === 0) return undefined;
  return Math.round((r.cpuMicrosPerRequest * r.rps) / r.eventsPerSecond);
}

export function printTable(results: ScenarioResult[], baselineRps: number, run: { connections: number; seconds: number }): void {
  const rows = results.map((r) => [
    r.name,
    Math.round(r.rps).toLocaleString('en'),
    r.eventsPerSecond ? Math.round(r.eventsPerSecond).toLocaleString('en') : '—',
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.maxMs),
    `${r.rss.peakMb}`,
    (r.rps / baselineRps).toFixed(2),
    r.cpuMicrosPerRequest === undefined ? '—' : String(r.cpuMicrosPerRequest),
    String(cpuPerEvent(r) ?? '—'),
    r.name === 'baseline' ? '—' : r.stored >= r.expected ? `${r.stored} ✓` : `${r.stored} < ${r.expected}`,
    String(r.non2xx + r.errors),
  ]);
  const headers = [
    'scenario',
    'req/s',
    'events/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'RSS MB',
    'ratio',
    'CPU µs/req',
    'CPU µs/event',
    'stored',
    'non-2xx',
  ];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(
    `\n${run.connections} connections, ${run.seconds} s per scenario, load generator and server on this machine\n\n`,
  );
  process.stdout.write(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const r of results) process.stdout.write(`  ${r.name}: ${r.description}\n`);
}
