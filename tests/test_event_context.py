"""Where and when an event happened when its own sentence does not say: an opening dateline,
a venue after "at the", sentences that recall another occasion, lead dates that date something
else. Short articles written for these tests, in several wordings."""
import pytest

from communique import extract
from communique.follow_ups import lead_date, visit_span


def meetings(text, **kw):
    return [e for e in extract(text, **kw).events if e.type == "CONSULT" and e.mode == "meeting"]


@pytest.mark.parametrize("text, city", [
    ("ANKARA: NATO Secretary General Mark Rutte urged Turkey on Monday to lift its veto. Speaking to "
     "reporters after a meeting with President Recep Tayyip Erdogan, Rutte said the talks were productive.",
     "Ankara"),
    ("NAIROBI: Kenyan President William Ruto held talks with Tanzanian President Samia Suluhu Hassan. "
     "The two leaders discussed trade and security.", "Nairobi"),
    ("Hanoi: Prime Minister Pham Minh Chinh received Australian Foreign Minister Penny Wong on Tuesday. "
     "They discussed cooperation in education.", "Hanoi"),
])
def test_an_opening_city_colon_dateline_places_a_meeting_told_without_a_place(text, city):
    [m] = meetings(text)
    assert m.location is not None and m.location.name == city


@pytest.mark.parametrize("text, city", [
    ("Argentine President Javier Milei was received by Italian Prime Minister Giorgia Meloni at the "
     "Quirinal Palace. The two discussed energy.", "Rome"),
    ("French President Emmanuel Macron was welcomed by German Chancellor Friedrich Merz at the Bellevue "
     "Palace, where they discussed defence.", "Berlin"),
    ("Chinese President Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva at the "
     "Great Hall of the People.", "Beijing"),
])
def test_a_venue_after_at_the_places_the_meeting_in_its_city(text, city):
    [m] = meetings(text)
    assert m.location is not None and m.location.name == city


@pytest.mark.parametrize("recall", [
    "It is to be recalled that Museveni had taken part in the inauguration ceremony of Ruto in Nairobi last year.",
    "Museveni had attended the swearing-in ceremony of Ruto in Nairobi last year.",
    "It should be recalled that the two leaders had met at a summit in Nairobi in 2022.",
])
def test_a_sentence_recalling_an_earlier_occasion_gives_no_place(recall):
    text = ("Kenyan President William Ruto met with Ugandan President Yoweri Museveni on Thursday. "
            f"This is Ruto's first visit to Uganda since his election. {recall}")
    [m] = meetings(text, published="2023-03-10")
    assert m.location is not None and m.location.country == "UGA"


@pytest.mark.parametrize("other", [
    "The conflict began when rebels attacked the border town on March 3.",
    "On March 3, Prabowo told a television channel that he was hopeful.",
    "The crisis was triggered by floods on 3 March that displaced thousands.",
])
def test_a_lead_date_of_something_else_does_not_date_the_meeting(other):
    text = ("Indonesian President Prabowo Subianto held talks with Malaysian Prime Minister Anwar Ibrahim. "
            f"{other} Both leaders called for calm.")
    [m] = meetings(text)
    assert m.date is None


def test_an_untold_lead_sentence_dates_only_near_the_page_date():
    texts = ["The two ministers met in Hanoi.", "The talks, held on 7 March 2024, covered trade."]
    assert lead_date(texts, told=[True, False]) is None  # no page date to hold it against
    assert lead_date(texts, published="2024-03-08", told=[True, False]) == "2024-03-07"
    assert lead_date(texts, published="2024-05-08", told=[True, False]) is None  # two months before
    assert lead_date(texts, told=[True, True]) == "2024-03-07"  # a told sentence: any date
    assert lead_date(texts) == "2024-03-07"  # no flags: every sentence tells


@pytest.mark.parametrize("text, pair", [
    ("In the telephone call on Friday, German Chancellor Olaf Scholz urged Russian President Vladimir Putin "
     "to end his war. The conversation lasted for about an hour.", {"Olaf Scholz", "Vladimir Putin"}),
    ("During a phone call on Monday, French President Emmanuel Macron urged Iranian President Masoud "
     "Pezeshkian to release the detainees.", {"Emmanuel Macron", "Masoud Pezeshkian"}),
    ("In a video call, Japanese Prime Minister Shigeru Ishiba told Philippine President Ferdinand Marcos Jr. "
     "that Tokyo would send patrol boats.", {"Shigeru Ishiba", "Ferdinand Marcos Jr."}),
])
def test_a_call_named_in_an_opening_phrase_is_a_call_of_the_clause_after_it(text, pair):
    calls = [e for e in extract(text, published="2024-11-16").events if e.type == "CONSULT" and e.mode == "call"]
    assert [{a.name for a in e.actors} for e in calls] == [pair]
    assert calls[0].status == "happened"


