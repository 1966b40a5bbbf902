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
