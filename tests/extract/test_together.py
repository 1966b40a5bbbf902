"""events.together: officials acting together, joining talks already told, and photo captions."""
from communique import extract


def test_two_officials_of_different_states_agreeing_met():
    a = extract("Ghanaian Foreign Minister Kwame Asante and Portuguese Foreign Minister Ines Carvalho "
                "agreed on Tuesday to expand cooperation in education.", published="2025-03-05")
    assert {frozenset(x.name for x in e.actors) for e in a.events} == {frozenset({"Kwame Asante", "Ines Carvalho"})}


def test_one_official_agreeing_alone_is_no_meeting():
    a = extract("Ghanaian Foreign Minister Kwame Asante agreed on Tuesday to expand cooperation in education.",
                published="2025-03-05")
    assert a.events == []


def test_joining_talks_already_told():
    a = extract("Foreign Minister Ines Carvalho of Portugal held talks with Ghanaian Foreign Minister Kwame "
                "Asante in Accra on Monday.\n\nGhanaian President Kofi Mensah joined part of the talks.",
                published="2025-03-05")
    assert any({"Kofi Mensah", "Ines Carvalho"} <= {x.name for x in e.actors} for e in a.events)
