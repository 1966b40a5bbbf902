"""A chunk of documents leaves nothing behind that grows with the number of novel names read:
communique's document caches are empty after it, the load-once tables stay, spaCy's lemma
cache is emptied and the string store's table does not keep doubling (real model)."""
import pytest

from communique import caches
from communique.parallel import extract_chunk
from communique.read import Document


def _novel(i: int) -> Document:
    wordings = [
        "Foreign Minister {a} Vantrellis met Ambassador {b} Osk in {p} on Tuesday. Vantrellis said "
        "the {p} accord would be signed in May.",
        "{p}, June 4 - Prime Minister {a} Druvane hosted her counterpart {b} Ilmar at the {p} summit.",
        "Deputy Foreign Minister {b} Kesh told reporters in {p} that talks with {a} Moravi would resume.",
    ]
    text = wordings[i % len(wordings)].format(a=f"Quolin{i}", b=f"Sarvex{i}", p=f"Brethmoor{i}")
    return Document(doc_id=f"novel-{i}", text=f"Talks in Brethmoor{i}\n\n{text}\n", published="2025-06-05")


@pytest.fixture(scope="module")
def after_a_chunk():
    extract_chunk([_novel(i) for i in range(6)])


def test_a_chunk_leaves_the_document_caches_empty(after_a_chunk):
    from communique import lexicon, text

    found = caches.document_caches()
    names = {f"{c.__module__}.{c.__name__}" for c in found}
    assert {"communique.text.fold", "communique.text.name_key"} <= names  # the convention finds them
    assert all(c.cache_info().currsize == 0 for c in found), [
        (f"{c.__module__}.{c.__name__}", c.cache_info().currsize) for c in found if c.cache_info().currsize]
    assert lexicon.titles.cache_info().currsize == 1  # tables loaded once are kept
    assert text.fold("Lương  Cường") == "luong cuong"  # and the caches still work afterwards


def test_the_caches_fill_during_a_chunk_and_the_convention_skips_load_once_tables():
    from communique import lexicon, text

    caches.clear_document_caches()
    text.fold("Some Novel Name Qorvash")
    assert text.fold.cache_info().currsize == 1
    assert lexicon.titles not in caches.document_caches()
    caches.clear_document_caches()
    assert text.fold.cache_info().currsize == 0


def test_a_chunk_leaves_the_lemmatizers_cache_empty(after_a_chunk):
    from spacy.pipeline import Lemmatizer

    from communique.nlp import get_nlp

    lemmatizers = [pipe for _, pipe in get_nlp().pipeline if isinstance(pipe, Lemmatizer)]
    assert lemmatizers and all(not pipe.cache for pipe in lemmatizers)


def test_the_string_stores_table_does_not_keep_doubling_over_a_long_stream(after_a_chunk):
    """Each memory zone frees its strings but leaves their slots as tombstones; without the
    rebuild 300,000 novel strings would double the table at least once."""
    from communique.nlp import get_nlp

    nlp = get_nlp()
    strings = nlp.vocab.strings
    if getattr(strings, "_map", None) is None:
        pytest.skip("this spaCy's string store has no table to watch")
    before, capacity = set(strings), strings._map.capacity
    known = next(iter(before))
    for zone in range(10):
        with nlp.memory_zone():
            for i in range(30_000):
                strings.add(f"qzx{zone}novel{i}", allow_transient=True)
        caches.release_parse_memory(nlp)
    assert strings._map.capacity <= capacity
    assert set(strings) == before and strings[strings[known]] == known
    assert nlp("Foreign Minister Quolin Vantrellis met him in Oslo.")[0].text == "Foreign"


def test_a_parsed_document_is_freed_as_soon_as_its_article_is_made(monkeypatch):
    """Without the cycle collector: a doc kept alive by a cycle waits for a full collection,
    and a worker's memory rises with the documents waiting."""
    import gc
    import weakref

    from communique import pipeline

    parsed = []
    real = pipeline.parse_many

    def recording(texts, **kwargs):
        for doc in real(texts, **kwargs):
            parsed.append(weakref.ref(doc))
            yield doc

    monkeypatch.setattr(pipeline, "parse_many", recording)
    gc.collect()
    gc.disable()
    try:
        articles = extract_chunk([_novel(i) for i in range(6)])
        alive = sum(ref() is not None for ref in parsed)
    finally:
        gc.enable()
    assert len(parsed) == 6 and all(a.persons for a in articles)
    assert alive == 0
