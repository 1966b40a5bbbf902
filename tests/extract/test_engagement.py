"""events.engagement: meetings, calls and dialogues, one event per counterpart of the subject."""
from communique import extract


def pairs(article):
    return {(e.mode, frozenset(a.name for a in e.actors)) for e in article.events if e.type == "CONSULT"}


def test_one_meeting_per_counterpart_of_the_subject():
    a = extract("Foreign Minister Ines Carvalho of Portugal held separate meetings with Ghanaian Foreign "
                "Minister Kwame Asante and Senegalese Foreign Minister Awa Ndiaye in Lisbon on 4 March 2025.",
                published="2025-03-05")
    assert pairs(a) >= {("meeting", frozenset({"Ines Carvalho", "Kwame Asante"})),
                        ("meeting", frozenset({"Ines Carvalho", "Awa Ndiaye"}))}


def test_a_phone_call_between_two_leaders():
    a = extract("President Lucia Ferreyra of Argentina held a phone conversation with Prime Minister "
                "Henrik Dahl of Denmark on Friday.", published="2025-03-08")
    [ev] = [e for e in a.events if e.mode == "call"]
    assert {x.name for x in ev.actors} == {"Lucia Ferreyra", "Henrik Dahl"}
    assert ev.location is None


def test_the_host_of_a_reception():
    a = extract("Kenyan President Daniel Mwangi received Finnish Foreign Minister Aino Virtanen at State "
                "House in Nairobi on Monday.", published="2025-03-05")
    [ev] = a.events
    roles = {x.name: x.role for x in ev.actors}
    assert roles == {"Daniel Mwangi": "host", "Aino Virtanen": "guest"}


def _met(article):
    return {frozenset(a.name for a in e.actors) for e in article.events
            if e.type == "CONSULT" and e.mode == "meeting" and e.status == "happened"}


import pytest  # noqa: E402


@pytest.mark.parametrize("text", [
    "Austrian Chancellor Lena Gruber was also the guest of King Harald at a lunch at the palace.",
    "Austrian Chancellor Lena Gruber was later the guest of King Harald at a dinner in Oslo.",
    "Austrian Chancellor Lena Gruber is again the guest of King Harald at the Royal Palace today.",
])
def test_a_guest_of_a_head_of_state_met_the_host_whatever_the_adverb(text):
    a = extract("OSLO (Wire) - Austrian Chancellor Lena Gruber arrived in Oslo on Monday. " + text,
                published="2026-03-04")
    assert frozenset({"Lena Gruber", "Harald"}) in _met(a)


@pytest.mark.parametrize("verb", ["spoke briefly", "spoke privately", "spoke informally", "chatted"])
def test_two_leaders_who_spoke_together_on_the_margins_met(verb):
    a = extract(f"Finnish President Aino Lehto and Chilean President Diego Parra {verb} on the margins "
                "of the climate talks in Bonn on Tuesday.", published="2026-06-10")
    assert frozenset({"Aino Lehto", "Diego Parra"}) in _met(a)


def test_two_leaders_who_spoke_to_reporters_did_not_meet_for_that():
    a = extract("Finnish President Aino Lehto and Chilean President Diego Parra spoke to reporters "
                "in their capitals on Tuesday.", published="2026-06-10")
    assert frozenset({"Aino Lehto", "Diego Parra"}) not in _met(a)


@pytest.mark.parametrize("dateline", ["Colombo, March 3 (PTI) ", "COLOMBO, March 3 (Reuters) - ", "Colombo: "])
def test_arrived_here_is_a_visit_to_the_dateline_city(dateline):
    a = extract("Ministers meet\n\n" + dateline + "Maldivian Foreign Minister Ahmed Riyaz, who arrived here on "
                "Sunday on a two-day visit, held talks with Sri Lankan Foreign Minister Nilanthi Perera on Monday.",
                published="2026-03-03")
    [visit] = [e for e in a.events if e.mode == "visit"]
    assert {x.name for x in visit.actors if x.role == "visitor"} == {"Ahmed Riyaz"}
    assert visit.location.name == "Colombo"


@pytest.mark.parametrize("appearance", ["addressed a joint press conference", "held a joint news conference",
                                        "gave a joint media briefing"])
