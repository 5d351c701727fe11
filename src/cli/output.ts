/** Output for people (aligned tables, short lines) or scripts (`--json`). */

export interface Output {
  json: boolean;
  write(text: string): void;
}

export function createOutput(json: boolean, write: (text: string) => void = (t) => process.stdout.write(t)): Output {
  return { json, write };
}

/** Prints `value` as JSON in `--json` mode, else `human()`'s text. */
export function print(out: Output, value: unknown, human: () => string): void {
  out.write(out.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** An aligned text table; long cells are cut with "…". */
export function table(headers: string[], rows: string[][], maxCell = 60): string {
  const cut = (cell: string) => (cell.length > maxCell ? `${cell.slice(0, maxCell - 1)}…` : cell);
  const cells = [headers, ...rows.map((row) => row.map(cut))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}

/** "3 min ago" for recent times, the date otherwise. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return iso.slice(0, 10);
}
