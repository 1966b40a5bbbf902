"""Dates and places an event's own sentence does not give: the article's main date, a trip's
country and city, background events, the host of "during the visit"."""
from __future__ import annotations

import re

from communique import when
from communique.analysis import Analysis, Draft, Sentence
from communique.model import Location
from communique.text import name_key
from communique.events.merge import _states_only
from communique.events.sides import country_actor
from communique.events.where import _places, preferred_place, to_location, without_persons


MAIN_DATE_SENTENCES = 6  # the main event's date is looked for in the article's first sentences


BACKGROUND_DAYS = 45  # an event dated this long before the main event is background
NEXT_SENTENCE_CHARS = 300  # an engagement told this close after another of its states may share its place


def sentence_dates(sent: Sentence, ctx: Analysis):
    """The dates a sentence names, with their input offsets (read once per sentence: each of its
    drafts and the main-date search ask)."""
    from communique import dates

    if sent.dates is None:
        sent.dates = [(m.start + sent.start, m)
                      for m in dates.find_dates(sent.text, published=ctx.pub_date, year=ctx.year)]
    return sent.dates


def pick_date(sent: Sentence, ctx: Analysis, anchor: int) -> str | None:
    """The date of the event whose trigger is at `anchor`: never a planned follow-up's
    ("agreeing to meet again on ...") nor another occasion's (dates.pick_event_date)."""
    from communique import dates, follow_ups

    # the sentence's dates, read once for its drafts and for the follow-up dates of those before it
    found = follow_ups._dates_in(sent.text, ctx.published, ctx.year)
    return dates.pick_event_date(sent.text, anchor - sent.start, published=ctx.published, year=ctx.year,
                                 found=found)


LIVE_ENTRIES = 2  # time-stamped entry lines ("14.10 CEST") that make a page a live blog


def _live_blog(text: str) -> bool:
    """A page of time-stamped entries ("15.42 CEST" on a line of its own, more than once)."""
    from communique.body import signals

    stamp = signals().patterns["live_entry_stamp"]
    return sum(1 for line in text.splitlines() if stamp.match(line.strip())) >= LIVE_ENTRIES


def _states_of_trip(d: Draft, trip: Draft) -> bool:
    """An event between states only, the visitor's and the host's ("the UK is the first country to
    sign a security agreement with Ukraine", told of a British leader's trip to Ukraine)."""
    states = {a.country for a in trip.actors}
    return _states_only(d) and None not in states and {a.country for a in d.actors} == states


def _country_only(loc: Location) -> bool:
    """A place known only by its country ("Jordan"), no city."""
    return loc.name in (None, _places().country_name(loc.country))


def _travellers(trip: Draft) -> set[str]:
    return {name_key(a.name) for a in trip.actors if a.kind == "person"}


def _place_before(d: Draft, drafts: list[Draft]) -> Location | None:
    """The city of the engagement told last before `d` with one of its persons on a day that can be
    its own (a lead's talks in Rio, then "Lavrov also had a brief conversation with Vieira"), else of
    the one told just before between the same states ("Following the talks, an MoU was signed by ...")."""
    start = min(e[0] for e in d.evidence)
    people = {id(a.person) for a in d.actors if a.person is not None}
    states = {a.country for a in d.actors if a.country}
    before = [o for o in drafts if o is not d and o.location is not None and o.location.name and not o.background
              and o.mode not in ("call",) and not _country_only(o.location) and min(e[0] for e in o.evidence) < start
              and (not d.date or not o.date or when.compatible(d.date, o.date))]
    if not before:
        return None
    last = max(before, key=lambda o: min(e[0] for e in o.evidence))
    theirs = [o for o in before if people & {id(a.person) for a in o.actors if a.person is not None}]
    if theirs:  # the same person's engagement before
        last = max(theirs, key=lambda o: min(e[0] for e in o.evidence))
    else:  # "Following the talks, an MoU was signed by ...": the one of its states told just before
        held = {a.country for a in last.actors if a.country}
        if not (len(states) >= 2 and states == held or states and states <= held
                and start - max(e[1] for e in last.evidence) <= NEXT_SENTENCE_CHARS):
            return None
    return Location(last.location.name, last.location.country)


def _before_trip(d: Draft, trip: Draft) -> bool:
    """The event was over before the trip began ("met in Berlin on Thursday ... travelled on to
    Paris on Friday"): it happened elsewhere than the trip."""
    got, leg = when.interval(d.date), when.interval(trip.date)
    return got is not None and leg is not None and got[1] < leg[0]


STAY_DAYS = 7  # how long after a trip's last known day (often its arrival) an event may still be part of it


