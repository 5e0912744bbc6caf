// Reminders that reach the person while Onward is open in a tab: poll /reminders/due and
// show each due follow-up, check-in, interview or next step once as a browser notification,
// after the person allowed notifications (the button on the Settings page). The server says
// nothing during a dwell window, in quiet hours or with notifications turned off.
(function () {
  "use strict";
  if (!("Notification" in window)) { return; }
  var SHOWN = "onward-reminders-shown";
  var EVERY = 60 * 1000;
  var KEEP = 30 * 24 * 3600 * 1000;

  function shown() {
    try { return JSON.parse(window.localStorage.getItem(SHOWN) || "{}"); } catch (e) { return {}; }
  }

  function remember(seen) {
    var now = Date.now();
    Object.keys(seen).forEach(function (key) { if (now - seen[key] > KEEP) { delete seen[key]; } });
    try { window.localStorage.setItem(SHOWN, JSON.stringify(seen)); } catch (e) { /* private mode */ }
  }

  function notify(reminder) {
    var note = new window.Notification(reminder.label + ": " + reminder.title, {
      body: reminder.detail, tag: reminder.key, icon: "/static/icon-192.png"
    });
    note.onclick = function () {
      window.focus();
      window.location.href = reminder.url;
      note.close();
    };
  }

  function poll() {
    if (window.Notification.permission !== "granted") { return; }
    window.fetch("/reminders/due", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (due) {
        if (!due || !due.reminders) { return; }
        var seen = shown();
        due.reminders.forEach(function (reminder) {
          if (seen[reminder.key]) { return; }
          notify(reminder);
          seen[reminder.key] = Date.now();
        });
        remember(seen);
      })
      .catch(function () { /* the server is stopped: the next poll tries again */ });
  }

  // The Settings page: a button that asks the browser's permission, and what it answered.
  var button = document.getElementById("allow-notifications");
  var state = document.getElementById("notification-state");
  function describe() {
    if (!state) { return; }
    var permission = window.Notification.permission;
    state.textContent = permission === "granted"
      ? "Notifications are allowed in this browser."
      : permission === "denied"
        ? "This browser blocks Onward's notifications: allow them in the site settings (the icon beside the address)."
        : "Not allowed yet: your browser will ask you.";
    if (button && permission !== "default") {  // nothing left to ask ([hidden] loses to .button)
      button.remove();
      button = null;
    }
  }
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.Notification.requestPermission().then(function () { describe(); poll(); });
    });
  }
  describe();
  poll();
  window.setInterval(poll, EVERY);
}());
