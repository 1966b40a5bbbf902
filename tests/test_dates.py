"""Date mentions, their ISO values, standalone parsing and the year an article is set in."""
import datetime as dt

import pytest

from communique.dates import find_dates, infer_year, parse_date

PUB = dt.date(2026, 2, 13)  # a Friday


def values(text, **kw):
    return [(m.text, m.value, m.kind) for m in find_dates(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("The envoy arrived on February 13 for talks.", ("February 13", "2026-02-13", "day")),
    ("The accord was signed 13 February 2026 in Rabat.", ("13 February 2026", "2026-02-13", "day")),
    ("On Feb. 13, 2026, the ministers spoke.", ("Feb. 13, 2026", "2026-02-13", "day")),
    ("Record dated 2026-02-13 shows the visit.", ("2026-02-13", "2026-02-13", "day")),
    ("Notice of 13/02/2026 from the embassy.", ("13/02/2026", "2026-02-13", "day")),
    ("On Tuesday, 10 February 2026 the talks began.", ("Tuesday, 10 February 2026", "2026-02-10", "day")),
])
def test_single_days(text, expected):
    assert values(text, published=PUB) == [expected]


def test_numeric_dates_are_day_first_unless_impossible():
    got = values("Filed 05/06/2024, amended 02/13/2026.")
    assert got == [("05/06/2024", "2024-06-05", "day"), ("02/13/2026", "2026-02-13", "day")]


@pytest.mark.parametrize("text, span, value", [
    ("The expo runs from December 2-5 in Lima.", "December 2-5", "2025-12-02/2025-12-05"),
    ("From September 21-24, leaders met in New York.", "September 21-24", "2025-09-21/2025-09-24"),
    ("Talks held 21-24 September 2025 ended well.", "21-24 September 2025", "2025-09-21/2025-09-24"),
    ("The tour lasts from 30 November to 2 December.", "30 November to 2 December", "2025-11-30/2025-12-02"),
    ("The fair is open between May 3 and May 5.", "May 3 and May 5", "2025-05-03/2025-05-05"),
    ("Delegates met December 30, 2025 to January 2, 2026.", "December 30, 2025 to January 2, 2026",
     "2025-12-30/2026-01-02"),
    ("Consultations ran September-October 2025.", "September-October 2025", "2025-09/2025-10"),
])
def test_ranges(text, span, value):
    got = find_dates(text, published=PUB)
    assert [(m.text, m.value, m.kind) for m in got] == [(span, value, "range")]
    m = got[0]
    assert text[m.start:m.end] == span


def test_two_listed_days_are_not_a_range():
    assert [m.value for m in find_dates("Votes on May 3 and May 5.", year=2024)] == ["2024-05-03", "2024-05-05"]


def test_month_and_year_mentions():
    assert values("In September 2023, ties were upgraded.") == [("September 2023", "2023-09", "month")]
    assert values("They will meet in September.", year=2024) == [("September", "2024-09", "month")]
    assert values("The plan was adopted in 2025.") == [("2025", "2025", "year")]


def test_numbers_that_are_not_years():
    text = "Farmers own 2,026 horses; the grant is $130 million under Resolution No. 57; in 2030 people voted."
    assert find_dates(text) == []
    assert find_dates("Theresa May spoke and may return.") == []


def test_year_comes_from_expression_then_year_then_published_then_unknown():
    text = "He arrived on March 20."
    assert find_dates(text)[0].value == "XXXX-03-20"
    assert find_dates(text, year=2019)[0].value == "2019-03-20"
    assert find_dates(text, published=dt.date(2024, 6, 1))[0].value == "2024-03-20"
    # a month-day well after publication belongs to the previous year
    assert find_dates("talks on November 5", published=dt.date(2025, 1, 10))[0].value == "2024-11-05"
    assert find_dates("talks on November 5, 2021", published=PUB, year=2030)[0].value == "2021-11-05"
    # ... also when the article's year is known to be the publication's (the pipeline passes both)
    assert find_dates("talks on December 30", published=dt.date(2025, 1, 3), year=2025)[0].value == "2024-12-30"
    assert find_dates("talks on December 30", published=dt.date(2025, 1, 3), year=2019)[0].value == "2019-12-30"
    assert find_dates("from December 2-5")[0].value == "XXXX-12-02/XXXX-12-05"


