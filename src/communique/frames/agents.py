"""Who did a frame's deed when the parse names them only indirectly: the leader "the first visit
by a French leader" stands for, the guest a host welcomes for a visit, the traveller of a trip
that included a stop."""
from __future__ import annotations

from spacy.tokens import Token

from communique.frames.destinations import hangs_under
from communique.frames.phrases import Phrases


def first_of_kind_subject(reader: Phrases, agent: Token) -> list:
    """The subject of the sentence's main clause, when `agent` ("a French leader" in "the first
    visit by a French leader") fits it: that person is the one the sentence is about; in a
    relative clause ("Y, who was making the first visit by an African leader"), the clause's."""
    clause, t = reader.sent.root, agent
    for _ in range(8):
        if t.dep_ == "relcl":
            clause = t
            break
        if t.head.i == t.i:
            break
        t = t.head
    subj, _ = reader.subject(clause)
    if subj is None or subj.i == agent.i:
        return []
    keys = reader.persons_at(subj)[0]
    disc = reader.discourse
    codes = {c for m in agent.children if m.dep_ == "amod" and m.text[:1].isupper() and not list(m.children)
             and (c := disc.demonym(m.text) if disc else None)}  # not "South American"
    if codes and disc is not None:
        keys = [k for k in keys if disc.describe(k).country in codes | {None}]
    return keys[:1]


def welcomed_guest(reader: Phrases, tok: Token, verb: Token | None, mode: str) -> Token | None:
    """The guest of a host verb that a visit noun hangs on ("welcomed Y ... for a state visit",
    "received Y on an official visit"), or None."""
    if mode != "visit" or verb is None or verb.i == tok.i or verb.lower_ not in reader.W["host_verbs"] \
            or tok.dep_ != "pobj" or not hangs_under(tok, verb):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and reader.persons_at(c)[0]), None)


def trip_owner(reader: Phrases, trip: Token) -> Token:
    """Who made a trip that is the subject of a stop ("at the end of his trip, which included a
    stopover in X"): its possessor, and for "his" the subject of the clause the trip is told in,
    through an infinitive of purpose ("an encounter with Y to round up his trip"); else the trip."""
    owner = next((c for c in trip.children if c.dep_ == "poss"), None)
    if owner is None:
        return trip
    told = reader.governing_verb(trip) if owner.tag_ == "PRP$" else None
    teller = None
    for _ in range(3):
        if told is None or (teller := reader.subject(told)[0]) is not None:
            break
        told = reader.governing_verb(told.head) if told.dep_ == "acl" else None
    return teller if told is not None and teller is not None else owner
