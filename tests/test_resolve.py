"""Person identities and event merging across articles: hand-built records, then the fixture corpus."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from communique.resolve import (MergedEvent, OverridesError, load_overrides, merge_events, parse_overrides,
                                resolve_persons)
from communique.resolve.names import fold

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def person(article, idx, name, titles=(), country=None, date=None, org=None, mentions=()):
    return {"key": (article, idx), "article_id": article, "name": name, "titles": list(titles),
            "country": country, "org": org, "date": date, "mentions_text": list(mentions) or [name]}


def event(article, idx, mode, date, actors, *, place=None, published=None, type_="CONSULT", mechanism=None):
    return {"key": (article, idx), "article_id": article, "type": type_, "mode": mode, "cameo": "040",
            "date": date, "location": place,
            "actors": [{"name": n, "kind": k, "country": c, "role": None,
                        "identity": fold(n).replace(" ", "-") if k == "person" else None} for n, k, c in actors],
            "evidence_text": [], "published": published, "source": None, "mechanism": mechanism}


def by_member(identities):
    return {key: ident for ident in identities for key in ident.members}


# ---------------------------------------------------------------- persons

def test_name_forms_of_one_president_are_one_identity():
    recs = [person(1, 0, "Lương Cường", ["State President"], "VNM", "2025-09-21"),
            person(2, 0, "Luong Cuong", ["President"], "VNM", "2025-09-22"),
            person(3, 0, "President Cuong", [], "VNM", "2025-09-23"),
            person(4, 0, "Vietnamese President Luong Cuong", [], None, "2025-09-24")]
    ids = resolve_persons(recs)
    assert len(ids) == 1
    ident = ids[0]
    assert ident.id == "luong-cuong" and ident.country == "VNM"
    assert {"Lương Cường", "President Cuong"} <= set(ident.aliases) | {ident.name}
    assert ident.members == [(1, 0), (2, 0), (3, 0), (4, 0)]


def test_middle_name_variant_joins_the_fuller_name():
    ids = resolve_persons([person(1, 0, "Michael DeSombre", ["Assistant Secretary of State"], "USA", "2026-02-12"),
                           person(2, 0, "Michael George DeSombre", ["US Assistant Secretary of State"], "USA",
                                  "2026-02-13")])
    assert len(ids) == 1
    assert ids[0].name == "Michael George DeSombre" and "Michael DeSombre" in ids[0].aliases


def test_two_people_sharing_a_given_name_stay_apart_and_a_short_form_follows_its_title():
    recs = [person(1, 0, "Dang Hoang Giang", ["Deputy Foreign Minister"], "VNM", "2025-09-20"),
            person(1, 1, "Phan Van Giang", ["Minister of National Defence"], "VNM", "2025-09-20"),
            person(2, 0, "Giang", ["Deputy FM"], "VNM", "2025-10-01"),  # a later article naming only "Giang"
            person(3, 0, "Giang", ["Defence Minister"], "VNM", "2025-10-02")]
    ids = by_member(resolve_persons(recs))
    assert ids[(1, 0)] is not ids[(1, 1)]
    assert ids[(2, 0)] is ids[(1, 0)]
    assert ids[(3, 0)] is ids[(1, 1)]


def test_ambiguous_short_name_stays_on_its_own():
    recs = [person(1, 0, "Dang Hoang Giang", ["Deputy Foreign Minister"], "VNM"),
            person(1, 1, "Phan Van Giang", ["Minister of National Defence"], "VNM"),
            person(2, 0, "Giang", [], "VNM")]
    ids = by_member(resolve_persons(recs))
    assert ids[(2, 0)] is not ids[(1, 0)] and ids[(2, 0)] is not ids[(1, 1)]


def test_short_name_resolves_inside_its_own_article_first():
    recs = [person(1, 0, "Dang Hoang Giang", ["Deputy Foreign Minister"], "VNM"),
            person(2, 0, "Phan Van Giang", ["Defence Minister"], "VNM"),
            person(2, 1, "Giang", [], "VNM")]  # same article as Phan Van Giang
    ids = by_member(resolve_persons(recs))
    assert ids[(2, 1)] is ids[(2, 0)]


def test_same_full_name_in_different_countries_stays_apart():
    ids = resolve_persons([person(1, 0, "David Lee", ["Ambassador"], "SGP"),
                           person(2, 0, "David Lee", ["Congressman"], "USA"),
                           person(3, 0, "David Lee", ["Ambassador"], None)])
    assert len(ids) == 2
    assert {i.id for i in ids} == {"david-lee", "david-lee-2"}
    assert by_member(ids)[(3, 0)].country == "SGP"  # the title says which one


def test_near_duplicate_spelling_needs_country_and_title():
    same = resolve_persons([person(1, 0, "Antony Blinken", ["Secretary of State"], "USA"),
                            person(2, 0, "Anthony Blinken", ["US Secretary of State"], "USA")])
    assert len(same) == 1
    no_title = resolve_persons([person(1, 0, "Antony Blinken", ["Secretary of State"], "USA"),
                                person(2, 0, "Anthony Blinken", ["Senator"], "USA")])
    assert len(no_title) == 2
    short_names = resolve_persons([person(1, 0, "Phan Van Giang", ["Minister"], "VNM"),
                                   person(2, 0, "Phan Van Giao", ["Minister"], "VNM")])
    assert len(short_names) == 2


def test_role_history_in_date_order():
    recs = [person(1, 0, "Le Hoai Trung", ["Chairman of the Party Central Committee's Commission for External "
                                           "Relations"], "VNM", "2024-12-03"),
            person(2, 0, "Le Hoai Trung", ["Foreign Minister", "Minister of Foreign Affairs"], "VNM", "2026-01-10"),
            person(3, 0, "Le Hoai Trung", ["FM"], "VNM", "2026-01-20")]
    [ident] = resolve_persons(recs)
    assert [r.title for r in ident.roles] == ["Chairman of the Party Commission for External Relations",
                                              "Minister of Foreign Affairs"]
    minister = ident.roles[1]
    assert (minister.first_seen, minister.last_seen, minister.article_ids) == ("2026-01-10", "2026-01-20", [2, 3])
    assert minister.level == "minister" and ident.roles[0].article_ids == [1]


def test_overrides_merge_split_and_canonical(tmp_path):
    recs = [person(1, 0, "Nguyen Van Nam", ["Ambassador"], "VNM", "2025-01-01"),
            person(2, 0, "Nguyen Van Nam", ["Ambassador"], "VNM", "2025-02-01"),
            person(3, 0, "Nam Nguyen", ["Ambassador"], "VNM", "2025-03-01"),
            person(4, 0, "Luong Cuong", ["President"], "VNM", "2025-09-01")]
    plain = by_member(resolve_persons(recs))
    assert plain[(1, 0)] is plain[(2, 0)] and plain[(3, 0)] is not plain[(1, 0)]

    path = tmp_path / "people.toml"
    path.write_text('[[merge]]\nrefs = ["Nguyen Van Nam", "Nam Nguyen"]\n\n'
                    '[[split]]\nname = "Nguyen Van Nam"\narticles = [2]\nas = "Nguyen Van Nam (banker)"\n\n'
                    '[[canonical]]\nref = "luong-cuong"\nname = "Lương Cường"\n', encoding="utf-8")
    ids = by_member(resolve_persons(recs, load_overrides(path)))
    assert ids[(3, 0)] is ids[(1, 0)]                      # merged
    assert ids[(2, 0)] is not ids[(1, 0)]                  # split off
    assert ids[(2, 0)].name == "Nguyen Van Nam (banker)"
    assert ids[(4, 0)].name == "Lương Cường" and ids[(4, 0)].id == "luong-cuong"
    assert "Luong Cuong" in ids[(4, 0)].aliases


def test_overrides_as_json_and_bad_files(tmp_path):
    good = tmp_path / "o.json"
    good.write_text(json.dumps({"canonical": [{"ref": "To Lam", "name": "Tô Lâm"}]}), encoding="utf-8")
    assert load_overrides(good).canonical == [("To Lam", "Tô Lâm")]
    bad = tmp_path / "o.toml"
    bad.write_text("[[merge]]\nrefs = 'x'\n", encoding="utf-8")
    with pytest.raises(OverridesError, match="o.toml: merge #1"):
        load_overrides(bad)
    broken = tmp_path / "b.toml"
    broken.write_text("[[merge\n", encoding="utf-8")
    with pytest.raises(OverridesError, match="b.toml: not valid TOML"):
        load_overrides(broken)
    with pytest.raises(OverridesError, match="unknown section"):
        parse_overrides({"rename": []})
    with pytest.raises(OverridesError, match="cannot read"):
        load_overrides(tmp_path / "missing.toml")


# ---------------------------------------------------------------- events

LAM, DES, GIANG = ("To Lam", "person", "VNM"), ("Michael DeSombre", "person", "USA"), ("Phan Van Giang", "person", "VNM")
HANOI = {"name": "Hanoi", "country": "VNM"}


def groups(merged: list[MergedEvent]) -> set[frozenset]:
    return {frozenset(m.members) for m in merged}


def test_same_meeting_from_three_outlets_is_one_event_with_a_reason():
    recs = [event(1, 0, "meeting", "2026-02-13", [LAM, DES], place=HANOI),
            event(2, 3, "meeting", "2026-02-13", [DES, LAM], place={"name": "Ha Noi", "country": "VNM"}),
            event(3, 1, "meeting", "2026-02", [LAM, DES])]
    [m] = merge_events(recs)
    assert m.members == [(1, 0), (2, 3), (3, 1)]
    assert m.date == "2026-02-13" and m.location == HANOI
    assert "same actors {michael-desombre, to-lam}" in m.merge_reason and "2026-02-13" in m.merge_reason
    assert merge_events(list(reversed(recs)))[0].id == m.id  # stable, whatever the input order


def test_different_days_modes_counterparts_and_places_stay_apart():
    recs = [event(1, 0, "meeting", "2026-02-13", [LAM, DES], place=HANOI),
            event(2, 0, "meeting", "2026-02-14", [LAM, DES], place=HANOI),      # next day
            event(3, 0, "call", "2026-02-13", [LAM, DES]),                      # a call, not a meeting
            event(4, 0, "meeting", "2026-02-13", [LAM, GIANG], place=HANOI),    # another counterpart
            event(5, 0, "meeting", "2026-02-13", [LAM, DES], place={"name": "Da Nang", "country": "VNM"})]
    assert len(merge_events(recs)) == 5


def test_vague_date_cannot_chain_two_meetings():
    recs = [event(1, 0, "meeting", "2026-02-13", [LAM, DES]),
            event(2, 0, "meeting", "2026-02-20", [LAM, DES]),
            event(3, 0, "meeting", "2026-02", [LAM, DES])]
    assert groups(merge_events(recs)) == {frozenset({(1, 0)}), frozenset({(2, 0)}), frozenset({(3, 0)})}


def test_extra_participant_merges_but_two_different_extras_do_not():
    recs = [event(1, 0, "meeting", "2024-12-03", [LAM, DES]),
            event(2, 0, "meeting", "2024-12-03", [LAM, DES, GIANG])]
    assert len(merge_events(recs)) == 1
    recs = [event(1, 0, "meeting", "2024-12-03", [LAM, DES, ("Kurt Campbell", "person", "USA")]),
            event(2, 0, "meeting", "2024-12-03", [LAM, DES, GIANG])]
    assert len(merge_events(recs)) == 2


def test_undated_report_merges_only_through_its_publication_date():
    recs = [event(1, 0, "meeting", "2026-02-13", [LAM, DES], place=HANOI),
            event(2, 0, "meeting", None, [LAM, DES], published="2026-02-15"),
            event(3, 0, "meeting", None, [LAM, DES], published="2026-03-30")]
    merged = merge_events(recs)
    assert groups(merged) == {frozenset({(1, 0), (2, 0)}), frozenset({(3, 0)})}
    both = next(m for m in merged if len(m.members) == 2)
    assert "publication date" in both.merge_reason
    assert len(merge_events([event(1, 0, "meeting", None, [LAM, DES])] * 1 +
                            [event(2, 0, "meeting", None, [LAM, DES])])) == 2  # nothing to anchor on


def test_yearless_date_needs_the_same_month_and_day():
    recs = [event(1, 0, "meeting", "2025-12-02", [LAM, DES]),
            event(2, 0, "meeting", "XXXX-12-02", [LAM, DES]),
            event(3, 0, "meeting", "XXXX-12-03", [LAM, DES])]
    assert groups(merge_events(recs)) == {frozenset({(1, 0), (2, 0)}), frozenset({(3, 0)})}


def test_country_only_events_merge_on_the_same_country_pair():
    vnm, usa, jpn = ("Vietnam", "country", "VNM"), ("United States", "country", "USA"), ("Japan", "country", "JPN")
    recs = [event(1, 0, "signing", "2023-09-10", [vnm, usa], type_="AGREE"),
            event(2, 0, "signing", "2023-09", [usa, vnm], type_="AGREE"),
            event(3, 0, "signing", "2023-09-10", [vnm, jpn], type_="AGREE")]
    assert groups(merge_events(recs)) == {frozenset({(1, 0), (2, 0)}), frozenset({(3, 0)})}


def test_visit_by_interval_and_different_dialogue_rounds():
    recs = [event(1, 0, "visit", "2024-12-02/2024-12-05", [("Le Hoai Trung", "person", "VNM"),
                                                           ("United States", "country", "USA")]),
            event(2, 0, "visit", "2024-12-04", [("Le Hoai Trung", "person", "VNM"),
                                                ("United States", "country", "USA")])]
    assert len(merge_events(recs)) == 1
    d1 = event(1, 0, "dialogue", "2025", [LAM, DES], mechanism={"name": "Political Dialogue", "round": 14})
    d2 = event(2, 0, "dialogue", "2025", [LAM, DES], mechanism={"name": "Political Dialogue", "round": 15})
    assert len(merge_events([d1, d2])) == 2


def test_blocking_scales_and_keeps_pairs_apart():
    recs = []
    for i in range(3000):  # 1000 distinct meetings, each reported three times
        day = 1 + (i // 3) % 28
        pair = [(f"Person {i // 3 % 40}", "person", "VNM"), (f"Guest {i // 3 // 40}", "person", "USA")]
        recs.append(event(i, 0, "meeting", f"2025-{1 + (i // 3) % 12:02d}-{day:02d}", pair))
    merged = merge_events(recs)
    assert len(merged) == 1000 and all(len(m.members) == 3 for m in merged)


# ---------------------------------------------------------------- the fixture corpus, through the real pipeline

def _expected():
    return json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_resolution():
    pytest.importorskip("communique.pipeline", reason="extraction pipeline not available")
    from communique.resolve.corpus import resolve_articles
    from communique.read import iter_documents
    from communique.pipeline import extract_documents

    docs = [d for d in iter_documents([str(CORPUS)]) if not isinstance(d, Exception)]
    articles = [a for _, a in extract_documents(docs) if not isinstance(a, Exception)]
    return resolve_articles(articles)


@pytest.mark.slow
def test_corpus_merged_events_match_expected(corpus_resolution):
    res = corpus_resolution
    names = {ident.id: {fold(n) for n in [ident.name, *ident.aliases]} for ident in res.identities}

    def has_person(m, name):
        return any(a.get("identity") and fold(name) in names[a["identity"]] for a in m.actors)

    problems = []
    for exp in _expected()["events"]:
        hits = [m for m in res.events if m.type == exp["type"] and m.mode == exp["mode"]
                and all(has_person(m, p) for p in exp["persons"])
                and set(exp["articles"]) & {res.doc_of[k] for k in m.members}]
        docs = [{res.doc_of[k] for k in m.members} for m in hits]
        if len(hits) != 1:
            problems.append(f"{exp['mode']} {exp['persons']} {exp['date']}: {len(hits)} merged events {docs}")
            continue
        allowed = set(exp["articles"]) | set(exp["may_include"])
        if not set(exp["articles"]) <= docs[0] or not docs[0] <= allowed:
            problems.append(f"{exp['mode']} {exp['persons']} {exp['date']}: members {sorted(docs[0])}")
        if hits[0].date != exp["date"]:
            problems.append(f"{exp['mode']} {exp['persons']}: date {hits[0].date} != {exp['date']}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_corpus_person_identities_match_expected(corpus_resolution):
    res = corpus_resolution
    exp = _expected()
    problems = []
    for p in exp["persons"]:
        forms = {fold(p["name"])} | {fold(f) for f in p["forms"]}
        found = [i for i in res.identities if forms & {fold(n) for n in [i.name, *i.aliases]}]
        if len(found) != 1:
            problems.append(f"{p['name']}: {len(found)} identities {[i.id for i in found]}")
            continue
        ident = found[0]
        if ident.country != p["country"]:
            problems.append(f"{p['name']}: country {ident.country}")
        titles = [r.title for r in ident.roles]
        if p["roles"] and [t for t in titles if t in p["roles"]] != p["roles"]:
            problems.append(f"{p['name']}: roles {titles}")
    for a, b in exp["distinct"]:
        ia = [i.id for i in res.identities if i.name == a or a in i.aliases]
        ib = [i.id for i in res.identities if i.name == b or b in i.aliases]
        if set(ia) & set(ib):
            problems.append(f"{a} and {b} share an identity")
    assert not problems, "\n".join(problems)


def test_a_country_named_as_place_is_compatible_with_its_cities():
    lan, aus = ("Hoang Thi Lan", "person", "VNM"), ("Australia", "country", "AUS")
    recs = [event(1, 0, "visit", "2026-01-19", [lan, aus], place={"name": "Australia", "country": "AUS"}),
            event(2, 0, "visit", "2026-01-19/2026-01-21", [lan, aus], place={"name": "Canberra", "country": "AUS"}),
            event(3, 0, "visit", "2026-01-20", [lan, aus], place={"name": "Sydney", "country": "AUS"})]
    merged = merge_events(recs)
    assert len(merged) == 2  # Canberra and Sydney disagree; the country-level report joins one of them
    assert {len(m.members) for m in merged} == {1, 2}


# ---------------------------------------------------------------- real-coverage name and event variants

def test_name_variants_of_one_person_are_one_identity_each_with_its_reason():
    recs = [person(1, 0, "Recep Tayyip Erdogan", ["President"], "TUR"),
            person(2, 0, "Tayyip Erdogan", ["President"], "TUR"),          # a given name left out
            person(3, 0, "Fumio Kishida", ["Prime Minister"], "JPN"),
            person(4, 0, "Kishida Fumio", ["Prime Minister"], "JPN"),        # family name first
            person(5, 0, "S. Jaishankar", ["External Affairs Minister"], "IND"),
            person(6, 0, "S Jaishankar", ["External Affairs Minister"], "IND"),
            person(7, 0, "Subrahmanyam Jaishankar", ["External Affairs Minister"], "IND"),
            person(8, 0, "Bill Carter", ["Senator"], "USA"),
            person(9, 0, "William Carter", ["Senator"], "USA"),              # hypocorism, same office
            person(10, 0, "Olena Zelenska", ["First Lady"], "UKR"),
            person(11, 0, "Olena Zelenskaa", ["First Lady"], "UKR"),         # transliteration
            person(12, 0, "Datuk Seri Anwar Ibrahim", ["Prime Minister"], "MYS"),
            person(13, 0, "Anwar Ibrahim", ["Prime Minister"], "MYS")]
    ids = by_member(resolve_persons(recs))
    for a, b in [(1, 2), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), (12, 13)]:
        assert ids[(a, 0)] is ids[(b, 0)], (a, b)
    reasons = " | ".join(why for ident in {i.id: i for i in ids.values()}.values() for _, _, why in ident.links)
    for words in ("inside", "another order", "initials", "short given name", "transliteration"):
        assert words in reasons
    assert "Datuk" not in ids[(13, 0)].name


def test_a_shared_short_given_name_or_family_name_does_not_join_two_people():
    ids = by_member(resolve_persons([person(1, 0, "Bill Carter", ["Senator"], "USA"),
                                     person(2, 0, "William Carter", ["Ambassador"], "USA"),  # other office
                                     person(3, 0, "J. Carter", ["Governor"], "USA"),
                                     person(4, 0, "James Carter", ["Governor"], "USA"),
                                     person(5, 0, "Jane Carter", ["Governor"], "USA")]))   # J. = two people
    assert ids[(1, 0)] is not ids[(2, 0)]
    assert ids[(3, 0)] is not ids[(4, 0)] and ids[(3, 0)] is not ids[(5, 0)]


def test_undated_report_joins_the_one_dated_report_of_its_actors_and_place():
    dated = event(1, 0, "meeting", "2024-03-07", [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    undated = event(2, 0, "meeting", None, [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    elsewhere = event(3, 0, "meeting", None, [LAM, DES], place={"name": "Da Nang", "country": "VNM"})
    merged = merge_events([dated, undated, elsewhere])
    groups_ = {frozenset(m.members) for m in merged}
    assert frozenset({(1, 0), (2, 0)}) in groups_ and frozenset({(3, 0)}) in groups_
    both = next(m for m in merged if len(m.members) == 2)
    assert "no date joined" in both.merge_reason
    # two dated meetings of the same pair: an undated report could be either, so it joins neither
    other = event(4, 0, "meeting", "2025-06-01", [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    assert all(len(m.members) == 1 for m in merge_events([dated, other, undated]))


def test_undated_reports_alone_merge_only_on_the_same_city_and_never_against_their_weekdays():
    a = event(1, 0, "meeting", None, [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    b = event(2, 0, "meeting", None, [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    c = event(3, 0, "meeting", None, [LAM, DES])
    assert len(merge_events([a, b])) == 1
    assert len(merge_events([a, c])) == 2  # no place to tell one occasion from another
    monday, tuesday = dict(a, evidence_text=["They met on Monday."]), dict(b, evidence_text=["They met on Tuesday."])
    assert len(merge_events([monday, tuesday])) == 2
    dated = event(4, 0, "meeting", "2024-03-09", [LAM, DES], place={"name": "Hanoi", "country": "VNM"})  # a Saturday
    assert len(merge_events([dated, monday])) == 2
    assert len(merge_events([dated, dict(a, evidence_text=["talks on Saturday"])])) == 1


def test_year_less_date_takes_the_year_of_publication_and_visits_allow_a_few_days():
    known = event(1, 0, "visit", "2024-01-06", [LAM, ("Laos", "country", "LAO")], published="2024-01-06")
    yearless = event(2, 0, "visit", "XXXX-01-07", [LAM, ("Laos", "country", "LAO")], published="2024-01-08")
    wrong_year = event(3, 0, "visit", "XXXX-01-07", [LAM, ("Laos", "country", "LAO")], published="2026-01-08")
    merged = merge_events([known, yearless, wrong_year])
    assert {frozenset(m.members) for m in merged} == {frozenset({(1, 0), (2, 0)}), frozenset({(3, 0)})}
    assert "settled by publication date" in next(m for m in merged if len(m.members) == 2).merge_reason


def test_mechanism_spellings_and_meeting_or_dialogue_are_one_event():
    a = event(1, 0, "dialogue", "2024-12-10", [LAM, DES],
              mechanism={"name": "16th Vietnam-China Steering Committee for Bilateral Cooperation", "round": None})
    b = event(2, 0, "dialogue", "2024-12-10", [LAM, DES],
              mechanism={"name": "Sixteenth Viet Nam–China steering committee for bilateral co-operation", "round": 16})
    c = event(3, 0, "meeting", "2024-12-10", [LAM, DES])
    d = event(4, 0, "dialogue", "2024-12-10", [LAM, DES],
              mechanism={"name": "Vietnam-China Steering Committee for Bilateral Cooperation", "round": 15})
    merged = merge_events([a, b, c, d])
    assert {frozenset(m.members) for m in merged} == {frozenset({(1, 0), (2, 0), (3, 0)}), frozenset({(4, 0)})}
    assert next(m for m in merged if len(m.members) == 3).mode == "dialogue"


def test_a_wrong_place_in_one_report_is_outvoted_by_two_and_named_in_the_reason():
    hanoi = {"name": "Hanoi", "country": "VNM"}
    reports = [event(1, 0, "meeting", "2024-03-07", [LAM, DES], place=hanoi),
               event(2, 0, "meeting", "2024-03-07", [LAM, DES], place=hanoi),
               event(3, 0, "meeting", "2024-03-07", [LAM, DES], place={"name": "Mission", "country": "USA"})]
    merged = merge_events(reports)
    assert len(merged) == 1 and merged[0].location["name"] == "Hanoi"
    assert "2 of 3 reports" in merged[0].merge_reason and "Mission" in merged[0].merge_reason
    assert len(merge_events(reports[1:])) == 2  # one against one: no majority, no merge


# ---------------------------------------------------------------- incremental resolution == full rebuild

def _random_corpus(seed: int, n: int = 36):
    """Random pre-extracted articles about a small cast with name variants, and random batches."""
    import random

    from communique.model import Actor, Article, Event, Location, Person

    rng = random.Random(seed)
    cast = [  # (forms, country, titles)
        (["Anna Varga", "A. Varga", "Varga Anna", "Varga"], "HUN", ["Foreign Minister"]),
        (["William Okafor", "Bill Okafor", "Okafor"], "NGA", ["President"]),
        (["Pavel Zelensky", "Pavel Zelenskyy", "Zelensky"], "UKR", ["Prime Minister"]),
        (["Tomas Novak", "Novak"], "CZE", ["Defence Minister"]),
        (["Tomas Novak"], "SVK", ["Ambassador"]),
        (["Recep Ali Demir", "Ali Demir", "Demir"], "TUR", ["President"]),
        (["Le Van Hoa", "Hoa"], "VNM", ["Deputy Foreign Minister"]),
        (["Le Thi Hoa", "Hoa"], "VNM", ["Ambassador"]),
    ]
    cities = [("Budapest", "HUN"), ("Abuja", "NGA"), ("Hanoi", "VNM"), (None, "CZE")]
    articles = []
    for i in range(n):
        people = rng.sample(range(len(cast)), rng.randint(1, 3))
        text, persons = "", []
        for p in people:
            forms, country, titles = cast[p]
            form = rng.choice(forms)
            start = len(text)
            text += form + ". "
            persons.append(Person(name=form, country=rng.choice([country, country, None]),
                                  titles=rng.sample(titles + ["Minister"], rng.randint(0, 1)),
                                  mentions=[(start, start + len(form))]))
        events = []
        for _ in range(rng.randint(0, 2)):
            if len(persons) >= 2:
                pair = rng.sample(persons, 2)
                actors = [Actor(name=x.name, kind="person", country=x.country) for x in pair]
            else:
                actors = [Actor(name=persons[0].name, kind="person", country=persons[0].country),
                          Actor(name="Hungary", kind="country", country="HUN")]
            day = rng.choice([None, "2024-03-07", "2024-03-08", "2024-03", "XXXX-03-07", "2024-04-02"])
            city = rng.choice(cities + [None])
            events.append(Event(type="CONSULT", cameo="040", actors=actors, mode=rng.choice(["meeting", "meeting", "call",
                                                                                             "dialogue"]),
                                date=day, location=Location(*city) if city else None, evidence=[(0, len(text))]))
        articles.append(Article(doc_id=f"rand-{i:03d}", text=text, persons=persons, events=events,
                                published=rng.choice([None, "2024-03-08", "2024-03-09"]), source=f"outlet {i % 4}"))
    batches, i = [], 0
    while i < n:
        k = rng.randint(1, 7)
        batch = articles[i:i + k]
        if i and rng.random() < 0.3:  # an earlier article comes back changed (the update path)
            j = rng.randrange(i)
            changed = Article.from_dict(articles[j].to_dict())
            changed.persons = changed.persons[::-1][:2]
            changed.events = [e for e in changed.events if all(
                any(p.name == a.name for p in changed.persons) for a in e.actors if a.kind == "person")]
            changed.title = "updated"
            batch = batch + [changed]
        batches.append(batch)
        i += k
    return batches


@pytest.mark.parametrize("seed", range(6))
def test_incremental_resolution_equals_a_full_rebuild_on_random_corpora(db_url, seed):
    from communique.store import Store

    with Store.open(db_url) as store:
        for batch in _random_corpus(seed):
            store.ingest(batch, progress=False)
        assert store.check() == []
        ids_before = {p["id"] for p in store.persons()}
        store.rebuild()  # --full keeps the ids
        assert {p["id"] for p in store.persons()} == ids_before
        assert store.check() == []


def test_identity_ids_stay_and_a_merged_away_id_redirects(db_url):
    from communique.model import Actor, Article, Event, Person
    from communique.store import Store

    def art(doc_id, *names):
        text = ". ".join(names)
        persons = [Person(name=n, country="TUR", titles=["President"], mentions=[(text.find(n), text.find(n) + len(n))])
                   for n in names]
        ev = Event(type="CONSULT", cameo="040", mode="meeting", date="2023-09-04",
                   actors=[Actor(name=names[0], kind="person", country="TUR"),
                           Actor(name="Vladimir Putin", kind="person", country="RUS")])
        persons.append(Person(name="Vladimir Putin", country="RUS", titles=["President"]))
        return Article(doc_id=doc_id, text=text, persons=persons, events=[ev])

    with Store.open(db_url) as store:
        store.ingest([art("a", "Erdogan Tayyip"), art("b", "Erdogan Tayyip")], progress=False)
        store.ingest([art("c", "Recep Tayyip Erdogan"), art("e", "Ali Kemal Demir")], progress=False)
        first = {p["name"]: p["id"] for p in store.persons()}
        assert first["Erdogan Tayyip"] == "erdogan-tayyip" and first["Recep Tayyip Erdogan"] == "recep-tayyip-erdogan"
        # "Tayyip Erdogan" is both of them (another order / inside the longer name): one person;
        # the id with more records stays, the other redirects to it
        store.ingest([art("d", "Tayyip Erdogan")], progress=False)
        ids = {p["id"] for p in store.persons()}
        assert "erdogan-tayyip" in ids and "recep-tayyip-erdogan" not in ids and "tayyip-erdogan" not in ids
        assert first["Ali Kemal Demir"] in ids  # untouched identities keep their ids
        assert store.person("recep-tayyip-erdogan")["id"] == "erdogan-tayyip"
        reasons = [why for _, _, why in merged_links(store, "erdogan-tayyip")]
        assert any("another order" in why for why in reasons) and any("inside" in why for why in reasons)
        assert store.check() == []


def merged_links(store, identity_id):
    import json

    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return json.loads(conn.execute(sa.text("SELECT links FROM identities WHERE id = :i"), {"i": identity_id}).scalar())



def test_an_undated_report_does_not_join_a_report_dated_without_a_year():
    # "in Amman on October 7" with no year anywhere, and an undated "visited Jordan": nothing
    # says they are one occasion; with a year the same reports join
    yearless = event(1, 0, "meeting", "XXXX-10-07", [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    undated = event(2, 0, "meeting", None, [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    assert all(len(m.members) == 1 for m in merge_events([yearless, undated]))
    dated = event(3, 0, "meeting", "2024-10-07", [LAM, DES], place={"name": "Hanoi", "country": "VNM"})
    assert any(len(m.members) == 2 for m in merge_events([dated, undated]))


def test_a_planned_event_never_merges_with_one_that_happened():
    # "Lam and Desombre met in Hanoi on 13 February" / "... will meet again in Hanoi" /
    # "are expected to hold talks": same pair, type, mode and place, but one did not happen yet
    met = event(1, 0, "meeting", "2026-02-13", [LAM, DES], place=HANOI)
    will_meet = dict(event(2, 0, "meeting", "2026-02-13", [DES, LAM], place=HANOI), status="planned")
    expected = dict(event(3, 0, "meeting", None, [LAM, DES], place=HANOI, published="2026-02-14"), status="planned")
    merged = merge_events([met, will_meet, expected])
    assert frozenset({(1, 0)}) in groups(merged)
    assert frozenset({(2, 0), (3, 0)}) in groups(merged)  # two reports of the same plan do merge
    signed = event(4, 0, "signing", "2026-02-13", [LAM, DES], type_="AGREE")
    to_sign = dict(event(5, 0, "signing", "2026-02", [LAM, DES], type_="AGREE"), status="planned")
    assert len(merge_events([signed, to_sign])) == 2
    # the store's blocking keys keep them apart too (incremental resolution probes by these keys)
    from communique.resolve.events import block_keys
    occupied, _ = block_keys(met)
    _, probed = block_keys(will_meet)
    assert not occupied & probed


def test_a_background_recall_is_never_merged():
    # "Lam and Desombre last met in Hanoi in March 2024" recalled in an article about a later
    # meeting, and a report of that March meeting as news: a recall is no report to merge on
    news = event(1, 0, "meeting", "2024-03-07", [LAM, DES], place=HANOI)
    recall = dict(event(2, 1, "meeting", "2024-03", [LAM, DES], place=HANOI), background=True)
    undated = event(3, 0, "meeting", None, [LAM, DES], place=HANOI)  # "at their talks in Hanoi"
    assert len(merge_events([recall, undated])) == 2  # a recall's date settles no undated report
    merged = merge_events([news, recall, undated])
    assert frozenset({(2, 1)}) in groups(merged) and frozenset({(1, 0), (3, 0)}) in groups(merged)
    from communique.resolve.events import block_keys
    assert block_keys(recall) == (set(), set())


def test_a_page_dated_only_by_its_month_anchors_an_undated_report_in_that_month():
    # "2024-11" over "In the call on Friday ...": the call of 15 November, not a call of 2022
    dated = event(1, 0, "call", "2024-11-15", [LAM, DES])
    earlier = event(2, 0, "call", "2022-12-02", [LAM, DES])
    month_page = event(3, 0, "call", None, [DES, LAM], published="2024-11")
    merged = merge_events([dated, earlier, month_page])
    assert frozenset({(1, 0), (3, 0)}) in groups(merged) and frozenset({(2, 0)}) in groups(merged)
    year_page = event(4, 0, "call", None, [LAM, DES], published="2024")  # a year says too little:
    assert all(len(m.members) == 1 for m in merge_events([dated, earlier, year_page]))  # either call


def test_an_event_with_a_single_actor_is_never_merged():
    # "Japan agreed to fund the radar" / "Japan agreed to extend the loan" the same week, and
    # "the leaders condemned the attack" in two articles: no pair of actors, nothing to merge on
    japan = ("Japan", "country", "JPN")
    recs = [event(1, 0, None, None, [japan], type_="AGREE", published="2023-11-04"),
            event(2, 0, None, None, [japan], type_="AGREE", published="2023-11-05"),
            event(3, 0, None, "2023-11-03", [japan], type_="AGREE")]
    assert all(len(m.members) == 1 for m in merge_events(recs))
    leaders = [event(4, 0, None, None, [("leaders", "group", None)], type_="ACCUSE", published="2024-02-01"),
               event(5, 0, None, None, [("leaders", "group", None)], type_="ACCUSE", published="2024-02-02")]
    assert len(merge_events(leaders)) == 2
    pair = [event(6, 0, None, "2023-11-03", [japan, ("Philippines", "country", "PHL")], type_="AGREE"),
            event(7, 0, None, "2023-11-03", [("Philippines", "country", "PHL"), japan], type_="AGREE")]
    assert len(merge_events(pair)) == 1  # two states: they do merge
