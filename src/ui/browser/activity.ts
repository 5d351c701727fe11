/**
 * A webhook page's activity in live mode: every 2 s while the tab is visible (for at most an
 * hour) the chart, totals and newest log page are fetched again as server-rendered HTML and put in
 * place when something arrived (so an opened list of headers stays open otherwise), and a refused
 * request shows up without a reload.
 */
import { announce, getJson, parse } from './common';
import { refreshTimes } from './page';

const POLL_MS = 2000;
const MAX_LIVE_MS = 3_600_000;

/** The answer of the activity route. */
interface ActivityUpdate {
  html: string;
  /** Changes when anything arrived (the newest record, the chart's total). */
  version: string;
}

function startLive(toggle: HTMLInputElement): void {
  const status = document.getElementById('activity-live-status');
  const url = toggle.getAttribute('data-live-url') ?? '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = 0;
  let version: string | undefined;

  const setStatus = (text: string): void => {
    if (status) status.textContent = text;
  };

  const schedule = (delay = POLL_MS): void => {
    if (toggle.checked && timer === null) timer = setTimeout(poll, delay);
  };

  const show = (update: ActivityUpdate): void => {
    const current = document.getElementById('activity-live');
    if (!current || update.version === version) return;
    const fresh = parse(update.html);
    refreshTimes(fresh);
    current.replaceWith(fresh);
    if (version !== undefined) announce('New requests in the delivery log');
    version = update.version;
  };

  function poll(): void {
    timer = null;
    if (!toggle.checked) return;
    if (Date.now() - started > MAX_LIVE_MS) {
      stop('Live mode paused after an hour; switch it on again to go on.');
      return;
    }
    if (document.hidden) {
      schedule();
      return;
    }
    getJson<ActivityUpdate>(url).then(
      (update) => {
        show(update);
        schedule();
      },
      () => schedule(POLL_MS * 3),
    );
  }

  function stop(message?: string): void {
    toggle.checked = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    setStatus(message || 'Live mode is off.');
  }

  toggle.disabled = false;
  toggle.addEventListener('change', () => {
    if (!toggle.checked) {
      stop();
      return;
    }
    started = Date.now();
    setStatus('Live: new requests appear as they arrive.');
    schedule(10);
  });
}

/** Starts live mode's switch on a webhook page with an activity panel. */
export function startActivity(): void {
  const toggle = document.getElementById('activity-live-toggle');
  if (toggle instanceof HTMLInputElement) startLive(toggle);
}
