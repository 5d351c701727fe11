/** CPU time of processes from Linux /proc: a gateway, a peer, a PostgreSQL server with all its backends. */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: split after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds `pid` has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  // After the name: state is index 0, so utime (field 14) is 11 and stime (15) is 12.
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/** `pid` and its children (PostgreSQL's postmaster and backends): their CPU seconds so far. */
export function treeCpuSeconds(pid: number): number {
  let total = cpuSeconds(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) total += cpuSeconds(Number(entry));
  }
  return total;
}

/** Runs `measure` and gives the CPU `pid` (its threads and children) used meanwhile, per request, µs. */
export async function withCpu<T extends { requests: number }>(
  pid: number,
  measure: () => Promise<T>,
): Promise<T & { cpuMicrosPerRequest: number }> {
  const before = treeCpuSeconds(pid);
  const result = await measure();
  const used = treeCpuSeconds(pid) - before;
  return { ...result, cpuMicrosPerRequest: Math.round((used * 1e6) / Math.max(1, result.requests)) };
}
