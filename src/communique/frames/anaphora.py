"""The discourse of an article: who "he", "the French President" or "the two ministers" is."""
from __future__ import annotations

from typing import Callable, Iterable

from spacy.tokens import Token

from communique import lexicon
from communique.frames.model import Frame, Key, PersonInfo
from communique.frames.words import words
from communique.text import fold


def _dedupe_keys(keys: list) -> list:
    out = []
    for k in keys:
        if k not in out:
            out.append(k)
    return out


def told_first_of_kind(noun: Token) -> bool:
    """A noun told as the first (last, only ...) of its kind: "the first visit", "the first country"."""
    return any(c.lower_ in words()["first_of_kind"] for c in noun.children if c.dep_ == "amod")


def _first_of_kind(tok: Token) -> bool:
    """An indefinite agent of a deed told as the first of its kind ("the first visit by an
    Australian leader to China in seven years"): the person the sentence is about, not someone new."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ == "NOUN" \
        and told_first_of_kind(tok.head.head)


def singular_title(word: str) -> str | None:
    """The title word a plural description is made of ("presidents" -> "president"), or None where
    it names no title ("leaders", "sides")."""
    f = fold(word)
    singular = f[:-1] if f.endswith("s") else f
    return singular if singular in words()["title_words"] else None


def _holds(titles, bits: list[str], synonyms: dict) -> bool:
    """Whether a person's titles, their words together, hold every word of a description (a synonym
    counts: "the envoy" for an Ambassador)."""
    held = set(" ".join(fold(t) for t in titles).split())
    return bool(held) and all(b in held or held & synonyms.get(b, set()) for b in bits)


def _titled_bare(titles, bits: list[str]) -> bool:
    """One of the titles is the description's words and nothing more ("Prime Minister")."""
    return any(fold(t) == " ".join(bits) for t in titles)


def _outranked(titles, bits: list[str], synonyms: dict) -> bool:
    """Every title that holds the words of a description also holds a rank it does not say ("the
    premier" against "Deputy Prime Minister"): a deputy is not who a bare title means."""
    ranks = words()["subordinate_ranks"]
    fitting = [t for t in (fold(x).split() for x in titles)
               if all(b in t or set(t) & synonyms.get(b, set()) for b in bits)]
    return bool(fitting) and all(any(w in ranks and w not in bits for w in t) for t in fitting)


def _abbreviated_title(tok: Token) -> str | None:
    """The title an upper-case abbreviation used alone stands for ("EAM", "PM"), or None."""
    if not (tok.text.isupper() and tok.text.isalpha() and 2 <= len(tok.text) <= 4):
        return None
    return lexicon.person_words()["title_abbreviations"].get(tok.lower_)


