/** Durations written the way operators write them (`90d`, `12h`, `30m`, `45s`, `2w`), in milliseconds. */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** Nothing longer than 100 years: a larger figure is a typo, not a policy. */
const MAX_DURATION_MS = 100 * 365 * 86_400_000;

/** `90d` → milliseconds; `0` → 0; undefined for anything else (the caller says what it wanted). */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const match = /^(\d{1,6})([smhdw])$/i.exec(trimmed);
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[(match[2] ?? 's').toLowerCase()] ?? 1000);
  return ms <= MAX_DURATION_MS ? ms : undefined;
}

/** `HOOKGATE_RETENTION`: a duration (`30d`), `0` or unset for keep forever (0). Undefined when malformed. */
export function parseRetention(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return 0;
  return parseDuration(text);
}
