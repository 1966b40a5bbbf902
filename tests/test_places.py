"""Country codes, demonyms, short names and place mentions as news writes them."""
import pytest

from communique.places import country_code, country_name, demonym_code, find_places, lookup_place


@pytest.mark.parametrize("name, code", [
    ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("the United States", "USA"), ("America", "USA"),
    ("Viet Nam", "VNM"), ("Vietnam", "VNM"), ("VNM", "VNM"), ("UK", "GBR"), ("Britain", "GBR"),
    ("Great Britain", "GBR"), ("South Korea", "KOR"), ("ROK", "KOR"), ("Republic of Korea", "KOR"),
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("Russia", "RUS"), ("the Russian Federation", "RUS"),
    ("China", "CHN"), ("PRC", "CHN"), ("mainland China", "CHN"), ("Taiwan", "TWN"), ("Laos", "LAO"),
    ("Lao PDR", "LAO"), ("Iran", "IRN"), ("Syria", "SYR"), ("Tanzania", "TZA"), ("Czechia", "CZE"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("the Netherlands", "NLD"), ("the Holy See", "VAT"),
    ("Palestine", "PSE"), ("Kosovo", "XKX"), ("Japan's", "JPN"), ("Germany", "DEU"), ("Côte d'Ivoire", "CIV"),
])
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["EU", "European Union", "ASEAN", "United Nations", "", None, "Mars"])
def test_not_countries(name):
    assert country_code(name) is None


@pytest.mark.parametrize("word, code", [
    ("Vietnamese", "VNM"), ("American", "USA"), ("Japanese", "JPN"), ("Filipino", "PHL"),
    ("Philippine", "PHL"), ("British", "GBR"), ("Chinese", "CHN"), ("Emirati", "ARE"), ("Lao", "LAO"),
    ("Japan's", "JPN"), ("Vietnam's", "VNM"), ("New Zealand", "NZL"), ("Ivorian", "CIV"),
])
def test_demonym_code(word, code):
    assert demonym_code(word) == code


def test_demonym_code_rejects_non_demonyms():
    assert demonym_code("Kiwi") is None
    assert demonym_code("Minister") is None


def test_every_un_member_has_a_demonym():
    import pycountry

    from communique.places import _country_tables

    non_members = {"ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW",
                   "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD",
                   "IMN", "IOT", "JEY", "MAC", "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN",
                   "PRI", "PSE", "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "TWN", "UMI",
                   "VAT", "VGB", "VIR", "WLF"}
    members = {c.alpha_3 for c in pycountry.countries} - non_members
    assert len(members) == 193
    covered = set(_country_tables()[2].values())
    assert members - covered == set()


@pytest.mark.parametrize("code, name", [
    ("VNM", "Vietnam"), ("USA", "United States"), ("KOR", "South Korea"), ("RUS", "Russia"), ("LAO", "Laos"),
    ("IRN", "Iran"), ("XKX", "Kosovo"), ("FRA", "France"), ("VN", "Vietnam"), ("ZZZ", None), (None, None),
])
def test_country_name(code, name):
    assert country_name(code) == name


def places(text, **kw):
    return [(p.text, p.name, p.country, p.kind) for p in find_places(text, **kw)]


def test_variants_keep_text_and_give_canonical_names():
    text = "The premier flew from Hà Nội to HCM City, then on to Washington, D.C. and New York City."
    assert places(text) == [
        ("Hà Nội", "Hanoi", "VNM", "city"), ("HCM City", "Ho Chi Minh City", "VNM", "city"),
        ("Washington, D.C.", "Washington, D.C.", "USA", "city"), ("New York City", "New York", "USA", "city"),
    ]
    for p in find_places(text):
        assert text[p.start:p.end] == p.text


def test_countries_possessives_and_datelines():
    text = "HANOI (VNA) – Japan's foreign minister and U.S. envoys met Lao officials in Vientiane."
    assert places(text) == [
        ("HANOI", "Hanoi", "VNM", "city"), ("Japan", "Japan", "JPN", "country"),
        ("U.S.", "United States", "USA", "country"), ("Vientiane", "Vientiane", "LAO", "city"),
    ]


def test_old_and_new_names():
    text = "Kyiv and Kiev, Peking and Beijing, Bombay and Mumbai, Saigon, Brasília and Brasilia."
    assert [p.name for p in find_places(text)] == [
        "Kyiv", "Kyiv", "Beijing", "Beijing", "Mumbai", "Mumbai", "Ho Chi Minh City", "Brasília", "Brasília"]