def test_relative_dates_against_publication():
    text = "Today and yesterday, on Tuesday, last week, earlier this month and next month; three days ago."
    got = values(text, published=PUB)
    assert got == [
        ("Today", "2026-02-13", "relative"), ("yesterday", "2026-02-12", "relative"),
        ("Tuesday", "2026-02-10", "relative"), ("last week", "2026-02-02/2026-02-08", "relative"),
        ("earlier this month", "2026-02", "relative"), ("next month", "2026-03", "relative"),
        ("three days ago", "2026-02-10", "relative"),
    ]
    assert find_dates("yesterday, on Tuesday") == []  # nothing to count from


@pytest.mark.parametrize("text", ["The two leaders spoke by telephone last night.", "They spoke late last night."])
def test_last_night_is_the_day_before_publication(text):
    assert [v for _, v, _ in values(text, published=PUB)] == ["2026-02-12"]


def test_offsets_point_into_text():
    text = "Nearly a year later, on 5 March 2025, the ministers met again; the next round is set for June 9."
    for m in find_dates(text, published=PUB):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("s, iso", [
    ("13/02/2026", "2026-02-13"), ("February 13, 2026", "2026-02-13"), ("Feb. 13, 2026", "2026-02-13"),
    ("Friday, 13 February 2026", "2026-02-13"), ("2026-02-13T08:30:00+07:00", "2026-02-13"),
    ("13 Feb 2026 10:45", "2026-02-13"), ("September 2025", "2025-09"), ("not a date", None), ("", None),
])
def test_parse_date(s, iso):
    assert parse_date(s) == iso


def test_infer_year_from_anniversary_span_looking_ahead():
    text = ("The friendship festival takes place from December 2-5 in the port city. Towards the 30th founding "
            "anniversary of diplomatic relations (1995-2025), both sides pledged more exchanges. "
            "The previous edition was held in September 2023.")
    assert infer_year(text) == 2024


def test_infer_year_from_numbered_assembly():
    text = ("From September 21-24, the foreign minister led the delegation to the high-level week "
            "of the 80th United Nations General Assembly.")
    assert infer_year(text) == 2025


@pytest.mark.parametrize("text, year", [
    ("As both countries celebrate the 50th anniversary of diplomatic ties (1975-2025), the leaders met on March 3.",
     2025),
    ("The ministers will meet again next month at the summit in October 2025. They spoke on September 12.", 2025),
    ("Leaders gathered for the 46th ASEAN Summit on May 26.", 2025),
    ("Delegates prepared for COP30, which opens on November 10.", 2025),
    ("Heads of state arrive for the 15th BRICS Summit on August 22.", 2023),
    ("The 32nd APEC Economic Leaders' Meeting opens on October 31.", 2025),
])
def test_infer_year_other_signals(text, year):
    assert infer_year(text) == year


def test_infer_year_none_when_nothing_settles_it():
    assert infer_year("The minister met his counterpart on March 3.") is None
    assert infer_year("In September 2023, the two sides upgraded ties.") is None
    assert infer_year("") is None


def test_infer_year_uses_publication_when_known():
    assert infer_year("Talks on March 3.", published=dt.date(2022, 3, 5)) == 2022


def test_infer_year_anniversary_in_a_stated_year_looks_ahead():
    text = ("The ministries will coordinate to hold activities to celebrate the 30th anniversary of the "
            "normalisation of ties in 2025. The partnership was upgraded in September 2023.")
    assert infer_year(text) == 2024


def test_infer_year_anniversary_from_founding_year():
    text = "This year marks the 50th anniversary of diplomatic relations, established in 1973. They met on May 4."
    assert infer_year(text) == 2023


@pytest.mark.parametrize("text, expected", [
    ("Visits resume in mid-September.", [("September", "2025-09", "month")]),
    ("The drill ran 2–5 December 2024.", [("2–5 December 2024", "2024-12-02/2024-12-05", "range")]),
    ("Talks were held on the 13th of February.", [("13th of February", "2026-02-13", "day")]),
    ("Reforms are due by late 2027.", [("2027", "2027", "year")]),
    ("The fund covers 2025 cases.", []),
    ("Decree 2025 of the ministry.", []),
])
def test_more_forms(text, expected):
    assert values(text, published=PUB) == expected