def _field_of(tok: Token, W) -> Token | None:
    """The field noun of "the head of X diplomacy" (frames.json field_heads), or None."""
    if tok.lower_ not in W["heads_of_fields"]:
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.lower_ in W["field_heads"]), None)


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
        self.group_mode: str | None = None  # the mode of the frame the group comes from
        self.fresh = False  # the last resolve() named a group that met in no engagement told before
        self.speaker = None  # in a transcript, the person its last speaker label named
        # the persons the next sentence names: "X met his Chilean counterpart. Chile's Foreign
        # Minister, Y, told the press ...": a counterpart of a state no one of it was named before
        self.upcoming: list = []
        self.home: str | None = None  # the state the outlet reports from: "the visiting minister" is not of it
        self.guests: list = []  # the guests and visitors of the engagements told, the newest first

    def observe(self, subjects: list, mentioned: list, frames: list[Frame] = ()) -> None:
        """After a sentence: the recent subjects lead (the newest first), then the persons only
        named, the newest first: "X met Y. ... He said" means X, unless a sentence since made
        someone else its subject."""
        self.subjects = _dedupe_keys(list(subjects) + self.subjects)[:6]
        self.mentioned = _dedupe_keys(list(mentioned) + self.mentioned)[:10]
        self.salient = _dedupe_keys(self.subjects + self.mentioned)
        for f in frames:
            if len(f.participants()) >= 2 and not f.planned:
                self.group, self.group_mode = f.participants(), f.mode
            guests = [k for k, role in f.roles.items() if role in ("guest", "visitor")]
            self.guests = _dedupe_keys(guests + self.guests)[:4]

    def pair(self) -> list:
        """"The two leaders" before any engagement is told: the two most salient persons of
        two different known states."""
        first = next((k for k in self.salient if self.describe(k).country), None)
        if first is None:
            return []
        c = self.describe(first).country
        second = next((k for k in self.salient if self.describe(k).country not in (None, c)), None)
        return [first, second] if second is not None else []

    def resolve(self, tok: Token, exclude: Iterable = (), earlier: Iterable = ()) -> list:
        """The person(s) a pronoun or a definite description stands for; [] when none fits.
        `exclude`: persons it cannot be, such as the subjects of its own clause ("A and B attended
        his meeting"); a "he"/"his" then prefers a person of their state (aides attend their
        own leader's meeting). `earlier`: persons named before it in its own sentence, nearest
        first, whom a description of a state's official may point back to ("X held talks with
        Thai Prime Minister Y, during the Thai leader's first visit")."""
        W = words()
        low = tok.lower_
        exclude = set(exclude)
        self.fresh = False
        own = [k for k in reversed(list(earlier)) if k not in exclude]  # in the order the sentence names them
        if low in W["pronouns_group"]:
            return [k for k in self.group if k not in exclude][:4] if len(self.group) >= 2 else []
        if low in W["group_numbers"] and low != "the" and tok.pos_ in ("NUM", "PRON", "DET") and (
                low == "both" or any(c.lower_ == "the" for c in tok.children)):
            # "the two witnessed the signing", "both agreed": the ones who met last; "X met Y in
            # Suva, where the two signed ...": the two its own sentence named first
            if low == "two" and len(own) == 2:
                return own
            return [k for k in self.group if k not in exclude][:4] if len(self.group) >= 2 else []
        if low in W["pronouns_person"] and low in ("i", "me", "my"):
            # a quoted first person is the speaker, which the sentence's frame does not say; in a
            # transcript, the speaker its last label named
            return [self.speaker] if self.speaker is not None and self.speaker not in exclude else []
        if low in W["pronouns_person"]:
            theirs = {self.describe(k).country for k in exclude} - {None}
            if len(theirs) == 1:
                same = next(([k] for k in self.salient if k not in exclude and self.describe(k).country in theirs), [])
                if same:
                    return same
            return next(([k] for k in self.salient if k not in exclude), [])
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "det", "poss", "nmod")]
        field = _field_of(tok, W)
        if field is not None:
            # "the head of Colombian diplomacy" (jefe de la diplomacia, chef de la diplomatie): its top
            # diplomat, of the state the field's demonym names
            low = W["field_heads"][field.lower_]
            mods = [c for c in tok.children if c.dep_ == "det"] + \
                [c for c in field.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        mod_words = {c.lower_ for c in mods}
        if low in W["honorific_anaphors"] and mod_words & {"his", "her"}:
            # "His Highness also received ...": the person styled so before
            return next(([k] for k in self.salient if k not in exclude
                         and any(low in fold(t).split() for t in self.describe(k).titles)), [])
        plural = low in W["group_words"] or (tok.tag_ in ("NNS", "NNPS") and low in W["title_words"] | {"sides"})
        if plural and (mod_words & W["group_numbers"]):
            # a pair of no engagement told before, or the host and guest of a visit, meet anew
            self.fresh = len(self.group) < 2 or self.group_mode == "visit"
            if len(self.group) < 2 and "two" in mod_words and len(own) == 2:
                return own  # "'...,' X told Y as the two men sat down": the two its own sentence named
            titled = self._holders(tok, mods, exclude)
            if titled is not None and not all(k in titled for k in self.group):
                # "the two presidents" after the foreign ministers' talks: the presidents, not the last pair
                self.fresh = False
                return titled
            return list(self.group) if len(self.group) >= 2 else self.pair()
        abbreviated = _abbreviated_title(tok)  # "EAM arrived in Colombo": the External Affairs Minister
        if not (low in W["title_words"] or low in W["side_words"] or abbreviated):
            return []
        indefinite = not (mod_words & W["definite"]) and not any(c.dep_ == "poss" for c in mods) and not abbreviated
        if indefinite and not _first_of_kind(tok):
            return []  # "an African president" introduces someone; only "the ..." points back
        country = None
        for c in mods:
            code = self.demonym(c.text) if c.text[:1].isupper() else None
            if code:
                country = code
        if indefinite and country is None:
            return []  # "the first visit by an African president": no state to find the person by
        title_bits = [fold(c.text) for c in mods if c.lower_ in W["title_words"]] + [low if field is not None else fold(tok.text)]
        if abbreviated:
            title_bits = [w for w in fold(abbreviated).split() if w in W["title_words"]]
        synonyms = {w: set(ws) for w, ws in W["title_synonyms"].items()}
        untitled = []
        stateless = []  # holders of the title whose state the article has not settled yet
        earlier = [k for k in earlier if k not in exclude] if country is not None else []
        order = earlier + [k for k in self.salient if k not in earlier]
        if "visiting" in mod_words:  # "X received his Ukrainian counterpart Y. The visiting minister ...": Y
            order = [k for k in self.guests if k in order] + [k for k in order if k not in self.guests]
        for k in order:
            if k in exclude:
                continue
            info = self.describe(k)
            if "visiting" in mod_words and self.home and info.country == self.home:
                continue  # "the visiting minister arrived in Warsaw": not the Polish one
            if country is not None and info.country is None and low not in W["side_words"] and info.titles:
                stateless.append(k)
            if country is not None and info.country != country:
                continue
            if low in W["side_words"]:
                if country is None and low not in W["counterpart_words"]:
                    continue  # "the side" alone says too little
                return [k]
            if _holds(info.titles, title_bits, synonyms) and not _outranked(info.titles, title_bits, synonyms):
                if country is None and not _titled_bare(info.titles, title_bits):
                    # "the Prime Minister" with two prime ministers told: the one the outlet titles so
                    # bare (its own) before one it qualifies ("Mauritius Prime Minister")
                    bare = next((o for o in self.salient if o not in exclude and o is not k
                                 and _titled_bare(self.describe(o).titles, title_bits)), None)
                    if bare is not None:
                        return [bare]
                return [k]  # "the envoy" for an Ambassador, "the premier" for a Prime Minister
            if not info.titles:
                untitled.append(k)
        if len(untitled) == 1 and low not in W["side_words"] and not indefinite:
            return untitled  # "Rishi Sunak promised ... the Prime Minister said": the one person given no title
        held_by = [k for k in stateless if _holds(self.describe(k).titles, title_bits, synonyms)]
        if len(held_by) == 1 and not indefinite:
            return held_by  # "the head of Colombian diplomacy" for the one foreign minister of no state yet
        if country is not None and low in W["counterpart_words"]:
            ahead = [k for k in self.upcoming if k not in exclude and self.describe(k).country == country]
            if len(ahead) == 1:
                return ahead  # named right after: "... Chile's Foreign Minister, Y, told the press"
        return []

    def _holders(self, tok: Token, mods: list, exclude: set) -> list | None:
        """The salient persons, one per state, holding the title a plural description names ("the
        two presidents", "both foreign ministers"), when at least two of two states do; else None."""
        W = words()
        singular = singular_title(tok.text)
        if singular is None:
            return None  # "the two leaders", "both sides": no title to tell them by
        bits = [fold(c.text) for c in mods if c.lower_ in W["title_words"]] + [singular]
        synonyms = {w: set(ws) for w, ws in W["title_synonyms"].items()}
        out, states = [], set()
        for k in self.salient:
            info = self.describe(k)
            if k in exclude or not info.country or info.country in states:
                continue
            if _holds(info.titles, bits, synonyms):
                out.append(k)
                states.add(info.country)
        return out if len(out) >= 2 else None
