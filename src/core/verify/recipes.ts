/**
 * Provider schemes that are "HMAC with header X, encoding Y, prefix Z" are data, not code: each
 * named scheme here is the generic `hmac` scheme with these settings (the webhook adds its secrets,
 * and a tolerance where the provider signs a timestamp).
 */
import type { HeaderFields, HmacAlgorithm, SecretEncoding, SignatureEncoding, TimestampFormat } from '../../schemas/verify';

export interface HmacRecipe {
  header: string;
  algorithm: HmacAlgorithm;
  encoding: SignatureEncoding;
  prefix: string;
  /** Splits a header holding several signatures (rotation). */
  separator?: string;
  /** Literal text with `{body}`, `{header:<name>}`, `{timestamp}`, `{method}` and `{url}` placeholders. */
  signedContent: string;
  timestampHeader?: string;
  /** How a secret becomes the key; UTF-8 when absent. */
  secretEncoding?: SecretEncoding;
  /** The signature header as `key=value` fields (`t=…,v1=…`). */
  headerFields?: HeaderFields;
  /** Unix seconds when absent. */
  timestampFormat?: TimestampFormat;
}

export type RecipeScheme = 'github' | 'shopify' | 'linear' | 'sentry' | 'pagerduty' | 'slack';

export const HMAC_RECIPES: Readonly<Record<RecipeScheme, HmacRecipe>> = {
  /** @see https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries */
  github: { header: 'x-hub-signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', signedContent: '{body}' },
  /** @see https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook */
  shopify: { header: 'x-shopify-hmac-sha256', algorithm: 'sha256', encoding: 'base64', prefix: '', signedContent: '{body}' },
  /** @see https://linear.app/developers/webhooks#securing-webhooks */
  linear: { header: 'linear-signature', algorithm: 'sha256', encoding: 'hex', prefix: '', signedContent: '{body}' },
  /** @see https://docs.sentry.io/organization/integrations/integration-platform/webhooks/#sentry-hook-signature */
  sentry: { header: 'sentry-hook-signature', algorithm: 'sha256', encoding: 'hex', prefix: '', signedContent: '{body}' },
  /** Several `v1=` signatures while PagerDuty rotates secrets. @see https://developer.pagerduty.com/docs/webhooks/webhook-signatures/ */
  pagerduty: {
    header: 'x-pagerduty-signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: 'v1=',
    separator: ',',
    signedContent: '{body}',
  },
  /** @see https://api.slack.com/authentication/verifying-requests-from-slack */
  slack: {
    header: 'x-slack-signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: 'v0=',
    signedContent: 'v0:{header:x-slack-request-timestamp}:{body}',
    timestampHeader: 'x-slack-request-timestamp',
  },
};
