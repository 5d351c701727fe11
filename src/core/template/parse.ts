/**
 * Template text → the rewritten Handlebars tree both renderers run. Syntax errors come out as
 * `TemplateSyntaxError` with the 1-based line and column of the author's text and what was expected.
 */
import Handlebars from 'handlebars';
import { TemplateSyntaxError } from './errors';
import { HELPER_NAMES } from './helpers';
import { type FixedSource, fixTripleCloses, offsetOf, originalPosition, originalPositionAt, tooDeep } from './source';
import { describeException, describeLexicalError, describeParseError, type ParserHash } from './syntax-messages';
import { transformProgram } from './transform';

/** Deepest nesting of blocks, or of sub-expressions, a template may have. */
export const MAX_NESTING = 100;

interface Location {
  first_line: number;
  first_column: number;
  last_line: number;
  last_column: number;
}

class JisonError extends Error {
  constructor(
    message: string,
    readonly hash: ParserHash,
    /** Where the parser stopped, in the fixed text: 1-based line, 0-based column. */
    readonly line: number,
    readonly column0: number,
    /** The text the lexer could not read, for a lexical error. */
    readonly rest: string,
  ) {
    super(message);
  }
}

// Jison's default parseError drops the position; keep where the parser stopped so errors can name
// line and column: a parse error at the token found, a lexical error where the last token ended.
Handlebars.parseWithoutProcessing('');
const parser = (Handlebars as unknown as { Parser: { yy: { parseError: unknown }; lexer: { yylloc: Location; _input: string } } })
  .Parser;
parser.yy.parseError = (message: string, hash: ParserHash) => {
  const { yylloc, _input } = parser.lexer;
  if (message.startsWith('Lexical error')) throw new JisonError(message, hash, yylloc.last_line, yylloc.last_column, _input);
  throw new JisonError(message, hash, yylloc.first_line, yylloc.first_column, '');
};

function syntaxError(error: unknown, fixed: FixedSource): TemplateSyntaxError {
  if (error instanceof TemplateSyntaxError) {
    // Raised by the rewrite, at a position of the fixed text.
    const at = originalPosition(fixed, error.line, error.column - 1);
    return new TemplateSyntaxError(error.reason, at.line, at.column);
  }
  if (error instanceof JisonError) {
    const offset = offsetOf(fixed.text, error.line, error.column0);
    const problem = error.message.startsWith('Lexical error')
      ? { reason: describeLexicalError(error.rest), offset }
      : describeParseError(fixed.text, offset, error.hash);
    const at = originalPositionAt(fixed, problem.offset ?? offset);
    return new TemplateSyntaxError(problem.reason, at.line, at.column);
  }
  const exception = error as { message?: string; lineNumber?: number; column?: number };
  const reason = describeException((exception.message ?? String(error)).replace(/ - \d+:\d+$/, ''));
  const at = originalPosition(fixed, exception.lineNumber ?? 1, exception.column ?? 0);
  return new TemplateSyntaxError(reason, at.line, at.column);
}

/** Parses and rewrites a template; throws `TemplateSyntaxError`. Whitespace control is not applied yet. */
export function parseTemplate(source: string): hbs.AST.Program {
  const fixed = fixTripleCloses(source);
  const deep = tooDeep(fixed.text, MAX_NESTING);
  if (deep >= 0) {
    const at = originalPositionAt(fixed, deep);
    throw new TemplateSyntaxError(
      `blocks or (sub-expressions) nest more than ${MAX_NESTING} levels deep here`,
      at.line,
      at.column,
    );
  }
  try {
    return transformProgram(Handlebars.parseWithoutProcessing(fixed.text), HELPER_NAMES);
  } catch (error) {
    throw syntaxError(error, fixed);
  }
}
