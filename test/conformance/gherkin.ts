/**
 * A reader for the Gherkin the CloudEvents HTTP binding feature file uses: scenario outlines with an
 * HTTP request doc string, an attribute table, a JSON data doc string and an `Examples:` table,
 * expanded into one scenario per example row.
 * @see https://github.com/cloudevents/conformance/tree/main/features
 */

export interface HttpRequestText {
  method: string;
  path: string;
  headers: [string, string][];
  body: string;
}

export interface Scenario {
  name: string;
  request: HttpRequestText;
  attributes: Record<string, string>;
  data: unknown;
}

interface Outline {
  name: string;
  request: string;
  attributes: Record<string, string>;
  data: string;
  examples: Record<string, string>[];
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** A `"""` doc string starting at `lines[start]`, without the indentation of its opening quotes. */
function docString(lines: readonly string[], start: number): [string, number] {
  const open = lines[start] ?? '';
  const indent = open.length - open.trimStart().length;
  const body: string[] = [];
  let i = start + 1;
  while (i < lines.length && (lines[i] ?? '').trim() !== '"""') body.push((lines[i++] ?? '').slice(indent));
  return [body.join('\n'), i + 1];
}

function table(lines: readonly string[], start: number): [string[][], number] {
  const rows: string[][] = [];
  let i = start;
  while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) rows.push(cells(lines[i++] ?? ''));
  return [rows, i];
}

/** `POST /path HTTP/1.1`, header lines, a blank line, the body. */
export function parseHttpRequest(text: string): HttpRequestText {
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const [requestLine = '', ...headerLines] = head.split('\n');
  const [method = '', path = ''] = requestLine.split(' ');
  const headers = headerLines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  return { method, path, headers, body: split === -1 ? '' : text.slice(split + 2) };
}

function substitute(text: string, example: Record<string, string>): string {
  return text.replace(/<([^<>\s]+)>/g, (whole, name: string) => example[name] ?? whole);
}

function outlines(text: string): Outline[] {
  const lines = text.split(/\r?\n/);
  const found: Outline[] = [];
  let current: Outline | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = (lines[i] ?? '').trim();
    if (line.startsWith('Scenario Outline:')) {
      current = { name: line.slice('Scenario Outline:'.length).trim(), request: '', attributes: {}, data: '', examples: [] };
      found.push(current);
      i++;
    } else if (current && line.startsWith('Given an HTTP request')) {
      [current.request, i] = docString(lines, i + 1);
    } else if (current && line.startsWith('Then the attributes are:')) {
      const [[, ...rows], next] = table(lines, i + 1);
      current.attributes = Object.fromEntries(rows.map(([key = '', value = '']) => [key, value]));
      i = next;
    } else if (current && line.startsWith('And the data is equal to the following JSON:')) {
      [current.data, i] = docString(lines, i + 1);
    } else if (current && line.startsWith('Examples:')) {
      const [[header = [], ...rows], next] = table(lines, i + 1);
      current.examples = rows.map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ''])));
      i = next;
    } else {
      i++;
    }
  }
  return found;
}

/** Every scenario of a feature file, outlines expanded by their examples. */
export function readScenarios(text: string): Scenario[] {
  return outlines(text).flatMap((outline) =>
    outline.examples.map((example) => ({
      name: substitute(outline.name, example),
      request: parseHttpRequest(substitute(outline.request, example)),
      attributes: Object.fromEntries(Object.entries(outline.attributes).map(([key, value]) => [key, substitute(value, example)])),
      data: JSON.parse(outline.data) as unknown,
    })),
  );
}
