"""Pledges: amounts of money with currency, donor, recipient, purpose and status.

Amounts are found by a pattern over the sentence ("$130 million", "USD 2.5 billion",
"50 million euros"); the status comes from the verbs in data/event_triggers.json; the
donor and recipient from the speaker's side and the article's other side.
"""
from __future__ import annotations

import re

from communique import lexicon
from communique.model import Commitment

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
                    "¥": "JPY", "JPY": "JPY", "VND": "VND", "A$": "AUD", "AUD": "AUD", "C$": "CAD", "CAD": "CAD",
                    "CNY": "CNY", "RMB": "CNY", "INR": "INR", "Rs": "INR", "₹": "INR", "KRW": "KRW", "₩": "KRW",
                    "CHF": "CHF", "SGD": "SGD", "S$": "SGD", "NZ$": "NZD", "NZD": "NZD", "RUB": "RUB", "₽": "RUB"}
CURRENCY_WORDS = {"dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euros": "EUR", "euro": "EUR",
                  "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "won": "KRW",
                  "dong": "VND", "roubles": "RUB", "rubles": "RUB", "swiss francs": "CHF"}
SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
         "trillion": 1e12}

_SYM = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_WORDS = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
MONEY_RX = re.compile(
    r"(?<![A-Za-z])(?P<sym>" + _SYM + r")\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<scale>thousand|million|mln|billion|bln|bn|trillion|m\b)?"
    r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s?(?P<scale2>thousand|million|mln|billion|bln|bn|trillion)?\s(?P<word>(?i:" + _WORDS + r"))\b")


def find_amounts(text: str):
    """(start, end, amount, currency) for each sum of money in a text."""
    out = []
    for m in MONEY_RX.finditer(text):
        if m.group("sym"):
            num, scale, cur = m.group("num"), m.group("scale"), CURRENCY_SYMBOLS[m.group("sym")]
        else:
            num, scale, cur = m.group("num2"), m.group("scale2"), CURRENCY_WORDS[m.group("word").lower()]
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            continue
        if scale:
            value *= SCALE[scale.lower()]
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


def extract_commitments(sentences, speaker_country, pair) -> list[Commitment]:
    """Commitments in the article's sentences. `speaker_country(sent)` gives the ISO3 of the
    sentence's subject (or None); `pair` is the article's two main states."""
    out = []
    for sent in sentences:
        amounts = find_amounts(sent.text)
        if not amounts:
            continue
        status = status_of(sent.text)
        if status is None:
            continue
        speaker = speaker_country(sent)
        other = None
        if pair:
            others = [c for c in pair if c != speaker]
            other = others[0] if others else None
        if status == "requested":
            donor, recipient = other, speaker
        else:
            donor, recipient = speaker, other
        if donor is None and recipient is None:
            continue
        for s, e, value, cur in amounts:
            out.append(Commitment(donor=donor, recipient=recipient, amount=value, currency=cur,
                                  purpose=purpose_of(sent.text, e), status=status,
                                  evidence=[(sent.start, sent.end)]))
    return out
