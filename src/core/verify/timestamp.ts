/**
 * Replay protection for timestamped schemes: the signed time must be within the tolerance of the
 * time the request arrived, either way (DESIGN §5: ±300 s by default). Senders write it as Unix
 * seconds (Slack, Stripe), Unix milliseconds (Webflow, HubSpot, Sanity) or RFC 3339 text (Zendesk,
 * Twitch — with nanoseconds).
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @see https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message
 */
import { VerifyError } from '../../lib/errors';
import { parseTimestamp } from '../../lib/time';
import type { TimestampFormat } from '../../schemas/verify';

const FORMAT_NAMES: Record<TimestampFormat, string> = {
  unix: 'a Unix time in whole seconds',
  'unix-ms': 'a Unix time in whole milliseconds',
  rfc3339: 'an RFC 3339 timestamp',
};

/** Seconds since the epoch that `text` stands for in `format`, or `undefined` when it is not in that format. */
export function timestampSeconds(text: string, format: TimestampFormat): number | undefined {
  const trimmed = text.trim();
  if (format === 'unix') return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : undefined;
  if (format === 'unix-ms') return /^\d{1,18}$/.test(trimmed) ? Number(trimmed) / 1000 : undefined;
  const micros = parseTimestamp(trimmed);
  return micros === undefined ? undefined : micros / 1e6;
}

/** Checks `text` (the signed timestamp from `source`) against `receivedAtMs`; throws `timestamp-out-of-tolerance`. */
export function checkTimestamp(
  text: string,
  source: string,
  receivedAtMs: number,
  toleranceSeconds: number,
  format: TimestampFormat = 'unix',
): void {
  const seconds = timestampSeconds(text, format);
  if (seconds === undefined) throw new VerifyError('timestamp-out-of-tolerance', `${source} is not ${FORMAT_NAMES[format]}`);
  const skew = seconds - receivedAtMs / 1000;
  if (Math.abs(skew) > toleranceSeconds) {
    const direction = skew < 0 ? 'in the past' : 'in the future';
    throw new VerifyError(
      'timestamp-out-of-tolerance',
      `${source} is ${Math.round(Math.abs(skew))} s ${direction}; at most ${toleranceSeconds} s are allowed`,
    );
  }
}
