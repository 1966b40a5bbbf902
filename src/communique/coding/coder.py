"""Code the events of a sentence: trigger patterns matched on lemmas, source and target from the
dependency parse, negation and intent from the trigger's own dependents.

Written here: the maintained event coders (PETRARCH2, UniversalPetrarch) need constituency trees
or their own dictionaries and code states only; communique keeps persons as actors and its
lexicon as data.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from communique.coding.actors import ActorRef, find_actors, only_state, persons_in, phrase_tokens, pronoun_actors, unknown_names
from communique.coding.clauses import SAYING, attribution, background, infinitive, topic_mention, wished
from communique.coding.clauses import lemma as _lemma
from communique.coding.vocabulary import GAP, MAX_GAP, Pattern, deed_words, patterns_by_trigger, plover_of, sector_words

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
TARGET_PREPS = frozenset({"with", "to", "against", "on", "for", "from", "of", "at", "toward", "towards", "into"})
NEGATIONS = frozenset({"not", "never", "n't", "no"})
PLACE_PREPS = frozenset({"in", "inside"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside"})
CONDITION_MARKS = frozenset({"if", "unless"})
# whom the deed a verb governs is aimed at, when no object of its own names a party: "threatened
# to cut off power to X", "refused to commit troops against X"
CONTROLLED_PREPS = frozenset({"to", "against", "on", "with", "toward", "towards"})
# verbs whose direct object is what is talked about, not who is talked with
TOPIC_OBJECT_VERBS = frozenset({"discuss", "negotiate", "debate", "review", "raise", "convey"})
# what talk is about: "talked about the sanctions", "spoke on the attacks"
TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning"})
# a meeting's other party is met "with" or gone "to"; "met for the summit", "talks on trade" name no party
MEETING_PREPS = frozenset({"with", "to", "toward", "towards"})
# the subject of the clause an appeal, demand, accusation or threat governs is its target
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "13"})
# where statements, intents, meetings, support and cooperation happen is a venue, not a party
VENUE_ROOTS = frozenset({"01", "03", "04", "05", "06"})
# sectors of groups that act where they live: a state the sentence names alone is theirs
DOMESTIC_SECTORS = frozenset({"OPP", "COP", "LAB", "CVL", "EDU", "JUD", "LEG", "PTY", "REB", "INS", "SEP"})
# what only a state's authorities do (investigate, arrest, ban): done somewhere by no one named, that state did it
STATE_ACT_ROOTS = frozenset({"09", "17"})
# ... but what is set up, sent or opened somewhere is aimed there, except a meeting or a statement
SPEECH_ROOTS = frozenset({"01", "04"})
# a verb governing the trigger that makes it an intention, not a deed: "plans to visit"
INTENT_HEADS = frozenset({"plan", "intend", "hope", "expect", "want", "aim", "seek", "prepare", "agree",
                          "schedule", "slated", "due",
                          "offer", "promise", "pledge", "vow", "wish", "propose", "invite", "try",
                          "willing", "ready", "prepared", "committed", "determined", "eager", "swear"})
INTENT_AUX = frozenset({"will", "would", "shall", "'ll"})
# modals that announce a harm as possible: "may halt mediation" is a threat, "may visit" nothing yet
THREAT_AUX = frozenset({"may", "might", "could"})
# heads that deny or refuse what they govern: "refused to meet", "denied attacking"
DENIAL_HEADS = frozenset({"refuse", "decline", "deny", "reject", "fail"})
# what an intended deed is coded as: the finest intent code CAMEO has for it
INTENT_OF = {"04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
             "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035",
             "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
             "045": "039", "046": "036"}
# entity types whose words are names, not triggers ("Asia-Pacific Economic Cooperation")
NAME_ENTITIES = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT",
                           "DATE", "TIME"})


# what an act announced for the future is coded as when it hurts the target: a threat
THREAT_OF = {"14": "133", "16": "131", "162": "1311", "163": "1312", "161": "1313", "164": "134", "165": "135",
             "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
             "1724": "1324", "18": "1383", "19": "1384", "191": "1381", "192": "1382", "20": "138",
             "204": "1385", "0874": "136", "12": "131"}
# what an act another party "must" do is coded as: a demand
DEMAND_OF = {"06": "101", "061": "1011", "062": "1012", "063": "1013", "064": "1014", "07": "103",
             "071": "1031", "072": "1032", "073": "1033", "074": "1034", "08": "105", "081": "1051",
             "082": "1052", "084": "1053", "085": "1054", "086": "1055", "087": "1056", "04": "106",
             "046": "106", "037": "107", "045": "108", "03": "100", "05": "102"}
# what an appeal for a deed is coded as: "urged Iran to release", "called on X to negotiate"
APPEAL_OF = {"06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214", "05": "022", "07": "023",
             "071": "0231", "072": "0232", "073": "0233", "074": "0234", "08": "025", "081": "0251",
             "082": "0252", "084": "0253", "085": "0254", "086": "0255", "087": "0256", "04": "026",
             "046": "026", "037": "027", "045": "028", "0831": "0241", "0832": "0242", "0833": "0243"}
# what a deed announced as not to be done is coded as: "would not provide support" is a refusal
REFUSAL_OF = {"03": "120", "04": "125", "036": "125", "046": "125", "05": "120", "06": "121", "061": "1211",
              "062": "1212", "063": "1213", "064": "1214", "07": "122", "08": "124", "081": "1241",
              "082": "1242", "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
              "045": "126", "038": "126", "037": "127"}
# roots whose nouns name what one party sends another, so that "from X" is its sender
FROM_SOURCE_ROOTS = frozenset({"02", "03", "05", "07", "10", "11", "13", "17"})
# verbs whose subject undergoes what their object noun names: "faced pressure from Congress"
UNDERGOING_VERBS = frozenset({"face", "suffer", "endure", "come"})
# verbs whose subject gets what another gives: "received weapons from the government"
RECEIVING_VERBS = frozenset({"receive", "obtain", "get"})
MUST = frozenset({"must"})
# prepositions whose gerund gives the grounds of a coded deed ("jailed for helping", "accused of playing")
GROUNDS_PREPS = frozenset({"for", "of"})
CLAIMING = frozenset({"claim", "admit", "acknowledge", "boast"})
ACCUSED_ROOTS = frozenset({"17", "18", "19", "20"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# how a noun is a party of an event: its subject, object, agent, or "with/against/at/on" object
PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
PARTY_PREPS = frozenset({"by", "with", "against", "at", "on", "of"})
# events that parties do with each other: "X, Y and Z met", "X and Y seek to deepen a partnership"
RECIPROCAL_ROOTS = frozenset({"04", "06"})
RECIPROCAL_CODES = frozenset({"030", "031", "036", "057"})
# roots (besides appeals, which take the deed into their code) whose governed deed is only what is
# demanded, alleged, refused or pressed for ("pressured X to help", "alleged that
# X helped"): the deed is no event of its own
GOVERNING_ROOTS = frozenset({"10", "11", "12", "17"})
REPORTING = frozenset({"say", "declare", "state", "insist", "reiterate", "tell", "announce", "warn", "stress",
                       "conclude", "add", "demand", "argue"})
# verbs of a legal or coercive act that, taking a reported clause, tell an accusation instead
# ("X was charged with fraud" is a charge; "..., the group charged" reports what it alleges)
ALLEGING_WITH_CLAUSE = frozenset({"charge"})


def _finest(table: dict[str, str], code: str, default: str | None = None) -> str | None:
    for n in (4, 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return default


def threat_code(code: str) -> str | None:
    """The CAMEO threat code (13x) for a harmful act announced for the future, or None."""
    return _finest(THREAT_OF, code)


def demand_code(code: str) -> str:
    """The CAMEO demand code (10x) for an act that someone says another party must do."""
    return _finest(DEMAND_OF, code, "100")


def intent_code(code: str) -> str:
    """The CAMEO intent code (03x) for an engagement or deed that is only intended."""
    for n in (3, 2):
        if code[:n] in INTENT_OF:
            return INTENT_OF[code[:n]]
    return code


@dataclass
class CodedEvent:
    """One coded event of a sentence."""

    code: str              # CAMEO, 3-4 digits
    plover: str | None     # PLOVER type; None for public statements (root 01)
    mode: str | None
    status: str            # "happened" | "planned"
    source: list[ActorRef]
    target: list[ActorRef]
    trigger: tuple[int, int]           # character offsets of the trigger word
    sentence: tuple[int, int]
    negated: bool = False
    pattern_line: int = 0
    words: list[int] = field(default_factory=list)  # token indices the pattern matched
    generic: bool = False  # a one-word pattern ("agree", "urge"): gives way to what it governs
    depth: int = 0  # how deep its predicate sits in the parse: the main clause's events come first
    lemma: str = ""  # the trigger word's lemma ("tell", "meet")
    verb: int = -1  # document index of its predicate
    reciprocal: bool = False  # its sources do it with each other ("X and Y met"): each is the others' counterpart
    deed: str = ""  # the code of the deed its words name, before an intent, threat or demand took it in ("042")

    @property
    def root(self) -> str:
        return self.code[:2]


def _match(words: list[tuple[str, str]], k: int, elements) -> list[int] | None:
    """Token positions matched by `elements` from words[k], or None (gaps are lazy, bounded);
    `words`: each token's (lemma, lower-case form), read once per sentence."""
    out = [k]
    pos = k + 1
    i = 1
    while i < len(elements):
        el = elements[i]
        if el is GAP:
            nxt = elements[i + 1]
            for j in range(pos, min(pos + MAX_GAP + 1, len(words))):
                if _word_in(words[j], nxt):
                    out.append(j)
                    pos = j + 1
                    break
            else:
                return None
            i += 2
            continue
        if pos < len(words) and _word_in(words[pos], el):
            out.append(pos)
            pos += 1
            i += 1
            continue
        return None
    return out


