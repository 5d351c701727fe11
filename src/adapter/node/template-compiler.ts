/**
 * The Node renderer: Handlebars compiles the rewritten tree to a JS function once per template
 * version. Workers forbid code generation; they run the same tree through the interpreter.
 */
import Handlebars from 'handlebars';
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

/** Compiles a template for Node; throws `TemplateSyntaxError` for text that cannot parse. */
export function compileTemplate(source: string): RenderFn {
  const template = env.compile(parseTemplate(source), COMPILE_OPTIONS);
  return bounded((context) => template(context, RUNTIME_OPTIONS));
}

export type { RenderFn } from '../../core/template/render-fn';
