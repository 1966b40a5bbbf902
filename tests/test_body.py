"""Body detection on page captures written for these tests, in several site styles, and on the dev pages."""
from pathlib import Path

import pytest

from communique.body import detect_body

DEV = Path("/work/shared/eval/dev/texts")


def line_span(text, line):
    """Offsets of the (only) line equal to `line`."""
    assert text.count(line) >= 1, line
    s = text.index(line)
    return s, s + len(line)


def body_text(text, body):
    return text[body.start:body.end]


def excluded_texts(text, body):
    return [text[s:e] for s, e in body.excluded]


def caption_texts(text, body):
    return [text[s:e] for s, e in body.captions]


AGENCY_PAGE = """Home
World
Politics
Business
Search
Chile and Korea agree to widen trade talks
Latest
![]() |
| Foreign Minister Ana Rojas (right) greets her counterpart Park Min-jae in Santiago. (Photo: Office of the Minister) |
SANTIAGO, March 4 (NAPress) - Chilean Foreign Minister Ana Rojas and South Korean Foreign Minister Park Min-jae agreed on Tuesday to open a new round of talks on their free trade agreement, the ministry said.
The two ministers met at the foreign ministry and reviewed trade in copper, lithium and farm goods, which rose by a fifth last year.
Rojas said the new round would cover digital trade and green hydrogen, two fields the original agreement did not foresee.
Park invited Rojas to visit Seoul later in the year, and she accepted.
Related news
Korea sends aid to flood-hit provinces
Korea sends aid to flood-hit provinces
Seoul pledged emergency relief after heavy rain displaced thousands of families in the south of the country.
Ministers review ocean pact in Lima
Ministers review ocean pact in Lima
Pacific coast states took stock of a fisheries agreement signed two years ago and set new catch limits.
"""


def test_agency_page_with_menus_and_related_news():
    t = AGENCY_PAGE
    b = detect_body(t)
    headline = "Chile and Korea agree to widen trade talks"
    last = "Park invited Rojas to visit Seoul later in the year, and she accepted."
    assert (b.start, b.end) == (line_span(t, headline)[0], line_span(t, last)[1])
    assert b.title == headline and b.title_span == line_span(t, headline)
    body = body_text(t, b)
    assert "Related news" not in body and "flood-hit" not in body and "Home" not in body
    assert "Latest" in excluded_texts(t, b) and "![]() |" in excluded_texts(t, b)
    assert "(Photo: Office of the Minister)" in excluded_texts(t, b)
    assert caption_texts(t, b) == [
        "Foreign Minister Ana Rojas (right) greets her counterpart Park Min-jae in Santiago."]
    assert b.dateline["place"] == "SANTIAGO" and b.dateline["agency"] == "NAPress"
    assert (b.dateline["month"], b.dateline["day"], b.dateline["year"]) == (3, 4, None)
    assert t[slice(*b.dateline["span"])] == "SANTIAGO, March 4 (NAPress) - "
    assert b.published is None  # no year anywhere: not a complete date
    assert b.source == "NAPress"


PORTAL_PAGE = """Ministry of Foreign Affairs of the Republic of Estonia
Home > Press Room > Readouts
Foreign Minister meets Ghanaian counterpart in Tallinn
Published: 13/02/2026
Print | Email
Foreign Minister Kadri Tamm received Ghana's Minister for Foreign Affairs Kwame Mensah in Tallinn on 12 February for talks on digital governance and maritime security.

The ministers discussed cooperation in e-government services, cyber defence training and the safety of shipping lanes in the Gulf of Guinea.

Minister Tamm said Estonia was ready to share its experience with digital identity systems, while Minister Mensah invited Estonian companies to a technology fair in Accra.

The two sides agreed to hold political consultations between their ministries every year.

Share:
Facebook
Twitter
© 2026 Ministry of Foreign Affairs. All rights reserved.
"""


