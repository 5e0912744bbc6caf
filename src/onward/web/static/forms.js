// When a form comes back with problems, move focus to the list of them (screen readers then
// read it out, and keyboard users can follow its links to each field).
(function () {
  "use strict";
  var summary = document.getElementById("form-errors");
  if (summary) { summary.focus(); }
}());
