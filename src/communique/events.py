"""Events of one article: engagements (meetings, visits, dialogues, calls, conferences) and
signings, each with actors, roles, date, place and evidence sentences.

Sentence-level rules over the parse, with trigger patterns in data/event_triggers.json.
Event coding of this kind (who with whom, in what format) has no maintained library for
English news that keeps persons as actors, so the rules are written here.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from communique import frames as frames_mod, lexicon
from communique.lexicon import fold
from communique.model import Actor, Event, Location

MODE_ORDER = ("signing", "call", "dialogue", "conference", "visit", "meeting")
MAIN_DATE_SENTENCES = 6  # the main event's date is looked for in the article's first sentences
BACKGROUND_DAYS = 45  # an event dated this long before the main event is background
ENGAGEMENT_RANK = {"call": 0, "dialogue": 1, "meeting": 2}  # a sentence that says "phone" makes talks a call

# one DEBUG record per engagement mode a sentence reports, saying whether the parse (a frame)
# or the positional fallback chose its participants; `communique extract --debug-frames` counts them
frame_log = logging.getLogger("communique.frames")


@dataclass
class Mention:
    person: int  # index into the article's persons
    start: int
    end: int


@dataclass
class SentenceInfo:
    span: Span
    start: int  # absolute char offsets
    end: int
    text: str
    mentions: list[Mention]
    caption: bool
    title: bool


@dataclass
class Draft:
    type: str
    mode: str | None
    cameo: str
    actors: list[Actor]
    evidence: list[tuple[int, int]]
    date: str | None = None
    location: Location | None = None
    mechanism: dict | None = None
    background: bool = False
    from_caption: bool = False
    anchor: int = 0  # char offset of the trigger, for date picking
    context: str | None = None  # "visit" when it happened during a trip
    members: list[int] = field(default_factory=list)  # person indices taking part


@dataclass
class ArticleContext:
    persons: list  # communique.model.Person
    person_countries: list[str | None]
    person_orgs: list[str | None]
    published: object  # datetime.date | None
    year: int | None
    dateline_place: str | None
    captions: list[tuple[int, int]]
    title_span: tuple[int, int] | None
    pair: list[str] = field(default_factory=list)  # the article's two most-named states
    drafts: list[Draft] = field(default_factory=list)


def _compiled():
    data = lexicon.triggers()
    if not hasattr(_compiled, "cache"):
        modes = {m: [re.compile(p) for p in spec["patterns"]] for m, spec in data["modes"].items()}
        _compiled.cache = {
            "modes": modes,
            "not": [re.compile(p) for p in data["not_events"]],
            "generic": re.compile(data["generic_counterparts"]),
        }
    return _compiled.cache


def mode_spec(mode: str) -> dict:
    return lexicon.triggers()["modes"][mode]


def detect_modes(text: str) -> list[tuple[str, int]]:
    """Modes whose triggers occur in a sentence, with the trigger's position, in MODE_ORDER."""
    low = text.lower()
    out = []
    for mode in MODE_ORDER:
        starts = [m.start() for pat in _compiled()["modes"][mode] for m in [pat.search(low)] if m]
        if starts:
            out.append((mode, min(starts)))  # the earliest trigger: "held talks with A, and met B"
    return out


def is_hypothetical(text: str, pos: int = None) -> bool:
    """Future, planned or invited engagements are not events that happened: a modal or an
    invitation in the words just before the trigger at `pos`."""
    low = text.lower()
    window = low[max(0, pos - 45):pos] if pos is not None else low
    return any(p.search(window) for p in _compiled()["not"])


# ------------------------------------------------------------------ places and countries

def _places():
    from communique import places

    return places


def place_mentions(text: str, base: int):
    out = []
    for p in _places().find_places(text):
        out.append((p.start + base, p.end + base, p))
    return out


def preferred_place(text: str, base: int, after: int | None = None):
    """The place an event happened: a city after 'in'/'at' first, then any city, then a country."""
    cands = place_mentions(text, base)
    if after is not None:
        later = [c for c in cands if c[0] >= after]
        cands = later or cands
    if not cands:
        return None

    def prep(c):
        before = text[max(0, c[0] - base - 4):c[0] - base].lower()
        return before.endswith(("in ", "at ")) or before.endswith(("in the ", "at the "))

    # a place only counts where the sentence says something happened there ("in Hanoi", "at
    # Hyderabad House in New Delhi"); "the Republic of X" or "a Hanoi official" say nothing of it
    ranked = sorted([c for c in cands if prep(c)], key=lambda c: (c[2].kind != "city", c[0]))
    if ranked:
        return ranked[0][2]

    def bare_city(c):
        before = text[max(0, c[0] - base - 12):c[0] - base].lower()
        after = text[c[1] - base:c[1] - base + 3]
        return c[2].kind == "city" and not re.search(r"\b(?:of|the|of the)\s*$", before) \
            and not re.match(r"\s?[A-Z]|['’]s", after)
    bare = [c for c in cands if bare_city(c)]
    return bare[0][2] if bare else None


def to_location(p) -> Location | None:
    if p is None:
        return None
    if p.kind == "country":
        return Location(name=_places().country_name(p.country) or p.name, country=p.country)
    return Location(name=p.name, country=p.country)


def country_actor(code: str, role: str | None = None) -> Actor:
    return Actor(name=_places().country_name(code) or code, kind="country", country=code, role=role)


# ------------------------------------------------------------------ sides of an engagement

