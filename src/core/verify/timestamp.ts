/**
 * Replay protection for timestamped schemes: the signed Unix time (seconds) must be within the
 * tolerance of the time the request arrived, either way (DESIGN §5: ±300 s by default).
 */
import { VerifyError } from '../../lib/errors';

/** Checks `text` (the signed timestamp from `source`) against `receivedAtMs`; throws `timestamp-out-of-tolerance`. */
export function checkTimestamp(text: string, source: string, receivedAtMs: number, toleranceSeconds: number): void {
  const trimmed = text.trim();
  if (!/^\d{1,15}$/.test(trimmed)) {
    throw new VerifyError('timestamp-out-of-tolerance', `${source} is not a Unix time in whole seconds`);
  }
  const skew = Number(trimmed) - receivedAtMs / 1000;
  if (Math.abs(skew) > toleranceSeconds) {
    const direction = skew < 0 ? 'in the past' : 'in the future';
    throw new VerifyError(
      'timestamp-out-of-tolerance',
      `${source} is ${Math.round(Math.abs(skew))} s ${direction}; at most ${toleranceSeconds} s are allowed`,
    );
  }
}
