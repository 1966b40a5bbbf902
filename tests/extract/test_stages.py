"""The pipeline's declared stages: their order, and that each reads only what an earlier one wrote."""
from dataclasses import fields

from communique import stages
from communique.analysis import Analysis


def test_the_stage_list():
    assert [s.name for s in stages.STAGES] == [
        "year", "persons", "country_weights", "person_countries", "sentences", "events",
        "settle_countries", "commitments"]


def test_each_stage_reads_only_what_an_earlier_stage_wrote():
    assert stages.check() == []
    known = {f.name for f in fields(Analysis)}
    for st in stages.STAGES:
        assert set(st.reads) <= known and set(st.writes) <= known, st.name


def test_the_check_finds_a_stage_moved_before_what_it_reads():
    moved = (stages.STAGES[-1],) + stages.STAGES[:-1]
    problems = stages.check(moved)
    assert any("'commitments' reads 'sentences'" in p for p in problems)


def test_mentions_and_event_actors_point_at_the_same_person_objects():
    from communique import stages as st
    from communique.nlp import get_nlp
    from communique.pipeline import _prepare
    from communique.read import document_from_text

    text = ("Foreign Minister Anna Lindqvist of Sweden met Indian External Affairs Minister Ravi Menon "
            "in Stockholm on 3 March 2025.\n\nLindqvist and Menon discussed trade.\n")
    doc = document_from_text(text, doc_id="t", published="2025-03-04")
    body, masked = _prepare(doc)
    a = st.run(Analysis(doc=doc, body=body, parsed=get_nlp()(masked)))
    people = {p.name: p for p in a.persons}
    assert {"Anna Lindqvist", "Ravi Menon"} <= set(people)
    for sent in a.sentences:
        for m in sent.mentions:
            assert any(m.person is p for p in a.persons)
    actors = [x.person for d in a.drafts for x in d.actors if x.kind == "person"]
    assert any(x is people["Anna Lindqvist"] for x in actors) and any(x is people["Ravi Menon"] for x in actors)
