"""Engagement frames read from the dependency parse: for each trigger word (a verb such as
"met" or a noun such as "talks"), who took part on which side and in what role.

Pure functions over one spaCy sentence and the sentence's person mentions (char spans with an
opaque key), so the event drafter can ask "who met whom here" without token positions. The
word lists live in data/frames.json. No maintained library reads engagement frames with
persons as participants from a spaCy parse (semantic-role labellers need other models and
downloads), so the walk over the tree is written here; every step visits a token a bounded
number of times, and mentions are looked up by token index, so a sentence costs time linear
in its length.

The steps, one module each: model (MentionSpan, PersonInfo, Frame), words (data/frames.json),
mentions (persons by token), anaphora (Discourse), triggers (modes, phone, planned), phrases
(who a noun phrase names, subjects, counterparts), destinations (where a visit went), reader
(one trigger's frame, one sentence's frames).
"""
from __future__ import annotations

from communique.frames.anaphora import Discourse
from communique.frames.mentions import index_mentions
from communique.frames.model import MAX_WALK, Frame, Key, MentionSpan, PersonInfo
from communique.frames.reader import read_frames, read_sentence, subjects_of
from communique.frames.words import words

__all__ = ["Discourse", "Frame", "Key", "MAX_WALK", "MentionSpan", "PersonInfo", "index_mentions", "read_frames",
           "read_sentence", "subjects_of", "words"]
