"""Dates and places an event's own sentence does not give: the article's main date, a trip's
country and city, background events, the host of "during the visit"."""
from __future__ import annotations

from communique import when
from communique.analysis import Analysis, Draft, Sentence
from communique.model import Location
from communique.text import name_key
from communique.events.sides import country_actor
from communique.events.where import _places, to_location


MAIN_DATE_SENTENCES = 6  # the main event's date is looked for in the article's first sentences


BACKGROUND_DAYS = 45  # an event dated this long before the main event is background


def sentence_dates(sent: Sentence, ctx: Analysis):
    from communique import dates

    return [(m.start + sent.start, m) for m in dates.find_dates(sent.text, published=ctx.pub_date, year=ctx.year)
            if m.kind != "year" or True]


def pick_date(sent: Sentence, ctx: Analysis, anchor: int) -> str | None:
    found = [d for d in sentence_dates(sent, ctx) if d[1].kind != "year"]
    if not found:
        found = sentence_dates(sent, ctx)
    if not found:
        return None
    return min(found, key=lambda d: abs(d[0] - anchor))[1].value


def settle_context(ctx: Analysis, drafts: list[Draft], sentences: list[Sentence]) -> None:
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
            if d.date and when.before(d.date, main_date, BACKGROUND_DAYS):
                d.background = True
    trip = next((v for v in visits if not v.background), None)
    for d in drafts:
        if d.background:
            continue
        if d.date is None and main_date:
            d.date = main_date
        if d.location is None:
            if trip is not None and d is not trip and trip.location is not None:
                visitor = {name_key(a.name) for a in trip.actors if a.kind == "person"}
                if visitor & {name_key(a.name) for a in d.actors}:
                    d.location = Location(trip.location.name, trip.location.country) \
                        if trip.location.name else Location(None, trip.location.country)
            elif trip is None and ctx.dateline_place and d.mode in ("meeting", "dialogue", "signing"):
                p = _places().lookup_place(ctx.dateline_place)
                d.location = to_location(p)
    if trip is not None and trip.location is not None and trip.location.name in (None, _places().country_name(trip.location.country)):
        # a trip known only by its country: a city where the visitor's other events took place names it
        visitor = {name_key(a.name) for a in trip.actors if a.kind == "person"}
        cities = [d.location for d in drafts if d is not trip and d.location is not None and not d.background
                  and d.location.country == trip.location.country
                  and d.location.name not in (None, _places().country_name(d.location.country))
                  and visitor & {name_key(a.name) for a in d.actors}]
        if cities:
            city = cities[0]
            for d in drafts:
                if d.background or not (visitor & {name_key(a.name) for a in d.actors}):
                    continue
                if d.location is None or (d.location.country == city.country and
                                          d.location.name in (None, _places().country_name(city.country))):
                    d.location = Location(city.name, city.country)
    if trip is not None and trip.location is not None:
        # a trip's country is where its other events happened, at least
        for d in drafts:
            if d.location is None and not d.background and d.mode != "call":
                visitor = {name_key(a.name) for a in trip.actors if a.kind == "person"}
                if visitor & {name_key(a.name) for a in d.actors}:
                    d.location = Location(None, trip.location.country)
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

