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
  /** With several rounds: each round's CPU per request (the row is the median round). */
  cpuRounds?: number[];
}

/** The bare-Hono rows of a run (`baseline`, `baseline-github`). */
export function isBaseline(r: { name: string }): boolean {
  return r.name.startsWith('baseline');
}

/** CPU per event, µs: per request divided by the events a request makes. */
export function cpuPerEvent(r: ScenarioResult): number | undefined {
  if (r.cpuMicrosPerRequest === undefined || r.eventsPerSecond === 0) return undefined;
  return Math.round((r.cpuMicrosPerRequest * r.rps) / r.eventsPerSecond);
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
function printColumns(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
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
    isBaseline(r) ? '—' : r.stored >= r.expected ? `${r.stored} ✓` : `${r.stored} < ${r.expected}`,
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
  process.stdout.write(
    `\n${run.connections} connections, ${run.seconds} s per scenario, load generator and server on this machine\n\n`,
  );
  printColumns(headers, rows);
  for (const r of results) process.stdout.write(`  ${r.name}: ${r.description}\n`);
}

/** One scenario in results.json; ratios against the baseline row of the same run. */
export function scenarioJson(
  r: ScenarioResult,
  baseline: ScenarioResult | undefined,
  sameRequest?: ScenarioResult,
): Record<string, unknown> {
  const baselineCpu = baseline?.cpuMicrosPerRequest;
  const sameRequestCpu = sameRequest?.cpuMicrosPerRequest;
  return {
    name: r.name,
    rps: Math.round(r.rps),
    events_per_s: Math.round(r.eventsPerSecond),
    p50_ms: r.p50Ms,
    p99_ms: r.p99Ms,
    rss_mb: r.rss.peakMb,
    ratio: baseline ? Number((r.rps / baseline.rps).toFixed(2)) : null,
    cpu_us_per_request: r.cpuMicrosPerRequest ?? null,
    cpu_us_per_event: cpuPerEvent(r) ?? null,
    ...(r.cpuRounds && r.cpuRounds.length > 1 && { cpu_us_per_request_rounds: r.cpuRounds }),
    cpu_ratio_to_baseline: r.cpuMicrosPerRequest && baselineCpu ? Number((r.cpuMicrosPerRequest / baselineCpu).toFixed(2)) : null,
    ...(sameRequest && {
      cpu_ratio_to_bare_hono_same_request:
        r.cpuMicrosPerRequest && sameRequestCpu ? Number((r.cpuMicrosPerRequest / sameRequestCpu).toFixed(2)) : null,
    }),
  };
}

/** CPU per request, and each round's when there were several (`252 (235/252/300)`). */
function cpuCell(r: ScenarioResult | undefined): string {
  if (r?.cpuMicrosPerRequest === undefined) return '—';
  const rounds = r.cpuRounds && r.cpuRounds.length > 1 ? ` (${r.cpuRounds.join('/')})` : '';
  return `${r.cpuMicrosPerRequest}${rounds}`;
}

/** Each scenario on the code at `commit` and on this working tree, measured one right after the other. */
export function printBeforeAfter(commit: string, before: ScenarioResult[], after: ScenarioResult[]): void {
  const headers = [
    'scenario',
    `CPU µs/req ${commit}`,
    'CPU µs/req now',
    'change',
    `req/s ${commit}`,
    'req/s now',
    `p99 ms ${commit}`,
    'p99 ms now',
  ];
  const rows = after
    .filter((r) => !isBaseline(r))
    .map((now) => {
      const then = before.find((r) => r.name === now.name);
      const change =
        then?.cpuMicrosPerRequest && now.cpuMicrosPerRequest
          ? `${Math.round((now.cpuMicrosPerRequest / then.cpuMicrosPerRequest - 1) * 100)} %`
          : '—';
      return [
        now.name,
        cpuCell(then),
        cpuCell(now),
        change,
        then ? Math.round(then.rps).toLocaleString('en') : '—',
        Math.round(now.rps).toLocaleString('en'),
        String(then?.p99Ms ?? '—'),
        String(now.p99Ms),
      ];
    });
  process.stdout.write(
    `\nBefore (${commit}) and now, each scenario measured on both, back to back; CPU of the median round (every round's)\n\n`,
  );
  printColumns(headers, rows);
}
