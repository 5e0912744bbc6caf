// The draft editor: checks update as you type (through /api/drafts/ID/check; nothing is
// saved), and "Copy the message" puts the subject and body on the clipboard.
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  if (!form) { return; }
  var id = form.dataset.draft;
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var list = document.getElementById("findings");
  var subject = form.elements.subject;
  var body = form.elements.body;
  var to = form.elements.to;
  var labels = { error: "Fix", warning: "Consider", ok: "Good" };
  var timer = null;
  var latest = 0;

  function show(findings) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    findings.forEach(function (f) {
      var item = document.createElement("li");
      item.className = "finding " + f.severity;
      var sev = document.createElement("span");
      sev.className = "sev";
      sev.textContent = labels[f.severity] || f.severity;
      item.appendChild(sev);
      item.appendChild(document.createTextNode(" " + f.message));
      list.appendChild(item);
    });
    list.dataset.checked = String(Date.now());
  }

  function check() {
    var ticket = ++latest;
    fetch("/api/drafts/" + id + "/check", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ subject: subject.value, body: body.value, to: to.value }),
      credentials: "same-origin"
    }).then(function (response) { return response.json(); })
      .then(function (data) { if (ticket === latest && data.findings) { show(data.findings); } })
      .catch(function () { /* the saved checks stay on screen */ });
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 300);
  }
  [subject, body, to].forEach(function (el) { el.addEventListener("input", soon); });

  var copy = document.getElementById("copy-draft");
  var status = document.getElementById("copy-status");
  if (navigator.clipboard && copy) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText("Subject: " + subject.value + "\n\n" + body.value).then(
        function () { status.textContent = "Copied. Paste it into your mail program."; },
        function () { status.textContent = "Copying was not allowed; select the text and copy it."; }
      );
    });
  }
}());
