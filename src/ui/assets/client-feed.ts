/**
 * Client script, the feed: "load more" appends the next page (through `next_page`), live mode polls
 * for events newer than the newest shown every 2 s while the tab is visible, for at most an hour,
 * and refreshes the histogram. Rows are HTML rendered by the server.
 */
export const CLIENT_FEED = `
(function () {
  'use strict';
  var feed = document.querySelector('[data-feed]');
  if (!feed) return;
  var list = feed.querySelector('[data-event-list]');
  var POLL_MS = 2000;
  var MAX_LIVE_MS = 3600000;
  var MAX_LIVE_ROWS = 1000;

  function sections(root) { return root.querySelectorAll('section.day'); }

  /** Puts the day sections of a fragment before (live) or after (load more) those shown, merging a shared day. */
  function merge(fragment, atTop) {
    var empty = list.querySelector('.empty');
    if (empty) empty.remove();
    var incoming = Array.prototype.slice.call(sections(fragment));
    if (atTop) incoming.reverse();
    incoming.forEach(function (section) {
      var shown = sections(list);
      var edge = atTop ? shown[0] : shown[shown.length - 1];
      if (edge && edge.getAttribute('data-day') === section.getAttribute('data-day')) {
        var target = edge.querySelector('ol');
        var rows = Array.prototype.slice.call(section.querySelectorAll('li.event-row'));
        if (atTop) rows.reverse().forEach(function (row) { target.insertBefore(row, target.firstChild); });
        else rows.forEach(function (row) { target.appendChild(row); });
      } else if (atTop) {
        list.insertBefore(section, list.firstChild);
      } else {
        list.appendChild(section);
      }
    });
  }

  feed.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-more-url]');
    if (!link) return;
    event.preventDefault();
    link.setAttribute('aria-busy', 'true');
    hookgate.getJson(link.getAttribute('data-more-url')).then(function (page) {
      merge(hookgate.parse(page.html), false);
      hookgate.announce(page.count + ' more events loaded');
      if (page.moreUrl) {
        link.setAttribute('data-more-url', page.moreUrl);
        link.setAttribute('href', page.pageUrl);
        link.removeAttribute('aria-busy');
      } else {
        link.parentNode.remove();
      }
    }, function () { link.removeAttribute('aria-busy'); hookgate.announce('Could not load more events'); });
  });

  var toggle = document.getElementById('live-toggle');
  var status = document.getElementById('live-status');
  var timer = null;
  var started = 0;
  var added = 0;

  // Arrival order: the server hands out a cursor and each answer the next one.
  var cursor = feed.getAttribute('data-live-cursor') || '';

  function shown(row) {
    return list.querySelector('li.event-row[data-id="' + row.getAttribute('data-id') + '"]') !== null;
  }

  function poll() {
    timer = null;
    if (!toggle.checked) return;
    if (Date.now() - started > MAX_LIVE_MS || added > MAX_LIVE_ROWS) { stop('Live mode paused after an hour; switch it on again to go on.'); return; }
    if (document.hidden) { schedule(); return; }
    var url = feed.getAttribute('data-live-url') + '&cursor=' + encodeURIComponent(cursor);
    hookgate.getJson(url).then(function (update) {
      cursor = update.cursor || cursor;
      if (update.count > 0) {
        var fragment = hookgate.parse(update.html);
        var fresh = 0;
        fragment.querySelectorAll('li.event-row').forEach(function (row) {
          if (shown(row)) row.remove(); else { row.classList.add('new'); fresh += 1; }
        });
        sections(fragment).forEach(function (section) { if (!section.querySelector('li.event-row')) section.remove(); });
        if (fresh > 0) {
          merge(fragment, true);
          added += fresh;
          hookgate.announce(fresh === 1 ? '1 new event' : fresh + ' new events');
        }
      }
      var histogram = document.getElementById('histogram');
      if (histogram && update.histogram) histogram.replaceWith(hookgate.parse(update.histogram));
      var total = document.getElementById('total');
      if (total && update.totalText) total.textContent = update.totalText;
      schedule();
    }, function () { schedule(POLL_MS * 3); });
  }

  function schedule(delay) { if (toggle.checked && timer === null) timer = setTimeout(poll, delay || POLL_MS); }

  function setUrl(live) {
    var url = new URL(window.location.href);
    if (live) url.searchParams.set('live', '1'); else url.searchParams.delete('live');
    history.replaceState(null, '', url.pathname + url.search);
  }

  function start() {
    started = Date.now();
    added = 0;
    status.textContent = 'Live: new events appear as they arrive.';
    setUrl(true);
    schedule(10);
  }

  function stop(message) {
    toggle.checked = false;
    if (timer !== null) { clearTimeout(timer); timer = null; }
    status.textContent = message || 'Live mode is off.';
    setUrl(false);
  }

  if (toggle) {
    toggle.disabled = false;
    toggle.addEventListener('change', function () { if (toggle.checked) start(); else stop(); });
    if (toggle.checked) start();
  }
})();
`;
