/**
 * Amazon SNS message signatures: the JSON body names its signing certificate (`SigningCertURL`,
 * fetched only from `https://sns.<region>.amazonaws.com`), and `Signature` is RSA PKCS#1 v1.5 over
 * the message's fields as `name\nvalue\n` lines in a fixed order — SHA-1 for `SignatureVersion` 1,
 * SHA-256 for 2. A webhook may accept only some topics (`topicArns`).
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import { VerifyError } from '../../lib/errors';
import { isJsonObject, type JsonObject } from '../../schemas/json';
import type { VerifyOf } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import type { CertificateSource } from './certificates';
import { fromBase64, utf8 } from './encoding';
import { mismatch } from './headers';

export interface CertificateRecipe {
  allowedHost: RegExp;
  /** Hash per `SignatureVersion`. */
  hashes: Readonly<Record<string, 'SHA-1' | 'SHA-256'>>;
  /** The fields signed, in order, per message `Type`; `?` marks a field signed only when present. */
  signedFields: Readonly<Record<string, readonly string[]>>;
}

const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];

export const SNS_RECIPE: CertificateRecipe = {
  allowedHost: /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/,
  hashes: { '1': 'SHA-1', '2': 'SHA-256' },
  signedFields: {
    Notification: ['Message', 'MessageId', 'Subject?', 'Timestamp', 'TopicArn', 'Type'],
    SubscriptionConfirmation: CONFIRMATION_FIELDS,
    UnsubscribeConfirmation: CONFIRMATION_FIELDS,
  },
};

const decoder = new TextDecoder();

function message(body: Uint8Array): JsonObject {
  try {
    const value: unknown = JSON.parse(decoder.decode(body));
    if (isJsonObject(value)) return value;
  } catch {
    // not JSON: reported below
  }
  throw new VerifyError('signature-missing', 'the body is not an SNS message (JSON)');
}

function text(msg: JsonObject, field: string): string | undefined {
  const value = msg[field];
  return typeof value === 'string' ? value : undefined;
}

/** `name\nvalue\n` for each signed field, in the recipe's order. */
export function snsStringToSign(msg: JsonObject, recipe: CertificateRecipe = SNS_RECIPE): string | undefined {
  const fields = recipe.signedFields[text(msg, 'Type') ?? ''];
  if (!fields) return undefined;
  let out = '';
  for (const entry of fields) {
    const optional = entry.endsWith('?');
    const name = optional ? entry.slice(0, -1) : entry;
    const value = text(msg, name);
    if (value === undefined) {
      if (optional) continue;
      return undefined;
    }
    out += `${name}\n${value}\n`;
  }
  return out;
}

export async function verifySns(
  settings: VerifyOf<'aws-sns'>,
  request: ReceivedRequest,
  certificates: CertificateSource | undefined,
  recipe: CertificateRecipe = SNS_RECIPE,
): Promise<void> {
  const msg = message(request.body);
  const hash = recipe.hashes[text(msg, 'SignatureVersion') ?? ''];
  const signature = fromBase64(text(msg, 'Signature') ?? '');
  const signed = snsStringToSign(msg, recipe);
  const certUrl = text(msg, 'SigningCertURL');
  if (!hash || !signature || signed === undefined || !certUrl) {
    throw new VerifyError('signature-missing', 'the SNS message lacks a signature, a known SignatureVersion or a signed field');
  }
  if (!certificates) throw new VerifyError('certificate-unavailable', 'this server cannot fetch signing certificates');
  const spki = await certificates(certUrl, recipe.allowedHost);
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash };
  let ok = false;
  try {
    const key = await crypto.subtle.importKey('spki', spki as BufferSource, algorithm, false, ['verify']);
    ok = await crypto.subtle.verify(algorithm, key, signature as BufferSource, utf8(signed) as BufferSource);
  } catch {
    ok = false;
  }
  if (!ok) throw mismatch('the SNS message signature');
  const topic = text(msg, 'TopicArn') ?? '';
  if (settings.topicArns && !settings.topicArns.includes(topic)) {
    throw new VerifyError('topic-not-allowed', 'the SNS topic is not one this webhook accepts');
  }
}
