"""The coded-events stage: the other PLOVER types in a whole article, with actors that point at
the article's persons, Goldstein and quad class, and planned engagements that are never CONSULT."""
import communique


ARTICLE = """Ministers trade accusations over border incident

OSLO, 12 May 2025 - Norwegian Foreign Minister Ingrid Halvorsen on Monday accused Russia of
violating Norwegian airspace and urged Moscow to respect the border agreement.

Halvorsen said Norway will host Finnish President Mikko Rantanen in June.
"""


def _article():
    return communique.extract(ARTICLE, doc_id="t-coded")


def test_an_accusation_is_an_event_from_the_person_to_the_state():
    art = _article()
    accuse = [e for e in art.events if e.type == "ACCUSE"]
    assert accuse, [(e.type, e.cameo) for e in art.events]
    e = accuse[0]
    source = [a for a in e.actors if a.role == "source"]
    target = [a for a in e.actors if a.role == "target"]
    assert [a.name for a in source] == ["Ingrid Halvorsen"]
    assert source[0].person is not None and art.persons[source[0].person].name == "Ingrid Halvorsen"
    assert [a.country for a in target] == ["RUS"]
    assert e.quad_class == 3 and e.goldstein is not None and e.goldstein < 0


def test_an_appeal_with_a_capital_for_the_state():
    art = _article()
    req = [e for e in art.events if e.type == "REQUEST"]
    assert req and any(a.country == "RUS" and a.role == "target" for a in req[0].actors)


def test_a_planned_visit_is_an_intent_not_a_consultation():
    d = _article().to_dict()
    planned = [e for e in d["events"] if e["status"] == "planned"]
    assert planned and all(e["type"] != "CONSULT" and e["cameo"] == "036" for e in planned)
    assert all(e["status"] == "happened" for e in d["events"] if e["type"] == "CONSULT")
