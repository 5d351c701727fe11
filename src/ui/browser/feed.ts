/**
 * The feed: "load more" appends the next page (through `next_page`), live mode polls for events
 * newer than the newest shown every 2 s while the tab is visible, for at most an hour, and refreshes
 * the histogram. Rows are HTML rendered by the server.
 */
import { announce, closestTarget, getJson, parse } from './common';
import { keepFreshRows, mergeDays } from './feed-merge';

const POLL_MS = 2000;
const MAX_LIVE_MS = 3_600_000;
const MAX_LIVE_ROWS = 1000;

/** The answer of the feed's "more" route. */
interface MorePage {
  html: string;
  count: number;
  moreUrl: string | null;
  pageUrl: string | null;
}

/** The answer of the feed's live route. */
interface LiveUpdate {
  html: string;
  count: number;
  cursor?: string;
  histogram?: string;
  totalText?: string;
}

function startLoadMore(feed: HTMLElement, list: HTMLElement): void {
  feed.addEventListener('click', (event) => {
    const link = closestTarget(event, 'a[data-more-url]');
    if (!link) return;
    event.preventDefault();
    link.setAttribute('aria-busy', 'true');
    getJson<MorePage>(link.getAttribute('data-more-url') ?? '').then(
      (page) => {
        mergeDays(list, parse(page.html), false);
        announce(`${page.count} more events loaded`);
        if (page.moreUrl) {
          link.setAttribute('data-more-url', page.moreUrl);
          link.setAttribute('href', page.pageUrl ?? '');
          link.removeAttribute('aria-busy');
        } else {
          link.parentElement?.remove();
        }
      },
      () => {
        link.removeAttribute('aria-busy');
        announce('Could not load more events');
      },
    );
  });
}

function setLiveInUrl(live: boolean): void {
  const url = new URL(window.location.href);
  if (live) url.searchParams.set('live', '1');
  else url.searchParams.delete('live');
  history.replaceState(null, '', url.pathname + url.search);
}

function startLive(feed: HTMLElement, list: HTMLElement, toggle: HTMLInputElement): void {
  const status = document.getElementById('live-status');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = 0;
  let added = 0;
  // Arrival order: the server hands out a cursor and each answer the next one.
  let cursor = feed.getAttribute('data-live-cursor') || '';

  const setStatus = (text: string): void => {
    if (status) status.textContent = text;
  };

  const schedule = (delay?: number): void => {
    if (toggle.checked && timer === null) timer = setTimeout(poll, delay || POLL_MS);
  };

  const show = (update: LiveUpdate): void => {
    cursor = update.cursor || cursor;
    if (update.count > 0) {
      const fragment = parse(update.html);
      const fresh = keepFreshRows(list, fragment);
      if (fresh > 0) {
        mergeDays(list, fragment, true);
        added += fresh;
        announce(fresh === 1 ? '1 new event' : `${fresh} new events`);
      }
    }
    const histogram = document.getElementById('histogram');
    if (histogram && update.histogram) histogram.replaceWith(parse(update.histogram));
    const total = document.getElementById('total');
    if (total && update.totalText) total.textContent = update.totalText;
  };

  function poll(): void {
    timer = null;
    if (!toggle.checked) return;
    if (Date.now() - started > MAX_LIVE_MS || added > MAX_LIVE_ROWS) {
      stop('Live mode paused after an hour; switch it on again to go on.');
      return;
    }
    if (document.hidden) {
      schedule();
      return;
    }
    const url = `${feed.getAttribute('data-live-url')}&cursor=${encodeURIComponent(cursor)}`;
    getJson<LiveUpdate>(url).then(
      (update) => {
        show(update);
        schedule();
      },
      () => schedule(POLL_MS * 3),
    );
  }

  function start(): void {
    started = Date.now();
    added = 0;
    setStatus('Live: new events appear as they arrive.');
    setLiveInUrl(true);
    schedule(10);
  }

  function stop(message?: string): void {
    toggle.checked = false;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    setStatus(message || 'Live mode is off.');
    setLiveInUrl(false);
  }

  toggle.disabled = false;
  toggle.addEventListener('change', () => (toggle.checked ? start() : stop()));
  if (toggle.checked) start();
}

/** Starts the feed's scripts on a page with a `[data-feed]`. */
export function startFeed(): void {
  const feed = document.querySelector<HTMLElement>('[data-feed]');
  const list = feed?.querySelector<HTMLElement>('[data-event-list]');
  if (!feed || !list) return;
  startLoadMore(feed, list);
  const toggle = document.getElementById('live-toggle');
  if (toggle instanceof HTMLInputElement) startLive(feed, list, toggle);
}