def _word_in(word: tuple[str, str], words: frozenset[str]) -> bool:
    return word[0] in words or word[1] in words


def _matches(tokens: list[Token]) -> list[tuple[Pattern, list[int]]]:
    """The trigger patterns matched in a sentence's `tokens` (all of them, in order), each with
    the positions of its words among them."""
    index = patterns_by_trigger()
    words = [(_lemma(t), t.lower_) for t in tokens]  # each pattern step asks a word again
    found = []
    for k, tok in enumerate(tokens):
        cands = index.get(words[k][0], ()) or index.get(words[k][1], ())
        if not cands or (tok.ent_type_ in NAME_ENTITIES and tok.ent_iob_ != ""):
            continue  # no pattern starts here, or the word is part of a name
        for pattern in cands:
            hit = _match(words, k, pattern.elements)
            if hit is not None and not _participle_of(tok, [tokens[h] for h in hit[1:]]):
                found.append((pattern, hit))
                break  # candidates are sorted most specific first
    # a match inside a more specific one, or starting on one of its words, is part of it ("held
    # talks" is not also "talks", "advised against travel to X" not also "travel to X")
    found.sort(key=lambda m: (m[0].weight, -m[1][0]), reverse=True)
    kept: list[tuple[Pattern, list[int]]] = []
    for pattern, hit in found:
        if any(set(hit) <= set(h) or (hit[0] in h and p.weight > pattern.weight) for p, h in kept):
            continue
        kept.append((pattern, hit))
    return kept


# mediating and offering to: the parties mediated "between" are its targets
MEDIATION_CODES = frozenset({"039", "045"})
# participles that say what their subject does, not what is done to it: "were engaged in", "are involved in"
STATE_PARTICIPLES = frozenset({"engage", "involve"})
# deeds whose purpose clause names whom they are aimed at: protests, repression, force
PURPOSE_ROOTS = frozenset({"14", "17", "18", "19"})
# verbs whose subject is a deed going on: "the riots continued", "fighting raged"
ONGOING_VERBS = frozenset({"continue", "erupt", "spread", "rage", "resume", "intensify", "escalate", "persist"})


OBJECT_PRONOUNS = frozenset({"him", "her"})


def _antecedent(pron: Token, sent: Span, persons, source: list[ActorRef]) -> list[ActorRef]:
    """The person a "him"/"her" object stands for: the nearest one named before it in the
    sentence that is not the event's source; none when the sentence names no such person."""
    before = [t for t in sent if t.i < pron.i]
    people = [a for a in find_actors(before, persons) if a.person is not None and not _same(a, source)
              and not any(s.person is a.person for s in source)]
    return people[-1:]


# verbs by which one answers what another sent: who "approved the requests" did not make them
RESPONDING_VERBS = frozenset({"approve", "reject", "deny", "grant", "accept", "refuse", "decline", "answer", "turn"})
# verbs of taking in a guest, whose object can as well be a thing ("received reports")
GUEST_VERBS = frozenset({"receive", "host"})


def _names_someone(noun: Token) -> bool:
    """A noun phrase that names a party: a sector word ("delegation", "officials") or an actor in it."""
    if (_lemma(noun),) in sector_words() or noun.lemma_ in PEOPLE_NOUNS:
        return True
    return any(a.start <= noun.idx < a.end for a in find_actors(phrase_tokens(noun)))  # not "Syrian Government websites"


