/**
 * The Node renderer: Handlebars compiles the rewritten tree to a JS function once per template
 * version. Workers forbid code generation; they run the same tree through the interpreter.
 */
import Handlebars, { type RuntimeOptions } from 'handlebars';
// @ts-expect-error: Handlebars' own module, without type declarations
import { createProtoAccessControl } from 'handlebars/dist/cjs/handlebars/internal/proto-access.js';
import { ENGINE_HELPERS } from '../../core/template/engine-helpers';
import { HELPERS } from '../../core/template/helpers';
import { parseTemplate } from '../../core/template/parse';
import { bounded, type RenderFn } from '../../core/template/render-fn';
import { OUT_HELPER, RAW_HELPER } from '../../core/template/transform';

const env = Handlebars.create();
env.unregisterHelper('log');
env.registerHelper({ ...ENGINE_HELPERS });
// Reading a prototype member (`{{body.toString}}`) renders empty, as it should; Handlebars would
// also print a warning to the console for it. The interpreter is silent, and so is this renderer.
Handlebars.logger.level = 'silent' as unknown as number;

const KNOWN_HELPERS = Object.fromEntries([...Object.keys(HELPERS), OUT_HELPER, RAW_HELPER].map((name) => [name, true]));
const COMPILE_OPTIONS = { knownHelpers: KNOWN_HELPERS, data: true, strict: false, preventIndent: true } as const;
const RUNTIME_OPTIONS = { allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false } as const;

/**
 * What Handlebars' runtime sets up on every call of a template (`_setup` in runtime.js), made once:
 * it copies every helper into a new object, each wrapped in a new closure that hands it
 * `options.lookupProperty` (none of ours reads it), moves the two missing-helper hooks out, and
 * builds the prototype-access rules — a sixth of a render's time. Called as a "partial", a template
 * takes these as they are; its data frame (`@root`) is then made here, as `initData` would.
 * test/core/template/differential.test.ts holds it to the interpreter's output.
 */
const helpers: Record<string, unknown> = { ...env.helpers };
const hooks = { helperMissing: helpers.helperMissing, blockHelperMissing: helpers.blockHelperMissing };
helpers.helperMissing = undefined;
helpers.blockHelperMissing = undefined;
const SET_UP = {
  partial: true,
  helpers,
  hooks,
  partials: {},
  decorators: {},
  protoAccessControl: createProtoAccessControl(RUNTIME_OPTIONS),
} as const;

/** Compiles a template for Node; throws `TemplateSyntaxError` for text that cannot parse. */
export function compileTemplate(source: string): RenderFn {
  const template = env.compile(parseTemplate(source), COMPILE_OPTIONS);
  return bounded((context) => template(context, { ...SET_UP, data: { root: context } } as unknown as RuntimeOptions));
}

export type { RenderFn } from '../../core/template/render-fn';
