/**
 * The durability proof (test/reliability/durability.ts) on PostgreSQL: the built gateway on a
 * database of its own, SIGKILLed during start-up, right after ready and under load; every
 * acknowledged delivery stored exactly once, retries add nothing.
 */
import { afterAll, beforeAll } from 'vitest';
import { buildGateway, spawnGateway } from '../helpers/gateway-process';
import { createTestDatabase } from '../helpers/postgres';
import { describeDurability } from '../reliability/durability';

let entry = '';
let database: { url: string; drop(): Promise<void> } | undefined;
beforeAll(async () => {
  entry = buildGateway('postgres-durability');
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describeDurability('PostgreSQL', ({ waitUntilListening }) => {
  if (!database) throw new Error('no database');
  return spawnGateway({ entry, env: { HOOKGATE_DATABASE_URL: database.url }, waitUntilListening });
});