def test_government_portal_readout_with_breadcrumbs_and_print_links():
    t = PORTAL_PAGE
    b = detect_body(t)
    headline = "Foreign Minister meets Ghanaian counterpart in Tallinn"
    last = "The two sides agreed to hold political consultations between their ministries every year."
    assert (b.start, b.end) == (line_span(t, headline)[0], line_span(t, last)[1])
    assert b.title == headline
    assert b.published == "2026-02-13"
    ex = excluded_texts(t, b)
    assert "Published: 13/02/2026" in ex and "Print | Email" in ex
    body = body_text(t, b)
    assert "Press Room" not in body and "Share:" not in body and "All rights reserved" not in body
    assert b.captions == []


WIRE_STORY = """Japan, Philippines sign defence logistics pact
By Mariko Sato
WASHINGTON, March 3 (Wirecast) -- Japan and the Philippines signed an agreement on Monday allowing their armed forces to share fuel, food and transport during joint exercises, officials said.
The pact was signed at the Japanese embassy by the two countries' ambassadors in the presence of senior defence officials from both governments.
Related: Manila hosts coast guard drills with Tokyo
A Philippine defence spokesman said the agreement would take effect once both parliaments approve it, which is expected before the end of the year.
Japan's ambassador said the deal reflected a shared commitment to a free and open region and to the rule of law at sea.
Related:
Tokyo boosts aid to Pacific island states
Philippine senate ratifies visiting forces deal
(Reporting by Mariko Sato; Editing by Tom Hale)
"""


def test_wire_story_with_dateline_and_related_links():
    t = WIRE_STORY
    b = detect_body(t)
    headline = "Japan, Philippines sign defence logistics pact"
    last = "Japan's ambassador said the deal reflected a shared commitment to a free and open region and to the rule of law at sea."
    assert (b.start, b.end) == (line_span(t, headline)[0], line_span(t, last)[1])
    ex = excluded_texts(t, b)
    assert "By Mariko Sato" in ex
    assert "Related: Manila hosts coast guard drills with Tokyo" in ex  # an inline link inside the body
    body = body_text(t, b)
    assert "Tokyo boosts aid" not in body and "senate ratifies" not in body
    assert b.dateline["place"] == "WASHINGTON" and b.dateline["agency"] == "Wirecast"
    assert (b.dateline["month"], b.dateline["day"]) == (3, 3)
    assert b.source == "Wirecast"


INTERVIEW_PAGE = """The Danube Courier
Ambassador Kovacs: our partnership has entered a new stage
Interview
![]() |
| Ambassador Lena Kovacs speaks with reporters at the embassy. (Photo: Embassy press office) |
On the eve of the joint commission's tenth session, Ambassador Lena Kovacs spoke to the Danube Courier about the year ahead in relations between the two countries.
Ambassador, how would you assess relations between the two countries this year?
Relations have never been closer. Our presidents met twice, our ministers of economy signed a plan on energy links, and trade grew by twelve percent.
![]() |
| Ambassador Kovacs and Deputy Minister Tomas Novak at the business forum. (Photo: Ivo Hrabe) |
What are the priorities for next year?
First, the power interconnector. Second, student exchanges, which we plan to double. Third, closer work in the regional organisations where we both sit.
Tags: diplomacy, interview
Most Viewed
Winter festival opens on the river banks
City council approves new tram line
"""


def test_interview_page_with_photo_frames():
    t = INTERVIEW_PAGE
    b = detect_body(t)
    headline = "Ambassador Kovacs: our partnership has entered a new stage"
    last = ("First, the power interconnector. Second, student exchanges, which we plan to double. "
            "Third, closer work in the regional organisations where we both sit.")
    assert (b.start, b.end) == (line_span(t, headline)[0], line_span(t, last)[1])
    assert b.title == headline
    caps = caption_texts(t, b)
    assert caps == ["Ambassador Lena Kovacs speaks with reporters at the embassy.",
                    "Ambassador Kovacs and Deputy Minister Tomas Novak at the business forum."]
    ex = excluded_texts(t, b)
    assert ex.count("![]() |") == 2 and "Interview" in ex
    assert "(Photo: Ivo Hrabe)" in ex and "(Photo: Embassy press office)" in ex
    # captions are evidence: inside the body, never excluded
    for s, e in b.captions:
        assert b.start <= s < e <= b.end
        assert not any(xs <= s < xe for xs, xe in b.excluded)
    assert "Tags:" not in body_text(t, b) and "tram line" not in body_text(t, b)