def split_sides(sent: SentenceInfo, trigger_pos: int) -> tuple[list[Mention], list[Mention]]:
    """Persons before the trigger (the subject side) and after it (the counterparts)."""
    absolute = sent.start + trigger_pos
    before = [m for m in sent.mentions if m.end <= absolute]
    after = [m for m in sent.mentions if m.start >= absolute]
    return before, after


def _dedupe(ms: list[Mention]) -> list[int]:
    out = []
    for m in ms:
        if m.person not in out:
            out.append(m.person)
    return out


def org_counterparts(sent: SentenceInfo, trigger_pos: int) -> list[tuple[str, str | None, int]]:
    """Organisations met after the trigger: "members of the Congress", "the President of the NDI"."""
    text = sent.text
    out = []
    index = lexicon.org_index()
    low = text
    seen = set()
    # longest aliases first so "International Republican Institute" beats "Institute"
    for alias in sorted(index, key=len, reverse=True):
        org = index[alias]
        pat = _org_regex(org)
        for m in pat.finditer(low):
            if m.start() < trigger_pos or org.name in seen:
                continue
            if any(s <= m.start() < e for s, e, _ in [(a, b, c) for a, b, c in out]):
                continue
            # a one-word alias inside a longer name ("National Party Congress") is not that org
            if _inside_longer_name(text, m.start(), m.end()):
                continue
            # an org inside a person's title ("Administrator of USAID Samantha Power") is not a counterpart
            if any(fold(org.name) in fold(t) or any(fold(a) in fold(t).split() for a in org.aliases if len(a) <= 5)
                   or any(fold(a) in fold(t) for a in org.aliases if len(a) > 5)
                   for mm in sent.mentions for t in ctx_titles(mm)):
                continue
            absolute = sent.start + m.start()
            if any(mm.start - 120 <= absolute <= mm.start for mm in sent.mentions) and \
                    _inside_title(text, m.start(), sent):
                continue
            seen.add(org.name)
            out.append((m.start(), m.end(), org.name))
        if len(out) > 6:
            break
    return [(name, index[fold(name)].country if fold(name) in index else None, s) for s, e, name in sorted(out)]


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """The match is glued to other capitalised words: part of another name."""
    before = re.search(r"([A-Z][\w.'’-]*)\s+$", text[:start])
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[end:])
    if before and before.group(1) not in ("The", "U.S.", "US", "American", "United", "States") \
            and before.start() > 0 and not re.search(r"[.!?]\s*$", text[:before.start()]):
        return True
    if after and after.group(1) not in ("In", "On", "At"):
        return True
    return False


_TITLES_OF: dict = {}


def ctx_titles(m: "Mention") -> list[str]:
    return _TITLES_OF.get(m.person, [])


def _inside_title(text: str, pos: int, sent: SentenceInfo) -> bool:
    """True when the org at `pos` is followed by a person's name before any comma."""
    absolute = sent.start + pos
    nxt = [m for m in sent.mentions if m.start > absolute]
    if not nxt:
        return False
    gap = text[pos:nxt[0].start - sent.start]
    return "," not in gap and ";" not in gap and " and " not in gap


_ORG_RX: dict[str, re.Pattern] = {}


def _org_regex(org) -> re.Pattern:
    if org.name not in _ORG_RX:
        names = sorted({org.name, *org.aliases}, key=len, reverse=True)
        alts = "|".join(re.escape(re.sub(r"^the\s+", "", n, flags=re.I)) for n in names)
        _ORG_RX[org.name] = re.compile(r"(?<![\w.])(?:" + alts + r")(?![\w])")
    return _ORG_RX[org.name]


# ------------------------------------------------------------------ per-sentence drafting

def person_actor(ctx: ArticleContext, idx: int, role: str | None) -> Actor:
    p = ctx.persons[idx]
    return Actor(name=p.name, kind="person", country=p.country, role=role)


def _cross(ctx: ArticleContext, a: int, b: int) -> bool:
    ca, cb = ctx.person_countries[a], ctx.person_countries[b]
    if a == b:
        return False
    if ca is None and cb is None:
        return (ctx.person_orgs[a] or "?a") != (ctx.person_orgs[b] or "?b")
    return ca != cb


