"""events.settle: dates and places an event's own sentence does not give."""
from communique import extract


def test_an_event_without_its_own_date_takes_the_articles_main_date():
    a = extract("President Lucia Ferreyra of Argentina paid a state visit to Ghana on 3 March 2025.\n\n"
                "During the visit, Ferreyra met Ghanaian President Kofi Mensah.", published="2025-03-05")
    [meeting] = [e for e in a.events if e.mode == "meeting"]
    assert meeting.date == "2025-03-03"
    assert meeting.location is not None and meeting.location.country == "GHA"


def test_an_engagement_long_before_the_news_is_background():
    a = extract("President Lucia Ferreyra of Argentina paid a state visit to Ghana on 3 March 2025.\n\n"
                "Ferreyra had met Ghanaian President Kofi Mensah in Buenos Aires on 10 October 2024.",
                published="2025-03-05")
    [old] = [e for e in a.events if e.mode == "meeting"]
    assert old.background is True
