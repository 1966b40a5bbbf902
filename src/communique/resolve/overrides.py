"""Manual corrections to person identities, read from a file the user edits (TOML or JSON).

    [[merge]]                       # these names / ids are one person
    refs = ["Luong Cuong", "Cuong Luong"]

    [[split]]                       # this name form is a different person
    name = "Nguyen Van Nam"
    country = "VNM"                 # optional: only records with this country
    articles = [12, 40]             # optional: only these article ids
    as = "Nguyen Van Nam (banker)"  # optional: canonical name of the split-off identity

    [[canonical]]                   # set the name an identity is shown under
    ref = "luong-cuong"             # an identity id or any of its name forms
    name = "Lương Cường"

The same keys in a JSON object ({"merge": [...], "split": [...], "canonical": [...]}).
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class OverridesError(ValueError):
    """A malformed overrides file; the message names the file and what is wrong."""


@dataclass
class Split:
    name: str
    country: str | None = None
    articles: frozenset[int] | None = None
    as_name: str | None = None


@dataclass
class Overrides:
    merges: list[list[str]] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    canonical: list[tuple[str, str]] = field(default_factory=list)  # (ref, name)
    path: str | None = None


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OverridesError(f"{where}: expected a list of names or ids")
    return [v.strip() for v in value]


def parse_overrides(data: dict, source: str = "<overrides>") -> Overrides:
    """Check and convert the parsed file content into Overrides."""
    if not isinstance(data, dict):
        raise OverridesError(f"{source}: expected a table/object with merge, split, canonical")
    unknown = set(data) - {"merge", "split", "canonical"}
    if unknown:
        raise OverridesError(f"{source}: unknown section(s) {', '.join(sorted(unknown))}; "
                             "expected merge, split, canonical")
    out = Overrides(path=source)
    for i, item in enumerate(data.get("merge") or [], 1):
        refs = _strings(item.get("refs") if isinstance(item, dict) else item, f"{source}: merge #{i}")
        if len(refs) < 2:
            raise OverridesError(f"{source}: merge #{i}: name at least two identities")
        out.merges.append(refs)
    for i, item in enumerate(data.get("split") or [], 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise OverridesError(f"{source}: split #{i}: needs a 'name'")
        arts = item.get("articles")
        if arts is not None and (not isinstance(arts, list) or not all(isinstance(a, int) for a in arts)):
            raise OverridesError(f"{source}: split #{i}: 'articles' must be a list of article ids")
        out.splits.append(Split(item["name"].strip(), item.get("country"),
                                frozenset(arts) if arts is not None else None, item.get("as")))
    for i, item in enumerate(data.get("canonical") or [], 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip()
                                                 for k in ("ref", "name")):
            raise OverridesError(f"{source}: canonical #{i}: needs 'ref' and 'name'")
        out.canonical.append((item["ref"].strip(), item["name"].strip()))
    return out


def load_overrides(path) -> Overrides:
    """Read an overrides file (.toml, or .json); OverridesError names the file on any problem."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise OverridesError(f"{p}: cannot read overrides file: {exc.strerror}") from None
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OverridesError(f"{p}: not valid {'JSON' if p.suffix.lower() == '.json' else 'TOML'}: {exc}") from None
    return parse_overrides(data, str(p))
