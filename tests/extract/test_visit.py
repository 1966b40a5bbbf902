"""events.visit: a trip abroad with its visitor and host, and "during the visit" references."""
from communique import extract


def test_a_state_visit_has_a_visitor_and_a_host_country():
    a = extract("President Lucia Ferreyra of Argentina paid a state visit to Ghana on 3 March 2025.",
                published="2025-03-05")
    [ev] = [e for e in a.events if e.mode == "visit"]
    assert {(x.name, x.kind, x.role) for x in ev.actors} == {("Lucia Ferreyra", "person", "visitor"),
                                                             ("Ghana", "country", "host")}
    assert ev.location.country == "GHA"


def test_a_visitor_from_the_host_country_is_no_visit():
    a = extract("Ghanaian President Kofi Mensah visited Ghana's northern region on Monday.", published="2025-03-05")
    assert not [e for e in a.events if e.mode == "visit"]
