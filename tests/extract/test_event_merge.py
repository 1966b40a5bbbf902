"""events.merge: one event per real-world interaction, however often the article tells it."""
from communique import extract


def test_a_meeting_told_in_the_lead_and_again_later_is_one_event_with_both_sentences():
    a = extract("Foreign Minister Ines Carvalho of Portugal met Ghanaian Foreign Minister Kwame Asante in "
                "Accra on 4 March 2025.\n\nThe ministers discussed trade. Carvalho met Asante again to "
                "review a fisheries project.", published="2025-03-05")
    [ev] = a.events
    assert {x.name for x in ev.actors} == {"Ines Carvalho", "Kwame Asante"}
    assert len(ev.evidence) == 2
    assert ev.date == "2025-03-04"
