/**
 * Handlebars' block built-ins (`if`, `unless`, `each`, `with`, `lookup`) re-implemented over the
 * Handlebars helper API, so that both renderers share one definition and loops count against the
 * render budget. Semantics follow handlebars.js 4.7 (`lib/handlebars/helpers/*.js`).
 */
import { chargeIteration, chargeText, placedSurplus } from './budget';
import { TemplateRenderError } from './errors';
import { isEmpty, lookupOwn } from './values';

export type Frame = Record<string, unknown> & { _parent?: Frame; root?: unknown };

export interface HelperOptions {
  fn: (context: unknown, options?: { data?: Frame; blockParams?: unknown[] }) => string;
  inverse: (context: unknown, options?: { data?: Frame; blockParams?: unknown[] }) => string;
  hash: Record<string, unknown>;
  data?: Frame;
  name: string;
}

export type Helper = (this: unknown, ...args: unknown[]) => unknown;

/** A child data frame, as `Handlebars.createFrame`. */
export function createFrame(parent: Frame | undefined): Frame {
  const frame: Frame = Object.assign({}, parent);
  frame._parent = parent;
  return frame;
}

function requireArity(name: string, args: unknown[], count: number): void {
  if (args.length !== count + 1)
    throw new TemplateRenderError(`#${name} requires exactly ${count} argument${count === 1 ? '' : 's'}`);
  if (typeof (args[count] as Partial<HelperOptions>).fn !== 'function') {
    throw new TemplateRenderError(`${name} is a block helper: write {{#${name} …}}…{{/${name}}}`);
  }
}

function ifHelper(this: unknown, ...args: unknown[]): unknown {
  requireArity('if', args, 1);
  const [conditional, options] = args as [unknown, HelperOptions];
  const falsy = (!options.hash.includeZero && !conditional) || isEmpty(conditional);
  return falsy ? options.inverse(this) : options.fn(this);
}

function unlessHelper(this: unknown, ...args: unknown[]): unknown {
  requireArity('unless', args, 1);
  const [conditional, options] = args as [unknown, HelperOptions];
  const falsy = (!options.hash.includeZero && !conditional) || isEmpty(conditional);
  return falsy ? options.fn(this) : options.inverse(this);
}

function withHelper(this: unknown, ...args: unknown[]): unknown {
  requireArity('with', args, 1);
  const [context, options] = args as [unknown, HelperOptions];
  if (isEmpty(context)) return options.inverse(this);
  return options.fn(context, { data: options.data, blockParams: [context] });
}

function eachHelper(this: unknown, ...args: unknown[]): unknown {
  const options = args[args.length - 1] as HelperOptions;
  if (args.length < 2) throw new TemplateRenderError('#each needs something to iterate over');
  if (typeof options.fn !== 'function') throw new TemplateRenderError('each is a block helper: write {{#each …}}…{{/each}}');
  const context = args[0];
  const data = options.data ? createFrame(options.data) : undefined;
  let out = '';
  let count = 0;
  const iterate = (key: string | number, index: number, last: boolean) => {
    chargeIteration();
    if (data) {
      data.key = key;
      data.index = index;
      data.first = index === 0;
      data.last = last;
    }
    const value = (context as Record<string | number, unknown>)[key];
    const surplus = placedSurplus();
    const text = options.fn(value, { data, blockParams: [value, key] });
    // Placed values count as their JSON text would, not as their tokens.
    chargeText(text.length + placedSurplus() - surplus);
    out += text;
  };
  if (Array.isArray(context)) {
    for (let i = 0; i < context.length; i++) {
      if (i in context) iterate(i, i, i === context.length - 1);
    }
    count = context.length;
  } else if (context && typeof context === 'object') {
    const keys = Object.keys(context);
    for (const [i, key] of keys.entries()) iterate(key, i, i === keys.length - 1);
    count = keys.length;
  }
  return count === 0 ? options.inverse(this) : out;
}

function lookupHelper(...args: unknown[]): unknown {
  const [object, field] = args;
  return lookupOwn(object, field);
}

/**
 * A block whose path is a value, not a helper (`{{#body.items}}…{{/body.items}}`, Mustache
 * sections): true → once, false/missing → else, an array → each item, anything else → with it.
 */
export function blockHelperMissing(this: unknown, ...args: unknown[]): unknown {
  const [context, options] = args as [unknown, HelperOptions];
  if (context === true) return options.fn(this);
  if (context === false || context === null || context === undefined) return options.inverse(this);
  if (Array.isArray(context)) return context.length > 0 ? eachHelper.call(this, context, options) : options.inverse(this);
  return options.fn(context, options);
}

export const BUILTIN_HELPERS: Record<string, Helper> = {
  if: ifHelper,
  unless: unlessHelper,
  with: withHelper,
  each: eachHelper,
  lookup: lookupHelper,
};
