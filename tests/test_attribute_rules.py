"""The indexed attribute ruler gives every token the POS, morphology and lemma that the model's
own (Matcher-based) attribute ruler gives, on news prose and on the rule-exception corners."""
import pytest
import spacy

from communique.attribute_rules import IndexedAttributeRuler
from communique.nlp import MODEL, get_nlp

TEXTS = [
    "The Prime Minister met his counterpart in Ottawa on Monday. They did not sign anything, "
    "but she said there was hope that the two would meet again.",
    "Y'all gonna see it, ain't ya? I gotta go, c'mon, let's. He'd had enough; she'd go. "
    "Nothin' doin', ol' friend, 'nuff said. It is what it is, and I can't, won't, shan't.",
    "We welcome you to Ottawa. Whether or not it rains, that is the plan, and those who came "
    "got what they wanted. Anyone can; nobody will; everything gets done.",
    "  \n\nA line after a blank one.\n\n  Another,   with  spaces \t inside. Was there a vote? There were two.",
    "Being there has been enough for him and herself; themselves, ourselves, yourselves.",
]


@pytest.fixture(scope="module")
def models():
    return get_nlp(), spacy.load(MODEL)


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_shipped_ruler(models, text):
    ours, stock = models
    got = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in ours(text)]
    want = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in stock(text)]
    assert got == want


def test_the_pipeline_uses_the_index(models):
    ours, _ = models
    assert isinstance(ours.get_pipe("attribute_ruler"), IndexedAttributeRuler)


def test_a_pattern_beyond_the_index_is_still_matched():
    """An operator the index does not read ("OP": "+") goes to a Matcher of its own."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("indexed_attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "fine"}, index=-1)
    ruler.add([[{"LOWER": "so"}]], {"LEMMA": "thus"})
    doc = nlp("so very very good")
    assert [t.lemma_ for t in doc] == ["thus", "", "", "fine"]


def test_patterns_added_later_are_matched():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("indexed_attribute_ruler")
    ruler.add([[{"LOWER": "ok"}]], {"LEMMA": "okay"})
    assert nlp("ok")[0].lemma_ == "okay"
    ruler.add([[{"LOWER": "ok"}]], {"LEMMA": "fine"})  # a later rule wins, as in spaCy's ruler
    assert nlp("ok")[0].lemma_ == "fine"
