/**
 * Provider presets (issue 4): a ready webhook configuration per provider, kept as data in
 * `templates/<provider>/` — `preset.json` (verification scheme without secrets, delivery-id selector,
 * template file, handshakes, success response, optional sample request) and the mapping template.
 * The sample (`sample.json`, `{method?, headers, query?, body}`) is what the UI's template editor
 * previews against before a real request arrives. `scripts/build-presets.ts`
 * bundles them into `catalog.generated.json`, which the code imports (Workers have no filesystem).
 */
import { z } from 'zod';
import { TemplateMapping } from '../../schemas/mapping';
import { VerifyPatch } from '../../schemas/verify';
import { HandshakeName, IdFrom, PresetName, SampleRequest, SuccessResponse } from '../../schemas/webhook';

/** A preset's verification: a scheme and its options, never secrets or keys (the user adds those). */
export const PresetVerify = VerifyPatch.refine((verify) => !('secrets' in verify) && !('publicKeys' in verify), {
  error: 'a preset must not hold secrets or keys',
});

const PresetFields = {
  title: z.string().min(1).max(100),
  description: z.string().min(1).max(500),
  /** The provider's documentation of its webhooks. */
  docs: z.url({ protocol: /^https$/ }),
  /** One line for the picker: where in the provider's settings to paste the URL and find the secret. */
  setup: z.string().min(1).max(300).optional(),
  verify: PresetVerify,
  idFrom: IdFrom.nullable().default(null),
  handshakes: z.array(HandshakeName).default(() => []),
  response: SuccessResponse.nullable().default(null),
};

/** `templates/<provider>/preset.json`. */
export const PresetFile = z.strictObject({
  ...PresetFields,
  /** The mapping template, a file next to `preset.json`. */
  template: z.string().regex(/^[\w.-]+\.hbs$/, { error: 'must name a .hbs file in the preset folder' }),
  /** A sample request, a JSON file next to `preset.json`. */
  sample: z
    .string()
    .regex(/^[\w.-]+\.json$/, { error: 'must name a .json file in the preset folder' })
    .optional(),
});
export type PresetFile = z.infer<typeof PresetFile>;

/** A preset as bundled in the catalog: the template text inlined as the mapping. */
export const Preset = z.strictObject({
  name: PresetName,
  ...PresetFields,
  mapping: TemplateMapping,
  sample: SampleRequest.nullable().default(null),
});
export type Preset = z.infer<typeof Preset>;

export const PresetCatalog = z.array(Preset);

/** Builds the catalog entry of one preset folder; throws with the folder named when it is invalid. */
/** `readTemplate` reads a file of the preset folder (the template, the sample). */
export function buildPreset(name: string, file: unknown, readTemplate: (fileName: string) => string): Preset {
  const parsed = PresetFile.safeParse(file);
  if (!parsed.success) throw new Error(`templates/${name}/preset.json: ${z.prettifyError(parsed.error)}`);
  const { template, sample, ...fields } = parsed.data;
  const entry = Preset.safeParse({
    name,
    ...fields,
    mapping: { kind: 'template', template: readTemplate(template) },
    sample: sample === undefined ? null : JSON.parse(readTemplate(sample)),
  });
  if (!entry.success) throw new Error(`templates/${name}: ${z.prettifyError(entry.error)}`);
  return entry.data;
}