@pytest.mark.parametrize("text, states", [
    ("The Ministry of Investment witnessed the signing of a landmark agreement between the Government of "
     "Egypt and the Government of the UAE.", {"EGY", "ARE"}),
    ("The signing of a trade agreement between Vietnam and Chile took place in Santiago on Monday.",
     {"VNM", "CHL"}),
    ("Officials attended the signing of a memorandum between Kenya and Ethiopia on power lines.", {"KEN", "ETH"}),
])
def test_a_signing_of_a_document_between_two_states_has_the_states_as_actors(text, states):
    signings = [e for e in extract(text, published="2024-02-23").events if e.type == "AGREE" and e.mode == "signing"]
    assert [{a.country for a in e.actors} for e in signings] == [states]


@pytest.mark.parametrize("text, states", [
    ("Canada is the first country to sign a free trade agreement with Peru this year.", {"CAN", "PER"}),
    ("Norway became the first state to sign a fisheries accord with Iceland, officials said.", {"NOR", "ISL"}),
    ("Ghana is the latest country to sign a defence agreement with Togo.", {"GHA", "TGO"}),
])
def test_the_first_state_to_sign_an_agreement_with_another_signs_it(text, states):
    """ "X is the first country to sign ... with Y": X signs (not the noun "country"), with Y,
    whom the parse hangs on the document."""
    signings = [e for e in extract(text, published="2024-02-23").events if e.type == "AGREE" and e.mode == "signing"]
    assert [{a.country for a in e.actors} for e in signings] == [states]


def test_a_signing_of_the_two_states_of_a_trip_takes_the_trips_place():
    text = ("Prime Minister Jane Holt of Canada arrived in Lima on Monday for a two-day visit.\n\n"
            "Canada is the first country to sign a free trade agreement with Peru, after Andean states agreed at "
            "last year's summit to open talks with the region.")
    art = extract(text, published="2024-02-23")
    [signing] = [e for e in art.events if e.type == "AGREE" and e.mode == "signing"]
    assert signing.location is not None and signing.location.name == "Lima"
    [visit] = [e for e in art.events if e.mode == "visit"]
    assert signing.date == visit.date == "2024-02-19/2024-02-20"  # the trip's, not "last year's summit" after it


@pytest.mark.parametrize("text", [
    "US Secretary of State Antony Blinken met Philippine President Ferdinand Marcos Jr. on Tuesday and "
    "reaffirmed the commitment to upholding international law in the South China Sea.",
    "Australian Prime Minister Anthony Albanese met Indonesian President Prabowo Subianto in Jakarta to discuss "
    "fishing in the Arafura Sea.",
])
def test_a_sea_after_in_the_is_no_venue(text):
    [m] = meetings(text)
    assert m.location is None or "Sea" not in (m.location.name or "")


@pytest.mark.parametrize("sentence, day, span", [
    ("The delegation left Busan for Hanoi on August 13, concluding their 4-day state visit to the country.",
     "2025-08-13", "2025-08-10/2025-08-13"),
    ("The president arrived in Nairobi on Monday for a three-day state visit.", "2024-03-04",
     "2024-03-04/2024-03-06"),
    ("He wrapped up a two-day official visit to Laos on Friday.", "2024-03-08", "2024-03-07/2024-03-08"),
    ("The minister met his counterpart on Friday during a visit to Laos.", "2024-03-08", None),
])
def test_a_visit_dated_by_its_last_or_first_day_spans_its_stated_days(sentence, day, span):
    assert visit_span(sentence, day) == span


def test_a_visit_concluded_on_a_day_is_dated_by_its_span_and_so_are_its_talks():
    text = ("Indonesian President Prabowo Subianto left Tokyo on 12 March, concluding his three-day state visit "
            "to Japan. During the visit, Prabowo held talks with Prime Minister Shigeru Ishiba.")
    a = extract(text, published="2025-03-13")
    [visit] = [e for e in a.events if e.mode == "visit"]
    assert visit.date == "2025-03-10/2025-03-12"
    assert all(e.date == "2025-03-10/2025-03-12" for e in a.events if e.mode == "meeting")