ARTICLE_ONLY = """Moscow, 12 May 2025 — The foreign ministers of Brazil and Norway met on the sidelines of a conference on Arctic research and agreed to share data from their polar stations.

They also discussed climate finance ahead of the next summit and a joint study of ocean currents.

Both ministers said they would meet again in the autumn.
"""


def test_page_with_nothing_but_the_article():
    t = ARTICLE_ONLY
    b = detect_body(t)
    assert (b.start, b.end) == (0, len(t.rstrip()))
    assert b.excluded == [] and b.captions == []
    assert b.title is None
    assert b.published == "2025-05-12"
    assert b.dateline["place"] == "Moscow" and b.dateline["year"] == 2025


@pytest.mark.parametrize("line, iso", [
    ("February 13, 2026 | 09:15 GMT+7", "2026-02-13"),
    ("Updated: 2025-09-25", "2025-09-25"),
    ("Published: 13/02/2026", "2026-02-13"),
])
def test_date_lines_give_the_published_date(line, iso):
    t = ("Two ministers discuss river transport\n" + line + "\n"
         "The transport ministers of two neighbouring states met on Friday to discuss shipping on the river they share, "
         "and agreed to dredge the main channel together.\n")
    b = detect_body(t)
    assert b.published == iso
    assert line in excluded_texts(t, b)
    assert b.title == "Two ministers discuss river transport"


def test_published_date_line_wins_over_updated():
    t = ("Updated: 2025-09-25\nPublished: 2025-09-20\n"
         "The transport ministers of two neighbouring states met on Friday to discuss shipping on the river they share, "
         "and agreed to dredge the main channel together.\n")
    assert detect_body(t).published == "2025-09-20"


def test_outlet_dateline_and_agency_dateline():
    t = ("THE DANUBE COURIER — The prime ministers of two river states opened a bridge on Saturday and pledged "
         "to build a second one within five years.\n")
    b = detect_body(t)
    assert b.source == "The Danube Courier" and b.dateline["place"] is None
    t2 = ("Lima (ANDINA) – Peru and Ecuador held their fourth round of border talks on Thursday and agreed to "
          "reopen two crossings for trade.\n")
    b2 = detect_body(t2)
    assert b2.dateline["place"] == "Lima" and b2.source == "ANDINA"


@pytest.mark.parametrize("dateline, month, day", [
    ("HANOI (May 7) - ", 5, 7),
    ("Lagos (12 June) – ", 6, 12),
])
def test_a_date_in_a_dateline_s_parentheses_is_its_date_not_an_agency(dateline, month, day):
    b = detect_body(dateline + "The foreign ministers of the two countries met on Wednesday and agreed to reopen "
                               "two border crossings for trade.\n")
    assert b.source is None and b.dateline["agency"] is None
    assert (b.dateline["month"], b.dateline["day"]) == (month, day)


@pytest.mark.parametrize("dateline, published", [
    ("ABU DHABI, 5th January, 2026 (WAM) -- ", "2026-01-05"),
    ("NAIROBI, January 5th, 2026 (KNA) -- ", "2026-01-05"),
    ("DOHA, 22nd March 2026 (QNA) - ", "2026-03-22"),
])
def test_an_ordinal_day_in_a_dateline_dates_the_article(dateline, published):
    b = detect_body("Leaders speak by phone\n\n" + dateline + "The two leaders spoke by phone today and discussed "
                    "regional developments and ways to expand trade.\n")
    assert b.published == published and b.dateline["place"] is not None


@pytest.mark.parametrize("dateline, agency", [("BERLIN, May 14, 2026, dpa. ", "dpa"), ("MADRID, May 14, 2026, efe. ", "efe")])
def test_a_lower_case_agency_after_a_dated_dateline(dateline, agency):
    b = detect_body("Talks\n\n" + dateline + "The foreign ministers of the two countries met on Wednesday and agreed "
                    "to reopen two border crossings for trade.\n")
    assert b.published == "2026-05-14" and b.source == agency and b.dateline["place"] is not None


