/** The stylesheet: system fonts, light and dark from the system preference, readable from 375 px. */
export const APP_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f8fa; --panel: #ffffff; --text: #1c2330; --muted: #5b6474; --border: #d5dae2;
  --accent: #2456c7; --accent-text: #ffffff; --chip: #e8eefb; --chip-text: #1d3f8f;
  --danger: #b42318; --danger-bg: #fdecea; --ok: #1a7f37; --ok-bg: #e6f4ea; --bar: #4f7be0; --focus: #f5a300;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11151c; --panel: #1a202a; --text: #e6e9ef; --muted: #a2abba; --border: #333c4a;
    --accent: #7da2ff; --accent-text: #0d1320; --chip: #24324f; --chip-text: #c9d7ff;
    --danger: #ff8a80; --danger-bg: #3a1d1d; --ok: #7ee2a0; --ok-bg: #17301f; --bar: #7da2ff;
  }
}
* { box-sizing: border-box; }
fieldset { min-width: 0; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; }
a { color: var(--accent); }
code, pre, textarea.code { font-family: var(--mono); font-size: 13px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: 8px; top: -48px; background: var(--panel); padding: 8px 12px; z-index: 10; }
.skip-link:focus { top: 8px; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; padding: 10px 16px;
  background: var(--panel); border-bottom: 1px solid var(--border); }
.brand { font-weight: 700; font-size: 17px; color: var(--text); text-decoration: none; }
header.top nav { display: flex; gap: 16px; flex: 1; }
header.top nav a { text-decoration: none; padding: 4px 2px; }
header.top nav a[aria-current="page"] { font-weight: 600; border-bottom: 2px solid var(--accent); }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
main:focus { outline: none; }
h1 { font-size: 22px; margin: 4px 0 12px; overflow-wrap: anywhere; }
h2 { font-size: 16px; margin: 18px 0 8px; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 14px; margin: 12px 0; }
button, .button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: var(--accent-text); cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
button.link { background: none; border: none; color: var(--accent); padding: 4px 2px; text-decoration: underline; }
button.copy { padding: 2px 8px; font-size: 13px; background: transparent; color: var(--accent); }
input, select, textarea { font: inherit; color: var(--text); background: var(--panel); border: 1px solid var(--border);
  border-radius: 6px; padding: 6px 8px; max-width: 100%; }
textarea { width: 100%; }
label { font-weight: 600; display: block; margin-bottom: 4px; }
.hint { color: var(--muted); font-size: 13px; }
.preset-list { list-style: none; margin: 6px 0; padding: 0; max-height: 320px; overflow-y: auto; border: 1px solid var(--border); border-radius: 8px; }
.preset-list li { padding: 6px 10px; border-bottom: 1px solid var(--border); }
.preset-list li[hidden] { display: none; }
.preset-list button.link { background: none; border: 0; padding: 0; color: inherit; font-weight: 600; cursor: pointer; text-decoration: underline; }
.notice { border-radius: 6px; padding: 10px 12px; margin: 10px 0; background: var(--ok-bg); color: var(--ok); }
.notice.error { background: var(--danger-bg); color: var(--danger); }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 10px 14px; align-items: end;
  background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px; }
.filters .field input, .filters .field select { width: 100%; }
.combo { display: flex; gap: 4px; }
.combo select { width: auto !important; flex: none; }
.combo input { flex: 1; min-width: 0; }
.custom-range { display: none; grid-column: 1 / -1; border: 1px dashed var(--border); border-radius: 6px; gap: 6px 10px;
  grid-template-columns: auto 1fr auto 1fr; align-items: center; }