@pytest.mark.parametrize("follow_up", [
    "During the call, the two presidents agreed to deepen cooperation in fisheries.",
    "Both leaders agreed to expand trade in farm goods.",
    "The two heads of state agreed to cooperate on maritime security.",
])
def test_the_two_leaders_of_a_later_sentence_are_the_persons_who_met(follow_up):
    a = extract("Leaders talk\n\nSenegalese President Amara Diallo on Friday held a telephone call with "
                "Chilean President Tomas Ibarra. " + follow_up)
    [agree] = [e for e in a.events if e.type == "AGREE"]
    assert {x.name for x in agree.actors} == {"Amara Diallo", "Tomas Ibarra"}
    assert {x.code for x in agree.actors} == {"SENGOV", "CHLGOV"}


def test_two_officials_not_yet_named_are_not_the_persons_who_met():
    a = extract("Leaders talk\n\nSenegalese President Amara Diallo on Friday held a telephone call with "
                "Chilean President Tomas Ibarra. Two officials accused the opposition of stalling the talks.")
    assert not any({x.name for x in e.actors} >= {"Amara Diallo", "Tomas Ibarra"}
                   for e in a.events if e.type != "CONSULT")


def test_the_leaders_of_a_later_sentence_are_the_persons_who_met_but_not_the_leaders_of_a_body():
    call = ("Leaders talk\n\nSenegalese President Amara Diallo on Friday held a telephone call with "
            "Chilean President Tomas Ibarra. ")
    a = extract(call + "The leaders agreed to expand trade in farm goods.")
    [agree] = [e for e in a.events if e.type == "AGREE"]
    assert {x.name for x in agree.actors} == {"Amara Diallo", "Tomas Ibarra"}
    b = extract(call + "The leaders of the opposition accused the government of stalling.")
    assert not any({x.name for x in e.actors} >= {"Amara Diallo", "Tomas Ibarra"}
                   for e in b.events if e.type != "CONSULT")


@pytest.mark.parametrize("meeting, follow_up", [
    ("Foreign Minister Ines Vargas of Peru held talks with Japanese Foreign Minister Kenji Mori in Lima on Monday. ",
     "The ministers agreed to expand cooperation in fisheries."),
    ("Governor Alan Pryce of Ontario met Governor Ruth Wanjiku of Nakuru in Nairobi on Tuesday. ",
     "The governors condemned the attack on the border post."),
    ("Ambassador Lena Kowalski of Poland met Ambassador Tariq Aziz Mirza of Pakistan at the embassy. ",
     "The ambassadors pledged to expand cooperation in education."),
])
def test_the_ministers_of_a_later_sentence_are_the_ministers_who_met(meeting, follow_up):
    a = extract("Talks\n\n" + meeting + follow_up)
    [met] = [e for e in a.events if e.type == "CONSULT" and e.mode == "meeting"]
    later = [e for e in a.events if e.type != "CONSULT"]
    assert later
    for e in later:
        assert {x.name for x in e.actors} == {x.name for x in met.actors}
        assert all(x.kind == "person" for x in e.actors)


def test_the_ministers_of_a_later_sentence_are_not_presidents_who_met():
    a = extract("Talks\n\nSenegalese President Amara Diallo held talks with Chilean President Tomas Ibarra in Dakar. "
                "The ministers condemned the attack on the border post.")
    assert not any({x.name for x in e.actors} >= {"Amara Diallo", "Tomas Ibarra"}
                   for e in a.events if e.type != "CONSULT")


def test_joint_projects_discussed_are_a_topic_not_cooperation():
    a = extract("Talks\n\nForeign Minister Ines Vargas of Peru held talks with Japanese Foreign Minister Kenji Mori "
                "in Lima. The ministers discussed fisheries, transit of goods through the ports of Callao and Paita, "
                "and joint projects in renewable energy.")
    assert [e.type for e in a.events] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "President Amara Diallo welcomed the work of the two trade ministers, Ines Vargas and Kenji Mori, who met in Lima.",
    "Prime Minister Hanna Virtanen welcomed the efforts of Foreign Minister Rui Alves to end the dispute.",
])
def test_welcoming_someone_s_work_is_no_meeting_with_them(text):
    a = extract("Statement\n\n" + text)
    hosted = [e for e in a.events if e.type == "CONSULT" and any(x.role == "guest" for x in e.actors)]
    assert hosted == []


def test_no_coded_event_has_one_person_on_both_sides():
    a = extract("Talks\n\nPresident Joe Biden met Prime Minister Ana Lima of Brazil. Asked why Biden would not "
                "send troops, the president said that the deployment would raise questions.")
    for e in a.events:
        sources = {x.name for x in e.actors if x.role == "source"}
        assert not sources & {x.name for x in e.actors if x.role == "target"}


