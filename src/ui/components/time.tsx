/** A time as the reader wants it: relative text, the exact time on hover, machine-readable `datetime`. */
import { timestampMicros } from '../../lib/time';
import { exactTime, relativeTime } from '../zone';

export interface Clock {
  zone: string;
  nowMs: number;
}

export function Time({ iso, clock }: { iso: string; clock: Clock }) {
  const ms = Math.floor(timestampMicros(iso) / 1000);
  return (
    <time datetime={iso} title={exactTime(ms, clock.zone)} data-relative="">
      {relativeTime(ms, clock.nowMs)}
    </time>
  );
}
