/*! Process Tracker embed. Add once per page, anywhere:
 *    <script src="https://TRACKER/embed.js" async></script>
 *  and a placeholder wherever a tracker should appear:
 *    <div data-process-tracker data-view="events" data-when="upcoming"></div>
 *  Each placeholder becomes a sandboxed iframe of the tracker served next to this file, sized to
 *  its content. No dependencies, no cookies, nothing sent anywhere but the tracker's own host. */
(function () {
  'use strict';

  var MESSAGE = 'process-tracker:height';
  // A real page is far shorter; anything taller is capped and the frame scrolls inside.
  var MAX_HEIGHT = 30000;
  // Run the app and let it fetch its own data (scripts, same origin); let "Open the full
  // tracker" open a normal tab (popups that escape the sandbox). Nothing else.
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  // data- attribute (camelCased by dataset) → query key. `process` is special: see params().
  // Must equal the tracker's filter vocabulary (core/facet.rs DIMS + core/route.rs EMBED_KEYS):
  // a native test compares them.
  var KEYS = {
    tag: 'tag', kind: 'kind', year: 'year', country: 'country', language: 'language', when: 'when',
    tentative: 'tentative', q: 'q', from: 'from', to: 'to',
    theme: 'theme', accent: 'accent', lang: 'lang', data: 'data', today: 'today'
  };

  var script = document.currentScript || findScript();
  if (!script || !script.src) return;
  var src = new URL(script.src, document.baseURI);
  var base = new URL('./', src).href;
  var origin = src.origin;
  var frames = new Map(); // frame id → iframe
  var count = 0;
  var tag = Math.random().toString(36).slice(2, 8);

  // currentScript is null when the script is run from a module or a loader; then take the last
  // embed.js on the page (the one most likely just added).
  function findScript() {
    var all = document.querySelectorAll('script[src]');
    for (var i = all.length - 1; i >= 0; i--) {
      var path = new URL(all[i].src, document.baseURI).pathname;
      if (/(^|\/)embed\.js$/.test(path)) return all[i];
    }
    return null;
  }

  function params(d, frame) {
    // A process on its own means its explainer.
    var view = (d.view || (d.process ? 'process' : 'overview')).trim();
    var out = [['view', view]];
    Object.keys(KEYS).forEach(function (k) {
      var v = d[k];
      if (v == null || v === '') return;
      v = String(v).trim();
      if (k === 'accent') v = v.replace(/^#/, '');
      // A partner may name its dataset relative to its own page.
      if (k === 'data') {
        try { v = new URL(v, document.baseURI).href; } catch (e) { return; }
      }
      out.push([KEYS[k], v]);
    });
    if (d.process) out.push(view === 'process' ? ['id', d.process.trim()] : ['process', d.process.trim()]);
    out.push(['embed', '1'], ['frame', frame]);
    return out.map(function (p) { return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]); }).join('&');
  }

  function mount(el) {
    if (el.hasAttribute('data-process-tracker-frame')) return;
    var id = 'pt-' + tag + '-' + (++count);
    el.setAttribute('data-process-tracker-frame', id);
    var f = document.createElement('iframe');
    // Before src: the sandbox must hold from the frame's first navigation.
    f.setAttribute('sandbox', SANDBOX);
    f.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    f.setAttribute('loading', 'lazy');
    f.setAttribute('title', el.dataset.title || 'Process Tracker');
    f.setAttribute('data-frame', id);
    // Through the CSSOM, so a partner's style-src policy has nothing to object to.
    f.style.display = 'block';
    f.style.width = '100%';
    f.style.border = '0';
    f.style.height = (parseInt(el.dataset.height, 10) || 480) + 'px';
    f.src = base + '?' + params(el.dataset, id);
    frames.set(id, f);
    // Whatever the placeholder held (a fallback link, say) is for readers without scripts.
    el.textContent = '';
    el.appendChild(f);
  }

  function scan() {
    var els = document.querySelectorAll('[data-process-tracker]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== MESSAGE || typeof d.frame !== 'string') return;
    var f = frames.get(d.frame);
    if (!f || e.source !== f.contentWindow) return;
    var h = d.height;
    if (typeof h !== 'number' || !isFinite(h) || h < 0) return;
    f.style.height = Math.ceil(Math.min(h, MAX_HEIGHT)) + 'px';
  });

  scan();
  // An async script may run before the rest of the page is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  // Pages that add placeholders later call ProcessTracker.scan().
  var api = window.ProcessTracker || (window.ProcessTracker = {});
  var previous = api.scan;
  api.scan = function () {
    scan();
    if (previous) previous();
  };
})();
