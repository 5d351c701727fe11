/**
 * Bundles the provider presets in `templates/<provider>/` (preset.json + template) into
 * `src/core/presets/catalog.generated.json`, which the code imports: Workers have no filesystem.
 * Adding a provider = a folder in `templates/` + `npm run build:presets`; a test fails while the
 * bundled catalog differs from `templates/`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPreset, type Preset } from '../src/core/presets/preset';

export const TEMPLATES_DIR = new URL('../templates/', import.meta.url);
export const CATALOG_FILE = new URL('../src/core/presets/catalog.generated.json', import.meta.url);

/** Every preset folder, by name, validated and with its template inlined. */
export function readPresets(dir: URL = TEMPLATES_DIR): Preset[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = new URL(`${name}/`, dir);
      const file: unknown = JSON.parse(readFileSync(new URL('preset.json', folder), 'utf8'));
      return buildPreset(name, file, (fileName) => readFileSync(new URL(fileName, folder), 'utf8'));
    });
}

function main(): void {
  const presets = readPresets();
  const file = fileURLToPath(CATALOG_FILE);
  writeFileSync(file, `${JSON.stringify(presets, null, 2)}\n`);
  // Formatted as `npm run lint` expects, so the generated file never fails the lint.
  execFileSync('npx', ['biome', 'format', '--write', file], { stdio: 'ignore' });
  process.stdout.write(`build-presets: ${presets.length} presets → ${file}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
