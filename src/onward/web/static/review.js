// The review page's keyboard: j/k move between emails, a accepts the email's proposals,
// x marks it not job mail, space ticks it, ? shows the list of keys. Everything here is
// also a button or link on the page, which works without this script.
(function () {
  "use strict";
  var form = document.querySelector("[data-review]");
  var keys = document.getElementById("review-keys");
  var current = -1;

  function rows() { return form ? form.querySelectorAll("[data-row]") : []; }

  function focusRow(n) {
    var all = rows();
    if (!all.length) { return; }
    current = Math.max(0, Math.min(all.length - 1, n));
    all.forEach(function (r) { r.classList.remove("current"); });
    all[current].classList.add("current");
    all[current].focus();
  }

  function currentRow() {
    var all = rows();
    var focused = document.activeElement && document.activeElement.closest("[data-row]");
    return focused || (current >= 0 ? all[current] : null);
  }

  function pick(row, on) {
    row.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = on; });
  }

  function accept(row) {
    if (!row.querySelector('input[name="ids"]')) { return; }
    rows().forEach(function (r) { pick(r, r === row); });
    form.action = "/review/accept";
    form.submit();
  }

  function notJob(row) {
    var button = row.querySelector("[data-key-not-job]");
    if (button) { button.click(); }
  }

  function typing(target) {
    return target.closest("input, select, textarea, button, summary, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "?") {
      if (keys) { keys.open = !keys.open; if (keys.open) { keys.scrollIntoView({block: "nearest"}); } }
      event.preventDefault();
      return;
    }
    if (typing(event.target) || !form) { return; }
    var row = currentRow();
    if (event.key === "j") { focusRow(current + 1); event.preventDefault(); }
    else if (event.key === "k") { focusRow(current - 1); event.preventDefault(); }
    else if (event.key === "a" && row) { accept(row); event.preventDefault(); }
    else if (event.key === "x" && row) { notJob(row); event.preventDefault(); }
    else if (event.key === " " && row && event.target === row) {
      var box = row.querySelector('input[name="ids"]');
      if (box) { pick(row, !box.checked); }
      event.preventDefault();
    }
  });

  if (form) {
    form.addEventListener("focusin", function (event) {
      var row = event.target.closest("[data-row]");
      if (!row) { return; }
      var all = Array.prototype.indexOf.call(rows(), row);
      if (all >= 0) { current = all; }
    });
    var tick = document.querySelector("[data-select-page]");
    if (tick) {
      tick.addEventListener("click", function (event) {
        event.preventDefault();
        var boxes = form.querySelectorAll('input[name="ids"]');
        var on = Array.prototype.some.call(boxes, function (b) { return !b.checked; });
        boxes.forEach(function (b) { b.checked = on; });
        tick.textContent = on ? "Untick this page" : "Tick everything on this page";
      });
    }
  }
  var toggle = document.querySelector("[data-keys-toggle]");
  if (toggle && keys) {
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      keys.open = !keys.open;
      if (keys.open) { keys.scrollIntoView({block: "nearest"}); }
    });
  }
})();
