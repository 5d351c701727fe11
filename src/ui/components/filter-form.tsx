/**
 * The feed's filters: a GET form, so the URL always reflects the view and can be shared.
 * Every field has a visible label; the custom range shows when chosen (CSS `:has`, no script needed).
 */
import type { FeedQuery } from '../feed-query';

function Select({ name, value, label, options }: { name: string; value: string; label: string; options: [string, string][] }) {
  return (
    <select name={name} id={`filter-${name}`} aria-label={label}>
      {options.map(([option, text]) => (
        <option value={option} selected={option === value}>
          {text}
        </option>
      ))}
    </select>
  );
}

export function FilterForm({ query, sinceValue, untilValue }: { query: FeedQuery; sinceValue: string; untilValue: string }) {
  return (
    <form class="filters" method="get" action="/ui/events" aria-label="Filter events">
      <div class="field wide">
        <label for="filter-event">Event</label>
        <div class="combo">
          <Select
            name="event_match"
            value={query.event_match}
            label="How the event name matches"
            options={[
              ['prefix', 'starts with'],
              ['name', 'is'],
            ]}
          />
          <input id="filter-event" name="event" value={query.event} placeholder="github.pull_request." autocomplete="off" />
        </div>
      </div>
      <div class="field wide">
        <label for="filter-resource">Resource</label>
        <div class="combo">
          <Select
            name="resource_match"
            value={query.resource_match}
            label="How the resource id matches"
            options={[
              ['prefix', 'starts with'],
              ['id', 'is'],
            ]}
          />
          <input
            id="filter-resource"
            name="resource"
            value={query.resource}
            placeholder="github.repository."
            autocomplete="off"
          />
        </div>
      </div>
      <div class="field">
        <label for="filter-related">Related resource id</label>
        <input id="filter-related" name="related" value={query.related} autocomplete="off" />
      </div>
      <div class="field">
        <label for="filter-q">Text</label>
        <input id="filter-q" name="q" type="search" value={query.q} placeholder="words, -excluded, &quot;a phrase&quot;" />
      </div>
      <div class="field">
        <label for="filter-range">Time</label>
        <Select
          name="range"
          value={query.range}
          label="Time range"
          options={[
            ['hour', 'Last hour'],
            ['day', 'Last day'],
            ['week', 'Last week'],
            ['custom', 'Custom…'],
          ]}
        />
      </div>
      <fieldset class="custom-range">
        <legend>Custom range</legend>
        <label for="filter-since">From</label>
        <input id="filter-since" name="since" type="datetime-local" value={sinceValue} />
        <label for="filter-until">To</label>
        <input id="filter-until" name="until" type="datetime-local" value={untilValue} />
      </fieldset>
      {query.live && <input type="hidden" name="live" value="1" />}
      <div class="actions">
        <button type="submit">Apply filters</button>
        <a href="/ui/events">Clear</a>
      </div>
    </form>
  );
}
