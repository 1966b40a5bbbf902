// communique pages: small progressive enhancements; every page works without this file.
"use strict";
(function () {
  // Network: hovering or tapping an actor lights it, its links and its neighbours.
  function setupNetwork() {
    var svg = document.getElementById("network");
    if (!svg) return;
    var figure = svg.closest("figure");
    var nodes = svg.querySelectorAll(".node");
    var lines = svg.querySelectorAll(".edges line");
    function clear() {
      figure.classList.remove("focused");
      nodes.forEach(function (n) { n.classList.remove("lit"); });
      lines.forEach(function (l) { l.classList.remove("lit"); });
    }
    function focus(node) {
      clear();
      var id = node.getAttribute("data-id");
      var near = new Set((node.getAttribute("data-neighbors") || "").split(" "));
      near.add(id);
      figure.classList.add("focused");
      nodes.forEach(function (n) { if (near.has(n.getAttribute("data-id"))) n.classList.add("lit"); });
      lines.forEach(function (l) {
        if (l.getAttribute("data-a") === id || l.getAttribute("data-b") === id) l.classList.add("lit");
      });
    }
    nodes.forEach(function (n) {
      n.addEventListener("mouseenter", function () { focus(n); });
      n.addEventListener("focusin", function () { focus(n); });
    });
    svg.addEventListener("mouseleave", clear);
  }

  // Article text: hovering a highlighted passage lights the matching row of the extraction tables.
  function setupMarks() {
    document.querySelectorAll("mark[data-ref]").forEach(function (m) {
      var refs = m.getAttribute("data-ref").split(" ");
      m.addEventListener("mouseenter", function () {
        refs.forEach(function (r) { var row = document.getElementById(r); if (row) row.classList.add("active"); });
      });
      m.addEventListener("mouseleave", function () {
        refs.forEach(function (r) { var row = document.getElementById(r); if (row) row.classList.remove("active"); });
      });
    });
    // Clicking an event row scrolls to its first evidence passage.
    document.querySelectorAll("tr.evrow").forEach(function (row) {
      row.addEventListener("click", function () {
        var mark = document.querySelector('mark[data-ref~="' + row.id + '"]');
        if (!mark) return;
        document.querySelectorAll("mark.focus").forEach(function (x) { x.classList.remove("focus"); });
        mark.classList.add("focus");
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
      });
    });
  }

  // Filter forms: drop empty fields so shared URLs stay short.
  function setupForms() {
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (el) { if (!el.value) el.disabled = true; });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupNetwork();
    setupMarks();
    setupForms();
  });
})();