@pytest.mark.parametrize("recalled", [
    "Orban last visited Turkey in 2023.",
    "The two leaders previously met in Rome in 2022.",
])
def test_an_earlier_occasion_told_as_such_is_background_and_dates_nothing_else(recalled):
    a = extract("Talks in Ankara\n\nANKARA\n\nTurkish President Recep Tayyip Erdogan on Tuesday received Hungarian "
                "Prime Minister Viktor Orban at the Presidential Complex in Ankara. " + recalled)
    [talks] = [e for e in a.events if e.mode == "meeting" and not e.background]
    assert talks.date is None
    assert all(e.background for e in a.events if e.date and e.date.startswith("202"))


@pytest.mark.parametrize("later", [
    "He will travel to Egypt on Tuesday.",
    '"We discussed the urgent need to get more assistance to civilians," Blinken told reporters.',
])
def test_an_intent_of_no_one_or_a_deed_of_no_party_is_no_event(later):
    a = extract("Talks\n\nU.S. Secretary of State Antony Blinken met Israeli President Isaac Herzog in Jerusalem. "
                + later)
    assert [e.type for e in a.events] == ["CONSULT"]


@pytest.mark.parametrize("follow_up", [
    "The two ministers also joined U.S. Secretary of State Laura Bennet for a trilateral meeting earlier in the day.",
    "Both ministers later joined British Foreign Secretary Tom Hale for talks on the war.",
])
def test_the_two_who_met_joining_a_third_for_a_meeting_meet_all_three(follow_up):
    text = ("Polish Foreign Minister Anna Kowal met her Czech counterpart Petr Dvorak in Vienna on 3 March 2025. "
            + follow_up)
    people = [sorted(a.name for a in m.actors) for m in meetings(text, published="2025-03-03")]
    third = "Laura Bennet" if "Bennet" in follow_up else "Tom Hale"
    assert sorted(["Anna Kowal", "Petr Dvorak", third]) in people


@pytest.mark.parametrize("text, day", [
    ("Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala on 4 June 2025. "
     "Earlier in the day, Ruto held talks with Rwandan President Paul Kagame, their first meeting since the "
     "summit in January.", "2025-06-04"),
    ("Indian Prime Minister Rajiv Mehta met Nepalese Prime Minister Bishnu Pokharel on 12 May 2025. "
     "Later that day, Mehta also met Bhutanese Prime Minister Karma Dorji, their first talks since the floods in March.",
     "2025-05-12"),
])
def test_earlier_or_later_in_the_day_dates_from_the_event_before_not_a_since_phrase(text, day):
    dated = {frozenset(a.name for a in m.actors): m.date for m in meetings(text, published="2025-06-05")}
    second = next(k for k in dated if any(n in k for n in ("Paul Kagame", "Karma Dorji")))
    assert dated[second] == day


@pytest.mark.parametrize("text", [
    "At the invitation of Kenyan President William Ruto, Ghanaian President John Mensah is on a state visit to "
    "Kenya from 4 to 6 June 2025. President Mensah was given a ceremonial welcome at State House on 5 June, "
    "followed by talks between the two leaders.",
    "Ghanaian President John Mensah began a state visit to Kenya on 4 June 2025 at the invitation of Kenyan "
    "President William Ruto. On 5 June the two presidents held talks at State House in Nairobi.",
])
def test_the_two_leaders_of_a_visit_hold_talks_of_their_own(text):
    pairs = [sorted(a.name for a in m.actors) for m in meetings(text, published="2025-06-06")]
    assert ["John Mensah", "William Ruto"] in pairs


@pytest.mark.parametrize("follow_up", [
    "On Monday, Gedion held talks with Chinese Vice Premier Liu Wen in Beijing.",
    "Gedion later held talks with Vice Premier Liu Wen of China.",
])
def test_an_ethiopian_official_named_by_the_given_name_is_the_one_who_meets(follow_up):
    text = "Ethiopian Foreign Minister Gedion Timothewos is on an official visit to China. " + follow_up
    pairs = [sorted(a.name for a in m.actors) for m in meetings(text, published="2025-04-08")]
    assert ["Gedion Timothewos", "Liu Wen"] in pairs


@pytest.mark.parametrize("follow_up", [
    "After the talks, the two witnessed the signing of several cooperation documents.",
    "After the talks, both witnessed the signing of an agreement on trade.",
])
def test_the_two_who_met_are_the_two_of_a_later_signing(follow_up):
    text = ("Kenyan President William Ruto held talks with Ghanaian President John Mensah in Nairobi on 5 June 2025. "
            + follow_up)
    signings = [e for e in extract(text, published="2025-06-05").events if e.type == "AGREE"]
    assert any({a.country for a in e.actors} == {"KEN", "GHA"} for e in signings)


