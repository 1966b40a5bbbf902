"""persons.titles: a title's clean text and the state or organisation it names."""
from communique.persons.titles import _title_country, singular_title, title_default_country


def test_the_state_a_title_names():
    assert _title_country("Chilean Foreign Minister")[0] == "CHL"
    assert _title_country("U.S. Secretary of State")[0] == "USA"
    assert _title_country("Ambassador of Peru to Norway")[0] == "PER"


def test_an_official_of_an_international_body_has_its_org_and_no_state():
    country, org, intl = _title_country("Director-General of the World Health Organization")
    assert org == "World Health Organization" and country is None and intl


def test_titles_that_belong_to_one_state_and_plural_titles():
    assert title_default_country("Deputy Secretary of State") == "USA"
    assert singular_title("Foreign Ministers of Ghana and Peru") == "Foreign Minister of Ghana and Peru"
