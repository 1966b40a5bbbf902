"""Engagement frames read from the dependency parse (communique.frames), on sentences written
for these tests: each phenomenon in more than one wording, with the real spaCy model."""
from __future__ import annotations

import pytest

from communique import frames as F
from communique.nlp import get_nlp

# who the test articles' people are, for anaphora ("the French President", "the Kenyan side")
PEOPLE = {
    "Ana Lima": F.PersonInfo("BRA", ("Foreign Minister",)),
    "Pedro Souza": F.PersonInfo("PRT", ("Prime Minister",)),
    "Karl Berg": F.PersonInfo("DEU", ("Chancellor",)),
    "Marc Dubois": F.PersonInfo("FRA", ("President",)),
    "Amina Otieno": F.PersonInfo("KEN", ("Foreign Minister",)),
    "Paulo Lima": F.PersonInfo("BRA", ()),
    "To Lam": F.PersonInfo("VNM", ("General Secretary of the Party Central Committee",)),
    "Jon Sims": F.PersonInfo("USA", ("Co-Chairs of the Party",)),
    "Rosa Cam": F.PersonInfo("USA", ("Co-Chairs of the Party",)),
    "To Van Hai": F.PersonInfo("VNM", ("General Secretary",)),
}
DEMONYMS = {"French": "FRA", "Kenyan": "KEN", "German": "DEU"}


def read(*sentences: str) -> list[list[F.Frame]]:
    """Frames of each sentence of a short article, the discourse carried across them; the
    mentions are the PEOPLE names found in the text (what the persons stage gives)."""
    nlp = get_nlp()
    disc = F.Discourse(lambda k: PEOPLE[k], DEMONYMS.get)
    out = []
    for text in sentences:
        doc = nlp(text)
        mentions = []
        for name in sorted(PEOPLE, key=len, reverse=True):
            at = text.find(name)
            while at >= 0:
                if not any(m.start <= at < m.end for m in mentions):
                    mentions.append(F.MentionSpan(at, at + len(name), name))
                at = text.find(name, at + 1)
        frames = []
        for sent in doc.sents:
            frames += F.read_frames(sent, [m for m in mentions if sent.start_char <= m.start < sent.end_char], disc)
        disc.observe(F.subjects_of(frames), [m.key for m in sorted(mentions, key=lambda m: m.start)], frames)
        out.append(frames)
    return out


def one(text: str, mode: str | None = None, *before: str) -> F.Frame:
    frames = read(*before, text)[-1]
    if mode is not None:
        frames = [f for f in frames if f.mode == mode]
    assert frames, f"no {mode or ''} frame in {text!r}"
    return frames[0]


@pytest.mark.parametrize("text", [
    "Ana Lima met Pedro Souza in Lisbon on Tuesday.",
    "On Monday, Ana Lima met with Pedro Souza at the ministry.",
    "Ana Lima held talks with Pedro Souza in Lisbon.",
    "Ana Lima had a meeting with Pedro Souza on Friday.",
])
def test_subject_meets_counterpart(text):
    f = one(text, "meeting")
    assert f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]
    assert not f.planned


@pytest.mark.parametrize("text", [
    "Talks between Ana Lima and Pedro Souza took place in Lisbon.",
    "A meeting between Ana Lima and Pedro Souza was held on Friday.",
    "Ana Lima and Pedro Souza met in Lisbon on Friday.",
])
def test_between_and_coordinated_subjects_are_joint(text):
    f = one(text, "meeting")
    assert f.joint and set(f.participants()) == {"Ana Lima", "Pedro Souza"}


@pytest.mark.parametrize("text", [
    "Ana Lima was received by Pedro Souza at the palace.",
    "Ana Lima was welcomed by Pedro Souza in Lisbon on Monday.",
    "Ana Lima was hosted by Pedro Souza for talks at his office.",
])
def test_passive_makes_the_agent_the_host(text):
    f = one(text, "meeting")
    assert f.side_a == ["Pedro Souza"] and f.side_b == ["Ana Lima"]
    assert f.roles == {"Pedro Souza": "host", "Ana Lima": "guest"}


@pytest.mark.parametrize("text", [
    "The session was co-chaired by Ana Lima and Pedro Souza.",
    "The fifth dialogue was co-chaired by Ana Lima and Pedro Souza in Brasilia.",
])
def test_co_chaired_by_two(text):
    f = one(text, "dialogue")
    assert f.joint and f.participants() == ["Ana Lima", "Pedro Souza"]
    assert set(f.roles.values()) == {"co-chair"}


@pytest.mark.parametrize("text", [
    "Ana Lima laid a wreath at the monument, held talks with Pedro Souza and met Karl Berg.",
    "Ana Lima toured the port, met Pedro Souza and held talks with Karl Berg.",
])
def test_verb_phrases_share_one_subject(text):
    frames = [f for f in read(text)[0] if f.mode == "meeting"]
    assert {tuple(f.side_b) for f in frames} == {("Pedro Souza",), ("Karl Berg",)}
    assert all(f.side_a == ["Ana Lima"] for f in frames)


@pytest.mark.parametrize("text", [
    "Ana Lima, who met Pedro Souza on Friday, praised the talks.",
    "The minister thanked Ana Lima, who had met Pedro Souza the day before.",
])
def test_relative_clause_subject(text):
    f = one(text, "meeting")
    assert f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]


@pytest.mark.parametrize("first,second", [
    ("Ana Lima arrived in Lisbon on Monday.", "She met Pedro Souza at the palace."),
    ("Ana Lima arrived in Lisbon on Monday.", "On Tuesday, she held talks with Pedro Souza."),
])
def test_pronoun_is_the_salient_subject(first, second):
    f = one(second, "meeting", first)
    assert f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]
    assert f.resolved


@pytest.mark.parametrize("first,second,who", [
    ("Pedro Souza and President Marc Dubois spoke at the forum.", "Later, the French President met Ana Lima.",
     "Marc Dubois"),
    ("Ana Lima welcomed Foreign Minister Amina Otieno.", "The Kenyan side met Karl Berg on Friday.", "Amina Otieno"),
])
def test_definite_description_needs_a_compatible_person(first, second, who):
    f = one(second, "meeting", first)
    assert f.side_a == [who]


def test_description_without_a_compatible_person_resolves_to_none():
    f = read("Ana Lima met Pedro Souza.", "Later, the German Chancellor met Amina Otieno.")[1]
    assert [x.side_a for x in f if x.mode == "meeting"] == [[]]


@pytest.mark.parametrize("text", [
    "Ana Lima held a phone conversation with Pedro Souza.",
    "Ana Lima talked by phone with Pedro Souza on Sunday.",
    "Ana Lima held telephone talks with Pedro Souza.",
])
def test_phone_wordings_are_calls(text):
    f = one(text)
    assert f.mode == "call" and f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]


@pytest.mark.parametrize("text, host, guest", [
    ("German Chancellor Karl Berg held a bilateral with British Prime Minister Ann Cole in Copenhagen on Thursday.",
     None, None),
    ("Chancellor Karl Berg had a brief bilateral with Prime Minister Ann Cole of Britain on the margins.", None, None),
    ("President Musa Bello on Monday played host to his Senegalese counterpart, Amadou Diallo, at the Presidential "
     "Villa.", "Musa Bello", "Amadou Diallo"),
    ("Kenyan President Peter Kamau played host to Ugandan President John Okello at State House on Monday.",
     "Peter Kamau", "John Okello"),
])
def test_a_bilateral_and_playing_host_are_meetings(text, host, guest):
    from communique import extract

    art = extract(text, published="2025-03-04")
    meetings = [e for e in art.events if e.mode == "meeting"]
    assert len(meetings) == 1, art.events
    if host:
        roles = {a.name: a.role for a in meetings[0].actors}
        assert roles == {host: "host", guest: "guest"}, roles
        assert all(not t.lower().startswith("host") for p in art.persons for t in p.titles)


