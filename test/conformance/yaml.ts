/**
 * A reader for the YAML the CloudEvents conformance files use, and nothing more: `---` documents,
 * `#` comments, nested block mappings, plain and quoted scalars, `|` block scalars. Scalars stay
 * text, as the conformance tool's Go structs read them (`specversion: 1.0` is "1.0", not 1).
 * @see https://github.com/cloudevents/conformance/tree/main/yaml
 */
export type YamlValue = string | YamlMap;
export interface YamlMap {
  [key: string]: YamlValue;
}

interface Line {
  indent: number;
  text: string;
  number: number;
}

const KEY_VALUE = /^([^:#"']+?)\s*:(?:\s+(.*))?$/;

function scalar(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  return text.replace(/\s+#.*$/, '').trim();
}

/** A `|` block scalar: lines indented deeper than the key, one trailing newline (clip chomping). */
function blockScalar(raw: readonly string[], start: number, keyIndent: number): [string, number] {
  let end = start;
  while (end < raw.length) {
    const line = raw[end] ?? '';
    if (line.trim() !== '' && line.length - line.trimStart().length <= keyIndent) break;
    end++;
  }
  const body = raw.slice(start, end);
  const firstText = body.find((line) => line.trim() !== '') ?? '';
  const blockIndent = firstText.length - firstText.trimStart().length;
  const text = body.map((line) => line.slice(blockIndent)).join('\n');
  return [`${text.replace(/\n*$/, '')}\n`, end];
}

function parseMapping(raw: readonly string[], start: number, indent: number): [YamlMap, number] {
  const map: YamlMap = {};
  let i = start;
  while (i < raw.length) {
    const source = raw[i] ?? '';
    const line: Line = { indent: source.length - source.trimStart().length, text: source.trim(), number: i + 1 };
    if (line.text === '' || line.text.startsWith('#')) {
      i++;
      continue;
    }
    if (line.indent < indent) break;
    if (line.indent > indent) throw new Error(`line ${line.number}: unexpected indentation`);
    const match = KEY_VALUE.exec(line.text);
    if (!match) throw new Error(`line ${line.number}: expected "key: value", got ${JSON.stringify(line.text)}`);
    const [, key = '', rest = ''] = match;
    if (rest === '|') {
      [map[key], i] = blockScalar(raw, i + 1, line.indent);
    } else if (rest === '') {
      const next = raw.slice(i + 1).find((candidate) => candidate.trim() !== '' && !candidate.trim().startsWith('#')) ?? '';
      const childIndent = next.length - next.trimStart().length;
      [map[key], i] = childIndent > indent ? parseMapping(raw, i + 1, childIndent) : ['', i + 1];
    } else {
      map[key] = scalar(rest);
      i++;
    }
  }
  return [map, i];
}

/** Every document of a YAML stream, as maps. */
export function readYamlDocuments(text: string): YamlMap[] {
  const documents: string[][] = [[]];
  for (const line of text.split(/\r?\n/)) {
    if (/^---\s*$/.test(line)) documents.push([]);
    else documents.at(-1)?.push(line);
  }
  return documents
    .filter((lines) => lines.some((line) => line.trim() !== '' && !line.trim().startsWith('#')))
    .map((lines) => parseMapping(lines, 0, 0)[0]);
}
