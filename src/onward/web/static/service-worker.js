// Onward's service worker: it makes the app installable and shows a plain offline page when
// the server is stopped. It keeps ONLY the app shell (style sheet, icons, this page's script,
// the offline page) in its cache; pages, form answers and API answers always come from the
// server and are never stored, so nothing personal is ever kept by the browser here.
"use strict";

var CACHE = "onward-shell-v1";
var OFFLINE = "/static/offline.html";
var SHELL = [
  OFFLINE,
  "/static/onward.css",
  "/static/app.js",
  "/static/icon.svg",
  "/static/icon-192.png",
  "/static/icon-512.png"
];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isShell(url) {
  return url.origin === self.location.origin && SHELL.indexOf(url.pathname) !== -1;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }  // forms and API calls: the network only
  if (request.mode === "navigate") {
    // A page: always from the server; the offline page only when the server cannot be reached.
    event.respondWith(fetch(request).catch(function () { return caches.match(OFFLINE); }));
    return;
  }
  if (isShell(new URL(request.url))) {
    // The shell: fresh from the server when it runs (never stale), the cached copy when not.
    event.respondWith(fetch(request).catch(function () { return caches.match(request); }));
  }
});
