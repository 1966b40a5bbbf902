"""Geometry for the server-drawn SVG charts: stacked monthly bars and the actor network.

Drawing on the server keeps the pages working without JavaScript and under a strict CSP;
the network layout is networkx's spring layout (seeded, so a page looks the same each time).
The bar geometry is a few lines of arithmetic, kept here rather than pulling in a chart library.
"""
from __future__ import annotations

from collections import defaultdict

from communique import when

MODE_ORDER = ["meeting", "visit", "dialogue", "call", "conference", "signing", "unknown"]
LEVEL_ORDER_FALLBACK = ["head-of-state", "head-of-government", "minister", "deputy-minister",
                        "senior-official", "official", "legislator", "unknown"]


def _months(first: str, last: str) -> list[str]:
    return when.months(first, last, limit=600)


def stacked_bars(rows: list[dict], key: str, order: list[str], width: int = 720, height: int = 220) -> dict:
    """Lay out `rows` ([{"month","<key>","count"}]) as stacked bars, one bar per month, gaps included."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        month = str(r.get("month") or "")[:7]
        if len(month) == 7 and month[:4].isdigit():
            counts[month][r.get(key) or "unknown"] += int(r.get("count") or 0)
    if not counts:
        return {"bars": [], "series": [], "width": width, "height": height, "max": 0, "ticks": []}
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
        label_every = max(1, len(months) // 12)
        bars.append({"month": month, "total": total, "parts": parts, "x": round(x + bar_w / 2, 1),
                     "label": month if i % label_every == 0 else ""})
    ticks = sorted({0, top // 2, top}) if top > 1 else [0, top]
    return {"bars": bars, "series": series, "width": width, "height": height, "max": top,
            "base": pad_t + plot_h, "left": pad_l, "right": width - 8,
            "ticks": [{"value": t, "y": round(pad_t + plot_h - plot_h * t / top, 1)} for t in ticks]}


def _robust_range(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    cut = int(len(values) * 0.03) if len(values) >= 30 else 0
    return values[cut], values[-1 - cut]


def network_layout(graph: dict, width: int = 900, height: int = 640, max_nodes: int = 80, labels: int = 30) -> dict:
    """Place the busiest `max_nodes` nodes of Store.network() with a seeded spring layout; the busiest
    `labels` nodes carry a visible name (the others show theirs on hover)."""
    import math

    import networkx as nx

    nodes = sorted(graph.get("nodes") or [], key=lambda n: -int(n.get("count") or 0))[:max_nodes]
    keep = {n["id"] for n in nodes}
    edges = [e for e in graph.get("edges") or [] if e.get("source") in keep and e.get("target") in keep]
    g = nx.Graph()
    g.add_nodes_from(keep)
    for e in edges:
        g.add_edge(e["source"], e["target"], weight=float(e.get("count") or 1))
    if not nodes:
        return {"nodes": [], "edges": [], "width": width, "height": height, "hidden": 0}
    pos = nx.spring_layout(g, seed=7, k=3.0 / math.sqrt(max(1, len(nodes))), iterations=80) if len(nodes) > 1 \
        else {nodes[0]["id"]: (0.0, 0.0)}
    # Scale to the 3rd..97th percentile so a few stray components do not squeeze the main cluster.
    xs, ys = _robust_range([p[0] for p in pos.values()]), _robust_range([p[1] for p in pos.values()])
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    margin = 60
    top = max(int(n.get("count") or 0) for n in nodes) or 1
    placed = {}
    out_nodes = []
    for rank, n in enumerate(nodes):
        px, py = pos[n["id"]]
        px, py = min(max(px, xs[0]), xs[1]), min(max(py, ys[0]), ys[1])
        x = margin + (px - min(xs)) / span_x * (width - 2 * margin) if len(nodes) > 1 else width / 2
        y = margin + (py - min(ys)) / span_y * (height - 2 * margin) if len(nodes) > 1 else height / 2
        r = 4 + 13 * math.sqrt(int(n.get("count") or 0) / top)
        placed[n["id"]] = (x, y)
        out_nodes.append({**n, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1), "label": rank < labels,
                          "neighbors": sorted(str(v) for v in g.neighbors(n["id"]))})
    etop = max((int(e.get("count") or 1) for e in edges), default=1)
    out_edges = [{**e, "x1": round(placed[e["source"]][0], 1), "y1": round(placed[e["source"]][1], 1),
                  "x2": round(placed[e["target"]][0], 1), "y2": round(placed[e["target"]][1], 1),
                  "w": round(1 + 5 * int(e.get("count") or 1) / etop, 1)} for e in edges]
    return {"nodes": out_nodes, "edges": out_edges, "width": width, "height": height,
            "hidden": len(graph.get("nodes") or []) - len(nodes)}
