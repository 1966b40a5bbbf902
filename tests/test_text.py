"""One fold for the whole project: the letters NFKD leaves alone and curly apostrophes."""
from communique.text import fold, name_key


def test_letters_without_a_decomposition_fold_to_their_base_letters():
    assert fold("Lech Wałęsa") == "lech walesa"
    assert fold("Støre") == "store"
    assert fold("Ærø") == "aero"
    assert fold("Strauß") == "strauss"
    assert fold("Võ Văn Thưởng") == "vo van thuong"
    assert fold("Đặng") == "dang"


def test_a_curly_apostrophe_is_the_same_name_as_a_straight_one():
    assert fold("O’Neill") == fold("O'Neill") == "o'neill"
    assert name_key("Ngũgĩ wa Thiong’o") == name_key("Ngugi wa Thiong'o")


def test_fold_keeps_punctuation_and_name_key_makes_it_a_space():
    assert fold("  Mr.  Tô   Lâm ") == "mr. to lam"
    assert name_key("H.E. Mr. Tô Lâm") == "h e mr to lam"
    assert name_key("U.S.-led") == "u s led"
    assert fold(None) == "" and name_key("") == ""


def test_the_store_and_resolution_use_the_same_fold():
    from communique import places
    from communique.resolve import names as resolve_names
    from communique.store import names as store_names

    assert resolve_names.fold is fold and store_names.fold is fold and places.fold is fold
