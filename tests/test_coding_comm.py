"""Communication wordings the sentence coder codes as consultations. Sentences written for these tests."""
import pytest

from communique.coding import code_text


@pytest.mark.parametrize("text, src, tgt", [
    ("The Russian foreign minister spoke with his French counterpart on Monday.", "RUS", "FRA"),
    ("Germany's chancellor spoke to the Turkish president about migration.", "DEU", "TUR"),
    ("Kenya's president spoke with Ethiopian officials in Nairobi on Friday.", "KEN", "ETH"),
])
def test_speaking_with_someone_is_a_consultation(text, src, tgt):
    events = [e for e in code_text(text) if e.code.startswith("04")]
    assert events, f"no consultation in {text!r}"
    e = events[0]
    assert e.code == "040"
    assert src in [a.country for a in e.source]
    assert tgt in [a.country for a in e.target]


def _texts(actors):
    return [a.text for a in actors]


@pytest.mark.parametrize("text, who, whom", [
    ("I have spoken this morning to the Egyptian foreign minister about the ceasefire.", "I", "EGY"),
    ("She told me that the crossing had been closed for a week.", "She", "me"),
    ("We are consulting with the Government of Chile on the next steps.", "We", "CHL"),
    ("He spoke on Tuesday with the Danish ambassador.", "He", "DNK"),
])
def test_a_personal_pronoun_is_a_party_when_no_one_is_named(text, who, whom):
    e = next(e for e in code_text(text) if e.root in ("01", "04"))
    assert _texts(e.source) == [who] and e.source[0].pronoun, (text, e.source)
    assert whom in _texts(e.target) + [a.country for a in e.target], (text, e.target)


@pytest.mark.parametrize("text, src", [
    ("The Kenyan president said he would speak to Somalia's leader.", "KEN"),
    ("Ruto said he had spoken to the Somali president.", "KEN"),
])
def test_a_named_party_wins_over_a_pronoun(text, src):
    """"X said he would ..." is still X's; the pronoun is only the last resort."""
    e = next(e for e in code_text(text) if e.root in ("03", "04"))
    assert [a.country for a in e.source] == [src]
    assert not any(a.pronoun for a in e.source)


@pytest.mark.parametrize("text, whom", [
    ("The minister spoke to the Turkish envoy and to the Qatari mediator.", ["Turkish", "Qatari"]),
    ("She spoke to reporters and to the families of the victims.", ["reporters", "families"]),
])
def test_each_conjoined_preposition_names_a_party(text, whom):
    e = next(e for e in code_text(text) if e.root == "04")
    got = " ".join(_texts(e.target))
    assert all(w in got for w in whom), (text, e.target)


@pytest.mark.parametrize("text, whom", [
    ("The farmer I spoke to had lost his harvest.", "farmer"),
    ("Every official I spoke with expected a deal.", "official"),
])
def test_the_noun_a_relative_clause_speaks_to_is_its_party(text, whom):
    e = next(e for e in code_text(text) if e.root == "04")
    assert any(whom in t for t in _texts(e.target)), (text, e.target)


@pytest.mark.parametrize("text", [
    "One young girl, Amira, tells me that she has not been to school for a year.",
    "A shopkeeper, Youssef, told reporters that prices had tripled.",
])
def test_a_kind_of_person_with_a_name_in_apposition_is_one_actor(text):
    e = next(e for e in code_text(text) if e.root == "01")
    name = text.split(", ")[1]
    assert any(name in a.text for a in e.source), (text, e.source)


@pytest.mark.parametrize("text, venue", [
    ("Kerry will host foreign ministers of the coalition in Washington on Monday.", "Washington"),
    ("The president met leaders of the alliance at the summit in Vilnius.", "Vilnius"),
])
def test_where_a_gathering_meets_is_no_party(text, venue):
    events = [e for e in code_text(text) if e.root in ("03", "04")]
    assert events
    assert not any(venue in a.text for e in events for a in e.target), [(e.code, e.target) for e in events]


def test_an_intent_keeps_the_deed_it_intends():
    """"Will travel to Paris" is an intent (036) to visit, told apart from an intent to meet."""
    visit = next(e for e in code_text("The envoy will travel to Ankara next week.") if e.code == "036")
    meet = next(e for e in code_text("The envoy will meet the Turkish foreign minister next week.") if e.code == "036")
    assert visit.deed.startswith("042") and not meet.deed.startswith("042")


@pytest.mark.parametrize("text, who, whom", [
    ("Tarek told Samir that the road was open again.", "Tarek", "Samir"),
    ("Later that week Nadia met Hassan at the crossing.", "Nadia", "Hassan"),
    ("On Friday Amal spoke with Karam outside the clinic.", None, "Karam"),
])
def test_a_name_no_table_knows_is_still_a_party_to_a_conversation(text, who, whom):
    e = next(e for e in code_text(text) if e.root in ("01", "04"))
    assert _texts(e.target) == [whom], e.target
    assert e.target[0].country is None  # spaCy may or may not take it for a person: no state either way
    if who:
        assert _texts(e.source) == [who], e.source


def test_names_told_together_meet_each_other():
    e = next(e for e in code_text("Omar and Rania met again this week in the old market.") if e.root == "04")
    assert _texts(e.source) == ["Omar", "Rania"]


def test_a_time_is_no_party():
    e = next(e for e in code_text("The spokesman told reporters on Tuesday that talks would resume.") if e.root == "01")
    assert "Tuesday" not in _texts(e.target)


@pytest.mark.parametrize("text, src, tgt", [
    ("The envoy called for Israel to halt the strikes.", None, "ISR"),
    ("Germany pressed for Iran to release the detainees.", "DEU", "IRN"),
    ("Brazil appealed for Venezuela to reopen the border.", "BRA", "VEN"),
])
def test_an_appeal_for_someone_to_act_is_made_to_them(text, src, tgt):
    e = next(e for e in code_text(text) if e.root == "02")
    assert tgt in [a.country for a in e.target], (text, e.target)
    if src:
        assert src in [a.country for a in e.source]


@pytest.mark.parametrize("text, tgt", [
    ("We have been in touch with senior Iraqi officials since the attack.", "IRQ"),
    ("The ministry said it was in close contact with the Nepalese authorities.", "NPL"),
    ("Diplomats stayed in contact with the Sudanese army throughout the evacuation.", "SDN"),
])
def test_being_in_touch_is_a_consultation(text, tgt):
    e = next(e for e in code_text(text) if e.root == "04")
    assert tgt in [a.country for a in e.target], (text, e.target)


@pytest.mark.parametrize("text, tgt", [
    ("As I conveyed to the Saudi foreign minister today, we value the kingdom's role.", "SAU"),
    ("The ambassador conveyed the president's concern to the Kenyan government.", "KEN"),
])
def test_conveying_something_to_someone_is_a_statement_to_them(text, tgt):
    e = next(e for e in code_text(text) if e.lemma == "convey")
    assert [a.country for a in e.target] == [tgt], (text, e.target)
