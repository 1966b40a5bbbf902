"""Participants of a frame: the persons and places a noun phrase names, pronouns and
definite descriptions resolved, a verb's subject over coordination and clauses, and a
trigger's prepositional counterparts and passive agents."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Span, Token

from communique.frames.anaphora import Discourse, told_first_of_kind
from communique.frames.model import MAX_WALK, Key
from communique.frames.triggers import _is_verb
from communique.frames.words import words


class Phrases:
    """Who the phrases of one sentence name: holds the token index of its mentions; the frame
    reader (frames.reader) builds on it."""

    def __init__(self, sent: Span, index: dict[int, Key], discourse: Discourse | None):
        self.sent = sent
        self.index = index
        self.discourse = discourse
        self.W = words()
        self._says_phone = None
        self.first: dict = {}
        self.indexed = sorted(index)  # the mention tokens in order, for "who was named before here"
        for i in self.indexed:
            self.first.setdefault(index[i], i)

    @property
    def says_phone(self) -> bool:
        """Some word of the sentence is a phone or video word (looked up once, when asked)."""
        if self._says_phone is None:
            self._says_phone = any(t.lower_ in self.W["call_modifiers"] for t in self.sent)
        return self._says_phone

    # --- who a noun phrase names

    def persons_at(self, head: Token) -> tuple[list, list]:
        """Persons named by the noun phrase headed at `head` ("A and B", "his counterpart,
        B", "the President of Kenya, B"), and the char spans of named places or bodies there
        that are not persons (capitals, states, organisations).

        The phrase is the head's subtree without its clauses and prepositional phrases
        (other than "of"), so "X, accompanied by Y" or "X along with Y" name only X; a
        spouse or delegation branch ("X and his wife Y") is left out too. Reading the
        subtree rather than single arcs also survives the small model's parses of long
        titles, where a name often hangs as "nmod" or "compound" under a title word."""
        keys: list = []
        places: list = []
        W = self.W
        stack = [head]
        seen_ents = set()
        budget = MAX_WALK  # a bound per phrase, so a sentence costs at most triggers x MAX_WALK
        while stack and budget:
            budget -= 1
            tok = stack.pop()
            k = self.index.get(tok.i)
            if k is not None:
                if k not in keys:
                    keys.append(k)
            elif tok.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC") or tok.pos_ == "PROPN":
                # a proper noun that is no person's mention: the small model often tags a
                # capital as PERSON ("Rabat"); the drafter keeps only what the gazetteer knows
                span = self._entity_span(tok)
                if span not in seen_ents:
                    seen_ents.add(span)
                    places.append(span)
            for c in tok.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "det", "poss", "case"):
                    continue
                if c.dep_ == "prep" and (c.lower_ != "of" or tok is head and tok.lower_ in W["deed_nouns"]):
                    continue  # "the President of Kenya, B" is B; "the work of B" is a deed, not B
                if c.dep_ in ("conj", "appos") and (c.lower_ in W["spouse_words"] or any(
                        g.lower_ in W["spouse_words"] for g in c.children if g.i < c.i and g.dep_ in ("compound", "amod"))):
                    continue  # "X and his wife Y", "X and First Lady Y": the spouse is never a side
                stack.append(c)
        keys.sort(key=lambda k: self.first.get(k, 0))  # reading order; the stack pops right-hand first
        places.sort()
        return keys, places

    def _entity_span(self, tok: Token) -> tuple[int, int]:
        doc = tok.doc
        if tok.ent_type_:  # the entity's bounds from the IOB tags, without building Span objects
            i, j = tok.i, tok.i
            while i > self.sent.start and doc[i].ent_iob_ == "I":
                i -= 1
            while j + 1 < self.sent.end and doc[j + 1].ent_iob_ == "I":
                j += 1
            return doc[i].idx, doc[j].idx + len(doc[j].text)
        left = tok
        while left.i > self.sent.start and tok.doc[left.i - 1].dep_ in ("compound", "flat") \
                and tok.doc[left.i - 1].head.i in (tok.i, left.i):
            left = tok.doc[left.i - 1]
        return left.idx, tok.idx + len(tok.text)

    def np(self, head: Token, exclude: Iterable = ()) -> tuple[list, list, list]:
        """persons_at, then anaphora for a pronoun or a definite description."""
        keys, places = self.persons_at(head)
        resolved = []
        if not keys and head.lower_ in ("i", "me", "my", "we", "us", "our"):
            # "'I had talks with Y,' X said": a quoted first person is the one who says it
            t = head
            for _ in range(6):
                says = next((c for c in t.children if c.dep_ in ("ccomp", "parataxis", "conj") and
                             c.lower_ in self.W["speech_verbs"] and c.i > head.i), None) if t.dep_ == "ROOT" else None
                if says is not None:  # "'I had talks with Y,' X said" parsed with "said" below "had"
                    speaker = self.subject(says)[0]
                    if speaker is not None:
                        ks = self.persons_at(speaker)[0]
                        if ks:
                            resolved.append((head.text, tuple(ks)))
                            return ks, places, resolved
                    break
                if t.dep_ in ("ccomp", "parataxis") and t.head.lower_ in self.W["speech_verbs"]:
                    speaker = self.subject(t.head)[0]
                    if speaker is not None and speaker.i != head.i:
                        ks = self.persons_at(speaker)[0]
                        if ks:
                            resolved.append((head.text, tuple(ks)))
                            return ks, places, resolved
                    break
                if t.head.i == t.i:
                    break
                t = t.head
            if self.discourse is not None and head.lower_ in ("i", "me", "my") \
                    and (keys := self.discourse.resolve(head, exclude)):
                resolved.append((head.text, tuple(keys)))  # a transcript's "I": its speaker label's person
            return keys, places, resolved
        if not keys and head.lower_ in self.W["pronouns_person"]:
            # "X said he met Y", "call on X during his visit": the nearest person named before
            # the pronoun in its own sentence, then the discourse; but "X held talks with Y, and he
            # also met Z": the subject of the clause the pronoun's own is joined to
            exclude = set(exclude)
            verb = head.head
            if head.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "conj" and verb.head.i != verb.i:
                first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                ks = [k for k in self.persons_at(first)[0] if k not in exclude] if first is not None else []
                if len(ks) == 1:
                    resolved.append((head.text, tuple(ks)))
                    return ks, places, resolved
            lo = self.sent.start
            if head.dep_ == "nsubj" and head.head.lower_ in self.W["speech_verbs"]:
                # '"... I asked President X to ...," he said': the one who speaks is not named in the quote
                lo = next((i + 1 for i in range(head.i - 1, self.sent.start - 1, -1)
                           if self.sent.doc[i].text in ("”", '"', "''", "’’")), lo)
            fronted = {t.i for c in verb.children if c.dep_ == "prep" and c.i < head.i for t in c.subtree} \
                if head.dep_ in ("nsubj", "nsubjpass") else set()  # "At a dinner with X, she said": not X
            k = next((self.index[i] for i in range(head.i - 1, lo - 1, -1)
                      if i in self.index and self.index[i] not in exclude and i not in fronted), None)
            if k is not None:
                keys = [k]
                resolved.append((head.text, (k,)))
                return keys, places, resolved
        if not keys and head.i + 2 < self.sent.end and head.doc[head.i + 1].text == "," \
                and head.i + 2 in self.index and head.lower_ in self.W["side_words"] | self.W["title_words"]:
            # "with his Chinese counterpart, Wang Yi, on Friday": the name right after it, which the
            # parse hung elsewhere, not a Chinese person told before
            return [self.index[head.i + 2]], places, resolved
        if keys and self.discourse is not None and head.i not in self.index and head.lower_ in self.W["title_words"] \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
                and any(c.dep_ == "conj" for c in head.children) and not any(c.dep_ == "appos" for c in head.children):
            # "the High Representative and Minister Saidov held talks": the persons came from the
            # conjunct; the definite title before them stands for one told before
            own = [k for k in self.discourse.resolve(head, set(exclude) | set(keys)) if k not in keys]
            if own and not self.discourse.fresh:
                resolved.append((head.text, tuple(own)))
                keys = own + keys
        if not keys and self.discourse is not None:
            before = self.indexed[:bisect_left(self.indexed, head.i)]  # the mentions' tokens, not every word
            earlier = list(dict.fromkeys(self.index[i] for i in reversed(before) if i >= self.sent.start))
            keys = self.discourse.resolve(head, exclude, earlier)
            if keys and not self.discourse.fresh:  # "the two leaders" of no engagement told before meet anew
                resolved.append((head.text, tuple(keys)))
            if not keys:
                for c in head.children:
                    if c.dep_ == "conj":
                        ks, ps, rs = self.np(c, exclude)
                        keys += [x for x in ks if x not in keys]
                        places += [p for p in ps if p not in places]
                        resolved += rs
        return keys, places, resolved

    # --- the verb a trigger hangs from, and its subject

    def governing_verb(self, tok: Token) -> Token | None:
        """The verb a noun trigger belongs to: "held talks", "during talks with X, Y said"."""
        t = tok
        for _ in range(5):
            if t.dep_ in ("nsubj", "nsubjpass", "ROOT") and not _is_verb(t):
                return None  # "the talks focused on ...": the noun is the subject itself
            head = t.head
            if head.i == t.i:
                return None
            if _is_verb(head) and t.dep_ in ("dobj", "pobj", "attr", "oprd", "npadvmod", "prep", "conj", "appos"):
                return head
            if t.dep_ not in ("pobj", "prep", "conj", "appos", "dobj", "compound", "attr"):
                return None
            t = head
        return None

    def subject(self, verb: Token, steps: int = 0):
        """(subject head, passive?) of a verb, shared over a list of verb phrases ("X laid a
        wreath, held talks with B and met C"), relative clauses ("X, who met Y") and
        subjectless infinitives and participles ("arrived to meet", "before meeting")."""
        if steps > 6:
            return None, False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl", "nsubjpass", "csubjpass")]
        if len(subjects) > 1:  # "Tokyo: X and Y faced the press": the one that names persons
            subjects.sort(key=lambda c: not self.persons_at(c)[0])
        for c in subjects:
            if c.dep_ in ("nsubj", "csubj", "expl"):
                if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return verb.head, False
                return c, False
            return c, True
        if verb.dep_ in ("acl", "relcl") and verb.head.dep_ in ("attr", "oprd") and told_first_of_kind(verb.head):
            # "X is the first country to sign", "becoming the first leader to visit Y": X did it
            return self.subject(verb.head.head, steps + 1)
        if verb.dep_ == "relcl":
            return verb.head, False
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp", "dep") and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "pcomp":  # "after meeting X", "in addition to meeting X": the phrase's verb
                for _ in range(4):
                    if head.dep_ not in ("prep", "pobj") or head.head.i == head.i:
                        break
                    head = head.head
            if _is_verb(head):
                subj, passive = self.subject(head, steps + 1)
                return subj, (passive and verb.dep_ == "conj")
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
            return verb.head, False  # "Prime Minister X, visiting Y, ..."
        fronted = _fronted_apposition(verb)
        if fronted is not None:
            return fronted, False
        return None, False

    # --- prepositional counterparts

    def preps(self, tok: Token, names: frozenset) -> list[tuple[str, Token]]:
        out = []
        for c in tok.children:
            # "with A, ..., and with B": the small model hangs the second preposition on the verb as a conjunct
            if (c.dep_ in ("prep", "agent", "dative") or c.dep_ == "conj" and c.pos_ == "ADP") and c.lower_ in names:
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        out.append((c.lower_, g))
                        # "with A, with whom he agreed ..., and with B": the second "with" hangs on A's clause
                        out.extend((c.lower_, g2) for r in g.children if r.dep_ == "relcl" for c2 in r.children
                                   if c2.dep_ == "conj" and c2.pos_ == "ADP" and c2.lower_ == c.lower_
                                   for g2 in c2.children if g2.dep_ == "pobj")
                    elif g.dep_ == "prep" and g.i == c.i + 1 and g.text[:1].isupper() and g.i in self.index:
                        out.append((c.lower_, g))  # "with To Lam": a name opening with a word the model takes for a preposition
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in self.W["honour_nouns"] for g in c.children):
                # "a banquet in honour of X": "of X" hangs under "honour" or, as often, beside it
                hon = next(g for g in c.children if g.lower_ in self.W["honour_nouns"])
                out.extend(("honour", g) for g in hon.children if g.dep_ == "poss")  # "in his honour"
                for p in list(hon.children) + [x for x in tok.children if x.i > hon.i]:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for g in p.children:
                            if g.dep_ == "pobj":
                                out.append(("honour", g))
                        break
        return out

    def listed_after(self, pobj: Token) -> list:
        """Persons listed after a preposition's object up to the end of the list.

        The small model's parse breaks on long lists of titled names ("with A, President of
        B, representatives of C, Co-Chairs of D E and F": the later names end up as subjects
        of a following infinitive). The names themselves were found by the title-anchored
        finder (persons stage), so the list is read on: every mention up to the first verb,
        infinitive or clause-opening word after the object belongs to the same "with"."""
        W = self.W
        out = []
        doc = pobj.doc
        i = pobj.left_edge.i
        stops = W["list_stops"]
        end = min(self.sent.end, i + MAX_WALK)
        while i < end:
            tok = doc[i]
            k = self.index.get(i)
            if k is not None:
                if k not in out:
                    out.append(k)
            elif tok.lower_ in stops or tok.tag_ in ("TO", "VBD", "VBZ", "VBP", "MD", "WDT", "WP", "''", "``") or \
                    (tok.pos_ == "VERB" and tok.tag_ not in ("VBN", "VBG")) or tok.text in (";", ":", "."):
                break
            i += 1
        return out

    def led_by(self, noun: Token) -> list[Token]:
        """Who leads a group noun: "the delegation led by X", "a team headed by X"."""
        return [g for c in noun.children if c.dep_ == "acl" and c.lower_ in self.W["leading_verbs"]
                for g in self.agent(c)]

    def agent(self, tok: Token) -> list[Token]:
        out = []
        for c in tok.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                out += [g for g in c.children if g.dep_ == "pobj"]
        return out

    # --- one trigger


def _fronted_apposition(verb: Token) -> Token | None:
    """The subject the small model hangs as an apposition on the end of a fronted phrase ("In a
    speech alongside Mr X, the Prime Minister said": "the Prime Minister" made X's apposition,
    "said" left without a subject): the apposition that ends right before a subjectless verb."""
    if not _is_verb(verb) or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ != "prep" or c.i > verb.i:
            continue
        for t in c.subtree:
            if t.dep_ == "appos" and t.head.dep_ == "pobj" and t.right_edge.i == verb.i - 1 \
                    and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
                return t
    return None


def co_subjects(subj: Token) -> list[Token]:
    """The other subjects of a verb whose first subject ends in "and" ("Party General Secretary
    To Lam and RoK Prime Minister Kim Min Seok attended": the small model hangs the second name
    on the verb as a subject of its own instead of a conjunct of the first)."""
    if subj.dep_ != "nsubj" or not any(c.dep_ == "cc" for c in subj.children):
        return []
    return [c for c in subj.head.children if c.dep_ == "nsubj" and c.i > subj.i]
