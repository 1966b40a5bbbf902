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
