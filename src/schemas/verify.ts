/**
 * Sender verification settings (DESIGN §5). A closed union: an unknown scheme is rejected when
 * the webhook is saved, never treated as "no verification".
 */
import { z } from 'zod';
import { isJsonObject } from './json';

export const MAX_SECRETS = 10;

/** Secrets are write-only: accepted here, never returned (the API shows a hint). Several = rotation. */
export const Secrets = z
  .array(z.string().min(1, { error: 'must not be empty' }).max(1024), { error: 'must be an array of secret strings' })
  .min(1, { error: 'needs at least one secret' })
  .max(MAX_SECRETS, { error: `may hold at most ${MAX_SECRETS} secrets` });

export const NoneVerify = z.strictObject({ scheme: z.literal('none') });
/** `Authorization: Bearer <secret>`. */
export const BearerVerify = z.strictObject({ scheme: z.literal('bearer'), secrets: Secrets });
/** `Authorization: Basic base64(username:secret)`. */
export const BasicVerify = z.strictObject({ scheme: z.literal('basic'), username: z.string().min(1).max(256), secrets: Secrets });

export const Verify = z.discriminatedUnion('scheme', [NoneVerify, BearerVerify, BasicVerify], {
  error: (issue) => (isJsonObject(issue.input) ? 'unknown verify scheme' : 'must be an object with a "scheme"'),
});
export type Verify = z.infer<typeof Verify>;

/** In a PATCH, secrets may be left out to keep the stored ones (they are write-only). */
export const VerifyPatch = z.discriminatedUnion(
  'scheme',
  [NoneVerify, BearerVerify.partial({ secrets: true }), BasicVerify.partial({ secrets: true })],
  { error: (issue) => (isJsonObject(issue.input) ? 'unknown verify scheme' : 'must be an object with a "scheme"') },
);
export type VerifyPatch = z.infer<typeof VerifyPatch>;
