"""persons.countries: a person's state where the text leaves it open, and bylines."""
from communique.analysis import PersonDraft
from communique.persons.countries import only_speaks
from extract_helpers import analyse, person


def test_a_spokesperson_is_a_byline():
    assert only_speaks(PersonDraft(name="Lin Hao", tokens=["lin", "hao"], titles=["Foreign Ministry Spokesperson"]))
    assert not only_speaks(PersonDraft(name="Lin Hao", tokens=["lin", "hao"], titles=["Foreign Minister"]))


def test_the_other_side_of_an_engagement_with_one_known_side():
    a = analyse("Ghanaian Foreign Minister Kwame Asante met Minister Ines Carvalho in Accra on Monday to discuss "
                "relations between Ghana and Portugal.\n")
    assert person(a, "Kwame Asante").country == "GHA"
    assert person(a, "Ines Carvalho").country == "PRT"
