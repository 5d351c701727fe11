/**
 * The bundled preset catalog (built from `templates/` by `npm run build:presets`), parsed once on
 * first use: it is a boundary like any other.
 */
import data from './catalog.generated.json';
import { type Preset, PresetCatalog } from './preset';

let catalog: readonly Preset[] | undefined;

export function presetCatalog(): readonly Preset[] {
  catalog ??= PresetCatalog.parse(data);
  return catalog;
}

export function findPreset(name: string): Preset | undefined {
  return presetCatalog().find((preset) => preset.name === name);
}

export function presetNames(): string[] {
  return presetCatalog().map((preset) => preset.name);
}