@pytest.mark.parametrize("dateline, place, agency", [
    ("New Delhi, May 19 (PTI) ", "New Delhi", "PTI"),
    ("Kolkata, 19 May (IANS) ", "Kolkata", "IANS"),
    ("Islamabad, May 19, 2026 (APP) ", "Islamabad", "APP"),
])
def test_a_south_asian_wire_dateline_with_no_dash_after_the_agency(dateline, place, agency):
    b = detect_body("Ministers meet\n\n" + dateline + "The foreign ministers of the two countries met on Monday and "
                    "agreed to reopen two border crossings for trade.\n")
    assert (b.dateline["place"], b.dateline["agency"], b.dateline["month"], b.dateline["day"]) == (place, agency, 5, 19)


def test_a_date_and_a_bracket_that_open_a_sentence_are_no_dateline():
    b = detect_body("Ministers meet\n\nOn Monday, May 19 (local time) the foreign ministers of the two countries met "
                    "and agreed to reopen two border crossings for trade.\n")
    assert b.dateline is None


@pytest.mark.parametrize("line, published", [
    ("14 de mayo de 2026", "2026-05-14"),
    ("Lunes, 14 de mayo de 2026 | 10:30", "2026-05-14"),
    ("14 mai 2026", "2026-05-14"),
    ("1er juin 2026", "2026-06-01"),
    ("14. Mai 2026", "2026-05-14"),
])
def test_a_date_line_in_the_page_s_own_language(line, published):
    b = detect_body("Talks\n\n" + line + "\n\nThe foreign ministers of the two countries met on Wednesday and "
                    "agreed to reopen two border crossings for trade.\n")
    assert b.published == published


def test_empty_and_furniture_only_text():
    assert (detect_body("").start, detect_body("").end) == (0, 0)
    b = detect_body("Home\nLatest\nLog in\n")
    assert b.start == b.end


def test_offsets_survive_windows_newlines():
    t = ARTICLE_ONLY.replace("\n", "\r\n")
    b = detect_body(t)
    assert t[b.start:b.end].endswith("meet again in the autumn.")


# ---------------------------------------------------------------------------- the dev captures

def dev(name):
    path = DEV / f"{name}.txt"
    if not path.exists():
        pytest.skip("dev texts not present")
    return path.read_text(encoding="utf-8")


def test_dev_002_body_ends_before_reactions():
    t = dev("seed-002")
    b = detect_body(t)
    assert b.end <= t.index("Reactions:")
    tail = t[b.end:t.index("Reactions:")]
    assert tail.strip() == ""
    assert "Log in" not in body_text(t, b)
    assert b.title is not None and t[slice(*b.title_span)] == b.title


def test_dev_003_body_ends_before_see_more():
    t = dev("seed-003")
    b = detect_body(t)
    assert b.end <= t.index("See more")
    assert b.end > t.index("coming time")  # the last paragraph is kept
    assert b.start == 0


def test_dev_001_title_inside_and_latest_excluded():
    t = dev("seed-001")
    b = detect_body(t)
    first_line = t.split("\n", 1)[0]
    assert b.start == 0 and b.title == first_line
    latest = t.index("\nLatest\n") + 1
    assert (latest, latest + len("Latest")) in b.excluded
    assert b.captions and all(b.start <= s < e <= b.end for s, e in b.captions)


def test_dev_000_trailing_source_line_is_outside():
    t = dev("seed-000")
    b = detect_body(t)
    assert "Source:" not in body_text(t, b)


def test_standfirst_without_full_stop_is_not_taken_for_the_headline():
    t = ("Pacific Wire Service\n"
         "World | Politics | Economy\n"
         "Fiji and Samoa agree on joint fisheries patrols\n\n"
         "The two island states will share patrol boats and surveillance data to fight illegal fishing, the ministers said\n\n"
         "SUVA, April 2. /PWS/. The fisheries ministers of Fiji and Samoa signed an agreement on Wednesday to run joint "
         "patrols in their exclusive economic zones from next year.\n\n"
         "The patrols will be funded from licence fees paid by foreign fleets.\n")
    b = detect_body(t)
    assert b.title == "Fiji and Samoa agree on joint fisheries patrols"
    assert b.dateline["place"] == "SUVA" and b.dateline["agency"] == "PWS"
    assert "World | Politics" in t[:b.start]


