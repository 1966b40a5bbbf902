"""Reads one sentence's engagement frames: for each trigger, the sides, roles, destinations
and whether it is planned."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Span, Token

from communique.frames.agents import first_of_kind_subject, trip_owner, welcomed_guest
from communique.frames.anaphora import Discourse, _first_of_kind
from communique.frames.destinations import destinations, gathering
from communique.frames.mentions import index_mentions
from communique.frames.model import Frame, MentionSpan
from communique.frames.phrases import Phrases, co_subjects
from communique.frames.triggers import _is_verb, _mode_of, _modifiers, _phone, _planned, _talked_about, _urging, trigger_positions


def _pair_sat_down(tok: Token, W) -> bool:
    """ "as the two men sat down", "the leaders sat down for talks": a group sat down together."""
    return tok.lower_ == "sat" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children) and any(
        c.dep_ == "nsubj" and c.lower_ in W["group_words"] for c in tok.children)


def _spoke_by_phone(tok: Token, W) -> bool:
    """ "the two leaders spoke by phone", "A and B talked over the phone": a group's talk by phone
    is a call between them, though no "with" names the other side."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in ("by", "over", "on")
               and any(g.dep_ == "pobj" and g.lower_ in W["phone_words"] for g in c.children) for c in tok.children)


class _Reader(Phrases):
    """Reads the frames of one sentence; holds the token index of its mentions."""

    def compound_participle(self, f: Frame, tok: Token) -> Frame | None:
        """"Greeting Ruto on the South Lawn, Biden said": the small model makes the fronted
        participle a compound of its object and the object a second subject of the main verb;
        the object is the counterpart, the main verb's other subject the one who greets."""
        objects, _ = self.persons_at(tok.head)
        others = [c for c in tok.head.head.children if c.dep_ == "nsubj" and c.i != tok.head.i]
        subjects = [k for c in others for k in self.np(c)[0] if k not in objects]
        if not objects or not subjects:
            return None
        f.side_a, f.side_b, f.subject = subjects, objects, list(subjects)
        if tok.lower_ in self.W["host_verbs"]:
            f.roles.update({**{k: "host" for k in subjects}, **{k: "guest" for k in objects}})
        return f

    def frame(self, tok: Token) -> Frame | None:
        W = self.W
        mode = _mode_of(tok)
        if mode is None:
            return None
        low = tok.lower_
        is_noun = not _is_verb(tok)
        verb = self.governing_verb(tok) if is_noun else tok
        f = Frame(trigger=tok, mode=mode)
        f.planned = _planned(tok, verb)
        if not is_noun and _urging(tok):
            return None
        if is_noun and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and _mode_of(tok.head) is None:
            return None  # "Carney, the summit host", "the meeting room": the noun only describes another
        if not is_noun and tok.dep_ == "compound" and tok.tag_ == "VBG" and tok.head.dep_ == "nsubj":
            return self.compound_participle(f, tok)
        if not is_noun and low in ("spoke", "speaks", "speak", "spoken", "speaking", "talked", "sat", "conferred",
                                   "confer", "confers") and not self.preps(tok, frozenset({"with", "to", "alongside"})) \
                and not _pair_sat_down(tok, W) and not _spoke_by_phone(tok, W):
            return None
        if not is_noun and low == "exchanged":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if not any(o.lower_ in W["document_words"] for o in objs):
                mode = f.mode = "meeting"  # "exchanged views with X"
        if is_noun and low in ("exchange",):
            of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            if any(g.lower_ in W["document_words"] for g in of):
                mode = f.mode = "signing"
        if mode in ("meeting", "visit", "dialogue") and _phone(tok, verb):
            mode = f.mode = "call"
        paid = is_noun and verb is not None and verb.lemma_ == "pay"  # "paid a (courtesy) call on X"
        if mode == "call" and low in ("call", "calls") and (_modifiers(tok) & W["courtesy_modifiers"] or (
                paid and not _phone(tok, verb))):
            mode = f.mode = "meeting"  # "a courtesy call", "paid a call on X": in person
        if mode == "call" and not is_noun and low.startswith("spo") and not _phone(tok, tok):
            # "spoke with X" on its own: a call when the sentence says so elsewhere
            if not self.says_phone:
                mode = f.mode = "meeting"
        if mode == "visit" and low == "spent" and not any(
                c.lower_ in W["time_nouns"] for c in tok.children if c.dep_ in ("dobj", "npadvmod")):
            return None
        misread = low == "visiting" and tok.dep_ == "xcomp" and tok.i == tok.head.i + 1 and \
            W["verb_mode"].get(tok.head.lower_) == "meeting"  # "met visiting President X": the model's verb
        if mode == "visit" and low == "visiting" and (tok.dep_ in ("amod", "compound") or misread):
            # "visiting Prime Minister X": X is the visitor; no destination is said here
            head = next((c for c in tok.children if c.dep_ == "dobj"), None) if misread else tok.head
            keys, _ = self.persons_at(head) if head is not None else ([], [])
            f.side_a = keys
            for k in keys:
                f.roles[k] = "visitor"
            return f if keys else None

        # the subject side
        subj, passive = (None, False)
        poss = [c for c in tok.children if c.dep_ == "poss"] if is_noun else []
        by_agents = self.agent(tok) if is_noun else []
        if is_noun and not by_agents and mode == "visit" and tok.dep_ == "pobj" and tok.head.lower_ == "of":
            by_agents = self.agent(tok.head.head)  # "on the occasion of the visit to X by Y": the parse hangs "by Y" higher
        of_agents = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"] if is_noun and mode == "visit" else []
        clause_subj, clause_passive = self.subject(verb) if (poss and poss[0].tag_ == "PRP$" and verb is not None) \
            else (None, False)
        if clause_subj is not None and clause_passive:
            # "The message was received by X during his meeting with Y": his is X's, the one who did it
            clause_subj = next(iter(self.agent(verb)), None)
        not_poss: list = []
        if clause_subj is not None and poss[0].lower_ in ("his", "her") and \
                any(c.dep_ == "conj" for c in clause_subj.children):
            not_poss = self.persons_at(clause_subj)[0]
            clause_subj = None  # "A and B attended his meeting": "his" is someone else
        if clause_subj is not None and clause_subj.lower_ in ("it", "this", "that", "there", "which", "what"):
            clause_subj = None  # "It is his first trip": "it" owns nothing
        if clause_subj is not None:
            subj, passive = clause_subj, False  # "X began her visit": the clause's subject
        elif poss:
            subj = poss[0]  # "X's trip", "his visit" (a pronoun the clause's own subject does not give)
        elif by_agents and mode == "visit":
            subj = by_agents[0]
        elif (guest := welcomed_guest(self, tok, verb, mode)) is not None:
            subj = guest  # "X welcomed Y to Washington for a state visit": Y is the visitor
        elif verb is not None and not (is_noun and mode == "visit" and _talked_about(tok, verb)):
            subj, passive = self.subject(verb)  # not "X gave an interview on the results of the trip": X spoke of it
            if subj is not None and mode == "visit" and W["noun_mode"].get(subj.lower_) == "visit":
                subj = trip_owner(self, subj)  # "his trip, which included a stopover in X": who made the stop
        elif is_noun and tok.dep_ == "nsubjpass" and (held_by := self.agent(tok.head)):
            subj = held_by[0]  # "a banquet was held by X in honour of Y": X holds it
        a_keys, a_places, res = ([], [], [])
        if subj is not None:
            a_keys, a_places, res = self.np(subj, exclude=not_poss)
            f.resolved += res
            for other in co_subjects(subj):  # "A and B attended": the small model makes B a second nsubj
                ks, ps, res = self.np(other, exclude=not_poss)
                a_keys += [k for k in ks if k not in a_keys]
                a_places, f.resolved = a_places + ps, f.resolved + res
            if not a_keys:  # "the delegation led by X was received": X is who came
                for g in self.led_by(subj):
                    ks, ps, res = self.np(g, exclude=not_poss)
                    a_keys, a_places, f.resolved = a_keys + ks, a_places + ps, f.resolved + res
            if not a_keys and not a_places and not is_noun and subj.dep_ == "nsubj" and subj.lower_ in W["body_nouns"]:
                f.body_subject = True  # "The council last met": no one met anyone the parse can name
        if not a_keys and poss and subj is poss[0] and poss[0].tag_ != "PRP$" and verb is not None:
            # "held their annual Leaders' Meeting": the possessive names the kind of meeting
            subj, passive = self.subject(verb)
            if subj is not None:
                a_keys, a_places, res = self.np(subj, exclude=not_poss)
                f.resolved += res
        speaker = self.discourse.speaker if self.discourse is not None else None
        if not a_keys and subj is None and speaker is not None and mode != "visit":
            a_keys = [speaker]  # a transcript's "a pleasure to meet with X": the speaker meets X
        if not a_keys and subj is not None and _first_of_kind(subj):
            a_keys = first_of_kind_subject(self, subj)  # "X met Y, marking the first visit by a French leader"
        f.subject = list(a_keys)
        if not a_keys and of_agents:
            ks, _, res = self.np(of_agents[0])
            if ks:
                a_keys, f.resolved = ks, f.resolved + res

        # counterparts
        b_keys, b_places = [], []
        joint = False
        own_sides = is_noun and any(c.dep_ == "prep" and c.lower_ in W["joint_preps"] for c in tok.children)
        # "a meeting between X and Y" names its own sides: the verb's ("signed between A and B during ...") are others
        heads = [tok] + ([verb] if verb is not None and verb.i != tok.i and is_noun and not own_sides else [])
        if is_noun and verb is None and tok.dep_ in ("nsubj", "nsubjpass") and _is_verb(tok.head):
            heads.append(tok.head)  # "a further meeting was held with X"
        if mode == "signing" and not is_noun:  # "signed an agreement with X": the parse hangs "with X" on the document
            heads += [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in W["document_words"]]
        honour = []
        if not is_noun and low in W["urging_verbs"]:
            heads_preps = W["counterpart_preps"] | W["urging_preps"]
        else:
            heads_preps = W["counterpart_preps"]
        if mode == "call":
            heads_preps = heads_preps | {"from"}  # "received a call from X": X phoned
        if paid:
            heads_preps = heads_preps | W["urging_preps"]  # "paid a courtesy call on X", "paid a visit upon X"
        guest_for = is_noun and low in W["guest_for_nouns"]
        addressed = False
        for h in heads:
            given_for = guest_for and (h is tok or (tok.dep_ == "dobj" and tok.head.i == h.i))  # "gave a luncheon for X"
            for prep, g in self.preps(h, heads_preps | ({"for"} if given_for else frozenset())):
                if prep == "for":
                    prep = "honour"  # "a welcome ceremony for visiting Prime Minister X": X is the guest
                if prep == "to" and mode in ("visit", "signing", "conference"):
                    continue
                if prep == "with" and (mode == "visit" or (h.i != tok.i and h.lower_ in W["verb_mode"]
                                                           and W["verb_mode"][h.lower_] == "visit")):
                    continue  # "X travelled with ministers for the talks": companions, not counterparts
                if prep == "to" and not (h.lower_.startswith(("spo", "talk"))):
                    continue
                ks, ps, res = self.np(g, exclude=a_keys)
                f.resolved += res
                if not ks and h is tok and prep in ("to", "with") and g.pos_ == "NOUN" \
                        and tok.lower_.startswith(("spo", "spe", "talk")):
                    addressed = True  # "A and B spoke to reporters": both talked to others, not to each other
                if prep in ("with", "between", "among", "amongst"):
                    ks = ks + [k for k in self.listed_after(g) if k not in ks and k not in a_keys]
                if prep in W["joint_preps"]:
                    joint = True
                if prep == "honour" and g.lower_ in W["pronouns_person"] and self.discourse is not None and a_keys:
                    # "X hosted a banquet in his honour": a guest, of another state than the host
                    home = {self.discourse.describe(k).country for k in a_keys}
                    if all(self.discourse.describe(k).country in home for k in ks):
                        ks = next(([k] for k in self.discourse.salient if k not in a_keys
                                   and self.discourse.describe(k).country not in home | {None}), [])
                if prep == "honour":
                    honour += ks
                b_keys += [k for k in ks if k not in b_keys]
                b_places += ps
        if is_noun and not b_keys and verb is not None and tok.dep_ == "pobj" and tok.head.head.i == verb.i \
                and (tok.head.lower_ == "during" or tok.head.lower_ == "in" and mode == "call"
                     or tok.head.lower_ == "for" and verb.lemma_ == "join") \
                and mode in ("meeting", "call") and not self.preps(tok, frozenset({"of"})):
            # "X pressed Y on Monday to ..., during talks", "X thanked Y in a phone call", "X joined Y
            # for a trilateral meeting": the clause's object (or that of the verb it completes) is the other side
            for v in [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp", "advcl") else []):
                for c in v.children:
                    if c.dep_ in ("dobj", "dative"):
                        ks, ps, res = self.np(c, exclude=a_keys)
                        f.resolved += res
                        b_keys += [k for k in ks if k not in b_keys]
                if b_keys:
                    break
            if b_keys and tok.head.lower_ == "for":
                joint = True  # who joins Y for a meeting meets Y together with the others who join
        if not is_noun:
            for c in tok.children:
                if c.dep_ in ("dobj", "dative") and mode not in ("visit", "signing", "conference", "dialogue"):
                    ks, ps, res = self.np(c, exclude=a_keys)
                    f.resolved += res
                    b_keys += [k for k in ks if k not in b_keys]
                    b_places += ps
        hosted_by = []
        if not is_noun and not passive and self.agent(tok) and (
                subj is None or any(c.dep_ == "auxpass" for c in tok.children)
                or (tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl")
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))):
            # ", attended by A and B": a participle whose subject is what was attended
            # "were co-chaired by A and B" where the parser lost the passive subject, and
            # "X laid a wreath and was received by Y", whose shared subject is passive here only
            passive = True
        if not is_noun and passive:
            # "X was received by Y": Y hosts; the passive subject is the guest
            agents = self.agent(tok)
            if agents:
                guest, gplaces = a_keys, a_places
                a_keys, a_places = [], []
                for g in agents:
                    ks, ps, res = self.np(g)
                    f.resolved += res
                    a_keys += [k for k in ks if k not in a_keys]
                    a_places += ps
                if guest:
                    b_keys = guest + [k for k in b_keys if k not in guest]
                    b_places = gplaces + b_places
                elif mode == "dialogue" or len(a_keys) >= 2:
                    joint = True  # "the session was co-chaired by A and B"
        if is_noun and mode != "visit":
            # "a session co-chaired by A and B", "talks hosted by X"
            for c in tok.children:
                if c.dep_ == "acl" and _is_verb(c) and W["verb_mode"].get(c.lower_) != "conference":
                    # not "talks attended by Y": who sits in is of a side the sentence does not tell
                    for g in self.agent(c):
                        ks, ps, res = self.np(g)
                        f.resolved += res
                        if c.lower_ in W["host_verbs"]:
                            hosted_by += ks
                        elif len(ks) >= 2 or c.lower_.startswith(("co-", "co")):
                            joint = True
                        b_keys += [k for k in ks if k not in b_keys]
        if is_noun and len(a_keys) >= 2 and not b_keys and low in W["needs_counterpart"] and (
                (verb is not None and verb.lemma_ in W["holding_verbs"]) or any(c.lower_ == "their" for c in poss)):
            joint = True  # "A and B held their annual summit": together, each the other's counterpart
        if is_noun and low in W["needs_counterpart"] and not b_keys and not joint and not honour:
            if mode != "signing":
                return None
        if is_noun and not b_keys and verb is None and mode not in ("visit",):
            return None
        if is_noun and not a_keys and b_keys and not joint and self.discourse is not None \
                and tok.dep_ in ("nsubj", "nsubjpass"):
            # "A further meeting was held with X": the article's subject held it
            a_keys = next(([k] for k in self.discourse.salient if k not in b_keys), [])
            if a_keys:
                f.resolved.append((tok.text, tuple(a_keys)))
        if hosted_by:
            a_keys = hosted_by + [k for k in a_keys if k not in hosted_by]
            b_keys = [k for k in b_keys if k not in hosted_by]
        f.side_a = a_keys
        f.side_b = [k for k in b_keys if k not in a_keys]
        f.places_a, f.places_b = a_places, b_places
        if addressed and not f.side_b and not joint:
            return None  # "A and B spoke to reporters": they talked to others, not with each other
        f.joint = joint or (len(a_keys) >= 2 and not f.side_b and mode != "visit")

        # roles from syntax
        host_word = (tok.lower_ in W["host_verbs"]) or (verb is not None and is_noun and verb.lower_ in W["host_verbs"]) \
            or bool(hosted_by)
        if mode == "dialogue":
            for k in f.participants():
                f.roles[k] = "co-chair"
        elif mode == "visit":
            for k in f.side_a:
                f.roles[k] = "visitor"
        elif (host_word or honour) and not f.joint and mode != "call":  # a call "welcomed" hosts nobody
            for k in f.side_a:
                f.roles[k] = "host"
            for k in f.side_b:
                f.roles[k] = "guest"

        if mode == "visit":
            f.destinations = destinations(self, tok, verb)
        if mode == "conference":
            f.gathering = gathering(tok)
        return f


