/** The store contract, run against the D1 driver inside workerd. */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { createD1Store } from '../../src/store/d1';
import { describeStoreContract } from '../store/contract';

const TABLES = [
  'event_resources',
  'events',
  'event_day_counts',
  'webhooks',
  'deliveries',
  'delivery_counts',
  'sink_outbox',
  'sink_dead_letters',
  'sinks',
];

describeStoreContract('D1 (workerd)', async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  return {
    store: createD1Store(env.DB),
    async cleanup() {
      await env.DB.batch(TABLES.map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
    },
  };
});
