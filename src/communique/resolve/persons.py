"""Person identities across articles: one Identity per real person, with its role history.

Records (one per person per article, see STORE_API.md) are clustered with a union-find in
four ordered passes, each more cautious than the one before:
  1. the same full name (diacritics folded, title words stripped) and a compatible country;
  2. a shorter full name inside a longer one with the same first and last word
     ("Michael DeSombre" / "Michael George DeSombre"), only when the longer form is unique;
  3. near-identical spellings (rapidfuzz) with the same country and an overlapping title;
  4. one-word names ("Cuong", "President Cuong"): first against full names of the same
     article, then against the corpus when exactly one identity of that country fits.
Two clusters with different known countries are never joined automatically. Manual
overrides (see overrides.py) split name forms off before the passes and merge / rename after.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from communique.levels import canonical_title, level_of, rank
from communique.resolve.names import (fold, given_name, initials_plain, name_key, skeleton, slug, split_name,
                                      strip_demonyms)
from communique.resolve.overrides import Overrides

#: rapidfuzz ratio (0-100) two full names must reach to count as one spelling; chosen so that
#: "Antony Blinken" / "Anthony Blinken" (96) pass and "Phan Van Giang" / "Phan Van Giao" need
#: the per-token rule below too.
FUZZY_NAME_RATIO = 90
#: the one differing word of two near-identical names must be at least this long and this close:
#: short Vietnamese given names (Giang / Giao / Quang) differ by one letter and are different people.
FUZZY_TOKEN_MIN_LEN = 5
FUZZY_TOKEN_RATIO = 80
#: a name token shared by more full names than this is too common to block on alone.
MAX_BLOCK = 400


@dataclass
class Role:
    """One office a person was reported in, with when and where the corpus says so."""

    title: str
    org: str | None
    country: str | None
    first_seen: str | None
    last_seen: str | None
    article_ids: list[int]
    level: str | None = None


@dataclass
class Identity:
    """One real person across the corpus."""

    id: str
    name: str
    country: str | None
    aliases: list[str]
    members: list[tuple[int, int]]
    roles: list[Role] = field(default_factory=list)
    #: why its records are one person: [(record key, record key, reason)], one per join made
    links: list[tuple[tuple[int, int], tuple[int, int], str]] = field(default_factory=list)


@dataclass
class _Rec:
    idx: int
    key: tuple[int, int]
    article_id: int
    name: str           # the name as written, title words stripped
    raw: str
    tokens: tuple[str, ...]  # folded
    country: str | None
    org: str | None
    date: str | None
    titles: list[str]
    title_keys: frozenset[str]
    levels: frozenset[str]
    mentions: list[str]
    label: int = 0      # split override index + 1, 0 when none applies
    written: tuple[str, ...] = ()  # folded tokens as written (before initials and short given names)
    n: int = 1          # records this one stands for (the store passes one per distinct name form)
    ctokens: tuple[str, ...] = ()  # tokens with a short given name as the full one (Joe -> joseph)


def _title_key(title: str) -> str:
    canon = canonical_title(title)
    if canon:
        return canon.lower()
    return fold(strip_demonyms(title))


def match_tokens(written: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens names are matched on: initials without periods ("S. Jaishankar" = "S Jaishankar")."""
    return tuple(initials_plain(t) for t in written)


