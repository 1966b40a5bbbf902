"""Names that are no persons of the article though a finder reports them: credits ("Photo by"),
spouses, figures only recalled, sources of a statement, places, relatives named after the office
holder; and the typing slips that make one person look like two. Word lists: data/person_words.json."""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA
from spacy.tokens import Doc

from communique import lexicon
from communique.analysis import PersonDraft
from communique.persons.finders import NameHit
from communique.persons.tokens import _places, is_cap, is_head, is_name_token, name_at, table
from communique.text import name_key


@lru_cache(maxsize=64)
def _cue_forms(cues: frozenset, before: str, after: str) -> tuple[str, ...]:
    """The cue words of a list with the spaces they are matched with ("late" -> " late"), made
    once per list: the filters below test every name against every cue."""
    return tuple(before + c + after for c in cues)


def _words(doc: Doc, a: int, b: int) -> str:
    """The folded words of tokens a..b of one line (read from the token table, no Span built)."""
    texts = table(doc).text[max(0, a):b]
    cut = max((i for i, t in enumerate(texts) if "\n" in t), default=-1) if a < b else -1
    return name_key(" ".join(texts[cut + 1:]))


def _words_after(doc: Doc, a: int, b: int) -> str:
    texts = table(doc).text[a:b]
    cut = next((i for i, t in enumerate(texts) if "\n" in t), len(texts))
    return name_key(" ".join(texts[:cut]))


def _is_credit(doc: Doc, h: NameHit) -> bool:
    """"Photo by NAME", "Online by NAME and NAME": a photo, byline or archive credit."""
    tt = table(doc)
    lower = tt.lower
    i, steps = h.start - 1, 0
    while i >= 0 and steps < 12 and lower[i] != "by":
        if lower[i] in ("and", ",", "&", ".") or tt.cap[i]:
            i -= 1
            steps += 1
        else:
            return False
    return i >= 1 and lower[i] == "by" and tt.key[i - 1] in lexicon.person_words()["credit_words"]



def _after_source_cue(doc: Doc, h: NameHit) -> bool:
    """"a statement by NAME, the adviser ...", "according to spokesperson NAME": the name is the
    source of what is reported."""
    tt = table(doc)
    first = min([h.start] + [a for a, _ in h.title_spans])
    while first > 0 and tt.lower[first - 1] in ("the", "a", "an") or (first > 0 and tt.punct[first - 1]
                                                                       and tt.text[first - 1] != ","):
        first -= 1
    before = " " + _words(doc, first - 3, first)
    return before.endswith(_cue_forms(lexicon.person_words()["source_cues"], " ", ""))


def _named_aside(doc: Doc, h: NameHit) -> bool:
    """Named as a statement's source, or only as who leads a body: "the Palestinian Authority led
    by President NAME", "with General Secretary NAME at its core", "the NAME administration"."""
    if _after_source_cue(doc, h):
        return True
    W = lexicon.person_words()
    first = min([h.start] + [a for a, _ in h.title_spans])
    before = " " + _words(doc, first - 3, first)
    after = _words_after(doc, h.end, h.end + 3) + " "
    return before.endswith(_cue_forms(W["leader_cues_before"], " ", "")) or \
        after.startswith(_cue_forms(W["leader_cues_after"], "", " "))



def _is_spouse(doc: Doc, h: NameHit) -> bool:
    """"his spouse NAME", "First Lady NAME", "NAME, his wife": an accompanying spouse."""
    words = lexicon.person_words()["spouse_words"]
    tt = table(doc)
    text = tt.text
    before = [x for x in text[max(0, h.start - 4):h.start] if x not in (",", "(")]
    for n in (1, 2):
        if len(before) >= n and name_key(" ".join(before[-n:])) in words:
            return True
    after = [x for x, low in zip(text[h.end:h.end + 4], tt.lower[h.end:h.end + 4])
             if x not in (",", "(") and low not in ("his", "her", "the")]
    for n in (1, 2):
        if len(after) >= n and name_key(" ".join(after[:n])) in words:
            return True
    return False



def _royal_consort(doc: Doc, h: NameHit) -> bool:
    """"King Willem-Alexander and Queen Maxima hosted ...": a consort titled so right after the
    monarch and "and" is a spouse beside the monarch (person_words.json royal_consorts)."""
    if len(h.title_spans) != 1 or not h.titles:
        return False
    a, _ = h.title_spans[0]
    tt = table(doc)
    if a < 3 or tt.lower[a - 1] != "and":
        return False
    consorts = lexicon.person_words()["royal_consorts"]
    title = name_key(h.titles[0])
    for k in range(a - 2, max(-1, a - 8), -1):  # the monarch's title, a name or two before "and"
        for n in (2, 1):
            monarch = name_key(" ".join(tt.text[k - n + 1:k + 1])) if k - n + 1 >= 0 else ""
            if monarch in consorts and title in consorts[monarch]:
                return True
        if not (tt.cap[k] or tt.text[k] in ("-", "‐")):
            return False
    return False


