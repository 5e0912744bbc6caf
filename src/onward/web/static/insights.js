// Draw every insights chart: each element with data-figure holds a plotly figure as JSON
// (escaped by the template, never markup); the options come from data-config on #charts.
// plotly.js is loaded before this file from the installed Python package, never a CDN.
(function () {
  "use strict";
  var box = document.getElementById("charts");
  if (!box || typeof window.Plotly === "undefined") { return; }
  var config = JSON.parse(box.getAttribute("data-config") || "{}");
  var charts = box.querySelectorAll("[data-figure]");
  var narrow = window.matchMedia("(max-width: 40rem)").matches;
  // The page's theme (light or dark, onward.css's tokens): the chart sits on its card.
  var css = window.getComputedStyle(document.documentElement);
  function token(name) { return css.getPropertyValue(name).trim(); }
  function themed(layout) {
    layout.paper_bgcolor = "rgba(0,0,0,0)";
    layout.plot_bgcolor = "rgba(0,0,0,0)";
    layout.font = Object.assign({}, layout.font, { color: token("--ink") });
    Object.keys(layout).forEach(function (key) {
      if (!/^[xy]axis\d*$/.test(key)) { return; }
      layout[key].automargin = true;  // room for rotated tick labels and titles
      layout[key].gridcolor = token("--line");
      layout[key].linecolor = token("--line-strong");
      layout[key].zerolinecolor = token("--line-strong");
    });
  }
  Array.prototype.forEach.call(charts, function (el) {
    var figure = JSON.parse(el.getAttribute("data-figure"));
    var layout = figure.layout || {};
    layout.autosize = true;
    themed(layout);
    if (narrow) {  // a phone: smaller margins and title, the legend below the chart
      var legend = (figure.data || []).length > 1 && layout.showlegend !== false;
      layout.margin = { l: 44, r: 12, t: 48, b: legend ? 150 : 40 };
      layout.title = Object.assign({}, layout.title, { font: { size: 13 } });
      layout.legend = Object.assign({}, layout.legend,
        { orientation: "h", x: 0, y: 0, yref: "container", yanchor: "bottom" });
    }
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
