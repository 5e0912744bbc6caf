// The writing page's gentle timer: minutes written so far, and a kind word when the time is up.
// Nothing is sent anywhere; the page works without it.
(function () {
  "use strict";
  var timer = document.getElementById("writing-timer");
  if (!timer) return;
  var limit = parseInt(timer.getAttribute("data-minutes"), 10) || 20;
  var started = Date.now();
  function tick() {
    var minutes = Math.floor((Date.now() - started) / 60000);
    if (minutes >= limit) {
      timer.textContent = limit + " minutes are up. You can stop here, or finish your sentence.";
      return;
    }
    timer.textContent = minutes === 0 ? "Take your time." : minutes + " of " + limit + " minutes.";
    window.setTimeout(tick, 30000);
  }
  tick();
})();
