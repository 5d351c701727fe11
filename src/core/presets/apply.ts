/**
 * `POST /api/webhooks {"name": …, "preset": "github", "verify": {"secrets": […]}}`: the preset's
 * fields, then the request's on top (any field may be overridden). A `verify` without a scheme, or
 * with the preset's, adds to the preset's settings (typically the secrets); another scheme replaces them.
 */

import { InputError } from '../../lib/errors';
import { isJsonObject, type JsonObject } from '../../schemas/json';
import type { Preset } from './preset';

function presetVerify(preset: Preset['verify'], given: unknown): unknown {
  if (given === undefined) return preset;
  if (isJsonObject(given) && (given.scheme === undefined || given.scheme === preset.scheme)) {
    return { ...preset, ...given, scheme: preset.scheme };
  }
  return given;
}

/** The webhook to create from `input`: unchanged without `preset`; 422 `unknown-preset` for an unknown one. */
export function applyPreset(input: unknown, find: (name: string) => Preset | undefined, known: () => string[]): unknown {
  if (!isJsonObject(input) || input.preset === undefined || input.preset === null) return input;
  const preset = typeof input.preset === 'string' ? find(input.preset) : undefined;
  if (!preset) {
    const names = known();
    const message = `unknown preset; known presets: ${names.join(', ')}`;
    throw new InputError(422, 'unknown-preset', `preset: ${message}`, {
      presets: names,
      issues: [{ path: 'preset', message }],
    });
  }
  const { preset: _name, verify, ...rest } = input;
  const defaults: JsonObject = {
    mapping: preset.mapping,
    idFrom: preset.idFrom,
    handshakes: preset.handshakes,
    response: preset.response,
  };
  return { ...defaults, ...rest, verify: presetVerify(preset.verify, verify), preset: preset.name };
}
