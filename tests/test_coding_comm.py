"""Communication wordings the sentence coder codes as consultations. Sentences written for these tests."""
import pytest

from communique.coding import code_text


@pytest.mark.parametrize("text, src, tgt", [
    ("The Russian foreign minister spoke with his French counterpart on Monday.", "RUS", "FRA"),
    ("Germany's chancellor spoke to the Turkish president about migration.", "DEU", "TUR"),
    ("Kenya's president spoke with Ethiopian officials in Nairobi on Friday.", "KEN", "ETH"),
])
def test_speaking_with_someone_is_a_consultation(text, src, tgt):
    events = [e for e in code_text(text) if e.code.startswith("04")]
    assert events, f"no consultation in {text!r}"
    e = events[0]
    assert e.code == "040"
    assert src in [a.country for a in e.source]
    assert tgt in [a.country for a in e.target]
