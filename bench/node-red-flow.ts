/**
 * The Node-RED peer's user directory: a headless settings file (no editor, no admin API, no telemetry)
 * and the flow doing the github-push scenario's job as a Node-RED user would build it.
 * @see https://nodered.org/docs/user-guide/runtime/settings-file
 * @see https://nodered.org/docs/user-guide/nodes
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The path the flow listens on, below httpNodeRoot `/`. */
export const NODE_RED_HOOK_PATH = '/hooks/github';

/** Ours, as close as mustache allows to the github preset's event: the delivery id, the repository, the sender, the body. */
const EVENT_TEMPLATE = `{
  "id": "{{{req.headers.x-github-delivery}}}",
  "event": "github.{{{req.headers.x-github-event}}}",
  "occurred": "{{{received}}}",
  "resource": {
    "prefect.resource.id": "github.repository.{{{payload.repository.full_name}}}",
    "prefect.resource.name": "{{{payload.repository.full_name}}}",
    "github.url": "{{{payload.repository.html_url}}}"
  },
  "related": [
    {
      "prefect.resource.id": "github.user.{{{payload.sender.login}}}",
      "prefect.resource.role": "sender",
      "prefect.resource.name": "{{{payload.sender.login}}}"
    }
  ],
  "payload": {{{raw}}}
}`;

/**
 * http in (body-parser parses the JSON) → change (copy the body to msg.raw, stamp the receipt time)
 * → json (msg.raw back to a string) → template (the event, output parsed as JSON) → file (append one
 * NDJSON line; Node-RED answers after the write callback, without fsync) → http response 204.
 */
function flow(eventsFile: string): unknown[] {
  const z = 'bench';
  return [
    { id: z, type: 'tab', label: 'hookgate bench peer' },
    { id: 'in', z, type: 'http in', url: NODE_RED_HOOK_PATH, method: 'post', upload: false, wires: [['copy']] },
    {
      id: 'copy',
      z,
      type: 'change',
      rules: [
        { t: 'set', p: 'raw', pt: 'msg', to: 'payload', tot: 'msg' },
        { t: 'set', p: 'received', pt: 'msg', to: 'iso', tot: 'date' },
      ],
      wires: [['stringify']],
    },
    { id: 'stringify', z, type: 'json', property: 'raw', action: 'str', pretty: false, wires: [['event']] },
    {
      id: 'event',
      z,
      type: 'template',
      field: 'payload',
      fieldType: 'msg',
      format: 'handlebars',
      syntax: 'mustache',
      template: EVENT_TEMPLATE,
      output: 'json',
      wires: [['append']],
    },
    {
      id: 'append',
      z,
      type: 'file',
      filename: eventsFile,
      filenameType: 'str',
      appendNewline: true,
      createDir: false,
      overwriteFile: 'false',
      encoding: 'none',
      wires: [['respond']],
    },
    { id: 'respond', z, type: 'http response', statusCode: '204', headers: {}, wires: [] },
  ];
}

/** Headless: only the flow's HTTP endpoints, on the HOST and PORT the bench's process helper sets. */
const SETTINGS = `module.exports = {
  uiHost: process.env.HOST,
  uiPort: Number(process.env.PORT),
  httpAdminRoot: false,
  httpNodeRoot: '/',
  flowFile: 'flows.json',
  credentialSecret: false,
  apiMaxLength: '1mb',
  telemetry: { enabled: false },
  diagnostics: { enabled: false },
  runtimeState: { enabled: false },
  externalModules: { autoInstall: false, palette: { allowInstall: false } },
  logging: { console: { level: 'info', metrics: false, audit: false } },
};
`;

/** Writes settings.js and flows.json into `userDir`; the flow appends to the returned NDJSON file. */
export function writeNodeRedUserDir(userDir: string): { settingsFile: string; eventsFile: string } {
  const settingsFile = join(userDir, 'settings.js');
  const eventsFile = join(userDir, 'events.ndjson');
  writeFileSync(settingsFile, SETTINGS);
  writeFileSync(join(userDir, 'flows.json'), JSON.stringify(flow(eventsFile)));
  writeFileSync(eventsFile, '');
  return { settingsFile, eventsFile };
}
