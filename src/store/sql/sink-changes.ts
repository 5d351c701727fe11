/**
 * A sink change and its audit event (issue 17) in one transaction, and the 409 for a name in use:
 * the part of the sink store (./sink-store.ts) where the drivers differ. SQLite and D1 guard the
 * audit insert in SQL (`changes()`); PostgreSQL's is in src/store/postgres/sinks.ts.
 */
import { ConflictError } from '../../lib/errors';
import type { Event } from '../../schemas/event';
import type { SqlTransactor } from '../types';
import { auditEventStatements, eventStatements } from './changes';
import { eventWrite, INSERT_EVENT } from './statements';

export type Statement = { sql: string; params: readonly unknown[] };
export const stmt = (sql: string, ...params: unknown[]): Statement => ({ sql, params });

/**
 * Runs a sink change's statements in one transaction with its audit event; resolves to the rows
 * the change's last statement touched. `after` (update, delete): the event is written after the
 * change, only when that statement touched a row. `before` (create, which inserts or throws): the
 * event is written first, so the outbox trigger queues it for the other sinks, not the new one,
 * whose outbox starts empty.
 */
export type AuditedWrite = (change: readonly Statement[], audit: Event | undefined, when: 'before' | 'after') => Promise<number>;

/** SQLite and D1: after a change, the audit insert is guarded in SQL by `changes()` (./changes.ts). */
export function auditedInTransaction(db: SqlTransactor, nowMicros: () => number): AuditedWrite {
  return async (change, audit, when) => {
    if (!audit) return (await db.transaction(change)).at(-1)?.changes ?? 0;
    if (when === 'after') {
      const results = await db.transaction([...change, ...auditEventStatements(audit, nowMicros())]);
      return results[change.length - 1]?.changes ?? 0;
    }
    const results = await db.transaction([...eventStatements(INSERT_EVENT, eventWrite(audit, nowMicros())), ...change]);
    return results.at(-1)?.changes ?? 0;
  };
}

/** SQLite's and PostgreSQL's answer to a second sink of one name (the UNIQUE on `sinks.name`). */
function isNameTaken(error: unknown): boolean {
  const { code, constraint, message } = (error ?? {}) as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === '23505') return constraint === 'sinks_name_key';
  return typeof message === 'string' && message.includes('UNIQUE constraint failed: sinks.name');
}

/** Runs a write that names `sink`, turning the UNIQUE on its name into 409 `sink-name-taken`. */
export async function namedOnce<T>(sink: { name: string }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isNameTaken(error)) throw new ConflictError('sink-name-taken', `a sink named ${sink.name} exists`);
    throw error;
  }
}
