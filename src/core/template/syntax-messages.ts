/**
 * What the Handlebars parser reports, in words a template author understands: `"}}"` rather than
 * CLOSE, "a name or path" rather than ID, and the `{{` or `{{#block}}` that is never closed.
 */

/** Parser tokens as an author writes them. */
const TOKEN_WORDS: Readonly<Record<string, string>> = {
  EOF: 'the end of the template',
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  CLOSE_RAW_BLOCK: '"}}}}"',
  OPEN_SEXPR: '"("',
  CLOSE_SEXPR: '")"',
  ID: 'a name or path',
  STRING: 'a "string"',
  NUMBER: 'a number',
  BOOLEAN: 'true or false',
  UNDEFINED: 'undefined',
  NULL: 'null',
  DATA: 'an @name such as @index',
  SEP: '"." or "/"',
  EQUALS: '"="',
  OPEN_BLOCK_PARAMS: '"as |"',
  CLOSE_BLOCK_PARAMS: '"|"',
  OPEN: '"{{"',
  OPEN_UNESCAPED: '"{{{"',
  OPEN_BLOCK: '"{{#"',
  OPEN_ENDBLOCK: '"{{/"',
  OPEN_INVERSE: '"{{^"',
  OPEN_INVERSE_CHAIN: '"{{else …}}"',
  INVERSE: '"{{else}}"',
  OPEN_PARTIAL: '"{{>"',
  OPEN_PARTIAL_BLOCK: '"{{#>"',
  OPEN_RAW_BLOCK: '"{{{{"',
  END_RAW_BLOCK: '"{{{{/"',
  COMMENT: 'a comment',
  CONTENT: 'text',
};

const VALUE_WORDS = 'a value (a name or path, a "string", a number, true, false, null or a (sub-expression))';
const VALUE_TOKENS: ReadonlySet<string> = new Set([
  'ID',
  'STRING',
  'NUMBER',
  'BOOLEAN',
  'UNDEFINED',
  'NULL',
  'DATA',
  'OPEN_SEXPR',
]);
const STATEMENT_WORDS = 'text or a {{…}} expression';
const STATEMENT_TOKENS: ReadonlySet<string> = new Set([
  'COMMENT',
  'CONTENT',
  'OPEN_RAW_BLOCK',
  'OPEN_BLOCK',
  'OPEN_INVERSE',
  'OPEN',
  'OPEN_UNESCAPED',
  'OPEN_PARTIAL',
  'OPEN_PARTIAL_BLOCK',
]);
/** Tokens that may follow any name but are seldom what is missing: named only when nothing else is expected. */
const MINOR_TOKENS: ReadonlySet<string> = new Set(['EQUALS', 'SEP', 'OPEN_BLOCK_PARAMS']);
/** The close each opening needs: `{{` → `}}`, `{{{` → `}}}`, `{{{{` → `}}}}`. */
const CLOSE_TOKENS = ['CLOSE', 'CLOSE_UNESCAPED', 'CLOSE_RAW_BLOCK'] as const;

export interface ParserHash {
  expected?: string[];
  token?: string | number | null;
  text?: string;
}

export interface SyntaxProblem {
  reason: string;
  /** Where the problem starts when that is not where the parser stopped (an opening never closed). */
  offset?: number;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);
}

function oneOf(words: string[]): string {
  if (words.length < 2) return words[0] ?? '';
  const last = words.some((word) => word.includes(' or ')) ? ', or ' : ' or ';
  return `${words.slice(0, -1).join(', ')}${last}${words[words.length - 1]}`;
}