def test_a_joint_press_appearance_is_a_meeting_of_the_two_not_a_conference(appearance):
    a = extract(f"Leaders meet\n\nACCRA - Ghanaian President Kofi Mensah and Togolese President Yawa Adjo {appearance} "
                "at the Jubilee House in Accra on Tuesday.", published="2026-09-10")
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert [(e.mode, {x.name for x in e.actors}) for e in consult] == [("meeting", {"Kofi Mensah", "Yawa Adjo"})]


def test_a_press_conference_after_talks_is_the_same_meeting():
    a = extract("Leaders meet\n\nACCRA - Ghanaian President Kofi Mensah hosted his Togolese counterpart Yawa Adjo for "
                "talks at the Jubilee House on Tuesday. The two leaders later addressed a joint press conference.",
                published="2026-09-10")
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert len(consult) == 1 and consult[0].mode == "meeting"


def test_attending_a_summit_together_stays_a_conference():
    a = extract("Summit\n\nADDIS ABABA - Ghanaian President Kofi Mensah and Togolese President Yawa Adjo attended the "
                "African Union summit in Addis Ababa on Tuesday.", published="2026-09-10")
    assert [e.mode for e in a.events if e.type == "CONSULT"] == ["conference"]


@pytest.mark.parametrize("verb", ["is slated to hold", "is scheduled to hold", "is due to hold"])
def test_a_slated_meeting_is_planned_not_held(verb):
    a = extract(f"Leaders\n\nTOKYO - On Tuesday, Japanese Prime Minister Kenji Mori {verb} his first meeting with "
                "South Korean President Han Min-seo.", published="2026-06-15")
    assert not _met(a)
    assert [e.status for e in a.events if e.type in ("CONSULT", "AGREE")] in ([], ["planned"])


_TWO_PAIRS = ("Talks\n\nLIMA (Wire) - Peruvian President Ana Quispe received Chilean President Tomas Vidal at the "
              "Government Palace on Monday.\n\nPeru's Foreign Minister Luis Rojas and Chilean Foreign Minister "
              "Carla Munoz also held talks on Monday.\n\n")


@pytest.mark.parametrize("last", [
    "Later in the day, officials said, the two presidents signed an agreement on water sharing.",
    "The two presidents signed an agreement on water sharing.",
    "Both presidents then signed an agreement on water sharing.",
])
def test_the_two_presidents_are_the_presidents_not_the_last_pair_told(last):
    a = extract(_TWO_PAIRS + last, published="2026-03-03")
    signed = [{x.name for x in e.actors} for e in a.events if e.mode == "signing"]
    assert signed == [{"Ana Quispe", "Tomas Vidal"}]


def test_the_two_ministers_are_still_the_last_pair_told():
    a = extract(_TWO_PAIRS + "The two ministers signed a memorandum on consular matters.", published="2026-03-03")
    signed = [{x.name for x in e.actors} for e in a.events if e.mode == "signing"]
    assert signed == [{"Luis Rojas", "Carla Munoz"}]


@pytest.mark.parametrize("talk", ["spoke by phone", "talked by telephone", "spoke over the phone", "spoke by video link"])
def test_two_leaders_who_spoke_by_phone_held_a_call(talk):
    a = extract("Leaders\n\nOTTAWA - Canadian Prime Minister Anne Roy and Mexican President Luis Serrano will meet "
                f"next month. The announcement came two days after the two leaders {talk} on Sunday.",
                published="2026-03-04")
    calls = [{x.name for x in e.actors} for e in a.events if e.mode == "call" and e.status == "happened"]
    assert calls == [{"Anne Roy", "Luis Serrano"}]


def test_one_leader_who_spoke_by_phone_called_no_one_named():
    a = extract("Leaders\n\nOTTAWA - Canadian Prime Minister Anne Roy spoke by phone on Sunday, her office said.",
                published="2026-03-04")
    assert not [e for e in a.events if e.mode == "call"]


