/**
 * Source fix-up before Handlebars parses a template.
 *
 * JSON closes a brace right after an expression (`{"payload": {{json body}}}`), and the Handlebars
 * lexer reads that `}}}` as the close of a triple-stash and fails. A `{{`-opened expression followed
 * by `}}}` means "the expression, then `}`": we insert an empty comment `{{!}}` between the two, which
 * renders nothing, and map error positions back to the text the author wrote. A triple-stash followed
 * by `}` (`{{{json body}}}}`) is fixed the same way.
 */

const EMPTY_COMMENT = '{{!}}';

export interface FixedSource {
  text: string;
  /** Offsets in the fixed text where `EMPTY_COMMENT` was inserted, ascending. */
  insertions: number[];
}

/** Index just past the `}}` that closes a `{{`-opened expression starting at `from`, skipping string literals. */
function findClose(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== ch) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) return -1;
      i = end + 1;
    } else if (ch === '}' && text[i + 1] === '}') {
      return i + 2;
    } else {
      i++;
    }
  }
  return -1;
}

function precedingBackslashes(text: string, at: number): number {
  let count = 0;
  while (at - count - 1 >= 0 && text[at - count - 1] === '\\') count++;
  return count;
}

export function fixTripleCloses(source: string): FixedSource {
  let out = '';
  const insertions: number[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) break;
    out += source.slice(i, open);
    // `\{{` is literal text in Handlebars: copy it and move on.
    if (precedingBackslashes(source, open) % 2 === 1) {
      out += '{{';
      i = open + 2;
      continue;
    }
    const afterOpen = source.slice(open + 2, open + 5);
    let closeMarker: string | undefined;
    if (afterOpen.startsWith('{{'))
      closeMarker = '}}}}'; // raw block
    else if (afterOpen.startsWith('{') || afterOpen.startsWith('~{'))
      closeMarker = '}}}'; // triple-stash
    else if (afterOpen.startsWith('!--') || afterOpen.startsWith('~!--')) closeMarker = '--}}';
    else if (afterOpen.startsWith('!') || afterOpen.startsWith('~!')) closeMarker = '}}';
    if (closeMarker) {
      const close = source.indexOf(closeMarker, open + 2);
      const end = close < 0 ? source.length : close + closeMarker.length;
      out += source.slice(open, end);
      // `{{{x}}}}` is a triple-stash, then `}`: the lexer would read `}}}}` as the close of a raw block.
      if (closeMarker === '}}}' && source[end] === '}') {
        insertions.push(out.length);
        out += EMPTY_COMMENT;
      }
      i = end;
      continue;
    }
    const end = findClose(source, open + 2);
    if (end < 0) {
      out += source.slice(open);
      i = source.length;
      break;
    }
    out += source.slice(open, end);
    if (source[end] === '}') {
      insertions.push(out.length);
      out += EMPTY_COMMENT;
    }
    i = end;
  }
  out += source.slice(i);
  return { text: out, insertions };
}

/** Offset in `text` of a 1-based line and 0-based column. */
export function offsetOf(text: string, line: number, column0: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let l = 0; l < line - 1 && l < lines.length; l++) offset += (lines[l]?.length ?? 0) + 1;
  return offset + column0;
}

/** The 1-based line and column in the author's text of an offset in the fixed text. */
export function originalPositionAt(fixed: FixedSource, offset: number): { line: number; column: number } {
  // Each comment inserted before the offset shifts it; an offset inside one maps to where it was inserted.
  const original = fixed.insertions.reduce(
    (at, inserted) => at - Math.max(0, Math.min(EMPTY_COMMENT.length, offset - inserted)),
    offset,
  );
  const authorText = unfix(fixed);
  const head = authorText.slice(0, Math.max(0, original));
  const lastNewline = head.lastIndexOf('\n');
  return { line: head.split('\n').length, column: original - lastNewline };
}

/** The 1-based line and column in the author's text of a 1-based line and 0-based column in the fixed text. */
export function originalPosition(fixed: FixedSource, line: number, column0: number): { line: number; column: number } {
  return originalPositionAt(fixed, offsetOf(fixed.text, line, column0));
}

function unfix(fixed: FixedSource): string {
  let text = fixed.text;
  for (const at of [...fixed.insertions].reverse()) text = text.slice(0, at) + text.slice(at + EMPTY_COMMENT.length);
  return text;
}

/**
 * Where blocks or sub-expressions first nest deeper than `max` levels, or -1. The parser and the
 * renderers recurse once per level, so deeper templates are refused before parsing; the scan is
 * rough (it does not skip string literals), which only matters far beyond any real template.
 */
export function tooDeep(text: string, max: number): number {
  let blocks = 0;
  for (const match of text.matchAll(/\{\{~?([#^/]?)([^}]*)/g)) {
    const [, kind, inner = ''] = match;
    if (kind === '/') blocks--;
    else if (kind === '#' || (kind === '^' && inner.trim() !== '')) blocks++;
    let parens = 0;
    let deepest = 0;
    for (const ch of inner) {
      if (ch === '(') deepest = Math.max(deepest, ++parens);
      else if (ch === ')') parens--;
    }
    if (blocks > max || deepest > max) return match.index ?? 0;
  }
  return -1;
}