/** The `{{…` expression that `offset` is inside: where it opens, how many braces, how many `(` are open. */
function openExpression(text: string, offset: number): { at: number; braces: number; parens: number } | undefined {
  let at = text.lastIndexOf('{{', offset - 1);
  if (at < 0) return undefined;
  while (at > 0 && text[at - 1] === '{') at--;
  const inner = text.slice(at, offset);
  if (inner.includes('}}')) return undefined;
  const braces = Math.min(4, 2 + (/^\{\{~?(\{*)/.exec(inner)?.[1]?.length ?? 0));
  const parens = (inner.match(/\(/g)?.length ?? 0) - (inner.match(/\)/g)?.length ?? 0);
  return { at, braces, parens };
}

/** The innermost `{{#block}}` that has no `{{/block}}`. */
function unclosedBlock(text: string): { name: string; at: number } | undefined {
  const open: { name: string; at: number }[] = [];
  for (const match of text.matchAll(/\{\{~?([#^/])\s*([^\s}~()]+)/g)) {
    if (match[1] === '/') open.pop();
    else open.push({ name: match[2] ?? '', at: match.index ?? 0 });
  }
  return open[open.length - 1];
}

function expectedWords(expected: ReadonlySet<string>, open: ReturnType<typeof openExpression>): string[] {
  const close = open && CLOSE_TOKENS[open.braces - 2];
  const keep = (token: string) =>
    !(close && expected.has(close) && (CLOSE_TOKENS as readonly string[]).includes(token) && token !== close) &&
    !(token === 'CLOSE_SEXPR' && open && open.parens <= 0);
  const tokens = [...expected].filter(keep);
  const values = tokens.filter((token) => VALUE_TOKENS.has(token)).length >= 3;
  const statements = tokens.filter((token) => STATEMENT_TOKENS.has(token)).length >= 3;
  const words = tokens.map((token) => {
    if (values && VALUE_TOKENS.has(token)) return VALUE_WORDS;
    if (statements && STATEMENT_TOKENS.has(token)) return STATEMENT_WORDS;
    return TOKEN_WORDS[token] ?? token.toLowerCase().replaceAll('_', ' ');
  });
  const major = words.filter((_, i) => !MINOR_TOKENS.has(tokens[i] ?? ''));
  return [...new Set(major.length > 0 ? major : words)];
}

/** A parse error: what the parser expected where it stopped (at `offset` of `text`), or the opening never closed. */
export function describeParseError(text: string, offset: number, hash: ParserHash): SyntaxProblem {
  const expected = new Set((hash.expected ?? []).map((token) => token.replace(/^'|'$/g, '')));
  const atEnd = hash.token === 'EOF' || hash.token === 1 || offset >= text.length;
  const found = atEnd ? 'the end of the template' : quote(hash.text ?? '');
  const open = openExpression(text, offset);
  if (open && text.indexOf('}'.repeat(open.braces), offset) < 0) {
    return {
      reason: `"${'{'.repeat(open.braces)}" is never closed: expected "${'}'.repeat(open.braces)}"`,
      offset: open.at,
    };
  }
  const block = atEnd && expected.has('OPEN_ENDBLOCK') ? unclosedBlock(text) : undefined;
  if (block) return { reason: `{{#${block.name}}} is never closed: expected {{/${block.name}}}`, offset: block.at };
  if (hash.token === 'OPEN_ENDBLOCK' && !expected.has('OPEN_ENDBLOCK')) {
    const name = /^\{\{~?\/\s*([^\s}~]*)/.exec(text.slice(offset))?.[1] ?? '';
    return { reason: `{{/${name}}} closes a block that is not open` };
  }
  if ((hash.token === 'INVERSE' || hash.token === 'OPEN_INVERSE_CHAIN') && !expected.has(hash.token)) {
    return { reason: '{{else}} belongs inside a block such as {{#if}} or {{#each}}, once per block' };
  }
  if (hash.token === 'NUMBER' && /[./]$/.test(text.slice(0, offset))) {
    return {
      reason: `expected a name but found the number ${hash.text}: write an index in brackets, as in items.[${hash.text}]`,
    };
  }
  const words = expectedWords(expected, open);
  return { reason: words.length > 0 ? `expected ${oneOf(words)} but found ${found}` : `unexpected ${found}` };
}

/** A lexical error: text the Handlebars lexer cannot read, `rest` being the text from there on. */
export function describeLexicalError(rest: string): string {
  if (/^\{\{~?!--/.test(rest)) return 'the comment "{{!--" is never closed: expected "--}}"';
  if (rest.startsWith('{{{{')) return 'the raw block is never closed: expected "{{{{/name}}}}"';
  return rest ? `Handlebars cannot read the text ${quote(rest)}` : 'Handlebars cannot read the text here';
}

/** Handlebars' own parse exceptions, reworded where they use its jargon. */
export function describeException(message: string): string {
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(message);
  if (mismatch) return `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}; expected {{/${mismatch[1]}}}`;
  return message;
}