def draft_engagement(ctx: ArticleContext, sent: SentenceInfo, mode: str, pos: int,
                     last_subject: int | None, group: list[int] | None = None) -> list[Draft]:
    """Meetings, calls and dialogues: one event per counterpart of the subject; `group` is who
    "the two ministers" at the start of the sentence refers to."""
    spec = mode_spec(mode)
    before, after = split_sides(sent, pos)
    subj = _dedupe(before)
    objs = _dedupe(after)
    rel = re.search(r",?\s*who\s+(?:also\s+|had\s+|have\s+)?$", sent.text[:pos])
    if rel:
        # "their ministers, A and B, who met in X": the people named just before 'who'
        head = sent.text[:rel.start()]
        cut = max(head.rfind(w) for w in (" said", " welcomed", " thanked", " praised", " noted", ":", ";", " of "))
        subj = _dedupe([m for m in before if m.start - sent.start > cut])
        if len(subj) >= 2 and not objs:
            lead = subj[0]
            rest = [o for o in subj[1:] if _cross(ctx, lead, o)]
            if rest:
                actors = [person_actor(ctx, p, "participant") for p in [lead] + rest]
                return [Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)],
                              anchor=sent.start + pos, members=[lead] + rest)]
            return []
    if group and not subj:
        others = [o for o in objs if o not in group]
        if not others:
            return []
        actors = [person_actor(ctx, g, "participant") for g in group] + \
                 [person_actor(ctx, o, "participant") for o in others]
        d = Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)], anchor=sent.start + pos)
        d.members = list(group) + others
        return [d]
    if not subj and last_subject is not None and re.match(r"\s*(?:he|she|the \w+|during|at|in|on)\b", sent.text.lower()):
        subj = [last_subject]
    evidence = [(sent.start, sent.end)]
    drafts = []
    role_a, role_b = ("co-chair", "co-chair") if mode == "dialogue" else ("host", "guest") \
        if re.search(r"\b(?:receiv|host|welcom)", sent.text.lower()) else ("participant", "participant")
    if subj and objs:
        # the subject side may hold several people of one delegation; pair the first with each counterpart
        lead = subj[-1]  # the subject nearest the verb
        side = [s_ for s_ in subj if not _cross(ctx, lead, s_)]
        others = [o for o in objs if o not in subj]
        groups = _group_counterparts(ctx, sent, others)
        for group in groups:
            if not any(_cross(ctx, s_, o) for s_ in side for o in group):
                continue
            actors = [person_actor(ctx, s_, role_a) for s_ in side] + [person_actor(ctx, o, role_b) for o in group]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), anchor=sent.start + pos,
                                members=side + group))
    elif mode == "dialogue" and not subj and len(objs) >= 2 and re.search(r"\bby\b", sent.text[pos:pos + 40]):
        # "The dialogue was co-chaired by A and B ... and by C and D"
        if any(_cross(ctx, objs[0], o) for o in objs[1:]):
            actors = [person_actor(ctx, o, "co-chair") for o in objs]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), anchor=sent.start + pos,
                                members=list(objs)))
    elif len(subj) >= 2 and not objs:
        # "A and B met" / "A and B co-chaired the Dialogue"
        lead = subj[0]
        rest = [s for s in subj[1:] if _cross(ctx, lead, s)]
        if rest:
            actors = [person_actor(ctx, lead, role_a)] + [person_actor(ctx, o, role_b) for o in rest]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), anchor=sent.start + pos,
                                members=[lead] + rest))
    if subj:
        drafts += org_drafts(ctx, sent, mode, pos, subj[0], role_a, role_b)
    if mode == "dialogue":
        mech = mechanism_of(sent.text)
        for d in drafts:
            d.mechanism = mech
        if not drafts and subj and mech:
            actors = [person_actor(ctx, s, "co-chair") for s in subj]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(evidence), mechanism=mech,
                                anchor=sent.start + pos))
    return drafts


def org_drafts(ctx: ArticleContext, sent: SentenceInfo, mode: str, pos: int, lead: int,
               role_a: str = "participant", role_b: str = "participant") -> list[Draft]:
    """Organisations met (only with a subject person and a verb of meeting)."""
    if mode not in ("meeting", "call") or not re.search(
            r"\b(?:met|meet|meets|held (?:\w+ )?(?:meetings|talks)|received|receives)\b", sent.text.lower()):
        return []
    spec = mode_spec(mode)
    drafts = []
    for name, country, _ in org_counterparts(sent, pos):
        if country is not None and country == ctx.person_countries[lead]:
            continue
        if ctx.person_orgs[lead] == name:
            continue
        actors = [person_actor(ctx, lead, role_a), Actor(name=name, kind="org", country=country, role=role_b)]
        drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)], anchor=sent.start + pos))
    return drafts


def _group_counterparts(ctx: ArticleContext, sent: SentenceInfo, objs: list[int]) -> list[list[int]]:
    """Counterparts joined by 'and' under one plural title stay one group; others one each."""
    groups: list[list[int]] = []
    for o in objs:
        p = ctx.persons[o]
        if groups:
            prev = ctx.persons[groups[-1][-1]]
            if p.titles and prev.titles and p.titles[0] == prev.titles[0] and p.country == prev.country:
                groups[-1].append(o)
                continue
        groups.append([o])
    return groups


MECH_RX = re.compile(
    r"(?:(?P<num>\d+)(?:st|nd|rd|th)|(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))?\s*"
    r"(?:annual\s+)?(?P<pair>[A-Z][\w.]*(?:\s?[-–]\s?[A-Z][\w.]*)+\s+)?"
    r"(?P<name>(?:[A-Z][\w+-]*,?\s+(?:and\s+)?){0,7}(?:Dialogue|Consultations?|Joint Commission|Joint Committee|Talks))")
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}


def mechanism_of(text: str) -> dict | None:
    """The standing mechanism a sentence names, with its round: {"name": ..., "round": 14}."""
    for m in MECH_RX.finditer(text):
        name = m.group("name").strip()
        name = re.sub(r",\s+and\s+", " and ", name)
        name = re.sub(r"\s+", " ", name)
        name = re.sub(r"^(?:The|the|This|this|That|A|An)\s+", "", name)
        if len(name.split()) < 2 and not m.group("pair"):
            continue
        rnd = int(m.group("num")) if m.group("num") else ORDINAL_WORDS.get((m.group("word") or "").lower())
        return {"name": name, "round": rnd}
    return None


DEST_RX = re.compile(r"\b(?:[Vv]isit(?:ed|ing|s)?|trip|tour|journey|arriv(?:ed|es|ing)|landed|travel(?:l?ed|s|ling)?|flew|came)"
                     r"\s+(?:(?:to|in|of|at)\s+)?(?:the\s+)?(?=[A-Z])")


