"""Which events a sentence asserts: background clauses, conditions, wishes, topics, grounds and
reported violence. Sentences written for these tests."""
import pytest

from communique.coding import code_text


def coded(text):
    """The events with a PLOVER type (statements left out), as the article pipeline takes them."""
    return [e for e in code_text(text) if e.plover]


def roots(text):
    return [e.root for e in coded(text)]


def countries(actors):
    return [a.country for a in actors]


@pytest.mark.parametrize("text,kept,background", [
    ("Police arrested a man who had attacked a soldier in Lagos.", "17", "18"),
    ("Kenya condemned the militia that kidnapped three aid workers.", "11", "18"),
    ("The army freed a journalist jailed by rebels last year.", "08", "17"),
])
def test_a_relative_or_participle_clause_is_background(text, kept, background):
    assert kept in roots(text) and background not in roots(text)


def test_an_existential_keeps_its_participle():
    assert "19" in roots("There were five Nigerian soldiers killed in Mali.")


@pytest.mark.parametrize("text,absent", [
    ("Ghana will impose sanctions if Togo attacks its border posts.", "18"),
    ("Peru said talks can resume only if Chile withdraws its troops.", "08"),
])
def test_a_condition_asserts_no_deed(text, absent):
    assert absent not in roots(text)


@pytest.mark.parametrize("text", [
    "Kenya hoped the rebels would be disarmed.",
    "Egypt expects that Israel will lift the blockade.",
])
def test_a_hope_for_another_party_s_deed_is_no_event(text):
    assert coded(text) == []


@pytest.mark.parametrize("text,code,src,tgt", [
    ("Japan wants China to release the fishermen.", "0253", "JPN", "CHN"),
    ("Germany wants Russia to withdraw its troops from the border.", "0256", "DEU", "RUS"),
])
def test_wanting_another_party_to_act_is_an_appeal_to_it(text, code, src, tgt):
    (e,) = coded(text)
    assert (e.code, e.plover) == (code, "REQUEST")
    assert countries(e.source) == [src] and countries(e.target) == [tgt]


@pytest.mark.parametrize("text", [
    "Officials reported a pause in the shelling of Kharkiv.",
    "Sweden lifted its ban on travel to Iraq.",
    "Sweden announced a ban on travelling to Iraq.",
    "The group claimed responsibility for the bombing of the embassy.",
])
def test_a_trigger_noun_under_another_noun_is_its_topic(text):
    assert not {"04", "18", "19"} & set(roots(text))


@pytest.mark.parametrize("text,absent", [
    ("A court in Cairo jailed two activists for organizing protests.", "14"),
    ("A Nigerian court jailed a student for helping militants.", "07"),
])
def test_what_a_punishment_is_for_is_no_deed_of_its_own(text, absent):
    assert "17" in roots(text) and absent not in roots(text)


@pytest.mark.parametrize("text,src,tgt", [
    ("Ukraine said Russian forces shelled the city of Kharkiv.", "UKR", "RUS"),
    ("Azerbaijan said that Armenian troops had attacked its positions.", "AZE", "ARM"),
    ("Ghana said a rocket was fired at it from Togo.", "GHA", "TGO"),
])
def test_violence_a_speaker_says_another_party_did_is_an_accusation(text, src, tgt):
    (e,) = coded(text)
    assert (e.code, e.plover) == ("112", "ACCUSE")
    assert countries(e.source) == [src] and tgt in countries(e.target)


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kharkiv overnight, Ukrainian officials said.",  # told after the deed
    "Israel said its aircraft struck targets in Gaza.",  # its own deed
    "The army said troops killed five militants near the border.",  # its own troops
])
def test_reported_violence_stays_violence(text):
    assert [r for r in roots(text) if r in ("11", "18", "19")] in (["18"], ["19"])


def test_a_claim_of_one_s_own_attack_claims_responsibility():
    codes = [e.code for e in code_text("The militant group claimed that it had attacked the convoy.")]
    assert "015" in codes and not any(c.startswith("18") for c in codes)