# nouns for people that are no sector of their own: "received the visitors"
PEOPLE_NOUNS = frozenset({"delegation", "visitor", "guest", "envoy", "counterpart", "leader", "official", "minister",
                          "president", "ambassador", "representative", "member", "people", "student", "group",
                          "mission", "team", "observer", "expert", "journalist", "reporter", "crew", "veteran"})


def _participle_of(tok: Token, rest: list[Token]) -> bool:
    """A participle describing the noun its pattern goes on to ("its long-threatened invasion", "the
    promised aid"): the noun is the deed the sentence tells; the threat or promise was before."""
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and any(t.i == tok.head.i for t in rest)


# verbs that carry a nominal event: "held talks", "imposed sanctions", "launched an offensive"
SUPPORT_VERBS = frozenset({"hold", "conduct", "launch", "carry", "stage", "impose", "provide", "make", "issue",
                           "give", "take", "begin", "start", "continue", "resume", "announce", "order", "mount",
                           "file", "lodge", "extend", "offer", "deliver", "send", "grant", "declare", "reach",
                           "sign", "have", "be", "undertake", "renew", "pursue", "initiate", "step"})


TOPIC_ROOTS = frozenset({"04", "05", "06", "07"})
PREPOSITIONS = frozenset({"to", "with", "in", "on", "for", "from", "against", "at", "of", "into", "toward", "towards"})
FORCE_ROOTS = frozenset({"18", "19", "20"})


BEING_VERBS = frozenset({"be", "stay", "remain", "keep", "get"})


def _nominal_without_support(tok: Token, pattern: Pattern, hit: list[Token] = ()) -> bool:
    """A noun of cooperation (alone or with its preposition: "travel to"; or led by its modifier:
    "joint projects") that no verb carries ("hope for enhanced cooperation", "investment in India",
    "lifted its ban on travel to X", "discussed ... joint projects") names a topic, not an event;
    nouns of force ("an air strike") stay."""
    if pattern.code[:2] not in TOPIC_ROOTS:
        return False
    rest = pattern.elements[1:]
    noun = _modified_noun(tok, hit)
    if noun is not None:  # "joint ... project": the noun's own place in the clause decides
        at = next(k for k, w in enumerate(rest) if w is not GAP)
        tok, rest = noun, rest[at + 1:]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(w is not GAP and not w <= PREPOSITIONS for w in rest):  # "travel to" is one noun
        return False
    if tok.dep_ == "ROOT":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _lemma(tok.head.head) in BEING_VERBS:
        return False  # "have been in touch with X", "stayed in contact with X": a state the verb carries
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "undertook a mediation mission": the mission carries it
    head = tok.head
    while head.dep_ in ("prep", "conj", "compound", "amod") and head.head.i != head.i:
        head = head.head
    return not (head.pos_ in ("VERB", "AUX") and _lemma(head) in SUPPORT_VERBS and tok.dep_ in ("dobj", "nsubjpass", "attr", "nsubj"))


# verbs whose subject only speaks of, judges or looks into the deed their object names: "condemned
# the attack", "welcomed the ceasefire", "investigated the bombing"; its doer is told apart
# ("Russia's attack") or not at all
MENTIONING_VERBS = frozenset({"condemn", "denounce", "criticize", "criticise", "deplore", "decry", "slam", "blast",
                              "welcome", "praise", "hail", "applaud", "commend", "discuss", "investigate", "probe",
                              "deny", "report", "mourn", "oppose", "regret", "lament", "protest", "witness", "survive",
                              "recall", "commemorate", "document", "describe", "call", "label", "term", "blame"})


def _mentioned_deed(tok: Token, verb: Token, hit: list[int]) -> bool:
    """A one-word deed noun that is the object of a verb of speaking of or judging it: the
    sentence tells of the deed (its doer in its own words, "Russia's attack"), not the verb's
    subject doing it."""
    if len(hit) != 1 or tok.i == verb.i or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "dobj" and head.head.i == verb.i and _lemma(verb) in MENTIONING_VERBS


# nouns that are also the name of a kind of meeting ("the 11th Leaders' Retreat", "a ministerial retreat")
GATHERING_SENSES = frozenset({"retreat"})


def _gathering_sense(tok: Token) -> bool:
    """A withdrawal noun used as the name of a meeting: capitalised inside a sentence, or held by
    leaders or ministers ("the leaders' retreat", "a ministerial retreat", "the annual retreat")."""
    if tok.pos_ not in ("NOUN", "PROPN") or _lemma(tok) not in GATHERING_SENSES:
        return False
    if tok.text[:1].isupper() and tok.i > tok.sent.start:
        return True
    from communique.frames.words import words

    W = words()
    holders = W["leader_groups"] | frozenset(W["titled_groups"]) | {"ministerial", "annual", "cabinet", "leader"}
    return any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.lower_.rstrip("'’") in holders for c in tok.children)


def _attributive(tok: Token) -> bool:
    """An adjective before its noun ("free" of "a free and open region"; "threatened" of "the
    long-threatened invasion"), not a verb's use of the word."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ == "ADJ":
        tok = tok.head
    return tok.dep_ == "amod" and (tok.pos_ == "ADJ" or tok.tag_ == "VBN" and _lemma(tok.head) in deed_words())


def _modified_noun(tok: Token, hit: list[Token]) -> Token | None:
    """The noun a matched modifier leads ("joint" of "joint projects"), when the match's next word is that noun."""
    if len(hit) < 2 or tok.dep_ not in ("amod", "compound") or tok.pos_ in ("NOUN", "PROPN", "VERB"):
        return None
    noun = hit[1]
    return noun if noun.pos_ in ("NOUN", "PROPN") and tok.head.i == noun.i else None


def _predicate(tok: Token) -> Token:
    """The verb whose subject is the trigger's source: the trigger itself, or the verb a trigger
    noun is the object of ("imposed sanctions", "held talks", "expressed concern")."""
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("ROOT",):
            return cur
        if cur.dep_ == "nsubjpass" and _lemma(cur.head) in RESPONDING_VERBS:
            break  # "requests were approved by X": X answers it, the request is someone else's
        if cur.dep_ in ("dobj", "attr", "pobj", "prep", "compound", "amod", "nsubjpass", "conj", "appos"):
            cur = cur.head
        else:
            break
    return cur if cur.pos_ in ("VERB", "AUX") else tok