@pytest.mark.parametrize("members", ["the two NATO neighbours", "fellow EU members", "the two ASEAN partners"])
def test_an_organisation_naming_its_member_states_is_not_met(members):
    a = extract(f"Talks\n\nATHENS - Greek Prime Minister Eleni Kara met Bulgarian Prime Minister Petar Ivanov in "
                f"Athens on Monday, the latest step in a rapprochement between {members}.", published="2026-05-12")
    consult = [{x.name for x in e.actors} for e in a.events if e.type == "CONSULT"]
    assert consult == [{"Eleni Kara", "Petar Ivanov"}]


@pytest.mark.parametrize("body", ["The council", "The joint commission", "The committee"])
def test_a_body_that_met_before_borrows_no_one_from_the_sentences_before(body):
    a = extract("Talks\n\nATHENS - Foreign ministers Nikos Dendias and Ivan Petrov held talks in Athens on Monday to "
                f"prepare the next session of the cooperation council. {body} last met in Sofia in December, when "
                "Bulgarian President Rumen Radev opened it.",
                published="2026-05-12")
    consult = [{x.name for x in e.actors} for e in a.events if e.type == "CONSULT"]
    assert consult == [{"Nikos Dendias", "Ivan Petrov"}]


@pytest.mark.parametrize("lead_visit", ["who is on a state visit to Kenya", "who is in Kenya on a working visit"])
def test_a_visit_told_in_the_lead_and_by_its_arrival_is_one_trip(lead_visit):
    a = extract(f"Talks\n\nNAIROBI - Kenyan President Amina Odhiambo held talks with Chilean President Rafael Soto, "
                f"{lead_visit}, at State House on Tuesday. Soto arrived in Nairobi on Sunday for a four-day visit.",
                published="2026-06-10")
    visits = [e for e in a.events if e.mode == "visit"]
    assert len(visits) == 1
    assert visits[0].date == "2026-06-07/2026-06-10"


def test_talks_with_one_and_with_another_are_two_meetings():
    a = extract("Talks\n\nOTTAWA - Japanese Prime Minister Kenji Mori held separate talks on Monday with British Prime "
                "Minister Alan Reed, with whom he agreed to deepen defence ties, and with Canadian Prime Minister Anne "
                "Roy, the summit host, with whom he discussed energy.", published="2026-06-17")
    assert _met(a) == {frozenset({"Kenji Mori", "Alan Reed"}), frozenset({"Kenji Mori", "Anne Roy"})}


@pytest.mark.parametrize("noun", ["the summit host", "the meeting chair", "the talks convener"])
def test_an_engagement_noun_describing_a_person_is_no_engagement(noun):
    a = extract(f"Talks\n\nOTTAWA - Japanese Prime Minister Kenji Mori met British Prime Minister Alan Reed on Monday, "
                f"and thanked Canadian Prime Minister Anne Roy, {noun}, for her hospitality.", published="2026-06-17")
    assert frozenset({"Alan Reed", "Anne Roy"}) not in _met(a)


@pytest.mark.parametrize("anaphor, city, host", [("the Kingdom", "Riyadh", "Saudi Arabia"),
                                                 ("the Republic", "Accra", "Ghana"),
                                                 ("the Emirate", "Doha", "Qatar")])
def test_a_visit_to_the_state_named_by_a_capitalised_anaphor(anaphor, city, host):
    a = extract(f"Talks\n\n{city.upper()} - Foreign Minister Kwame Boateng met in {city} today with Foreign Minister "
                f"Ana Lopes of Portugal, who is on an official visit to {anaphor}.", published="2026-03-04")
    visits = [(e.location.name, {x.name for x in e.actors}) for e in a.events if e.mode == "visit"]
    assert visits == [(city, {"Ana Lopes", host})]


@pytest.mark.parametrize("phrase", ["back into the ECOWAS fold", "within the EU framework", "the ASEAN chairmanship"])
def test_an_organisation_used_as_a_modifier_is_not_met(phrase):
    a = extract(f"Talks\n\nABUJA - President Musa Bello on Thursday received his Ghanaian counterpart, Kofi Mensah, as "
                f"both leaders pledged to bring Mali {phrase}.", published="2026-02-13")
    consult = [{x.name for x in e.actors} for e in a.events if e.type == "CONSULT"]
    assert consult == [{"Musa Bello", "Kofi Mensah"}]