def destination(sent: SentenceInfo):
    """The place a trip went to: the place right after "visit to", "visited", "arrived in"..."""
    places_ = place_mentions(sent.text, sent.start)
    for m in DEST_RX.finditer(sent.text):
        at = sent.start + m.end()
        for s, e, p in places_:
            if s == at:
                rest = sent.text[e - sent.start:]
                if re.match(r"['’]?s?\s+[A-Z]", rest) and not re.match(r"\s+(?:On|In|From|At)\b", rest):
                    continue  # "visiting U.S. Assistant Secretary": an adjective, not the destination
                return m.start(), p
    return None, None


def draft_visit(ctx: ArticleContext, sent: SentenceInfo, pos: int, last_subject: int | None) -> list[Draft]:
    """A trip abroad: the visitor(s) and the host country."""
    low = sent.text.lower()
    tpos, dest = destination(sent)
    if dest is None or not dest.country:
        return []
    pos = tpos
    host = dest.country
    visitors = []
    by = re.search(r"\bby\b", low[pos:])
    before, aft = split_sides(sent, pos)
    if by:
        visitors = [m_.person for m_ in aft if m_.start >= sent.start + pos + by.start()]
    if not visitors:
        poss = [m_.person for m_ in aft if sent.text[m_.end - sent.start:m_.end - sent.start + 2] in ("'s", "’s")]
        visitors = poss or _dedupe(before)
    if not visitors and re.match(r"\s*(?:during|on|in the course of) (?:his|her|their|the|a)\b", low):
        # "During his visit to Brazil, X held ...": the subject comes after the trip
        visitors = [m_.person for m_ in aft if m_.start >= sent.start + pos][:1]
    if not visitors and last_subject is not None and re.match(r"\s*(?:during|on|in|he|she|at)\b", low):
        visitors = [last_subject]
    visitors = [v for v in visitors if ctx.person_countries[v] != host]
    if not visitors:
        return []
    actors = [person_actor(ctx, v, "visitor") for v in visitors[:1]] + [country_actor(host, "host")]
    d = Draft("CONSULT", "visit", mode_spec("visit")["cameo"], actors, [(sent.start, sent.end)],
              location=to_location(dest), anchor=sent.start + pos)
    d.members = visitors[:1]
    return [d]


def draft_conference(ctx: ArticleContext, sent: SentenceInfo, pos: int, last_subject: int | None) -> list[Draft]:
    """Attending a multilateral gathering: the attendee and the convening organisation."""
    gathering = lexicon.find_gathering(sent.text[pos:pos + 200])
    before, _ = split_sides(sent, pos)
    subj = _dedupe(before)
    if not subj and last_subject is not None:
        subj = [last_subject]
    if not subj or not gathering or not gathering.org:
        return []
    org = next((o for o in lexicon.orgs() if o.name == gathering.org), None)
    actors = [person_actor(ctx, subj[0], "participant"),
              Actor(name=gathering.org, kind="org", country=org.country if org else None, role="participant")]
    loc = None
    if gathering.city:
        loc = Location(name=gathering.city, country=gathering.country)
    return [Draft("CONSULT", "conference", mode_spec("conference")["cameo"], actors, [(sent.start, sent.end)],
                  location=loc, anchor=sent.start + pos)]


def draft_signing(ctx: ArticleContext, sent: SentenceInfo, pos: int) -> list[Draft]:
    """A signed document: the signatories, or the states when no person signs."""
    before, _ = split_sides(sent, pos)
    subj = _dedupe(before)
    spec = mode_spec("signing")
    ev = [(sent.start, sent.end)]
    if len(subj) >= 2 and any(_cross(ctx, subj[0], s) for s in subj[1:]):
        actors = [person_actor(ctx, s, "participant") for s in subj]
        return [Draft(spec["type"], "signing", spec["cameo"], actors, ev, anchor=sent.start + pos)]
    countries = []
    for s, e, p in place_mentions(sent.text[:pos], sent.start):
        if p.kind == "country" and p.country not in countries:
            countries.append(p.country)
    for tok in sent.span:
        if tok.idx - sent.span.start_char >= pos:
            break
        c = _places().demonym_code(tok.text)
        if c and c not in countries and tok.text[0].isupper():
            countries.append(c)
    if len(countries) < 2 and ctx.pair and len(ctx.pair) == 2 and re.search(
            r"\b(?:two|both) (?:sides|countries|governments|nations|leaders|presidents|ministers|parties)\b",
            sent.text[:pos].lower()):
        countries = list(ctx.pair)
    if len(countries) >= 2:
        return [Draft(spec["type"], "signing", spec["cameo"], [country_actor(c, "participant") for c in countries[:4]],
                      ev, anchor=sent.start + pos)]
    return []


def draft_joined(ctx: ArticleContext, sent: SentenceInfo, modes, drafts: list[Draft]) -> list[Draft]:
    """"X joined part of the talks by video link": X with the people of the last engagement."""
    m = re.search(lexicon.triggers()["joined_talks"], sent.text.lower())
    if not m:
        return []
    before, _ = split_sides(sent, m.start())
    subj = _dedupe(before)
    last = next((d for d in reversed(drafts) if d.type == "CONSULT" and d.mode != "visit" and len(d.members) >= 2), None)
    if not subj or last is None:
        return []
    mode = "call" if any(mo == "call" for mo, _ in modes) else last.mode
    spec = mode_spec(mode)
    members = subj[:1] + [p for p in last.members if p not in subj]
    actors = [person_actor(ctx, p, "participant") for p in members]
    return [Draft(spec["type"], mode, spec["cameo"], actors, [(sent.start, sent.end)], anchor=sent.start + m.start(),
                  members=members)]


