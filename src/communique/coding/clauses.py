"""Which clauses of a sentence assert its events: relative clauses, bare participles, conditions
and temporal clauses are background, trigger nouns under another noun are topics, wishes are no
deeds. Predicates on the dependency parse, used by the coder before it codes a trigger."""
from __future__ import annotations

from spacy.tokens import Token

LEMMA_SLIPS = {"hop": "hope"}
# subordinators of a condition: "unless the regime is disarmed" asserts nothing
CONDITIONAL_MARKS = frozenset({"if", "unless", "lest"})
# subordinators of what came before or after the news: "withdrew two weeks after rebels kidnapped
# peacekeepers" reports the withdrawal; the kidnapping is its occasion, reported when it happened
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "till"})
# verbs of wishing: a clause with its own subject under them is a wish ("hoped X would be indicted"),
# and "wants X to ..." asks X for the deed
DESIRE_HEADS = frozenset({"hope", "wish", "want", "expect", "like", "prefer", "desire"})
APPEAL_HEADS = frozenset({"want", "wish", "like", "prefer"})
# prepositions under which a trigger noun that modifies another noun is a topic, not an event
# ("a pause in the bombing", "bans on travel", "responsibility for the attack"); not "of" ("a wave of
# strikes")
MENTION_PREPS = frozenset({"in", "on", "for", "about", "over", "against", "since", "after", "before",
                           "during", "into", "behind"})
# and a gerund only under those of a topic ("a ban on travelling"; not "a ceremony for visiting X",
# "in addition to meeting X")
GERUND_MENTION_PREPS = frozenset({"on", "about", "over", "against"})
# verbs that report what someone says happened: a speaker named first who tells of another party's
# violence accuses it ("The US said Iraq had attacked"); a claim of one's own deed claims it
SAYING = frozenset({"say", "claim", "state", "insist", "assert", "report", "tell", "add", "argue", "charge",
                    "contend", "maintain", "allege"})


def lemma(tok: Token) -> str:
    """A token's lower-case lemma."""
    word = (tok.lemma_ or tok.text).lower()
    if word in LEMMA_SLIPS and tok.lower_.startswith(LEMMA_SLIPS[word]):
        return LEMMA_SLIPS[word]  # spaCy lemmatises "hoped" as "hop"
    return word


def background(verb: Token) -> bool:
    """Whether a predicate sits in a clause that only describes a noun (a relative clause: "the
    group that seized Mosul"; a past participle: "a man jailed last year", "a trip aimed at
    pushing for ..."), tells what came before or after the news ("two weeks after rebels
    kidnapped ...") or states a condition ("unless the regime is disarmed"): such clauses assert
    no event of the sentence. A sentence with no verb of its own ("Doctors from X donated ..."
    parsed as a noun phrase) has no other clause to prefer."""
    if misparsed_participle(verb):
        return True
    tok, found = verb, False
    for _ in range(50):
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"} if tok.dep_ == "advcl" else set()
        if marks & CONDITIONAL_MARKS:
            return True
        found = found or _describes_noun(tok) or bool(marks & TEMPORAL_MARKS)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return found and tok.pos_ in ("VERB", "AUX")


def misparsed_participle(verb: Token) -> bool:
    """"The civilians imprisoned for X were released by Y": the small model makes the noun's
    participle the root and the finite passive its conjunct (no "and" between them). The root is
    then the noun's description, the conjunct the sentence's news."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("cc", "aux", "auxpass")
                                                                    for c in verb.children):
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].i == verb.i - 1 and any(
        c.dep_ == "conj" and c.i > verb.i and any(a.dep_ in ("aux", "auxpass") for a in c.children)
        for c in verb.children)


def _describes_noun(tok: Token) -> bool:
    """A relative clause or bare participle on a noun. Not an infinitive ("the first leader to
    visit Kyiv": who visited), "There were ten soldiers killed" (the existential's news), nor
    "Agents abused migrants, a group charged" (a finite verb parsed as a participle)."""
    if tok.dep_ == "relcl":
        return not infinitive(tok)
    return tok.dep_ == "acl" and _participle(tok) and not _existential(tok.head) \
        and not _reported_clause(tok) and not attribution(tok)


def attribution(participle: Token) -> bool:
    """"..., a rights group protested on Saturday": a sentence-final attribution after a comma,
    parsed as a participle of its speaker, is a finite verb, not a noun's description."""
    left = participle.head.left_edge
    sent = participle.sent
    last = max(t.i for t in participle.subtree)
    return left.i > sent.start and left.nbor(-1).text == "," and all(
        t.is_punct for t in participle.doc[last + 1:sent.end]) and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in participle.children)


def _reported_clause(participle: Token) -> bool:
    """"Youths resorted to ..., officials said": the participle is what the speaker said."""
    noun = participle.head
    say = noun.head
    return noun.dep_ == "nsubj" and lemma(say) in SAYING and any(
        t.text == "," for t in noun.doc[participle.i:say.i])


def _participle(verb: Token) -> bool:
    """A bare past participle ("a man jailed last year"), not a clause with its own subject or
    auxiliary ("the fact that Germany has provided aid")."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                          for c in verb.children)


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _existential(noun: Token) -> bool:
    return noun.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in noun.head.children)


def topic_mention(tokens: list[Token], hit: list[int]) -> bool:
    """A trigger noun that modifies another noun through a preposition names that noun's topic:
    "a pause in the bombing", "bans on travel to X", "responsibility for the attack"."""
    words = {tokens[i].i for i in hit}
    top = next((tokens[i] for i in hit if tokens[i].head.i not in words), tokens[hit[0]])
    if top.pos_ not in ("NOUN", "PROPN") and top.dep_ != "pcomp":  # "a ban on travelling to X"
        return False
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    prep = top.head
    preps = GERUND_MENTION_PREPS if top.dep_ == "pcomp" else MENTION_PREPS
    return top.dep_ in ("pobj", "pcomp") and prep.lower_ in preps and prep.head.pos_ in ("NOUN", "PROPN") \
        and prep.head.i not in words


def wished(verb: Token) -> str | None:
    """"appeal" for a deed a verb of wanting asks of another party ("Obama wants Putin to attack"),
    "hope" for one it only hopes or expects of another ("hoped X would be indicted"), else None."""
    head = verb.head
    if head.i == verb.i or lemma(head) not in DESIRE_HEADS:
        return None
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "ccomp" and own:
        return "appeal" if lemma(head) in APPEAL_HEADS and infinitive(verb) else "hope"
    return None