@pytest.mark.parametrize("text", [
    "The EU is pressuring Serbia to recognize Kosovo.",
    "Washington pressured Seoul to help Kyiv.",
])
def test_what_pressure_is_for_is_no_event_of_its_own(text):
    """One event, the pressing: a demand (10), as the CAMEO codebook codes "pressuring workers
    ... to cancel the strike" (1052); what it presses for is no deed of its own."""
    assert roots(text) == ["10"]


@pytest.mark.parametrize("text,src,tgt", [
    ("Hungary would not give permission to Ukraine to use its airspace.", "HUN", "UKR"),
    ("Austria said it would not grant permission to Serbia to help Hungary.", "AUT", "SRB"),
])
def test_refusing_permission_is_one_refusal(text, src, tgt):
    (e,) = coded(text)
    assert e.root == "12" and countries(e.source) == [src] and countries(e.target) == [tgt]


@pytest.mark.parametrize("text,tgt", [
    ("Britain advised against all travel to Haiti.", "HTI"),
    ("Canada has warned against travel to Lebanon.", "LBN"),
])
def test_a_travel_warning_reduces_relations_and_is_no_visit(text, tgt):
    (e,) = coded(text)
    assert e.code == "160" and countries(e.target) == [tgt]


@pytest.mark.parametrize("text", [
    "Evidence against Iran was presented by Israel.",
    "Israel presented evidence against Iran.",
])
def test_evidence_against_a_party_accuses_it_in_either_voice(text):
    (e,) = coded(text)
    assert e.code.startswith("112") and countries(e.source) == ["ISR"] and countries(e.target) == ["IRN"]


@pytest.mark.parametrize("text,states", [
    ("Chile, Peru and Bolivia met on Monday.", {"CHL", "PER", "BOL"}),
    ("Kenya and Ethiopia are seeking to deepen their partnership in trade.", {"KEN", "ETH"}),
])
def test_states_that_meet_or_cooperate_with_each_other_are_reciprocal(text, states):
    e = coded(text)[0]
    assert e.reciprocal and set(countries(e.source)) == states and e.target == []


def test_a_meeting_with_a_named_other_party_is_not_reciprocal():
    e = coded("France and Germany met the Ukrainian president.")[0]
    assert not e.reciprocal and countries(e.target) == ["UKR"]


@pytest.mark.parametrize("text,iso3", [
    ("The Kenyan president is scheduled to attend a summit in Addis Ababa.", "KEN"),
    ("Nigeria is expected to attend the summit.", "NGA"),
])
def test_the_subject_of_a_passive_governor_does_the_controlled_deed(text, iso3):
    e = coded(text)[0]
    assert countries(e.source) == [iso3] and iso3 not in countries(e.target)


def test_the_noun_of_a_past_participle_undergoes_it():
    e = coded("Ten Malian soldiers were killed in Niger.")[0]
    assert e.root == "19" and "MLI" in countries(e.target) and "MLI" not in countries(e.source)


@pytest.mark.parametrize("text,code", [
    ("The Russian building was demolished by a Ukrainian protestor.", "145"),
    ("Hundreds of demonstrators attacked the embassy in Tehran.", "145"),
    ("Syrian forces clashed with rioters in the square.", "175"),
    ("Police fired tear gas at protesters in Nairobi.", "175"),
])
def test_violence_by_protesters_is_a_violent_protest_and_against_them_repression(text, code):
    assert [e.code for e in coded(text)] == [code]


@pytest.mark.parametrize("text,root", [
    ("Police arrested dozens of protesters in Lagos.", "17"),
    ("Thousands of protesters marched in Lima.", "14"),
])
def test_a_protester_is_a_party_not_an_event_of_its_own(text, root):
    assert roots(text) == [root]


def test_the_means_of_an_accusation_is_the_same_accusation():
    text = "Chad accused Sudan of lying by alleging that Chadian troops had crossed the border."
    assert roots(text) == ["11"]


@pytest.mark.parametrize("text,src", [
    ("The US claimed that Sendero had attacked the mine.", "USA"),
    ("Peru said that Kallpa had bombed its border posts.", "PER"),
])
def test_a_reported_attack_by_a_name_unknown_as_an_actor_is_still_an_accusation(text, src):
    (e,) = coded(text)
    assert e.code == "112" and countries(e.source) == [src]


def test_protesters_using_arms_stay_the_use_of_arms():
    assert roots("Angry demonstrators launched rockets at the army base.") == ["19"]


