/**
 * The bundled catalog is `templates/` exactly (a stale catalog fails: run `npm run build:presets`),
 * every preset is valid against the schemas a webhook is saved with, and its template compiles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPresets } from '../../scripts/build-presets';
import { compileTemplate } from '../../src/adapter/node/template-compiler';
import { presetCatalog } from '../../src/core/presets/catalog';
import { Preset } from '../../src/core/presets/preset';
import { MAX_TEMPLATE_CHARS } from '../../src/schemas/mapping';
import { VERIFY_SCHEMES } from '../../src/schemas/verify';
import { WebhookCreate } from '../../src/schemas/webhook';

const REQUIRED = [
  'github',
  'gitlab',
  'stripe',
  'slack',
  'shopify',
  'linear',
  'pagerduty',
  'sentry',
  'twilio',
  'standard-webhooks',
  'alertmanager',
  'grafana',
  'jira',
  'discord',
];

/** SendGrid's published example verification key (sendgrid-nodejs, MIT). */
const SENDGRID_PUBLIC_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==';

/** Secrets or keys of the right shape for a scheme, as a user would add them. */
function credentials(scheme: string, verify: Record<string, unknown> = {}): Record<string, unknown> {
  if (verify.secretEncoding === 'base64') return { secrets: ['c2VjcmV0LWtleS1ieXRlcw=='] };
  if (scheme === 'discord') return { publicKeys: ['a'.repeat(64)] };
  if (scheme === 'standard-webhooks') return { secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] };
  if (scheme === 'basic') return { username: 'u', secrets: ['s'] };
  if (scheme === 'microsoft-teams') return { secrets: ['c2VjcmV0LXRva2Vu'] };
  if (scheme === 'sendgrid') return { publicKeys: [SENDGRID_PUBLIC_KEY] };
  if (scheme === 'aws-sns') return { topicArns: ['arn:aws:sns:us-west-2:123456789012:MyTopic'] };
  return scheme === 'none' ? {} : { secrets: ['a-secret-value'] };
}

describe('the preset catalog', () => {
  it('is what `npm run build:presets` makes from templates/ (not stale)', () => {
    expect(presetCatalog()).toEqual(readPresets());
  });

  it('has at least 15 presets, including every provider the issue names', () => {
    const names = presetCatalog().map((preset) => preset.name);
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(presetCatalog().map((preset) => [preset.name, preset] as const))(
    '%s is a valid webhook once given secrets',
    (_name, preset) => {
      expect(Preset.parse(preset)).toEqual(preset);
      expect(preset.mapping.template.length).toBeLessThanOrEqual(MAX_TEMPLATE_CHARS);
      expect(() => compileTemplate(preset.mapping.template)).not.toThrow();
      if (preset.response?.body) expect(() => compileTemplate(preset.response?.body ?? '')).not.toThrow();
      const webhook = WebhookCreate.safeParse({
        name: preset.title,
        mapping: preset.mapping,
        verify: { ...preset.verify, ...credentials(preset.verify.scheme, preset.verify) },
        idFrom: preset.idFrom,
        handshakes: preset.handshakes,
        response: preset.response,
        preset: preset.name,
      });
      expect(webhook.success, JSON.stringify(webhook.error?.issues)).toBe(true);
    },
  );

  it('the README lists every scheme and every preset', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const scheme of VERIFY_SCHEMES) expect(readme, scheme).toContain(`| \`${scheme}\``);
    for (const preset of presetCatalog()) expect(readme, preset.name).toContain(`| \`${preset.name}\``);
  });
});
