/**
 * Choosing a preset: every preset has a one-line setup hint; `searchPresets` (behind
 * `hookgate presets [search]`, `GET /api/presets?q=` and the UI's list) finds presets by any words of
 * their name, title, scheme, description or hint; `hookgate presets` and `hookgate webhooks create
 * --preset <unknown>` show the choices (child processes; the create error needs no server).
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetCatalog } from '../../src/core/presets/catalog';
import { searchPresets } from '../../src/core/presets/search';
import { createTestApp, type TestApp } from '../helpers/app';

const BIN = fileURLToPath(new URL('../../bin/hookgate.js', import.meta.url));

function hookgate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, HOOKGATE_ADMIN_TOKEN: 'unused', HOOKGATE_URL: 'http://127.0.0.1:9' }, cwd: tmpdir() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the preset catalog for pickers', () => {
  it.each(presetCatalog().map((preset) => [preset.name, preset.setup] as const))(
    '%s has a one-line setup hint',
    (_name, setup) => {
      expect(setup).toMatch(/^[^\n]{20,300}$/);
    },
  );

  it('finds presets by any words, every word required, a name that starts with the text first', () => {
    const names = (query: string) => searchPresets(presetCatalog(), query).map((listing) => listing.name);
    expect(names('')).toHaveLength(presetCatalog().length);
    expect(names('git').slice(0, 3).sort()).toEqual(['gitea', 'github', 'gitlab']);
    expect(names('git')).toEqual(expect.arrayContaining(['github', 'gitlab']));
    expect(names('ECDSA')).toEqual(['sendgrid']);
    expect(names('signature inside the body')).toEqual(['mailgun']);
    expect(names('SNS topic')).toEqual(['aws-sns']);
    expect(names('no-such-provider-at-all')).toEqual([]);
  });
});

describe('GET /api/presets', () => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp();
  });
  afterAll(() => t.close());

  it('lists every preset with its setup hint, or those matching ?q=', async () => {
    const all = (await (await t.api('/api/presets')).json()) as { name: string; setup: string | null }[];
    expect(all).toHaveLength(presetCatalog().length);
    expect(all.every((preset) => typeof preset.setup === 'string')).toBe(true);
    const found = (await (await t.api('/api/presets?q=docker')).json()) as { name: string }[];
    expect(found.map((preset) => preset.name)).toEqual(['docker-hub']);
  });
});

describe('the CLI', () => {
  it('`hookgate presets [search]` lists name, title, scheme and setup hint, offline', async () => {
    const all = await hookgate(['presets']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^NAME\s+TITLE\s+SCHEME\s+SETUP/);
    for (const preset of presetCatalog()) expect(all.stdout).toContain(preset.name);

    const some = await hookgate(['presets', 'setWebhook', 'secret_token']);
    expect(some.code).toBe(0);
    expect(some.stdout).toContain('telegram');
    expect(some.stdout).not.toContain('stripe ');

    const json = await hookgate(['--json', 'presets', 'dropbox']);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ name: 'dropbox', scheme: 'dropbox', title: 'Dropbox' })]);
  });

  it('`webhooks create --preset <unknown>` lists the choices and suggests the close ones', async () => {
    const run = await hookgate(['webhooks', 'create', 'x', '--preset', 'githbu']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('unknown preset "githbu"; did you mean github?');
    for (const preset of presetCatalog()) expect(run.stderr).toContain(preset.name);
    expect(run.stderr).toContain('hookgate presets');
  });
});
