"""Persons of one article: names found by title anchors, appositions and the NER, with titles,
country and organisation, merged into one PersonDraft per person with every mention.

The small English model misses many names that follow long titles ("Acting Assistant
Secretary of State Fleet White"), so recognition is anchored on the title lexicon in
data/titles.json: a capitalised run that contains a title head is split into title and
name by walking back from its end over name-like words (`titles`, `finders`). No library
does this split for diplomatic titles, so it is written here by hand. The steps, in order:
`merge.build_persons`, `mentions.resolve_short_mentions` / `resolve_title_mentions`,
`counterparts.counterpart_titles`, `countries.assign_countries`, `mentions.settle_names`, and after events
`countries.settle_countries`.
"""
from communique.persons.countries import (accompanying_countries, assign_countries, home_country, only_speaks,
                                          settle_countries, side_countries)
from communique.persons.finders import NameHit, appositions, ner_names, title_anchored, title_then_name
from communique.persons.merge import build_persons, same_name
from communique.persons.mentions import resolve_short_mentions, resolve_title_mentions, settle_names
from communique.persons.runs import runs, segments
from communique.persons.tokens import is_name_token, token_country

__all__ = ["NameHit", "accompanying_countries", "appositions", "assign_countries", "build_persons", "home_country", "is_name_token",
           "ner_names", "only_speaks", "resolve_short_mentions", "resolve_title_mentions", "runs", "same_name",
           "segments", "settle_countries", "settle_names", "side_countries", "title_anchored", "title_then_name", "token_country"]
