// The board's drag and drop: drop a card on a column to move it. The move is checked by the
// server (the same rules as the Move button); a refused move is explained and nothing changes.
// Keyboard and touch users use each card's Move button, which needs no script.
(function () {
  "use strict";
  var board = document.querySelector("[data-board]");
  if (!board) { return; }
  var status = document.getElementById("board-status");
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var dragged = null;

  function say(text, refused) {
    status.textContent = text;
    status.classList.toggle("refused", Boolean(refused));
  }

  function columns() { return board.querySelectorAll(".column"); }

  board.addEventListener("dragstart", function (event) {
    var card = event.target.closest(".app-card");
    if (!card) { return; }
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.id);
    var allowed = (card.dataset.moves || "").split(" ");
    columns().forEach(function (col) {
      col.classList.add(allowed.indexOf(col.dataset.stage) >= 0 ? "drop-ok" : "drop-no");
    });
  });

  board.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("dragging"); }
    dragged = null;
    columns().forEach(function (col) { col.classList.remove("drop-ok", "drop-no"); });
  });

  board.addEventListener("dragover", function (event) {
    if (event.target.closest(".column")) { event.preventDefault(); }
  });

  board.addEventListener("drop", function (event) {
    var column = event.target.closest(".column");
    if (!column || !dragged) { return; }
    event.preventDefault();
    var card = dragged;
    var stage = column.dataset.stage;
    if (card.closest(".column") === column && stage !== "interview") { return; }
    say("Moving…");
    fetch("/api/applications/" + card.dataset.id + "/move", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ stage: stage }),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (result.data.redirect) { window.location.assign(result.data.redirect); return; }
      if (!result.ok) {
        var why = result.data.error || "that move is not possible";
        var hint = result.data.hint && result.data.hint.text;
        say("Not moved: " + why + (hint ? " (" + hint + ")" : ""), true);
        return;
      }
      say(result.data.message);
      window.location.reload();
    }).catch(function () {
      say("Onward could not be reached. Is `onward serve` still running?", true);
    });
  });
}());