@pytest.mark.parametrize("text, met", [
    ("In Hanoi, President Anna Kowal held talks with President Luong Minh, and she also met with Prime Minister "
     "Tran Van Hai and Chairman Le Quang.", ["Le Quang", "Tran Van Hai"]),
    ("In Accra, Kenyan President William Ruto held talks with Ghanaian President John Mensah, and he later met "
     "Vice President Ama Owusu.", ["Ama Owusu"]),
])
def test_a_pronoun_subject_of_a_joined_clause_is_the_first_clause_s_subject(text, met):
    pairs = [sorted(a.name for a in m.actors) for m in meetings(text, published="2025-05-12")]
    guest = "Anna Kowal" if "Kowal" in text else "William Ruto"
    for other in met:
        assert sorted([guest, other]) in pairs


@pytest.mark.parametrize("text", [
    "On the occasion of the state visit to Vietnam by Polish President Anna Kowal, Polish Ambassador Jan Nowak "
    "gave an interview to the press on the results of the trip. Ambassador, could you tell us about the results "
    "of President Kowal's state visit to Vietnam from May 11 to 12?",
    "Polish Ambassador Jan Nowak spoke to reporters about the outcome of the trip. Could you tell us about "
    "President Anna Kowal's visit to Vietnam from May 11 to 12?",
])
def test_who_speaks_of_a_visit_is_not_its_visitor_and_a_question_about_it_is_no_plan(text):
    visits = [e for e in extract(text, published="2025-05-19").events if e.mode == "visit"]
    assert [sorted(a.name for a in v.actors) for v in visits] == [["Anna Kowal", "Vietnam"]]
    assert visits[0].date == "2025-05-11/2025-05-12"


@pytest.mark.parametrize("follow_up", [
    "After the talks, the two sides signed 12 cooperation documents.",
    "The two sides also signed the agreed minutes of the meeting.",
])
def test_the_two_sides_that_sign_are_the_states(follow_up):
    text = ("Kenyan President William Ruto held talks with Ghanaian President John Mensah in Nairobi on 5 June 2025. "
            + follow_up)
    signings = [e for e in extract(text, published="2025-06-05").events if e.type == "AGREE"]
    assert any(sorted(a.name for a in e.actors) == ["Ghana", "Kenya"] and all(a.kind == "country" for a in e.actors)
               for e in signings)


@pytest.mark.parametrize("text, states", [
    ("The fourth meeting of the Kenya-Tanzania Joint Commission on Cooperation was held in Arusha on 3-4 March 2025. "
     "The two sides reviewed progress on the border road.", {"KEN", "TZA"}),
    ("The ninth session of the Sri Lanka–Maldives Joint Working Group on fisheries took place in Male on 12 May 2025.",
     {"LKA", "MDV"}),
])
def test_a_session_of_a_bilateral_body_named_for_two_states_is_their_dialogue(text, states):
    events = [e for e in extract(text, published="2025-06-01").events if e.type == "CONSULT"]
    assert any({a.country for a in e.actors} == states and all(a.kind == "country" for a in e.actors) for e in events)


@pytest.mark.parametrize("follow_up", [
    "The two sides also signed the agreed minutes of the meeting.",
    "At the end of the session both sides signed the minutes.",
])
def test_signing_the_minutes_of_a_session_is_a_signing_of_the_two_states(follow_up):
    text = ("The fourth meeting of the Kenya-Tanzania Joint Commission was held in Arusha on 3-4 March 2025. "
            + follow_up)
    signings = [e for e in extract(text, published="2025-03-05").events if e.type == "AGREE"]
    assert any({a.country for a in e.actors} == {"KEN", "TZA"} for e in signings)


@pytest.mark.parametrize("text, country", [
    ("KATHMANDU, Jun 17 (PTI): Foreign Secretary Vikram Rao held talks with Nepali Foreign Secretary Amrit Rai. "
     "Rao, who arrived here on Monday on a two-day visit, also met Prime Minister K P Oli.", "NPL"),
    ("NAIROBI, March 3 (Reuters) - Ghanaian President John Mensah, who arrived here on Sunday, held talks with "
     "Kenyan President William Ruto.", "KEN"),
])
def test_arriving_here_is_a_visit_to_the_dateline_s_city(text, country):
    visits = [e for e in extract(text, published="2025-06-17").events if e.mode == "visit"]
    assert any(a.kind == "country" and a.country == country for v in visits for a in v.actors)


