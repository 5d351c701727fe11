/**
 * Client script, shared part (plain ES2017, no build step): the reader's time zone for the server,
 * relative times kept current, copy buttons, and an `aria-live` announcer. Written without template
 * literals, as it is itself inside one.
 */
export const CLIENT_COMMON = `
var hookgate = (function () {
  'use strict';
  var zone = (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  var cookieZone = (document.cookie.match(/(?:^|; )hookgate_tz=([^;]*)/) || [])[1];
  if (decodeURIComponent(cookieZone || '') !== zone) {
    document.cookie = 'hookgate_tz=' + encodeURIComponent(zone) + '; path=/ui; max-age=31536000; SameSite=Strict';
  }
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : '';

  function announce(text) {
    var region = document.getElementById('announcer');
    if (!region) return;
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  }

  var UNITS = [['year', 31536000000], ['month', 2592000000], ['week', 604800000], ['day', 86400000],
    ['hour', 3600000], ['minute', 60000], ['second', 1000]];
  var relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  function relativeTime(ms) {
    var diff = ms - Date.now();
    for (var i = 0; i < UNITS.length; i++) {
      if (Math.abs(diff) >= UNITS[i][1]) return relative.format(Math.round(diff / UNITS[i][1]), UNITS[i][0]);
    }
    return relative.format(0, 'second');
  }
  function refreshTimes(root) {
    (root || document).querySelectorAll('time[data-relative]').forEach(function (el) {
      var ms = Date.parse(el.getAttribute('datetime'));
      if (!isNaN(ms)) el.textContent = relativeTime(ms);
    });
  }
  setInterval(refreshTimes, 30000);

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-copy]');
    if (!button) return;
    var value = button.getAttribute('data-copy');
    var done = function () { button.textContent = 'Copied'; announce('Copied to the clipboard'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(done, function () { announce('Could not copy'); });
    } else {
      var area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); done(); } catch (e) { announce('Could not copy'); }
      area.remove();
      button.focus();
    }
  });

  function parse(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  function getJson(url) {
    return fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (response.status === 401) { window.location.assign('/ui/sign-in'); throw new Error('signed out'); }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  return { csrf: csrf, announce: announce, refreshTimes: refreshTimes, parse: parse, getJson: getJson };
})();
`;
