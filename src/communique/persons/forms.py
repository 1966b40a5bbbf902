"""The one-word forms a full name is shortened to ("Ferdinand R. Marcos Jr." -> "Marcos", "Luiz
Inacio Lula da Silva" -> "Lula", "Kishida Fumio" -> "Kishida")."""
from __future__ import annotations

from communique import lexicon
from communique.persons.tokens import NAME_PARTICLES

FAMILY_FIRST = {"VNM", "CHN", "KOR", "PRK", "JPN", "KHM", "LAO", "THA", "MMR", "TWN", "HKG", "MNG"}
# naming traditions (data/name_origins.tsv) whose family name comes first and is the short form:
# "Xi" for Xi Jinping, "Kim" for Kim Jong Un, "Kishida" for Kishida Fumio, "Tan" for Singapore's
# and Malaysia's Tan See Leng (their Hokkien, Teochew and Cantonese spellings are listed as SGP)
SURNAME_FIRST_ORIGINS = frozenset({"CHN", "KOR", "JPN", "SGP"})
# where news shortens a person to the first word of the name, the given name ("Thongloun" for
# Thongloun Sisoulith, "Anutin" for Anutin Charnvirakul; Ethiopian and Eritrean names are a given
# name and the father's: "Abiy" for Abiy Ahmed, "Isaias" for Isaias Afwerki; many Indonesian names
# have no family name and Malay ones end in the father's: "Sjafrie" for Sjafrie Sjamsoeddin, "Anwar"
# for Anwar Ibrahim; Bruneian ones too: "Erywan" for Erywan Pehin Yusof)
GIVEN_NAME_FIRST = {"LAO", "THA", "ETH", "ERI", "IDN", "MYS", "BRN"}


def name_core(tokens: list[str]) -> list[str]:
    """The words of a folded name a short form can be: initials, "Jr.", regnal numerals and
    particles aside ("luiz inacio lula da silva" -> luiz inacio lula silva); a first word that
    looks like a numeral stays ("Xi Jinping")."""
    numerals = {n.lower() for n in lexicon.person_words()["regnal_numerals"]}
    return [t for i, t in enumerate(tokens) if len(t) > 1 and t not in ("jr", "sr")
            and not (i > 0 and t in numerals) and t not in NAME_PARTICLES]


def short_forms(tokens: list[str], country: str | None = None) -> set[str]:
    """First and last words of the name's core; with three or more words outside East Asian
    naming, the second-to-last too ("Claudia Sheinbaum Pardo", "Lula")."""
    core = name_core(tokens)
    if not core:
        return set()
    forms = {core[0], core[-1]}
    origin = lexicon.name_origins().get(core[0])
    if len(core) >= 3 and country not in FAMILY_FIRST and origin not in FAMILY_FIRST and origin not in SURNAME_FIRST_ORIGINS:
        forms.add(core[-2])
    return forms