@pytest.mark.parametrize("text", [
    "Ana Lima called on Pedro Souza to release the prisoners.",
    "Ana Lima called on Pedro Souza to respect the ceasefire.",
])
def test_called_on_to_is_urging(text):
    assert not [f for f in read(text)[0] if f.mode in ("meeting", "call")]


@pytest.mark.parametrize("text", [
    "Ana Lima paid a courtesy call on Pedro Souza.",
    "Ana Lima also paid a courtesy call on Pedro Souza at his office.",
])
def test_courtesy_call_is_a_meeting(text):
    f = one(text)
    assert f.mode == "meeting" and f.side_a == ["Ana Lima"]


@pytest.mark.parametrize("text", [
    "Ana Lima will meet Pedro Souza next week.",
    "Ana Lima plans to visit Portugal in May.",
    "Officials discussed the upcoming visit of Ana Lima to Portugal.",
    "In preparation for Ana Lima's trip to Lisbon, officials met on Monday.",
])
def test_planned_engagements_are_no_events(text):
    frames = [f for f in read(text)[0] if "Ana Lima" in f.participants()]
    assert frames and all(f.planned for f in frames)


@pytest.mark.parametrize("text,place", [
    ("Ana Lima is in Portugal for a state visit.", "Portugal"),
    ("Ana Lima arrived on Monday in Lisbon.", "Lisbon"),
    ("Ana Lima began her visit to Portugal on Monday.", "Portugal"),
    ("Ana Lima spent two days in Portugal.", "Portugal"),
    ("Ana Lima visited Portugal last week.", "Portugal"),
])
def test_visit_destination_from_syntax(text, place):
    f = one(text, "visit")
    assert f.side_a == ["Ana Lima"]
    assert place in [text[s:e] for s, e in f.destinations]


@pytest.mark.parametrize("text, visitor, host", [
    ("Indian External Affairs Minister Rajiv Menon visited Qatar March 3-5, holding talks with Qatari leaders.",
     "Rajiv Menon", "QAT"),
    ("Kenyan President William Ruto visited Ethiopia Oct. 6-7 for talks on the dam.", "William Ruto", "ETH"),
    ("Japanese Prime Minister Taro Sato visited Vietnam April 28-30.", "Taro Sato", "VNM"),
])
def test_a_visit_with_its_dates_right_after_the_place(text, visitor, host):
    """ "visited Qatar March 3-5": the small model makes the place a compound of the date."""
    from communique import extract

    visits = [e for e in extract(text, published="2025-06-01").events if e.mode == "visit"]
    assert [(visitor, host)] == [([a.name for a in e.actors if a.role == "visitor"][0],
                                  next(a.country for a in e.actors if a.role == "host")) for e in visits]


def test_a_tour_has_several_destinations():
    text = "Ana Lima began a tour of Portugal, Spain and Italy on Monday."
    f = one(text, "visit")
    assert {"Portugal", "Spain", "Italy"} <= {text[s:e] for s, e in f.destinations}


@pytest.mark.parametrize("text", [
    "\u201cPedro Souza's trip to Rome was a success,\u201d Ana Lima said.",
    "Ana Lima said that Pedro Souza's visit to Rome had strengthened ties.",
])
def test_possessor_of_a_trip_is_the_traveller(text):
    f = one(text, "visit")
    assert f.side_a == ["Pedro Souza"]


@pytest.mark.parametrize("text", [
    "Ana Lima and her husband Paulo Lima visited Portugal on Monday.",
    "Ana Lima, accompanied by her husband Paulo Lima, met Karl Berg.",
])
def test_an_accompanying_spouse_is_never_the_subject(text):
    f = read(text)[0][0]
    assert f.side_a == ["Ana Lima"]


@pytest.mark.parametrize("text", [
    "Pedro Souza hosted a banquet in honour of Ana Lima.",
    "Pedro Souza gave a dinner in honour of Ana Lima on Monday.",
])
def test_in_honour_of_makes_a_guest(text):
    f = one(text, "meeting")
    assert f.side_a == ["Pedro Souza"] and f.side_b == ["Ana Lima"]
    assert f.roles["Ana Lima"] == "guest"


@pytest.mark.parametrize("text", [
    "Ana Lima made a joint press appearance with Pedro Souza.",
    "Ana Lima held a joint press conference with Pedro Souza in Lisbon.",
])
def test_joint_appearance_with_a_counterpart(text):
    f = one(text, "meeting")
    assert f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]


@pytest.mark.parametrize("second", [
    "A further meeting was held with Pedro Souza.",
    "Another meeting was held with Pedro Souza in the afternoon.",
])
def test_subjectless_meeting_goes_to_the_article_subject(second):
    f = one(second, "meeting", "Ana Lima arrived in Lisbon on Monday.")
    assert f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]


@pytest.mark.parametrize("text", [
    "Paris and Rabat signed three agreements on Monday.",
    "Lisbon and Brasilia signed a memorandum on energy.",
])
def test_capitals_as_signatories(text):
    f = one(text, "signing")
    assert len(f.places_a) == 2


def test_exchange_witnessed_by_the_two_presidents():
    frames = read("Ana Lima met Pedro Souza in Lisbon.", "The two leaders witnessed the exchange of documents.")[1]
    f = next(f for f in frames if f.mode == "signing")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza"}


@pytest.mark.parametrize("text", [
    "The summit was attended by Ana Lima, Pedro Souza and Karl Berg.",
    "The regional summit in Nairobi was attended by Ana Lima, Pedro Souza and Karl Berg.",
])
def test_summit_attendees(text):
    f = one(text, "conference")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza", "Karl Berg"}


@pytest.mark.parametrize("text", [
    "Ana Lima and Pedro Souza held their annual summit in Lisbon on Friday.",
    "Ana Lima and Pedro Souza had dinner in Lisbon on Friday.",
    "Pedro Souza and Ana Lima held a bilateral summit on the sidelines of the forum.",
])
def test_two_sides_holding_a_summit_or_dinner_together_meet(text):
    f = one(text, "meeting")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza"} and f.joint


@pytest.mark.parametrize("text", [
    "Ana Lima and Pedro Souza attended the summit in Nairobi.",
    "Ana Lima and Pedro Souza spoke at the opening ceremony.",
])
def test_two_attendees_of_a_gathering_do_not_meet_by_that_alone(text):
    assert not [f for f in read(text)[-1] if f.mode == "meeting"]


@pytest.mark.parametrize("text", [
    "Ana Lima held talks with General Secretary of the Party Central Committee To Lam in Hanoi.",
    "Ana Lima met General Secretary of the Party Central Committee To Lam on Monday.",
])
def test_long_titles_reach_the_name(text):
    f = one(text, "meeting")
    assert f.side_b == ["To Lam"]