@pytest.mark.parametrize("text, expected", [
    ("The plan for 2021-2025 was adopted.", [("2021-2025", "2021/2025", "range")]),
    ("Trade grew between 2019 and 2024.", [("2019 and 2024", "2019/2024", "range")]),
    ("Relations (1995-2025) were reviewed.", []),
])
def test_year_ranges(text, expected):
    assert values(text) == expected


def test_future_sentences_keep_coming_dates_in_the_publication_year():
    pub = dt.date(2025, 6, 20)
    assert values("The president will travel to Moscow in early July.", published=pub) == [
        ("July", "2025-07", "month")]
    assert values("The forum will take place on 4-5 July.", published=pub) == [
        ("4-5 July", "2025-07-04/2025-07-05", "range")]
    # the same date reported as past belongs to the previous year
    assert values("The forum took place on 4-5 July.", published=pub) == [
        ("4-5 July", "2024-07-04/2024-07-05", "range")]


@pytest.mark.parametrize("s, iso", [
    ("May 2, 2025 | 09:15 GMT+7", "2025-05-02"), ("Published: 13/02/2026", "2026-02-13"),
    ("Updated: Friday, February 13, 2026 10:45 AM (GMT+7)", "2026-02-13"), ("13.02.2026, 10:45", "2026-02-13"),
    ("Posted on 2 March 2025 at 14h30", "2025-03-02"), ("February 13, 2026 and March 2, 2026", None),
])
def test_parse_date_lines(s, iso):
    assert parse_date(s) == iso


# ---------------------------------------------------------------- the page's own date

from communique.body import detect_body  # noqa: E402


@pytest.mark.parametrize("page, iso, lead", [
    (" date 2025-03-14 ROME — The Italian foreign minister received his Chilean counterpart on Friday "
     "at the Farnesina, where the two discussed trade.\n", "2025-03-14", "ROME"),
    ("date 2019-06-02\n\nThe two presidents spoke by telephone on Sunday about the border crossings "
     "that reopened last month.\n", "2019-06-02", "The two"),
    (" date 2022-10 In a call on Tuesday, the chancellor asked the prime minister to keep the grain "
     "corridor open for the whole winter.\n", "2022-10", "In a call"),
])
def test_a_leading_date_stamp_is_the_publication_date_and_no_text(page, iso, lead):
    b = detect_body(page)
    assert b.published == iso
    assert page[b.start:].startswith(lead)  # the stamp is not part of the article


def test_a_date_word_inside_the_text_is_no_stamp():
    page = ("The date 2025-03-14 was set for the vote, the speaker said after meeting party leaders "
            "in the capital on Monday.\n")
    assert detect_body(page).published is None


@pytest.mark.parametrize("text, year", [
    # a recalled, dated past sets the article after it: the year-less date falls before its month
    ("The prime ministers met in Ottawa on April 2. They recalled their first talks in Lima in September 2022.", 2023),
    ("On April 2 the ministers spoke again, after their meeting of 14 October 2022 in Accra.", 2023),
    # ... or after it, in the same year
    ("Leaders met on November 20, having upgraded ties in March 2021.", 2021),
    ("Trade between January and August 2019 rose by a tenth; the ministers met on 12 October.", 2019),
    # the 16th session follows the 15th of that month a year before
    ("The 16th session opened on December 9, a year after the 15th session held in December 2022.", 2023),
])
def test_infer_year_from_a_recalled_dated_past(text, year):
    assert infer_year(text) == year


@pytest.mark.parametrize("text", [
    "The ministers met on March 7 and 8. The mechanism's session on March 7-8, 2024 ended with a statement.",
    "Talks on 7 March were the first of two days (7-8 March 2024) of the strategic dialogue.",
])
def test_a_year_less_date_in_a_month_written_with_its_year_takes_it(text):
    assert infer_year(text) == 2024


ARTICLE = ("The foreign ministers of Chile and Norway met in Santiago to discuss salmon farming, "
           "copper exports and a new research programme for the Antarctic.\n")