def test_lead_in_line_and_section_lines_between_headline_and_lead():
    t = ("Office of the Spokesperson > Releases\n"
         "Secretary's Call with the Foreign Minister of Ghana\n"
         "READOUT\n"
         "March 9, 2026\n\n"
         "The following is attributable to the Spokesperson:\n\n"
         "The Secretary spoke today with the Foreign Minister of Ghana about regional security, trade and the coming "
         "summit of West African leaders.\n")
    b = detect_body(t)
    assert b.title == "Secretary's Call with the Foreign Minister of Ghana"
    assert b.published == "2026-03-09"
    assert {"READOUT", "March 9, 2026"} <= set(excluded_texts(t, b))


def test_agency_signoff_and_numeric_date_line():
    t = ("Gulf News Agency\n"
         "Wednesday 2026/01/14\n\n"
         "Foreign Minister Receives Omani Counterpart\n\n"
         "Muscat, January 14, 2026, GNA -- The Foreign Minister received his Omani counterpart today and reviewed "
         "relations between the two countries and the situation in the region.\n\n"
         "The two ministers agreed to hold the next round of political consultations in the spring.\n"
         "--GNA\n")
    b = detect_body(t)
    assert b.published == "2026-01-14"
    assert b.dateline["agency"] == "GNA" and b.source == "GNA"
    assert "--GNA" not in t[b.start:b.end]


@pytest.mark.parametrize("dateline, place, agency", [
    ("TOKYO, Aug 29 (Reuters) -", "TOKYO", "Reuters"),
    ("NAIROBI, 3 March (Xinhua) --", "NAIROBI", "Xinhua"),
])
def test_dateline_on_a_line_of_its_own_is_no_headline(dateline, place, agency):
    text = ("Ministers agree on new rail link\n" + dateline + "\n\n"
            "The transport ministers of the two countries agreed on Friday to build a rail link between their "
            "capitals, officials said after a day of talks that ran late into the evening.\n")
    body = detect_body(text)
    assert body.title == "Ministers agree on new rail link"
    assert body.dateline["place"] == place and body.dateline["agency"] == agency


@pytest.mark.parametrize("label", ["From: Ministry of Foreign Affairs and Trade", "Author: Press Office",
                                   "By: Marta Ruiz, Madrid"])
def test_labelled_byline_between_headline_and_lead_is_no_headline(label):
    text = ("Minister visits Ghana to sign a skills pact\n" + label + "\nPublished 22 January 2026\n\n"
            "The minister travelled to Accra this week, where she met her Ghanaian counterpart and signed a new "
            "agreement on skills and training for young people in both countries.\n")
    body = detect_body(text)
    assert body.title == "Minister visits Ghana to sign a skills pact" and body.published == "2026-01-22"


def test_a_short_first_paragraph_is_part_of_the_story():
    """ "Mar 6, 2025", then a one-sentence paragraph shorter than a lead, then the next: the story
    begins at the short one, which tells the visit."""
    from communique import extract

    text = ("Mar 6, 2025\n\nIndian External Affairs Minister Arjun Rao visited Qatar on March 3-5.\n\n"
            "Rao met Qatari Prime Minister Khalid Thani in Doha on March 4.")
    art = extract(text)
    assert {e.mode for e in art.events} == {"visit", "meeting"}, art.events
    assert "Arjun Rao" in {p.name for p in art.persons}


def test_a_live_blog_goes_on_past_each_entrys_share_line():
    page = ("EUROPE LIVE\nSummit live: leaders meet in Oslo\nUpdated 2 October 2026, 15.42 CEST\n\n"
            "15.42 CEST\nLeaders sign a drone deal\nNorwegian prime minister Ola Berg and Ukrainian president Ivan "
            "Koval have signed a letter of intent on drones at the end of their meeting in Oslo.\nShare\n\n"
            "14.10 CEST\nNetherlands pledges more aid\nDutch prime minister Jan Smit said the Netherlands would "
            "provide two billion euros in military support to Ukraine next year, after he met Koval.\nShare\n\n"
            "Read more\n- Other leaders talk migration in Rome\n")
    b = detect_body(page)
    body = page[b.start:b.end]
    assert "Jan Smit" in body and "Other leaders" not in body
