"""Across documents: person identities with role histories, and merging reports of one event.

Pure functions over plain dicts (the STORE_API record shapes); no database here.
"""
from communique.levels import LEVELS, level_of
from communique.resolve.events import PUBLISHED_WINDOW_DAYS, MergedEvent, merge_events, parse_when
from communique.resolve.overrides import Overrides, OverridesError, Split, load_overrides, parse_overrides
from communique.resolve.persons import Identity, Role, resolve_persons

__all__ = ["resolve_persons", "merge_events", "load_overrides", "parse_overrides", "Identity", "Role",
           "MergedEvent", "Overrides", "OverridesError", "Split", "LEVELS", "level_of", "parse_when",
           "PUBLISHED_WINDOW_DAYS"]
