"""Hostile strings through every query option, on both backends: bound parameters only, so the
tables stay intact and the answers are what the literal strings deserve."""
import pytest
import sqlalchemy as sa

from communique.store import Store, StoreError
from conftest import make_article

HOSTILE = ["'; DROP TABLE articles; --", '" OR 1=1 --', "%", "_", "\\", "' OR '1'='1", "Robert'); DELETE FROM events;--"]


@pytest.fixture
def store(db_url, articles):
    s = Store.open(db_url)
    s.ingest(articles, progress=False)
    # one article whose id and person carry SQL-looking text, stored literally
    s.ingest([make_article("'; DROP TABLE articles; --", "Odd id\nMinister Jo O'Neill_% met envoys in Oslo.",
                           persons=[("Jo O'Neill_%", "NOR", ["Minister"], None, [])])], progress=False)
    yield s
    s.close()


def _counts(s):
    with s.engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("articles", "persons", "events", "merged_events", "identities")}


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_change_nothing(store, value):
    before = _counts(store)
    # free-text options: literal matching, so nothing (or only the literal odd person) comes back
    assert store.events(actor=value) == []
    assert store.count_events(actor=value) == 0
    assert store.event(value) is None
    names = {p["name"] for p in store.persons(name=value)}
    assert names <= {"Jo O'Neill_%"}
    if value in ("%", "_"):
        assert names == set()  # a wildcard is not "everything": no name starts a word with it
    person = store.person(value)
    assert person is None or person["name"] == "Jo O'Neill_%"
    assert store.search(value) == [] or all(h["doc_id"] in {"'; DROP TABLE articles; --"} for h in store.search(value))
    art = store.article(value)
    assert art is None or art["doc_id"] == value
    # checked options: refused with a one-line StoreError
    for kwargs in ({"country": value}, {"with_": value}, {"type": value}, {"mode": value},
                   {"since": value}, {"until": value}, {"min_level": value}):
        with pytest.raises(StoreError):
            store.events(**kwargs)
    with pytest.raises(StoreError):
        store.persons(country=value)
    with pytest.raises(StoreError):
        store.stats("VNM", value)
    with pytest.raises(StoreError):
        store.network(country=value)
    assert _counts(store) == before


def test_odd_ids_are_stored_literally(store):
    art = store.article("'; DROP TABLE articles; --")
    assert art["title"] == "Odd id"
    assert store.person("Jo O'Neill_%")["country"] == "NOR"
    assert [p["name"] for p in store.persons(name="o'neill_%")] == ["Jo O'Neill_%"]
    assert len(store.events()) == 5
