"""persons.merge: every way an article names one person becomes one person."""
from extract_helpers import analyse


def test_a_full_name_and_title_plus_surname_are_one_person():
    a = analyse("Ghanaian President Kofi Mensah opened the forum in Accra.\n\n"
                "President Mensah later met the delegation.\n", until="persons")
    [p] = [p for p in a.persons if "kofi" in p.tokens]
    assert len(p.mentions) >= 2 and p.strong
    assert not [q for q in a.persons if q is not p and "mensah" in q.tokens]


def test_a_city_name_is_no_person():
    a = analyse("Delegates gathered in Kuala Lumpur for the forum.\n", until="persons")
    assert not [p for p in a.persons if "kuala" in p.tokens]
