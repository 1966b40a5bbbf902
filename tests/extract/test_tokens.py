"""persons.tokens: which words can be part of a name, and the capitalised runs names sit in."""
from communique.persons.runs import runs, segments
from communique.persons.tokens import is_name_token, token_country


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


def test_the_token_table_answers_as_the_tokens_do():
    from communique.nlp import get_nlp
    from communique.persons.tokens import _hyphen_in_name, is_cap, is_head, is_honorific, span_ents, table

    doc = get_nlp()("H.E. Mr. Ravi Tane-Holloway, Minister of State, met WHO envoys in Oslo.\n"
                    "Ms. Anna Berg of Norway and Dr. Kofi Mensah of Ghana spoke on Monday.")
    tt = table(doc)
    for tok in doc:
        assert tt.cap[tok.i] == is_cap(tok) and tt.hyph[tok.i] == _hyphen_in_name(tok)
        assert tt.head[tok.i] == is_head(tok) and tt.hon[tok.i] == is_honorific(tok)
    for seg in segments(doc):
        assert [(e.start, e.end) for e in span_ents(seg)] == [(e.start, e.end) for e in seg.ents]
