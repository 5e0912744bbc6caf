// On every page: the service worker, toasts and confirm dialogs. Everything here is an
// enhancement: without scripts a toast stays until the next page, and a form asks nothing.
(function () {
  "use strict";

  // The service worker (web/static/service-worker.js, served at /service-worker.js so it
  // covers every page) makes Onward installable as its own window and shows an offline page
  // when the server is stopped.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/service-worker.js").catch(function () {
      // Without a worker Onward works the same; only the offline page is missing.
    });
  }

  // Toasts: a close button, and they go by themselves after a while, unless the pointer or
  // the keyboard is on one (a toast with a link, such as "Undo", stays twice as long).
  var SHOWN_FOR = 10000;
  function dismiss(toast) { toast.hidden = true; }
  function watch(toast) {
    var close = toast.querySelector("[data-dismiss]");
    if (close) {
      close.hidden = false;
      close.addEventListener("click", function () { dismiss(toast); });
    }
    var held = false;
    toast.addEventListener("mouseenter", function () { held = true; });
    toast.addEventListener("mouseleave", function () { held = false; });
    toast.addEventListener("focusin", function () { held = true; });
    toast.addEventListener("focusout", function () { held = false; });
    var wait = toast.querySelector("a, form") ? 2 * SHOWN_FOR : SHOWN_FOR;
    function later() {
      if (held) { window.setTimeout(later, 2000); } else { dismiss(toast); }
    }
    window.setTimeout(later, wait);
  }
  document.querySelectorAll(".toast").forEach(watch);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll(".toast:not([hidden])").forEach(dismiss);
  });

  // On a phone the navigation scrolls sideways: bring this page's entry into view.
  var nav = document.querySelector(".top nav");
  var current = nav && nav.querySelector('[aria-current="page"]');
  if (current && nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }

  // A table wider than its box scrolls inside it: make that box reachable by keyboard, so it
  // can be scrolled without a mouse (a box that fits needs no extra tab stop).
  function scrollable() {
    document.querySelectorAll(".table-wrap, .board-row").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) { box.tabIndex = 0; }
      } else if (box.tabIndex === 0 && !box.dataset.keepTab) {
        box.removeAttribute("tabindex");
      }
    });
  }
  scrollable();
  window.addEventListener("resize", scrollable);

  // Confirm dialogs: a form with data-confirm="Question?" asks before it is sent;
  // data-confirm-yes names the confirming button (default "Yes").
  var dialog = null;
  function makeDialog() {
    var d = document.createElement("dialog");
    d.className = "confirm";
    d.setAttribute("aria-labelledby", "confirm-question");
    var h = document.createElement("h2");
    h.id = "confirm-question";
    var form = document.createElement("form");
    form.method = "dialog";
    form.className = "actions";
    var no = document.createElement("button");
    no.value = "no";
    no.className = "button quiet";
    no.textContent = "Cancel";
    var yes = document.createElement("button");
    yes.value = "yes";
    yes.className = "button danger";
    form.append(no, yes);
    d.append(h, form);
    document.body.append(d);
    return d;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) { return; }
    if (form.dataset.confirmed === "yes") { return; }
    if (typeof HTMLDialogElement !== "function") { return; }
    event.preventDefault();
    dialog = dialog || makeDialog();
    dialog.querySelector("h2").textContent = form.dataset.confirm;
    dialog.querySelector("button[value=yes]").textContent = form.dataset.confirmYes || "Yes";
    var submitter = event.submitter || null;
    dialog.returnValue = "";
    dialog.onclose = function () {
      if (dialog.returnValue !== "yes") { return; }
      form.dataset.confirmed = "yes";
      if (form.requestSubmit) { form.requestSubmit(submitter); } else { form.submit(); }
    };
    dialog.showModal();
    dialog.querySelector("button[value=no]").focus();
  });
}());
