"""The model's attribute_ruler with its patterns looked up by each token's tag, lower-case form
and dependency instead of run through spaCy's Matcher: the same matches in the same order, so
the same POS, morphology and lemmas, at a fraction of the time.

The English model's 179 attribute patterns are one-token tests ({"TAG": "PRP", "LOWER": "he"}),
many with IN / NOT_IN / REGEX predicates, which the Matcher evaluates in Python at every token
for every pattern: about 3 ms of an article's 20 ms parse, as much as the tok2vec layer. No
library indexes Matcher patterns this way, so it is written here; a pattern this index does
not understand (another attribute, an operator, a quantifier) stays with a Matcher of its own.
"""
from __future__ import annotations

import re
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# the token attributes the index reads, as Matcher pattern keys, and their place in a token's row
_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the first token's exact values a pattern is filed under, most telling first


_EQ, _IN, _NOT_IN, _REGEX = range(4)


def _value_checks(key: str, value) -> list[tuple] | None:
    """(row position, operator, operand) checks of one attribute as the Matcher reads `value`;
    None where it is not an exact value or IN / NOT_IN / REGEX predicates."""
    at = _ATTRS[key]
    if isinstance(value, (str, bool)):
        return [(at, _EQ, value)]
    if not isinstance(value, dict) or not value or set(value) - {"IN", "NOT_IN", "REGEX"}:
        return None
    ops = {"IN": (_IN, frozenset), "NOT_IN": (_NOT_IN, frozenset), "REGEX": (_REGEX, re.compile)}
    return [(at, ops[name][0], ops[name][1](operand)) for name, operand in value.items()]


def _token_checks(spec: dict) -> tuple | None:
    """The checks of one pattern token, or None where the spec is beyond the index."""
    if not spec or set(spec) - set(_ATTRS):
        return None
    checks = []
    for key, value in spec.items():
        got = _value_checks(key, value)
        if got is None:
            return None
        checks.extend(got)
    return tuple(checks)


def _passes(row: tuple, checks: tuple) -> bool:
    for at, op, operand in checks:
        v = row[at]
        if op == _EQ:
            if v != operand:
                return False
        elif op == _IN:
            if v not in operand:
                return False
        elif op == _NOT_IN:
            if v in operand:
                return False
        elif not (isinstance(v, str) and operand.search(v)):
            return False
    return True


def _exact_values(value) -> list | None:
    """The values an attribute must take to pass `value` ("PRP", or each of an IN list), or None."""
    if isinstance(value, (str, bool)):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return None


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, its `match` answered from an index of the patterns by the first
    token's tag, lower-case form or dependency."""

    def add(self, patterns, attrs, index=0):
        super().add(patterns, attrs, index)
        self._index = None

    def clear(self):
        super().clear()
        self._index = None

    def _build(self):
        """(files by attribute and value, patterns filed under no value, a Matcher for the rest)."""
        files = {key: {} for key in _INDEXED}
        unfiled, rest = [], Matcher(self.vocab, validate=False)
        for attr_id, pats in enumerate(self.patterns):
            key = str(attr_id)
            m_id = self.vocab.strings.add(key)
            for pattern in pats["patterns"]:
                tests = [_token_checks(spec) for spec in pattern]
                if not pattern or any(t is None for t in tests):
                    rest.add(key, [pattern])
                    continue
                entry = (attr_id, m_id, tuple(tests))
                first = pattern[0]
                for key_name in _INDEXED:
                    values = _exact_values(first.get(key_name))
                    if values is not None:
                        for v in values:
                            files[key_name].setdefault(v, []).append(entry)
                        break
                else:
                    unfiled.append(entry)
        self._index = (files, unfiled, rest if len(rest) else None)
        return self._index

    def match(self, doc: Doc):
        files, unfiled, rest = getattr(self, "_index", None) or self._build()
        rows = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        by_tag, by_lower, by_dep, by_space = files["TAG"], files["LOWER"], files["DEP"], files["IS_SPACE"]
        n = len(rows)
        matches = []
        for i, row in enumerate(rows):
            for group in (by_tag.get(row[0]), by_lower.get(row[1]), by_dep.get(row[2]), by_space.get(row[3]),
                          unfiled):
                if not group:
                    continue
                for attr_id, m_id, tests in group:
                    end = i + len(tests)
                    if end == i + 1:  # most patterns are one token long
                        if _passes(row, tests[0]):
                            matches.append((attr_id, m_id, i, end))
                    elif end <= n and all(_passes(rows[i + k], checks) for k, checks in enumerate(tests)):
                        matches.append((attr_id, m_id, i, end))
        if rest is not None:
            for m_id, s, e in rest(doc, allow_missing=True, as_spans=False):
                matches.append((int(self.vocab.strings[m_id]), m_id, s, e))
        matches.sort()  # by pattern order, so that later rules win, as AttributeRuler.match sorts
        return matches


@Language.factory("indexed_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool):
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the pipeline's attribute ruler for the indexed one, with the same patterns."""
    if name not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "indexed_attribute_ruler")
    nlp.get_pipe(name).add_patterns(patterns)
