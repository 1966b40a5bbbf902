"""The capitalised runs (with the connectors titles allow) and the text lines that the name
finders look for names in, from the doc's TokenTable."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from communique import lexicon
from communique.persons.namewords import OPEN_QUOTES, _nickname_end
from communique.persons.tokens import NAME_PARTICLES, STOP_NAME_WORDS, table


def runs(sent: Span) -> list[tuple[int, int]]:
    """Maximal stretches of capitalised words with the connectors allowed inside titles
    (computed once per span: three finders ask for them)."""
    tt = table(sent.doc)
    key = (sent.start, sent.end)
    if key in tt.runs:
        return tt.runs[key]
    text, lower, cap, hon, head, conn, hyph, punct = tt.text, tt.lower, tt.cap, tt.hon, tt.head, tt.conn, tt.hyph, tt.punct
    ranks = lexicon.titles().ranks
    fields = lexicon.titles().org_words  # "press", "trade", "defence": an office's field before its head word
    out, i, end = [], sent.start, sent.end

    def rank_before_title(k: int) -> bool:
        """A lower-case rank word inside a title ("Kenya's former President", "Japan's foreign
        minister"): it goes on when a title word or a capital follows it, past other ranks."""
        while k + 1 < end and (lower[k] in ranks or lower[k] in fields) and not cap[k]:
            k += 1  # "outgoing foreign minister": ranks in a row; "White House press secretary": a field
            if cap[k] or head[k]:
                return True
        return False

    while i < end:
        if not (cap[i] or hon[i] or head[i]):
            i += 1
            continue
        j = i
        while j < end:
            if "\n" in text[j]:
                break
            if cap[j] or hon[j] or (head[j] and not punct[j]) or hyph[j] or tt.syl[j]:
                j += 1
            elif text[j] == "(" and j + 2 < end and text[j + 2] == ")":
                j += 3
            elif j > i and text[j] in OPEN_QUOTES and _nickname_end(sent.doc, j, end):
                j = _nickname_end(sent.doc, j, end)
            elif conn[j] and j + 1 < end and (cap[j + 1] or head[j + 1] or text[j + 1] == "("
                                              or lower[j + 1] in ("the", "its") or rank_before_title(j + 1)):
                j += 1
            elif j > i and rank_before_title(j):
                j += 1
            elif lower[j] == "on" and j > i and any(head[i:j]) and j + 1 < end and cap[j + 1] \
                    and lower[j + 1] not in STOP_NAME_WORDS:
                j += 1  # "Special Adviser to the President on Information and Strategy" (not "on Monday")
            elif lower[j] in NAME_PARTICLES and j + 1 < end and (cap[j + 1] or hyph[j + 1] or (
                    lower[j + 1] in NAME_PARTICLES and j + 2 < end and cap[j + 2])):
                j += 1  # "de Silva", "von der Leyen"
            else:
                break
        while j > i and conn[j - 1] and text[j - 1] != ")":
            j -= 1
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    tt.runs[key] = out
    return out


def _title_case_line(span: Span) -> bool:
    """A headline in Title Case, where capitals say nothing about names (read from the doc's
    TokenTable: no Token objects, no joined Span text)."""
    if len(span) > 30:
        return False
    texts = table(span.doc).text[span.start:span.end]
    last = next((x for x in reversed(texts) if x.strip()), "")  # what span.text.rstrip() ends with
    if last.rstrip().endswith((".", "?", "!", '"', "”")):
        return False  # a sentence, not a headline
    words = [x for x in texts if x.isalpha() and len(x) > 3]
    return len(words) >= 4 and sum(x[0].isupper() for x in words) / len(words) >= 0.7


def segments(doc: Doc) -> list[Span]:
    """Lines of the text: names are looked for per line, not per parsed sentence, because the
    parser sometimes ends a sentence inside a name after an initial ("Dr. S. Jaishankar")."""
    out, start = [], 0
    for i, text in enumerate(table(doc).text):
        if "\n" in text:
            if i > start:
                out.append(doc[start:i])
            start = i + 1
    if start < len(doc):
        out.append(doc[start:len(doc)])
    return out
