/**
 * The CloudEvents HTTP protocol binding conformance cases, every one: the conformance tool's YAML
 * events (conformance/yaml/**) and the Gherkin feature's scenarios. Each YAML event is sent the way
 * its `Mode` says; one without a `Mode` (the tool sends those in binary mode) is sent in binary and in
 * structured mode. Each must become the event the mapping rules predict, field by field.
 * @see https://github.com/cloudevents/conformance
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScenarios } from './gherkin';
import { type ExpectedCloudEvent, expectEvents, fixtureText, withCeApp } from './harness';
import { readYamlDocuments, type YamlMap, type YamlValue } from './yaml';

type Mode = 'binary' | 'structured';

interface YamlCase {
  name: string;
  mode: Mode;
  /** Context attributes and extensions, trimmed as the conformance tool trims them when it sends them. */
  attributes: Record<string, string>;
  transport: Record<string, string>;
  data: string;
}

const YAML_DIR = new URL('../../../shared/fixtures/cloudevents/conformance/yaml/', import.meta.url);
const YAML_FILES = (readdirSync(YAML_DIR, { recursive: true }) as string[]).filter((file) => file.endsWith('.yaml')).sort();

function texts(value: YamlValue | undefined): Record<string, string> {
  if (value === undefined || typeof value === 'string') return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function trimmed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()]));
}

function yamlCases(file: string): YamlCase[] {
  return readYamlDocuments(fixtureText(`conformance/yaml/${file}`)).flatMap((document: YamlMap, index) => {
    const context = document.ContextAttributes as YamlMap;
    const attributes = trimmed({ ...texts(context), ...texts(context.Extensions) });
    const modes: Mode[] = document.Mode ? [document.Mode as Mode] : ['binary', 'structured'];
    return modes.map((mode) => ({
      name: `${file} #${index + 1} ${attributes.id} (${mode}${document.Mode ? '' : ', no Mode given'})`,
      mode,
      attributes,
      transport: texts(document.TransportExtensions),
      data: typeof document.Data === 'string' ? document.Data : '',
    }));
  });
}

const isJsonType = (type: string | undefined) => type === undefined || /^application\/(?:[\w.-]+\+)?json\b/.test(type);

/** Binary mode as the conformance tool sends it: `ce-*` headers, `Content-Type`, the data as the body. */
function binaryRequest(event: YamlCase): { headers: Headers; body: BodyInit } {
  const headers = new Headers(event.transport);
  for (const [name, value] of Object.entries(event.attributes)) {
    headers.set(name === 'datacontenttype' ? 'content-type' : `ce-${name}`, value);
  }
  // Bytes, not text: a text body would get a default Content-Type the event does not have.
  return { headers, body: new TextEncoder().encode(event.data) };
}

/** Structured mode: the event in the JSON format, data as a JSON value when it is JSON, else as a string. */
function structuredRequest(event: YamlCase): { headers: Headers; body: string } {
  const headers = new Headers(event.transport);
  headers.set('content-type', 'application/cloudevents+json');
  const data = isJsonType(event.attributes.datacontenttype) ? JSON.parse(event.data) : event.data;
  return { headers, body: JSON.stringify({ ...event.attributes, data }) };
}

/** The data the mapping stores: the JSON value for JSON (or untyped) data, else the text. */
function expectedData(event: YamlCase): ExpectedCloudEvent['data'] {
  return { data: isJsonType(event.attributes.datacontenttype) ? JSON.parse(event.data) : event.data };
}

describe('conformance YAML (conformance/yaml/**)', () => {
  it('finds the YAML files and reads every document of each', () => {
    expect(YAML_FILES.length).toBeGreaterThan(0);
    for (const file of YAML_FILES) {
      const text = fixtureText(`conformance/yaml/${file}`);
      expect(readYamlDocuments(text), file).toHaveLength(text.split(/^---\s*$/m).length);
    }
  });

  it.each(YAML_FILES.flatMap(yamlCases).map((event) => [event.name, event] as const))('%s', (_name, event) =>
    withCeApp(async (ce) => {
      const response = await ce.send(event.mode === 'binary' ? binaryRequest(event) : structuredRequest(event));
      await expectEvents(ce, response, [
        { attributes: event.attributes, data: expectedData(event), occurred: event.attributes.time },
      ]);
    }),
  );
});

describe('HTTP protocol binding feature (conformance/features/http-protocol-binding.feature)', () => {
  const scenarios = readScenarios(fixtureText('conformance/features/http-protocol-binding.feature'));

  it('reads every scenario outline and example', () => {
    expect(scenarios.map((scenario) => scenario.name)).toEqual([
      'Binary content mode (application/json)',
      'Binary content mode (application/json; charset=utf-8)',
      'Structured content mode (application/cloudevents+json)',
      'Structured content mode (application/cloudevents+json; charset=utf-8)',
    ]);
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) =>
    withCeApp(async (ce) => {
      // Host and Content-Length belong to the connection (the fixture's lengths are not the bodies').
      const headers = scenario.request.headers.filter(([name]) => !/^(host|content-length)$/i.test(name));
      const response = await ce.send({ method: scenario.request.method, headers, body: scenario.request.body });
      await expectEvents(ce, response, [
        { attributes: scenario.attributes, data: { data: scenario.data }, occurred: scenario.attributes.time },
      ]);
    }),
  );
});
