// Lighthouse-style checks run in the page by tests/test_browser.py: text alternatives and contrast.
// Returns a list of problems (strings); an empty list means the page passes.
(() => {
  const problems = [];
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const blend = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                   b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  const background = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      const c = parse(s.backgroundColor);
      if (s.backgroundImage && s.backgroundImage !== "none" && !(c && c.a)) return null;  // gradient: skip
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
    return bg;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && Number(s.opacity) > 0.1;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "");
  // Text alternatives: images, SVG charts, figures.
  document.querySelectorAll("img").forEach((img) => { if (!img.hasAttribute("alt")) problems.push("img without alt: " + img.src); });
  document.querySelectorAll("svg").forEach((svg) => {
    if (svg.getAttribute("aria-hidden") === "true") return;
    const label = svg.getAttribute("aria-label") || svg.getAttribute("aria-labelledby") || (svg.querySelector("title") && svg.querySelector(":scope > title"));
    if (!label || !["img", "group"].includes(svg.getAttribute("role"))) problems.push("svg without a text alternative: " + name(svg));
  });
  document.querySelectorAll("figure.chart").forEach((f) => { if (!f.querySelector("table")) problems.push("chart without a data table"); });
  // Text contrast (>= 4.5:1; 3:1 for large text) for every visible element with its own text.
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || seen.has(el) || el.closest("svg title, script, style, option, datalist, .swagger-ui")) continue;
    seen.add(el);
    if (!visible(el)) continue;
    const s = getComputedStyle(el);
    const inSvg = el.closest("svg");
    const fg = parse(inSvg ? s.fill : s.color);
    const bg = background(inSvg ? inSvg : el);
    if (!fg || !bg) continue;
    const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const got = ratio(blend(fg, bg), bg);
    if (got < need - 0.01) problems.push(`text contrast ${got.toFixed(2)} < ${need} on ${name(el)}: "${n.textContent.trim().slice(0, 30)}"`);
    if (inSvg && size < 12) problems.push(`chart label of ${size}px (< 12 px) on ${name(el)}`);
  }
  // Controls: input borders and buttons against what surrounds them (>= 3:1).
  document.querySelectorAll("input:not([type=hidden]):not([type=checkbox]), select, textarea, button").forEach((c) => {
    if (!visible(c) || c.closest(".swagger-ui")) return;
    const s = getComputedStyle(c);
    const around = background(c.parentElement);
    if (!around) return;
    if (c.tagName === "BUTTON") {
      const bg = parse(s.backgroundColor);
      const edge = bg && bg.a > 0 ? blend(bg, around) : parse(s.borderTopColor);
      if (edge && ratio(edge, around) < 3 - 0.01) problems.push(`button contrast ${ratio(edge, around).toFixed(2)} < 3 on ${name(c)}`);
    } else {
      // The control's edge: its border, or (borderless) its own background against what surrounds it.
      const edge = parseFloat(s.borderTopWidth) > 0 ? parse(s.borderTopColor) : parse(s.backgroundColor);
      if (edge && ratio(edge, around) < 3 - 0.01) problems.push(`control edge ${ratio(edge, around).toFixed(2)} < 3 on ${name(c)}`);
    }
  });
  return problems;
})()
