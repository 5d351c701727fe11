/**
 * The delivery log's cost: what a webhook request pays on its path (building the record and
 * appending it to the buffer), and what the batched write costs per record later, off the path,
 * on a file database like the gateway's. Beside the GitHub scenario's CPU per request this says
 * how much of it the log takes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeliveryLog } from '../src/core/deliveries/log';
import { deliveryRecord } from '../src/core/deliveries/record';
import type { Delivery } from '../src/schemas/delivery';
import { readMigrations } from '../src/store/migrations-fs';
import { createSqliteStore } from '../src/store/sqlite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const WEBHOOK = '0190b000-0000-4000-8000-00000000be0c';

export interface DeliveryLogResult {
  /** On the request path: build the record and buffer it. */
  recordMicros: number;
  /** Off the path: the batched write, per record. */
  writeMicrosPerRecord: number;
  records: number;
}

export async function benchDeliveryLog(records = 20_000): Promise<DeliveryLogResult> {
  const body = readFileSync(here('../../shared/fixtures/github/push/default.json'));
  const request = new Request('http://127.0.0.1/hooks/bench', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': 'GitHub-Hookshot/bench',
      'x-github-event': 'push',
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': 'sha256=0000',
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-bench-log-'));
  const store = createSqliteStore({ filename: join(dir, 'log.db'), migrations: readMigrations() });
  try {
    const built: Delivery[] = [];
    const log = createDeliveryLog({
      store: { ...store, writeDeliveries: async (r) => void built.push(...r), pruneDeliveries: async () => 0 },
      now: Date.now,
      maxPending: records + 1,
    });
    const start = performance.now();
    for (let i = 0; i < records; i++) {
      const at = Date.now();
      log.record(
        deliveryRecord({
          webhookId: WEBHOOK,
          request,
          receivedAt: at,
          answeredAt: at + 1,
          outcome: 'stored',
          status: 204,
          eventIds: [crypto.randomUUID()],
          source: '127.0.0.1',
        }),
      );
    }
    const recordMicros = ((performance.now() - start) * 1000) / records;
    await log.flush();
    const batches = 200;
    const per = Math.floor(built.length / batches);
    const writeStart = performance.now();
    for (let b = 0; b < batches; b++) await store.writeDeliveries(built.slice(b * per, (b + 1) * per));
    const writeMicrosPerRecord = ((performance.now() - writeStart) * 1000) / (per * batches);
    return {
      recordMicros: Number(recordMicros.toFixed(2)),
      writeMicrosPerRecord: Number(writeMicrosPerRecord.toFixed(2)),
      records,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
