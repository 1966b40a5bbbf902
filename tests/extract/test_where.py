"""events.where: the place a sentence says an event happened in, and a trip's destination."""
from communique.events.where import destination, preferred_place, to_location

from extract_helpers import analyse


def test_a_city_after_in_is_where_it_happened():
    p = preferred_place("The ministers met in Nairobi on Monday.", 0)
    assert p is not None and p.name == "Nairobi" and p.country == "KEN"


def test_a_country_named_without_in_or_at_is_no_venue():
    assert preferred_place("Envoys of the Republic of Kenya described the talks.", 0) is None


def test_a_country_becomes_a_location_under_its_short_name():
    loc = to_location(preferred_place("The talks took place in Viet Nam.", 0))
    assert loc.country == "VNM"


def test_the_destination_of_a_trip():
    a = analyse("Foreign Minister Ines Carvalho of Portugal arrived in Accra on Tuesday for talks.\n")
    [s] = a.sentences
    _, place = destination(s)
    assert place is not None and place.country == "GHA"
