"""Office levels: titles as articles write them map to the ordered LEVELS."""
import pytest

from communique.levels import LEVELS, at_least, best_level, canonical_title, level_of, rank


@pytest.mark.parametrize("title, level", [
    ("President", "head-of-state"),
    ("State President", "head-of-state"),
    ("General Secretary of the Communist Party of Vietnam", "head-of-state"),
    ("Party chief", "head-of-state"),
    ("Prime Minister", "head-of-government"),
    ("Deputy Prime Minister", "minister"),
    ("Co-Chair of the Communist Party USA", "party-leader"),
    ("Foreign Minister", "minister"),
    ("Secretary of State", "minister"),
    ("Minister of National Defence", "minister"),
    ("Deputy Foreign Minister", "deputy-minister"),
    ("Deputy FM", "deputy-minister"),
    ("Deputy Secretary of Defense", "deputy-minister"),
    ("Assistant Secretary of State for East Asian and Pacific Affairs", "senior-official"),
    ("UN Secretary-General", "senior-official"),
    ("Ambassador", "ambassador"),
    ("Chairman of the House Foreign Affairs Committee", "legislator"),
    ("Congresswoman", "legislator"),
    ("President of the International Republican Institute", "official"),
    ("Spokesperson", "official"),
])
def test_level_of_common_titles(title, level):
    assert level_of(title) == level


def test_unknown_and_empty_titles():
    assert level_of(None) is None and level_of("") is None and level_of("well-known poet") is None


def test_levels_are_ordered_and_comparable():
    assert LEVELS[0] == "head-of-state" and LEVELS.index("minister") < LEVELS.index("deputy-minister")
    assert rank("minister") < rank("ambassador") < rank(None)
    assert best_level(["Ambassador", "Deputy Foreign Minister"]) == "deputy-minister"
    assert at_least("head-of-government", "minister") and not at_least("ambassador", "minister")
    assert not at_least(None, "official")
    with pytest.raises(ValueError, match="unknown level 'boss'"):
        at_least("minister", "boss")


def test_canonical_titles_group_spellings_of_one_office():
    assert canonical_title("FM") == canonical_title("Minister of Foreign Affairs") == "Minister of Foreign Affairs"
    assert canonical_title("Chair of the Indo-Pacific Subcommittee") is None
