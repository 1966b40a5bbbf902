"""events.sides: who stands before and after the trigger, and whether two persons are different sides."""
from communique.events.sides import _cross, _dedupe, org_counterparts, split_sides
from communique.events.triggers import detect_modes

from extract_helpers import analyse, person


TEXT = ("Kenyan Foreign Minister Amani Wekesa met Norwegian State Secretary Solveig Brekke "
        "and Norwegian Ambassador Tor Lien in Nairobi on Monday.\n")


def test_subject_side_and_counterparts_of_the_trigger():
    a = analyse(TEXT)
    [s] = a.sentences
    pos = dict(detect_modes(s.text))["meeting"]
    before, after = split_sides(s, pos)
    assert [p.name for p in _dedupe(before)] == ["Amani Wekesa"]
    assert [p.name for p in _dedupe(after)] == ["Solveig Brekke", "Tor Lien"]


def test_persons_of_two_states_are_different_sides_and_one_delegation_is_not():
    a = analyse(TEXT)
    wekesa, brekke, lien = (person(a, n) for n in ("Amani Wekesa", "Solveig Brekke", "Tor Lien"))
    assert _cross(a, wekesa, brekke)
    assert not _cross(a, brekke, lien)
    assert not _cross(a, wekesa, wekesa)


def test_an_organisation_met_after_the_trigger():
    a = analyse("Foreign Minister Amani Wekesa of Kenya met officials of the World Health Organization in Geneva.\n")
    [s] = a.sentences
    pos = dict(detect_modes(s.text))["meeting"]
    assert [name for name, _, _ in org_counterparts(s, pos)] == ["World Health Organization"]
