/**
 * The eval-free renderer (Workers forbid code generation, so `Handlebars.compile` cannot run
 * there): walks the same rewritten tree the compiled renderer runs, with the same helpers, and
 * reproduces the compiled code's lookup rules (handlebars.js 4.7 `javascript-compiler.js`,
 * `runtime.js`). The differential test holds the two to byte-identical output.
 */
import Handlebars from 'handlebars';
import type { Frame, Helper, HelperOptions } from './builtins';
import { ENGINE_HELPERS } from './engine-helpers';
import { parseTemplate } from './parse';
import { bounded, type RenderFn } from './render-fn';
import { lookupOwn } from './values';

type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;

/** The context helpers get as `this` when the current one is null, as Handlebars' `nullContext`. */
const NULL_CONTEXT = Object.seal({});

interface Scope {
  /** Contexts of the enclosing programs, innermost first (Handlebars' `depths`). */
  depths: unknown[];
  data: Frame;
  /** Block parameter values per enclosing program, innermost first, with their declared names. */
  blockParams: { names: readonly string[] | undefined; values: unknown[] | undefined }[];
}

function helperContext(context: unknown): unknown {
  return context ?? NULL_CONTEXT;
}

/** `a.b.c` as the compiled code reads it: each step only on a value that is not null or undefined. */
function walk(start: unknown, parts: readonly string[], from: number): unknown {
  let value = start;
  for (let i = from; i < parts.length; i++) {
    if (value === null || value === undefined) return value;
    value = lookupOwn(value, parts[i]);
  }
  return value;
}

function dataFrame(data: Frame, depth: number): unknown {
  let frame: unknown = data;
  for (let d = depth; frame && d > 0; d--) frame = (frame as Frame)._parent;
  return frame;
}

function blockParam(scope: Scope, name: string): { found: boolean; value?: unknown } {
  for (const level of scope.blockParams) {
    const index = level.names?.indexOf(name) ?? -1;
    if (index >= 0) {
      // Compiled code reads `blockParams[depth][index]` and fails the same way when none were given.
      if (!level.values) throw new TypeError(`Cannot read properties of undefined (reading '${index}')`);
      return { found: true, value: level.values[index] };
    }
  }
  return { found: false };
}

function resolvePath(path: hbs.AST.PathExpression, context: unknown, scope: Scope): unknown {
  const { parts } = path;
  if (path.data) {
    // Data paths short-circuit on any falsy value (`data && lookup(data, "index")`).
    let value = dataFrame(scope.data, path.depth);
    for (const part of parts) value = value ? lookupOwn(value, part) : value;
    return value;
  }
  const scoped = /^\.|this\b/.test(path.original);
  if (path.depth === 0 && !scoped && parts[0] !== undefined) {
    const param = blockParam(scope, parts[0]);
    if (param.found) return walk(param.value, parts, 1);
  }
  const base = path.depth === 0 ? context : scope.depths[path.depth];
  return walk(base, parts, 0);
}

function evaluate(expr: Expression, context: unknown, scope: Scope): unknown {
  switch (expr.type) {
    case 'PathExpression':
      return resolvePath(expr as hbs.AST.PathExpression, context, scope);
    case 'SubExpression': {
      const sub = expr as hbs.AST.SubExpression;
      return callHelper(sub.path as hbs.AST.PathExpression, sub.params, sub.hash, context, scope, {});
    }
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return (expr as hbs.AST.StringLiteral).value;
    case 'NullLiteral':
      return null;
    default:
      return undefined;
  }
}

function helperNamed(name: string): Helper {
  const helper = Object.hasOwn(ENGINE_HELPERS, name) ? ENGINE_HELPERS[name] : undefined;
  if (!helper) throw new Error(`Missing helper: "${name}"`);
  return helper;
}

function hashOf(hash: hbs.AST.Hash | undefined, context: unknown, scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of hash?.pairs ?? []) out[pair.key] = evaluate(pair.value, context, scope);
  return out;
}

function callHelper(
  path: hbs.AST.PathExpression,
  params: Expression[],
  hash: hbs.AST.Hash | undefined,
  context: unknown,
  scope: Scope,
  blocks: Partial<Pick<HelperOptions, 'fn' | 'inverse'>>,
): unknown {
  const helper = helperNamed(path.original);
  const values = params.map((param) => evaluate(param, context, scope));
  const options = { name: path.original, hash: hashOf(hash, context, scope), data: scope.data, ...blocks };
  return helper.call(helperContext(context), ...values, options);
}

/** A block's program as the `fn`/`inverse` a helper calls, as Handlebars' `wrapProgram`. */
function programFn(program: Program | undefined, scope: Scope): HelperOptions['fn'] {
  if (!program) return () => '';
  return (context, options = {}) => {
    const [current] = scope.depths;
    // Loose comparison and the null-context exception, exactly as the compiled runtime does.
    // biome-ignore lint/suspicious/noDoubleEquals: mirrors handlebars.js runtime semantics
    const pushes = context != current && !(context === NULL_CONTEXT && current === null);
    const inner: Scope = {
      depths: pushes ? [context, ...scope.depths] : scope.depths,
      data: options.data ?? scope.data,
      blockParams: [{ names: program.blockParams, values: options.blockParams }, ...scope.blockParams],
    };
    return renderProgram(program, context, inner);
  };
}

function isHelperPath(path: Expression): path is hbs.AST.PathExpression {
  if (path.type !== 'PathExpression') return false;
  const { data, parts, original } = path as hbs.AST.PathExpression;
  return !data && parts.length === 1 && Object.hasOwn(ENGINE_HELPERS, original);
}

function renderBlock(block: hbs.AST.BlockStatement, context: unknown, scope: Scope): string {
  const blocks = { fn: programFn(block.program, scope), inverse: programFn(block.inverse, scope) };
  let result: unknown;
  if (isHelperPath(block.path)) {
    result = callHelper(block.path, block.params, block.hash, context, scope, blocks);
  } else {
    // A value, not a helper: Mustache-style section through `blockHelperMissing`.
    const value = evaluate(block.path, context, scope);
    const options = { name: (block.path as hbs.AST.PathExpression).original, hash: {}, data: scope.data, ...blocks };
    result = helperNamed('blockHelperMissing').call(helperContext(context), value, options);
  }
  return result === null || result === undefined ? '' : String(result);
}

function renderProgram(program: Program, context: unknown, scope: Scope): string {
  let out = '';
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ContentStatement':
        out += (statement as hbs.AST.ContentStatement).value;
        break;
      case 'MustacheStatement': {
        const mustache = statement as hbs.AST.MustacheStatement;
        const result = callHelper(mustache.path as hbs.AST.PathExpression, mustache.params, mustache.hash, context, scope, {});
        out += result === null || result === undefined ? '' : String(result);
        break;
      }
      case 'BlockStatement':
        out += renderBlock(statement as hbs.AST.BlockStatement, context, scope);
        break;
      default:
        // Comments render nothing; partials and decorators were refused when the template was parsed.
        break;
    }
  }
  return out;
}

/** Parses a template for the interpreter; throws `TemplateSyntaxError` for text that cannot parse. */
export function interpretTemplate(source: string): RenderFn {
  // `parse` applies whitespace control (`~`, standalone lines) to the rewritten tree, as `compile` does.
  const program = Handlebars.parse(parseTemplate(source) as unknown as string);
  return bounded((context) => {
    const scope: Scope = { depths: [context], data: { root: context }, blockParams: [] };
    return renderProgram(program, context, scope);
  });
}
