"""events.signing: the signatories of a document, or the states when no person signs."""
from communique import extract


def test_two_states_sign_an_agreement():
    a = extract("Peru and Norway signed an agreement on fisheries research in Lima on 2 April 2025.",
                published="2025-04-03")
    [ev] = [e for e in a.events if e.mode == "signing"]
    assert {x.country for x in ev.actors} == {"PER", "NOR"}
    assert all(x.kind == "country" for x in ev.actors)
