"""One event per real-world interaction: drafts told again (lead, body, caption) are merged."""
from __future__ import annotations

from communique import when
from communique.analysis import ActorDraft, Draft
from communique.model import Location
from communique.text import name_key
from communique.events.where import _places


def _one_mode_per_pair(found: list[Draft]) -> list[Draft]:
    rank = {"call": 0, "dialogue": 1, "conference": 2, "visit": 3, "meeting": 4, "signing": 5}
    best: dict = {}
    for d in found:
        key = (d.type, frozenset(a.name for a in d.actors), d.mode == "visit")
        if key not in best or rank[d.mode] < rank[best[key].mode]:
            best[key] = d
    return list(best.values())


def _actor_key(d: Draft) -> frozenset:
    return frozenset(name_key(a.name) for a in d.actors)


RECALLED_DAYS = 45  # a dated draft this long before publication, beside an undated one, is another occasion


def _recalled(d: Draft, published) -> bool:
    """A draft dated well before publication ("In March 2023, Ruto and Scholz discussed ...")."""
    if published is None or not d.date:
        return False
    got = when.interval(d.date)
    return got is not None and (published - got[1]).days > RECALLED_DAYS


TRIP_DAYS = 7  # two days of one visitor's visit to one host this close are one trip ("arrived Sunday", "on Tuesday")


def _days_of_one_trip(a: str, b: str) -> bool:
    """Two single days (or a day and a span) of a visit close enough to be one stay."""
    x, y = when.interval(a), when.interval(b)
    if x is None or y is None or (x[1] - x[0]).days > TRIP_DAYS or (y[1] - y[0]).days > TRIP_DAYS:
        return False
    return abs((x[0] - y[0]).days) <= TRIP_DAYS


def _merged_date(target: Draft, d: Draft) -> str | None:
    """The date of `target` once `d` is folded into it: its own, else d's; one trip told on two days
    runs from the earlier ("arrived on Sunday" and "is on a visit" on Tuesday: from Sunday)."""
    if target.mode == d.mode == "visit" and target.date and d.date and _days_of_one_trip(target.date, d.date):
        return min(target.date, d.date)
    return target.date or d.date


def merge_drafts(drafts: list[Draft], published=None) -> list[Draft]:
    """One event per real-world interaction: the same actors and type told again (lead, body,
    caption) or the same dialogue mechanism are merged with all their evidence. An occasion dated
    long before publication (`published`, a date) is not merged into an undated one: "X hosted Y
    for dinner. In March 2023, X and Y discussed ..." are two."""
    out: list[Draft] = []
    for d in drafts:
        target = None
        pictured = False  # d is a caption showing the engagement `target` with others beside its sides
        for o in out:
            if o.type != d.type:
                continue
            same_actors = _actor_key(o) == _actor_key(d)
            if d.mode == "dialogue" and o.mode == "dialogue" and d.mechanism and o.mechanism \
                    and name_key(d.mechanism["name"]) == name_key(o.mechanism["name"]):
                target = o
                break
            if same_actors and (o.mode == d.mode or d.from_caption or o.from_caption
                                or {o.mode, d.mode} <= {"meeting", "dialogue", "call"}):
                if d.date and o.date and d.date != o.date and not when.compatible(d.date, o.date) \
                        and not (d.mode == o.mode == "visit" and _days_of_one_trip(d.date, o.date)):
                    continue
                if bool(d.date) != bool(o.date) and (_recalled(d, published) or _recalled(o, published)):
                    continue
                target = o
                break
            if (d.from_caption and _actor_key(d) <= _actor_key(o) and o.type == "CONSULT"
                    and o.mode in ("meeting", "dialogue", "call")):
                target = o
                break
            if (d.from_caption and _actor_key(o) <= _actor_key(d) and len(_actor_key(o)) >= 2 and o.type == "CONSULT"
                    and o.mode in ("meeting", "dialogue", "call") and not o.from_caption):
                target, pictured = o, True  # a photo of the talks told, with an aide or ambassador beside them
                break
            if d.mode == "dialogue" == o.mode and len(d.actors) == 1 and _actor_key(d) <= _actor_key(o):
                target = o  # "X co-chaired the Dialogue" told again with one of its co-chairs
                break
            if d.mode == "dialogue" == o.mode and len(o.actors) == 1 and _actor_key(o) <= _actor_key(d):
                target = o
                break
        if target is None:
            target = next((o for o in out if _same_told_by_states(o, d) or _same_told_by_states(d, o)), None)
            if target is not None and _states_only(target):
                target.actors = list(d.actors)  # the persons who took part stand for their states
        if target is None:
            out.append(d)
            continue
        if target.from_caption and not d.from_caption:
            target.mode, target.cameo, target.from_caption = d.mode, d.cameo, False
        elif target.mode == "meeting" and d.mode in ("dialogue", "call") and not d.from_caption:
            target.mode, target.cameo = d.mode, d.cameo
        names = {name_key(a.name) for a in target.actors}
        for a in ([] if _states_only(d) and not _states_only(target) or pictured else d.actors):
            if name_key(a.name) not in names:
                target.actors.append(a)
                names.add(name_key(a.name))
        target.evidence += [e for e in d.evidence if e not in target.evidence]
        target.date = _merged_date(target, d)
        target.location = _better_location(target.location, d.location)
        target.mechanism = target.mechanism or d.mechanism
        if target.mechanism and d.mechanism and target.mechanism.get("round") is None:
            target.mechanism["round"] = d.mechanism.get("round")
    return out


