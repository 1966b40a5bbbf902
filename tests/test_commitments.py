"""Pledges as outlets write them: sums, donors (states and the EU), recipients, one per package."""
import pytest

from communique.commitments import find_amounts
from communique.pipeline import extract


def pledges(a):
    return {(c.donor, c.recipient, c.amount, c.currency) for c in a.commitments}


@pytest.mark.parametrize("text, value, currency", [
    ("Tokyo offered ¥600 million for the radar.", 600e6, "JPY"),
    ("London promised £2.5bn next year.", 2.5e9, "GBP"),
    ("Washington allocated US$500m for the coast guard.", 500e6, "USD"),
    ("Investors were told of 10 trillion yen over a decade.", 10e12, "JPY"),
    ("A package of EUR 7.4 bn was announced.", 7.4e9, "EUR"),
    ("The deal of $35billion was signed.", 35e9, "USD"),
    ("The fund of 3 Trillion Yen opens.", 3e12, "JPY"),
    ("He announced 1.2 billion British Pounds in aid.", 1.2e9, "GBP"),
])
def test_sums_as_outlets_write_them(text, value, currency):
    [(s, e, v, c)] = find_amounts(text)
    assert (v, c) == (value, currency)


def test_a_bracketed_conversion_is_no_second_sum():
    got = find_amounts("The grant of 600 million yen ($4 million) and 7.4 billion euros (about $8 billion) arrive.")
    assert [(v, c) for _, _, v, c in got] == [(600e6, "JPY"), (7.4e9, "EUR")]


@pytest.mark.parametrize("text", [
    "Canadian Prime Minister Ellen Voss met Kenyan President Daniel Mwangi in Nairobi on May 2, 2025. "
    "Voss said Canada's C$300 million aid package for Kenya would fund clinics.",
    "Canadian Prime Minister Ellen Voss met Kenyan President Daniel Mwangi in Nairobi on May 2, 2025. "
    "Canada pledged C$300 million to Kenya for clinics.",
    "Canadian Prime Minister Ellen Voss met Kenyan President Daniel Mwangi in Nairobi on May 2, 2025. "
    "The package sets aside C$300 million in Canadian assistance to Kenya for clinics.",
])
def test_donor_and_recipient_from_the_sentence(text):
    assert pledges(extract(text)) == {("CAN", "KEN", 300e6, "CAD")}


@pytest.mark.parametrize("text", [
    "European Commission President Maria Lindqvist met Tunisian President Omar Haddad in Tunis on 4 June 2025. "
    "The agreement provides EUR 2.1 bn to Tunisia. The EU's package includes EUR 900 million in loans "
    "and EUR 300 million in grants.",
    "The EU and Tunisia signed a partnership in Tunis on 4 June 2025. A package worth 2.1 billion euros "
    "goes to Tunisia, the European Union said; 900 million euros of it are loans.",
])
def test_the_eu_gives_one_package_at_its_headline_sum(text):
    assert pledges(extract(text)) == {("EU", "TUN", 2.1e9, "EUR")}


def test_a_joint_subject_gives_in_its_own_currency():
    text = ("Korea and Ghana exchanged notes in Accra on 3 March 2025 on a KRW 40 billion grant for rural roads. "
            "Korean Ambassador Min-jun Park and Ghanaian Foreign Minister Ama Owusu signed the notes.")
    assert pledges(extract(text)) == {("KOR", "GHA", 40e9, "KRW")}


@pytest.mark.parametrize("text", [
    "Indian Prime Minister Ravi Kumar met Brazilian President Ana Costa in Brasilia on 8 July 2025. "
    "The two leaders agreed to raise bilateral trade to $20 billion by 2030.",
    "Indian Prime Minister Ravi Kumar met Brazilian President Ana Costa in Brasilia on 8 July 2025. "
    "Two-way trade reached US$15 billion last year, Kumar said.",
    "Indian Prime Minister Ravi Kumar met Brazilian President Ana Costa in Brasilia on 8 July 2025. "
    "India and Brazil signed a $3 billion energy deal.",  # dollars: either side may give
])
def test_trade_figures_and_open_givers_are_no_pledges(text):
    assert extract(text).commitments == []


def test_a_request_makes_the_asker_the_recipient():
    text = ("Malawian Foreign Minister Grace Banda met Japanese Foreign Minister Kenji Sato in Tokyo on "
            "9 May 2025. She asked Japan for 2 billion yen for irrigation.")
    [c] = extract(text).commitments
    assert (c.donor, c.recipient, c.amount, c.currency, c.status) == ("JPN", "MWI", 2e9, "JPY", "requested")


def test_two_packages_of_one_donor_stay_two_and_parts_fold():
    text = ("Danish Foreign Minister Lars Holm met Ghanaian Foreign Minister Ama Owusu in Accra on 3 March 2025. "
            "Denmark pledged DKK 400 million in grant aid to Ghana for water supply. "
            "In addition, the Government of Denmark handed over equipment worth DKK 15 million to Ghana's "
            "health ministry under an earlier grant. The package includes DKK 100 million in loans.")
    assert pledges(extract(text)) == {("DNK", "GHA", 400e6, "DKK"), ("DNK", "GHA", 15e6, "DKK")}


