"""persons.mentions: surnames and titles used alone stand for the person named in full."""
from extract_helpers import analyse, person


def test_a_surname_alone_is_a_mention_of_the_person():
    a = analyse("Foreign Minister Ines Carvalho of Portugal arrived in Accra.\n\nCarvalho thanked her hosts.\n")
    p = person(a, "Ines Carvalho")
    text = a.doc.text
    assert [text[s:e] for s, e in p.mentions] == ["Ines Carvalho", "Carvalho"]


def test_a_title_used_alone_stands_for_its_one_holder():
    a = analyse("Ghana's Foreign Minister Kwame Asante opened the forum.\n\nStudents later met the Foreign Minister, who praised their work.\n")
    p = person(a, "Kwame Asante")
    assert len(p.mentions) == 2 and len(p.title_mentions) == 1


def test_the_person_is_named_by_the_fullest_form_the_article_uses():
    a = analyse("Minister Asante opened the forum.\n\nForeign Minister Kwame Yaw Asante of Ghana spoke later.\n")
    assert "Kwame Yaw Asante" in {p.name for p in a.persons}
