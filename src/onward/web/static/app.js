// On every page: register the service worker (web/static/service-worker.js, served at
// /service-worker.js so it covers every page), which makes Onward installable as its own
// window and shows an offline page when the server is stopped.
(function () {
  "use strict";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/service-worker.js").catch(function () {
      // Without a worker Onward works the same; only the offline page is missing.
    });
  }
}());
