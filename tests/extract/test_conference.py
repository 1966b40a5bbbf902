"""events.conference: attending a recurring gathering convened by an organisation."""
from communique import extract


def test_attending_the_general_assembly():
    a = extract("Foreign Minister Ines Carvalho of Portugal attended the 80th session of the UN General "
                "Assembly on 23 September 2025.", published="2025-09-24")
    [ev] = [e for e in a.events if e.mode == "conference"]
    assert {(x.name, x.kind) for x in ev.actors} == {("Ines Carvalho", "person"), ("United Nations", "org")}
    assert ev.location.name == "New York"
