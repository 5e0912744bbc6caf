// Draw every insights chart: each element with data-figure holds a plotly figure as JSON
// (escaped by the template, never markup); the options come from data-config on #charts.
// plotly.js is loaded before this file from the installed Python package, never a CDN.
(function () {
  "use strict";
  var box = document.getElementById("charts");
  if (!box || typeof window.Plotly === "undefined") { return; }
  var config = JSON.parse(box.getAttribute("data-config") || "{}");
  var charts = box.querySelectorAll("[data-figure]");
  Array.prototype.forEach.call(charts, function (el) {
    var figure = JSON.parse(el.getAttribute("data-figure"));
    var layout = figure.layout || {};
    layout.autosize = true;
    window.Plotly.newPlot(el, figure.data || [], layout, config).then(function () {
      el.setAttribute("data-drawn", "true");
    });
  });
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) { window.clearTimeout(pending); }
    pending = window.setTimeout(function () {
      Array.prototype.forEach.call(charts, function (el) { window.Plotly.Plots.resize(el); });
    }, 150);
  });
}());