@pytest.mark.parametrize("top, iso", [
    ("By Maria Chen | Published: March 3, 2025 9:40 am | 5 min read", "2025-03-03"),
    ("Published 14 May 2024, 10:02 GMT · By Tom Reed and Ana Silva · 3 min read", "2024-05-14"),
    ("Date: 2024.03.15", "2024-03-15"),
    ("Posted on 03/25/2024 at 11:20", "2024-03-25"),  # a day over 12: month first
    ("Updated 16/04/22 | 08:10 am", "2022-04-16"),
])
def test_bylines_labels_and_numeric_forms_give_the_page_date(top, iso):
    assert detect_body(top + "\n\n" + ARTICLE).published == iso


def test_the_date_line_beside_the_headline_beats_the_sites_today():
    page = ("Subscribe | Tuesday, July 9, 2024\n\nNorway and Chile agree on Antarctic research\n\n"
            "02/03/24 | 4:15 pm\n\n" + ARTICLE)
    assert detect_body(page).published == "2024-03-02"


@pytest.mark.parametrize("lead, iso", [
    ("SANTIAGO, Feb 4, 2025, Prensa. The foreign ministers of Chile and Norway met to discuss salmon "
     "farming and copper exports.", "2025-02-04"),
    ("OSLO, March 12, 2024 /Newswire/ — The foreign ministers of Chile and Norway met to discuss salmon "
     "farming and copper exports.", "2024-03-12"),
])
def test_datelines_with_a_year_give_the_page_date(lead, iso):
    b = detect_body(lead + "\n")
    assert b.published == iso
    assert b.dateline["year"] == int(iso[:4])


@pytest.mark.parametrize("footer", [
    "This article was originally published on 2 June 2023.",
    "The story first appeared on June 2, 2023 on the ministry's website.",
])
def test_a_repost_footer_dates_the_original_post(footer):
    page = ARTICLE + "\n" + ARTICLE.replace("Santiago", "Valparaiso") + "\n" + footer + "\n"
    b = detect_body(page)
    assert b.published == "2023-06-02"
    assert page.index(footer) >= b.end or any(s <= page.index(footer) < e for s, e in b.excluded)


# ---------------------------------------------------------------- dates a later sentence gives an event

from communique.follow_ups import follow_up_date, lead_date  # noqa: E402

MON = dt.date(2025, 3, 10)  # a Monday


@pytest.mark.parametrize("texts, expected", [
    (["The Estonian premier met the Irish taoiseach in Dublin.",
      "In remarks at the meeting on Monday evening, both praised the energy link."], "2025-03-10"),
    (["The Estonian premier met the Irish taoiseach in Dublin.",
      "They met at the government buildings on Friday, 7 March, the ministry said."], "2025-03-07"),
    (["The Estonian premier held talks with the Irish taoiseach.",
      "The talks, held on 6 March, covered energy."], "2025-03-06"),
])
def test_a_follow_up_sentence_dates_the_event(texts, expected):
    assert follow_up_date(texts, 0, "meeting", published=MON) == expected


@pytest.mark.parametrize("texts", [
    ["The Estonian premier met the Irish taoiseach in Dublin.",
     "The two leaders agreed to meet again on 20 September in Tallinn."],
    ["The Estonian premier met the Irish taoiseach in Dublin.",
     "It was their first encounter since the previous meeting on 2 February 2024."],
    ["The Estonian premier met the Irish taoiseach in Dublin.", "Energy prices rose on Friday."],
])
def test_planned_follow_ups_and_other_occasions_give_no_date(texts):
    assert follow_up_date(texts, 0, "meeting", published=MON) is None


def test_the_lead_date_resolves_weekdays_and_skips_the_future():
    assert lead_date(["The premier will travel to Riga on Thursday.", "She met the envoy on Friday."],
                     published=MON) == "2025-03-07"
    assert lead_date(["The premier met the envoy."], published=MON) is None


FRI = dt.date(2024, 11, 15)  # a Friday


@pytest.mark.parametrize("text, value", [
    ("On the eve, the two ministers spoke by phone.", "2024-11-14"),
    ("The premiers met over the weekend in Bergen.", "2024-11-09/2024-11-10"),
    ("The envoys met last weekend in Bergen.", "2024-11-09/2024-11-10"),
    ("Earlier this month the envoys met in Bergen.", "2024-11"),
])
def test_relative_expressions_count_from_the_publication_date(text, value):
    assert [m.value for m in find_dates(text, published=FRI)] == [value]


