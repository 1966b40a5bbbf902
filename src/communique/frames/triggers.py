"""Trigger words: the mode a verb or noun reports, and whether it is by phone, planned or an
urging rather than an engagement."""
from __future__ import annotations

import functools

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from communique.frames.words import words


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _mode_of(tok: Token) -> str | None:
    W = words()
    low = tok.lower_
    if (low in W["speech_nouns"] and tok.pos_ in ("NOUN", "PROPN") or low in W["alongside_verbs"] and _is_verb(tok)) \
            and _alongside(tok):
        return "meeting"  # "in a speech alongside Mr X", "speaking alongside his counterpart": together
    if _is_verb(tok) and low in W["verb_mode"]:
        return W["verb_mode"][low]
    if _is_verb(tok) and low in W["departure_verbs"] and any(c.dep_ == "dobj" and c.ent_type_ == "GPE"
                                                               for c in tok.children):
        return "visit"  # "after departing South Africa", "left Hanoi for Bangkok": had been there
    if _is_verb(tok) and low in W["urging_verbs"]:
        # "called on X" pays a courtesy call (urging is told apart in the frame); "called X" phones
        if any(c.dep_ in ("prep", "prt") and c.lower_ in W["urging_preps"] for c in tok.children):
            return "meeting"
        if any(c.dep_ == "dobj" for c in tok.children) and not any(c.dep_ in ("oprd", "xcomp", "ccomp")
                                                                     for c in tok.children):
            return "call"
    if low in ("chaired", "chair", "chairs", "chairing") and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "co":
        return "dialogue"  # the tokenizer splits "co-chaired" into "co", "-", "chaired"
    if tok.pos_ in ("NOUN", "PROPN") and low in W["noun_mode"]:
        return W["noun_mode"][low]
    if tok.pos_ in ("NOUN", "PROPN") and low in W["speech_nouns"] and _gathering_at(tok):
        return "conference"  # "a keynote speech at the summit": the speaker attended it
    if tok.pos_ in ("NOUN", "PROPN") and low in W["verb_mode"] and low in ("visit", "visits"):
        return "visit"
    return None


def _alongside(tok: Token) -> bool:
    """A word with "alongside" and someone after it ("a speech alongside X", "stood alongside X")."""
    return any(c.dep_ == "prep" and c.lower_ == "alongside" and any(g.dep_ == "pobj" for g in c.children)
               for c in tok.children)


def _gathering_at(tok: Token) -> str | None:
    """The gathering word a speech is given at, under the noun or under the verb that has the
    noun as object ("delivered a speech at the summit")."""
    W = words()
    heads = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "to", "before"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.lower_ in W["gathering_words"]:
                        return g.lower_
    return None


def _modifiers(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod")}


def _phone(tok: Token, verb: Token | None) -> bool:
    """A phone or video modifier on the trigger ("telephone talks") or "by phone" on its verb."""
    W = words()
    if _modifiers(tok) & W["call_modifiers"]:
        return True
    for head in (tok, verb):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "over", "via", "on"):
                if any(g.lower_ in W["call_modifiers"] or g.lower_ in ("phone", "telephone", "video", "videoconference")
                       for g in c.children):
                    return True
            if c.dep_ == "advmod" and c.lower_ in W["call_modifiers"]:
                return True
    return False


def _talked_about(tok: Token, verb: Token) -> bool:
    """"Could you tell us about the results of X's visit", "gave an interview on the results of the
    trip": the verb is about the trigger, a topic (a preposition of topic lies between them; "on"
    only past another noun, as "went on a visit" is the visit itself)."""
    t, nouns = tok, 0
    for _ in range(6):
        if t.i == verb.i or t.head.i == t.i:
            return False
        if t.dep_ == "prep" and (t.lower_ in ("about", "regarding", "concerning") or t.lower_ == "on" and nouns > 1):
            return True
        nouns += t.dep_ == "pobj"
        t = t.head
    return False


def _planned(tok: Token, verb: Token | None) -> bool:
    """A trigger under a modal, a plan, an invitation or "upcoming": not an event (yet)."""
    W = words()
    if _modifiers(tok) & W["planned_modifiers"]:
        return True
    chain = [tok]
    if verb is not None and verb.i != tok.i and not (tok.dep_ == "pobj" and tok.head.lower_ in W["past_preps"]) \
            and not _talked_about(tok, verb):
        chain.append(verb)  # "after visits to A and B, X will go on": the visits are done
    for t in chain:
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in W["planned_aux"]:
                return True
            if c.dep_ == "neg" or c.lower_ in W["negations"] and c.dep_ in ("neg", "advmod"):
                return True
    # walk up a few steps: "plans to visit", "ahead of his visit", "in preparation for X's trip"
    t = tok
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            break
        if t.dep_ in ("xcomp", "ccomp", "dobj", "nsubj", "nsubjpass", "acl", "pobj") and head.lower_ in W["called_off_heads"]:
            return True  # "refused to meet", "denied that he met", "talks ... have been postponed"
        if t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ in ("ccomp", "conj") and c.lower_ in W["called_off_heads"]
                                                     for c in head.children):
            return True  # "A meeting ... planned for Monday was cancelled", parsed with "cancelled" below "planned"
        if t.dep_ in ("xcomp", "pobj", "prep", "ccomp", "advcl", "acl", "dobj", "nsubj") and head.lower_ in W["planned_heads"]:
            if t.dep_ in ("xcomp", "pobj", "prep", "acl", "dobj") or head.lower_ in ("invitation", "preparation", "preparations"):
                return True
        if (t.dep_ == "xcomp" or t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)) \
                and any(c.dep_ == "aux" and c.lower_ in W["planned_aux"] for c in head.children):
            return True  # "will travel to X to attend the summit": the attending is planned too
        if t.dep_ not in ("xcomp", "pobj", "prep", "dobj", "acl", "compound", "amod", "conj"):
            break  # a conjunct goes up to the verb it is joined to: "will travel to X to attend Y and hold talks"
        t = head
    return False


def _urging(tok: Token) -> bool:
    """"called on X to <verb>" asks something of X; it is no courtesy call."""
    W = words()
    if tok.lower_ not in W["urging_verbs"]:
        return False
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in W["urging_preps"]:
            for g in c.subtree:
                if g.dep_ in ("xcomp", "acl", "relcl", "advcl") or (g.lower_ == "to" and g.dep_ == "aux"):
                    return True
        if c.dep_ in ("xcomp", "advcl", "ccomp") or c.lower_ == "for":
            return True
    return False


@functools.lru_cache(maxsize=1)
def _trigger_hashes() -> frozenset[int]:
    """The lower-case hash of every trigger word, as spaCy's StringStore computes it."""
    return frozenset(hash_string(w) for w in words()["any_trigger"])


def trigger_positions(doc: Doc) -> list[int]:
    """Indices of the doc's tokens that can start a frame, found once per doc in one array
    pass (spaCy's LOWER attribute against the trigger words' hashes) rather than by building
    every Token of every sentence."""
    got = doc.user_data.get(_TRIGGERS)
    if got is None:
        hashes = _trigger_hashes()  # a set lookup per token: np.isin sorts both arrays at each call
        lower = doc.to_array(LOWER).tolist() if len(doc) else []
        got = doc.user_data[_TRIGGERS] = [i for i, h in enumerate(lower) if h in hashes]
    return got


_TRIGGERS = "communique.frame_triggers"