def fold_states_into_persons(drafts: list[Draft]) -> list[Draft]:
    """After the persons' countries are settled: an event told by the states ("Kenya, Türkiye
    sign five agreements") that the body tells by their officials, whose states were not known
    when the drafts were merged, is that event."""
    out = []
    for d in drafts:
        target = next((o for o in drafts if o is not d and not _states_only(o) and _same_told_by_states(d, o)),
                      None) if _states_only(d) else None
        if target is None:
            _name_the_states(d, drafts)
            out.append(d)
            continue
        target.evidence += [e for e in d.evidence if e not in target.evidence]
        target.date = _merged_date(target, d)
        target.location = _better_location(target.location, d.location)
    return out


def _name_the_states(d: Draft, drafts: list[Draft]) -> None:
    """A meeting of states and named persons ("The leaders of Armenia and Azerbaijan met Macron
    and Merz") whose states' own officials the next sentences name ("Pashinyan and Aliyev sat
    down with the three Europeans"): each state is its one official met in the article's other
    engagements (written by hand: no event resolver does this)."""
    if d.type != "CONSULT" or d.mode not in ("meeting", "dialogue") or _states_only(d) \
            or not any(a.kind == "country" for a in d.actors):
        return
    officials: dict[str, set] = {}
    for o in drafts:
        if o is d or o.type != "CONSULT" or o.background:
            continue
        for a in o.actors:
            if a.person is not None and a.person.country:
                officials.setdefault(a.person.country, set()).add(id(a.person))
    people = {id(a.person): a.person for o in drafts for a in o.actors if a.person is not None}
    for k, a in enumerate(d.actors):
        ids = officials.get(a.code) if a.kind == "country" else None
        if ids and len(ids) == 1:
            p = people[next(iter(ids))]
            if all(x.person is not p for x in d.actors):
                d.actors[k] = ActorDraft(None, "person", role=a.role, person=p)
                d.members = list(d.members) + [p]


def _states_only(d: Draft) -> bool:
    return bool(d.actors) and all(a.kind == "country" for a in d.actors)


def _same_told_by_states(states: Draft, persons: Draft) -> bool:
    """"Kenya and Uganda sign deal" over "Ruto and Museveni signed the agreement": one event, told
    once by the states and once by their leaders (same type and mode, compatible dates)."""
    if not _states_only(states) or _states_only(persons) or states.type != persons.type or states.mode != persons.mode:
        return False
    if states.date and persons.date and not when.compatible(states.date, persons.date):
        return False
    told = {a.code for a in states.actors}
    theirs = {a.country for a in persons.actors}
    return len(told) >= 2 and None not in theirs and told == theirs


def _better_location(a: Location | None, b: Location | None) -> Location | None:
    if a is None:
        return b
    if b is None:
        return a
    if a.name == _places().country_name(a.country) and b.country == a.country and b.name != a.name:
        return b  # a city beats its country
    return a