def test_the_bare_title_is_the_one_the_outlet_gives_bare_when_two_hold_it():
    a = extract("PM Mehta, Mauritius PM Ramdas hold talks\n\nPort Louis, Mar 12 (PTI) Prime Minister Arjun Mehta and "
                "his Mauritian counterpart Navin Ramdas "
                "on Wednesday held wide-ranging talks.\n\nRamdas said Mauritius valued India's support.\n\n"
                "On Tuesday evening, the Prime Minister called on President Dev Gopaul at State House.",
                published="2026-03-12")
    assert frozenset({"Arjun Mehta", "Dev Gopaul"}) in _met(a)
    assert frozenset({"Navin Ramdas", "Dev Gopaul"}) not in _met(a)


@pytest.mark.parametrize("head", ["the head of Colombian diplomacy", "the chief of Colombian diplomacy"])
def test_the_head_of_a_states_diplomacy_is_its_foreign_minister(head):
    a = extract("Cancilleria | Ministry of Foreign Affairs\nBogota, April 23, 2026\n\nCommission meets\n\nThe Minister "
                "of Foreign Affairs, Laura Sarabia Torres, and the Minister of Foreign Affairs of Ecuador, Gabriela "
                "Sommerfeld Rosero, co-chaired on Tuesday the Eleventh Meeting of the Binational Commission.\n\n"
                f"Before the session, {head} held a bilateral meeting with the Minister of National Defence of "
                "Ecuador, Gian Carlo Loffredo.", published="2026-04-23")
    assert frozenset({"Laura Sarabia Torres", "Gian Carlo Loffredo"}) in _met(a)


def test_ministers_who_sign_for_their_governments_are_not_also_a_meeting():
    a = extract("Visit\n\nNAIROBI - Kenyan President Amina Odhiambo held talks with Ugandan President Moses Okello at "
                "State House on Monday. Foreign Minister Paul Kimani and Uganda's Minister of Foreign Affairs Grace "
                "Atim signed on behalf of their governments.", published="2026-11-18")
    assert frozenset({"Paul Kimani", "Grace Atim"}) not in _met(a)
    assert any(e.mode == "signing" for e in a.events)


def test_leaders_who_sign_together_met():
    a = extract("Summit\n\nCAIRO - Egyptian President Omar Fathy and European Commission President Anna Keller signed a "
                "joint declaration on the partnership on Sunday.", published="2026-03-18")
    assert frozenset({"Omar Fathy", "Anna Keller"}) in _met(a)


def test_the_title_told_before_and_a_minister_held_talks():
    a = extract("Signing\n\nBRUSSELS - Today the High Representative of the Union for Foreign Affairs, Maria Lind, and "
                "the Minister of Foreign Affairs of Uzbekistan, Bakhtiyor Rahimov, signed the agreement.\n\nFollowing "
                "the signing, the High Representative and Minister Rahimov held talks on regional security.",
                published="2026-10-21")
    assert frozenset({"Maria Lind", "Bakhtiyor Rahimov"}) in _met(a)
    assert "High Representative" not in person(a, "Bakhtiyor Rahimov").titles


def person(article, name):
    return next(p for p in article.persons if p.name == name)


def test_the_visiting_minister_is_the_guest_told_before():
    a = extract("Talks\n\nWARSAW - Foreign Minister Piotr Nowak received his Ukrainian counterpart Andrii Koval in Warsaw "
                "on Tuesday. The visiting minister arrived in the Polish capital on Monday evening.",
                published="2026-03-19")
    visits = [{x.name for x in e.actors} for e in a.events if e.mode == "visit"]
    assert visits == [{"Andrii Koval", "Poland"}]


@pytest.mark.parametrize("abbrev, title", [("EAM", "External Affairs Minister"), ("PM", "Prime Minister")])
def test_a_title_abbreviation_alone_stands_for_its_holder(abbrev, title):
    a = extract(f"Visit\n\nCOLOMBO (PTI) - {title} Arjun Mehta held talks with Sri Lankan Foreign Minister Nimal Perera on "
                f"Thursday.\n\n{abbrev} arrived in Colombo on 14 August on a two-day official visit.", published="2026-08-16")
    visits = [({x.name for x in e.actors}, e.date) for e in a.events if e.mode == "visit"]
    assert visits == [({"Arjun Mehta", "Sri Lanka"}, "2026-08-14/2026-08-15")]


