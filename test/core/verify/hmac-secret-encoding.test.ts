/**
 * The generic `hmac` scheme's `secretEncoding`: `base64` makes the key the bytes the secret decodes
 * to (Airtable's `macSecretBase64`), the default keeps its UTF-8 bytes; a base64 secret that does not
 * decode is refused when the webhook is saved.
 */
import { describe, expect, it } from 'vitest';
import { hmacHex } from '../../../src/cli/signers';
import type { ReceivedRequest } from '../../../src/core/receive';
import { verify } from '../../../src/core/verify';
import { Verify } from '../../../src/schemas/verify';

const BODY = '{"base":{"id":"appXXX"},"webhook":{"id":"achYYY"},"timestamp":"2022-02-01T21:25:05.663Z"}';
const KEY = Buffer.from([0x00, 0x9f, 0xff, 0x10, 0x42, 0x7e, 0x80, 0x01]);
const SECRET = KEY.toString('base64');

function request(signature: string): ReceivedRequest {
  return {
    method: 'POST',
    url: new URL('http://127.0.0.1:8787/hooks/abc'),
    headers: new Headers({ 'x-airtable-content-mac': `hmac-sha256=${signature}` }),
    body: new TextEncoder().encode(BODY),
    receivedAt: 1_000_000_000_000,
  };
}

const settings = (secretEncoding?: 'utf8' | 'base64', secrets = [SECRET]) =>
  Verify.parse({ scheme: 'hmac', header: 'X-Airtable-Content-MAC', prefix: 'hmac-sha256=', secrets, secretEncoding });

describe('hmac secretEncoding', () => {
  it.each([
    ['base64: the decoded bytes are the key', 'base64', hmacHex('sha256', KEY, BODY), true],
    ['base64: the text itself is not the key', 'base64', hmacHex('sha256', SECRET, BODY), false],
    ['default (UTF-8): the text is the key', undefined, hmacHex('sha256', SECRET, BODY), true],
    ['utf8: the decoded bytes are not the key', 'utf8', hmacHex('sha256', KEY, BODY), false],
  ] as const)('%s', async (_name, encoding, signature, valid) => {
    const outcome = verify(settings(encoding), request(signature));
    if (valid) await expect(outcome).resolves.toBeDefined();
    else await expect(outcome).rejects.toMatchObject({ code: 'signature-mismatch' });
  });

  it('accepts any of several base64 secrets (rotation)', async () => {
    const old = Buffer.from('old-key').toString('base64');
    await expect(verify(settings('base64', [old, SECRET]), request(hmacHex('sha256', KEY, BODY)))).resolves.toBeDefined();
  });

  it('refuses at save a secret that is not base64 when the key is base64', () => {
    const result = Verify.safeParse({ scheme: 'hmac', header: 'x-sig', secrets: ['not base64!'], secretEncoding: 'base64' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('secrets');
    expect(Verify.safeParse({ scheme: 'hmac', header: 'x-sig', secrets: ['s'], secretEncoding: 'hex' }).success).toBe(false);
  });

  it('leaves settings without secretEncoding as they were', () => {
    expect(Verify.parse({ scheme: 'hmac', header: 'x-sig', secrets: ['s'] })).not.toHaveProperty('secretEncoding');
  });
});