def draft_joint(ctx: ArticleContext, sent: SentenceInfo) -> list[Draft]:
    """"A and B agreed on Tuesday ...": two officials of different states acting together met."""
    m = re.search(lexicon.triggers()["joint"]["patterns"][0], sent.text.lower())
    if not m:
        return []
    before, _ = split_sides(sent, m.start())
    subj = _dedupe(before)
    if len(subj) < 2 or not any(_cross(ctx, subj[0], o) for o in subj[1:]):
        return []
    between = sent.text[: m.start()]
    if not re.search(r"\band\b|&", between):
        return []
    spec = lexicon.triggers()["joint"]
    actors = [person_actor(ctx, p, "participant") for p in subj]
    return [Draft(spec["type"], spec["mode"], spec["cameo"], actors, [(sent.start, sent.end)],
                  anchor=sent.start + m.start(), members=list(subj))]


# ------------------------------------------------------------------ caption meetings

def draft_caption(ctx: ArticleContext, sent: SentenceInfo) -> list[Draft]:
    """A photo caption that shows officials of different sides together states that they met."""
    people = _dedupe(sent.mentions)
    if len(people) < 2:
        return []
    lead = people[0]
    others = [o for o in people[1:] if _cross(ctx, lead, o)]
    if not others:
        return []
    groups = _group_counterparts(ctx, sent, others)
    drafts = []
    for g in groups:
        actors = [person_actor(ctx, lead, "participant")] + [person_actor(ctx, o, "participant") for o in g]
        drafts.append(Draft("CONSULT", "meeting", mode_spec("meeting")["cameo"], actors, [(sent.start, sent.end)],
                            from_caption=True, anchor=sent.start, members=[lead] + g))
    return drafts


# ------------------------------------------------------------------ dates and places

def sentence_dates(sent: SentenceInfo, ctx: ArticleContext):
    from communique import dates

    return [(m.start + sent.start, m) for m in dates.find_dates(sent.text, published=ctx.published, year=ctx.year)
            if m.kind != "year" or True]


def pick_date(sent: SentenceInfo, ctx: ArticleContext, anchor: int) -> str | None:
    found = [d for d in sentence_dates(sent, ctx) if d[1].kind != "year"]
    if not found:
        found = sentence_dates(sent, ctx)
    if not found:
        return None
    return min(found, key=lambda d: abs(d[0] - anchor))[1].value


def _date_start(value: str | None) -> str | None:
    if not value:
        return None
    return value.split("/")[0]


def is_before(a: str | None, b: str | None, days: int) -> bool:
    """Date a lies more than `days` before date b (both known years)."""
    import datetime as dt

    def parse(v):
        v = _date_start(v)
        if not v or v.startswith("XXXX"):
            return None
        parts = v.split("-")
        try:
            return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
        except ValueError:
            return None

    da, db = parse(a), parse(b)
    return bool(da and db and (db - da).days > days)


# ------------------------------------------------------------------ frames from the parse

def _discourse(ctx: ArticleContext) -> frames_mod.Discourse:
    info = [frames_mod.PersonInfo(p.country, tuple(p.titles)) for p in ctx.persons]
    return frames_mod.Discourse(lambda k: info[k], _places().demonym_code)


def _doc_shift(sent: SentenceInfo) -> int:
    """Absolute offset minus the parsed Doc's offset for this sentence."""
    text = sent.span.text
    lead = len(text) - len(text.lstrip())
    return sent.start - (sent.span.start_char + lead)


def sentence_frames(sent: SentenceInfo, discourse: frames_mod.Discourse) -> list[frames_mod.Frame]:
    shift = _doc_shift(sent)
    mentions = [frames_mod.MentionSpan(m.start - shift, m.end - shift, m.person) for m in sent.mentions]
    return frames_mod.read_frames(sent.span, mentions, discourse)


def _log(outcome: str, mode: str, sent: SentenceInfo) -> None:
    if frame_log.isEnabledFor(logging.DEBUG):
        frame_log.debug("%s %s: %s", outcome, mode, sent.text[:100], extra={"frames_outcome": outcome,
                                                                            "frames_mode": mode})


def drafts_from_frame(ctx: ArticleContext, sent: SentenceInfo, f: frames_mod.Frame, modes: list) -> list[Draft]:
    """Meetings, calls and dialogues whose sides the parse gave: one event per counterpart
    group of the subject, or one for all when the frame is joint ("A and B met")."""
    mode = f.mode
    sentence_modes = [m for m, _ in modes if m in ENGAGEMENT_RANK]
    for m in sentence_modes:  # "held talks by phone", "talks within the Strategic Dialogue"
        if ENGAGEMENT_RANK[m] < ENGAGEMENT_RANK[mode]:
            mode = m
    spec = mode_spec(mode)
    anchor = sent.start + (f.start - sent.span.start_char) + 0
    anchor = f.start + _doc_shift(sent)
    ev = [(sent.start, sent.end)]
    drafts = []

    def role(k, default):
        return f.roles.get(k, "co-chair" if mode == "dialogue" else default)

    if f.resolved and all(len(keys) >= 2 for _, keys in f.resolved) and \
            set(f.participants()) <= {k for _, keys in f.resolved for k in keys}:
        return []  # "the two sides exchanged views": the engagement told before, no new one
    if f.joint or not f.side_b:
        people = f.participants()
        if len(people) < 2:
            return []
        lead = people[0]
        rest = [o for o in people[1:] if _cross(ctx, lead, o)]
        if not rest:
            return []
        members = [lead] + [o for o in people[1:] if o != lead]
        actors = [person_actor(ctx, p, role(p, "participant")) for p in members]
        drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, ev, anchor=anchor, members=members))
    else:
        lead = f.side_a[0] if f.side_a else None
        if lead is None:
            return []
        side = [s_ for s_ in f.side_a if not _cross(ctx, lead, s_)]
        # a dialogue ("2+2") is one session of both delegations; meetings pair the subject with each
        groups = [list(f.side_b)] if mode == "dialogue" else _group_counterparts(ctx, sent, f.side_b)
        for group in groups:
            if not any(_cross(ctx, s_, o) for s_ in side for o in group):
                continue
            actors = [person_actor(ctx, s_, role(s_, "participant")) for s_ in side] + \
                     [person_actor(ctx, o, role(o, "participant")) for o in group]
            drafts.append(Draft(spec["type"], mode, spec["cameo"], actors, list(ev), anchor=anchor,
                                members=side + group))
    if f.side_a and mode in ("meeting", "call"):
        pos = f.start + _doc_shift(sent) - sent.start
        drafts += org_drafts(ctx, sent, mode, pos, f.side_a[0],
                             f.roles.get(f.side_a[0], "participant"), "guest" if f.roles else "participant")
    if mode == "dialogue":
        mech = mechanism_of(sent.text)
        for d in drafts:
            d.mechanism = mech
    return drafts


