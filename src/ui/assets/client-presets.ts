/**
 * Client script, the preset picker (new-webhook page): the filter box hides the presets (list items
 * and "Start from" options) whose text lacks any typed word (a hidden preset that was chosen gives
 * way to the first match); a preset's title button selects it.
 * The words are matched against the same text the server searches (`data-search`).
 */
export const CLIENT_PRESETS = String.raw`
(function () {
  'use strict';
  var filter = document.getElementById('preset-filter');
  var select = document.getElementById('source');
  var count = document.getElementById('preset-count');
  if (!filter || !select) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('#preset-list li[data-search]'));
  var texts = {};
  items.forEach(function (item) { texts[item.getAttribute('data-preset')] = item.getAttribute('data-search'); });

  function matches(text, words) {
    for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return false;
    return true;
  }

  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item.getAttribute('data-search'), words);
      item.hidden = !ok;
      if (ok) shown++;
    });
    var first = null;
    Array.prototype.forEach.call(select.options, function (option) {
      var text = texts[option.value];
      if (text === undefined) return;
      var ok = matches(text, words);
      option.hidden = !ok;
      option.disabled = !ok;
      if (ok && !first) first = option;
    });
    var current = select.options[select.selectedIndex];
    // A preset the filter hid does not stay chosen: the first match takes its place.
    if (first && current && current.disabled) select.value = first.value;
    count.textContent = shown === items.length ? items.length + ' presets' : shown + ' of ' + items.length + ' presets';
  }

  filter.addEventListener('input', apply);
  filter.addEventListener('keydown', function (event) { if (event.key === 'Enter') event.preventDefault(); });
  document.getElementById('preset-list').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-choose]');
    if (!button) return;
    select.value = button.getAttribute('data-choose');
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.focus();
  });
})();
`;
