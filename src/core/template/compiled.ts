/**
 * The Node renderer: Handlebars compiles the rewritten tree to a JS function once per template
 * version. Workers forbid code generation; they run the same tree through the interpreter.
 */
import Handlebars from 'handlebars';
import { type RenderLimits, withBudget } from './budget';
import { TemplateRenderError } from './errors';
import { HELPERS } from './helpers';
import { parseTemplate } from './parse';
import { OUT_HELPER, RAW_HELPER } from './transform';
import { outputEscaped, outputRaw } from './values';

const env = Handlebars.create();
env.unregisterHelper('log');
env.registerHelper({ ...HELPERS, [OUT_HELPER]: outputEscaped, [RAW_HELPER]: outputRaw });

const KNOWN_HELPERS = Object.fromEntries([...Object.keys(HELPERS), OUT_HELPER, RAW_HELPER].map((name) => [name, true]));
const COMPILE_OPTIONS = { knownHelpers: KNOWN_HELPERS, data: true, strict: false, preventIndent: true } as const;
const RUNTIME_OPTIONS = { allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false } as const;

export type RenderFn = (context: object, limits: RenderLimits) => string;

/** Wraps a renderer so every failure comes out as `TemplateRenderError`, with its own budget. */
export function bounded(render: (context: object) => string): RenderFn {
  return (context, limits) =>
    withBudget(limits, () => {
      try {
        return render(context);
      } catch (error) {
        if (error instanceof TemplateRenderError) throw error;
        throw new TemplateRenderError((error as Error).message ?? String(error));
      }
    });
}

/** Compiles a template for Node; throws `TemplateSyntaxError` for text that cannot parse. */
export function compileTemplate(source: string): RenderFn {
  const template = env.compile(parseTemplate(source), COMPILE_OPTIONS);
  return bounded((context) => template(context, RUNTIME_OPTIONS));
}
