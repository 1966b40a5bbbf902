"""Geometry for the server-drawn SVG charts: stacked monthly bars and the actor network.

Drawing on the server keeps the pages working without JavaScript and under a strict CSP;
the network layout is networkx's spring layout (seeded, so a page looks the same each time).
The bar geometry is a few lines of arithmetic, kept here rather than pulling in a chart library.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from communique import when

MODE_ORDER = ["meeting", "visit", "dialogue", "call", "conference", "signing", "unknown"]
LEVEL_ORDER_FALLBACK = ["head-of-state", "head-of-government", "minister", "deputy-minister",
                        "senior-official", "official", "legislator", "unknown"]


def _months(first: str, last: str) -> list[str]:
    return when.months(first, last, limit=600)


def profile_charts(profile: dict, level_names: list[str]) -> dict:
    """Split aggregates.date_profile() rows into what each part of the pair page draws: monthly bars
    by mode and by level (events dated to a day or month, and ranges at their start month, marked),
    an annual strip for events dated only by year, and an undated bin, with the counts of each, so
    that every event is shown somewhere and "N of M charted" is exact."""
    by_mode, by_level = [], []
    years: Counter = Counter()
    year_series: dict[str, Counter] = defaultdict(Counter)
    undated: Counter = Counter()
    ranges: Counter = Counter()
    total = 0
    for r in profile["modes"]:
        n, month, series = int(r["count"]), r.get("month"), r.get("series") or "unknown"
        total += n
        if not month or len(month) < 7:
            undated[series] += n
            continue
        if r.get("precision") == "year":
            years[month[:4]] += n
            year_series[month[:4]][series] += n
            continue
        if r.get("precision") == "range":
            ranges[month] += n
        by_mode.append({"month": month, "mode": series, "count": n})
    for r in profile["levels"]:
        month, rank = r.get("month"), r.get("rank")
        if not month or len(month) < 7 or r.get("precision") == "year":
            continue
        level = level_names[rank] if rank is not None and 0 <= rank < len(level_names) else "unknown"
        by_level.append({"month": month, "level": level, "count": int(r["count"])})
    charted = total - sum(years.values()) - sum(undated.values())
    return {"total": total, "charted": charted, "ranges": sum(ranges.values()),
            "modes": stacked_bars(by_mode, "mode", MODE_ORDER, marks=ranges),
            "levels": stacked_bars(by_level, "level", level_names + ["unknown"], marks=ranges),
            "years": [{"year": y, "count": years[y], "series": dict(year_series[y])} for y in sorted(years)],
            "undated": {"count": sum(undated.values()), "series": dict(undated)}}


def stacked_bars(rows: list[dict], key: str, order: list[str], width: int = 560, height: int = 220,
                 marks: dict | None = None) -> dict:
    """Lay out `rows` ([{"month","<key>","count"}]) as stacked bars, one bar per month, gaps included;
    `marks` ({month: n}) flags months holding n events dated by a range (drawn at their start)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        month = str(r.get("month") or "")[:7]
        if len(month) == 7 and month[:4].isdigit():
            counts[month][r.get(key) or "unknown"] += int(r.get("count") or 0)
    if not counts:
        return {"bars": [], "series": [], "width": width, "height": height, "max": 0, "ticks": [], "table": []}
    months = _months(min(counts), max(counts))
    present = {s for c in counts.values() for s in c}
    series = [s for s in order if s in present] + sorted(present - set(order))
    top = max(sum(c.values()) for c in counts.values()) or 1
    pad_l, pad_b, pad_t = 32, 28, 8
    plot_w, plot_h = width - pad_l - 8, height - pad_b - pad_t
    step = plot_w / len(months)
    bar_w = min(48.0, max(2.0, step * 0.8))
    bars = []
    for i, month in enumerate(months):
        x = pad_l + i * step + (step - bar_w) / 2
        y = pad_t + plot_h
        parts = []
        for s in series:
            n = counts.get(month, {}).get(s, 0)
            if n:
                h = plot_h * n / top
                y -= h
                parts.append({"series": s, "index": series.index(s), "count": n, "x": round(x, 1),
                              "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1)})
        total = sum(counts.get(month, {}).values())
        label_every = max(1, len(months) // 12, math.ceil(64 / step))  # a "2025-03" label is ~55 px wide
        bars.append({"month": month, "total": total, "parts": parts, "x": round(x + bar_w / 2, 1),
                     "label": month if i % label_every == 0 else "", "ranges": (marks or {}).get(month, 0),
                     "top": round(y, 1)})
    ticks = sorted({0, top // 2, top}) if top > 1 else [0, top]
    table = [{"month": b["month"], "total": b["total"], "ranges": b["ranges"],
              "counts": [counts.get(b["month"], {}).get(s, 0) for s in series]} for b in bars if b["total"]]
    return {"bars": bars, "series": series, "width": width, "height": height, "max": top, "table": table,
            "base": pad_t + plot_h, "left": pad_l, "right": width - 8,
            "ticks": [{"value": t, "y": round(pad_t + plot_h - plot_h * t / top, 1)} for t in ticks]}


def _robust_range(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    cut = int(len(values) * 0.03) if len(values) >= 30 else 0
    return values[cut], values[-1 - cut]


PALETTE_SIZE = 8  # distinct country colours (style.css .c0-.c7); the rest share a neutral grey


def country_palette(nodes: list[dict]) -> dict[str, int]:
    """The busiest countries get the distinct colours, in order of their nodes' engagements."""
    weight: dict[str, int] = defaultdict(int)
    for n in nodes:
        if n.get("country"):
            weight[n["country"]] += int(n.get("count") or 0)
    ranked = sorted(weight, key=lambda c: (-weight[c], c))
    return {c: i for i, c in enumerate(ranked[:PALETTE_SIZE])}


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(nodes: list[dict], width: int, height: int, char_w: float = 6.8, line_h: float = 14.0) -> None:
    """Greedy label placement, busiest first: each label tries below, above, right, left and the four
    diagonals of its circle and is kept only where it overlaps no circle and no label already placed; the others are
    shown on hover or focus. Written here: the SVG is drawn on the server and no library lays out
    labels for a fixed node layout."""
    circles = [(n["x"] - n["r"], n["y"] - n["r"], n["x"] + n["r"], n["y"] + n["r"]) for n in nodes]
    placed: list[tuple] = []
    for i, n in enumerate(nodes):
        w = char_w * len(n.get("name") or "")
        x, y, r = n["x"], n["y"], n["r"]
        d = r * 0.7  # diagonal offsets
        options = [("middle", x, y + r + 12, (x - w / 2, y + r + 1, x + w / 2, y + r + 1 + line_h)),
                   ("middle", x, y - r - 4, (x - w / 2, y - r - 3 - line_h, x + w / 2, y - r - 3)),
                   ("start", x + r + 3, y + 4, (x + r + 2, y - line_h / 2, x + r + 2 + w, y + line_h / 2)),
                   ("end", x - r - 3, y + 4, (x - r - 2 - w, y - line_h / 2, x - r - 2, y + line_h / 2)),
                   ("start", x + d + 2, y + d + 12, (x + d + 1, y + d + 1, x + d + 1 + w, y + d + 1 + line_h)),
                   ("start", x + d + 2, y - d - 4, (x + d + 1, y - d - 3 - line_h, x + d + 1 + w, y - d - 3)),
                   ("end", x - d - 2, y + d + 12, (x - d - 1 - w, y + d + 1, x - d - 1, y + d + 1 + line_h)),
                   ("end", x - d - 2, y - d - 4, (x - d - 1 - w, y - d - 3 - line_h, x - d - 1, y - d - 3))]
        n["label"] = False
        n["lx"], n["ly"], n["anchor"] = options[0][1], options[0][2], "middle"
        for anchor, lx, ly, box in options:
            if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height:
                continue
            if any(_overlaps(box, b) for b in placed) or \
                    any(j != i and _overlaps(box, c) for j, c in enumerate(circles)):
                continue
            n.update(label=True, lx=round(lx, 1), ly=round(ly, 1), anchor=anchor)
            placed.append(box)
            break


def country_graph(counts: list[dict], pairs: list[dict]) -> dict:
    """A country-level network: countries as nodes (their events), pairs as edges (events together)."""
    nodes = [{"id": r["value"], "name": r["value"], "kind": "country", "country": r["value"], "count": r["count"]}
             for r in counts]
    keep = {n["id"] for n in nodes}
    edges = [{"source": p["a"], "target": p["b"], "count": p["count"]} for p in pairs
             if p["a"] in keep and p["b"] in keep]
    return {"nodes": nodes, "edges": edges}


def network_layout(graph: dict, width: int = 900, height: int = 640, max_nodes: int = 80,
                   min_weight: int = 1) -> dict:
    """Place the busiest `max_nodes` nodes of Store.network() with a seeded spring layout, links of
    fewer than `min_weight` engagements left out; labels placed without overlaps (place_labels),
    nodes coloured by country (country_palette)."""
    import math

    import networkx as nx

    nodes = sorted(graph.get("nodes") or [], key=lambda n: -int(n.get("count") or 0))[:max_nodes]
    keep = {n["id"] for n in nodes}
    edges = [e for e in graph.get("edges") or [] if e.get("source") in keep and e.get("target") in keep
             and int(e.get("count") or 1) >= min_weight]
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)  # in rank order, not set order: the same layout every run
    for e in sorted(edges, key=lambda e: (e["source"], e["target"])):
        g.add_edge(e["source"], e["target"], weight=float(e.get("count") or 1))
    palette = country_palette(nodes)
    if not nodes:
        return {"nodes": [], "edges": [], "width": width, "height": height, "hidden": 0, "palette": [],
                "dropped_edges": 0}
    pos = nx.spring_layout(g, seed=7, k=3.0 / math.sqrt(max(1, len(nodes))), iterations=80) if len(nodes) > 1 \
        else {nodes[0]["id"]: (0.0, 0.0)}
    # Scale to the 3rd..97th percentile so a few stray components do not squeeze the main cluster.
    xs, ys = _robust_range([p[0] for p in pos.values()]), _robust_range([p[1] for p in pos.values()])
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    margin = 60
    top = max(int(n.get("count") or 0) for n in nodes) or 1
    placed = {}
    out_nodes = []
    for n in nodes:
        px, py = pos[n["id"]]
        px, py = min(max(px, xs[0]), xs[1]), min(max(py, ys[0]), ys[1])
        x = margin + (px - min(xs)) / span_x * (width - 2 * margin) if len(nodes) > 1 else width / 2
        y = margin + (py - min(ys)) / span_y * (height - 2 * margin) if len(nodes) > 1 else height / 2
        r = 4 + 13 * math.sqrt(int(n.get("count") or 0) / top)
        placed[n["id"]] = (x, y)
        colour = palette.get(n.get("country"))
        out_nodes.append({**n, "x": round(float(x), 1), "y": round(float(y), 1), "r": round(r, 1),
                          "colour": f"c{colour}" if colour is not None else "c-other",
                          "neighbors": sorted(str(v) for v in g.neighbors(n["id"])), "degree": g.degree(n["id"])})
    place_labels(out_nodes, width, height)
    etop = max((int(e.get("count") or 1) for e in edges), default=1)
    out_edges = [{**e, "x1": round(placed[e["source"]][0], 1), "y1": round(placed[e["source"]][1], 1),
                  "x2": round(placed[e["target"]][0], 1), "y2": round(placed[e["target"]][1], 1),
                  "w": round(1 + 5 * int(e.get("count") or 1) / etop, 1)} for e in edges]
    all_edges = [e for e in graph.get("edges") or [] if e.get("source") in keep and e.get("target") in keep]
    return {"nodes": out_nodes, "edges": out_edges, "width": width, "height": height,
            "hidden": len(graph.get("nodes") or []) - len(nodes),
            "palette": sorted(palette, key=palette.get), "dropped_edges": len(all_edges) - len(edges)}


QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def trend_chart(rows: list[dict], width: int = 1120, height: int = 220) -> dict:
    """The cooperation-conflict trend from aggregates.trend() rows: events per month by CAMEO quad
    class (stacked bars) and their monthly mean Goldstein score (a line with a marked point per month,
    on a fixed -10..+10 scale), each event scored by the project's CAMEO table (communique.cameo).
    Events dated to a day or a month, and ranges at their start month, are charted; those dated only
    by year or undated are counted, not charted."""
    from communique.cameo import cameo_code

    per_month: dict[str, Counter] = defaultdict(Counter)
    score: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    total = uncoded = 0
    for r in rows:
        n, month = int(r["count"]), r.get("month")
        total += n
        if not month or len(month) < 7 or r.get("precision") == "year":
            continue
        code = cameo_code(r.get("cameo"), r.get("type"), r.get("mode"))
        if code is None:
            uncoded += n
            per_month[month]["unknown"] += n
            continue
        per_month[month][QUADS[code.quad_class]] += n
        score[month][0] += code.goldstein * n
        score[month][1] += n
    charted = sum(sum(c.values()) for c in per_month.values())
    bars = stacked_bars([{"month": m, "quad": q, "count": n} for m, c in per_month.items() for q, n in c.items()],
                        "quad", list(QUADS.values()) + ["unknown"], width=width, height=height)
    means = {m: round(s / k, 2) for m, (s, k) in score.items() if k}
    line = {"points": [], "width": width, "height": height, "ticks": []}
    if bars["bars"]:
        pad_t, pad_b = 8, 28
        plot_h = height - pad_t - pad_b

        def y(v: float) -> float:
            return round(pad_t + plot_h * (10 - v) / 20, 1)

        line.update(left=bars["left"], right=bars["right"], zero=y(0),
                    ticks=[{"value": v, "y": y(v)} for v in (-10, -5, 0, 5, 10)],
                    points=[{"month": b["month"], "x": b["x"], "y": y(means[b["month"]]), "mean": means[b["month"]],
                             "label": b["label"]} for b in bars["bars"] if b["month"] in means],
                    base=pad_t + plot_h)
        steps, gap = [], True  # the line breaks over months without events
        for b in bars["bars"]:
            if b["month"] not in means:
                gap = True
                continue
            steps.append(f"{'M' if gap else 'L'}{b['x']},{y(means[b['month']])}")
            gap = False
        line["path"] = " ".join(steps)
    quads = bars["series"]
    table = [{"month": row["month"], "events": row["total"], "mean_goldstein": means.get(row["month"]),
              **{q.replace(" ", "_"): n for q, n in zip(quads, row["counts"])}} for row in bars["table"]]
    columns = ["month", "events", "mean_goldstein"] + [q.replace(" ", "_") for q in list(QUADS.values()) + ["unknown"]
                                                       if q in quads]
    return {"total": total, "charted": charted, "uncoded": uncoded, "bars": bars, "line": line,
            "table": table, "columns": columns}