@pytest.mark.parametrize("text, country", [
    ("Ghanaian President John Mensah, who arrived in the Ethiopian capital on Friday, addressed the summit.", "ETH"),
    ("Polish Prime Minister Anna Kowal arrived in the Malaysian capital city on Monday for talks.", "MYS"),
])
def test_arriving_in_a_demonym_capital_is_a_visit_to_that_state(text, country):
    visits = [e for e in extract(text, published="2025-02-16").events if e.mode == "visit"]
    assert any(a.kind == "country" and a.country == country for v in visits for a in v.actors)


def test_an_arrival_day_does_not_date_the_meetings_of_the_stay():
    text = ("Addis Ababa - Ghanaian President John Mensah on Saturday joined other leaders for the opening of the "
            "summit.\n\nThe President, who arrived in the Ethiopian capital on Friday, addressed the Assembly.\n\n"
            "On the sidelines of the summit, President Mensah held talks with Ethiopian Prime Minister Abiy Ahmed.")
    [m] = meetings(text, published="2025-02-16")
    assert m.date == "2025-02-15"


@pytest.mark.parametrize("text", [
    "President Ruto met President Mensah in Nairobi. They discussed direct flights between Accra and Nairobi.",
    "At his meeting with President Mensah, President Ruto discussed a rail link between Mombasa and Kampala.",
])
def test_places_a_route_joins_are_no_venue(text):
    venues = {m.location.name for m in meetings(text, published="2025-02-16") if m.location}
    assert not venues & {"Accra", "Kampala", "Mombasa"}


@pytest.mark.parametrize("host_sentence", [
    "The President of India, Asha Rao, hosted a banquet in his honour in the evening.",
    "In the evening, Indian President Asha Rao hosted a state dinner in his honour.",
])
def test_a_banquet_in_his_honour_is_given_for_the_foreign_guest(host_sentence):
    text = ("Philippine President Jose Reyes arrived in New Delhi on 4 August 2025 for a state visit at the invitation "
            "of Indian Prime Minister Vikram Shah. Reyes held talks with Shah on 5 August. " + host_sentence)
    pairs = [sorted(a.name for a in m.actors) for m in meetings(text, published="2025-08-06")]
    assert ["Asha Rao", "Jose Reyes"] in pairs


def test_on_a_tour_a_meeting_with_a_hosts_official_takes_that_stop():
    text = ("Foreign Minister Ingrid Dahl of Norway is touring the region.\n\n"
            "After quick visits to Greece, Turkey and Qatar, Dahl will continue her tour next week.\n\n"
            "At the press conference, Qatari Prime Minister Khalid Al Thani held talks with Dahl on the crisis.")
    art = extract(text, published="2024-01-08")
    [meeting] = [e for e in art.events if e.mode == "meeting"]
    assert meeting.location is not None and meeting.location.country == "QAT"


def test_each_stop_of_a_tour_takes_the_city_of_the_visitors_meeting_there():
    text = ("Foreign Minister Ingrid Dahl of Norway is on a tour of the region where she visited Greece, Jordan "
            "and Qatar.\n\n"
            "During her meeting with Jordanian Foreign Minister Omar Haddad in Amman, Dahl stressed the need "
            "for a ceasefire.")
    art = extract(text, published="2024-01-08")
    stops = {a.country: e.location.name for e in art.events if e.mode == "visit" for a in e.actors
             if a.kind == "country"}
    assert stops.get("JOR") == "Amman"


@pytest.mark.parametrize("text, city", [
    ("President Luis Ortega of Peru held talks with Chancellor Karl Berg of Germany in Germany's Baltic port "
     "of Rostock on Monday.", "Rostock"),
    ("Prime Minister Pedro Souza of Portugal met President Marc Dubois of France in France's Riviera resort "
     "of Nice on Friday.", "Nice"),
])
def test_a_city_named_as_a_countrys_resort_or_port_is_the_venue(text, city):
    [m] = meetings(text)
    assert m.location is not None and m.location.name == city


@pytest.mark.parametrize("text, city", [
    ("What went down during the Ortega-Berg meeting in Lisbon\n\nIn a 55-minute meeting between President "
     "Luis Ortega of Peru and Chancellor Karl Berg of Germany on Thursday, the two leaders reaffirmed their ties.",
     "Lisbon"),
    ("Handshake in Potsdam: President Ortega and Chancellor Berg\n\nPresident Luis Ortega of Peru held talks "
     "with Chancellor Karl Berg of Germany on Tuesday about trade.", "Potsdam"),
    ("Behind the Ortega-Berg talks in Lisbon\n\nIn a long meeting between President Luis Ortega of Peru and "
     "Chancellor Karl Berg of Germany on Thursday, the two leaders reaffirmed their ties.", "Lisbon"),
])
def test_a_headline_says_where_the_event_the_body_leaves_unplaced_happened(text, city):
    [m] = meetings(text)
    assert m.location is not None and m.location.name == city