def visit_from_frame(ctx: ArticleContext, sent: SentenceInfo, f: frames_mod.Frame) -> list[Draft]:
    """A trip whose traveller the parse gave, to the destination it gave (or the place right
    after the visit word when the parse named none)."""
    if not f.side_a:
        return []
    shift = _doc_shift(sent)
    places_ = place_mentions(sent.text, sent.start)
    dest = None
    for s, e in f.destinations:
        s, e = s + shift, e + shift
        dest = next((p for ps, pe, p in places_ if ps < e and s < pe and p.country), None)
        if dest is not None:
            break
    if dest is None:
        _, dest = destination(sent)
    if dest is None or not dest.country:
        return []
    visitor = next((v for v in f.side_a if ctx.person_countries[v] != dest.country), None)
    if visitor is None:
        return []
    d = Draft("CONSULT", "visit", mode_spec("visit")["cameo"],
              [person_actor(ctx, visitor, "visitor"), country_actor(dest.country, "host")], [(sent.start, sent.end)],
              location=to_location(dest), anchor=f.start + shift)
    d.members = [visitor]
    return [d]


def conference_from_frame(ctx: ArticleContext, sent: SentenceInfo, f: frames_mod.Frame) -> list[Draft]:
    """Leaders of several states attending one gathering ("the summit was attended by A, B and
    C"): one conference event of them all. One attendee is left to the gatherings list."""
    people = f.participants()
    if len(people) < 2 or not any(_cross(ctx, people[0], o) for o in people[1:]):
        return []
    spec = mode_spec("conference")
    d = Draft(spec["type"], "conference", spec["cameo"], [person_actor(ctx, p, "participant") for p in people],
              [(sent.start, sent.end)], anchor=f.start + _doc_shift(sent), members=list(people))
    return [d]


def signing_from_frame(ctx: ArticleContext, sent: SentenceInfo, f: frames_mod.Frame) -> list[Draft]:
    """Signatories from the parse: persons of two sides, or states and their capitals
    ("Paris and Rabat signed")."""
    spec = mode_spec("signing")
    ev = [(sent.start, sent.end)]
    people = f.participants()
    if len(people) >= 2 and any(_cross(ctx, people[0], o) for o in people[1:]):
        return [Draft(spec["type"], "signing", spec["cameo"], [person_actor(ctx, p, "participant") for p in people],
                      ev, anchor=f.start + _doc_shift(sent), members=list(people))]
    shift = _doc_shift(sent)
    places_ = place_mentions(sent.text, sent.start)
    countries = []
    for s, e in f.places_a:
        for ps, pe, p in places_:
            if ps < e + shift and s + shift < pe and p.country and p.country not in countries:
                countries.append(p.country)
    if len(countries) >= 2:
        return [Draft(spec["type"], "signing", spec["cameo"], [country_actor(c, "participant") for c in countries[:4]],
                      ev, anchor=f.start + shift)]
    return []


# ------------------------------------------------------------------ the article

