/**
 * The SSRF guard for API-created sinks: private, loopback, link-local, CGNAT and multicast targets
 * are refused — as IP literals and after DNS resolution — unless private targets are allowed; env
 * sinks are trusted; redirects are never followed. Only loopback traffic is ever sent.
 */
import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSinkSend } from '../../src/adapter/node/sink-send';
import { guardedLookup, isBlockedAddress } from '../../src/adapter/node/ssrf';
import { type Receiver, startReceiver } from '../forward/receiver';
import { sampleSink } from '../store/samples';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const request = (url: string) => ({ url, headers: { 'content-type': 'application/json' }, body: '[]' });

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('guardedLookup (resolution only, nothing is sent)', () => {
  const resolving = (addresses: LookupAddress[]) => guardedLookup((_name, _options, callback) => callback(null, addresses));

  it('refuses a name when any address it resolves to is private', async () => {
    const lookup = resolving([
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ]);
    const error = await new Promise<Error | null>((done) => lookup('rebind.example', {}, (e) => done(e)));
    expect(error?.message).toMatch(/10\.0\.0\.5/);
  });

  it('passes public addresses on, in the form the caller asked for', async () => {
    const lookup = resolving([{ address: '93.184.216.34', family: 4 }]);
    const one = await new Promise<unknown[]>((done) =>
      lookup('ok.example', {}, (e, address, family) => done([e, address, family])),
    );
    expect(one).toEqual([null, '93.184.216.34', 4]);
    const all = await new Promise<unknown>((done) => lookup('ok.example', { all: true }, (_e, addresses) => done(addresses)));
    expect(all).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });
});

describe('the Node sender', () => {
  it('refuses loopback for an API sink, by literal and by name, and sends nothing', async () => {
    receiver = await startReceiver();
    const send = createNodeSinkSend({ allowPrivate: false, timeoutMs: 2000 });
    const port = new URL(receiver.url).port;
    const sink = sampleSink();
    try {
      await expect(send(request(receiver.url), sink)).rejects.toThrow(/private or reserved/);
      await expect(send(request(`http://localhost:${port}/in`), sink)).rejects.toThrow(/private or reserved/);
      await expect(send(request(`http://[::1]:${port}/in`), sink)).rejects.toThrow(/private or reserved/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      send.close();
    }
  });

  it('trusts env sinks and HOOKGATE_SINK_ALLOW_PRIVATE', async () => {
    receiver = await startReceiver();
    const guarded = createNodeSinkSend({ allowPrivate: false, timeoutMs: 2000 });
    const open = createNodeSinkSend({ allowPrivate: true, timeoutMs: 2000 });
    try {
      expect((await guarded(request(receiver.url), sampleSink({ origin: 'env' }))).status).toBe(204);
      expect((await open(request(receiver.url), sampleSink())).status).toBe(204);
    } finally {
      guarded.close();
      open.close();
    }
  });

  it('does not follow redirects', async () => {
    receiver = await startReceiver();
    const target = await startReceiver();
    receiver.answer = () => 307;
    const send = createNodeSinkSend({ allowPrivate: true, timeoutMs: 2000 });
    try {
      expect((await send(request(receiver.url), sampleSink())).status).toBe(307);
      expect(target.requests).toHaveLength(0);
    } finally {
      send.close();
      await target.close();
    }
  });
});

describe('an API sink aimed at a private address', () => {
  it('is marked failing with the reason, and its events wait (nothing sent, nothing lost)', async () => {
    receiver = await startReceiver();
    const { openRig, recentEvents } = await import('../forward/harness');
    const rig = await openRig({ kind: 'http', url: receiver.url.replace('127.0.0.1', 'localhost') });
    const guarded = createNodeSinkSend({ allowPrivate: false, timeoutMs: 2000 });
    rig.deps.send = guarded;
    try {
      await rig.store.writeEvents(recentEvents(2));
      await rig.drain();
      const counters = await rig.store.sinkCounters(rig.sink.id);
      expect(counters).toMatchObject({ state: 'failing', pending: 2, deadLetters: 0 });
      expect(counters?.lastError).toMatch(/private or reserved/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      guarded.close();
      await rig.close();
    }
  });
});
