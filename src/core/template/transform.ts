/**
 * Rewrites a parsed template so its output is safe JSON text whatever the data holds:
 *  - every `{{x}}` becomes `{{{__out x}}}`, which escapes for a JSON string (not HTML);
 *  - every `{{{x}}}` / `{{& x}}` becomes `{{{__raw x}}}`, so all output is counted against the budget;
 *  - path segments that reach prototypes (`__proto__`, `constructor`, …) become `undefined`;
 *  - partials and decorators are refused: templates are self-contained and run no code.
 * Both renderers (compiled on Node, interpreted on Workers) run this same rewritten tree.
 */

import { TemplateSyntaxError } from './errors';
import { FORBIDDEN_SEGMENTS } from './values';

export const OUT_HELPER = '__out';
export const RAW_HELPER = '__raw';

/** Helpers the Handlebars runtime knows that templates may not call: a block such as `{{#__raw}}` would reach them. */
const RUNTIME_HELPERS: ReadonlySet<string> = new Set([OUT_HELPER, RAW_HELPER, 'helperMissing', 'blockHelperMissing']);

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

function fail(message: string, node: Node): never {
  throw new TemplateSyntaxError(message, node.loc?.start.line ?? 1, (node.loc?.start.column ?? 0) + 1);
}

function undefinedLiteral(node: Node): hbs.AST.UndefinedLiteral {
  return { type: 'UndefinedLiteral', original: undefined, value: undefined, loc: node.loc } as hbs.AST.UndefinedLiteral;
}

/** A call's path must name a helper: unknown ones are caught at save time, with their position. */
function requireHelper(path: Expression, helpers: ReadonlySet<string>, node: Node): void {
  const name =
    path.type === 'PathExpression'
      ? (path as hbs.AST.PathExpression).original
      : String((path as unknown as { original: unknown }).original);
  if (!helpers.has(name)) fail(`unknown helper "${name}"`, node);
}

function safeExpression(expr: Expression, helpers: ReadonlySet<string>): Expression {
  if (expr.type === 'PathExpression') {
    const path = expr as hbs.AST.PathExpression;
    return path.parts.some((part) => FORBIDDEN_SEGMENTS.has(part)) ? undefinedLiteral(expr) : expr;
  }
  if (expr.type === 'SubExpression') {
    const sub = expr as hbs.AST.SubExpression;
    requireHelper(sub.path, helpers, sub);
    return {
      ...sub,
      params: callParams(sub.path, sub.params, helpers),
      hash: safeHash(sub.hash, helpers),
    } as hbs.AST.SubExpression;
  }
  return expr;
}

function safeParams(params: Expression[], helpers: ReadonlySet<string>): Expression[] {
  return params.map((param) => safeExpression(param, helpers));
}

/** `required` is told what it checks (`body.x`, line 3) so its error can say so. */
const STRICT_HELPER = 'required';

function callParams(path: Expression, params: Expression[], helpers: ReadonlySet<string>): Expression[] {
  const safe = safeParams(params, helpers);
  const first = params[0];
  if (path.type !== 'PathExpression' || (path as hbs.AST.PathExpression).original !== STRICT_HELPER || !first) return safe;
  const what = first.type === 'PathExpression' ? (first as hbs.AST.PathExpression).original : 'the value';
  const label = `${what} (line ${first.loc?.start.line ?? 1})`;
  return [
    safe[0] as Expression,
    { type: 'StringLiteral', value: label, original: label, loc: first.loc } as hbs.AST.StringLiteral,
  ];
}

function safeHash(hash: hbs.AST.Hash | undefined, helpers: ReadonlySet<string>): hbs.AST.Hash {
  if (!hash) return hash as unknown as hbs.AST.Hash;
  return { ...hash, pairs: hash.pairs.map((pair) => ({ ...pair, value: safeExpression(pair.value, helpers) })) };
}

function pathExpression(name: string, node: Node): hbs.AST.PathExpression {
  return {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [name],
    original: name,
    loc: node.loc,
  } as hbs.AST.PathExpression;
}

/** The value a mustache outputs, as one parameter of `__out`/`__raw`. */
function outputValue(node: hbs.AST.MustacheStatement, helpers: ReadonlySet<string>): Expression {
  const hasArguments = node.params.length > 0 || (node.hash && node.hash.pairs.length > 0);
  const path = node.path;
  const isHelperName =
    path.type === 'PathExpression' &&
    !(path as hbs.AST.PathExpression).data &&
    (path as hbs.AST.PathExpression).parts.length === 1 &&
    helpers.has((path as hbs.AST.PathExpression).original);
  if (hasArguments || isHelperName) {
    requireHelper(path, helpers, node);
    return {
      type: 'SubExpression',
      path: path as hbs.AST.PathExpression,
      params: callParams(path, node.params, helpers),
      hash: safeHash(node.hash, helpers),
      loc: node.loc,
    } as hbs.AST.SubExpression;
  }
  return safeExpression(path, helpers);
}

function transformMustache(node: hbs.AST.MustacheStatement, helpers: ReadonlySet<string>): hbs.AST.MustacheStatement {
  const wrapper = node.escaped ? OUT_HELPER : RAW_HELPER;
  return {
    ...node,
    path: pathExpression(wrapper, node),
    params: [outputValue(node, helpers)],
    hash: undefined as unknown as hbs.AST.Hash,
    escaped: false,
  };
}

function transformBlock(node: hbs.AST.BlockStatement, helpers: ReadonlySet<string>): hbs.AST.BlockStatement {
  if (node.path.type === 'PathExpression' && (node.path as hbs.AST.PathExpression).parts.some((p) => FORBIDDEN_SEGMENTS.has(p))) {
    fail(`"${(node.path as hbs.AST.PathExpression).original}" is not allowed in a template`, node);
  }
  if (RUNTIME_HELPERS.has((node.path as hbs.AST.PathExpression).original)) requireHelper(node.path, helpers, node);
  if (node.params.length > 0 || (node.hash && node.hash.pairs.length > 0)) requireHelper(node.path, helpers, node);
  return {
    ...node,
    params: safeParams(node.params, helpers),
    hash: safeHash(node.hash, helpers),
    program: node.program && transformProgram(node.program, helpers),
    inverse: node.inverse && transformProgram(node.inverse, helpers),
  };
}

export function transformProgram(program: hbs.AST.Program, helpers: ReadonlySet<string>): hbs.AST.Program {
  const body = program.body.map((statement): hbs.AST.Statement => {
    switch (statement.type) {
      case 'MustacheStatement':
        return transformMustache(statement as hbs.AST.MustacheStatement, helpers);
      case 'BlockStatement':
        return transformBlock(statement as hbs.AST.BlockStatement, helpers);
      case 'ContentStatement':
      case 'CommentStatement':
        return statement;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return fail('partials ({{> name}}) are not supported in hookgate templates', statement);
      default:
        return fail(
          `${statement.type.replace(/Statement$|Block$/, '').toLowerCase()}s are not supported in hookgate templates`,
          statement,
        );
    }
  });
  return { ...program, body };
}
