"""Where a frame's engagement happened: the gathering a conference attends and the places a
visit went to."""
from __future__ import annotations

from spacy.tokens import Token

from communique.frames.phrases import Phrases
from communique.frames.triggers import _gathering_at, _is_verb
from communique.frames.words import words


def gathering(tok: Token) -> str | None:
    """The head word of the gathering a conference frame attends ("summit", "forum"), so
    that attendees told in several sentences join one event."""
    W = words()
    cands = []
    if _is_verb(tok):
        cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in cands):
            # "the summit in Nairobi, which was attended by X": the clause's antecedent (the
            # small model often hangs the clause on the place after the gathering)
            ante = tok.head
            cands = [ante] + ([ante.head.head] if ante.dep_ == "pobj" and ante.head.head.i != ante.i else [])
    else:
        return _gathering_at(tok)
    for c in cands:
        if c.lower_ in W["gathering_words"]:
            return c.lower_
    return None

def hangs_under(tok: Token, verb: Token, steps: int = 4) -> bool:
    """tok is reached from verb through prepositional phrases only ("at the end of a visit", "at
    the start of a three-day state visit")."""
    t = tok
    for _ in range(steps):
        if t.dep_ not in ("pobj", "prep") or t.head.i == t.i:
            return False
        t = t.head
        if t.i == verb.i:
            return True
    return False


def _listed(g: Token, appos: list[Token], c: Token) -> bool:
    """An apposition that is an item of a list of places ("visited A, B, C and D": the small
    model hangs B and C on A as appositions), not a place's refinement ("Honiara, Solomon
    Islands"): one of several appositions, or one in a list that goes on (items of its own, or
    of the place it hangs on)."""
    return len(appos) >= 2 or any(x.dep_ == "conj" for x in (*c.children, *g.children))


def _orphan_prep(tok: Token, W) -> bool:
    """A place preposition the parse left with no object ("in" of "stopped in Bucharest")."""
    return tok.dep_ == "prep" and tok.lower_ in W["destination_preps"] and not any(c.dep_ == "pobj" for c in tok.children)


def destinations(reader: Phrases, tok: Token, verb: Token | None) -> list[tuple[int, int]]:
    """Where a trip went: "visit to X", "visited X", "arrived on Monday in X", "is in X for
    a state visit", "a tour of A, B and C"."""
    W = words()
    out = []

    def add(g: Token):
        if g.pos_ != "PROPN":
            inner = [x for c in g.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
                     if x.dep_ == "pobj" and x.pos_ == "PROPN"]
            if inner:  # "the Russian city of Sochi", "the capital of Kenya"
                g = inner[0]
        if g.pos_ == "NOUN":  # "the country": keep the words before it for the anaphor check
            first = min([c for c in g.children if c.i < g.i and c.dep_ in ("det", "amod", "compound")] + [g],
                        key=lambda t: t.i)
            out.append((first.idx, g.idx + len(g.text)))
        else:
            out.append(reader._entity_span(g))
        appos = [c for c in g.children if c.dep_ == "appos"]
        for c in g.children:
            if c.dep_ == "conj" or (c.dep_ == "appos" and _listed(g, appos, c)):
                add(c)

    heads = [tok]
    if verb is not None and verb.i != tok.i and tok.dep_ == "pobj" and tok.head.head.i == verb.i:
        heads.append(verb)  # "is in X for a state visit", "arrived in X on an official visit"
    elif verb is not None and verb.lower_ in W["departure_verbs"] and hangs_under(tok, verb):
        heads.append(verb)  # "departed X at the end of a state visit"
    for g in reader.agent(tok) if not _is_verb(tok) else ():  # "the first visit by a French leader
        for _, place in reader.preps(g, frozenset({"to"})):   # to X": the small model hangs "to X" on the visitor
            add(place)
    for h in heads:
        kids = list(h.children)
        if _is_verb(h):  # "travelled with ministers for the talks in X": the parse hangs "for" lower
            kids += [x for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj" for x in g.children
                     if x.dep_ == "prep" and x.lower_ == "for"]
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in W["destination_preps"] and c.head.i == h.i:
                if c.lower_ == "of" and h.lower_ not in ("tour", "visit", "visits"):
                    continue
                for g in c.children:
                    if g.dep_ == "pobj":
                        add(g)
            if c.dep_ == "dobj" and _is_verb(h) and h.lower_ in ("visited", "visit", "visits", "visiting", "toured",
                                                                  "reached"):
                add(c)
            elif c.dep_ == "dobj" and c.i > 0 and _orphan_prep(c.doc[c.i - 1], W):
                add(c)  # "stopped in Bucharest" parsed with "in" object-less and "Bucharest" the verb's object
            elif _is_verb(h) and h.lower_ in ("visited", "visit", "visits", "visiting", "toured") \
                    and c.ent_type_ == "DATE" and c.i > h.i:
                # "visited Qatar March 3-5": the small model makes the place a compound of the date
                for g in c.children:
                    if g.dep_ == "compound" and g.i < c.i and g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "LOC"):
                        add(g)
            if c.dep_ == "dobj" and h.lower_ in W["departure_verbs"] and c.pos_ == "PROPN":
                add(c)  # "left Hanoi for Bangkok after a two-day visit": the visit was to the place left
            if c.dep_ == "prep" and c.lower_ == "for" and _is_verb(h):
                # "travelled to X for the talks", "flew in for the summit in X"
                for g in c.children:
                    if g.dep_ == "pobj" and g.lower_ in W["noun_mode"]:
                        for cc in g.children:
                            if cc.dep_ == "prep" and cc.lower_ in ("in", "at"):
                                for gg in cc.children:
                                    if gg.dep_ == "pobj":
                                        add(gg)
    return out
