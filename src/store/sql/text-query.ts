/**
 * Prefect's text search grammar: space-separated terms are ORed, `-term`/`!term` excluded,
 * `+term` required, `"quoted phrases"` with `\"` escapes; a lone prefix before a space is dropped.
 * @see https://github.com/PrefectHQ/prefect/blob/main/src/prefect/utilities/text_search_parser.py
 */

export interface TextQuery {
  /** At least one must appear (when any are given). */
  include: string[];
  /** None may appear. */
  exclude: string[];
  /** All must appear. */
  required: string[];
}

const PREFIXES = '-!+';

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

/** `\"` → `"`, `\\` → `\`; any other backslash stays. */
function unescapePhrase(phrase: string): string {
  return phrase.replace(/\\(["\\])/g, '$1');
}

function add(query: TextQuery, prefix: string | undefined, term: string): void {
  if (prefix === '-' || prefix === '!') query.exclude.push(term);
  else if (prefix === '+') query.required.push(term);
  else query.include.push(term);
}

/** Reads a quoted phrase starting after its opening quote; returns the phrase and the index after it. */
function readPhrase(text: string, start: number): [string, number] {
  let i = start;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' && i + 1 < text.length ? 2 : 1;
  const phrase = unescapePhrase(text.slice(start, i));
  return [phrase, i < text.length ? i + 1 : i];
}

/** Splits a text search query into include / exclude / required terms (not yet lower-cased). */
export function parseTextQuery(text: string): TextQuery {
  const query: TextQuery = { include: [], exclude: [], required: [] };
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (isSpace(char)) {
      i += 1;
      continue;
    }
    let prefix: string | undefined;
    if (PREFIXES.includes(char)) {
      i += 1;
      if (i >= text.length || isSpace(text[i])) continue; // a lone prefix is dropped
      prefix = char;
    }
    if (text[i] === '"') {
      const [phrase, next] = readPhrase(text, i + 1);
      if (phrase.trim()) add(query, prefix, phrase);
      i = next;
      continue;
    }
    const start = i;
    while (i < text.length && !isSpace(text[i]) && text[i] !== '"') i += 1;
    if (i > start) add(query, prefix, text.slice(start, i));
  }
  return query;
}
