"""The sentence coder: PLOVER type and CAMEO code from the trigger lexicon, source and target from
the parse, negation, intents, threats, demands and appeals. Sentences written for these tests."""
import pytest

from communique.coding import code_text
from communique.coding.vocabulary import patterns_by_trigger, plover_of


def main(text):
    events = [e for e in code_text(text) if e.code != "010"]
    assert events, f"nothing coded in {text!r}"
    return events[0]


def countries(actors):
    return [a.country for a in actors]


@pytest.mark.parametrize("text", [
    "Canada imposed sanctions on Belarus over the crackdown.",
    "The European Union slapped new sanctions on Iran on Monday.",
])
def test_sanctions_are_coded_with_their_target(text):
    e = main(text)
    assert (e.plover, e.code[:2]) == ("SANCTION", "16")
    assert countries(e.target) in (["BLR"], ["IRN"])


@pytest.mark.parametrize("text,code", [
    ("Poland accused Russia of sabotage on its railways.", "112"),
    ("Ghana condemned the coup in Niger.", "111"),
    ("The Brazilian government criticised Argentina for the new tariffs.", "111"),
])
def test_accusations_and_condemnations(text, code):
    e = main(text)
    assert e.plover == "ACCUSE" and e.code.startswith(code)


@pytest.mark.parametrize("text", [
    "Norway called on Sudan to release the detained activists.",
    "The foreign minister urged Myanmar to free the detained activists.",
])
def test_an_appeal_to_release_is_a_request_not_a_call(text):
    e = main(text)
    assert e.plover == "REQUEST" and e.code == "0253"
    assert e.mode != "call"


@pytest.mark.parametrize("text", [
    "Turkey will host Azerbaijan's president next week.",
    "Ecuador plans to visit Peru in March.",
    "Kenya and Somalia agreed to meet again in the autumn.",
])
def test_planned_engagements_are_intents_never_consultations(text):
    e = main(text)
    assert e.code == "036" and e.status == "planned" and e.plover != "CONSULT"


@pytest.mark.parametrize("text", [
    "China refused to meet the Japanese delegation.",
    "Serbia declined to hold talks with Kosovo.",
])
def test_refusing_to_meet_is_a_rejection(text):
    e = main(text)
    assert e.plover == "REJECT" and e.code == "125"


@pytest.mark.parametrize("text", [
    "Chile did not sign the treaty.",
    "The ministers never met in Geneva.",
])
def test_negated_engagements_are_not_events(text):
    assert not [e for e in code_text(text) if e.plover in ("AGREE", "CONSULT")]


@pytest.mark.parametrize("text,iso3,sector", [
    ("Moscow condemned the strikes on Tuesday.", "RUS", "GOV"),
    ("The Kremlin denounced the new tariffs.", "RUS", "GOV"),
    ("Russian troops shelled the town overnight.", "RUS", "MIL"),
    ("Israeli forces attacked the camp.", "ISR", "MIL"),
])
def test_states_as_capitals_seats_and_demonyms_with_sectors(text, iso3, sector):
    e = main(text)
    assert [(a.country, a.sector) for a in e.source] == [(iso3, sector)]


def test_a_passive_agent_is_the_source():
    e = main("The convoy was attacked by Somali militants near the border.")
    assert e.plover == "ASSAULT" and countries(e.source) == ["SOM"]


def test_coordinated_states_with_one_sector_word_are_two_actors():
    e = main("Senior Hungarian and Romanian officials agreed to cooperate on refugees.")
    assert [(a.country, a.sector) for a in e.source] == [("HUN", "GOV"), ("ROU", "GOV")]
    assert e.plover == "AGREE" and e.status == "planned"


@pytest.mark.parametrize("text", [
    "India said Pakistan must hand over the suspects.",
    "The minister declared that Iran must release the sailors.",
])
def test_must_in_reported_speech_is_a_demand_of_the_clause_subject(text):
    e = main(text)
    assert e.plover == "REQUEST" and e.root == "10"
    assert countries(e.target) and countries(e.target)[0] in ("PAK", "IRN")


@pytest.mark.parametrize("text", [
    "Washington will impose sanctions on Caracas unless the vote is held.",
    "The United States said it would impose tariffs on Mexico.",
])
def test_a_harm_announced_for_the_future_is_a_threat(text):
    e = main(text)
    assert e.plover == "THREATEN" and e.code == "1312"


def test_names_are_not_triggers():
    # "Cooperation" inside an organisation's name is no act of cooperation
    events = code_text("The Shanghai Cooperation Organisation opened its new office.")
    assert not [e for e in events if e.plover == "COOPERATE"]


def test_every_lexicon_code_maps_to_a_plover_type_or_is_a_statement():
    codes = {p.code for ps in patterns_by_trigger().values() for p in ps}
    for code in codes:
        plover, _ = plover_of(code)
        assert plover or code.startswith("01"), code


def test_signing_stays_agree_as_the_contract_says():
    # PLOVER's table maps CAMEO 057 to SUPPORT; communique's contract keeps signings as AGREE
    assert plover_of("057") == ("AGREE", "signing")