@pytest.mark.parametrize("text", [
    "Ana Lima held meetings with Karl Berg, President of the Institute, and Co-Chairs of the Party Jon Sims "
    "and Rosa Cam to discuss cooperation.",
    "Ana Lima also met with Karl Berg, head of the Institute, Co-Chairs of the Party Jon Sims and Rosa Cam "
    "to discuss cooperation.",
])
def test_long_lists_of_counterparts(text):
    f = one(text, "meeting")
    assert f.side_a == ["Ana Lima"]
    assert set(f.side_b) == {"Karl Berg", "Jon Sims", "Rosa Cam"}


def test_mentions_are_looked_up_by_token():
    nlp = get_nlp()
    text = "Ana Lima met Pedro Souza."
    sent = next(nlp(text).sents)
    index = F.index_mentions(sent, [F.MentionSpan(0, 8, "a"), F.MentionSpan(13, 24, "b")])
    assert index == {0: "a", 1: "a", 3: "b", 4: "b"}


@pytest.mark.parametrize("text", [
    "Ana Lima called on Pedro Souza at his office on Monday.",
    "On Tuesday, Ana Lima called on Pedro Souza in Lisbon.",
])
def test_called_on_without_an_infinitive_is_a_courtesy_call(text):
    f = one(text)
    assert f.mode == "meeting" and f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]


@pytest.mark.parametrize("text", [
    "\u201cI held very good talks with Pedro Souza,\u201d Ana Lima said.",
    "\u201cToday I met Pedro Souza in Lisbon,\u201d Ana Lima told reporters.",
])
def test_a_quoted_first_person_is_the_speaker(text):
    f = one(text, "meeting")
    assert f.side_a == ["Ana Lima"] and f.side_b == ["Pedro Souza"]


@pytest.mark.parametrize("text", [
    "Ana Lima and First Lady Paulo Lima arrived in Lisbon on Monday.",
    "Ana Lima and her spouse Paulo Lima arrived in Lisbon on Monday.",
])
def test_a_titled_spouse_is_no_traveller(text):
    f = one(text, "visit")
    assert f.side_a == ["Ana Lima"]


@pytest.mark.parametrize("text,place", [
    ("Ana Lima arrived in the Portuguese city of Porto for talks.", "Porto"),
    ("Ana Lima travelled with three ministers for the talks in Lisbon.", "Lisbon"),
])
def test_destination_through_city_of_and_for_the_talks(text, place):
    f = one(text, "visit")
    assert place in [text[s:e] for s, e in f.destinations]


def test_a_travellers_companions_are_no_counterparts():
    frames = read("Ana Lima travelled with Paulo Lima and Karl Berg for the meeting in Lisbon.")[0]
    assert not any(f.side_b for f in frames)


@pytest.mark.parametrize("text", [
    "Ana Lima laid a wreath at the monument and was received by Pedro Souza.",
    "Ana Lima toured the port and was welcomed by Pedro Souza at the palace.",
])
def test_a_passive_verb_phrase_sharing_a_subject(text):
    f = one(text, "meeting")
    assert f.side_a == ["Pedro Souza"] and f.side_b == ["Ana Lima"]
    assert f.roles["Pedro Souza"] == "host"


@pytest.mark.parametrize("first,second", [
    ("Ana Lima delivered a keynote speech at the summit on Friday.",
     "The summit was attended by Pedro Souza and Karl Berg."),
    ("Ana Lima gave an address at the forum in Nairobi.",
     "The forum was attended by Pedro Souza and Karl Berg."),
])
def test_attendees_of_one_gathering_share_its_word(first, second):
    a, b = read(first, second)
    fa = next(f for f in a if f.mode == "conference")
    fb = next(f for f in b if f.mode == "conference")
    assert fa.side_a == ["Ana Lima"] and set(fb.participants()) == {"Pedro Souza", "Karl Berg"}
    assert fa.gathering == fb.gathering


# ------------------------------------------------------------------ through the whole pipeline

ARTICLE_GATHERING = """Leaders meet at regional summit

Kenyan President Daniel Mwangi delivered a keynote speech at the Lakes Regional Summit in Kigali on Friday.

The summit was attended by Ugandan President Joseph Okello and Tanzanian President Grace Mushi.
"""

ARTICLE_TOUR = """Minister ends regional tour

Brazilian Foreign Minister Ana Lima began a tour of Portugal, Spain and Italy on 3 March 2025.

She met Portuguese Prime Minister Pedro Souza in Lisbon on 4 March 2025.
"""


def test_pipeline_joins_a_gatherings_attendees_into_one_conference():
    from communique.pipeline import extract

    art = extract(ARTICLE_GATHERING, doc_id="g")
    conferences = [e for e in art.events if e.mode == "conference"]
    names = {a.name for e in conferences for a in e.actors}
    assert {"Daniel Mwangi", "Joseph Okello", "Grace Mushi"} <= names
    assert len([e for e in conferences if len(e.actors) >= 3]) == 1


def test_pipeline_reads_a_tour_and_a_pronoun_subject():
    from communique.pipeline import extract

    art = extract(ARTICLE_TOUR, doc_id="t")
    visits = {a.country for e in art.events if e.mode == "visit" for a in e.actors if a.kind == "country"}
    assert {"PRT", "ESP", "ITA"} <= visits
    meetings = [{a.name for a in e.actors} for e in art.events if e.mode == "meeting"]
    assert {"Ana Lima", "Pedro Souza"} in meetings


