"""persons.tokens: which words can be part of a name, and the capitalised runs names sit in."""
from communique.persons.tokens import is_name_token, runs, segments, token_country


def test_country_words_and_news_codes():
    assert token_country("Japan's") == "JPN"
    assert token_country("Vietnamese") == "VNM"
    assert token_country("U.S.") == "USA"
    assert token_country("FM") is None  # a title abbreviation, not Micronesia


def test_a_run_holds_the_title_and_the_name():
    from communique.nlp import get_nlp

    doc = get_nlp()("reporters waited as Acting Assistant Secretary of State Fleet Orrin arrived.")
    [(s, e)] = runs(doc[:])
    assert doc[s:e].text == "Acting Assistant Secretary of State Fleet Orrin"
    assert [t.text for t in doc[s:e] if is_name_token(t)] == ["Fleet", "Orrin"]


def test_names_are_looked_for_per_line():
    from communique.nlp import get_nlp

    doc = get_nlp()("Dr. S. Okafor spoke.\nThe minister left.")
    assert [s.text for s in segments(doc)] == ["Dr. S. Okafor spoke.", "The minister left."]