def _subject_heads(verb: Token) -> tuple[list[Token], bool]:
    """Subject phrase heads of a verb (following conjoined and controlled verbs up), and whether
    the verb is passive. A controlled verb is passive by its own auxiliary only ("X is scheduled to
    attend": X attends); a past participle's noun undergoes it ("ten soldiers killed"), unless the sentence has no verb
    of its own ("A newspaper called on X ..." parsed as a noun phrase)."""
    cur, controlled = verb, False
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            if controlled:
                passive = any(c.dep_ == "auxpass" for c in verb.children)
            else:  # a conjunct with its own passive auxiliary undergoes it: "X arrived and was received by Y"
                passive = any(c.dep_ == "nsubjpass" for c in subj) or (
                    cur is not verb and any(c.dep_ == "auxpass" for c in verb.children))
            return _with_conjuncts(subj), passive
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.dep_ == "acomp":
            cur = cur.head.head  # "X are guilty of violating": X violates
            continue
        if cur.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl", "acomp") and cur.head.i != cur.i:
            if cur.dep_ in ("relcl", "acl"):  # "..., a rights group charged": the group is who speaks
                return [cur.head], cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.sent.root.pos_ in ("VERB", "AUX") \
                    and not attribution(cur)
            controlled = controlled or cur.dep_ in ("xcomp", "advcl")
            cur = cur.head
            continue
        break
    return [], False


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    out = []
    for h in heads:
        out.append(h)
        out.extend(t for t in h.conjuncts if t.i > h.i)
    return out


def _agent_heads(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


RELATIVE_WORDS = frozenset({"who", "whom", "that", "which", "whose"})


def _object_gap(verb: Token) -> bool:
    """A relative clause with a subject of its own and its object missing ("the man I spoke to",
    "the young man he met"): the noun it modifies is that object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.lower_ in RELATIVE_WORDS for c in subjects):
        return False
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if any(not any(g.dep_ == "pobj" for g in c.children) for c in preps):
        return True  # "spoke to", "dealt with": the preposition's object is the noun
    return not any(c.lower_ in MEETING_PREPS for c in preps)  # "met on this street": met the noun


def _object_tiers(owners: list[Token], skip: set[int], code: str, deed: str = "") -> list[list[Token]]:
    """Target phrase heads, in tiers tried in turn until one names an actor: direct objects and
    prepositional objects of the verb and of the pattern's words ("imposed sanctions on X": X hangs
    from "sanctions"; "arrived in X": the pattern's own "in"); the object of a controlled verb
    ("urged Iran to stop": Iran, not what it stops); for appeals, demands, accusations and
    threats the subject of the clause they govern ("demanded that Israel ease ..."); last, for
    deeds done somewhere, the place they were done in ("imposed a curfew in Cizre"). `deed`: the
    code the pattern's words name, before an intent or a demand took it in."""
    heads, controlled, clause, where, whose, toward, sited = [], [], [], [], [], [], []
    for owner in dict.fromkeys(owners):
        if owner.pos_ == "ADP":
            if deed.startswith("044") and owner.lower_ in LOCATIVE:
                continue  # "met in Zurich" (a meeting at a third place): the place is where, not whom
            heads.extend(g for g in owner.children if g.dep_ == "pobj" and g.i not in skip)
            continue
        if owner.i not in (owners[0].i, owners[1].i) and owner.pos_ in ("NOUN", "PROPN"):  # "a US offer"
            whose.extend(c for c in owner.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                         and c.i not in skip and c.text[:1].isupper())
        for c in owner.children:
            if c.dep_ in OBJECT_DEPS and c.i not in skip:
                if not (owner.i == owners[0].i and _lemma(owner) in TOPIC_OBJECT_VERBS and c.dep_ == "dobj"):
                    heads.append(c)  # "discussed the crisis in Syria": a topic, not a party
                    sited.extend(_places_of(c, skip))
            elif c.dep_ == "prep" and (c.lower_ in (MEETING_PREPS if code[:2] == "04" else TARGET_PREPS)
                                       or c.lower_ == "between" and code in MEDIATION_CODES):
                heads.extend(g for p in (c, *c.conjuncts) for g in p.children  # "to X and to Y"
                             if g.dep_ == "pobj" and g.i not in skip)
            elif c.dep_ == "prep" and c.lower_ in PLACE_PREPS:  # "in Mosul", not "in an air raid by ..."
                where.extend(g for g in c.children if g.dep_ == "pobj" and g.i not in skip and _names_place(g))
            elif c.dep_ == "acl" and owner.pos_ in ("NOUN", "PROPN"):  # "the curfew imposed in Sudan"
                where.extend(_places_of(c, skip))
            elif c.dep_ == "xcomp":
                controlled.extend(g for g in c.children if g.dep_ == "dobj" and g.i not in skip)
                sited.extend(p for g in [c] + [g for g in c.children if g.dep_ == "dobj"] for p in _places_of(g, skip))
                toward.extend(g for g in c.children if g.dep_ == "dative" and g.i not in skip)
                toward.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in CONTROLLED_PREPS
                              for g in p.children if g.dep_ == "pobj" and g.i not in skip)
            elif c.dep_ in ("ccomp", "acl") or c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children):  # "called for X to halt"
                clause.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.i not in skip)
    tiers = [heads, controlled, toward, whose]
    if code[:2] in CLAUSE_TARGET_ROOTS:
        tiers.append(clause)
    if code[:2] == "13":  # "threatened to walk out unless Israel rescinded ...": whom the ultimatum is put to
        tiers.append(_condition_subjects(owners, skip))
    if code[:2] in PURPOSE_ROOTS:  # "began a hunger strike to demand the resignation of X", "in protest
        tiers.append(_purpose_heads(owners, skip))  # against X", "opened fire to disperse the crowd"
    if code[:2] not in VENUE_ROOTS or code.startswith("042"):
        tiers.append(where)
    if code[:2] not in SPEECH_ROOTS:
        tiers.append(sited)  # "opened an embassy in Tehran", "set up a centre in Tokyo": where the thing done is
    return [_with_conjuncts(t) for t in tiers if t]


def _places_of(noun: Token, skip: set[int]) -> list[Token]:
    """Places a phrase locates itself in ("an embassy in Tehran", "a force in Liberia")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
            for g in c.children if g.dep_ == "pobj" and g.i not in skip and _names_place(g)]


def _condition_subjects(owners: list[Token], skip: set[int]) -> list[Token]:
    """Subjects of the if/unless clauses of the owners and of the verbs they govern: the party a
    threat's condition is put to."""
    verbs = [o for o in dict.fromkeys(owners)] + [c for o in owners for c in o.children if c.dep_ == "xcomp"]
    return [g for v in verbs for c in v.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.i not in skip]