def test_last_weekend_on_a_weekend_page_is_the_one_before():
    assert [m.value for m in find_dates("They met last weekend.", published=dt.date(2024, 11, 16))] == [
        "2024-11-09/2024-11-10"]


@pytest.mark.parametrize("text", [
    "They spoke on the eve of the summit.",
    "The ministers met the day before the vote.",
])
def test_the_eve_of_an_event_is_not_counted_from_the_page(text):
    assert find_dates(text, published=FRI) == []


from communique.dates import anaphoric_date  # noqa: E402


@pytest.mark.parametrize("text, value", [
    ("On the same day, the minister met the Dutch envoy.", "2025-05-20"),
    ("The next day the two delegations toured the port.", "2025-05-21"),
    ("The previous day, the minister had met the Dutch envoy.", "2025-05-19"),
    ("A day later, talks resumed in The Hague.", "2025-05-21"),
    ("On the eve of the conversation with the king, the minister spoke by phone with the Dutch envoy.",
     "2025-05-19"),
    ("On the eve of the talks, the two envoys dined together.", "2025-05-19"),
])
def test_anaphoric_days_count_from_the_event_told_before(text, value):
    assert anaphoric_date(text, "2025-05-20") == value
    # never from the publication date: find_dates leaves them alone
    assert [m for m in find_dates(text, published=dt.date(2025, 5, 22)) if m.kind == "relative"] == []


def test_anaphoric_days_need_a_known_day():
    assert anaphoric_date("The next day they met.", None) is None
    assert anaphoric_date("The next day they met.", "XXXX-05-20") is None
    assert anaphoric_date("They met the day before yesterday.", "2025-05-20") is None


from communique.dates import pick_event_date  # noqa: E402


@pytest.mark.parametrize("text, trigger, value", [
    ("The ministers met in Lisbon on 4 March, agreeing to meet again on 12 October.", "met", "2025-03-04"),
    ("The ministers met in Lisbon on 4 March and will meet again in the autumn on 2 October.", "met",
     "2025-03-04"),
    ("Talks held on 4 March reviewed the accord, which was signed on 3 May 2019.", "Talks", "2025-03-04"),
    ("Since 3 February the envoys have met twice; on 4 March they met in Lisbon.", "they met", "2025-03-04"),
])
def test_a_planned_follow_up_or_another_occasion_never_dates_the_event(text, trigger, value):
    assert pick_event_date(text, text.index(trigger), published=dt.date(2025, 3, 6)) == value


@pytest.mark.parametrize("text, trigger, value", [
    ("Diallo, who arrived in Nairobi on 2 March for a state visit, met the president on 4 March.", "met",
     "2025-03-04"),
    ("The envoy, whose mission began on 1 March, held talks with the rebels on Tuesday.", "held", "2025-03-04"),
    ("Diallo, who arrived on 2 March, later addressed a joint press conference with the president.", "addressed",
     None),
    ("Diallo, a retired general who became defence minister in October, was in Kenya for a visit.", "visit", None),
    ("The envoy, the former banker who took office on 1 March, held talks with the rebels.", "held", None),
])
def test_a_date_in_an_aside_about_the_subject_never_dates_the_event(text, trigger, value):
    assert pick_event_date(text, text.index(trigger), published=dt.date(2025, 3, 6)) == value


def test_a_date_before_the_trigger_outside_any_aside_still_dates_it():
    text = "On 2 March, Diallo, the foreign minister, met the president in Nairobi."
    assert pick_event_date(text, text.index("met"), published=dt.date(2025, 3, 6)) == "2025-03-02"


def test_no_date_when_only_the_follow_up_is_dated():
    text = "The ministers met in Lisbon, agreeing to meet again on 12 October."
    assert pick_event_date(text, text.index("met"), published=dt.date(2025, 3, 6)) is None


from communique.dates import compatible  # noqa: E402


@pytest.mark.parametrize("a, b, same", [
    ("XXXX-03-07", "2024-03-07", True),  # a headline without its year and the body's date
    ("XXXX-03-07", "2024-03-08", False),
    ("2024-03-07", "2024-03-07/2024-03-08", True),
    ("2023-03-07", "2024-03-07", False),
    ("XXXX-03-01/XXXX-03-03", "2024-03-02", True),
    (None, "2024-03-02", True),
])
def test_dates_that_can_name_the_same_time(a, b, same):
    assert compatible(a, b) is same


