"""Name folding for matching (case, accents, spacing) and LIKE patterns that match literally."""
import re

from communique.text import fold

def _escape(value: str) -> str:
    return fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def word_start_match(column, value: str):
    """SQL condition: folded `column` has `value` at the start of a word ("Hoa" finds "Le Van Hoa",
    not "Dao Minh Khoa"); LIKE wildcards in `value` are taken literally (escape character '\\')."""
    from sqlalchemy import or_

    escaped = _escape(value)
    return or_(column.like(f"{escaped}%", escape="\\"), column.like(f"% {escaped}%", escape="\\"))
