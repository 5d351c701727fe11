/**
 * Finding a preset by what a user types: every word must appear (case-insensitively) in its name,
 * title, description, scheme or setup hint; names that start with the text come first. Used by
 * `hookgate presets [search]`, the "unknown preset" error and the UI's picker (server-rendered list).
 */
import type { Preset } from './preset';

/** What the picker and `hookgate presets` show of a preset. */
export interface PresetListing {
  name: string;
  title: string;
  scheme: string;
  setup: string;
  description: string;
}

export function presetListing(preset: Preset): PresetListing {
  return {
    name: preset.name,
    title: preset.title,
    scheme: preset.verify.scheme,
    setup: preset.setup ?? '',
    description: preset.description,
  };
}

/** The text a search looks in, lower-cased (the UI's filter box matches the same text). */
export function searchText(listing: PresetListing): string {
  return [listing.name, listing.title, listing.scheme, listing.description, listing.setup].join(' ').toLowerCase();
}

/** The presets matching every word of `query` (all when it is blank), best first, then by name. */
export function searchPresets(presets: readonly Preset[], query = ''): PresetListing[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  return presets
    .map(presetListing)
    .filter((listing) => words.every((word) => searchText(listing).includes(word)))
    .sort((a, b) => {
      const rank = (l: PresetListing) => (l.name === first ? 0 : l.name.startsWith(first) ? 1 : 2);
      return rank(a) - rank(b) || a.name.localeCompare(b.name);
    });
}