def test_a_bound_of_the_span_is_not_the_events_day():
    # "the meeting, which runs until Friday": Friday ends the gathering, the meeting is not dated by it
    import datetime as dt

    from communique.follow_ups import lead_date

    texts = ["The premier met her Samoan counterpart on the sidelines of the summit.",
             "She leads the delegation to the summit, which runs until Friday."]
    assert lead_date(texts, published=dt.date(2025, 9, 10), year=2025) is None
    texts[1] = "They met on Monday at the summit venue."
    assert lead_date(texts, published=dt.date(2025, 9, 10), year=2025) == "2025-09-08"


@pytest.mark.parametrize("text", [
    "The two states signed the accord, after envoys met on 2 February to open talks.",
    "Chile is the first country to sign the pact, following a summit on 12 January that set its terms.",
    "The ministers signed the memorandum, before a meeting of their deputies on 9 March.",
])
def test_a_date_in_a_clause_about_another_occasion_after_a_comma_never_dates_the_event(text):
    assert pick_event_date(text, text.index("sign"), published=dt.date(2025, 3, 6)) is None


@pytest.mark.parametrize("text, year", [
    ("On January 7 the two prime ministers reviewed last year's results and set the tasks and orientations "
     "for 2024.", 2024),
    ("The ministers met on February 3 and approved the 2023 cooperation plan between the two ministries.", 2023),
    ("On December 12 the commission agreed its priorities for 2025, starting with energy.", 2024),
])
def test_infer_year_from_the_year_a_meeting_plans_for(text, year):
    assert infer_year(text) == year


def test_a_long_term_target_year_is_no_article_year():
    assert infer_year("On March 3 the leaders set out their plans for 2050 on climate.") is None


@pytest.mark.parametrize("text, published, date", [
    ("March 3, 2025 11:02 AM GMT+3\n\nNAIROBI, March 3 (Reuters) - Kenyan President Peter Kamau held talks "
     "with Ethiopian Prime Minister Dawit Tesfaye in Addis Ababa on Sunday.", "2025-03-03", "2025-03-02"),
    ("LIMA, May 9, 2025 (AP) - Peruvian President Rosa Quispe met Chilean President Jorge Soto in Lima on "
     "Thursday.", "2025-05-09", "2025-05-08"),
    ("ACCRA, 12 June 2025 (GNA) - Ghana's Foreign Minister Kofi Mensah received his Togolese counterpart Afi Amouzou "
     "yesterday.", "2025-06-12", "2025-06-11"),
])
def test_a_datelines_date_is_the_filing_not_the_event(text, published, date):
    """ "NAIROBI, March 3 (Reuters) - ... on Sunday": the dateline dates the story; the event is the
    Sunday before it."""
    from communique import extract

    art = extract(text)
    assert art.published == published
    assert [e.date for e in art.events] == [date], [e.date for e in art.events]


def test_a_dateline_date_alone_still_gives_the_publication():
    from communique import extract

    art = extract("HARARE, July 2, 2025 (New Ziana) - Zimbabwean President Tendai Moyo met Zambian President "
                  "Chanda Phiri in Harare.")
    assert art.published == "2025-07-02"


@pytest.mark.parametrize("text, published, date", [
    ("Hanoi, 14/3/2025 - Deputy Prime Minister Bui Van Long received Philippine Secretary of Foreign Affairs "
     "Teresa Cruz in Hanoi yesterday.", "2025-03-14", "2025-03-13"),
    ("Vientiane, 3/4/2025 - Lao Prime Minister Somsak Vong received Thai Prime Minister Anan Srisuk in "
     "Vientiane yesterday.", "2025-04-03", "2025-04-02"),
    ("2025-04-11T09:30:00+02:00\n\nGerman Chancellor Jan Becker received Polish Prime Minister Adam Nowak in "
     "Berlin on Thursday.", "2025-04-11", "2025-04-10"),
])
def test_numeric_dateline_dates_and_timestamps_date_the_page(text, published, date):
    """A dateline's day-first numeric date ("Hanoi, 14/3/2025 -") and an ISO timestamp line
    ("2025-04-11T09:30:00+02:00") are the publication date that "yesterday" counts from."""
    from communique import extract

    art = extract(text)
    assert art.published == published
    assert [e.date for e in art.events] == [date], [e.date for e in art.events]