def test_a_headline_place_is_not_given_to_an_event_of_other_persons():
    text = ("Ortega and Berg meet in Potsdam\n\nPresident Luis Ortega of Peru held talks with Chancellor Karl Berg "
            "of Germany on Tuesday. Separately, Foreign Minister Ana Quispe of Peru met Foreign Minister Ingrid "
            "Dahl of Norway by the lake.")
    other = [e for e in extract(text, published="2024-02-23").events
             if e.mode == "meeting" and "Ana Quispe" in {a.name for a in e.actors}]
    assert other
    assert all(e.location is None or e.location.name != "Potsdam" for e in other)


@pytest.mark.parametrize("text, place", [
    ("Indian External Affairs Minister Arjun Rao held talks with Omani Foreign Minister Said Harthy on March 5, "
     "before leaving for Doha.", None),
    ("Japanese Foreign Minister Ken Mori met Philippine Foreign Secretary Ana Reyes in Manila on Monday, en "
     "route to Jakarta.", "Manila"),
    ("Kenyan President Peter Kamau held talks with Ugandan President John Okello in Kampala on Friday, heading "
     "to Kigali afterwards.", "Kampala"),
])
def test_the_next_stop_is_not_where_the_talks_were(text, place):
    """ "before leaving for Doha", "en route to Jakarta": the next stop, not the venue."""
    (event,) = [e for e in extract(text, published="2025-03-06").events if e.mode == "meeting"]
    assert (event.location.name if event.location else None) == place, event.location


def test_a_meeting_planned_for_a_summit_does_not_place_the_one_held():
    text = ("Published 16 June 2025\n\nMoroccan Foreign Minister Karim Alami and his Senegalese counterpart "
            "Awa Ndiaye held talks on the gas pipeline last week.\n\nThe two ministers will meet again at the "
            "African Union summit in Malabo in July.")
    (event,) = [e for e in extract(text).events if e.mode == "meeting" and e.status == "happened"]
    assert event.location is None or event.location.country != "GNQ", event.location


def test_a_meeting_before_the_trip_on_and_the_meeting_named_at_the_end():
    """The meeting in Berlin on Thursday is not placed by the trip to Paris on Friday; "During
    the meeting in Berlin" further down, in an article of one meeting, places it."""
    text = ("Published 11 April 2025\n\nGerman Chancellor Jan Becker received Polish Prime Minister Adam Nowak "
            "at the Chancellery on Thursday.\n\nOfficials described the talks as constructive. Trade between "
            "the two neighbours has grown. Becker said both states had a duty to the eastern flank. Nowak "
            "asked for faster deliveries of air defence systems.\n\nDuring the meeting in Berlin, the two "
            "leaders also discussed migration.\n\nNowak travelled on to Paris on Friday.")
    art = extract(text)
    (meeting,) = [e for e in art.events if e.mode == "meeting"]
    assert (meeting.location.name, meeting.date) == ("Berlin", "2025-04-10"), (meeting.location, meeting.date)


@pytest.mark.parametrize("text, bad", [
    ("Bolivian Foreign Minister Ana Morales arrived in Colombia on Monday. Later, Morales was received by "
     "President Andrés Rojas at the presidential palace.", "Morales"),
    ("Peruvian Foreign Minister Rosa Florida met Mexican Foreign Minister Juan Perez in Mexico City on Monday. "
     "Florida was later received by President Ana Ruiz.", "Florida"),
])
def test_a_persons_name_that_is_also_a_town_places_nothing(text, bad):
    """ "Later, Morales was received by ...": the minister, not the Colombian town of Morales."""
    art = extract(text, published="2025-03-04")
    assert art.events and all(e.location is None or e.location.name != bad for e in art.events), \
        [(e.mode, e.location) for e in art.events]


@pytest.mark.parametrize("second, date", [
    ("On the second day of the visit, Rao called on Qatari Emir Tamim Al Thani at the palace in Doha.", "2025-03-04"),
    ("On the final day of his trip, Rao met Qatari Prime Minister Khalid Thani.", "2025-03-05"),
    ("On the first day of the three-day visit, Rao met Qatari Prime Minister Khalid Thani.", "2025-03-03"),
])
def test_a_day_of_the_trip(second, date):
    """ "On the second day of the visit": that day of the trip told before (3-5 March)."""
    text = ("Published 6 March 2025\n\nIndian External Affairs Minister Arjun Rao visited Qatar on March 3-5, "
            "holding talks on gas supplies.\n\n" + second)
    later = [e for e in extract(text).events if e.mode == "meeting"]
    assert [e.date for e in later] == [date], [(e.mode, e.date) for e in extract(text).events]


