"""Runs that choke spaCy's tokenizer are neutralised with offsets kept, and long texts are parsed
in bounded pieces that join into one Doc over the whole text (communique.sanitize, nlp.parse)."""
import time

from communique.nlp import CHUNK_CHARS, chunk_bounds, get_nlp, parse, parse_many
from communique.sanitize import MAX_RUN, neutralise

PARA = ("Foreign Minister Ana Rojas of Chile met Foreign Minister Lars Holm of Norway in Oslo on Monday. "
        "They signed an agreement on fisheries research and agreed to meet again in Santiago.\n\n")


def test_neutralise_keeps_length_and_ordinary_text():
    assert neutralise(PARA) == PARA
    ordinary = "Wait... what?! -- He said \"no\" (twice). Rates rose 1,000,000 times; see https://example.org/a/b?c=d"
    assert neutralise(ordinary) == ordinary
    for bad in ("'s" * 5000, "," * 7000, "(" * 3000, "\U0001F600" * 2000, "x" * 10_001, "a'b" * 900):
        out = neutralise("Before " + bad + " after.")
        assert len(out) == len(bad) + 14 and out.startswith("Before ") and out.endswith(" after.")
        assert max(len(piece) for piece in out.split()) <= MAX_RUN


def test_pathological_runs_tokenize_in_linear_time():
    nlp = get_nlp()

    def cpu(text):
        t = time.process_time()
        doc = nlp(text)
        return time.process_time() - t, doc

    base, _ = cpu(PARA * 40)  # ~7 KB of prose
    for bad in ("'s" * 4000, "," * 8000, "x'" * 4000, "Minister " * 900):
        spent, doc = cpu(bad)
        assert len(doc.text) == len(bad)
        assert spent < 3 * base + 0.5, (bad[:10], spent, base)  # was 10 CPU-s for 16 KB of "'s"


def test_chunk_bounds_cover_the_text_at_breaks():
    text = PARA * 500  # ~90 KB
    bounds = chunk_bounds(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(e - s <= CHUNK_CHARS for s, e in bounds)
    assert all(text[e - 2:e] == "\n\n" for _, e in bounds[:-1])  # cut after a paragraph
    # no break at all: cut at the size
    assert chunk_bounds("x" * 50_000, size=20_000) == [(0, 20_000), (20_000, 40_000), (40_000, 50_000)]


def test_long_text_parses_in_pieces_with_offsets_of_the_whole():
    text = PARA * 300  # ~55 KB: three pieces
    doc = parse(text)
    assert doc.text == text
    ents = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    assert len(ents) >= 500
    assert all(text[s:e] == t for s, e, t in ents)
    starts = [s.start_char for s in doc.sents]
    assert starts == sorted(starts) and len(starts) >= 550
    # a piece boundary does not glue sentences: every paragraph starts a sentence
    para_starts = {i for i in range(0, len(text), len(PARA))}
    assert para_starts <= set(starts)


def test_short_text_parses_as_before_and_batches_keep_order():
    short = "Prime Minister Jon Berg met President Ana Lopez in Lima."
    direct = get_nlp()(short)
    mine = parse(short)
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in mine] == \
        [(t.text, t.dep_, t.head.i, t.ent_type_) for t in direct]
    long = PARA * 150
    out = list(parse_many([short, long, "", short], batch_size=2))
    assert [d.text for d in out] == [short, long, "", short]
