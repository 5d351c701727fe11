/**
 * The preset list for `hookgate presets [search]` and the "unknown preset" error of `webhooks create`:
 * the bundled catalog (offline), searched, with the one-line setup hint of each preset.
 */
import { presetCatalog } from '../core/presets/catalog';
import { type PresetListing, searchPresets } from '../core/presets/search';
import type { CliContext } from './context';
import { CliError } from './errors';
import { print, table } from './output';

/** Edits (insert, delete, replace) from `a` to `b`, for "did you mean" on typos. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** For errors: every preset name, and the ones close to what was typed. */
export function unknownPresetMessage(name: string): string {
  const typed = name.toLowerCase().slice(0, 64);
  const similar = presetCatalog()
    .map((preset) => preset.name)
    .filter((candidate) => editDistance(typed, candidate) <= 2);
  const matching = searchPresets(presetCatalog(), typed.replace(/[-_.]+/g, ' ')).map((listing) => listing.name);
  const close = [...new Set([...similar, ...matching])];
  const names = presetCatalog().map((preset) => preset.name);
  const hint = close.length > 0 && close.length < names.length ? `did you mean ${close.slice(0, 5).join(', ')}? ` : '';
  return `unknown preset "${name}"; ${hint}choose one of: ${names.join(', ')} (hookgate presets <search> shows them with setup hints)`;
}

/** Throws a CliError that lists the choices when `name` is not a preset. */
export function requireKnownPreset(name: string): void {
  if (!presetCatalog().some((preset) => preset.name === name)) throw new CliError(unknownPresetMessage(name));
}

function listing(rows: PresetListing[]): string {
  if (rows.length === 0) return 'no preset matches';
  return table(
    ['NAME', 'TITLE', 'SCHEME', 'SETUP'],
    rows.map((row) => [row.name, row.title, row.scheme, row.setup]),
    400,
  );
}

/** Prints the presets matching `query` (all when blank). */
export function listPresets(query: string, context: CliContext): void {
  const rows = searchPresets(presetCatalog(), query);
  print(context.out, rows, () => listing(rows));
}
