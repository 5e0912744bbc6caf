// The progress page of a mail import or sync (/mail/imports/ID): while it runs, ask the
// JSON API how far it got once a second and move the bar; when it ends, load the page again
// so the server shows the summary. Without this script the page refreshes itself (a
// <noscript> refresh), so it works the same, only less smoothly.
(function () {
  "use strict";
  var box = document.querySelector("[data-job]");
  if (!box) { return; }
  var state = box.getAttribute("data-state");
  if (state !== "running" && state !== "stopping") { return; }
  var bar = document.getElementById("job-progress");
  var status = document.getElementById("job-status");
  var url = box.getAttribute("data-job");

  function megabytes(n) { return (n / 1048576).toFixed(1); }

  function words(job) {
    if (job.state === "stopping") { return "Stopping after the message being read"; }
    if (!job.total) { return "Starting"; }
    var done = job.unit === "bytes"
      ? megabytes(job.read) + " of " + megabytes(job.total) + " MB read"
      : job.read.toLocaleString() + " of " + job.total.toLocaleString() + " messages read";
    return job.percent + "% · " + done + (job.step ? " · " + job.step : "");
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (answer) {
        if (!answer.ok) { throw new Error("status " + answer.status); }
        return answer.json();
      })
      .then(function (job) {
        if (job.state !== "running" && job.state !== "stopping") {
          window.location.reload();
          return;
        }
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
        var text = words(job);
        if (status.textContent !== text) { status.textContent = text; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        // The server went away (stopped, restarted): try again a little later.
        window.setTimeout(poll, 3000);
      });
  }

  window.setTimeout(poll, 500);
}());
