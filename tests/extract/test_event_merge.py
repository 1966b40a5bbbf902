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


def test_a_recalled_occasion_of_the_same_pair_keeps_its_own_date():
    """ "X hosted Y for dinner. In March 2023, X and Y discussed ...": two occasions; the dinner is
    not dated 2023."""
    from communique import extract

    art = extract("Kenyan President Peter Kamau began a state visit to Germany on Tuesday. In the evening, "
                  "Chancellor Jan Becker hosted Kamau for dinner. In March 2023, Kamau and Becker discussed a "
                  "migration partnership.", published="2025-03-04")
    dates = sorted(e.date for e in art.events if e.mode == "meeting")
    assert dates == ["2023-03", "2025-03-04"], dates