def _negated(verb: Token, trigger: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for t in (verb, trigger) for c in t.children):
        return True
    head = verb.head
    return verb.dep_ in ("xcomp", "ccomp", "pcomp") and _lemma(head) in DENIAL_HEADS


def _demanded(verb: Token) -> bool:
    """A deed someone says another party must do: "Russia said Sudan must return the helicopter"."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in MUST for c in verb.children) \
        and _lemma(verb.head) in REPORTING  # the cheap test first: asked of every verb


def _intended(verb: Token) -> bool:
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]  # "they would continue to work together"
    if any(c.dep_ == "aux" and c.lower_ in INTENT_AUX for h in heads for c in h.children):
        return True
    return verb.dep_ in ("xcomp", "pcomp", "ccomp") and (
        _lemma(verb.head) in INTENT_HEADS or verb.head.lower_ in INTENT_HEADS)  # "slated": lemmatised "slat"


def _by_heads(noun: Token, code: str) -> list[Token]:
    """Who does what a trigger noun names: "an air strike by government forces", "pressure from
    Congress" ("from" only for what one party sends another: appeals, offers, demands, aid)."""
    preps = ("by", "from") if code[:2] in FROM_SOURCE_ROOTS else ("by",)
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _purpose_heads(owners: list[Token], skip: set[int]) -> list[Token]:
    """Whom a protest is aimed at when its own words do not say: the objects of the clause that
    gives its purpose ("to protest X's decision", "to demand the release of ...") and of "in
    protest against/of X"."""
    out = []
    for owner in dict.fromkeys(owners):
        for c in owner.children:
            if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB":
                out.extend(g for g in c.children if g.dep_ in ("dobj", "dative") and g.i not in skip)
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in ("against", "for", "from")
                           for g in p.children if g.dep_ == "pobj" and g.i not in skip)
            elif c.dep_ == "prep" and c.lower_ in ("in", "during"):
                for g in c.children:
                    if g.dep_ == "pobj" and _lemma(g) in ("protest", "demonstration", "defiance"):
                        out.extend(h for p in g.children if p.dep_ == "prep" and p.lower_ in ("against", "of", "at")
                                   for h in p.children if h.dep_ == "pobj" and h.i not in skip)
    return out


def _names_place(head: Token) -> bool:
    """A phrase that names where, not how: "in Mosul", "in the town of Cizre", "in southern Iraq"."""
    return head.pos_ == "PROPN" or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
        for c in head.children) or any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "LOC")
                                       for c in head.children)


