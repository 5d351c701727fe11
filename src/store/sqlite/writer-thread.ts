/**
 * The SQLite writer thread: its own connection; each message from the main thread is one batch
 * of write calls, written in one transaction (or one per call when the batch fails), and answered
 * once committed. Keeps SQLite's inserts and commits off the event loop that serves HTTP.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../../lib/errors';
import { writeIsolated } from '../group-commit';
import type { EventWrite } from '../sql/statements';
import { createFileGuard } from './file-guard';
import { writeRetryingLocked } from './lock-wait';
import type { WriterReply, WriterRequest, WriterSettings } from './writer';
import { checkpointElsewhere, configureWriter, createRowWriter, writing } from './writes';

const settings = workerData as WriterSettings;
const db = new Database(settings.filename);
configureWriter(db, settings.synchronous, 0);
checkpointElsewhere(db, settings.walCapBytes);
const writeRows = createRowWriter(db);
const checkFile = createFileGuard(settings.filename);
const writeBatch = (calls: readonly (readonly EventWrite[])[]) =>
  writeIsolated((c) => {
    checkFile();
    return writing(() => writeRows(c));
  }, calls);

// A locked database is waited for with timers here too (lock-wait.ts), so one batch's wait does
// not hold back the batches behind it: each request waits at most the bound, then gets 503.
parentPort?.on('message', async (message: WriterRequest) => {
  if (message.type === 'close') {
    db.close();
    parentPort?.postMessage({ type: 'closed' } satisfies WriterReply);
    process.exit(0);
  }
  const written = await writeRetryingLocked(writeBatch, message.calls, settings.lockWaitMs);
  const outcomes = written.map((outcome) =>
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
