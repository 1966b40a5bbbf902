"""events.triggers: which engagement a sentence reports, and what is only planned."""
from communique.events.triggers import detect_modes, is_hypothetical, mechanism_of


def modes(text):
    return [m for m, _ in detect_modes(text)]


def test_each_mode_is_found_from_its_words():
    assert "meeting" in modes("The foreign minister met her Peruvian counterpart in Lima.")
    assert "call" in modes("The two leaders held a phone conversation on Friday.")
    assert "visit" in modes("The president paid a state visit to Ghana.")
    assert "signing" in modes("The ministers signed a memorandum of understanding on fisheries.")


def test_planned_engagements_are_hypothetical():
    text = "The minister is expected to visit Chile next month."
    [(_, pos)] = [(m, p) for m, p in detect_modes(text) if m == "visit"]
    assert is_hypothetical(text, pos)
    done = "The minister visited Chile on Monday."
    assert not is_hypothetical(done, dict(detect_modes(done))["visit"])


def test_a_standing_mechanism_and_its_round():
    mech = mechanism_of("They co-chaired the 9th Kenya-Norway Joint Commission in Nairobi.")
    assert mech == {"name": "Joint Commission", "round": 9} or (mech and mech["round"] == 9)
    assert mechanism_of("They talked about the weather.") is None