def test_debug_frames_reports_frames_and_fallbacks(tmp_path):
    from click.testing import CliRunner

    from communique.cli import main

    path = tmp_path / "tour.txt"
    path.write_text(ARTICLE_TOUR, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--debug-frames"])
    assert result.exit_code == 0, result.output
    report = [line for line in result.stderr.splitlines() if line.startswith("communique: frames:")]
    meeting = next(line for line in report if " meeting " in line)
    assert int(meeting.split()[3]) >= 1  # the meeting was told by a frame


@pytest.mark.parametrize("text", [
    "Lisbon: Ana Lima and Pedro Souza faced the press after holding talks in the capital.",
    "Brasilia: Ana Lima and Pedro Souza spoke to reporters after holding talks on trade.",
])
def test_a_dateline_word_parsed_as_a_subject_does_not_hide_the_persons(text):
    f = one(text, "meeting")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza"}


@pytest.mark.parametrize("first,second", [
    ("Ana Lima landed in Lisbon on Monday.", "It is her first trip to Portugal in five years."),
    ("Ana Lima landed in Lisbon on Monday.", "This is her second visit to Portugal this year."),
])
def test_it_owns_no_trip(first, second):
    f = one(second, "visit", first)
    assert f.side_a == ["Ana Lima"]


@pytest.mark.parametrize("text", [
    "Ana Lima received a call from Pedro Souza on Monday.",
    "Ana Lima took a phone call from Pedro Souza.",
    "Ana Lima also received a call from Pedro Souza, in which they exchanged greetings.",
])
def test_a_call_received_from_someone_has_them_as_the_other_side(text):
    f = one(text, "call")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza"}
    assert not f.roles.get("Ana Lima") == "host"


def test_a_courtesy_call_received_is_a_meeting_not_a_phone_call():
    from communique import extract

    a = extract("Courtesy call\n\nPresident Amara Diallo received a courtesy call from Ambassador Li Wei of China.")
    assert [e.mode for e in a.events] == ["meeting"]


PEOPLE["Hamad Al Thani"] = F.PersonInfo("QAT", ("His Highness", "Emir"))


@pytest.mark.parametrize("anaphor", ["His Highness", "His Highness the Emir"])
def test_an_honorific_alone_is_the_person_styled_so_before(anaphor):
    f = one(f"{anaphor} also received a call from Karl Berg.", "call",
            "His Highness Hamad Al Thani met Marc Dubois in Doha on Monday.")
    assert set(f.participants()) == {"Hamad Al Thani", "Karl Berg"}


@pytest.mark.parametrize("text", [
    "Ana Lima and Pedro Souza held their annual Brazil-Portugal Leaders' Meeting in Porto on Saturday.",
    "Ana Lima and Pedro Souza held the annual Foreign Ministers' Meeting in Lisbon.",
])
def test_a_meeting_named_by_its_members_kind_is_held_by_the_clause_subject(text):
    f = one(text, "meeting")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza"}


def test_a_person_s_possessive_is_still_the_traveller():
    f = one("Marc Dubois's visit to Kenya began on Monday.", "visit")
    assert f.side_a == ["Marc Dubois"]


@pytest.mark.parametrize("text", [
    "The delegation led by Ana Lima was received by Karl Berg at the chancellery.",
    "A Brazilian delegation headed by Ana Lima was welcomed by Karl Berg in Berlin.",
])
def test_a_delegation_led_by_someone_received_makes_them_the_guest(text):
    f = one(text, "meeting")
    assert f.roles == {"Karl Berg": "host", "Ana Lima": "guest"}


@pytest.mark.parametrize("text", [
    "A banquet was held in honour of Marc Dubois by Karl Berg.",
    "A state banquet in honour of Marc Dubois was hosted by Karl Berg at the palace.",
])
def test_a_banquet_held_by_someone_in_honour_of_another_is_hosted_by_them(text):
    f = one(text, "meeting")
    assert f.roles == {"Karl Berg": "host", "Marc Dubois": "guest"}


@pytest.mark.parametrize("text", [
    "Leaders gathered in Harare for the extraordinary summit on Friday, attended by Ana Lima and Pedro Souza.",
    "Delegates met in Geneva for the annual conference, attended by Ana Lima and Pedro Souza.",
])
def test_a_participle_attended_by_names_the_attendees(text):
    f = one(text, "conference")
    assert set(f.participants()) == {"Ana Lima", "Pedro Souza"}


def test_a_participle_welcomed_by_makes_the_agent_the_host():
    f = one("Ana Lima arrived at the palace, welcomed by Karl Berg.", "meeting")
    assert f.roles == {"Karl Berg": "host", "Ana Lima": "guest"}


def test_a_gathering_attended_in_a_relative_clause_is_the_one_spoken_at():
    from communique import extract

    a = extract("Summit\n\nPresident William Ruto delivered a keynote address at the Africa Climate Summit in "
                "Nairobi, which was attended by President Yoweri Museveni of Uganda.")
    [conf] = [e for e in a.events if e.mode == "conference"]
    assert {x.name for x in conf.actors} == {"William Ruto", "Yoweri Museveni"}


@pytest.mark.parametrize("text", [
    "Marc Dubois held talks with To Van Hai in Hanoi.",
    "On Monday, Marc Dubois met with To Van Hai, the general secretary of the party.",
])
def test_a_name_opening_with_a_word_like_a_preposition_is_the_counterpart(text):
    f = one(text, "meeting")
    assert set(f.participants()) == {"Marc Dubois", "To Van Hai"}


@pytest.mark.parametrize("text, mode", [
    ("Karl Berg pressed Marc Dubois on Monday to reopen the border, during talks that lasted two hours.", "meeting"),
    ("Karl Berg told Marc Dubois during a meeting in Berlin that Germany would help.", "meeting"),
    ("Karl Berg thanked Marc Dubois in a phone call on Monday.", "call"),
])
def test_talks_that_are_a_clause_s_occasion_are_with_its_object(text, mode):
    f = one(text, mode)
    assert set(f.participants()) == {"Karl Berg", "Marc Dubois"}


@pytest.mark.parametrize("text", [
    "Karl Berg criticised Marc Dubois at a meeting of party members.",
    "Karl Berg criticised Marc Dubois during a meeting of party members.",
])
def test_a_meeting_of_others_where_someone_is_spoken_of_is_not_with_them(text):
    assert not any(set(f.participants()) == {"Karl Berg", "Marc Dubois"} for f in read(text)[-1])


@pytest.mark.parametrize("text, states", [
    ("Foreign Minister Ana Lima is on a ten-day trip around the region during which she visited "
     "Portugal, Spain, the occupied Palestinian territories, Italy, Greece and Malta.",
     {"PRT", "ESP", "PSE", "ITA", "GRC", "MLT"}),
    ("Prime Minister Pedro Souza has visited Senegal, Ghana, the Ivory Coast, Nigeria and Kenya "
     "since the start of the month.", {"SEN", "GHA", "CIV", "NGA", "KEN"}),
    ("During the trip Chancellor Karl Berg visited Norway, Sweden, the Faroe Islands, Iceland, "
     "Finland and Denmark.", {"NOR", "SWE", "ISL", "FIN", "DNK"}),
    ("President Marc Dubois visited Morocco, Tunisia, the occupied Palestinian territories, Jordan "
     "and Lebanon last month.", {"MAR", "TUN", "PSE", "JOR", "LBN"}),
])
def test_every_stop_of_a_long_itinerary_is_a_visit(text, states):
    """The small model hangs the items of a long list of places on its first one as appositions."""
    from communique.pipeline import extract

    art = extract(text, doc_id="t")
    visits = {a.country for e in art.events if e.mode == "visit" for a in e.actors if a.kind == "country"}
    assert states <= visits


def test_a_city_with_its_state_is_one_visit():
    from communique.pipeline import extract

    art = extract("Prime Minister Pedro Souza visited Honiara, Solomon Islands, on Tuesday.", doc_id="t")
    visits = [e for e in art.events if e.mode == "visit"]
    assert len(visits) == 1 and visits[0].location.name == "Honiara"


def names_of(text: str, mode: str) -> list[set]:
    """The actors' names of each event of `mode` the pipeline extracts from `text`."""
    from communique.pipeline import extract

    return [{a.name for a in e.actors} for e in extract(text, doc_id="t").events if e.mode == mode]


def visits_of(text: str) -> list[tuple[set, set]]:
    """(visitor names, host states) of each visit the pipeline extracts from `text`."""
    from communique.pipeline import extract

    art = extract(text, doc_id="t")
    return [({a.name for a in e.actors if a.kind == "person"}, {a.country for a in e.actors if a.kind == "country"})
            for e in art.events if e.mode == "visit"]


@pytest.mark.parametrize("text, visitor, host", [
    ("Prime Minister Jane Holt met Japanese Prime Minister Taro Sato in Tokyo on Monday, marking the "
     "first visit by a Canadian leader to Japan in eight years.", "Jane Holt", "JPN"),
    ("Canadian Prime Minister Jane Holt held talks with President Luis Ortega on Monday.\n\n"
     "It was the first visit by a Canadian prime minister to Peru since 2015.", "Jane Holt", "PER"),
    ("German Chancellor Karl Berg met President Luis Ortega in Lima on Friday.\n\n"
     "This is the first official visit by a German chancellor to Peru in a decade.", "Karl Berg", "PER"),
    ("President Carla Ruiz of Chile met President Luis Ortega of Peru on Monday.\n\n"
     "Ruiz's is the first state visit by a South American president to Peru since 2008.", "Carla Ruiz", "PER"),
    ("U.S. President Jon Sims hosted President Amina Otieno of Kenya on Monday.\n\n"
     "Otieno's is the first state visit by an African president to the United States since 2008.",
     "Amina Otieno", "USA"),
])
def test_the_first_visit_by_a_leader_of_a_state_is_the_visit_of_the_person_told(text, visitor, host):
    """ "The first visit by an X leader to Y" is an indefinite that stands for the X leader the
    article is about; the small model hangs "to Y" on the visitor."""
    visits = visits_of(text)
    assert ({visitor}, {host}) in visits


def test_the_first_visit_by_a_leader_of_another_state_is_not_the_subjects():
    from communique.pipeline import extract

    art = extract("German Chancellor Karl Berg met President Luis Ortega in Lima on Friday, a year after "
                  "the first visit by a Brazilian leader to Peru.", doc_id="t")
    assert not [e for e in art.events if e.mode == "visit" and "Karl Berg" in {a.name for a in e.actors}]


@pytest.mark.parametrize("text, visitor, host", [
    ("President Luis Ortega on Thursday welcomed the leader of the Andean nation, Carla Ruiz, to the "
     "White House for a state visit.", "Carla Ruiz", "USA"),
    ("President Marc Dubois welcomed Foreign Minister Ana Lima of Brazil to the Kremlin for a working "
     "visit on Friday.", "Ana Lima", "RUS"),
    ("Prime Minister Pedro Souza received Chancellor Karl Berg of Germany in Lisbon on an official "
     "visit on Monday.", "Karl Berg", "PRT"),
])
def test_the_guest_a_host_welcomes_for_a_visit_is_the_visitor(text, visitor, host):
    """A seat of government (the White House, the Kremlin) stands for its state as a destination."""
    visits = visits_of(text)
    assert visits == [({visitor}, {host})]


@pytest.mark.parametrize("text, pair", [
    ("JANE HOLT, PRIME MINISTER OF CANADA: Good afternoon, everyone. It is a real pleasure to have this "
     "opportunity to meet with my colleague, President Luis Ortega of Peru.", {"Jane Holt", "Luis Ortega"}),
    ("PRIME MINISTER HOLT: Thank you all for coming. I am delighted to welcome my friend, President Luis "
     "Ortega of Peru, to Ottawa once again.", {"Holt", "Luis Ortega"}),
    ("SECRETARY SIMS: Good morning. A moment ago I held a very productive meeting with Foreign Minister "
     "Ana Lima of Brazil.", {"Sims", "Ana Lima"}),
])
def test_in_a_transcript_the_first_person_is_the_speaker_its_label_names(text, pair):
    assert names_of(text, "meeting") == [pair]


def test_a_label_that_names_no_one_ends_the_speakers_turn():
    from communique.pipeline import extract

    text = ("PRIME MINISTER HOLT: Thank you all for coming.\n\n"
            "QUESTION: It is an honour to meet with President Luis Ortega of Peru, is it not?")
    art = extract(text, doc_id="t")
    assert not [e for e in art.events if e.mode == "meeting" and "Holt" in {a.name for a in e.actors}]


@pytest.mark.parametrize("text, pair", [
    ("In addition to meeting with President Luis Ortega, Chancellor Karl Berg of Germany held talks with "
     "business leaders in Lima on Monday.", {"Karl Berg", "Luis Ortega"}),
    ("On top of meeting President Luis Ortega of Peru, Chancellor Karl Berg of Germany toured a port.",
     {"Karl Berg", "Luis Ortega"}),
])
def test_a_gerund_in_an_opening_phrase_has_the_main_clauses_subject(text, pair):
    assert names_of(text, "meeting") == [pair]


@pytest.mark.parametrize("text", [
    "Chancellor Karl Berg of Germany met President Luis Ortega in Lima on Monday, at the end of his first "
    "official trip abroad, which also included a stopover in Chile.",
    "Chancellor Karl Berg of Germany held talks with President Luis Ortega in Lima, closing his tour, which "
    "included a stopover in Chile.",
    "Chancellor Karl Berg of Germany seized his presence in Lima for an encounter with President Luis Ortega "
    "and Foreign Minister Ana Lima to round up his first official trip abroad which also included a stopover "
    "in Chile.",
])
def test_a_stopover_a_trip_included_is_the_travellers(text):
    visits = visits_of(text)
    assert ({"Karl Berg"}, {"CHL"}) in visits
    assert not [v for v in visits if "Luis Ortega" in v[0]]


@pytest.mark.parametrize("text, host, guest", [
    ("Prime Minister Pedro Souza of Portugal presided over an official welcome ceremony for visiting Chancellor "
     "Karl Berg of Germany in Lisbon on Monday.", "Pedro Souza", "Karl Berg"),
    ("President Luis Ortega of Peru hosted a state dinner for Chancellor Karl Berg of Germany on Tuesday.",
     "Luis Ortega", "Karl Berg"),
    ("Foreign Minister Ana Lima of Brazil gave a luncheon for Foreign Minister Amina Otieno of Kenya in Brasilia.",
     "Ana Lima", "Amina Otieno"),
])
def test_an_occasion_given_for_a_guest_is_a_meeting_of_host_and_guest(text, host, guest):
    from communique.pipeline import extract

    art = extract(text, doc_id="t")
    meetings = [{a.name: a.role for a in e.actors} for e in art.events if e.mode == "meeting"]
    assert meetings == [{host: "host", guest: "guest"}]


@pytest.mark.parametrize("text, pair", [
    ("The memorandum was signed between Foreign Minister Ana Lima of Brazil and German Ambassador to the "
     "Philippines Karl Berg on Monday.", {"Ana Lima", "Karl Berg"}),
    ("The accord was signed between Foreign Minister Amina Otieno of Kenya and French Ambassador to the "
     "United States Marc Dubois in Washington.", {"Amina Otieno", "Marc Dubois"}),
])
def test_a_signatory_titled_ambassador_to_the_state_is_read_through_the_title(text, pair):
    assert names_of(text, "signing") == [pair]


def test_a_meeting_between_two_has_its_own_sides_not_the_signatories_of_the_clause():
    from communique.pipeline import extract

    art = extract("The deal was signed between Foreign Minister Ana Lima of Brazil and Ambassador Karl Berg of "
                  "Germany during a bilateral meeting between President Luis Ortega of Peru and Prime Minister "
                  "Pedro Souza of Portugal.", doc_id="t")
    assert [{a.name for a in e.actors} for e in art.events if e.mode == "meeting"] == [{"Luis Ortega", "Pedro Souza"}]
    assert [{a.name for a in e.actors} for e in art.events if e.mode == "signing"] == [{"Ana Lima", "Karl Berg"}]


def test_a_signing_during_a_meeting_takes_the_meetings_place():
    from communique.pipeline import extract

    art = extract("President Luis Ortega of Peru met Prime Minister Pedro Souza of Portugal in Lima on Monday.\n\n"
                  "The deal was signed between Foreign Minister Ana Lima of Brazil and Ambassador Karl Berg of "
                  "Germany during the meeting between President Luis Ortega and Prime Minister Pedro Souza.",
                  doc_id="t")
    [signing] = [e for e in art.events if e.mode == "signing"]
    assert signing.location is not None and signing.location.name == "Lima"


@pytest.mark.parametrize("quote", [
    "\u201cWhen I took office I asked Chancellor Karl Berg of Germany to mediate,\u201d he said.",
    "\"That is why I asked Chancellor Karl Berg of Germany to lead the effort,\" he told reporters.",
])
def test_the_speaker_of_a_quote_is_not_a_person_named_inside_it(quote):
    from communique.pipeline import extract

    text = ("President Luis Ortega of Peru spoke to reporters in Lima on Monday.\n\n" + quote + "\n\n"
            "He also said that he had held talks with Prime Minister Pedro Souza of Portugal.")
    art = extract(text, doc_id="t")
    meetings = [{a.name for a in e.actors} for e in art.events if e.mode == "meeting"]
    assert {"Luis Ortega", "Pedro Souza"} in meetings
    assert not [m for m in meetings if "Karl Berg" in m]



@pytest.mark.parametrize("text", [
    "King Hamad of Bahrain held a bilateral meeting with Egyptian President Omar Nabil, attended by His Royal "
    "Highness Crown Prince Salman bin Hamad.",
    "Sultan Haitham of Oman held talks with Iranian President Reza Karimi, attended by Foreign Minister Badr Saif.",
    "Emir Tamim of Qatar received Turkish President Ahmet Kaya in a meeting attended by Prime Minister Khalid Nasser.",
])
def test_who_attends_a_meeting_is_no_counterpart_and_no_conference(text):
    """ "held a meeting with X, attended by Y": Y sat in on the meeting, of a side the sentence does
    not tell; no gathering was attended."""
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert [e.mode for e in art.events] == ["meeting"], art.events
    assert len(art.events[0].actors) == 2, art.events[0].actors
    assert not any("Highness" in p.name or "Royal" in p.name for p in art.persons)


@pytest.mark.parametrize("text, visitor, host", [
    ("Prime Minister Somsak Vong held talks with Thai Prime Minister Anan Srisuk in Vientiane yesterday, during "
     "the Thai leader's first official visit to Laos.", "Anan Srisuk", "LAO"),
    ("Kenyan President Peter Kamau received Ugandan President John Okello at State House on Monday, as the "
     "Ugandan leader began a two-day state visit to Kenya.", "John Okello", "KEN"),
    ("Chancellor Jan Becker hosted French President Paul Morel in Berlin on Monday as the French president began "
     "a state visit to Germany.", "Paul Morel", "DEU"),
])
def test_a_states_official_described_later_in_the_sentence_is_the_one_named_before(text, visitor, host):
    """ "during the Thai leader's first visit": the Thai person named earlier in the same sentence,
    not its subject."""
    from communique import extract

    visits = [e for e in extract(text, published="2025-09-09").events if e.mode == "visit"]
    got = [([a.name for a in e.actors if a.role == "visitor"], next(a.country for a in e.actors if a.role == "host"))
           for e in visits]
    assert got == [([visitor], host)], got


@pytest.mark.parametrize("text", [
    "Thai Prime Minister Anan Srisuk received Peruvian President Rosa Quispe in Bangkok on Friday, where they "
    "agreed to finish trade talks before the APEC leaders' meeting in November.",
    "Indonesian President Budi Santoso met Australian Prime Minister Tom Hughes on Monday ahead of the ASEAN "
    "foreign ministers' meeting in Jakarta.",
    "Kenyan President Peter Kamau met Ethiopian Prime Minister Dawit Tesfaye before the IGAD heads of state "
    "summit in Djibouti.",
])
def test_an_organisations_gathering_named_by_its_members_is_no_counterpart(text):
    """ "before the APEC leaders' meeting": where they will gather, not an organisation met."""
    from communique import extract

    art = extract(text, published="2025-04-07")
    assert [len(e.actors) for e in art.events if e.type == "CONSULT" and e.status == "happened"] == [2], art.events
    assert not any(a.kind == "org" for e in art.events if e.type == "CONSULT" for a in e.actors)


@pytest.mark.parametrize("text, who", [
    ("DHAKA, July 8, 2025 - Foreign Adviser Karim Uddin met Japanese Ambassador Kenji Sato at the ministry on "
     "Tuesday. The envoy later met Prime Minister Rahima Begum.", "Kenji Sato"),
    ("Kenyan President Peter Kamau received Japanese Prime Minister Taro Mori in Nairobi on Monday. The premier "
     "later met Kenyan business leaders and Foreign Minister Jane Wambui.", "Taro Mori"),
    ("Indian Prime Minister Arjun Rao met King Hamad Al Khalifa of Bahrain in Manama on Monday. The monarch later "
     "received Omani Foreign Minister Said Harthy.", "Hamad Al Khalifa"),
])
def test_a_description_by_another_word_for_the_office(text, who):
    """ "The envoy" for an Ambassador, "the premier" for a Prime Minister, "the monarch" for a King."""
    from communique import extract

    art = extract(text, published="2025-07-08")
    last = [e for e in art.events if e.mode == "meeting"][-1]
    assert who in [a.name for a in last.actors], [(e.mode, [a.name for a in e.actors]) for e in art.events]


@pytest.mark.parametrize("text", [
    "New Zealand Foreign Minister Tom Reid met Fijian Prime Minister Josefa Vula in Suva yesterday, where the two "
    "signed a partnership on climate resilience.",
    "Kenyan President Peter Kamau hosted Ugandan President John Okello at State House, after which the two signed "
    "a border agreement.",
])
def test_the_two_of_the_sentence_sign(text):
    """ "X met Y in Suva, where the two signed ...": the two the sentence named, not the last pair told."""
    from communique import extract

    art = extract(text, published="2025-03-04")
    signings = [sorted(a.name for a in e.actors if a.kind == "person") for e in art.events if e.mode == "signing"]
    meeting = next(sorted(a.name for a in e.actors) for e in art.events if e.mode == "meeting")
    assert signings == [meeting], signings


@pytest.mark.parametrize("text, counterpart", [
    ("Argentine Foreign Minister Jorge Diaz met his Chilean counterpart in Santiago on Tuesday. Chile's Minister of "
     "Foreign Affairs, Ana Soto, told the press after the talks that the corridor would be paved.", "Ana Soto"),
    ("Kenyan President Peter Kamau held talks with his Ugandan counterpart in Entebbe. Ugandan President John Okello "
     "said the pipeline would be finished next year.", "John Okello"),
])
def test_a_counterpart_named_in_the_next_sentence(text, counterpart):
    """ "X met his Chilean counterpart ... Chile's Minister of Foreign Affairs, Y, told the press":
    the one person of that state the next sentence names."""
    from communique import extract

    art = extract(text, published="2025-04-09")
    meetings = [[a.name for a in e.actors] for e in art.events if e.mode == "meeting"]
    assert len(meetings) == 1 and counterpart in meetings[0] and len(meetings[0]) == 2, meetings


@pytest.mark.parametrize("text", [
    "Algerian Foreign Minister Karim Belhadj and Moroccan Foreign Minister Youssef Idrissi attended the African "
    "Union Executive Council in Addis Ababa on Wednesday but did not meet.",
    "Indian Prime Minister Arjun Rao and Pakistani Prime Minister Imran Qureshi both attended the summit in Astana "
    "without meeting.",
])
def test_attending_one_gathering_without_meeting_pairs_no_one(text):
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert not [e for e in art.events if e.type == "CONSULT" and len([a for a in e.actors if a.kind == "person"]) >= 2]


@pytest.mark.parametrize("text, actors", [
    ("The leaders of Armenia and Azerbaijan met French President Paul Morel on the sidelines of the summit in "
     "Copenhagen on Thursday.", {"Armenia", "Azerbaijan", "Paul Morel"}),
    ("The foreign ministers of Morocco and Senegal met in Rabat last week.", {"Morocco", "Senegal"}),
    ("The defence ministers of Japan and the Philippines met in Manila on Monday.", {"Japan", "Philippines"}),
])
def test_a_group_of_states_officials_with_no_names_meets_as_the_states(text, actors):
    """ "The leaders of Armenia and Azerbaijan met X": the states, when no person of theirs is named."""
    from communique import extract

    art = extract(text, published="2025-06-16")
    got = [{a.name for a in e.actors} for e in art.events if e.mode == "meeting"]
    assert got == [actors], got


@pytest.mark.parametrize("text, names", [
    ("The leaders of Armenia and Azerbaijan met French President Paul Morel and German Chancellor Friedrich Brandt "
     "on the sidelines of the summit in Copenhagen on Thursday.", {"Paul Morel", "Friedrich Brandt"}),
    ("Kenyan President Peter Kamau met Ugandan President John Okello and Tanzanian President Amina Juma "
     "on the sidelines of the summit in Arusha on Friday.", {"John Okello", "Amina Juma"}),
])
def test_a_name_the_parser_cut_off_its_sentence_is_still_met(text, names):
    """The small model may end a sentence between a title and its name ("... and German Chancellor |
    Friedrich Brandt on the sidelines ..."): the sentence is read whole again."""
    from communique import extract

    art = extract(text, published="2025-03-04")
    met = {a.name for e in art.events if e.mode == "meeting" for a in e.actors}
    assert names <= met, [(e.mode, [a.name for a in e.actors]) for e in art.events]


def test_a_photo_of_the_talks_with_an_aide_adds_no_meeting():
    """A caption showing the two co-chairs and an ambassador: the talks told, not a meeting with him."""
    from communique import extract

    text = ("The 11th Vietnam-Japan Dialogue took place in Tokyo on December 4, co-chaired by Vietnamese Deputy "
            "Foreign Minister Le Van Minh and Japanese Vice-Minister for Foreign Affairs Sato Kenji.\n\n"
            "Japanese Vice-Minister for Foreign Affairs Sato Kenji, Deputy Foreign Minister Le Van Minh and "
            "Ambassador Tran Van Hai. (Photo: VNA)")
    art = extract(text, published="2025-12-05")
    pairs = [sorted(a.name for a in e.actors) for e in art.events if e.type == "CONSULT"]
    assert pairs == [["Le Van Minh", "Sato Kenji"]], pairs


@pytest.mark.parametrize("text", [
    "South Korean President Lee Min-ho met U.S. National Security Adviser Jack Sutton in Seoul on Monday, the White "
    "House said.",
    "Japanese Prime Minister Ken Mori met Indian Prime Minister Arjun Rao in Tokyo on Monday, according to a readout "
    "from the U.S. National Security Council.",
    "Kenyan President Peter Kamau met Ugandan President John Okello in Kampala, the European Union said in a statement.",
])
def test_who_tells_of_a_meeting_is_not_met(text):
    """ "..., the White House said", "according to a readout from the NSC": the source, not a side."""
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert [sum(a.kind == "org" for a in e.actors) for e in art.events if e.type == "CONSULT"] == [0], art.events


@pytest.mark.parametrize("text", [
    "Vice Foreign Minister Li Wen refused to meet U.S. Ambassador Nick Barnes on Friday.",
    "Hungarian Foreign Minister Peter Szabo has denied that he met Russian Foreign Minister Ivan Petrov in Minsk.",
    "Hungarian Foreign Minister Peter Szabo denied meeting Russian Foreign Minister Ivan Petrov.",
    "Azerbaijani Foreign Minister Elnur Aliyev did not travel to Washington on Tuesday.",
    "Talks between Armenian Foreign Minister Aram Sargsyan and Azerbaijani Foreign Minister Elnur Aliyev that were "
    "due to open in Washington on Monday have been postponed.",
    "A meeting between Armenian Foreign Minister Aram Sargsyan and Azerbaijani Foreign Minister Elnur Aliyev planned "
    "for Monday in Washington was cancelled.",
])
def test_a_refused_denied_or_called_off_engagement_is_no_event(text):
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert not [e for e in art.events if e.type == "CONSULT" and e.status == "happened"], art.events


@pytest.mark.parametrize("text, names", [
    ("Senator Mark Dalton and Senator Jane Harlow met Moldovan President Ana Rusu in Chisinau on Thursday.",
     {"Mark Dalton", "Jane Harlow", "Ana Rusu"}),
    ("Representative Tom Baker and Representative Lisa Grant met Taiwanese President Chen Wei in Taipei.",
     {"Tom Baker", "Lisa Grant", "Chen Wei"}),
])
def test_two_holders_of_one_office_with_no_state_meet_together(text, names):
    """ "Senator A and Senator B met X": both are a side of the meeting, though no state is named."""
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert [{a.name for a in e.actors} for e in art.events if e.mode == "meeting"] == [names], art.events


@pytest.mark.parametrize("text, host", [
    ("U.S. Secretary of State Tom Baker dined with Indian External Affairs Minister Arjun Rao in Munich on Saturday.",
     None),
    ("Brazilian President Ana Lima was the guest of Spanish Prime Minister Pedro Ruiz at a dinner in Madrid on "
     "Wednesday.", None),
])
def test_dining_with_and_being_the_guest_of_are_meetings(text, host):
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert [len(e.actors) for e in art.events if e.mode == "meeting"] == [2], art.events


@pytest.mark.parametrize("text", [
    "'We had a candid conversation,' Chinese Foreign Minister Li Wen told U.S. Secretary of State Tom Baker as the "
    "two men sat down in Munich on Saturday.",
    "Turkish President Ali Demir greeted U.S. President Tom Baker warmly before the two leaders sat down on the "
    "margins of the summit.",
])
def test_the_two_of_a_quote_first_lead_sat_down(text):
    """ "'...,' X told Y as the two men sat down": the two its own sentence named met."""
    from communique import extract

    art = extract(text, published="2025-02-16")
    assert [len(e.actors) for e in art.events if e.mode == "meeting"] == [2], art.events


@pytest.mark.parametrize("text, host", [
    ("U.S. Senator Mark Dalton stopped in Bucharest on Wednesday on his way to Moldova.", "ROU"),
    ("Indian Prime Minister Arjun Rao made a brief stopover in Cairo on his way home.", "EGY"),
])
def test_a_stop_on_the_way_is_a_visit(text, host):
    from communique import extract

    visits = [e for e in extract(text, published="2025-03-04").events if e.mode == "visit"]
    assert [next(a.country for a in e.actors if a.role == "host") for e in visits] == [host], visits


def test_a_counterpart_named_right_after_is_that_person_not_one_told_before():
    """ "with his Chinese counterpart, Wang Yi": Wang Yi, not the Chinese President of the sentence before."""
    from communique import extract

    art = extract("Chinese President Xi Jinping chaired a meeting in Beijing. U.S. Secretary of State Tom Baker spoke "
                  "by phone with his Chinese counterpart, Wang Yi, on Friday.", published="2025-03-04")
    assert [sorted(a.name for a in e.actors) for e in art.events if e.mode == "call"] == [["Tom Baker", "Wang Yi"]]


@pytest.mark.parametrize("text, names", [
    ("Foreign Secretary Ann Cole met U.S. Senator JD Harlan in Ohio in July.", {"Ann Cole", "JD Harlan"}),
    ("British Foreign Secretary Ann Cole met U.S. Secretary of State Tom Baker in London on Monday.",
     {"Ann Cole", "Tom Baker"}),
])
def test_a_name_after_an_abbreviations_full_stop_is_met(text, names):
    """ "met U.S. Senator X": the small model may end a sentence at "U.S."; the name after it is met."""
    from communique import extract

    art = extract(text, published="2025-08-01")
    assert [{a.name for a in e.actors} for e in art.events if e.mode == "meeting"] == [names], art.events


def test_states_met_are_their_officials_told_next():
    """ "The leaders of Armenia and Azerbaijan met X and Y ... The Armenian Prime Minister A and the
    Azerbaijani President B sat down with the two Europeans": the meeting is A's and B's with X and Y."""
    from communique import extract

    art = extract("The leaders of Armenia and Azerbaijan met French President Paul Morel and German Chancellor Jan "
                  "Becker on the sidelines of the summit in Copenhagen on Thursday.\n\nArmenian Prime Minister Aram "
                  "Sargsyan and Azerbaijani President Elnur Aliyev sat down with the two Europeans for an hour to "
                  "discuss the peace declaration initialled in Washington in August.", published="2025-10-03")
    meetings = [({a.name for a in e.actors}, e.date) for e in art.events if e.mode == "meeting"]
    assert ({"Aram Sargsyan", "Elnur Aliyev", "Paul Morel", "Jan Becker"}, "2025-10-02") in meetings, meetings
    assert all(d == "2025-10-02" for _, d in meetings), meetings


@pytest.mark.parametrize("text", [
    "U.S. Senator Mark Dalton met Moldovan President Ana Rusu on Thursday, pledging support as the small nation "
    "presses ahead with its bid to join the European Union.",
    "Ukrainian President Ivan Bondar met Dutch Prime Minister Jan de Vries to discuss Ukraine's membership of NATO.",
])
def test_an_organisation_a_state_would_join_is_not_met(text):
    from communique import extract

    art = extract(text, published="2025-03-04")
    assert not [a for e in art.events if e.type == "CONSULT" for a in e.actors if a.kind == "org"], art.events


def test_two_legislators_of_one_state_meet_together():
    """ "U.S. Sen. A and Rep. B met X": B is of A's state and a side of the meeting too."""
    from communique import extract

    art = extract("U.S. Sen. Mark Dalton and Rep. Luis Ortega met Moldovan President Ana Rusu on Thursday.",
                  published="2025-03-04")
    assert [{(a.name, a.country) for a in e.actors} for e in art.events if e.mode == "meeting"] == [
        {("Mark Dalton", "USA"), ("Luis Ortega", "USA"), ("Ana Rusu", "MDA")}]


def test_huddles_with_each_leader_are_meetings():
    from communique import extract

    art = extract("European Council President Jan Vos spent the afternoon in separate huddles with Hungarian Prime "
                  "Minister Peter Szabo and Polish Prime Minister Adam Nowak, diplomats said.", published="2025-03-04")
    assert sorted(sorted(a.name for a in e.actors) for e in art.events if e.mode == "meeting") == [
        ["Adam Nowak", "Jan Vos"], ["Jan Vos", "Peter Szabo"]]


def test_a_visit_to_the_country_is_to_the_state_of_its_sentences_city():
    """ "received X in Abu Dhabi, who is on a working visit to the country", after a sentence naming
    France: the country is the UAE, where its own sentence is."""
    from communique import extract

    text = ("Emirati President Khalid Nahyan received a phone call from French President Paul Morel.\n\nThe two "
            "leaders discussed ties between the UAE and France. Emirati Foreign Minister Saif Nahyan on Monday "
            "received Pakistani Foreign Minister Ali Shah in Abu Dhabi, who is on a working visit to the country.")
    visits = [e for e in extract(text, published="2025-08-18").events if e.mode == "visit"]
    assert [next(a.country for a in e.actors if a.role == "host") for e in visits] == ["ARE"], visits


def test_a_call_on_one_and_a_dialogue_with_another_are_two_events():
    """ "X called on President A and co-chaired the Strategic Dialogue with Foreign Minister B": a
    meeting with A and a dialogue with B, not one dialogue of all three."""
    from communique import extract

    art = extract("Chinese Foreign Minister Li Wen called on Sri Lankan President Anura Perera in Colombo and "
                  "co-chaired the first round of the China-Sri Lanka Foreign Ministers' Strategic Dialogue with "
                  "Foreign Minister Nimal Silva.", published="2025-07-10")
    got = sorted((e.mode, tuple(sorted(a.name for a in e.actors))) for e in art.events if e.type == "CONSULT")
    assert got == [("dialogue", ("Li Wen", "Nimal Silva")), ("meeting", ("Anura Perera", "Li Wen"))], got


def test_each_of_several_subjects_meets_the_object():
    """ "A, B and C each held a short meeting with X": three meetings with X."""
    from communique import extract

    art = extract("Armenian Ambassador Aram Sargsyan, Malaysian Ambassador Azman Hashim and Tunisian Ambassador Karim "
                  "Trabelsi each held a short meeting with Iranian President Reza Karimi.", published="2025-08-10")
    pairs = sorted(sorted(a.name for a in e.actors) for e in art.events if e.mode == "meeting")
    assert pairs == [["Aram Sargsyan", "Reza Karimi"], ["Azman Hashim", "Reza Karimi"], ["Karim Trabelsi", "Reza Karimi"]], pairs


def test_his_meeting_in_a_passive_clause_is_the_agents():
    """ "The message was received by X during his meeting with Y": X's meeting with Y."""
    from communique import extract

    art = extract("The message was received by Saudi Deputy Foreign Minister Walid Harbi during his meeting in "
                  "Riyadh today with Tajik Ambassador Davlat Rahimov.", published="2025-09-12")
    assert [sorted(a.name for a in e.actors) for e in art.events if e.mode == "meeting"] == [
        ["Davlat Rahimov", "Walid Harbi"]]


@pytest.mark.parametrize("text, visitor, host", [
    ("German President Jan Becker welcomed Kenyan President Peter Kamau at Bellevue Palace in Berlin on Tuesday, at "
     "the start of a three-day state visit.", "Peter Kamau", "DEU"),
    ("Japanese Prime Minister Ken Mori received Indian Prime Minister Arjun Rao in Tokyo on Monday, at the end of a "
     "two-day official visit.", "Arjun Rao", "JPN"),
])
def test_the_guest_welcomed_at_the_start_or_end_of_a_visit_is_the_visitor(text, visitor, host):
    from communique import extract

    visits = [e for e in extract(text, published="2025-03-05").events if e.mode == "visit"]
    got = [([a.name for a in e.actors if a.role == "visitor"], next(a.country for a in e.actors if a.role == "host"))
           for e in visits]
    assert got == [([visitor], host)], got