def test_organisations_and_people_are_not_places():
    assert places("The Washington Post and The New York Times ran the story.") == []
    assert places("Defense Secretary Lloyd Austin said the trip was on.") == []
    assert places("President Jackson spoke. Austin said nothing.") == []
    assert places("The EU and ASEAN issued a statement.") == []
    assert places("Officials gathered at the White House.") == []


def test_common_words_open_sentences():
    assert places("Mobile payments grew fast. Reading the report, he frowned.") == []
    assert places("The conference moved to Mobile, Alabama.") == [
        ("Mobile", "Mobile", "USA", "city"), ("Alabama", "Alabama", "USA", "region")]


def test_titles_after_a_place_are_fine():
    assert places("Hanoi Mayor and US President met.") == [
        ("Hanoi", "Hanoi", "VNM", "city"), ("US", "United States", "USA", "country")]


def test_georgia_needs_a_cue():
    assert places("Voters in Georgia went to the polls.") == []
    assert places("Georgia's Prime Minister flew home to Tbilisi.")[0][1:] == ("Georgia", "GEO", "country")
    assert places("Voters in Georgia lined up in Atlanta.")[0][1:] == ("Georgia", "USA", "region")


def test_ambiguous_cities_follow_the_country_named_nearby():
    assert places("Officials met in Hyderabad.")[0][2] == "IND"
    assert places("Officials met in Hyderabad, Pakistan.")[0][2] == "PAK"
    assert places("Students rallied in Cambridge.")[0][2] == "GBR"
    assert places("Students rallied in Cambridge, Massachusetts.")[0][2] == "USA"
    assert places("Students rallied in Cambridge.", context_countries=["USA"])[0][2] == "USA"
    # a far smaller namesake does not replace a world city
    assert places("Texas and US officials met in Paris.")[-1][1:3] == ("Paris", "FRA")


def test_lookup_place():
    p = lookup_place("Ha Noi")
    assert (p.start, p.end, p.text, p.name, p.country, p.kind) == (0, 6, "Ha Noi", "Hanoi", "VNM", "city")
    assert lookup_place("Saigon").name == "Ho Chi Minh City"
    assert lookup_place("Viet Nam").country == "VNM"
    assert lookup_place("the Netherlands").kind == "country"
    assert lookup_place("Georgia").country == "GEO"
    assert lookup_place("Nowhereville") is None


def test_regions_and_hyphenated_pairs():
    assert places("Envoys from Asia, Europe and North America met.") == [
        ("Asia", "Asia", None, "region"), ("Europe", "Europe", None, "region"),
        ("North America", "North America", None, "region")]
    assert places("Vietnam-US ties and Japan-Korea talks.") == [
        ("Vietnam", "Vietnam", "VNM", "country"), ("US", "United States", "USA", "country"),
        ("Japan", "Japan", "JPN", "country"), ("Korea", "South Korea", "KOR", "country")]


def test_person_named_like_a_city_or_country():
    assert places("President Ho Chi Minh read the declaration in Ho Chi Minh City.") == [
        ("Ho Chi Minh City", "Ho Chi Minh City", "VNM", "city")]
    assert places("Jordan said it would host talks in Amman.") == [
        ("Jordan", "Jordan", "JOR", "country"), ("Amman", "Amman", "JOR", "city")]
    assert places("Michael Jordan arrived late.") == []


def test_states_and_cities_in_the_americas():
    assert places("Delegates flew from New Mexico to Mexico City and Rio de Janeiro.") == [
        ("New Mexico", "New Mexico", "USA", "region"), ("Mexico City", "Mexico City", "MEX", "city"),
        ("Rio de Janeiro", "Rio de Janeiro", "BRA", "city")]


def test_official_long_forms_with_possessives():
    assert places("Envoys of the Democratic People's Republic of Korea met in St. Petersburg.") == [
        ("Democratic People's Republic of Korea", "North Korea", "PRK", "country"),
        ("St. Petersburg", "Saint Petersburg", "RUS", "city")]


def test_names_after_abbreviated_titles_and_semicolons():
    assert places("Sen. Marco Rubio of Florida criticized the deal.") == [("Florida", "Florida", "USA", "region")]
    assert places("The ministers met in Tokyo; Marco Rubio attended.") == [("Tokyo", "Tokyo", "JPN", "city")]
    assert places("The Hanoi People's Committee hosted the event.") == [("Hanoi", "Hanoi", "VNM", "city")]