def _pronominal(head: Token) -> bool:
    """A subject phrase that only points back: "they", "it", "their forces"."""
    return head.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def _reporter(verb: Token) -> Token | None:
    """The verb of saying whose clause `verb` is in ("X announced that it is prepared to impose")."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.i != cur.i:
            return cur.head
        if cur.dep_ in ("xcomp", "conj", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


def refusal_code(code: str) -> str | None:
    """The CAMEO refusal code (12x) for a deed someone says they will not do, or None."""
    return _finest(REFUSAL_OF, code)


def code_sentence(sent: Span, persons=None) -> list[CodedEvent]:
    """The events a sentence codes, most salient first (its main clause's before subordinate ones).
    `persons`: (start, end, person) character spans of the article's persons in the sentence."""
    tokens = list(sent)
    phrases = _PhraseActors(persons)
    out = []
    for pattern, hit in _matches(tokens):
        trigger = tokens[hit[0]]
        if _nominal_without_support(trigger, pattern, [tokens[i] for i in hit]):
            continue
        if len(hit) == 1 and _attributive(trigger):
            continue  # "a free and open Indo-Pacific": an adjective of a noun, no deed
        if _gathering_sense(trigger):
            continue  # "the Leaders' Retreat": a meeting the frames tell, no withdrawal
        words = {tokens[i].i for i in hit}
        verb = _predicate(trigger)
        if background(verb) or topic_mention(tokens, hit):
            continue
        mentioned = _mentioned_deed(trigger, verb, hit)
        if mentioned:
            verb = trigger  # "condemned the attack": who condemns it did not carry it out
        wish = wished(verb)
        if wish == "hope":
            continue  # "hoped X would be indicted": nobody did anything
        negated = _negated(verb, trigger)
        code = deed = pattern.code
        if _lemma(trigger) in GUEST_VERBS and len(hit) == 1 and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and not _names_someone(c) for c in trigger.children):
            continue  # "received reports", "hosting websites": a thing taken in, no guest
        if code == "043" and _lemma(trigger) == "welcome" and any(
                c.dep_ == "dobj" and c.pos_ == "NOUN" and (_lemma(c),) not in sector_words() for c in trigger.children):
            code = "051"  # "welcomed the adoption of the resolution": praise, not a guest
        alleged = None  # the clause an alleging verb reports, when it is the sentence's main one
        if _lemma(trigger) in ALLEGING_WITH_CLAUSE and trigger.i == verb.i:
            if trigger.dep_ == "acl" and attribution(trigger):
                alleged = trigger.head.head  # "agents abused migrants, a rights group charged"
            if alleged is not None or any(c.dep_ == "ccomp" for c in trigger.children):
                code = "112"  # the group accuses; no one was charged
        if negated and not code.startswith("12"):
            refusal = refusal_code(code) if _intended(verb) or _lemma(verb.head) in DENIAL_HEADS else None
            if refusal is None:
                continue  # "did not sign": nothing happened
            code, negated = refusal, False  # "said it would not provide support": a refusal
        status = "planned" if code.startswith("03") else "happened"
        demanded = _demanded(verb)
        if wish == "appeal":
            code = _finest(APPEAL_OF, code, "020")  # "wants X to attack": asks X to
        elif demanded and not code.startswith(("01", "02", "10", "13")):
            code = demand_code(code)
            status = "happened"
        elif _intended(verb) and not code.startswith(("03", "12", "13", "01", "02", "10")):
            threat = threat_code(code)
            code, status = (threat, "happened") if threat else (intent_code(code), "planned")
        elif any(c.dep_ == "aux" and c.lower_ in THREAT_AUX for c in verb.children) and threat_code(code):
            code = threat_code(code)
        subj, passive = _subject_heads(verb)
        if passive and _lemma(verb) in STATE_PARTICIPLES and not _agent_heads(verb):
            passive = False  # "Serb forces were engaged in ethnic cleansing": they did it
        agents = _agent_heads(verb)
        if passive:
            source_heads, extra_targets = agents, subj
        else:
            source_heads, extra_targets = subj, []
        nominal = trigger.i != verb.i or mentioned or (  # "Palestinian riots are continuing"
            trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and _lemma(trigger.head) in ONGOING_VERBS)
        poss = [c for c in trigger.children if c.dep_ == "poss"] if nominal else []
        by = [g for i in hit if tokens[i].pos_ in ("NOUN", "PROPN")
              for g in _by_heads(tokens[i], code)] if nominal else []
        if not source_heads and passive and code[:2] in FORCE_ROOTS:
            source_heads = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                            for g in c.children if g.dep_ == "pobj"]  # "was fired from the Gaza Strip"
        if by and _lemma(verb) in UNDERGOING_VERBS | RECEIVING_VERBS:
            source_heads, extra_targets = by, subj  # "faced pressure from X", "received weapons from X"
        elif by and (not source_heads or any(tokens[i].dep_ == "pobj" for i in hit)):
            source_heads = by  # "killed in an air strike by government forces"
        elif not source_heads and poss:
            source_heads = poss
        elif not source_heads and nominal and trigger.pos_ in ("NOUN", "PROPN"):
            source_heads = [c for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")
                            and c.text[:1].isupper() and c.i not in words]  # "Palestinian riots"
        if _lemma(trigger) in RECEIVING_VERBS and len(hit) > 1:  # "received weapons from X": X gives
            given = [g for i in hit for c in tokens[i].children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children if g.dep_ == "pobj"]  # "received weapons / assurances from X"
            source_heads, extra_targets = given, subj
        if not source_heads and passive and code[:2] in STATE_ACT_ROOTS:
            source_heads = _places_of(verb, set()) or _places_of(trigger, set())  # "was arrested in X": X did it
        skip = {t.i for t in source_heads} | words
        owners = [verb, trigger] + [tokens[i] for i in hit[1:]]
        if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN":
            owners.append(trigger.head)  # "a mediation effort between X and Y"
        tiers = _object_tiers(owners, skip, code, deed)
        if _object_gap(verb):
            tiers = [[verb.head]] + tiers  # "the man I spoke to", "the official she met": whom the clause is about
        target_heads = extra_targets + (tiers[0] if tiers else [])
        if alleged is not None:
            target_heads, tiers = _subject_heads(alleged)[0], []  # who the group says did it
        if source_heads and all(_pronominal(h) for h in source_heads):
            reporter = _reporter(verb)
            if reporter is not None:  # "X said they would ...", "X said its forces had ...": X
                source_heads = _subject_heads(reporter)[0] or source_heads
        if demanded or wish == "appeal":  # "X said Y must ...": X demands of Y; "X wants Y to": X asks Y
            target_heads, source_heads = source_heads, _subject_heads(verb.head)[0]
        source = _actors(source_heads, phrases)
        if not source and verb.dep_ in ("xcomp", "ccomp") and _lemma(verb.head) in INTENT_HEADS | DENIAL_HEADS:
            source = _actors(_subject_heads(verb.head)[0], phrases)  # "X agreed that their countries should ..."
        if not source and verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.pos_ == "NOUN":
            source = _actors(_subject_heads(verb.head.head)[0], phrases)  # "X issued a statement demanding": X
        venue = code[:2] in VENUE_ROOTS or code[:2] == "02"  # "called for an inquiry into an attack in X": not X
        target = [a for a in _actors(target_heads, phrases, venue) if not _same(a, source)]
        told = [h for h in target_heads if h.lower_ in OBJECT_PRONOUNS]
        if not target and told:  # "had a call with Lavrov and urged him to ...": him is Lavrov
            target = _antecedent(told[0], sent, persons, source)
        for tier in tiers[1:] if not target and not demanded and not told else ():
            target = [a for a in _actors(tier, phrases, venue) if not _same(a, source)]
            if target:
                break
        source = source or pronoun_actors(source_heads)  # "I spoke to X": the last resort, after
        target = target or pronoun_actors(target_heads)  # every rule that finds a named party
        if code[:2] in SPEECH_ROOTS | {"02"}:  # whom one talks with: a name no table knows is still someone
            source = source or unknown_names(source_heads)
            target = target or [a for a in unknown_names(target_heads) if not _same(a, source)]
        plover, mode = plover_of(code)
        out.append(CodedEvent(code=code, plover=plover, mode=mode, status=status, source=source, target=target,
                              trigger=(trigger.idx, trigger.idx + len(trigger.text)),
                              sentence=(sent.start_char, sent.end_char), negated=negated,
                              pattern_line=pattern.line, words=sorted(words),
                              generic=pattern.generic, depth=_depth(sent.doc, verb.i),
                              lemma=_lemma(trigger), verb=verb.i, deed=deed))
    out = _settle_governed(out, sent.doc)
    _reported_violence(out, sent.doc, phrases)
    _reciprocal(out)
    _place_titled_persons(out, sent)
    _place_domestic_groups(out, sent)
    covered = {w for e in out for w in e.words}
    for tok in tokens:
        if tok.pos_ == "VERB" and tok.i not in covered and _demanded(tok):
            source = _actors(_subject_heads(tok.head)[0], phrases)
            target = _actors(_subject_heads(tok)[0], phrases)
            out.append(CodedEvent(code="100", plover="REQUEST", mode=None, status="happened", source=source,
                                  target=target, trigger=(tok.idx, tok.idx + len(tok.text)),
                                  sentence=(sent.start_char, sent.end_char), words=[tok.i],
                                  depth=_depth(sent.doc, tok.head.i)))
    out.sort(key=lambda e: (e.depth, _depth(sent.doc, e.words[0]), e.words[0]))
    return out


