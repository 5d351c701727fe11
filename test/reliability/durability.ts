/**
 * The durability proof (issue 14), as a suite any store can run: the built gateway in a child
 * process, concurrent signed deliveries with unique ids, SIGKILL during start-up, right after it is
 * ready and under load, restarts; then every acknowledged delivery is stored exactly once, and the
 * sender's retries of every delivery — acknowledged, refused or in doubt — add nothing.
 * `describeDurability(name, start)` takes how to start the gateway (its env: the store's settings).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminFetch, eventsOfWebhook, type GatewayProcess } from '../helpers/gateway-process';

export type StartForDurability = (options: { waitUntilListening: boolean }) => Promise<GatewayProcess>;

const SECRET = 'durability-github-secret';
const CONCURRENCY = 16;
/** Kills under load, each after this many more acknowledgements (or LOAD_ROUND_MS, whichever first). */
const LOAD_KILLS = 3;
const ACKS_BEFORE_KILL = 120;
const LOAD_ROUND_MS = 3000;
const START_KILLS = 2;

type Outcome = 'acked' | 'refused' | 'in-doubt';

interface Delivery {
  body: string;
  signature: string;
  outcome: Outcome;
}

function signed(id: string): Delivery {
  const body = JSON.stringify({ delivery: id, pad: 'x'.repeat(120) });
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  return { body, signature, outcome: 'in-doubt' };
}

async function send(base: string, slug: string, id: string, delivery: Delivery): Promise<Outcome> {
  try {
    const response = await fetch(`${base}/hooks/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-delivery': id, 'x-hub-signature-256': delivery.signature },
      body: delivery.body,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return response.ok ? 'acked' : 'refused';
  } catch {
    return 'in-doubt';
  }
}

/** Sends new deliveries from CONCURRENCY senders until `stop()` says so; records each outcome. */
async function drive(base: string, slug: string, ledger: Map<string, Delivery>, stop: () => boolean): Promise<void> {
  const sender = async (n: number) => {
    for (let i = 0; !stop() && i < 100_000; i++) {
      const id = `d-${ledger.size}-${n}-${i}-${Math.random().toString(36).slice(2, 8)}`;
      const delivery = signed(id);
      ledger.set(id, delivery);
      delivery.outcome = await send(base, slug, id, delivery);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => sender(n)));
}

const count = (ledger: Map<string, Delivery>, outcome: Outcome) =>
  [...ledger.values()].filter((d) => d.outcome === outcome).length;

export function describeDurability(name: string, start: StartForDurability): void {
  describe(`durability under SIGKILL: ${name}`, () => {
    it('stores every acknowledged delivery exactly once; retries add nothing', { timeout: 150_000 }, async () => {
      const ledger = new Map<string, Delivery>();
      let kills = 0;
      let peakRssMb = 0;

      const began = Date.now();
      const marks: Record<string, number> = {};
      let gw = await start({ waitUntilListening: true });
      const created = await adminFetch(gw.url, '/api/webhooks', {
        method: 'POST',
        json: {
          name: 'durability',
          verify: { scheme: 'github', secrets: [SECRET] },
          idFrom: 'header:x-github-delivery',
          mapping: {
            kind: 'template',
            template: '{"event": "durability.delivered", "resource": {"prefect.resource.id": "durability.{{body.delivery}}"}}',
          },
        },
      });
      expect(created.status).toBe(201);
      const webhook = (await created.json()) as { id: string; slug: string };

      for (let round = 0; round < LOAD_KILLS; round++) {
        // Under load: SIGKILL once enough deliveries were acknowledged in this round.
        const ackedBefore = count(ledger, 'acked');
        const startedAt = Date.now();
        const current = gw;
        const load = drive(
          current.url,
          webhook.slug,
          ledger,
          () => current.child.exitCode !== null || current.child.signalCode !== null,
        );
        while (count(ledger, 'acked') - ackedBefore < ACKS_BEFORE_KILL && Date.now() - startedAt < LOAD_ROUND_MS) {
          peakRssMb = Math.max(peakRssMb, current.rssMb());
          await new Promise((r) => setTimeout(r, 20));
        }
        await current.kill('SIGKILL');
        kills++;
        await load;
        if (round === 0) {
          // During start-up (opening the database, migrations), at a few points in it.
          for (let k = 0; k < START_KILLS; k++) {
            const starting = await start({ waitUntilListening: false });
            await new Promise((r) => setTimeout(r, 30 + k * 120));
            await starting.kill('SIGKILL');
            kills++;
          }
          // Right after it is ready, with no load.
          const ready = await start({ waitUntilListening: true });
          await ready.kill('SIGKILL');
          kills++;
        }
        marks[`round${round}`] = Date.now() - began;
        gw = await start({ waitUntilListening: true });
      }
      marks.restarted = Date.now() - began;

      const byDelivery = (events: { resource: Record<string, string> }[]) => {
        const counts = new Map<string, number>();
        for (const e of events) {
          const id = e.resource['prefect.resource.id']?.replace(/^durability\./, '') ?? '';
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        return counts;
      };
      const stored = byDelivery(await eventsOfWebhook(gw.url, webhook.id));
      const acked = [...ledger].filter(([, d]) => d.outcome === 'acked');
      const lost = acked.filter(([id]) => !stored.has(id)).length;
      const duplicated = [...stored.values()].filter((n) => n > 1).length;
      const unknown = [...stored.keys()].filter((id) => !ledger.has(id)).length;
      const inDoubt = [...ledger].filter(([, d]) => d.outcome === 'in-doubt');
      const inDoubtStored = inDoubt.filter(([id]) => stored.has(id)).length;

      // The sender retries everything it sent: acknowledged, refused and in doubt.
      let retriesAcked = 0;
      const queue = [...ledger];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let next = queue.pop(); next; next = queue.pop()) {
            const [id, delivery] = next;
            for (let attempt = 0; attempt < 5; attempt++) {
              if ((await send(gw.url, webhook.slug, id, delivery)) === 'acked') {
                retriesAcked++;
                break;
              }
              await new Promise((r) => setTimeout(r, 100));
            }
          }
        }),
      );
      marks.retried = Date.now() - began;
      peakRssMb = Math.max(peakRssMb, gw.rssMb());
      const after = byDelivery(await eventsOfWebhook(gw.url, webhook.id));
      await gw.kill('SIGTERM');

      const figures = {
        kills,
        sent: ledger.size,
        acked: acked.length,
        refused: count(ledger, 'refused'),
        inDoubt: inDoubt.length,
        inDoubtStored,
        stored: stored.size,
        lost,
        duplicated,
        retried: ledger.size,
        retriesAcked,
        storedAfterRetries: after.size,
        duplicatedAfterRetries: [...after.values()].filter((n) => n > 1).length,
        peakRssMb: Math.round(peakRssMb),
        ms: marks,
      };
      console.log(`[durability] ${name}: ${JSON.stringify(figures)}`);
      expect(kills).toBe(LOAD_KILLS + START_KILLS + 1);
      expect(acked.length).toBeGreaterThan(LOAD_KILLS * 10);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      expect(unknown).toBe(0);
      expect(retriesAcked).toBe(ledger.size);
      expect(after.size).toBe(ledger.size);
      expect(figures.duplicatedAfterRetries).toBe(0);
    });
  });
}