def _after_trip(d: Draft, trip: Draft) -> bool:
    """The event came well after the trip ("Safadi had visited Damascus on December 23" against talks
    in Amman on January 14): it is no stop of that trip."""
    got, leg = when.interval(d.date), when.interval(trip.date)
    return got is not None and leg is not None and (got[0] - leg[1]).days > STAY_DAYS


def _city_of_trip(trip: Draft, drafts: list[Draft], visits_too: bool = True) -> Location | None:
    """The city of the trip's state where one of its travellers' other events took place."""
    travellers = _travellers(trip)
    return next((d.location for d in drafts if d is not trip and (visits_too or d.mode != "visit")
                 and d.location is not None and not d.background and d.location.country == trip.location.country
                 and not _country_only(d.location) and travellers & {name_key(a.name) for a in d.actors}), None)


def _headline_venue(headline: Sentence):
    """The city a headline says its event happened in ("... meeting in Tokyo"), or None."""
    p = preferred_place(_places().venue_text(headline.text), 0)
    return p if p is not None and p.kind == "city" else None


def _named_in(d: Draft, text: str) -> bool:
    """Every person of the event is named in `text` by a word of their name ("Marcos-Kishida")."""
    people = [a for a in d.actors if a.kind == "person"]
    words = set(re.findall(r"\w{3,}", name_key(text)))
    return bool(people) and all(words & {w for w in name_key(a.name).split() if len(w) >= 3 and w not in ("jr", "sr")}
                                for a in people)


