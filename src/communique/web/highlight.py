"""Cut an article's text into plain and marked segments for highlighting evidence and mentions.

The template escapes every segment (article text is untrusted); this module only decides where
marks begin and end. Overlapping spans are resolved by a boundary sweep, written here because no
library does offset-span layering over plain text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Span:
    start: int
    end: int
    kind: str  # CSS class: "evidence", "person", "commitment"
    label: str = ""
    ref: str | None = None  # anchor id of what the span belongs to, e.g. "event-1"


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(sorted(set(self.kinds)))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(l for l in self.labels if l))


def segments(text: str, spans: list[Span], window: tuple[int, int] | None = None) -> list[Segment]:
    """Split `text` (or `text[window]`) at every span boundary; each piece lists the spans covering it."""
    lo, hi = window or (0, len(text))
    lo, hi = max(0, lo), min(len(text), hi)
    spans = [s for s in spans if s.end > lo and s.start < hi and s.end > s.start]
    cuts = {lo, hi}
    for s in spans:
        cuts.add(min(max(s.start, lo), hi))
        cuts.add(min(max(s.end, lo), hi))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        covering = [s for s in spans if s.start <= a and s.end >= b]
        seg = Segment(text[a:b], [s.kind for s in covering], [s.label for s in covering],
                      [s.ref for s in covering if s.ref])
        if out and not covering and not out[-1].kinds:
            out[-1].text += seg.text
        else:
            out.append(seg)
    return out


def article_spans(extraction: dict, *, events: bool = True, persons: bool = True) -> list[Span]:
    """The spans of a contract dict: events' evidence, persons' mentions, commitments' evidence."""
    spans: list[Span] = []
    if events:
        for i, ev in enumerate(extraction.get("events") or []):
            names = ", ".join(a.get("name", "") for a in ev.get("actors") or [])
            label = f"{ev.get('type')}{'/' + ev['mode'] if ev.get('mode') else ''}: {names}"
            for start, end in ev.get("evidence") or []:
                spans.append(Span(int(start), int(end), "evidence", label, f"event-{i + 1}"))
        for i, c in enumerate(extraction.get("commitments") or []):
            label = f"commitment {c.get('donor')} -> {c.get('recipient')}: {c.get('amount')} {c.get('currency') or ''}"
            for start, end in c.get("evidence") or []:
                spans.append(Span(int(start), int(end), "commitment", label.strip(), f"commitment-{i + 1}"))
    if persons:
        for i, p in enumerate(extraction.get("persons") or []):
            label = p.get("name", "") + (f" ({p['country']})" if p.get("country") else "")
            for start, end in p.get("mentions") or []:
                spans.append(Span(int(start), int(end), "person", label, f"person-{i + 1}"))
    return spans