@pytest.mark.parametrize("text,code", [
    ("Spain is the first country to sign the treaty with Morocco.", "057"),
    ("He became the first foreign leader to visit Ukraine this year.", "042"),
    ("Berlin welcomed the fact that Germany has provided more aid to Kyiv than others.", "07"),
])
def test_an_infinitive_or_finite_clause_on_a_noun_is_no_background(text, code):
    assert any(e.code.startswith(code) for e in coded(text))


@pytest.mark.parametrize("text", [
    "In addition to meeting the Pope, Milei met Meloni in Rome.",
    "Modi hosted a ceremony for visiting Vietnamese Prime Minister Pham Minh Chinh.",
])
def test_a_gerund_under_a_noun_is_a_topic_only_under_topic_prepositions(text):
    assert "04" in roots(text)


@pytest.mark.parametrize("text,src,tgt", [
    ("Chad received guarantees from Sudan.", "SDN", "TCD"),
    ("Kenyan farmers received assurances from the Ugandan government.", "UGA", "KEN"),
])
def test_who_gives_an_assurance_received_is_its_source_wherever_from_attaches(text, src, tgt):
    (e,) = coded(text)
    assert countries(e.source) == [src] and countries(e.target) == [tgt]


@pytest.mark.parametrize("text", [
    "A rights group said police killed three protesters in Lagos.",  # a speaker of no state
    "Putin said Russian forces struck targets in Kharkiv.",  # a leader of the forces' own state
])
def test_reported_violence_is_no_accusation_without_a_speaker_of_another_state(text):
    assert not any(e.root == "11" for e in coded(text))


@pytest.mark.parametrize("text", [
    "The leaders talked about the conflict in Sudan and the sanctions on Iran.",
    "Macron raised the attacks on shipping with Xi.",
    "Biden discussed sanctions against Russia with Scholz.",
])
def test_what_talk_is_about_is_a_topic_not_an_event(text):
    assert not {"16", "18"} & set(roots(text))


@pytest.mark.parametrize("text,code", [
    ("Kenya expelled two Ugandan journalists.", "174"),
    ("Chad expelled the French ambassador.", "166"),
])
def test_expelling_people_is_deportation_and_expelling_envoys_a_cut_in_relations(text, code):
    assert [e.code for e in coded(text)] == [code]


@pytest.mark.parametrize("text,code", [
    ("Japan paid compensation to the families of the victims.", "080"),
    ("Poland wants Germany to pay reparations for the war.", "025"),
])
def test_paying_compensation_is_a_concession_and_wanting_it_an_appeal_for_one(text, code):
    assert [e.code for e in coded(text)] == [code]


@pytest.mark.parametrize("text,code", [
    ("Hezbollah declared a unilateral cease-fire in south Lebanon.", "0871"),
    ("Norway called for a cease-fire in Gaza.", "0256"),
])
def test_a_hyphenated_cease_fire_is_a_ceasefire(text, code):
    assert [e.code for e in coded(text)] == [code]


@pytest.mark.parametrize("text,code", [
    ("The junta declared a state of siege in Bolivia.", "1724"),
    ("Ecuador imposed a state of emergency in Quito.", "1724"),
])
def test_a_state_of_siege_is_a_state_of_emergency(text, code):
    assert [e.code for e in coded(text)] == [code]


@pytest.mark.parametrize("text, source, target", [
    ("The civilians imprisoned for acting against Moscow were released yesterday by the president himself.",
     "president", "civilians"),
    ("The Filipino fishermen detained off the coast were released on Friday by the Chinese coast guard.",
     "Chinese", "Filipino"),
])
def test_a_noun_s_participle_misparsed_as_the_root_is_background_and_its_passive_conjunct_the_news(text, source, target):
    events = coded(text)
    assert [e.code for e in events] == ["0841"], events
    assert [a.text for a in events[0].source] == [source] and [a.text for a in events[0].target] == [target]


def test_a_conjunct_with_its_own_passive_auxiliary_undergoes_it():
    events = coded("The Kenyan minister arrived in Tokyo and was received by the Japanese emperor.")
    received = next(e for e in events if e.code == "040")
    assert countries(received.target) == ["KEN"] and countries(received.source) == ["JPN"]
