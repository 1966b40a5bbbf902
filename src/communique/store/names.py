"""Name folding for matching (case, accents, spacing) and LIKE patterns that match literally."""
import re
import unicodedata

# Letters that Unicode decomposition leaves alone but readers treat as their base letter.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"})


def fold(name: str | None) -> str:
    """'Tô  Lâm' -> 'to lam': the key names are compared and searched by."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.translate(_EXTRA))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain.casefold()).strip()


def _escape(value: str) -> str:
    return fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def word_start_match(column, value: str):
    """SQL condition: folded `column` has `value` at the start of a word ("Hoa" finds "Le Van Hoa",
    not "Dao Minh Khoa"); LIKE wildcards in `value` are taken literally (escape character '\\')."""
    from sqlalchemy import or_

    escaped = _escape(value)
    return or_(column.like(f"{escaped}%", escape="\\"), column.like(f"% {escaped}%", escape="\\"))
