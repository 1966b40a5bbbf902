"""The CAMEO code table (data/cameo.tsv): quad class, Goldstein score and label of every code, and
the default code of each PLOVER type and mode. Events, exports and charts all read it here."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    description: str


@lru_cache(maxsize=1)
def _cameo() -> tuple[dict[str, CameoCode], dict[str, str]]:
    """data/cameo.tsv -> ({code: CameoCode}, {"TYPE" or "TYPE:mode": default code})."""
    codes, defaults = {}, {}
    text = resources.files("communique.data").joinpath("cameo.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 6:
            raise ValueError(f"cameo.tsv:{number}: expected 6 tab-separated columns")
        code, root, quad, goldstein, plover, description = cells
        codes.setdefault(code, CameoCode(code, root, int(quad), float(goldstein), description))
        if plover:
            defaults[plover] = code
    return codes, defaults


def table() -> tuple[dict[str, CameoCode], dict[str, str]]:
    """The whole table: {code: CameoCode} and {"TYPE" or "TYPE:mode": default code} (copies), for
    callers that select events by Goldstein score or quad class in SQL (store/queries.py)."""
    codes, defaults = _cameo()
    return dict(codes), dict(defaults)


def cameo_code(code: str | None, type_: str | None = None, mode: str | None = None) -> CameoCode | None:
    """The CAMEO entry for a code; for an unknown or missing code, the default of type/mode."""
    codes, defaults = _cameo()
    if code and code in codes:
        return codes[code]
    if code and code[:2] + "0" in codes:  # a sub-code we do not list: its root's entry
        base = codes[code[:2] + "0"]
        return CameoCode(code, base.root, base.quad_class, base.goldstein, base.description)
    default = defaults.get(f"{type_}:{mode}") or defaults.get(type_ or "")
    return codes.get(default) if default else None
