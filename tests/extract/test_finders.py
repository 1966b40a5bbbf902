"""persons.finders: names after a title, in appositions, after "TITLE, ", and from the NER."""
from communique.nlp import get_nlp
from communique.persons.finders import appositions, title_anchored, title_then_name


def found(finder, text):
    doc = get_nlp()(text)
    return [(doc[h.start:h.end].text, h.titles) for h in finder(doc[:])]


def test_a_name_after_a_long_title():
    assert found(title_anchored, "Chilean Deputy Foreign Minister Alma Rojas Vidal spoke.") == [
        ("Alma Rojas Vidal", ["Chilean Deputy Foreign Minister"])]


def test_two_names_under_one_plural_title():
    hits = dict(found(title_anchored, "Foreign Ministers Alma Rojas and Ola Berg met."))
    assert set(hits) == {"Alma Rojas", "Ola Berg"}


def test_an_apposition_gives_the_name_its_title():
    assert ("Ola Berg", ["State Secretary of Norway"]) in found(
        appositions, "Ola Berg, State Secretary of Norway, opened the session.")


def test_a_title_then_a_comma_then_the_name():
    assert ("Kofi Mensah", ["President of Ghana"]) in found(
        title_then_name, "The President of Ghana, Kofi Mensah, hosted the dinner.")
