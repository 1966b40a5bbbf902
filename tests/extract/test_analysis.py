"""analysis.to_article: the one place drafts become the contract; actors point at their person."""
from communique import extract
from communique.model import Article


def test_each_person_actor_points_at_its_person_and_survives_a_round_trip():
    a = extract("Foreign Minister Ines Carvalho of Portugal met Ghanaian Foreign Minister Kwame Asante in "
                "Accra on 4 March 2025. The Senegalese envoy Awa Ndiaye was also present.",
                published="2025-03-05")
    [ev] = a.events
    for actor in ev.actors:
        assert actor.kind == "person" and a.persons[actor.person].name == actor.name
        assert a.persons[actor.person].country == actor.country
    again = Article.from_dict(a.to_dict())
    assert [x.person for x in again.events[0].actors] == [x.person for x in ev.actors]


def test_countries_and_organisations_have_no_person():
    a = extract("President Lucia Ferreyra of Argentina paid a state visit to Ghana on 3 March 2025.",
                published="2025-03-05")
    [visit] = a.events
    host = next(x for x in visit.actors if x.kind == "country")
    assert host.person is None and host.to_dict()["person"] is None
    visitor = next(x for x in visit.actors if x.kind == "person")
    assert a.persons[visitor.person].name == "Lucia Ferreyra"


def test_an_object_written_before_the_field_reads_back_with_none():
    d = {"doc_id": "x", "events": [{"type": "CONSULT", "actors": [{"name": "A B", "kind": "person"}]}]}
    assert Article.from_dict(d).events[0].actors[0].person is None