@pytest.mark.parametrize("text, expected", [
    ("Kerrigan and Austin met the mayor in Lima.", [("Lima", "PER", "city")]),
    ("Austin told reporters the drills would go on.", []),
    ("The ministers flew to Austin for the energy forum.", [("Austin", "USA", "city")]),
    ("Defence chiefs Ortega and Austin spoke on Tuesday.", []),
])
def test_a_surname_is_not_a_city(text, expected):
    assert [p[1:] for p in places(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The envoy toured the Temple of Dawn in Bangkok.", [("Bangkok", "THA", "city")]),
    ("He landed in the Republic of Ghana on Monday.", [("Ghana", "GHA", "country")]),
    ("The lunar Mission was discussed in Delhi.", [("New Delhi", "IND", "city")]),
])
def test_common_words_and_longer_names_are_no_towns(text, expected):
    assert [p[1:] for p in places(text)] == expected


# ---------------------------------------------------------------- places a later sentence gives an event

from communique.follow_ups import city_in, follow_up_place  # noqa: E402
from communique.places import venue_text  # noqa: E402


@pytest.mark.parametrize("texts, expected", [
    (["The Chilean president received the Uruguayan foreign minister.",
      "The meeting was held at the presidential palace in Santiago."], "Santiago"),
    (["The Chilean president received the Uruguayan foreign minister.",
      "During the talks in Valparaiso, both sides praised the new port."], "Valparaíso"),
    (["The two leaders spoke to reporters at the port in Valparaiso.",
      "It was co-chaired by the Chilean president and the Uruguayan foreign minister."], "Valparaíso"),
])
def test_a_follow_up_sentence_places_the_event(texts, expected):
    index = 1 if texts[1].startswith("It was") else 0
    p = follow_up_place(texts, index, "meeting")
    assert p is not None and p.name == expected


@pytest.mark.parametrize("texts", [
    ["The Chilean president received the Uruguayan foreign minister.",
     "They discussed the crisis in Haiti and agreed to meet again in Montevideo in the autumn."],
    ["The Chilean president received the Uruguayan foreign minister.",
     "It was the first visit since the previous meeting held in Montevideo."],
    ["The Chilean president spoke by phone with the Uruguayan foreign minister.",
     "The call was made from Santiago."],
])
def test_topics_plans_other_occasions_and_calls_give_no_place(texts):
    mode = "call" if "phone" in texts[0] else "meeting"
    assert follow_up_place(texts, 0, mode) is None


def test_a_country_only_place_becomes_the_city_where_things_happened():
    texts = ["The envoys met to discuss fisheries.", "Earlier, they laid a wreath at a memorial in Lima."]
    assert city_in(texts, "PER").name == "Lima"
    assert city_in(["The envoys met to discuss fisheries."], "PER", "LIMA").name == "Lima"  # the dateline's city
    assert city_in(["The consul in Cusco will host a dinner."], "PER") is None  # future


@pytest.mark.parametrize("text, kept, blanked", [
    ("JAKARTA – The president met his Chinese counterpart in Beijing.", "Beijing", "JAKARTA"),
    ("Putrajaya: The two premiers held talks.", "talks", "Putrajaya"),
    ("The ministers, meeting in Ankara, discussed the war in Ukraine.", "Ankara", "Ukraine"),
    ("They talked about the crisis in Gaza at the talks in Washington.", "Washington", "Gaza"),
    ("The envoys also met President Ortega, who has sought to fortify the alliance with Washington.",
     "Ortega", "Washington"),
    ("In Lima the ministers praised their growing ties with Beijing.", "Lima", "Beijing"),
    ("The leaders met in Nairobi to mend the relationship with Addis Ababa.", "Nairobi", "Addis"),
    ("Lavrov met Lamola in Pretoria to prepare a possible visit by President Ramaphosa to Moscow.", "Pretoria", "Moscow"),
    ("The envoys met in Lima ahead of the planned state visit to Santiago.", "Lima", "Santiago"),
    ("They also talked about her upcoming trip to Tokyo.", "talked", "Tokyo"),
    ("He paid a courtesy call in Hanoi on Friday and is scheduled to visit Bac Ninh.", "Hanoi", "Bac Ninh"),
    ("The envoys met in Lima, and the minister will travel to Santiago next week.", "Lima", "Santiago"),
])
def test_venue_text_blanks_datelines_topics_and_trips_to_come(text, kept, blanked):
    v = venue_text(text)
    assert len(v) == len(text) and kept in v and blanked not in v


@pytest.mark.parametrize("text, name", [
    ("Envoys held talks in Geneva March 3-4 on the truce.", "Geneva"),
    ("The ministers meet in Doha Tuesday, officials said.", "Doha"),
    ("Negotiators gathered in Oslo on 12 June.", "Oslo"),
])
def test_a_city_followed_by_a_date_is_a_place(text, name):
    assert [p[1] for p in places(text)] == [name]