@pytest.mark.parametrize("sentence", [
    "During the visit, the minister announced £40 million of new UK funding for schools in northern Kenya.",
    "During the visit, the minister announced £40 million in British aid for schools in rural Kenya.",
])
def test_a_state_named_before_its_funding_gives_it(sentence):
    text = ("British Foreign Secretary Helen Ward met Kenyan President Daniel Mwangi in Nairobi on 2 May 2025. "
            + sentence)
    assert pledges(extract(text)) == {("GBR", "KEN", 40e6, "GBP")}


def test_a_requested_loan_to_cover_costs_is_a_request():
    text = ("Vietnamese Deputy Prime Minister Tran Van Ha met Russian Energy Minister Igor Sorokin in Moscow on "
            "2 May 2025. Ha asked Russia to consider a state loan of $6 billion to cover part of the cost of the plant.")
    [c] = extract(text).commitments
    assert (c.donor, c.recipient, c.amount, c.status) == ("RUS", "VNM", 6e9, "requested")


def test_a_nationality_after_for_or_to_is_the_recipient_not_the_donor():
    from communique.commitments import read_pledges

    (got,) = read_pledges("Spain pledged 50 million euros in credit lines for Moroccan small businesses.")
    assert (got[4], got[5]) == ("ESP", "MAR")
    (got,) = read_pledges("Norway pledged 20 million dollars to Malawian farmers, the ministry said.")
    assert (got[4], got[5]) == ("NOR", "MWI")


@pytest.mark.parametrize("text, donor, recipient", [
    ("Saudi Arabia deposited US$500m in Pakistan's central bank after the two leaders met.", "SAU", "PAK"),
    ("China has deposited $2 billion with the central bank of Sri Lanka, the finance ministry said.", "CHN", "LKA"),
])
def test_a_deposit_in_a_central_bank_is_delivered_support(text, donor, recipient):
    [c] = extract("Deposit\n\n" + text).commitments
    assert (c.donor, c.recipient, c.status) == (donor, recipient, "delivered")


@pytest.mark.parametrize("text, donor, recipient", [
    ("Beijing pledged $2 billion to Pakistan for the rail line.", "CHN", "PAK"),
    ("Riyadh has deposited $3 billion with the State Bank of Pakistan, officials said.", "SAU", "PAK"),
    ("Tokyo will provide the Philippines with 60 billion yen in loans.", "JPN", "PHL"),
    ("Beijing has rolled over a $2 billion loan to Islamabad.", "CHN", "PAK"),
])
def test_a_capital_standing_for_its_government_gives(text, donor, recipient):
    """ "Beijing pledged", "Tokyo will provide": the capital is the government that gives."""
    from communique import extract

    got = [(c.donor, c.recipient) for c in extract(text, published="2025-03-04").commitments]
    assert got == [(donor, recipient)], got


@pytest.mark.parametrize("text, currency, amount", [
    ("Russia will lend Egypt a 5 billion rouble loan for the plant.", "RUB", 5e9),
    ("Britain announced a 25 million pound grant for Sudan.", "GBP", 25e6),
    ("Japan received a request for a 2 billion dollar loan from Sri Lanka, and agreed to it.", "USD", 2e9),
    ("France pledged 10 billion CFA francs to Senegal for schools.", "XOF", 10e9),
    ("Japan pledged KSh 2 billion in aid to Kenya.", "KES", 2e9),
    ("China will provide Tk 500 crore to Bangladesh for the bridge.", "BDT", 5e9),
    ("Italy pledged 2 billion birr to Ethiopia for clean water.", "ETB", 2e9),
])
def test_currencies_as_outlets_write_them(text, currency, amount):
    """A currency written after the sum in the singular ("a 5 billion rouble loan"), and the forms
    of African and South Asian outlets ("KSh", "Tk", "CFA francs", "birr")."""
    found = [(c, v) for _, _, v, c in find_amounts(text)]
    assert found == [(currency, amount)], found


def test_rupees_in_a_pakistani_story_are_pakistans():
    text = ("ISLAMABAD, July 8, 2025 — Pakistani Finance Minister Ali Shah said China had agreed to provide "
            "Rs 50 billion for the rail line.")
    got = [(c.donor, c.recipient, c.currency) for c in extract(text).commitments]
    assert got == [("CHN", "PAK", "PKR")], got


@pytest.mark.parametrize("text, currency, amount", [
    ("Japan pledged half a billion dollars to Ukraine.", "USD", 5e8),
    ("The EU will give two billion euros to Egypt.", "EUR", 2e9),
    ("Saudi Arabia deposited one and a half billion dollars with Pakistan's central bank.", "USD", 1.5e9),
])
def test_a_sum_with_its_number_in_words(text, currency, amount):
    assert [(c, v) for _, _, v, c in find_amounts(text)] == [(currency, amount)]
