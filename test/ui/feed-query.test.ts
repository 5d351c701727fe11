/** Feed filters in the URL: lenient parsing, shareable query strings, windows in the reader's zone. */
import { describe, expect, it } from 'vitest';
import { feedFilter, feedSearch, feedWindow, parseFeedQuery } from '../../src/ui/feed-query';
import { dayKey, exactTime, fromLocalInput, localInputValue, relativeTime } from '../../src/ui/zone';

const NOW = Date.UTC(2026, 2, 29, 12, 0, 0);

describe('feed queries', () => {
  it('falls back to defaults for values it cannot use', () => {
    const query = parseFeedQuery({ range: 'fortnight', event_match: 'regex', live: 'yes', q: 'x'.repeat(500) });
    expect(query).toMatchObject({ range: 'day', event_match: 'prefix', live: '', q: '' });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const query = parseFeedQuery({ event: 'github.', related: 'github.user.octocat', range: 'week' });
    const search = feedSearch(query);
    expect(search).toBe('?event=github.&related=github.user.octocat&range=week');
    expect(parseFeedQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
    expect(feedSearch(parseFeedQuery({}))).toBe('');
    expect(feedSearch(query, { related: '' })).toBe('?event=github.&range=week');
  });

  it('builds the events API filter: prefix or name, id or prefix, related, text, window', () => {
    const query = parseFeedQuery({ event: 'github.push', event_match: 'name', resource: 'github.repository.', q: 'hello' });
    const filter = feedFilter(query, feedWindow(query, NOW, 'UTC'), NOW);
    expect(filter).toMatchObject({
      occurred: { since: '2026-03-28T12:00:00Z', until: '2026-03-29T12:00:00Z' },
      event: { name: ['github.push'] },
      resource: { id_prefix: ['github.repository.'] },
      text: { query: 'hello' },
      order: 'DESC',
    });
    const related = parseFeedQuery({ related: 'github.user.octocat', range: 'hour' });
    expect(feedFilter(related, feedWindow(related, NOW, 'UTC'), NOW)).toMatchObject({
      occurred: { since: '2026-03-29T11:00:00Z' },
      related: { id: ['github.user.octocat'] },
    });
  });

  it('reads a custom range in the reader\u2019s zone, and says when it cannot', () => {
    const query = parseFeedQuery({ range: 'custom', since: '2026-03-29T08:00', until: '2026-03-29T10:30' });
    const window = feedWindow(query, NOW, 'Europe/Berlin');
    // 29 March 2026 is the first day of summer time in Berlin (UTC+2).
    expect(new Date(window.sinceMs).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(new Date(window.untilMs).toISOString()).toBe('2026-03-29T08:30:00.000Z');
    const backwards = feedWindow(
      parseFeedQuery({ range: 'custom', since: '2026-03-29T10:00', until: '2026-03-29T09:00' }),
      NOW,
      'UTC',
    );
    expect(backwards.problem).toMatch(/start before its end/);
    expect(backwards.untilMs - backwards.sinceMs).toBe(86_400_000);
  });
});

describe('times in the reader\u2019s zone', () => {
  it('groups by the local day and shows exact and relative times', () => {
    const lateEvening = Date.UTC(2026, 10, 27, 23, 30);
    expect(dayKey(lateEvening, 'UTC')).toBe('2026-11-27');
    expect(dayKey(lateEvening, 'Europe/Berlin')).toBe('2026-11-28');
    expect(exactTime(lateEvening + 47, 'Europe/Berlin')).toBe('2026-11-28 00:30:00.047 (Europe/Berlin)');
    expect(relativeTime(NOW - 3 * 60_000, NOW)).toBe('3 minutes ago');
    expect(relativeTime(NOW, NOW)).toBe('now');
  });

  it('turns datetime-local values into instants and back', () => {
    const instant = fromLocalInput('2026-11-27T09:15', 'America/New_York');
    expect(new Date(instant ?? 0).toISOString()).toBe('2026-11-27T14:15:00.000Z');
    expect(localInputValue(instant ?? 0, 'America/New_York')).toBe('2026-11-27T09:15');
    expect(fromLocalInput('yesterday', 'UTC')).toBeUndefined();
  });
});