def test_city_index_gives_each_country_its_city_in_one_pass():
    from communique.follow_ups import city_index

    texts = ["The envoys met to discuss fisheries.", "Earlier, they laid a wreath at a memorial in Lima.",
             "Later they flew on to talks in Quito.", "The ministers will meet in Cusco next year."]
    got = city_index(texts, "BOGOTA")
    assert {c: p.name for c, p in got.items()} == {"PER": "Lima", "ECU": "Quito", "COL": "Bogotá"}


def test_a_city_that_hosts_the_gathering_is_where_it_happened():
    from communique.follow_ups import host_place

    texts = ["It is no accident that Tashkent has been chosen to host the first joint summit of the six states.",
             "Officials prepared the venue for weeks.",
             "The presidents of the six states attended the summit and adopted a declaration."]
    assert host_place(texts, 2, "conference").name == "Tashkent"
    assert host_place(["Nairobi hosted the talks between the two delegations."], 0, "meeting").name == "Nairobi"


def test_a_city_that_will_host_or_hosts_no_gathering_places_nothing():
    from communique.follow_ups import host_place

    assert host_place(["Nairobi will host the talks next year."], 0, "meeting") is None
    assert host_place(["Nairobi hosted a record number of tourists."], 0, "meeting") is None
    assert host_place(["Nairobi hosted the talks."], 0, "call") is None


@pytest.mark.parametrize("text, codes", [
    ("Paris and Rabat signed three agreements.", ["FRA", "MAR"]),
    ("Rabat and Paris agreed to reopen the consulates.", ["MAR", "FRA"]),
    ("Paris, Rabat sign water deals", ["FRA", "MAR"]),
])
def test_a_capital_that_is_also_a_personal_name_is_a_place_beside_another_place(text, codes):
    assert [p.country for p in find_places(text)] == codes


@pytest.mark.parametrize("text", ["Blinken and Austin met in the capital.", "Paris and Hilton arrived late."])
def test_a_personal_name_beside_another_name_stays_no_place(text):
    assert [p.text for p in find_places(text)] == []


@pytest.mark.parametrize("text, found", [
    ("General Secretary To Lam paid a state visit to the RoK in August.", [("RoK", "KOR")]),
    ("Slovenian Prime Minister Rok Novak met reporters.", []),
])
def test_a_mixed_case_short_name_matches_only_as_written(text, found):
    from communique import places

    assert [(p.text, p.country) for p in places.find_places(text) if p.kind == "country"] == found


@pytest.mark.parametrize("text, city, country", [
    ("Argentine Foreign Minister Ana Ruiz was received by Chilean President Luis Soto at the Palacio de La Moneda "
     "on Tuesday.", "Santiago", "CHL"),
    ("Colombian President Andrés Rojas received Ecuadorian President Diego Mora at the Casa de Nariño.",
     "Bogotá", "COL"),
    ("Peruvian President Rosa Quispe met Bolivian President Juan Mamani at the Palacio Quemado on Monday.",
     "La Paz", "BOL"),
])
def test_a_latin_american_seat_of_government_places_the_meeting_in_its_city(text, city, country):
    """ "at the Palacio de La Moneda": the president's seat stands for its city, and "Palacio" alone
    is not the Spanish village the gazetteer knows."""
    from communique import extract

    (event,) = extract(text, published="2025-03-04").events
    assert (event.location.name, event.location.country) == (city, country), event.location


@pytest.mark.parametrize("text, city", [
    ("U.S. President Tom Baker received Kenyan President Peter Kamau at the White House on Monday.", "Washington, D.C."),
    ("French President Paul Morel received Chinese President Li Wen at the Elysee Palace on Monday.", "Paris"),
    ("Russian President Ivan Petrov met Indian Prime Minister Arjun Rao at the Kremlin on Tuesday.", "Moscow"),
])
def test_a_seat_of_government_coded_as_an_organisation_still_places_a_meeting(text, city):
    from communique import extract

    (event,) = extract(text, published="2025-03-04").events
    assert event.location is not None and event.location.name == city, event.location


def test_a_seat_of_government_that_tells_of_a_meeting_does_not_place_it():
    from communique import extract

    (event,) = extract("Kenyan President Peter Kamau met Ugandan President John Okello in Kampala on Monday, the "
                       "White House said.", published="2025-03-04").events
    assert event.location.name == "Kampala"


@pytest.mark.parametrize("text", [
    "The statement was released by the Quai d'Orsay on Monday.",
    "The talks were held at the Federal Foreign Office on Monday.",
    "He arrived in the Federal Capital Territory on Wednesday.",
])
def test_a_small_towns_name_inside_a_longer_name_is_no_place(text):
    assert not [p for p in find_places(text) if p.kind == "city"]


def test_the_town_itself_is_still_a_place():
    assert [p.name for p in find_places("The ministers met in Orsay on Monday.")] == ["Orsay"]