def extract_events(ctx: ArticleContext, sentences: list[SentenceInfo]) -> list[Event]:
    _TITLES_OF.clear()
    _TITLES_OF.update({i: p.titles for i, p in enumerate(ctx.persons)})
    drafts: list[Draft] = []
    last_subject = None
    sent_of_draft: dict[int, SentenceInfo] = {}
    discourse = _discourse(ctx)
    for sent in sentences:
        modes = detect_modes(sent.text)
        sign_at = next((p for m, p in modes if m == "signing"), None)
        if sign_at is not None:  # "signed a plan of consultations": the document is no dialogue
            modes = [(m, p) for m, p in modes if m in ("signing", "visit") or p < sign_at]
        found: list[Draft] = []
        hypothetical = False
        group = None
        if re.match(lexicon.triggers()["coreference"], sent.text.lower()):
            last = next((d for d in reversed(drafts) if d.type == "CONSULT" and len(d.members) >= 2), None)
            group = last.members if last else None
        # the parse first: each trigger's frame names its participants by syntax
        frames = sentence_frames(sent, discourse)
        framed: set[str] = set()  # "engagement", "visit", "signing": told by a frame, or planned
        shift = _doc_shift(sent)
        for f in frames:
            kind = "engagement" if f.mode in ENGAGEMENT_RANK else f.mode
            if f.planned or is_hypothetical(sent.text, f.start + shift - sent.start):
                if f.participants():
                    framed.add(kind)  # "X will meet Y": the frame says no event, the fallback may not add one
                continue
            if kind == "engagement":
                got = drafts_from_frame(ctx, sent, f, modes)
            elif kind == "visit":
                got = visit_from_frame(ctx, sent, f)
            elif kind == "signing":
                got = signing_from_frame(ctx, sent, f)
            elif kind == "conference":
                got = conference_from_frame(ctx, sent, f)
            else:
                got = []
            if got:
                framed.add(kind)
                found += got
        for mode, pos in modes:
            if is_hypothetical(sent.text, pos):
                continue
            kind = "engagement" if mode in ENGAGEMENT_RANK else mode
            if kind in framed:
                _log("frame", mode, sent)
                continue
            # positional fallback: the parse gave no frame with participants for this mode
            if mode in ("meeting", "call", "dialogue"):
                got = draft_engagement(ctx, sent, mode, pos, last_subject, group)
            elif mode == "visit":
                got = draft_visit(ctx, sent, pos, last_subject)
            elif mode == "conference":
                got = draft_conference(ctx, sent, pos, last_subject)
            elif mode == "signing":
                got = draft_signing(ctx, sent, pos)
            else:
                got = []
            _log("fallback" if got else "none", mode, sent)
            found += got
        if not any(d.type == "CONSULT" and d.mode != "visit" for d in found) and not hypothetical:
            found += draft_joint(ctx, sent)
        if not found:
            found += draft_joined(ctx, sent, modes, drafts)
        if not any(d.mode == "visit" for d in found) and re.search(lexicon.triggers()["visit_reference"],
                                                                    sent.text.lower()):
            who = _dedupe(sent.mentions)[:1] or ([last_subject] if last_subject is not None else [])
            if who:
                d = Draft("CONSULT", "visit", mode_spec("visit")["cameo"], [person_actor(ctx, who[0], "visitor")],
                          [(sent.start, sent.end)], anchor=sent.start, members=list(who))
                d.context = "needs-host"
                found.append(d)
        # keep one engagement mode per actor set within a sentence (call > dialogue > meeting)
        found = _one_mode_per_pair(found)
        if not found and sent.caption:
            found = draft_caption(ctx, sent)
        if not any(d.type == "CONSULT" for d in found) and sent.caption and not modes:
            found = draft_caption(ctx, sent)
        for d in found:
            d.date = pick_date(sent, ctx, d.anchor)
            if d.location is None:
                p = preferred_place(sent.text, sent.start, None)
                if p is not None and not (d.mode == "visit"):
                    # a country named as an actor's nationality is not where it happened
                    if p.kind == "city" or re.search(r"\b(?:in|at)\s+(?:the\s+)?" + re.escape(p.text), sent.text):
                        d.location = to_location(p)
            sent_of_draft[id(d)] = sent
        drafts += found
        subj_before = [m for m in sent.mentions if m.start - sent.start < 60]
        if subj_before:
            last_subject = subj_before[0].person
        subjects = frames_mod.subjects_of(frames) or ([last_subject] if subj_before else [])
        discourse.observe(subjects, _dedupe(sent.mentions), frames)
        last = next((d for d in reversed(found) if d.type == "CONSULT" and len(d.members) >= 2), None)
        if last is not None:
            discourse.group = list(last.members)
    drafts = merge_drafts(drafts)
    drafts = [d for d in drafts if len(d.actors) >= 2 or d.context == "needs-host"]
    settle_context(ctx, drafts, sentences)
    drafts = [d for d in drafts if len(d.actors) >= 2]
    return [Event(type=d.type, cameo=d.cameo, mode=d.mode, actors=d.actors, date=d.date, location=d.location,
                  evidence=sorted(set(d.evidence)), mechanism=d.mechanism, background=d.background)
            for d in drafts]


def _one_mode_per_pair(found: list[Draft]) -> list[Draft]:
    rank = {"call": 0, "dialogue": 1, "conference": 2, "visit": 3, "meeting": 4, "signing": 5}
    best: dict = {}
    for d in found:
        key = (d.type, frozenset(a.name for a in d.actors), d.mode == "visit")
        if key not in best or rank[d.mode] < rank[best[key].mode]:
            best[key] = d
    return list(best.values())


