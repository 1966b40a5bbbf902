"""The hashed lock covers what pyproject.toml declares, and CI installs what the README says."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOCK = REPO / "requirements" / "lock.txt"


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    return {_norm(re.match(r"[A-Za-z0-9_.\-]+", spec).group()) for spec in specs}


def _locked() -> dict[str, str]:
    """name -> the pin's whole entry (its version line and its hash lines)."""
    entries: dict[str, str] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.\-]+)==\S+", line)
        if match:
            current = _norm(match.group(1))
            entries[current] = line
        elif current and line.startswith(" "):
            entries[current] += "\n" + line
        else:
            current = None
    return entries


def test_every_declared_dependency_is_pinned_with_a_hash():
    locked = _locked()
    missing = sorted(_declared() - set(locked))
    assert not missing, f"declared in pyproject.toml but not in requirements/lock.txt: {missing}"
    unhashed = sorted(name for name, entry in locked.items() if "--hash=sha256:" not in entry)
    assert not unhashed, f"pinned without a hash: {unhashed}"


def test_lxml_html_clean_is_declared_and_locked():
    # trafilatura's justext imports lxml.html.clean, which lxml 6 moved to its own project
    assert "lxml-html-clean" in _declared()
    assert "lxml-html-clean" in _locked()


def test_ci_installs_exactly_what_the_readme_installs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.+?)\n```", readme, re.S).group(1)
    installs = [part.strip() for part in first.split("&&") if "pip install" in part]
    assert installs and all("--require-hashes" in p or "-e ." in p for p in installs)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for command in installs:
        flags = command.replace(".venv/bin/pip install", "").split()
        line = next((ln for ln in ci.splitlines() if ".venv/bin/pip install" in ln and all(f in ln.split() for f in flags)), None)
        assert line, f".ci/run does not run the README's `{command}`"