def read_sentence(sent: Span, mentions: Iterable[MentionSpan],
                  discourse: Discourse | None = None) -> tuple[list[Frame], list]:
    """The engagement frames of one sentence, in the order of their triggers, and the persons
    its main clause is about (its root's subject, anaphora resolved: "The Lao leader laid a
    wreath" makes the Lao leader the one a later "he" means)."""
    index = index_mentions(sent, mentions)
    reader = _Reader(sent, index, discourse)
    out = []
    doc = sent.doc
    at = trigger_positions(doc)
    for i in at[bisect_left(at, sent.start):bisect_left(at, sent.end)]:
        f = reader.frame(doc[i])
        if f is not None:
            out.append(f)
    subject = []
    subj, passive = reader.subject(sent.root)
    if subj is not None and not passive:
        subject = reader.np(subj)[0]
    return out, subject


def read_frames(sent: Span, mentions: Iterable[MentionSpan], discourse: Discourse | None = None) -> list[Frame]:
    """The engagement frames of one sentence, in the order of their triggers."""
    return read_sentence(sent, mentions, discourse)[0]


def subjects_of(frames: list[Frame]) -> list:
    """The subject side of a sentence's frames, for the discourse's salience."""
    out = []
    for f in frames:
        for k in f.subject + f.side_a:
            if k not in out:
                out.append(k)
    return out