def _actor_key(d: Draft) -> frozenset:
    return frozenset(fold(a.name) for a in d.actors)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One event per real-world interaction: the same actors and type told again (lead, body,
    caption) or the same dialogue mechanism are merged with all their evidence."""
    out: list[Draft] = []
    for d in drafts:
        target = None
        for o in out:
            if o.type != d.type:
                continue
            same_actors = _actor_key(o) == _actor_key(d)
            if d.mode == "dialogue" and o.mode == "dialogue" and d.mechanism and o.mechanism \
                    and fold(d.mechanism["name"]) == fold(o.mechanism["name"]):
                target = o
                break
            if same_actors and (o.mode == d.mode or d.from_caption or o.from_caption
                                or {o.mode, d.mode} <= {"meeting", "dialogue", "call"}):
                if d.date and o.date and d.date != o.date and not _compatible(d.date, o.date):
                    continue
                target = o
                break
            if (d.from_caption and _actor_key(d) <= _actor_key(o) and o.type == "CONSULT"
                    and o.mode in ("meeting", "dialogue", "call")):
                target = o
                break
            if d.mode == "dialogue" == o.mode and len(d.actors) == 1 and _actor_key(d) <= _actor_key(o):
                target = o  # "X co-chaired the Dialogue" told again with one of its co-chairs
                break
            if d.mode == "dialogue" == o.mode and len(o.actors) == 1 and _actor_key(o) <= _actor_key(d):
                target = o
                break
        if target is None:
            out.append(d)
            continue
        if target.from_caption and not d.from_caption:
            target.mode, target.cameo, target.from_caption = d.mode, d.cameo, False
        elif target.mode == "meeting" and d.mode in ("dialogue", "call") and not d.from_caption:
            target.mode, target.cameo = d.mode, d.cameo
        names = {fold(a.name) for a in target.actors}
        for a in d.actors:
            if fold(a.name) not in names:
                target.actors.append(a)
                names.add(fold(a.name))
        target.evidence += [e for e in d.evidence if e not in target.evidence]
        target.date = target.date or d.date
        target.location = _better_location(target.location, d.location)
        target.mechanism = target.mechanism or d.mechanism
        if target.mechanism and d.mechanism and target.mechanism.get("round") is None:
            target.mechanism["round"] = d.mechanism.get("round")
    return out


def _compatible(a: str, b: str) -> bool:
    sa, sb = a.split("/"), b.split("/")
    lo_a, hi_a = sa[0], sa[-1]
    lo_b, hi_b = sb[0], sb[-1]
    return lo_a[:len(hi_b)] <= hi_b and lo_b[:len(hi_a)] <= hi_a


def _better_location(a: Location | None, b: Location | None) -> Location | None:
    if a is None:
        return b
    if b is None:
        return a
    if a.name == _places().country_name(a.country) and b.country == a.country and b.name != a.name:
        return b  # a city beats its country
    return a


def settle_context(ctx: ArticleContext, drafts: list[Draft], sentences: list[SentenceInfo]) -> None:
    """Dates and places that the event's own sentence does not give: an event during a trip
    takes the trip's dates and country; others take the article's main date; events dated
    well before the main event are background."""
    if not drafts:
        return
    lead_limit = sentences[min(len(sentences) - 1, MAIN_DATE_SENTENCES)].end if sentences else 0
    dated = [d for d in drafts if d.date and not d.date.endswith(("-XX",)) and min(e[0] for e in d.evidence) <= lead_limit]
    main_date = None
    if dated:
        # a range or day beats a month-only date; the earliest-told wins among equals
        dated.sort(key=lambda d: (len(d.date) < 10, min(e[0] for e in d.evidence)))
        main_date = dated[0].date
    else:
        for s in sentences[:MAIN_DATE_SENTENCES]:
            ds = [m for _, m in sentence_dates(s, ctx) if m.kind in ("day", "range")]
            if ds:
                main_date = ds[0].value
                break
    visits = [d for d in drafts if d.mode == "visit" and not d.background]
    if main_date:
        for d in drafts:
            if d.date and is_before(d.date, main_date, BACKGROUND_DAYS):
                d.background = True
    trip = next((v for v in visits if not v.background), None)
    for d in drafts:
        if d.background:
            continue
        if d.date is None and main_date:
            d.date = main_date
        if d.location is None:
            if trip is not None and d is not trip and trip.location is not None:
                visitor = {fold(a.name) for a in trip.actors if a.kind == "person"}
                if visitor & {fold(a.name) for a in d.actors}:
                    d.location = Location(trip.location.name, trip.location.country) \
                        if trip.location.name else Location(None, trip.location.country)
            elif trip is None and ctx.dateline_place and d.mode in ("meeting", "dialogue", "signing"):
                p = _places().lookup_place(ctx.dateline_place)
                d.location = to_location(p)
    if trip is not None and trip.location is not None and trip.location.name in (None, _places().country_name(trip.location.country)):
        # a trip known only by its country: a city where the visitor's other events took place names it
        visitor = {fold(a.name) for a in trip.actors if a.kind == "person"}
        cities = [d.location for d in drafts if d is not trip and d.location is not None and not d.background
                  and d.location.country == trip.location.country
                  and d.location.name not in (None, _places().country_name(d.location.country))
                  and visitor & {fold(a.name) for a in d.actors}]
        if cities:
            city = cities[0]
            for d in drafts:
                if d.background or not (visitor & {fold(a.name) for a in d.actors}):
                    continue
                if d.location is None or (d.location.country == city.country and
                                          d.location.name in (None, _places().country_name(city.country))):
                    d.location = Location(city.name, city.country)
    if trip is not None and trip.location is not None:
        # a trip's country is where its other events happened, at least
        for d in drafts:
            if d.location is None and not d.background and d.mode != "call":
                visitor = {fold(a.name) for a in trip.actors if a.kind == "person"}
                if visitor & {fold(a.name) for a in d.actors}:
                    d.location = Location(None, trip.location.country)
    for d in drafts:
        if d.mode == "call":
            d.location = None
    # "During the visit, X ...": X visited the country where the article's events took place
    for d in [d for d in drafts if d.context == "needs-host"]:
        visitor = d.actors[0]
        if any(o.mode == "visit" and o is not d and fold(o.actors[0].name) == fold(visitor.name) for o in drafts):
            continue  # the trip is already told
        host = next((o.location.country for o in drafts if o is not d and o.location and o.location.country
                     and not o.background and o.location.country != visitor.country
                     and fold(visitor.name) in {fold(a.name) for a in o.actors}), None)
        if host:
            d.actors.append(country_actor(host, "host"))
            d.location = Location(_places().country_name(host), host)
            d.context = None
