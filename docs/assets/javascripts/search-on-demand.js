/* Search on demand: Material's search index and worker load at the first sign of
   intent to search, not on every visit (issue 7). Why and how: overrides/main.html. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var query = new URLSearchParams(location.search);
  // Not from file:// (offline bundle); not when ?q= or ?h= needs search at once.
  if (!/^https?:$/.test(location.protocol) || !config || query.has("q") || query.has("h")) return;
  config = JSON.parse(config.textContent);
  if (!config.search) return;
  var indexUrl = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  var workerUrl = new URL(config.search, location.href).href;
  var started = false;
  var waiting = []; // run at intent

  function start() {
    if (started) return;
    started = true;
    waiting.forEach(function (run) {
      setTimeout(run); // a task each, so that one failing cannot stop the other
    });
  }

  function is(url, target) {
    return new URL(String(url), location.href).href === target;
  }

  // The index request (XHR in Material 9): opened as usual, sent at intent.
  var xhr = XMLHttpRequest.prototype;
  var open = xhr.open;
  var send = xhr.send;
  xhr.open = function (method, url) {
    this.heldForSearch = !started && is(url, indexUrl);
    return open.apply(this, arguments);
  };
  xhr.send = function () {
    if (started || !this.heldForSearch) return send.apply(this, arguments);
    waiting.push(send.bind(this, ...arguments));
  };

  // The worker: a stand-in records Material's calls; at intent the real worker is
  // created (from the URL resolved now: instant navigation may change the page)
  // and the calls are replayed on it in order.
  var RealWorker = window.Worker;
  window.Worker = function Worker(url, options) {
    if (started || !is(url, workerUrl)) return new RealWorker(url, options);
    var calls = [];
    var standIn = {};
    ["addEventListener", "removeEventListener", "postMessage", "terminate"].forEach(function (name) {
      standIn[name] = function () {
        if (calls) calls.push([name, arguments]);
        else standIn.worker[name].apply(standIn.worker, arguments);
      };
    });
    waiting.push(function () {
      var queued = calls;
      calls = null;
      standIn.worker = new RealWorker(workerUrl, options);
      queued.forEach(function (call) {
        standIn.worker[call[0]].apply(standIn.worker, call[1]);
      });
    });
    return standIn;
  };

  // Intent: pointer, touch, focus or click on the search box or button (the F, S
  // and / shortcuts focus the box), or on the search toggle (opened by script).
  ["pointerover", "pointerdown", "touchstart", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest('.md-search, [for="__search"], #__search')) start();
    }, { capture: true, passive: true });
  });
})();