def given_tokens(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A short first given name as the full one ("joe r biden" -> joseph r biden); the last word
    is never a given name."""
    return (given_name(tokens[0]),) + tokens[1:] if len(tokens) >= 2 else tokens


def _prepare(i: int, r: dict) -> _Rec:
    prefix, toks = split_name(r.get("name") or "")
    titles = [t for t in (r.get("titles") or []) if t and t.strip()]
    if prefix:
        head = " ".join(prefix)
        if level_of(head) and head not in titles:
            titles.append(head)
    key = r.get("key")
    key = (int(key[0]), int(key[1])) if key is not None else (int(r.get("article_id") or 0), i)
    written = name_key(toks)
    rec = _Rec(idx=i, key=key, article_id=int(r.get("article_id", key[0])), name=" ".join(toks),
                raw=r.get("name") or "", tokens=match_tokens(written), written=written,
                country=r.get("country") or None,
                org=r.get("org") or None, date=r.get("date") or None, titles=titles,
                title_keys=frozenset(_title_key(t) for t in titles),
                levels=frozenset(lv for lv in (level_of(t) for t in titles) if lv),
                mentions=[m for m in (r.get("mentions_text") or []) if m and m.strip()])
    rec.ctokens = given_tokens(rec.tokens)
    rec.n = int(r.get("n") or 1)
    if r.get("label") is not None:
        rec.label = int(r["label"])
    return rec


class _Clusters:
    """Union-find over record indexes that refuses to join two different known countries."""

    def __init__(self, recs: list[_Rec]):
        self.parent = list(range(len(recs)))
        self.countries = [{r.country} - {None} for r in recs]
        self.title_keys = [set(r.title_keys) for r in recs]
        self.levels = [set(r.levels) for r in recs]
        self.links: list[tuple[int, int, str]] = []  # (record, record, why) of every join made

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        return len(self.countries[self.find(a)] | self.countries[self.find(b)]) <= 1

    def union(self, a: int, b: int, force: bool = False, reason: str = "same name") -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and not self.compatible(ra, rb):
            return False
        self.links.append((a, b, reason))
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.countries[ra] |= self.countries[rb]
        self.title_keys[ra] |= self.title_keys[rb]
        self.levels[ra] |= self.levels[rb]
        return True

    def titles_overlap(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if self.title_keys[ra] & self.title_keys[rb]:
            return True
        shared = self.levels[ra] & self.levels[rb]
        return bool(shared - {"official"})


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _why_same(a: _Rec, b: _Rec) -> str:
    if a.written == b.written:
        return "same full name"
    if tuple(initials_plain(t) for t in a.written) == tuple(initials_plain(t) for t in b.written):
        return "same name, initials with and without periods"
    return f"same name, {a.written[0]} = {b.written[0]} (short given name)"


def _pass_exact(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 1: the same folded full name; a record without country joins the one country it fits."""
    groups: dict[tuple, list[_Rec]] = defaultdict(list)
    for r in recs:
        if len(r.tokens) >= 2:
            groups[(r.label, r.tokens)].append(r)
    for members in groups.values():
        by_country: dict[str | None, list[_Rec]] = defaultdict(list)
        for r in members:
            by_country[r.country].append(r)
        for same in by_country.values():
            for r in same[1:]:
                cl.union(same[0].idx, r.idx, reason=_why_same(same[0], r))
        loose = by_country.pop(None, [])
        if not loose:
            continue
        if len(by_country) <= 1:
            target = next(iter(by_country.values()))[0] if by_country else None
            for r in loose:
                if target is not None:
                    cl.union(target.idx, r.idx, reason=_why_same(target, r) + "; no country of its own")
            continue
        for r in loose:  # several countries share the name: the one whose titles overlap, if unique
            fits = [same[0] for same in by_country.values()
                    if r.title_keys & cl.title_keys[cl.find(same[0].idx)]]
            if len(fits) == 1:
                cl.union(fits[0].idx, r.idx, reason=_why_same(fits[0], r) + "; the one country whose titles it shares")


def _pass_given(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 1b: a short given name and the full one ("Bill" / "William", data/hypocorisms.tsv),
    the rest of the name the same: only with a compatible country and an overlapping title, since
    two people may share a family name."""
    groups: dict[tuple, dict[tuple, _Rec]] = defaultdict(dict)
    for r in recs:
        if len(r.tokens) >= 2:
            groups[(r.label, r.ctokens)].setdefault(r.tokens, r)
    for forms in groups.values():
        if len(forms) < 2:
            continue
        keys = sorted(forms)
        for k in keys[1:]:
            a, b = forms[keys[0]], forms[k]
            if cl.find(a.idx) != cl.find(b.idx) and cl.titles_overlap(a.idx, b.idx):
                cl.union(a.idx, b.idx, reason=_why_same(a, b) + ", overlapping title")


def _pass_subset(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 2: a shorter full name inside exactly one longer one, sharing its first or its last
    word ("Michael DeSombre" / "Michael George DeSombre", "Tayyip Erdogan" / "Recep Tayyip Erdogan",
    "Abiy Ahmed" / "Abiy Ahmed Ali")."""
    forms: dict[tuple, dict[tuple[str, ...], list[_Rec]]] = defaultdict(lambda: defaultdict(list))
    for r in recs:
        if len(r.tokens) >= 2:
            forms[r.label][r.ctokens].append(r)
    for by_tokens in forms.values():
        longer_by_key: dict[tuple, set[tuple[str, ...]]] = defaultdict(set)
        for toks in by_tokens:
            for t in toks[1:]:
                longer_by_key[("first", toks[0], t)].add(toks)
            for t in toks[:-1]:
                longer_by_key[("last", t, toks[-1])].add(toks)
        for short in sorted(by_tokens, key=lambda t: (len(t), t)):
            cands = longer_by_key.get(("first", short[0], short[-1]), set()) \
                | longer_by_key.get(("last", short[0], short[-1]), set())
            longer = [k for k in cands if len(k) > len(short) and _is_subsequence(short, k)
                      and (k[0] == short[0] or k[-1] == short[-1])]
            if not longer:
                continue
            top = max(longer, key=lambda k: (len(k), k))
            if not all(_is_subsequence(k, top) for k in longer):
                continue  # "Nguyen Thanh" inside two different longer names: ambiguous
            for r in by_tokens[short]:
                for other in by_tokens[top]:
                    if other.country is None or r.country is None or other.country == r.country:
                        if r.tokens[0] != other.tokens[0] and r.tokens[0] == short[0] \
                                and not cl.titles_overlap(other.idx, r.idx):
                            continue  # the match needs a short given name: a title must agree too
                        if r.ctokens != r.tokens or other.ctokens != other.tokens:
                            if not cl.titles_overlap(other.idx, r.idx):
                                continue
                        if cl.union(other.idx, r.idx, reason=f"{' '.join(short)} inside {' '.join(top)}"):
                            break


def _pass_order(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 2b: the same words in another order ("Kishida Fumio" / "Fumio Kishida"): family name
    first in one outlet and last in another, whatever the origin; same country or one unknown."""
    groups: dict[tuple, dict[tuple, list[_Rec]]] = defaultdict(lambda: defaultdict(list))
    for r in recs:
        if len(r.tokens) >= 2:
            groups[(r.label, tuple(sorted(r.tokens)))][r.tokens].append(r)
    for orders in groups.values():
        if len(orders) < 2:
            continue
        keys = sorted(orders)
        for k in keys[1:]:
            a, b = orders[keys[0]][0], orders[k][0]
            cl.union(a.idx, b.idx, reason=f"same words in another order ({' '.join(keys[0])} / {' '.join(k)})")


def _is_initials(tokens: tuple[str, ...]) -> bool:
    return len(tokens) >= 2 and all(len(t) <= 2 and t.isalpha() for t in tokens[:-1]) and len(tokens[-1]) > 2


def _pass_initials(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 2c: given names as initials ("S. Jaishankar", "J. R. Smith") join the one full name of
    a compatible country with that family name whose given names begin with those letters."""
    full: dict[tuple, list[_Rec]] = defaultdict(list)
    for r in recs:
        if len(r.tokens) >= 2 and not _is_initials(r.tokens):
            full[(r.label, r.tokens[0][:1], r.tokens[-1])].append(r)
    for r in recs:
        if not _is_initials(r.tokens):
            continue
        letters = "".join(r.tokens[:-1])
        fits = {}
        for o in full.get((r.label, letters[:1], r.tokens[-1]), ()):
            given = "".join(t[:1] for t in o.tokens[:-1])
            if (given.startswith(letters) or given == letters) and (r.country is None or o.country in (None, r.country)):
                fits.setdefault(cl.find(o.idx), o)
        if len(fits) == 1:
            o = next(iter(fits.values()))
            cl.union(o.idx, r.idx, reason=f"initials {' '.join(r.tokens)} of {' '.join(o.tokens)}")


def _pass_joined(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 2d: the same letters, hyphenated, joined or split ("Jean-Yves Le Drian" /
    "Jean Yves Ledrian"): same country or one unknown."""
    groups: dict[tuple, list[_Rec]] = defaultdict(list)
    for r in recs:
        if len(r.tokens) >= 2:
            groups[(r.label, re.sub(r"[^a-z0-9]", "", "".join(r.tokens)))].append(r)
    for members in groups.values():
        forms = {}
        for r in members:
            forms.setdefault(r.tokens, r)
        if len(forms) < 2:
            continue
        keys = sorted(forms)
        for k in keys[1:]:
            cl.union(forms[keys[0]].idx, forms[k].idx, reason=f"same letters ({' '.join(keys[0])} / {' '.join(k)})")


def _near_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return (min(len(x), len(y)) >= FUZZY_TOKEN_MIN_LEN
            and fuzz.ratio(x, y) >= FUZZY_TOKEN_RATIO)


def skeleton_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The transliteration block of a full name: every word's consonant skeleton."""
    return tuple(skeleton(t) for t in tokens)


def _pass_fuzzy(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 3: transliteration variants ("Zelensky" / "Zelenskyy", "Antony" / "Anthony"): the
    same consonant skeleton, one differing word close by rapidfuzz, the same country and an
    overlapping title."""
    forms: dict[tuple, _Rec] = {}
    for r in recs:
        if len(r.tokens) >= 2 and r.country:
            forms.setdefault((r.label, r.country, r.tokens), r)
    blocks: dict[tuple, list[tuple]] = defaultdict(list)
    for f in forms:
        label, country, tokens = f
        blocks[(label, country, skeleton_key(tokens))].append(f)
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        members.sort()
        for i, fa in enumerate(members):
            for fb in members[i + 1:]:
                ra, rb = forms[fa], forms[fb]
                if cl.find(ra.idx) == cl.find(rb.idx):
                    continue
                if (_near_tokens(fa[2], fb[2])
                        and fuzz.ratio(" ".join(fa[2]), " ".join(fb[2])) >= FUZZY_NAME_RATIO
                        and cl.titles_overlap(ra.idx, rb.idx)):
                    cl.union(ra.idx, rb.idx, reason=f"transliteration ({' '.join(fa[2])} / {' '.join(fb[2])}), "
                                                     f"same country {fa[1]}, overlapping title")


@dataclass
class Group:
    """What the one-word pass knows of a full-name identity: its countries, title keys, levels."""

    countries: set
    title_keys: set
    levels: set


def attach_shorts(shorts: list[_Rec], groups: dict, by_token: dict, local: dict):
    """Pass 4: one-word names ("Cuong", "President Cuong"), each decided against the full-name
    identities as they stand after passes 1-3 (so the decisions do not depend on each other):
    a full name of the same article first, else the one identity of the corpus with that word as
    its first or last name (among several, the one whose titles fit).

    groups: id -> Group; by_token: (label, word) -> ids; local: article id -> [(label, first,
    last, country, id)]. Returns ([(short, id, why)], [(short, short, why)]): joins to identities,
    then joins among the one-word names nobody else explains (same word, country, title).
    """
    joins, leftovers = [], []
    for r in sorted(shorts, key=lambda r: r.key):
        tok = r.tokens[0]
        near = {gid for label, first, last, country, gid in local.get(r.article_id, ())
                if label == r.label and tok in (first, last) and (r.country is None or country in (None, r.country))}
        target = _unique(near, r, groups)
        if target is None and not near:
            roots = set(by_token.get((r.label, tok), ()))
            if r.country:
                roots = {x for x in roots if groups[x].countries in ({r.country}, set())}
                roots = {x for x in roots if groups[x].countries} or roots
            target = _unique(roots, r, groups)
        if target is not None and r.country and not groups[target].countries <= {r.country}:
            target = None
        if target is None:
            leftovers.append(r)
        else:
            joins.append((r, target, f"one-word name {tok} of the one fitting full name"
                          + (" in the same article" if near else "")))
    # one-word names nobody else explains: the same word, country and an overlapping title
    among = []
    by_word: dict[tuple, list[_Rec]] = defaultdict(list)
    for r in leftovers:
        if r.country:
            by_word[(r.label, r.tokens[0], r.country)].append(r)
    for members in by_word.values():
        if len(members) < 2:
            continue
        cl = _Clusters(members)
        pos = {id(m): i for i, m in enumerate(members)}
        for r in members[1:]:
            for other in members:
                a, b = pos[id(other)], pos[id(r)]
                if other is not r and cl.find(a) != cl.find(b) and cl.titles_overlap(a, b):
                    cl.union(a, b)
                    among.append((other, r, f"one-word name {r.tokens[0]}, same country and title"))
    return joins, among


def _pass_short(recs: list[_Rec], cl: _Clusters) -> None:
    """Pass 4 over the in-memory clusters (see attach_shorts)."""
    by_token: dict[tuple[int, str], set[int]] = defaultdict(set)
    local: dict[int, list] = defaultdict(list)
    groups = {}
    for r in recs:
        if len(r.tokens) >= 2:
            root = cl.find(r.idx)
            for tok in {r.tokens[0], r.tokens[-1]}:
                by_token[(r.label, tok)].add(root)
            local[r.article_id].append((r.label, r.tokens[0], r.tokens[-1], r.country, root))
            if root not in groups:
                groups[root] = Group(set(cl.countries[root]), set(cl.title_keys[root]), set(cl.levels[root]))
    joins, among = attach_shorts([r for r in recs if len(r.tokens) == 1], groups, by_token, local)
    for r, root, why in joins:
        cl.union(root, r.idx, force=True, reason=why)
    for a, b, why in among:
        cl.union(a.idx, b.idx, force=True, reason=why)


def _unique(roots: set, r: _Rec, groups: dict):
    if len(roots) == 1:
        return next(iter(roots))
    if len(roots) > 1 and (r.title_keys or r.levels):
        fits = {x for x in roots if groups[x].title_keys & r.title_keys}
        if not fits:
            fits = {x for x in roots if (groups[x].levels & r.levels) - {"official"}}
        if len(fits) == 1:
            return next(iter(fits))
    return None


def _split_label(r: _Rec, overrides: Overrides | None) -> int:
    if not overrides:
        return 0
    names = {fold(r.name), fold(r.raw)}
    for j, s in enumerate(overrides.splits, 1):
        if fold(s.name) in names or name_key(split_name(s.name)[1]) == r.tokens:
            if s.country and s.country != r.country:
                continue
            if s.articles is not None and r.article_id not in s.articles:
                continue
            return j
    return 0


def _refs_match(ref: str, members: list[_Rec], ident_id: str | None = None) -> bool:
    f = fold(ref)
    if ident_id is not None and f == ident_id:
        return True
    return any(f in (fold(m.name), fold(m.raw)) for m in members)


def _choose_name(members: list[_Rec]) -> str:
    """The fullest name used; among those, the most frequent, then the earliest seen."""
    longest = max(len(m.tokens) for m in members)
    counts = Counter()
    for m in members:
        if len(m.tokens) == longest:
            counts[m.name] += m.n
    order = {m.name: i for i, m in reversed(list(enumerate(sorted(members, key=lambda m: (m.date or "9999", m.key)))))}
    return max(counts, key=lambda n: (counts[n], n != fold(n), -order[n]))


def _record_titles(m: _Rec) -> list[str]:
    """A record's distinct offices: titles inside a longer one, or a generic twin, are dropped."""
    titles = sorted(set(m.titles), key=len, reverse=True)
    kept: list[str] = []
    for t in titles:
        ft = fold(t)
        if any(ft in fold(k) for k in kept):
            continue
        lv = level_of(t)
        if canonical_title(t) is None and lv and any(level_of(k) == lv and canonical_title(k) for k in kept):
            continue
        kept.append(t)
    return kept


def record_stats(m: _Rec) -> dict:
    """One record's offices as JSON-able accumulators {title key: {forms, orgs, countries, first,
    last, articles, canon, level}}: identities sum these (merge_stats), so the store keeps one per
    distinct name form instead of re-reading every mention."""
    acc: dict[str, dict] = {}
    for t in _record_titles(m):
        k = _title_key(t)
        a = acc.setdefault(k, {"forms": {}, "orgs": {}, "countries": {}, "first": None, "last": None,
                               "articles": [], "canon": canonical_title(t), "level": level_of(t)})
        f = strip_demonyms(t)
        a["forms"][f] = a["forms"].get(f, 0) + 1
        if m.org:
            a["orgs"][m.org] = a["orgs"].get(m.org, 0) + 1
        if m.country:
            a["countries"][m.country] = a["countries"].get(m.country, 0) + 1
        if m.date:
            d = m.date[:10]
            a["first"] = min(a["first"] or d, d)
            a["last"] = max(a["last"] or d, d)
        if m.article_id not in a["articles"]:
            a["articles"].append(m.article_id)
    return acc


def merge_stats(into: dict, other: dict) -> dict:
    """Add one set of office accumulators to another (in place) and return it."""
    for k, b in other.items():
        a = into.get(k)
        if a is None:
            into[k] = {**b, "forms": dict(b["forms"]), "orgs": dict(b["orgs"]), "countries": dict(b["countries"]),
                       "articles": list(b["articles"])}
            continue
        for name in ("forms", "orgs", "countries"):
            for x, n in b[name].items():
                a[name][x] = a[name].get(x, 0) + n
        for name, pick in (("first", min), ("last", max)):
            vals = [v for v in (a[name], b[name]) if v]
            a[name] = pick(vals) if vals else None
        seen = set(a["articles"])
        a["articles"] += [x for x in b["articles"] if x not in seen]
    return into


def _roles(members: list[_Rec]) -> list[Role]:
    stats: dict = {}
    for m in members:
        merge_stats(stats, record_stats(m))
    return roles_from_stats(stats)


def roles_from_stats(stats: dict) -> list[Role]:
    """The role history from summed office accumulators (see record_stats)."""
    acc = {k: {"forms": Counter(a["forms"]), "orgs": Counter(a["orgs"]), "countries": Counter(a["countries"]),
               "dates": [d for d in (a["first"], a["last"]) if d], "articles": set(a["articles"]),
               "canon": a["canon"], "level": a["level"]} for k, a in stats.items()}
    # a generic title ("Deputy Minister") folds into the one canonical office of the same level
    canon_by_level = defaultdict(list)
    for k, a in acc.items():
        if a["canon"] and a["level"]:
            canon_by_level[a["level"]].append(k)
    for k in [k for k, a in acc.items() if not a["canon"]]:
        a = acc[k]
        targets = canon_by_level.get(a["level"], [])
        if len(targets) == 1 and a["level"] not in (None, "official"):
            t = acc[targets[0]]
            for name in ("forms", "orgs", "countries"):
                t[name].update(a[name])
            t["dates"] += a["dates"]
            t["articles"] |= a["articles"]
            del acc[k]
    # a bare title inside a longer one of the same level ("Assistant Secretary" inside
    # "Assistant Secretary of State", "Minister" inside "Minister of Public Security")
    for k in sorted(acc, key=len):
        a = acc[k]
        if a["canon"]:
            continue
        longer = [o for o in acc if o != k and len(o) > len(k) and acc[o]["level"] == a["level"]
                  and re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", o)]
        if len(longer) >= 1:
            t = acc[max(longer, key=lambda o: sum(acc[o]["forms"].values()))]
            for name in ("forms", "orgs", "countries"):
                t[name].update(a[name])
            t["dates"] += a["dates"]
            t["articles"] |= a["articles"]
            del acc[k]
    roles = []
    for k, a in acc.items():
        title = a["canon"] or max(a["forms"], key=lambda f: (a["forms"][f], len(f)))
        dates = sorted(d[:10] for d in a["dates"])
        roles.append(Role(title=title, org=a["orgs"].most_common(1)[0][0] if a["orgs"] else None,
                          country=a["countries"].most_common(1)[0][0] if a["countries"] else None,
                          first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                          article_ids=sorted(a["articles"]), level=a["level"]))
    roles.sort(key=lambda r: (r.first_seen or "9999", rank(r.level), r.title))
    return roles


def _assign_ids(identities: list[Identity]) -> None:
    """Slug of the name, "-2", "-3" ... on collision, numbered by earliest member (stable)."""
    by_slug: dict[str, list[Identity]] = defaultdict(list)
    for ident in identities:
        by_slug[slug(ident.name)].append(ident)
    taken = set()
    for s in sorted(by_slug):
        for n, ident in enumerate(sorted(by_slug[s], key=lambda i: min(i.members)), 1):
            candidate = s if n == 1 else f"{s}-{n}"
            while candidate in taken:
                n += 1
                candidate = f"{s}-{n}"
            ident.id = candidate
            taken.add(candidate)


def resolve_persons(records: list[dict], overrides: Overrides | None = None) -> list[Identity]:
    """Cluster per-article person records into Identities (see the module docstring)."""
    recs = [_prepare(i, r) for i, r in enumerate(records)]
    for r, given in zip(recs, records):
        if given.get("label") is None:
            r.label = _split_label(r, overrides)
    cl = _Clusters(recs)
    _pass_exact(recs, cl)
    _pass_given(recs, cl)
    _pass_subset(recs, cl)
    _pass_order(recs, cl)
    _pass_initials(recs, cl)
    _pass_joined(recs, cl)
    _pass_fuzzy(recs, cl)
    _pass_short(recs, cl)
    if overrides:
        groups = _groups(recs, cl)
        def named(ref: str, members: list[_Rec]) -> bool:
            label = members[0].label  # a split-off identity answers only to its own `as` name
            if label:
                return bool(overrides.splits[label - 1].as_name) and fold(ref) == fold(overrides.splits[label - 1].as_name)
            return _refs_match(ref, members)

        for refs in overrides.merges:
            roots = [root for root, members in groups.items() if any(named(x, members) for x in refs)]
            for root in roots[1:]:
                cl.union(roots[0], root, force=True, reason="manual merge override")
    identities = []
    links_of: dict[int, list] = defaultdict(list)
    for a, b, why in cl.links:
        links_of[cl.find(a)].append((recs[a].key, recs[b].key, why))
    for root, members in _groups(recs, cl).items():
        name = _choose_name(members)
        label = members[0].label
        if overrides and label and overrides.splits[label - 1].as_name:
            name = overrides.splits[label - 1].as_name
        countries = Counter()
        for m in members:
            if m.country:
                countries[m.country] += m.n
        aliases = set()
        for m in members:
            aliases.update(x for x in (m.name, m.raw, *m.mentions) if x)
        aliases.discard(name)
        identities.append(Identity(id="", name=name,
                                   country=countries.most_common(1)[0][0] if countries else None,
                                   aliases=sorted(aliases, key=lambda a: (fold(a), a)),
                                   members=sorted(m.key for m in members), roles=_roles(members),
                                   links=sorted(links_of.get(root, []))))
        identities[-1]._recs = members  # used for canonical overrides below
    _assign_ids(identities)
    if overrides and overrides.canonical:
        for ref, new_name in overrides.canonical:
            for ident in identities:
                if _refs_match(ref, ident._recs, ident.id) or fold(ref) == fold(ident.name):
                    if ident.name != new_name:
                        ident.aliases = sorted(set(ident.aliases) | {ident.name} - {new_name},
                                               key=lambda a: (fold(a), a))
                        ident.name = new_name
        _assign_ids(identities)
    for ident in identities:
        del ident._recs
    identities.sort(key=lambda i: i.id)
    return identities


def _groups(recs: list[_Rec], cl: _Clusters) -> dict[int, list[_Rec]]:
    out: dict[int, list[_Rec]] = defaultdict(list)
    for r in recs:
        out[cl.find(r.idx)].append(r)
    return out