.filters:has(select[name="range"] option[value="custom"]:checked) .custom-range { display: grid; }
.custom-range label { margin: 0; }
.filters .actions { display: flex; gap: 12px; align-items: center; }
.toolbar { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin: 12px 0; }
.toolbar .count { color: var(--muted); }
.switch { display: inline-flex; align-items: center; gap: 8px; font-weight: 600; }
.switch input { width: 18px; height: 18px; }
.histogram { margin: 12px 0; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px 6px; }
.histogram svg { width: 100%; height: 80px; display: block; }
.histogram .bar { fill: var(--bar); }
.histogram .bar:hover { fill: var(--accent); }
.histogram .baseline { stroke: var(--border); stroke-width: 1; }
.histogram-axis { display: flex; justify-content: space-between; color: var(--muted); font-size: 12px; margin-top: 4px; }
.day h2 { position: sticky; top: 0; background: var(--bg); padding: 6px 0; margin: 12px 0 4px; font-size: 14px; color: var(--muted); }
ol.events { list-style: none; margin: 0; padding: 0; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; }
.event-row { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 2fr) auto; gap: 6px 14px; align-items: center;
  padding: 10px 12px; border-top: 1px solid var(--border); }
.event-row:first-child { border-top: none; }
.event-row.failed .event-name { color: var(--danger); }
.event-row.new { animation: flash 2s ease-out; }
@keyframes flash { from { background: var(--chip); } to { background: transparent; } }
@media (prefers-reduced-motion: reduce) { .event-row.new { animation: none; } }
.event-main { display: flex; flex-direction: column; min-width: 0; }
.event-name { font-weight: 600; overflow-wrap: anywhere; }
.resource { color: var(--muted); text-decoration: none; display: flex; flex-wrap: wrap; gap: 0 6px; min-width: 0; }
.resource:hover .resource-id { text-decoration: underline; }
.resource-id { overflow-wrap: anywhere; }
.event-row time { color: var(--muted); font-size: 13px; white-space: nowrap; }
ul.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; min-width: 0; }
.chip { display: inline-block; background: var(--chip); color: var(--chip-text); border-radius: 12px; padding: 1px 9px;
  font-size: 13px; text-decoration: none; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip.active { outline: 2px solid var(--accent); }
.chip-role { opacity: 0.75; }
.load-more { text-align: center; margin: 16px 0; }
.empty { color: var(--muted); padding: 20px; text-align: center; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 8px 10px; border-top: 1px solid var(--border); vertical-align: top; overflow-wrap: anywhere; }
thead th { border-top: none; color: var(--muted); font-weight: 600; font-size: 13px; }
details.json summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
pre { background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 10px; overflow: auto; max-height: 480px; margin: 6px 0; }
.side-by-side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
.side-by-side > * { min-width: 0; }
.url-line { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.url-line code { overflow-wrap: anywhere; }
.editor { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 14px; }
.editor textarea.code { min-height: 360px; tab-size: 2; line-height: 1.45; }
.sample-choice { border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; margin: 0 0 10px; }
.sample-choice label { display: inline; font-weight: 400; margin-right: 12px; }
.pasted { display: none; }
.sample-choice:has(input[value="pasted"]:checked) ~ .pasted { display: block; }
.preview-result .error-position { font-weight: 600; }
.buttons { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-top: 10px; }
.toggle { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; border-radius: 14px; font-size: 13px; }
.toggle[aria-checked="true"] { background: var(--ok-bg); color: var(--ok); border-color: var(--ok); }
.toggle[aria-checked="false"] { background: transparent; color: var(--muted); border-color: var(--border); }
.danger-zone { border-color: var(--danger); }
.sign-in { max-width: 420px; margin: 40px auto; }
.sign-in input { width: 100%; }
@media (max-width: 720px) {
  main { padding: 10px; }
  .event-row { grid-template-columns: minmax(0, 1fr) auto; }
  .event-row ul.chips { grid-column: 1 / -1; grid-row: 2; }
  .side-by-side, .editor { grid-template-columns: minmax(0, 1fr); }
  .custom-range { grid-template-columns: auto 1fr; }
  table.webhooks thead { display: none; }
  table.webhooks, table.webhooks tbody, table.webhooks tr, table.webhooks td { display: block; width: 100%; }
  table.webhooks tr { border-top: 1px solid var(--border); padding: 6px 0; }
  table.webhooks td { border: none; padding: 3px 6px; }
  table.webhooks td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: 13px; }
}
`;