def _recalls_the_past(doc: Doc, h: NameHit) -> bool:
    """Words right around the name and its title say it is recalled, not acting: "a tribute of
    NAME", "the late NAME", "years ago, Prime Minister NAME", "the NAME mausoleum", "NAME's
    statue" (not "late on Monday, NAME": a cue of the past must touch the name)."""
    W = lexicon.person_words()
    first = min([h.start] + [a for a, _ in h.title_spans])
    before = " " + _words(doc, first - 4, first)
    after = " " + _words_after(doc, h.end, h.end + 3) + " "
    if before.endswith(_cue_forms(W["past_cues_adjacent"], " ", "")):
        return True
    before += " "
    return any(c in before for c in _cue_forms(W["past_cues_near"], " ", " ")) or \
        any(c in after for c in _cue_forms(W["past_cues_after"], " ", " "))

def _names_an_office(doc: Doc, h: NameHit) -> bool:
    """"the Ministry of Jal Shakti", "the Department of Sabah Affairs": a name right after an
    office's "of" (not a title's: "Secretary of State X" has no "of" right before X) names it."""
    tt = table(doc)
    if h.start < 2 or tt.lower[h.start - 1] != "of" or not tt.text[h.start - 2][:1].isupper():
        return False
    office, L = tt.key[h.start - 2], lexicon.titles()
    return office in L.org_words and office not in L.heads


def _names_a_place(doc: Doc, h: NameHit) -> bool:
    """"in Addis Abeba", "at Rumah Tangsi", "the Ras El-Hekma region": an untitled name right after
    a place preposition or right before a word for a kind of place."""
    W = lexicon.person_words()
    tt = table(doc)
    n = len(tt.text)
    if h.end < n and tt.key[h.end] in W["place_nouns"]:
        return True
    if h.start >= 2 and tt.lower[h.start - 1] == "of" and tt.lower[h.start - 2] in W["place_of_words"]:
        return True  # "thanked the people of Narino", "the department of Cauca"
    if h.start >= 2 and tt.text[h.start - 1] == "(" and h.end < n and tt.text[h.end] == ")" \
            and _places().lookup_place(tt.text[h.start - 2]) is not None:
        return True  # "in Ipiales (Narino)": the region a place lies in
    return h.start > 0 and tt.lower[h.start - 1] in W["locative_words"] and not (
        h.end < n and tt.text[h.end] in ("'s", "’s"))



def _drop_places_and_relatives(entries: list[PersonDraft], hits_of: dict, doc: Doc, blocked: list) -> list[PersonDraft]:
    """Names of offices ("the Ministry of Jal Shakti"), and untitled names that are places ("in Addis
    Abeba") or relatives coordinated after the office holder ("the Prime Minister and NAME",
    sharing the holder's family name), are no persons."""
    families = {e.tokens[-1] for e in entries if e.titles and len(e.tokens) >= 2}
    # every place the untitled names occur, the namings no finder reported included; one pass,
    # a name looked up by its words at each capitalised token
    untitled = {tuple(e.tokens): [] for e in entries if not e.titles}
    lengths = {len(k) for k in untitled}
    firsts = {k[0] for k in untitled}
    tt = table(doc)
    texts, keys = tt.text, tt.key
    for i, text in enumerate(texts):
        if text[:1].isupper() and keys[i] in firsts:
            for n in lengths:
                words = tuple(name_key(" ".join(texts[i:i + n])).split())
                if words in untitled:
                    untitled[words].append(NameHit(i, i + n))
    keep = []
    for e in entries:
        hits = list(hits_of.get(id(e), [])) + untitled.get(tuple(e.tokens), [])
        drop = bool(hits) and all(_names_an_office(doc, h) for h in hits)
        if not drop and not e.titles and hits:
            if any(_names_a_place(doc, h) for h in hits):
                drop = True
            elif len(e.tokens) >= 2 and e.tokens[-1] in families and any(
                    h.start > 1 and tt.lower[h.start - 1] in ("and", "&") and
                    (tt.head[h.start - 2] or name_at(doc, h.start - 2)) for h in hits):
                drop = True
        if drop:
            blocked.extend(e.mentions)
        else:
            keep.append(e)
    return keep



def _near_same(a: list[str], b: list[str]) -> bool:
    """Names one typing slip apart ("Abiy Ahemd" / "Abiy Ahmed", "Kenyaata" / "Kenyatta"): same
    length, every word equal but one, that one long and at one edit (a swap counts one)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 1:
        return False
    # a single substitution, insertion/deletion or swap of neighbours: optimal string alignment
    return OSA.distance(x, y, score_cutoff=1) <= 1