@pytest.mark.parametrize("text, published", [
    ("BOGOTÁ, February 20, 2025 — Colombian President Andrés Rojas received Ecuadorian President Diego Mora on "
     "Wednesday.", "2025-02-20"),
    ("SÃO PAULO, March 3, 2025 (Reuters) - Brazilian President Ana Lima met Argentine President Jorge Diaz on "
     "Sunday.", "2025-03-03"),
    ("ASUNCIÓN, 5 May 2025 (IP) - Paraguayan President Luis Benítez received Uruguayan President Ana Silva.",
     "2025-05-05"),
])
def test_a_dateline_place_with_accents_dates_the_page(text, published):
    from communique import extract

    assert extract(text).published == published


@pytest.mark.parametrize("text, date", [
    ("In Luanda on Tuesday, Portuguese Foreign Minister Rui Costa and Angolan Foreign Minister Manuel Neto signed a "
     "strategic cooperation programme for 2025-2030.", "2025-11-18"),
    ("Kenyan President Peter Kamau and Ugandan President John Okello on Monday signed a 2026-2030 trade plan.",
     "2025-11-17"),
])
def test_a_span_of_years_in_a_signing_sentence_is_not_its_date(text, date):
    """ "signed a programme for 2025-2030": the programme's years; "on Tuesday" is the signing's day."""
    from communique import extract

    signings = [e for e in extract(text, published="2025-11-19").events if e.type == "AGREE"]
    assert signings and all(e.date == date for e in signings), [(e.type, e.date) for e in signings]


@pytest.mark.parametrize("text, value", [
    ("The two presidents had last met at the summit in Accra in December.", "2024-12"),
    ("Since the state visit last November, trade has doubled.", "2024-11"),
    ("The ministers will meet again in December.", "2025-12"),
    ("They met in January to prepare the visit.", "2025-01"),
])
def test_a_month_alone_falls_in_the_year_its_tense_allows(text, value):
    """A month with no year, in an article of February 2025: a past December is 2024's, a planned
    one 2025's, "last November" the one before publication."""
    found = [m.value for m in find_dates(text, published="2025-02-17", year=2025) if m.kind == "month"]
    assert found == [value], found


@pytest.mark.parametrize("text, value", [
    ("They met in Canberra on the 14th.", "2025-05-14"),
    ("The two ministers held talks on the 22nd.", "2025-04-22"),
    ("The ministers will meet again on the 2nd.", "2025-06-02"),
])
def test_a_day_of_the_month_alone(text, value):
    """ "on the 14th": a day of the publication's month (20 May 2025), the month before when it
    lies ahead of publication, the month after for a planned one."""
    assert [m.value for m in find_dates(text, published="2025-05-20", year=2025)] == [value]


@pytest.mark.parametrize("text", ["The office is on the 3rd floor.", "They marked the 14th anniversary.",
                                  "The talks were held on the 14th of March."])
def test_an_ordinal_of_something_else_is_no_day_of_the_month(text):
    assert all(m.value != "2025-05-14" and m.value != "2025-05-03" for m in
               find_dates(text, published="2025-05-20", year=2025))


@pytest.mark.parametrize("text, value", [
    ("India and Qatar signed a deal in February last year.", "2024-02"),
    ("The leaders will meet in May next year.", "2026-05"),
    ("They met in January this year.", "2025-01"),
])
def test_a_month_then_which_year(text, value):
    """ "in February last year": February of the year before publication (March 2025)."""
    assert [m.value for m in find_dates(text, published="2025-03-06", year=2025)] == [value]


def test_a_hijri_date_before_the_gregorian_one_in_a_dateline():
    """ "Riyadh, Rabi' al-Awwal 20, 1447, September 12, 2025, SPA --": the Gregorian date dates the page."""
    from communique import extract

    art = extract("Riyadh, Rabi' al-Awwal 20, 1447, September 12, 2025, SPA -- Saudi Minister of Foreign Affairs "
                  "Prince Khalid bin Saud received Egyptian Foreign Minister Omar Nabil on Thursday.")
    assert art.published == "2025-09-12" and [e.date for e in art.events] == ["2025-09-11"]
