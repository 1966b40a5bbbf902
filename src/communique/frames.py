"""Engagement frames read from the dependency parse: for each trigger word (a verb such as
"met" or a noun such as "talks"), who took part on which side and in what role.

Pure functions over one spaCy sentence and the sentence's person mentions (char spans with an
opaque key), so the event drafter can ask "who met whom here" without token positions. The
word lists live in data/frames.json. No maintained library reads engagement frames with
persons as participants from a spaCy parse (semantic-role labellers need other models and
downloads), so the walk over the tree is written here; every step visits a token a bounded
number of times, and mentions are looked up by token index, so a sentence costs time linear
in its length.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable

from spacy.tokens import Span, Token

from communique import lexicon
from communique.text import fold

Key = Hashable  # whatever the caller uses for a person (an index today, an object later)
MAX_WALK = 120  # tokens one noun phrase or list may span; longer runs are cut, never walked whole


@dataclass(frozen=True)
class MentionSpan:
    """One mention of a person in the parsed text, in the Doc's char offsets."""
    start: int
    end: int
    key: Key


@dataclass(frozen=True)
class PersonInfo:
    """What anaphora need to know of a person: the state and the titles."""
    country: str | None
    titles: tuple[str, ...] = ()


@dataclass
class Frame:
    """One engagement reported by one trigger word."""
    trigger: Token
    mode: str  # meeting / call / dialogue / visit / signing / conference
    side_a: list = field(default_factory=list)  # the subject side (host, visitor, caller)
    side_b: list = field(default_factory=list)  # the counterparts
    joint: bool = False  # "A and B met", "talks between A and B": all on one footing
    roles: dict = field(default_factory=dict)  # key -> host / guest / co-chair / visitor
    destinations: list = field(default_factory=list)  # (start, end) char spans of where a visit went
    places_a: list = field(default_factory=list)  # (start, end) of non-person subjects ("Paris and Rabat")
    places_b: list = field(default_factory=list)  # (start, end) of non-person counterparts
    resolved: list = field(default_factory=list)  # (token text, key): anaphora this frame resolved
    planned: bool = False  # "the upcoming visit", "will meet": no event yet
    subject: list = field(default_factory=list)  # the grammatical subject's persons, for salience
    gathering: str | None = None  # a conference's gathering head word: "summit", "forum"

    @property
    def start(self) -> int:
        return self.trigger.idx

    def participants(self) -> list:
        out = []
        for k in self.side_a + self.side_b:
            if k not in out:
                out.append(k)
        return out


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """data/frames.json with its lists as sets, and each trigger word with its mode."""
    data = lexicon.read_json("frames.json")
    out = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items() if not k.startswith("_")}
    out["verb_mode"] = {w: m for m, ws in data["verbs"].items() for w in ws}
    # every word that can start a frame, so the reader skips all other tokens at once
    out["any_trigger"] = frozenset(out["verb_mode"]) | frozenset(w for ws in data["nouns"].values() for w in ws) | \
        frozenset(data["urging_verbs"]) | frozenset(data["speech_nouns"]) | {"chaired", "chair", "chairs", "chairing"}
    out["noun_mode"] = {w: m for m, ws in data["nouns"].items() for w in ws}
    t = lexicon.titles()
    out["title_words"] = t.heads | t.ranks | frozenset(w for p in t.head_phrases for w in p)
    return out


# ------------------------------------------------------------------ mentions by token

def index_mentions(sent: Span, mentions: Iterable[MentionSpan]) -> dict[int, Key]:
    """Token index -> person key, for the mention's own tokens and for the title run just
    before it.

    The small model's parse is weak on long titles: in "talks with General Secretary of the
    Party Central Committee To Lam" the object of "with" is "Secretary" and the name hangs
    off elsewhere (here even as a preposition "To"). The persons stage has already anchored
    the name on its title (persons.build_persons / resolve_title_mentions, the title-anchored
    finder), so the title words in front of a mention are indexed to that mention too: the
    head the parser picked ("Secretary") then leads to the right person."""
    W = words()
    index: dict[int, Key] = {}
    doc = sent.doc
    ordered = sorted(mentions, key=lambda m: m.start)
    spans = []
    for m in ordered:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < sent.start or span.end > sent.end:
            continue
        spans.append((span, m.key))
        for tok in span:
            index[tok.i] = m.key
    for span, key in spans:
        j = span.end
        while j < sent.end and j not in index and doc[j].lower_.rstrip(".") in ("jr", "sr", "ii", "iii", "iv"):
            index[j] = key  # "Lloyd Austin III", "Ferdinand Marcos Jr.": the suffix belongs to the name
            j += 1
        i = span.start - 1
        steps = 0
        while i >= sent.start and i not in index and steps < 14:
            tok = doc[i]
            low = tok.lower_
            if tok.is_punct and tok.text not in ("(", ")", ".", "-", "–"):
                break
            if tok.pos_ in ("VERB", "AUX", "ADP") and low not in ("of", "for", "de") and \
                    not (low == "to" and i > sent.start and doc[i - 1].lower_ in W["to_titles"]):
                break  # "Ambassador to the Philippines X" keeps its "to"
            if not (tok.text[:1].isupper() or low in W["title_words"] or low in ("of", "the", "for", "de", "and", "to")
                    or tok.text in ("(", ")", "-", "–")):
                break
            if low in ("and", "the") and (i == sent.start or not doc[i - 1].text[:1].isupper()):
                break  # "A and President B": "and" joins two people, it is no title word
            index[i] = key
            i -= 1
            steps += 1
    return index