def test_arriving_at_an_airport_is_a_visit_to_the_dateline_city():
    a = extract("Visit\n\nNAIROBI, Nov 17 (Nation) - Kenyan President Amina Odhiambo held talks with Ugandan President "
                "Moses Okello at State House on Monday.\n\nPresident Okello, who arrived at Jomo Kenyatta International "
                "Airport on Sunday evening for a three-day state visit, was received by Foreign Minister Paul Kimani.",
                published="2026-11-17")
    visits = [(e.location.name, {x.name for x in e.actors}) for e in a.events if e.mode == "visit"]
    assert visits == [("Nairobi", {"Moses Okello", "Kenya"})]


def test_the_premier_in_lower_case_is_read_in_context_not_as_the_one_premier_titled_so():
    a = extract("Visit\n\nTIANJIN: Prime Minister Omar Rafiq held talks with Chinese President Xi Jinping on Monday.\n\n"
                "The premier had arrived in Tianjin on Saturday on a six-day visit to China.\n\nHe will travel to Beijing "
                "on Wednesday to hold talks with Premier Li Qiang.", published="2026-09-02")
    visits = [{x.name for x in e.actors} for e in a.events if e.mode == "visit" and e.status == "happened"]
    assert visits == [{"Omar Rafiq", "China"}]


def test_talks_joined_to_a_planned_trip_are_planned_too():
    a = extract("Visit\n\nTIANJIN: Prime Minister Omar Rafiq held talks with Chinese President Xi Jinping on Monday.\n\n"
                "A spokesperson said the prime minister would travel to Beijing on Wednesday to attend a commemoration "
                "and hold talks with Premier Li Qiang.", published="2026-09-02")
    assert frozenset({"Omar Rafiq", "Li Qiang"}) not in _met(a)


def test_the_premier_is_not_the_deputy_prime_minister():
    a = extract("Talks\n\nISLAMABAD - Prime Minister Omar Rafiq met Turkish President Ali Demir on Sunday. Deputy Prime "
                "Minister Tariq Khan was also present.\n\nOn Monday the premier received Qatari Prime Minister Hamad "
                "Al Kuwari.", published="2026-09-02")
    assert frozenset({"Omar Rafiq", "Hamad Al Kuwari"}) in _met(a)
    assert frozenset({"Tariq Khan", "Hamad Al Kuwari"}) not in _met(a)


def test_a_live_blogs_undated_entries_are_of_its_page_day():
    page = ("EUROPE LIVE\nSummit live: leaders meet in Oslo\nUpdated 2 October 2026, 15.42 CEST\n\n"
            "15.42 CEST\nLeaders sign a drone deal\nNorwegian prime minister Ola Berg and Ukrainian president Ivan "
            "Koval have signed a letter of intent on drones at the end of their meeting in Oslo.\nShare\n\n"
            "14.10 CEST\nNetherlands pledges more aid\nDutch prime minister Jan Smit said he had told Koval of the "
            "aid during a brief meeting in Oslo.\nShare\n")
    a = extract(page)
    assert {e.date for e in a.events if e.type in ("CONSULT", "AGREE") and e.status == "happened"} == {"2026-10-02"}


@pytest.mark.parametrize("sender", ["the Custodian of the Two Holy Mosques King Salman bin Abdulaziz",
                                    "King Salman bin Abdulaziz", "President Karim Haddad"])
def test_the_sender_of_a_message_is_not_met(sender):
    a = extract("Talks\n\nKUWAIT, Jan 9 (KUNA) -- His Highness the Amir Sheikh Mishal Al-Sabah received at Bayan Palace "
                "on Wednesday Saudi Minister of Foreign Affairs Prince Faisal bin Farhan, who conveyed a written message "
                f"from {sender} on bilateral relations.", published="2026-01-09")
    met = _met(a)
    assert met == {frozenset({"Mishal Al-Sabah", "Faisal bin Farhan"})}