def settle_context(ctx: Analysis, drafts: list[Draft], sentences: list[Sentence]) -> None:
    """Dates and places that the event's own sentence does not give: an event during a trip
    takes the trip's dates and country; others take the article's main date; events dated
    well before the main event are background."""
    if not drafts:
        return
    from communique import follow_ups

    texts = [s.text for s in sentences]
    places_texts = [without_persons(s) for s in sentences]  # a minister called Morales is no town
    dateline = ctx.dateline_place
    index = {(s.start, s.end): k for k, s in enumerate(sentences)}
    for d in drafts:  # "They met at the ministry on Friday": the sentences after the event's own
        k = min((index[e] for e in d.evidence if e in index), default=None)
        if k is None:
            continue
        if follow_ups.previous_occasion(texts[k]):  # "Orban last visited Turkey in 2023": told as an earlier occasion
            d.background = True
        if d.mode == "visit" and d.date and len(d.date) == 10:  # "left on 13 August, concluding a 4-day visit"
            told = sorted(index[e] for e in d.evidence if e in index)  # a visit told twice: either may give its days
            d.date = next((span for j in told if (span := follow_ups.visit_span(texts[j], d.date))), d.date)
        if d.date is None:
            d.date = follow_ups.follow_up_date(texts, k, d.mode, published=ctx.published, year=ctx.year)
        if d.location is None and d.mode not in ("call", "visit"):
            only = sum(1 for o in drafts if o.mode == d.mode and o.type == d.type) == 1
            p = follow_ups.follow_up_place(places_texts, k, d.mode, only=only)
            if p is not None:
                d.location = to_location(p)
    lead_limit = sentences[min(len(sentences) - 1, MAIN_DATE_SENTENCES)].end if sentences else 0
    dated = [d for d in drafts if d.date and not d.date.endswith(("-XX",)) and not d.background
             and min(e[0] for e in d.evidence) <= lead_limit]
    main_date = None
    arrivals = [d for d in dated if d.mode == "visit" and len(d.date) == 10]
    dated = [d for d in dated if d not in arrivals]  # "arrived on Friday" dates the arrival, not the stay
    if dated:
        # a range or day beats a month-only date; the earliest-told wins among equals
        dated.sort(key=lambda d: (len(d.date) < 10, min(e[0] for e in d.evidence)))
        main_date = dated[0].date
    else:
        # a lead sentence that tells none of the article's events ("the war began on October 7")
        # dates it only near the page date (follow_ups.lead_date)
        told = {e for d in drafts for e in d.evidence}
        lead = sentences[:MAIN_DATE_SENTENCES]
        main_date = follow_ups.lead_date([s.text for s in lead], published=ctx.published, year=ctx.year,
                                         told=[(s.start, s.end) in told for s in lead])
    fill_date = main_date  # what an undated event of the article takes
    if fill_date is None and ctx.pub_date is not None and _live_blog(ctx.doc.text):
        fill_date = ctx.pub_date.isoformat()  # a live blog's entries, time-stamped, are of its page's day
    if arrivals:
        first = min(arrivals, key=lambda d: min(e[0] for e in d.evidence))
        if not dated or min(e[0] for e in first.evidence) < min(e[0] for e in dated[0].evidence):
            main_date = first.date  # the article's news still is the trip: older events are background
            if fill_date and when.before(fill_date, main_date, BACKGROUND_DAYS):
                fill_date = None  # an old meeting recalled after the trip dates nothing of it
        fill_date = fill_date or first.date
    visits = [d for d in drafts if d.mode == "visit" and not d.background]
    if main_date:
        for d in drafts:
            if d.date and when.before(d.date, main_date, BACKGROUND_DAYS):
                d.background = True
    trip = next((v for v in visits if not v.background), None)
    for d in drafts:
        if d.background:
            continue
        if d.date is None and fill_date:
            d.date = fill_date
        if d.location is None:
            # on a tour, the stop in the state of the visitor's counterpart ("After visits to Greece and
            # Qatar ..., the Qatari Prime Minister said at the press conference"), else the first trip
            stop = next((v for v in visits if v is not d and not v.background and v.location is not None
                         and v.location.country in {a.country for a in d.actors if a.kind == "person"}), trip)
            if stop is not None and d is not stop and stop.location is not None and not _before_trip(d, stop) \
                    and not _after_trip(d, stop):
                if _travellers(stop) & {name_key(a.name) for a in d.actors} or _states_of_trip(d, stop):
                    d.location = Location(stop.location.name or None, stop.location.country)
            elif trip is None and dateline and d.mode in ("meeting", "dialogue", "signing"):
                p = _places().lookup_place(dateline)
                d.location = to_location(p)
    if trip is not None and trip.location is not None and _country_only(trip.location):
        # a trip known only by its country: a city where the visitor's other events took place names it
        city = _city_of_trip(trip, drafts)
        if city is not None:
            visitor = _travellers(trip)
            for d in drafts:
                if d.background or not (visitor & {name_key(a.name) for a in d.actors}):
                    continue
                if d.location is None or (d.location.country == city.country and _country_only(d.location)):
                    d.location = Location(city.name, city.country)
    for v in visits:  # each other stop of a tour known by its country: the city of the visitor's events there
        if v is not trip and v.location is not None and _country_only(v.location):
            city = _city_of_trip(v, drafts, visits_too=False)
            if city is not None:
                v.location = Location(city.name, city.country)
    if trip is not None and trip.location is not None:
        # a trip's country is where its other events happened, at least
        visitor = _travellers(trip)
        for d in drafts:
            if d.location is None and not d.background and d.mode != "call":
                if visitor & {name_key(a.name) for a in d.actors}:
                    d.location = Location(None, trip.location.country)
    cities = follow_ups.city_index(places_texts, dateline)
    for d in drafts:  # an event placed only by its country: the city where things happened there
        if d.location is not None and d.location.country and not d.background and d.mode != "visit" \
                and _country_only(d.location):
            city = cities.get(d.location.country)
            if city is not None:
                d.location = Location(city.name, city.country)
    headline = next((s for s in sentences if s.title), None)
    place = _headline_venue(headline) if headline is not None else None
    for d in drafts:  # "Marcos-Kishida meeting in Tokyo" over a body that does not say where they met
        if place is not None and d.location is None and not d.background and d.mode not in ("call", "visit") \
                and _named_in(d, headline.text):
            d.location = to_location(place)
    for d in drafts:  # "signed between A and B during a meeting between X and Y": where that meeting was
        if d.location is None and d.mode == "signing" and not d.background:
            d.location = next((o.location for o in drafts if o is not d and o.location is not None and o.mode != "visit"
                               and not o.background and set(o.evidence) & set(d.evidence)), None)
    for d in drafts:  # "Following the talks in New Delhi, an MoU was signed by X and Y": where X's engagement before was
        if d.location is None and d.mode not in ("call", "visit") and not d.background:
            d.location = _place_before(d, drafts)
    for d in drafts:
        if d.mode == "call":
            d.location = None
    # "During the visit, X ...": X visited the country where the article's events took place
    for d in [d for d in drafts if d.context == "needs-host"]:
        visitor = d.actors[0]
        if any(o.mode == "visit" and o is not d and name_key(o.actors[0].name) == name_key(visitor.name) for o in drafts):
            continue  # the trip is already told
        host = next((o.location.country for o in drafts if o is not d and o.location and o.location.country
                     and not o.background and o.location.country != visitor.country
                     and name_key(visitor.name) in {name_key(a.name) for a in o.actors}), None)
        if host:
            d.actors.append(country_actor(host, "host"))
            d.location = Location(_places().country_name(host), host)
            d.context = None

