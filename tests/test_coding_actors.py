"""Actors' states: office holders known by name, misspelt state names, regions and peoples of one
state. Sentences written for these tests."""
import pytest

from communique.coding import code_text
from conftest import coded_countries as countries, main_coded_event as main
from communique.coding.actors import misspelt_state


@pytest.mark.parametrize("text,iso3", [
    ("President Hosni Mubarak condemned the bombing on Tuesday.", "EGY"),
    ("Mubarak criticised the decision.", "EGY"),
    ("Chancellor Helmut Kohl accused the opposition of lying.", "DEU"),
    ("President Museveni threatened to expel the aid workers.", "UGA"),
    ("Boris Yeltsin praised the agreement.", "RUS"),
])
def test_an_office_holder_known_by_name_has_the_state_he_served(text, iso3):
    assert countries(main(text).source) == [iso3]


@pytest.mark.parametrize("text,iso3", [
    ("The Reagan administration condemned the attack.", "USA"),
    ("The Mitterrand government praised the accord.", "FRA"),
])
def test_an_office_holder_s_administration_is_his_state(text, iso3):
    assert countries(main(text).source) == [iso3]


def test_a_surname_two_states_share_names_neither():
    from communique.coding.actors import _office_holder_state

    assert _office_holder_state("Hussein") is None  # Iraq's Saddam, Jordan's King Hussein
    assert _office_holder_state("Saddam Hussein") == "IRQ"


@pytest.mark.parametrize("text,iso3", [
    ("Afganistan rejected the offer of talks.", "AFG"),
    ("Ethopia accused Eritrea of shelling the border town.", "ETH"),
    ("Quatar's emir praised the agreement.", "QAT"),
])
def test_a_state_name_misspelt_by_one_letter_is_that_state(text, iso3):
    assert main(text).source[0].country == iso3


@pytest.mark.parametrize("word", ["Paris", "Europe", "Irak", "Xambia"])
def test_no_misspelling_is_guessed_where_no_one_state_is_that_close(word):
    assert misspelt_state(word) is None  # Irak: too short to tell; Xambia: Gambia or Zambia


@pytest.mark.parametrize("text,iso3", [
    ("The Sudanese government accused Darfur rebels of attacking a convoy.", "SDN"),
    ("Russian troops killed three Chechen separatists near the border.", "RUS"),
    ("Police arrested dozens of Tibetan monks after the march.", "CHN"),
    ("Troops attacked Tamil rebels in the north.", "LKA"),
])
def test_a_region_or_people_of_one_state_names_that_state(text, iso3):
    assert iso3 in countries(main(text).target)


@pytest.mark.parametrize("text,iso3", [
    ("Yoruba leaders demanded a new constitution.", "NGA"),
    ("The government of Sindh province banned the rally.", "PAK"),
    ("Karen rebels attacked an army patrol.", "MMR"),
])
def test_a_kind_of_actor_of_a_region_is_of_its_state(text, iso3):
    assert countries(main(text).source) == [iso3]


def test_a_person_whose_first_name_is_a_people_stays_a_person():
    e = main("Karen Pierce criticised the resolution on Monday.")
    assert "MMR" not in countries(e.source)


def test_a_given_name_alone_is_no_office_holder():
    from communique.coding.actors import _office_holder_state

    assert _office_holder_state("Ibrahim") is None  # a given name of several holders, no surname


@pytest.mark.parametrize("text,iso3", [
    ("Iran threatened to cut off electricity to Armenia over unpaid bills.", "ARM"),
    ("The group threatened to launch attacks against Kenya.", "KEN"),
    ("Syria refused to hand the documents over to Lebanon.", "LBN"),
])
def test_whom_a_governed_deed_is_aimed_at_is_the_target(text, iso3):
    assert iso3 in countries(main(text).target)


@pytest.mark.parametrize("text", [
    "A police officer told Human Rights Watch that the prisoners were beaten.",
    "Amnesty International accused the army of torturing detainees.",
    "A human rights group accused the police of torture.",
    "The charity accused the army of blocking food deliveries.",
])
def test_non_governmental_bodies_of_no_one_state_are_ngo_actors(text):
    actors = [a for e in code_text(text) for a in e.source + e.target]
    assert any(a.code == "NGO" for a in actors)