def _settle_governed(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """An event whose verb another coded verb governs ("urged Iran to release", "agreed to hold
    exercises") is one event: an appeal takes the deed into its code and the deed goes; a bare
    "agree"/"promise" gives way to the deed, already coded as an intent."""
    by_word = {w: e for e in events for w in e.words}
    drop = set()
    for e in events:
        head = doc[e.words[0]]
        top = next((doc[w] for w in e.words if doc[w].head.i not in e.words), head)  # "roadside bomb": bomb
        doer = None
        if top.pos_ in ("NOUN", "PROPN") and top.dep_ in ("nsubj", "nsubjpass", "compound"):
            doer = by_word.get(top.head.i)  # "a roadside bomb killed", "a mortar bomb was fired"
        elif top.pos_ in ("NOUN", "PROPN") and top.dep_ == "pobj" and top.head.lower_ in ("in", "by", "with"):
            doer = by_word.get(top.head.head.i)  # "were killed in an air raid"
        if doer is not None and doer is not e and e.root in FORCE_ROOTS and doer.root in FORCE_ROOTS:
            if doer.code.endswith("0") and not e.code.endswith("0"):
                doer.code = e.code  # the means is the finer code
            doer.source = doer.source or e.source  # "in an air raid by Saudi jets"
            drop.add(id(e))  # "tanks fired", "a car bomb killed": the weapon is the act's, not an act
            continue
        topic = _topic_of(head, by_word)
        if topic is not None and topic is not e and id(topic) not in drop:
            if topic.generic and topic.root in ("02", "10"):
                topic.code = _finest(APPEAL_OF if topic.root == "02" else DEMAND_OF, e.code, topic.code)
            drop.add(id(e))  # "called for a ceasefire", "demanded the release": the appeal's subject
            continue
        if _talked_about(top, by_word):
            drop.add(id(e))  # "discussed the sanctions on Iran", "spoke about the attacks": a topic
            continue
        verb = head if head.pos_ in ("VERB", "AUX") else _predicate(head)
        if verb.dep_ == "pcomp" and verb.head.lower_ in GROUNDS_PREPS and verb.head.head.i in by_word \
                and by_word[verb.head.head.i] is not e:
            drop.add(id(e))  # "jailed for helping militants": what the jailing is for, not a deed
            continue
        if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
            means = _governing_event(verb.head.head, by_word)
            if means is not None and means is not e and means.root == e.root:
                drop.add(id(e))  # "accused X of lying by alleging that ...": one accusation, told twice
                continue
        while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.dep_ in ("xcomp", "ccomp", "acl"):
            verb = verb.head  # "alleged that X knew and that Y helped"
        if not (verb.dep_ in ("xcomp", "ccomp", "acl") or (verb.dep_ == "advcl" and infinitive(verb))) \
                or verb.head.i not in by_word:  # "pressured by Congress to help Iran": an advcl in spaCy
            continue
        gov = by_word[verb.head.i]
        if gov is e:
            continue
        if gov.root == "12" and e.root == "12":
            drop.add(id(e))  # "refused to release": one refusal
            continue
        if gov.root == "02":
            if gov.generic or gov.code in ("020", "022"):
                gov.code = _finest(APPEAL_OF, e.code, gov.code)
            drop.add(id(e))
        elif gov.root in GOVERNING_ROOTS:
            if gov.generic and gov.root == "10":
                gov.code = _finest(DEMAND_OF, e.code, gov.code)
            drop.add(id(e))  # "pressured X to help", "alleged that X helped", "refused permission to help"
        elif gov.generic and _lemma(verb.head) in INTENT_HEADS:
            if not e.source:
                e.source = gov.source
            drop.add(id(gov))
        elif verb.dep_ == "advcl" and gov.code == e.code and id(gov) not in drop:
            gov.target = gov.target or e.target
            drop.add(id(e))  # "work with X to deepen the partnership": the purpose restates the cooperation
        elif verb.dep_ == "advcl" and e.root == "04" and (gov.deed or gov.code)[:2] == "04" and id(gov) not in drop:
            gov.target = gov.target or e.target
            drop.add(id(e))  # "met in Geneva to discuss", "will meet to discuss": the talks are the meeting's
    kept = [e for e in events if id(e) not in drop]
    return _protesters_in_violence(kept, doc)


def _talked_about(noun: Token, by_word: dict) -> bool:
    """A trigger noun that a statement or meeting is about: the object of "discuss", "raise",
    ... or of "about/on/over" after a verb of talking ("talked about the sanctions on Iran")."""
    gerund = noun.tag_ == "VBG"  # "discussed expanding trade", "talked about imposing sanctions"
    if noun.pos_ not in ("NOUN", "PROPN") and not gerund:
        return False
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "dobj" or (gerund and noun.dep_ == "xcomp"):
        verb, as_object = noun.head, True
    elif noun.dep_ in ("pobj", "pcomp") and noun.head.lower_ in TOPIC_PREPS:
        verb, as_object = noun.head.head, False
    else:
        return False
    gov = by_word.get(verb.i)
    return (_lemma(verb) in TOPIC_OBJECT_VERBS and as_object) or (
        gov is not None and gov.root in ("01", "04") and not as_object)


def _governing_event(tok: Token, by_word: dict) -> "CodedEvent | None":
    """The coded event a word belongs to, climbing through the gerunds and prepositions it is in
    ("accused X of making claims": "making" -> "accused")."""
    for _ in range(5):
        if tok.i in by_word:
            return by_word[tok.i]
        if tok.dep_ not in ("pcomp", "prep", "pobj", "dobj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _protesters_in_violence(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """A protest noun that is a party of another coded event ("police arrested protesters",
    "demonstrators demanded ...") is no event of its own; as the doer of violence ("a rioter
    demolished the building", "protesters attacked the station") it makes an assault or
    destruction a violent protest (145), as the target of force ("police clashed with
    demonstrators") violent repression (175)."""
    by_word = {w: e for e in events for w in e.words}
    drop = set()
    for e in events:
        if e.root != "14" or len(e.words) != 1 or doc[e.words[0]].pos_ != "NOUN":
            continue
        noun = doc[e.words[0]]
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM", "PRON"):
            noun = noun.head.head  # "dozens of protesters", "some of the demonstrators"
        doer = noun.dep_ == "nsubj" or (noun.dep_ == "pobj" and noun.head.dep_ == "agent")
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        gov = by_word.get(verb.i)
        if gov is None or gov is e or noun.dep_ not in PARTY_DEPS or (
                noun.dep_ == "pobj" and noun.head.lower_ not in PARTY_PREPS):
            continue
        if doer and (gov.root == "18" or gov.code.startswith("171")):
            gov.code = "145"  # a riot; "demonstrators launched missiles" stays the use of arms
        elif not doer and gov.root in VIOLENT_ROOTS:
            gov.code = "175"
        gov.plover, gov.mode = plover_of(gov.code)
        drop.add(id(e))
    return [e for e in events if id(e) not in drop]


def _reported_violence(events: list[CodedEvent], doc: Doc, phrases: _PhraseActors) -> None:
    """Violence a speaker named first says another party did is the speaker's accusation of it
    ("The US said Iraq had attacked", "Israel said a mortar was fired at it from Gaza": 112); a
    claim of one's own violence claims responsibility (015). Told after the fact ("..., medics
    said"), or by a party of its own forces, the deed stays the news."""
    for e in events:
        if e.root not in ACCUSED_ROOTS or e.status != "happened" or e.negated or e.verb < 0:
            continue
        verb = doc[e.verb]
        if not e.source and not _named_doer(verb):
            continue
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        rep = verb.head
        if verb.dep_ != "ccomp" or _lemma(rep) not in SAYING:
            continue
        subj = [c for c in rep.children if c.dep_ == "nsubj"]
        if not subj or not subj[0].i < rep.i < verb.i:
            continue
        speaker = _actors(_with_conjuncts(subj), phrases)
        states = {a.country for a in speaker if a.country}
        if not speaker:
            continue
        if any(_same(a, speaker) or (a.country and a.country in states) for a in e.source):
            if _lemma(rep) in CLAIMING:
                e.code, e.plover, e.mode = "015", None, None  # "claimed they had attacked"
            continue
        if not states:
            continue  # a speaker of no known state: its own side or not, nobody can tell
        if len(e.source) == 1 and not e.source[0].country and _lone_sector(doc, e.source[0]):
            continue  # "the army said troops killed five": its own troops
        e.code, e.source, e.target = "112", speaker, e.source
        e.plover, e.mode = plover_of("112")


def _reciprocal(events: list[CodedEvent]) -> None:
    """A meeting or cooperation of states named together with no other party ("The US, Russia
    and Switzerland met") is each one's with the others: marked reciprocal, its sources are each
    other's counterparts (the target stays empty: no one outside them is a party)."""
    for e in events:
        states = [a.country for a in e.source]
        if (e.root in RECIPROCAL_ROOTS or e.code in RECIPROCAL_CODES) and not e.target and len(states) > 1 \
                and None not in states and len(set(states)) == len(states):
            e.reciprocal = True


def _named_doer(verb: Token) -> bool:
    """Whether an active verb's subject is a name ("ISIL had attacked"), known as an actor or not."""
    heads, passive = _subject_heads(verb)
    return bool(heads) and not passive and all(h.pos_ == "PROPN" for h in heads)


def _lone_sector(doc: Doc, actor: ActorRef) -> bool:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and tuple(_lemma(t) for t in span if t.pos_ != "DET") in sector_words()


def _place_titled_persons(events: list[CodedEvent], sent: Span) -> None:
    """A titled person with no state of their own ("President X", in a text with no article
    around it) is taken for one of the one state the sentence names: news names a foreign
    leader's state and leaves the home state's leaders bare."""
    home = None
    held = {a.country for e in events for a in e.source + e.target if a.person is not None and a.country}
    for e in events:
        for a in e.source + e.target:
            if a.person is None or a.country or not getattr(a.person, "titled", False):
                continue
            if home is None:
                home = only_state(sent)
            if home not in held:  # "Secretary X called Russian Foreign Minister Y": Russia is Y's
                a.country = home or None


def _place_domestic_groups(events: list[CodedEvent], sent: Span) -> None:
    """A group of no named state that belongs where it acts (protesters, police, opposition,
    strikers, rebels: "police dispersed demonstrators in Monrovia") is of the one state the sentence
    names, unless that state is the other party; governments, armies, refugees and reporters are
    left alone, as they act abroad as often as at home."""
    home = None
    for e in events:
        known = {b.country for b in e.source + e.target if b.country}
        parties = {b.country for b in e.source + e.target  # a state itself: "arms from Iran", not "Algeria's elections"
                   if b.country and b.sector is None and not b.text.endswith(("'s", "\u2019s"))}
        for a in e.source + e.target:
            if a.country or a.org or a.person is not None or a.sector not in DOMESTIC_SECTORS:
                continue
            if home is None:
                home = only_state(sent)
            if home not in parties and known <= {home}:  # "rebels got arms from Iran", "Obama pressed by congress to help Iran"
                a.country = home or None


def _topic_of(tok: Token, by_word: dict) -> "CodedEvent | None":
    """The appeal, demand or rejection whose object a trigger noun is: "pushing for a ceasefire",
    "demanded the removal of", "rejected an offer of talks"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("dobj", "pobj", "prep", "compound", "conj", "nsubjpass", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            gov = by_word.get(cur.i)
            if gov is not None and gov.root in ("02", "10", "12") and tok.i not in gov.words:
                return gov
        else:
            break
    return None


def _depth(doc: Doc, i: int) -> int:
    tok, d = doc[i], 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _same(actor: ActorRef, others: list[ActorRef]) -> bool:
    return any(o.start == actor.start and o.end == actor.end for o in others)


class _PhraseActors:
    """find_actors for the phrases of one sentence, with the article's persons in it, each phrase
    read once: a subject is asked again for each event of its verb, and a phrase again for each
    tier of targets. Every caller gets copies, since the rules after go on to change actors."""

    def __init__(self, persons):
        self.persons = persons
        self._found: dict[tuple[int, ...], list[ActorRef]] = {}

    def __call__(self, tokens: list[Token]) -> list[ActorRef]:
        key = tuple(t.i for t in tokens)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = find_actors(tokens, self.persons)
        return [copy.copy(a) for a in found]


def _actors(heads: list[Token], phrases: _PhraseActors, venue: bool = False) -> list[ActorRef]:
    """The actors of phrases; `venue`: for events whose place is a venue (statements, meetings,
    ...), a place a thing is in is no party ("told a news conference in Geneva")."""
    out: list[ActorRef] = []
    for h in heads:
        tokens = phrase_tokens(h)
        if venue:
            # "a news conference in Geneva" is no party in Geneva: where a thing is, is not who;
            # "officials in Kabul" are Afghan, but "ministers of the coalition in Washington" are
            # met in Washington (a kind-of-actor word keeps its place, any other noun does not)
            where = {t.i for n in tokens if n.pos_ in ("NOUN", "PROPN") and (_lemma(n),) not in sector_words()
                     for c in n.children if c.dep_ == "prep" and c.lower_ in LOCATIVE for t in c.subtree}
            tokens = [t for t in tokens if t.i not in where]
        for a in phrases(tokens):
            if not _same(a, out):
                out.append(a)
    return out


def code_doc(doc: Doc, persons=None) -> list[CodedEvent]:
    """Every sentence of a parsed document, coded. Without the article's persons, the persons
    spaCy names are actors, with their states where they are known office holders."""
    if persons is None:
        persons = persons_in(doc)
    return [e for sent in doc.sents for e in code_sentence(sent, persons)]


def code_text(text: str) -> list[CodedEvent]:
    """Parse and code a text with communique's pipeline (for benchmarks and quick use)."""
    from communique.nlp import get_nlp

    return code_doc(get_nlp()(text))
