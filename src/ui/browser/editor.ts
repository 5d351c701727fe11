/**
 * The mapping editor: a live preview as you type (debounced; stale answers dropped), rendered by the
 * server as HTML (a refused request's problem detail as text), and "go to line, column" for errors
 * that name a position.
 */
import { checkSignedIn, closestTarget, csrf, parse } from './common';

const DEBOUNCE_MS = 300;

/** A form field's value; for a radio group, the checked one's ('' when none is). */
function fieldValue(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) return field.value;
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) {
    return field.value;
  }
  return '';
}

/** The preview, or a refused request's problem detail as an alert. */
async function renderPreview(response: Response): Promise<Node> {
  checkSignedIn(response);
  if (response.ok) return parse(await response.text());
  // Errors are problem+json: say what the server said, as text.
  const problem: { detail?: string } = await response.json().catch(() => ({}));
  const notice = document.createElement('p');
  notice.className = 'notice error';
  notice.setAttribute('role', 'alert');
  notice.textContent = `No preview: ${problem.detail || `HTTP ${response.status}`}`;
  return notice;
}

/** Puts the caret at 1-based `line`, `column` of the editor. */
function goTo(editor: HTMLTextAreaElement, line: number, column: number): void {
  const lines = editor.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  offset = Math.min(editor.value.length, offset + column - 1);
  editor.focus();
  editor.setSelectionRange(offset, offset);
}

function startPreview(form: HTMLFormElement, output: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sequence = 0;

  const preview = (): void => {
    timer = null;
    const mine = ++sequence;
    output.setAttribute('aria-busy', 'true');
    const value = (name: string): string => fieldValue(form, name);
    const body = {
      mapping_text: value('mapping_text'),
      sample: value('sample'),
      method: value('method'),
      headers: value('headers'),
      body: value('body'),
    };
    fetch(form.getAttribute('data-preview-url') ?? '', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    })
      .then(renderPreview)
      .then(
        (content) => {
          if (mine !== sequence) return;
          output.replaceChildren(content);
          output.removeAttribute('aria-busy');
        },
        () => output.removeAttribute('aria-busy'),
      );
  };

  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(preview, DEBOUNCE_MS);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  return schedule;
}

/** Starts the editor's scripts on a page with a `form[data-preview-url]`. */
export function startEditor(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-preview-url]');
  const output = document.getElementById('preview');
  const editor = document.getElementById('mapping-text');
  if (!form || !output || !(editor instanceof HTMLTextAreaElement)) return;
  const schedule = startPreview(form, output);

  // Tab inserts two spaces in the editor; Escape then Tab leaves it, so keyboard users are never trapped.
  let escaped = false;
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      escaped = true;
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey || escaped) {
      escaped = false;
      return;
    }
    event.preventDefault();
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
    schedule();
  });

  output.addEventListener('click', (event) => {
    const button = closestTarget(event, 'button[data-goto-line]');
    if (!button) return;
    goTo(editor, Number(button.getAttribute('data-goto-line')), Number(button.getAttribute('data-goto-column')) || 1);
  });
}