# ------------------------------------------------------------------ discourse: who "he" is

def _dedupe_keys(keys: list) -> list:
    out = []
    for k in keys:
        if k not in out:
            out.append(k)
    return out


class Discourse:
    """The persons an article has made salient so far, subjects first, for anaphora:
    "he", "the French President", "the Kenyan side", "the two ministers"."""

    def __init__(self, describe: Callable[[Key], PersonInfo], demonym: Callable[[str], str | None] | None = None):
        self.describe = describe
        self.demonym = demonym or (lambda w: None)
        self.salient: list = []
        self.subjects: list = []
        self.mentioned: list = []
        self.group: list = []  # the participants of the last engagement with two or more

    def observe(self, subjects: list, mentioned: list, frames: list[Frame] = ()) -> None:
        """After a sentence: the recent subjects lead (the newest first), then the persons only
        named, the newest first: "X met Y. ... He said" means X, unless a sentence since made
        someone else its subject."""
        self.subjects = _dedupe_keys(list(subjects) + self.subjects)[:6]
        self.mentioned = _dedupe_keys(list(mentioned) + self.mentioned)[:10]
        self.salient = _dedupe_keys(self.subjects + self.mentioned)
        for f in frames:
            if len(f.participants()) >= 2 and not f.planned:
                self.group = f.participants()

    def pair(self) -> list:
        """"The two leaders" before any engagement is told: the two most salient persons of
        two different known states."""
        first = next((k for k in self.salient if self.describe(k).country), None)
        if first is None:
            return []
        c = self.describe(first).country
        second = next((k for k in self.salient if self.describe(k).country not in (None, c)), None)
        return [first, second] if second is not None else []

    def resolve(self, tok: Token, exclude: Iterable = ()) -> list:
        """The person(s) a pronoun or a definite description stands for; [] when none fits."""
        W = words()
        low = tok.lower_
        exclude = set(exclude)
        if low in W["pronouns_group"]:
            return [k for k in self.group if k not in exclude][:4] if len(self.group) >= 2 else []
        if low in W["pronouns_person"] and low in ("i", "me", "my"):
            return []  # a quoted first person is the speaker, which the sentence's frame does not say
        if low in W["pronouns_person"]:
            return next(([k] for k in self.salient if k not in exclude), [])
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "det", "poss", "nmod")]
        mod_words = {c.lower_ for c in mods}
        plural = low in W["group_words"] or (tok.tag_ in ("NNS", "NNPS") and low in W["title_words"] | {"sides"})
        if plural and (mod_words & W["group_numbers"]):
            if len(self.group) >= 2:
                return list(self.group)
            return self.pair()
        if not (low in W["title_words"] or low in W["side_words"]):
            return []
        if not (mod_words & W["definite"]) and not any(c.dep_ == "poss" for c in mods):
            return []  # "an African president" introduces someone; only "the ..." points back
        country = None
        for c in mods:
            code = self.demonym(c.text) if c.text[:1].isupper() else None
            if code:
                country = code
        title_bits = [fold(c.text) for c in mods if c.lower_ in W["title_words"]] + [fold(tok.text)]
        for k in self.salient:
            if k in exclude:
                continue
            info = self.describe(k)
            if country is not None and info.country != country:
                continue
            if low in W["side_words"]:
                if country is None and low not in W["counterpart_words"]:
                    continue  # "the side" alone says too little
                return [k]
            titles = " ".join(fold(t) for t in info.titles)
            if titles and all(b in titles.split() for b in title_bits):
                return [k]
        return []


# ------------------------------------------------------------------ reading one sentence

def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _mode_of(tok: Token) -> str | None:
    W = words()
    low = tok.lower_
    if _is_verb(tok) and low in W["verb_mode"]:
        return W["verb_mode"][low]
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


