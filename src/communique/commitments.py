"""Pledges: sums of money with currency, donor, recipient, purpose and status.

A sum is found as outlets write it ("$130 million", "US$500m", "£2.5bn", "EUR 7.4 bn",
"10 trillion yen"); a bracketed sum right after it is its conversion. Donor and recipient
come from the sentence itself ("from Japan", "to the Philippines", "the UK's", "Japanese
investment", the subject), then the speaker, then the party the article names most. One
commitment per package: a donor's parts and tranches to one recipient fold into the
headline (largest) sum. Currencies, cue words and donor bodies live in data/currencies.json,
the status verbs in data/event_triggers.json.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from communique import lexicon
from communique.model import Commitment
from communique.text import alternation

__all__ = ["find_amounts", "status_of", "purpose_of", "find_parties", "read_pledges", "extract_commitments"]


_alt = alternation  # communique.text: one helper for word alternations


@lru_cache(maxsize=1)
def _data():
    raw = json.loads(resources.files("communique.data").joinpath("currencies.json").read_text("utf-8"))
    scales = {k.lower(): float(v) for k, v in raw["scales"].items()}
    num = r"\d[\d,]*(?:\.\d+)?"
    # a scale is a whole word ("billion", "bn"), glued on or not ("2.5bn", "$35billion")
    scale = rf"(?:\s?(?P<{{g}}>(?i:{_alt(scales)}))(?![A-Za-z]))?"
    numbers = {k.lower(): float(v) for k, v in raw["number_words"].items()}
    money = re.compile(
        rf"(?<![A-Za-z\d])(?P<sym>{_alt(raw['symbols'])})\s?(?P<num>{num}){scale.format(g='scale')}"
        rf"|(?<![\d.,])(?P<num2>{num}){scale.format(g='scale2')}\s(?:of\s)?(?P<word>(?i:{_alt(raw['words'])}))(?![A-Za-z])"
        # "half a billion dollars", "two billion euros": the number in words
        rf"|(?<![A-Za-z])(?P<numw>(?i:{_alt(numbers)}))\s(?P<scale3>(?i:million|billion|trillion))\s(?:of\s)?"
        rf"(?P<word3>(?i:{_alt(raw['words'])}))(?![A-Za-z])")
    cue = lambda words: re.compile(rf"(?<![A-Za-z])(?:{_alt(words)})(?![A-Za-z])", re.I)
    return {
        "symbols": raw["symbols"], "words": {k.lower(): v for k, v in raw["words"].items()}, "scales": scales,
        "number_words": numbers,
        "money": money, "not_pledge": cue(raw["not_pledge"]), "pledge_nouns": cue(raw["pledge_nouns"]),
        "part_of": cue(raw["part_of"]),
        "aid_after": re.compile(rf"\s+(?:{_alt(raw['aid_nouns'])})(?![A-Za-z])", re.I),
        "request_nouns": re.compile(rf"(?:{_alt(raw['request_nouns'])})\b", re.I),
        "orgs": re.compile(rf"(?<![\w.])(?P<org>{_alt(raw['donor_orgs'])})(?![\w])"),
        "org_code": raw["donor_orgs"], "home": raw["home"], "rupee_states": raw["rupee_states"],
        "not_subject": re.compile(rf"(?<![A-Za-z])(?:{_alt(raw['not_subject'])})\s+(?:the\s+)?$", re.I),
        "to": re.compile(rf"(?<![A-Za-z])(?:{_alt(raw['to'])})\s+(?:the\s+)?(?:[a-z][a-z-]+\s+)?$", re.I),
        "from": re.compile(rf"(?<![A-Za-z])(?:{_alt(raw['from'])})\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,3}}$", re.I),
    }


# ---------------------------------------------------------------- sums

# what every sum the money pattern reads contains: a figure, or a number word's scale ("two billion")
_MAY_HOLD_A_SUM = re.compile(r"\d|(?i:illion)")

def find_amounts(text: str):
    """(start, end, amount, currency) for each sum of money in a text, conversions left out:
    in "10 trillion yen ($67 billion)" the dollar figure restates the yen one."""
    d = _data()
    out = []
    if not _MAY_HOLD_A_SUM.search(text):
        return out  # every sum has a digit or a "million"-type word: most sentences have neither
    for m in d["money"].finditer(text):
        if m.group("numw"):
            value = d["number_words"][m.group("numw").lower()] * d["scales"][m.group("scale3").lower()]
            out.append((m.start(), m.end(), value, d["words"][m.group("word3").lower()]))
            continue
        if m.group("sym"):
            num, scale, cur = m.group("num"), m.group("scale"), d["symbols"][m.group("sym")]
        else:
            num, scale, cur = m.group("num2"), m.group("scale2"), d["words"][m.group("word").lower()]
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            continue
        if scale:
            value *= d["scales"][scale.lower()]
        if out and re.fullmatch(r"\s*\(\s*(?:about|around|some|or|approximately|roughly|nearly)?\s*",
                                text[out[-1][1]:m.start()]):
            continue  # "(...)" straight after a sum: its conversion
        out.append((m.start(), m.end(), value, cur))
    return out


def status_of(text: str) -> str | None:
    money = lexicon.triggers()["money"]
    low = text.lower()
    for status in ("requested", "delivered", "agreed", "pledged"):
        if re.search(money[status], low):
            return status
    return None


def purpose_of(text: str, end: int) -> str | None:
    """The words after the amount that say what it is for ("for dioxin cleanup at X")."""
    m = re.match(r"\s*(?:in [\w\s-]{0,20}?)?(?:for|to (?:support|fund|help|finance)|towards?)\s+(?P<p>[^,.;]{3,120})", text[end:])
    if not m:
        return None
    purpose = re.split(r"\s+(?:and|while|as|which|that)\s+", m.group("p"))[0]
    return purpose.strip() or None


# ---------------------------------------------------------------- who gives, who gets

@dataclass(frozen=True)
class Party:
    """A state or donor body named in a sentence: offsets, code, and how it is named."""

    start: int
    end: int
    code: str
    how: str  # "name" | "possessive" | "adjective" (demonym, "X-based") | "city" | "capital" | "org"


def find_parties(text: str) -> list[Party]:
    """States and donor bodies a sentence names, left to right: country names, demonyms and
    possessives ("Japanese", "the UK's"), cities (for where money goes; "an Abu Dhabi-based
    investor" names its state) and bodies such as the EU."""
    from communique import places

    out = []
    for p in places.find_places(text):
        if not p.country:
            continue
        tail = text[p.end:p.end + 6]
        if p.kind == "country":
            how = "possessive" if re.match(r"['’]s\b", tail) else "name"
            if how == "name" and _data()["aid_after"].match(text, p.end):
                how = "adjective"  # "new UK funding", "US aid"
        elif p.kind == "city":
            how = "adjective" if tail.startswith("-based") else "city"
            if how == "city" and places.capital_of(p.text) == p.country \
                    and not re.search(r"\b(?:in|at|from|to|into|near|of)\s+$", text[max(0, p.start - 6):p.start], re.I):
                how = "capital"  # "Beijing pledged $2 billion", "Riyadh has deposited": the government
        else:
            continue
        out.append(Party(p.start, p.end, p.country, how))
    taken = [(p.start, p.end) for p in out]
    for m in re.finditer(r"(?<![\w-])[A-Z][\w’'-]+", text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        code = places.demonym_code(m.group())
        if code:
            out.append(Party(m.start(), m.end(), code, "adjective"))
    d = _data()
    for m in d["orgs"].finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            out.append(Party(m.start(), m.end(), d["org_code"][m.group("org")], "org"))
    return sorted(out, key=lambda p: p.start)


def _near(text: str, s: int, e: int, rx, before: int = 45, after: int = 45) -> bool:
    return bool(rx.search(text[max(0, s - before):s]) or rx.search(text[e:e + after]))


def _recipient(text: str, parties: list[Party], s: int, e: int) -> Party | None:
    """The first state after the sum with "to", "for", "in", "into" ... before it, else the
    nearest such state before it ("its investment pledge in India to $68 billion")."""
    d = _data()
    named = [p for p in parties if p.how != "adjective"]
    for p in named:
        if p.start >= e and d["to"].search(text[max(e, p.start - 24):p.start]):
            return p
    for p in reversed(named):
        if p.end <= s and d["to"].search(text[max(0, p.start - 24):p.start]):
            return p
    for p in parties:  # "50 million euros in credit lines for Moroccan small businesses"
        if p.how == "adjective" and p.start >= e and _FOR_ADJECTIVE.search(text[max(e, p.start - 12):p.start]):
            return p
    return None


_REPORTED = re.compile(r"\b(?:said|says|told|announced|stated|noted|added|confirmed)(?:\s+(?:that|on\s+\w+))?\s", re.I)
_FOR_ADJECTIVE = re.compile(r"\b(?:for|to)\s+(?:the\s+)?$", re.I)  # "for Moroccan firms": who gets it


def _donor(text: str, parties: list[Party], s: int, e: int, recipient: str | None) -> tuple[str | None, tuple]:
    """The giver named in the sentence, or the states it leaves to choose from ("Egypt and
    the UAE signed a $35 bn deal": either may give)."""
    d = _data()
    others = [p for p in parties if p.code != recipient and p.how != "city" and not (s <= p.start < e)]
    for p in others:  # "from Japan", "signed by an Abu Dhabi-based investor"
        if p.start >= e and d["from"].search(text[max(e, p.start - 40):p.start]):
            return p.code, ()
    for p in others:  # "the UK's GBP 2.5 bn", "in Japanese investment" (not "for Moroccan firms")
        if p.how in ("adjective", "possessive") and (s - 30 <= p.start < s or e <= p.start <= e + 25) \
                and not (p.start >= e and _FOR_ADJECTIVE.search(text[max(e, p.start - 12):p.start])):
            return p.code, ()
    subject = [p for p in others if p.start < s and (p.how == "adjective" or not d["not_subject"].search(
        text[max(0, p.start - 24):p.start]))]
    said = [m.end() for m in _REPORTED.finditer(text, 0, s)]
    if said and any(p.start >= said[-1] for p in subject):
        # "Pakistani minister X said China had agreed to provide ...": the reported clause's subject
        subject = [p for p in subject if p.start >= said[-1]]
    codes = list(dict.fromkeys(p.code for p in subject))
    if len(codes) >= 2 and re.search(r"\band\b", text[subject[0].end:subject[-1].start]) and recipient is None:
        return None, tuple(codes)
    if codes:
        return codes[0], ()
    later = [p.code for p in others if p.start >= e and p.how in ("adjective", "possessive")]
    return (later[0] if later else None), ()


def read_pledges(text: str):
    """(start, end, amount, currency, donor, recipient, choices, part) for the pledges of one
    sentence, as far as the sentence itself says: donor or recipient may be None, `choices`
    holds the states of a subject such as "Japan and the Philippines" that may give, and `part`
    says the sum is a part of a package ("the funding includes EUR 5 bn in loans")."""
    d = _data()
    amounts = find_amounts(text)
    if not amounts:
        return []
    verb = status_of(text)
    parties = find_parties(text)
    out = []
    for s, e, value, cur in amounts:
        part = _near(text, s, e, d["part_of"], 40, 25)
        if _near(text, s, e, d["not_pledge"], 40, 40):
            continue  # "US$15 billion in annual bilateral trade"
        if verb is None and not _near(text, s, e, d["pledge_nouns"], 60, 60):
            continue
        rec = _recipient(text, parties, s, e)
        donor, choices = _donor(text, parties, s, e, rec.code if rec else None)
        out.append((s, e, value, cur, donor, rec.code if rec else None, choices, part))
    return out


def _ranking(sentences) -> list[str]:
    """The states and bodies the article names, most named first."""
    counts = Counter()
    for sent in sentences:
        for p in find_parties(sent.text):
            counts[p.code] += 1
    return [c for c, _ in counts.most_common()]


def _of_currency(codes, currency: str) -> list[str]:
    home = _data()["home"].get(currency, [])
    return [c for c in codes if c in home]


def _rupee_of(cur: str, pair) -> str:
    """ "Rs 50 billion" in a Pakistan-China story: Pakistan's rupees, not India's (data/currencies.json
    rupee_states)."""
    if cur != "INR" or not pair or "IND" in pair:
        return cur
    return next((c for c, state in _data()["rupee_states"].items() if state in pair), cur)


def extract_commitments(sentences, speaker_country, pair) -> list[Commitment]:
    """Commitments in the article's sentences. `speaker_country(sent)` gives the ISO3 of the
    sentence's subject (or None); `pair` is the article's two main states."""
    ranking = None
    found: list[Commitment] = []
    for sent in sentences:
        pledges = read_pledges(sent.text)
        if not pledges:
            continue
        verb = status_of(sent.text)
        status = verb or "pledged"
        for s, e, value, cur, donor, recipient, choices, part in pledges:
            cur = _rupee_of(cur, pair)
            if choices:  # "Japan and the Philippines ... a 600 million yen grant": the yen's state gives
                home = _of_currency(choices, cur)
                if len(home) != 1:
                    continue
                donor = home[0]
                rest = [c for c in choices if c != donor]
                recipient = recipient or (rest[0] if len(rest) == 1 else None)
            if status == "requested":  # the subject asks: it is the recipient
                if _data()["request_nouns"].search(sent.text):
                    continue
                asker = donor or speaker_country(sent)
                donor, recipient = (recipient if recipient != asker else None), asker
            elif donor is None and verb is not None:  # the speaker pledges: "He pledged $5 million"
                sp = speaker_country(sent)
                donor = sp if sp != recipient else None
            if donor is None or recipient is None:
                if ranking is None:
                    ranking = _ranking(sentences) + [c for c in pair or [] if c]
                if donor is None and status == "requested":  # asked of the article's other party
                    donor = next((c for c in ranking if c != recipient), None)
                elif donor is None:  # a giver the text leaves open counts in its own currency
                    donor = next(iter(_of_currency([c for c in ranking if c != recipient], cur)), None)
                if recipient is None:
                    recipient = next((c for c in ranking if c != donor), None)
            if donor is None or recipient is None or donor == recipient:
                continue
            same = [c for c in found if (c.donor, c.recipient, c.currency) == (donor, recipient, cur)]
            # one package: the same sum told again, or its parts and tranches, fold into the headline sum
            c = next((c for c in same if abs(c.amount - value) <= 0.01 * max(c.amount, value)), None)
            if c is None and part and same:
                c = max(same, key=lambda c: c.amount)
            if c is None:
                found.append(Commitment(donor=donor, recipient=recipient, amount=value, currency=cur,
                                        purpose=purpose_of(sent.text, e), status=status,
                                        evidence=[(sent.start, sent.end)]))
                continue
            if value > c.amount:
                c.amount, c.purpose, c.status = value, purpose_of(sent.text, e) or c.purpose, status
            if (sent.start, sent.end) not in c.evidence:
                c.evidence.append((sent.start, sent.end))
    return found
