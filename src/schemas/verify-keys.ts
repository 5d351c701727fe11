/**
 * Key material of the verify schemes that are not plain shared secrets: base64 secrets (Microsoft
 * Teams), ECDSA public keys as base64 SPKI DER (SendGrid), and the SNS topics a webhook accepts.
 * Public keys and topic ARNs are not secrets and are shown as they are.
 */
import { z } from 'zod';
import { base64ToBytes } from '../lib/base64';

/** Same bound as `MAX_SECRETS` in verify.ts (rotation: several at once). */
const MAX_KEYS = 10;

/** Secrets the provider shows as base64 (Microsoft Teams' outgoing webhook security token). */
export const Base64Secrets = z
  .array(
    z
      .string()
      .max(1024)
      .refine((s) => (base64ToBytes(s.trim())?.length ?? 0) > 0, { error: 'must be the base64 security token, not empty' }),
    { error: 'must be an array of secret strings' },
  )
  .min(1, { error: 'needs at least one secret' })
  .max(MAX_KEYS, { error: `may hold at most ${MAX_KEYS} secrets` });

/** An ECDSA P-256 public key as base64 SPKI DER (91 bytes; what SendGrid shows as "Verification Key"). */
export const SpkiPublicKeys = z
  .array(
    z
      .string()
      .max(1024)
      .refine((s) => base64ToBytes(s.replace(/\s+/g, ''))?.length === 91, {
        error: 'must be a P-256 public key, base64 SPKI DER (as SendGrid shows it)',
      }),
    { error: 'must be an array of public keys' },
  )
  .min(1, { error: 'needs at least one public key' })
  .max(MAX_KEYS);

/** SNS topics whose messages a webhook accepts; any topic when absent (the slug is then the secret). */
export const TopicArns = z
  .array(z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/, { error: 'must be an SNS topic ARN' }))
  .min(1)
  .max(100);
