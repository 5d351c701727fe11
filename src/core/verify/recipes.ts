/**
 * Provider schemes that are "HMAC with header X, encoding Y, prefix Z" are data, not code: each
 * named scheme here is the generic `hmac` scheme with these settings (the webhook adds its secrets,
 * and a tolerance where the provider signs a timestamp).
 */
import type { HeaderFields, HmacAlgorithm, SecretEncoding, SignatureEncoding, TimestampFormat } from '../../schemas/verify';

export interface HmacRecipe {
  /** The header holding the signature(s); named in errors when the signature is in the body. */
  header: string;
  /** The signature is this dotted path of the JSON body instead of a header (Mailgun). */
  signatureField?: string;
  algorithm: HmacAlgorithm;
  encoding: SignatureEncoding;
  prefix: string;
  /** Splits a header holding several signatures (rotation). */
  separator?: string;
  /** Literal text with `{body}`, `{header:<name>}`, `{field:<dotted.path>}`, `{timestamp}`, `{method}` and `{url}` placeholders. */
  signedContent: string;
  timestampHeader?: string;
  /** The signed time is this dotted path of the JSON body (Mailgun). */
  timestampField?: string;
  /** How a secret becomes the key: its UTF-8 bytes when absent, or base64-decoded (Airtable, Teams). */
  secretEncoding?: SecretEncoding;
  /** The signature header as `key=value` fields (`t=…,v1=…`). */
  headerFields?: HeaderFields;
  /** Unix seconds when absent. */
  timestampFormat?: TimestampFormat;
}

export type RecipeScheme =
  | 'github'
  | 'shopify'
  | 'linear'
  | 'sentry'
  | 'pagerduty'
  | 'slack'
  | 'microsoft-teams'
  | 'dropbox'
  | 'mailgun'
  | 'asana'
  | 'notion';

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
  /**
   * Outgoing webhooks: `Authorization: HMAC <base64>` under the base64-decoded security token.
   * @see https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook#2-create-a-url-on-your-apps-server-to-accept-and-process-a-post-request
   */
  'microsoft-teams': {
    header: 'authorization',
    algorithm: 'sha256',
    encoding: 'base64',
    prefix: 'HMAC ',
    secretEncoding: 'base64',
    signedContent: '{body}',
  },
  /** @see https://www.dropbox.com/developers/reference/webhooks#documentation */
  dropbox: { header: 'x-dropbox-signature', algorithm: 'sha256', encoding: 'hex', prefix: '', signedContent: '{body}' },
  /** @see https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks */
  mailgun: {
    header: 'signature.signature (in the body)',
    signatureField: 'signature.signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    signedContent: '{field:signature.timestamp}{field:signature.token}',
    timestampField: 'signature.timestamp',
  },
  /** @see https://developers.asana.com/docs/webhooks-guide#security */
  asana: { header: 'x-hook-signature', algorithm: 'sha256', encoding: 'hex', prefix: '', signedContent: '{body}' },
  /** @see https://developers.notion.com/reference/webhooks#step-3-validating-event-payloads-recommended */
  notion: { header: 'x-notion-signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', signedContent: '{body}' },
};