def _planned(tok: Token, verb: Token | None) -> bool:
    """A trigger under a modal, a plan, an invitation or "upcoming": not an event (yet)."""
    W = words()
    if _modifiers(tok) & W["planned_modifiers"]:
        return True
    chain = [tok]
    if verb is not None and verb.i != tok.i and not (tok.dep_ == "pobj" and tok.head.lower_ in W["past_preps"]):
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
        if t.dep_ in ("xcomp", "pobj", "prep", "ccomp", "advcl", "acl", "dobj", "nsubj") and head.lower_ in W["planned_heads"]:
            if t.dep_ in ("xcomp", "pobj", "prep", "acl", "dobj") or head.lower_ in ("invitation", "preparation", "preparations"):
                return True
        if t.dep_ in ("xcomp",) and any(c.dep_ == "aux" and c.lower_ in W["planned_aux"] for c in head.children):
            return True
        if t.dep_ not in ("xcomp", "pobj", "prep", "dobj", "acl", "compound", "amod"):
            break
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


class _Reader:
    """Reads the frames of one sentence; holds the token index of its mentions."""

    def __init__(self, sent: Span, index: dict[int, Key], discourse: Discourse | None):
        self.sent = sent
        self.index = index
        self.discourse = discourse
        self.W = words()
        self._says_phone = None
        self.first: dict = {}
        for i, k in sorted(index.items()):
            self.first.setdefault(k, i)

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
                if c.dep_ == "prep" and c.lower_ != "of":
                    continue
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
            return keys, places, resolved
        if not keys and head.lower_ in self.W["pronouns_person"]:
            # "X said he met Y", "call on X during his visit": the nearest person named before
            # the pronoun in its own sentence, then the discourse
            exclude = set(exclude)
            k = next((self.index[i] for i in range(head.i - 1, self.sent.start - 1, -1)
                      if i in self.index and self.index[i] not in exclude), None)
            if k is not None:
                keys = [k]
                resolved.append((head.text, (k,)))
                return keys, places, resolved
        if not keys and self.discourse is not None:
            keys = self.discourse.resolve(head, exclude)
            if keys:
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
        if verb.dep_ == "relcl":
            return verb.head, False
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acomp", "dep") and verb.head.i != verb.i:
            head = verb.head
            if verb.dep_ == "pcomp":  # "after meeting X": the prep's verb
                head = head.head if head.dep_ == "prep" else head
            if _is_verb(head):
                subj, passive = self.subject(head, steps + 1)
                return subj, (passive and verb.dep_ == "conj")
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
            return verb.head, False  # "Prime Minister X, visiting Y, ..."
        return None, False

    # --- prepositional counterparts

    def preps(self, tok: Token, names: frozenset) -> list[tuple[str, Token]]:
        out = []
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in names:
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        out.append((c.lower_, g))
            if c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in self.W["honour_nouns"] for g in c.children):
                # "a banquet in honour of X": "of X" hangs under "honour" or, as often, beside it
                hon = next(g for g in c.children if g.lower_ in self.W["honour_nouns"])
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

    def agent(self, tok: Token) -> list[Token]:
        out = []
        for c in tok.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                out += [g for g in c.children if g.dep_ == "pobj"]
        return out

    # --- one trigger

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
        if not is_noun and low in ("spoke", "speaks", "speak", "spoken", "speaking", "talked", "sat", "conferred",
                                   "confer", "confers") and not self.preps(tok, frozenset({"with", "to"})):
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
        if mode == "call" and low in ("call", "calls") and _modifiers(tok) & W["courtesy_modifiers"]:
            mode = f.mode = "meeting"
        if mode == "call" and not is_noun and low.startswith("spo") and not _phone(tok, tok):
            # "spoke with X" on its own: a call when the sentence says so elsewhere
            if not self.says_phone:
                mode = f.mode = "meeting"
        if mode == "visit" and low == "spent" and not any(
                c.lower_ in W["time_nouns"] for c in tok.children if c.dep_ in ("dobj", "npadvmod")):
            return None
        if mode == "visit" and low == "visiting" and tok.dep_ in ("amod", "compound"):
            # "visiting Prime Minister X": X is the visitor; no destination is said here
            keys, _ = self.persons_at(tok.head)
            f.side_a = keys
            for k in keys:
                f.roles[k] = "visitor"
            return f if keys else None

        # the subject side
        subj, passive = (None, False)
        poss = [c for c in tok.children if c.dep_ == "poss"] if is_noun else []
        by_agents = self.agent(tok) if is_noun else []
        of_agents = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"] if is_noun and mode == "visit" else []
        clause_subj = self.subject(verb)[0] if (poss and poss[0].tag_ == "PRP$" and verb is not None) else None
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
        elif verb is not None:
            subj, passive = self.subject(verb)
        a_keys, a_places, res = ([], [], [])
        if subj is not None:
            a_keys, a_places, res = self.np(subj, exclude=not_poss)
            f.resolved += res
        f.subject = list(a_keys)
        if not a_keys and of_agents:
            ks, _, res = self.np(of_agents[0])
            if ks:
                a_keys, f.resolved = ks, f.resolved + res

        # counterparts
        b_keys, b_places = [], []
        joint = False
        heads = [tok] + ([verb] if verb is not None and verb.i != tok.i and is_noun else [])
        if is_noun and verb is None and tok.dep_ in ("nsubj", "nsubjpass") and _is_verb(tok.head):
            heads.append(tok.head)  # "a further meeting was held with X"
        honour = []
        if not is_noun and low in W["urging_verbs"]:
            heads_preps = W["counterpart_preps"] | W["urging_preps"]
        else:
            heads_preps = W["counterpart_preps"]
        for h in heads:
            for prep, g in self.preps(h, heads_preps):
                if prep == "to" and mode in ("visit", "signing", "conference"):
                    continue
                if prep == "with" and (mode == "visit" or (h.i != tok.i and h.lower_ in W["verb_mode"]
                                                           and W["verb_mode"][h.lower_] == "visit")):
                    continue  # "X travelled with ministers for the talks": companions, not counterparts
                if prep == "to" and not (h.lower_.startswith(("spo", "talk"))):
                    continue
                ks, ps, res = self.np(g, exclude=a_keys)
                f.resolved += res
                if prep in ("with", "between", "among", "amongst"):
                    ks = ks + [k for k in self.listed_after(g) if k not in ks and k not in a_keys]
                if prep in W["joint_preps"]:
                    joint = True
                if prep == "honour":
                    honour += ks
                b_keys += [k for k in ks if k not in b_keys]
                b_places += ps
        if not is_noun:
            for c in tok.children:
                if c.dep_ in ("dobj", "dative") and mode not in ("visit", "signing", "conference", "dialogue"):
                    ks, ps, res = self.np(c, exclude=a_keys)
                    f.resolved += res
                    b_keys += [k for k in ks if k not in b_keys]
                    b_places += ps
        hosted_by = []
        if not is_noun and not passive and self.agent(tok) and (
                subj is None or any(c.dep_ == "auxpass" for c in tok.children)):
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
                if c.dep_ == "acl" and _is_verb(c):
                    for g in self.agent(c):
                        ks, ps, res = self.np(g)
                        f.resolved += res
                        if c.lower_ in W["host_verbs"]:
                            hosted_by += ks
                        elif len(ks) >= 2 or c.lower_.startswith(("co-", "co")):
                            joint = True
                        b_keys += [k for k in ks if k not in b_keys]
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
        elif (host_word or honour) and not f.joint:
            for k in f.side_a:
                f.roles[k] = "host"
            for k in f.side_b:
                f.roles[k] = "guest"

        if mode == "visit":
            f.destinations = self.destinations(tok, verb)
        if mode == "conference":
            f.gathering = self.gathering(tok)
        return f

    def gathering(self, tok: Token) -> str | None:
        """The head word of the gathering a conference frame attends ("summit", "forum"), so
        that attendees told in several sentences join one event."""
        W = self.W
        cands = []
        if _is_verb(tok):
            cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        else:
            return _gathering_at(tok)
        for c in cands:
            if c.lower_ in W["gathering_words"]:
                return c.lower_
        return None

    def destinations(self, tok: Token, verb: Token | None) -> list[tuple[int, int]]:
        """Where a trip went: "visit to X", "visited X", "arrived on Monday in X", "is in X for
        a state visit", "a tour of A, B and C"."""
        W = self.W
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
                out.append(self._entity_span(g))
            for c in g.children:
                if c.dep_ == "conj":
                    add(c)

        heads = [tok]
        if verb is not None and verb.i != tok.i and tok.dep_ == "pobj" and tok.head.head.i == verb.i:
            heads.append(verb)  # "is in X for a state visit", "arrived in X on an official visit"
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


def read_sentence(sent: Span, mentions: Iterable[MentionSpan],
                  discourse: Discourse | None = None) -> tuple[list[Frame], list]:
    """The engagement frames of one sentence, in the order of their triggers, and the persons
    its main clause is about (its root's subject, anaphora resolved: "The Lao leader laid a
    wreath" makes the Lao leader the one a later "he" means)."""
    index = index_mentions(sent, mentions)
    reader = _Reader(sent, index, discourse)
    out = []
    triggers = words()["any_trigger"]
    for tok in sent:
        if tok.lower_ not in triggers:
            continue
        f = reader.frame(tok)
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