@pytest.mark.parametrize("text,iso3,sector", [
    ("The ministers met their French counterparts in Paris.", "FRA", "GOV"),
    ("Police arrested two Egyptian clerics.", "EGY", "REL"),
    ("Cairo's security chief warned the protesters.", "EGY", "COP"),
    ("Pakistan's army chief accused Kabul of harbouring militants.", "PAK", "MIL"),
    ("The Kurdistan Regional Government rejected the budget.", "IRQ", "GOV"),
])
def test_kinds_of_actor_and_seats_of_government(text, iso3, sector):
    actors = [a for e in code_text(text) if e.code != "010" for a in e.source + e.target]
    assert (iso3, sector) in [(a.country, a.sector) for a in actors]


@pytest.mark.parametrize("text", [
    "The army signed a truce with Tigrayan forces.",
    "Government troops clashed with Karen forces near the border.",
])
def test_the_forces_of_a_region_or_people_are_rebels_not_its_state_s_military(text):
    actors = [a for e in code_text(text) for a in e.source + e.target if a.country in ("ETH", "MMR")]
    assert actors and all(a.sector == "REB" for a in actors)


@pytest.mark.parametrize("text,iso3", [
    ("Pakistan threatened to close the border unless Afghanistan handed over the militants.", "AFG"),
    ("Egypt threatened to take action if Ethiopia began filling the dam.", "ETH"),
    ("The rebels threatened to resume fighting unless Colombia freed their leaders.", "COL"),
])
def test_a_threat_s_condition_names_its_target(text, iso3):
    e = next(e for e in code_text(text) if e.root == "13")
    assert iso3 in countries(e.target)


@pytest.mark.parametrize("text,src,tgt", [
    ("Blinken spoke by phone with Lavrov on Monday.", "USA", "RUS"),
    ("Sunak spoke by phone with Biden on Friday.", "GBR", "USA"),
])
def test_office_holders_spacy_calls_places_or_organisations_are_persons(text, src, tgt):
    e = main(text)
    assert [(a.country, a.person is not None) for a in e.source] == [(src, True)]
    assert [(a.country, a.person is not None) for a in e.target] == [(tgt, True)]


@pytest.mark.parametrize("text", [
    "Thousands rallied in Lagos on Monday.",
    "The UN condemned the attack.",
])
def test_a_city_or_an_acronym_sharing_an_office_holder_s_name_is_no_person(text):
    from communique.coding.actors import persons_in
    from communique.nlp import get_nlp

    assert persons_in(get_nlp()(text)) == []


@pytest.mark.parametrize("text,iso3", [
    ("Police arrested 40 ethnic Albanians in Serbia.", "SRB"),
    ("Troops killed three ethnic Armenian fighters in Azerbaijan.", "AZE"),
])
def test_an_ethnic_group_is_of_the_state_it_lives_in(text, iso3):
    assert countries(main(text).target) == [iso3]


def test_an_ethnic_group_in_no_one_named_state_has_no_state():
    e = main("Ethnic Russians protested against the language law.")
    assert countries(e.source) == [None]


@pytest.mark.parametrize("word,iso3", [
    ("Bak", None),  # the end of Lee Myung-bak's given name, no surname
    ("Pierre Raffarin", None),  # "Jean-Pierre" is one given name
    ("Raffarin", "FRA"),
    ("Assad", "SYR"),  # "al-" is a particle: the surname stands alone
    ("Steinmeier", "DEU"),
])
def test_the_part_after_a_hyphen_in_a_given_name_is_no_surname(word, iso3):
    from communique.coding.actors import _office_holder_state

    assert _office_holder_state(word) == iso3


def test_a_weapon_s_acronym_is_not_an_office_holder_s_state():
    event = main("The airliner was shot down by a BAK missile fired from rebel-held territory.")
    assert "KOR" not in countries(event.source)


@pytest.mark.parametrize("text, group", [
    ("Government troops shelled the town overnight.", "Government troops"),
    ("Opposition activists clashed with the police in the capital.", "Opposition activists"),
    ("The envoy renewed his call on government forces to let the convoys through.", "government forces"),
])
def test_two_kind_of_actor_words_in_one_phrase_are_one_group(text, group):
    from communique.coding import code_text

    actors = [a for e in code_text(text) for a in e.source + e.target]
    assert group in [a.text for a in actors], [(a.text, a.sector) for a in actors]


@pytest.mark.parametrize("text", [
    "Amnesty International called for an inquiry into the shelling of a hospital in eastern Ukraine.",
    "The rights group urged an investigation into the bombing of a market in northern Mexico.",
])
def test_where_the_deed_an_appeal_names_happened_is_no_party(text):
    from communique.coding import code_text

    e = next(e for e in code_text(text) if e.root == "02")
    assert not e.target, [(a.text, a.country) for a in e.target]