@pytest.mark.parametrize("text, span", [
    ("Published: 22 April 2025\n\nNepali Prime Minister Ram Adhikari arrived in Dhaka on Sunday on a three-day "
     "official visit to Bangladesh.", "2025-04-20/2025-04-22"),
    ("Published: 22 April 2025\n\nKenyan President Peter Kamau arrived in Kampala on Sunday on a two-day state "
     "visit to Uganda.", "2025-04-20/2025-04-21"),
])
def test_an_arrival_on_a_days_long_visit_spans_its_days(text, span):
    visits = [e for e in extract(text).events if e.mode == "visit"]
    assert [e.date for e in visits] == [span], [(e.mode, e.date) for e in extract(text).events]


@pytest.mark.parametrize("text", [
    "U.S. Secretary of State Tom Baker met Ukrainian Foreign Minister Ivan Bondar on Saturday to discuss stalled "
    "funding for Kyiv.",
    "Indian Prime Minister Arjun Rao held talks with Russian President Ivan Petrov on Monday about flights from "
    "Moscow.",
])
def test_a_city_the_talks_are_about_does_not_place_them(text):
    (event,) = [e for e in extract(text, published="2024-02-18").events if e.type == "CONSULT"]
    assert event.location is None, event.location


def test_the_place_of_an_earlier_occasion_does_not_place_the_meeting():
    """ "It was their first encounter since the pair sat down in Washington in October, ahead of the
    summit in California": Washington and California are other occasions' places; the dateline's
    city is the meeting's."""
    text = ("MUNICH, Feb 17 (Reuters) - U.S. Secretary of State Tom Baker met Chinese Foreign Minister Li Wen on the "
            "sidelines of the security conference on Saturday.\n\nThe two men spoke for an hour, an official said. "
            "It was their first encounter since the pair sat down in Washington in October, ahead of the summit "
            "between their presidents in California.")
    (meeting,) = [e for e in extract(text, published="2024-02-17").events if e.mode == "meeting"]
    assert meeting.location is not None and meeting.location.name == "Munich", meeting.location


@pytest.mark.parametrize("text, kind, city", [
    ("Published 20 March 2025\n\nIndian Prime Minister Arjun Rao held talks with Chilean President Luis Soto at "
     "Hyderabad House in New Delhi today.\n\nFollowing the talks, a memorandum on mining was signed by Mines "
     "Minister Ravi Iyer and Chilean Foreign Minister Ana Fuentes.", "signing", "New Delhi"),
    ("Published 28 April 2025\n\nRussian Foreign Minister Ivan Petrov met Indian External Affairs Minister Arjun "
     "Rao in Rio de Janeiro on Monday on the sidelines of the ministerial.\n\nThe ministers of the group also "
     "discussed trade.\n\nPetrov also had a brief conversation with Brazilian Foreign Minister Paulo Lima.",
     "meeting", "Rio de Janeiro"),
])
def test_an_engagement_told_nowhere_is_where_its_persons_last_were(text, kind, city):
    events = [e for e in extract(text).events if e.mode == kind]
    assert events and events[-1].location is not None and events[-1].location.name == city, \
        [(e.mode, e.location) for e in extract(text).events]


@pytest.mark.parametrize("link", ["following a summit in Washington in February",
                                  "after talks in Ottawa last year", "since a meeting in Lima in 2023"])
def test_a_place_of_another_occasion_after_a_reference_is_not_the_events(link):
    text = ("President Ruto held talks with President Mensah on Monday on the sidelines of the summit. "
            f"The meeting was their second this year, {link}.")
    venues = {m.location.name for m in meetings(text, published="2025-02-18") if m.location}
    assert not venues & {"Washington", "Washington, D.C.", "Ottawa", "Lima"}


def test_a_trip_weeks_before_is_no_stop_of_the_events_of_the_news():
    text = ("Talks in Amman\n\nAmman, Jan. 14 (Petra) -- Deputy Prime Minister Ziad Haddad held talks with Syrian "
            "Foreign Minister Nabil Kassem at the Foreign Ministry on Tuesday. Kassem arrived in Amman on Monday. "
            "Haddad had visited Damascus on December 23.")
    [m] = [e for e in meetings(text, published="2026-01-14") if {a.name for a in e.actors} == {"Ziad Haddad", "Nabil Kassem"}]
    assert m.location is not None and m.location.name != "Damascus"
