/**
 * Client script, the mapping editor: a live preview as you type (debounced; stale answers dropped),
 * rendered by the server as HTML (a refused request's problem detail as text), and "go to line,
 * column" for errors that name a position.
 */
export const CLIENT_EDITOR = String.raw`
(function () {
  'use strict';
  var form = document.querySelector('form[data-preview-url]');
  if (!form) return;
  var output = document.getElementById('preview');
  var editor = document.getElementById('mapping-text');
  var DEBOUNCE_MS = 300;
  var timer = null;
  var sequence = 0;

  function value(name) {
    var field = form.elements.namedItem(name);
    if (!field) return '';
    if (field.length !== undefined && field.tagName !== 'SELECT') {
      for (var i = 0; i < field.length; i++) if (field[i].checked) return field[i].value;
      return '';
    }
    return field.value;
  }

  function preview() {
    timer = null;
    var mine = ++sequence;
    output.setAttribute('aria-busy', 'true');
    var body = {
      mapping_text: value('mapping_text'), sample: value('sample'),
      method: value('method'), headers: value('headers'), body: value('body')
    };
    fetch(form.getAttribute('data-preview-url'), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': hookgate.csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) { window.location.assign('/ui/sign-in'); throw new Error('signed out'); }
      if (response.ok) return response.text().then(hookgate.parse);
      // Errors are problem+json: say what the server said, as text.
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var notice = document.createElement('p');
        notice.className = 'notice error';
        notice.setAttribute('role', 'alert');
        notice.textContent = 'No preview: ' + (problem.detail || ('HTTP ' + response.status));
        return notice;
      });
    }).then(function (content) {
      if (mine !== sequence) return;
      output.replaceChildren(content);
      output.removeAttribute('aria-busy');
    }, function () { output.removeAttribute('aria-busy'); });
  }

  function schedule() {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(preview, DEBOUNCE_MS);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);

  // Tab inserts two spaces in the editor; Escape then Tab leaves it, so keyboard users are never trapped.
  var escaped = false;
  editor.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { escaped = true; return; }
    if (event.key !== 'Tab' || event.shiftKey || escaped) { escaped = false; return; }
    event.preventDefault();
    var start = editor.selectionStart;
    editor.setRangeText('  ', start, editor.selectionEnd, 'end');
    schedule();
  });

  output.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-goto-line]');
    if (!button) return;
    var line = Number(button.getAttribute('data-goto-line'));
    var column = Number(button.getAttribute('data-goto-column')) || 1;
    var lines = editor.value.split('\n');
    var offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset = Math.min(editor.value.length, offset + column - 1);
    editor.focus();
    editor.setSelectionRange(offset, offset);
  });
})();
`;
