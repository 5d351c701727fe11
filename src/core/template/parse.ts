/**
 * Template text → the rewritten Handlebars tree both renderers run. Syntax errors come out as
 * `TemplateSyntaxError` with the 1-based line and column of the author's text.
 */
import Handlebars from 'handlebars';
import { TemplateSyntaxError } from './errors';
import { HELPER_NAMES } from './helpers';
import { type FixedSource, fixTripleCloses, originalPosition } from './source';
import { transformProgram } from './transform';

interface JisonHash {
  expected?: string[];
  token?: string | null;
  loc?: { first_line: number; first_column: number };
  line?: number;
}

class JisonError extends Error {
  constructor(
    message: string,
    readonly hash: JisonHash,
  ) {
    super(message);
  }
}

// Jison's default parseError drops the position; keep it so errors can name line and column.
Handlebars.parseWithoutProcessing('');
(Handlebars as unknown as { Parser: { yy: { parseError: unknown } } }).Parser.yy.parseError = (
  message: string,
  hash: JisonHash,
) => {
  throw new JisonError(message, hash);
};

function describeExpected(hash: JisonHash): string {
  const expected = (hash.expected ?? []).map((token) => token.replace(/^'|'$/g, ''));
  const found = hash.token ? ` but found ${hash.token}` : '';
  if (expected.length === 0) return `unexpected text${found}`;
  return `expected ${expected.slice(0, 6).join(', ')}${expected.length > 6 ? ', …' : ''}${found}`;
}

function syntaxError(error: unknown, fixed: FixedSource): TemplateSyntaxError {
  if (error instanceof TemplateSyntaxError) {
    // Raised by the rewrite, at a position of the fixed text.
    const at = originalPosition(fixed, error.line, error.column - 1);
    return new TemplateSyntaxError(error.reason, at.line, at.column);
  }
  if (error instanceof JisonError) {
    const line = error.hash.loc?.first_line ?? (error.hash.line ?? 0) + 1;
    const column0 = error.hash.loc?.first_column ?? 0;
    const at = originalPosition(fixed, line, column0);
    const reason = error.message.startsWith('Lexical error') ? 'text Handlebars cannot read' : describeExpected(error.hash);
    return new TemplateSyntaxError(reason, at.line, at.column);
  }
  const exception = error as { message?: string; lineNumber?: number; column?: number };
  const reason = (exception.message ?? String(error)).replace(/ - \d+:\d+$/, '');
  const at = originalPosition(fixed, exception.lineNumber ?? 1, exception.column ?? 0);
  return new TemplateSyntaxError(reason, at.line, at.column);
}

/** Parses and rewrites a template; throws `TemplateSyntaxError`. Whitespace control is not applied yet. */
export function parseTemplate(source: string): hbs.AST.Program {
  const fixed = fixTripleCloses(source);
  try {
    return transformProgram(Handlebars.parseWithoutProcessing(fixed.text), HELPER_NAMES);
  } catch (error) {
    throw syntaxError(error, fixed);
  }
}
