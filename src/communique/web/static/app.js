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
    var list = document.getElementById("node-list");
    function light(id) {
      if (!list) return;
      list.querySelectorAll("li").forEach(function (li) { li.classList.toggle("lit", li.getAttribute("data-id") === id); });
    }
    nodes.forEach(function (n) {
      n.addEventListener("mouseenter", function () { focus(n); light(n.getAttribute("data-id")); });
      n.addEventListener("focusin", function () { focus(n); light(n.getAttribute("data-id")); });
      // Keyboard and touch: Enter opens the actor; a first tap lights it (the tooltip), a second opens it.
      n.addEventListener("keydown", function (e) {
        if ((e.key === "Enter" || e.key === " ") && n.dataset.href) { e.preventDefault(); location.href = n.dataset.href; }
      });
      // Lit before the press began (hovered with a mouse, or tapped once already): open it.
      n.addEventListener("pointerdown", function () {
        n.armed = n.classList.contains("lit") && figure.classList.contains("focused");
      });
      n.addEventListener("click", function () {
        if (n.armed && n.dataset.href) location.href = n.dataset.href;
        else { focus(n); light(n.getAttribute("data-id")); }
      });
    });
    svg.addEventListener("mouseleave", clear);
    setupZoom(svg, figure);
  }

  // Zoom and pan by changing the SVG's viewBox: wheel or buttons to zoom, drag (mouse or finger) to pan.
  function setupZoom(svg, figure) {
    var full = svg.viewBox.baseVal, W = full.width, H = full.height, original = svg.getAttribute("viewBox");
    var view = { x: 0, y: 0, w: W, h: H };
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(1); }).join(" ")); }
    function zoom(f, cx, cy) {
      var w = Math.min(W, Math.max(W / 12, view.w * f)), h = w * H / W;
      cx = cx === undefined ? view.x + view.w / 2 : cx; cy = cy === undefined ? view.y + view.h / 2 : cy;
      view.x = cx - (cx - view.x) * w / view.w; view.y = cy - (cy - view.y) * h / view.h; view.w = w; view.h = h;
      apply();
    }
    figure.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var k = b.getAttribute("data-zoom");
        if (k === "in") zoom(0.7); else if (k === "out") zoom(1 / 0.7); else { view = { x: 0, y: 0, w: W, h: H }; svg.setAttribute("viewBox", original); }
      });
    });
    function point(e) {
      var r = svg.getBoundingClientRect();
      return { x: view.x + (e.clientX - r.left) / r.width * view.w, y: view.y + (e.clientY - r.top) / r.height * view.h };
    }
    svg.addEventListener("wheel", function (e) { e.preventDefault(); var p = point(e); zoom(e.deltaY < 0 ? 0.85 : 1 / 0.85, p.x, p.y); }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (e) { if (e.target.closest(".node")) return; drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y }; });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      view.x = drag.vx - (e.clientX - drag.x) / r.width * view.w; view.y = drag.vy - (e.clientY - drag.y) / r.height * view.h;
      apply();
    });
    window.addEventListener("pointerup", function () { drag = null; });
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
