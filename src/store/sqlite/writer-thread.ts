/**
 * The SQLite writer thread: its own connection; each message from the main thread is one batch
 * of write calls, written in one transaction (or one per call when the batch fails), and answered
 * once committed. Keeps SQLite's inserts and commits off the event loop that serves HTTP.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../lib/errors';
import { writeIsolated } from '../group-commit';
import type { WriterReply, WriterRequest, WriterSettings } from './writer';
import { configureWriter, createRowWriter, writing } from './writes';

const settings = workerData as WriterSettings;
const db = new Database(settings.filename);
configureWriter(db, settings.synchronous);
const writeRows = createRowWriter(db);

parentPort?.on('message', (message: WriterRequest) => {
  if (message.type === 'close') {
    db.close();
    parentPort?.postMessage({ type: 'closed' } satisfies WriterReply);
    process.exit(0);
  }
  const outcomes = writeIsolated((calls) => writing(() => writeRows(calls)), message.calls).map((outcome) =>
    outcome.ok
      ? outcome
      : {
          ok: false as const,
          unavailable: outcome.error instanceof StoreUnavailableError,
          message: (outcome.error as Error).message ?? String(outcome.error),
        },
  );
  parentPort?.postMessage({ type: 'done', id: message.id, outcomes } satisfies WriterReply);
});
