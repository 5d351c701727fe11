/**
 * On every page: the reader's time zone in a cookie for the server, relative times kept current,
 * and copy buttons (`button[data-copy]`), with a fallback where the Clipboard API is unavailable.
 */
import { announce, closestTarget } from './common';

const ZONE_COOKIE = /(?:^|; )hookgate_tz=([^;]*)/;
const ONE_YEAR_S = 31_536_000;
const REFRESH_TIMES_MS = 30_000;

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000_000],
  ['month', 2_592_000_000],
  ['week', 604_800_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function relativeTime(ms: number): string {
  const diff = ms - Date.now();
  for (const [unit, unitMs] of UNITS) {
    if (Math.abs(diff) >= unitMs) return relative.format(Math.round(diff / unitMs), unit);
  }
  return relative.format(0, 'second');
}

/** Rewrites every `time[data-relative]` under `root` as "3 minutes ago" from its `datetime`. */
export function refreshTimes(root: ParentNode = document): void {
  root.querySelectorAll('time[data-relative]').forEach((el) => {
    const ms = Date.parse(el.getAttribute('datetime') ?? '');
    if (!Number.isNaN(ms)) el.textContent = relativeTime(ms);
  });
}

function rememberZone(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const cookieZone = ZONE_COOKIE.exec(document.cookie)?.[1];
  if (decodeURIComponent(cookieZone ?? '') !== zone) {
    // biome-ignore lint/suspicious/noDocumentCookie: one small write at load, which document.cookie does in every browser the UI supports.
    document.cookie = `hookgate_tz=${encodeURIComponent(zone)}; path=/ui; max-age=${ONE_YEAR_S}; SameSite=Strict`;
  }
}

/** Copies through a hidden textarea where the Clipboard API is missing (plain HTTP, older browsers). */
function copyWithTextarea(value: string, button: HTMLElement, done: () => void): void {
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
    done();
  } catch {
    announce('Could not copy');
  }
  area.remove();
  button.focus();
}

function onCopyClick(event: MouseEvent): void {
  const button = closestTarget(event, 'button[data-copy]');
  if (!button) return;
  const value = button.getAttribute('data-copy') ?? '';
  const done = (): void => {
    button.textContent = 'Copied';
    announce('Copied to the clipboard');
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(value).then(done, () => announce('Could not copy'));
  } else {
    copyWithTextarea(value, button, done);
  }
}

/** Starts what every page does. */
export function startPage(): void {
  rememberZone();
  setInterval(() => refreshTimes(), REFRESH_TIMES_MS);
  document.addEventListener('click', onCopyClick);
}
