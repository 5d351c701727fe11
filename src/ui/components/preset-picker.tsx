/**
 * The preset picker of the new-webhook page: every provider preset with its scheme and one-line
 * setup hint, and a filter box (client-presets.ts) that narrows this list and the "Start from"
 * choices as you type. Without scripts the full list still shows and the select still works.
 */
import type { Preset } from '../../core/presets/preset';
import { presetListing, searchText } from '../../core/presets/search';

export function PresetPicker({ presets }: { presets: readonly Preset[] }) {
  return (
    <div class="preset-picker" id="preset-picker">
      <label for="preset-filter">Find a provider</label>
      <input
        id="preset-filter"
        type="search"
        placeholder={`Filter ${presets.length} presets: name, scheme, words…`}
        autocomplete="off"
        aria-controls="preset-list"
      />
      <p class="hint" id="preset-count" aria-live="polite">{`${presets.length} presets`}</p>
      <ul class="preset-list" id="preset-list">
        {presets.map(presetListing).map((listing) => (
          <li data-preset={`preset:${listing.name}`} data-search={searchText(listing)}>
            <button type="button" class="link" data-choose={`preset:${listing.name}`}>
              {listing.title}
            </button>{' '}
            <code>{listing.name}</code> <span class="hint">{listing.scheme}</span>
            {listing.setup && <div class="hint setup">{listing.setup}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
