"""The office of a person titled only by a relation ("Foreign Minister X received his Ukrainian
counterpart Y"): a counterpart holds the office of the person they are the counterpart of."""
from __future__ import annotations

from communique import lexicon
from communique.analysis import PersonDraft
from communique.persons.tokens import token_country
from communique.text import name_key

REACH = 160  # how far before the counterpart's first mention the person they are the counterpart of is named


def _relational(title: str) -> bool:
    return "counterpart" in name_key(title).split()


def _office(title: str) -> str | None:
    """A formal title without the state it is of ("Kenyan Foreign Minister" -> "Foreign Minister"),
    or None when nothing of an office is left or it is itself relational."""
    words = title.split()
    while words and (token_country(words[0]) or name_key(words[0]) in ("the", "his", "her")):
        words = words[1:]
    for i, w in enumerate(words):  # "Minister of Foreign Affairs of Uzbekistan": its state cut off
        if w == "of" and i > 0 and any(token_country(" ".join(words[i + 1:j])) for j in range(i + 2, len(words) + 1)):
            words = words[:i]
            break
    if not words or _relational(" ".join(words)):
        return None
    heads = lexicon.titles().heads
    return " ".join(words) if any(name_key(w) in heads for w in words) else None


def counterpart_titles(entries: list[PersonDraft], text: str) -> None:
    """Give each person titled only "his/her X counterpart" the office of the titled person named
    just before in the same sentence."""
    for e in entries:
        if not e.titles or not all(_relational(t) for t in e.titles) or not e.mentions:
            continue
        first = min(a for a, _ in e.mentions)
        best, where = None, -1
        for o in entries:
            if o is e:
                continue
            for a, b in o.mentions:
                if first - REACH <= b <= first and b > where and "." not in text[b:first].replace("Mr.", "Mr"):
                    offices = [x for x in (_office(t) for t in o.titles) if x]
                    if offices:
                        best, where = offices, b
        if best:
            e.titles.extend(t for t in best[:1] if t not in e.titles)
