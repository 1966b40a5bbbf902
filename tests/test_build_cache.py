"""build_cache: tables built from data files are pickled once into the cache folder and loaded
after that; a changed input, a broken file, an unwritable folder or "off" builds in memory."""
from __future__ import annotations

from communique import build_cache


def counting_build(calls):
    def build():
        calls.append(1)
        return {"table": [1, 2, 3], "n": len(calls)}
    return build


def test_second_call_loads_what_the_first_built(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    calls = []
    first = build_cache.cached("t", counting_build(calls), data_files=("frames.json",), packages=("spacy",))
    second = build_cache.cached("t", counting_build(calls), data_files=("frames.json",), packages=("spacy",))
    assert first == second == {"table": [1, 2, 3], "n": 1}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("t-*.pickle"))) == 1
    assert not list(tmp_path.glob(".t-*"))  # no temporary file left behind


def test_changed_source_builds_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "build.py"
    src.write_text("v1", encoding="utf-8")
    calls = []
    build_cache.cached("t", counting_build(calls), sources=(str(src),))
    src.write_text("v2", encoding="utf-8")
    again = build_cache.cached("t", counting_build(calls), sources=(str(src),))
    assert again["n"] == 2 and len(calls) == 2


def test_broken_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    calls = []
    build_cache.cached("t", counting_build(calls))
    (path,) = tmp_path.glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert build_cache.cached("t", counting_build(calls))["n"] == 2
    assert build_cache.cached("t", counting_build(calls))["n"] == 2  # the rebuilt table was stored


def test_off_and_unwritable_folder_build_in_memory(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", "off")
    assert build_cache.cache_dir() is None
    build_cache.cached("t", counting_build(calls))
    build_cache.cached("t", counting_build(calls))
    assert len(calls) == 2
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(blocker / "sub"))  # a folder under a file: never writable
    assert build_cache.cached("t", counting_build(calls))["n"] == 3


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("COMMUNIQUE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert build_cache.cache_dir() == tmp_path / "communique"


def test_gazetteer_from_the_cache_finds_the_same_places(tmp_path, monkeypatch):
    from communique import places

    text = "Ana Lima flew from Lisbon to Nairobi, Kenya, and then to Ha Noi in Viet Nam."
    want = places.find_places(text)
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path))
    places._gazetteer.cache_clear()
    try:
        places._gazetteer()  # built and written
        places._gazetteer.cache_clear()
        assert places.find_places(text) == want  # loaded from the file
        assert list(tmp_path.glob("gazetteer-*.pickle"))
    finally:
        places._gazetteer.cache_clear()
