"""The extractor: sentences in, check-worthy claims out, with claimant, normalised text, score and reasons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from claims.extraction.attribution import (
    Frame,
    FullNames,
    Speakers,
    credit_frame,
    find_frame,
    find_opener,
    identified_speaker,
    interviewer_name,
    layout_labels,
    prefix_tree,
    quote_spans,
    running_quotes,
    sentence_words,
    turn_frame,
    without_denial,
)
from claims.extraction.lexicon import (
    AIM_NOUNS,
    DECISION_PARTICIPLES,
    DECISION_VERBS,
    EMOTION_WORDS,
    EMOTIVE_REPORTING_VERBS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    MONTHS,
    PRAISE_WORDS,
    QUANTITY_VERBS,
    RECORD_WORDS,
    STOPWORDS,
    TRIBUTE_VERBS,
    VERDICT_NOUNS,
    VIEW_VERBS,
    WEEKDAYS,
)
from claims.extraction.scoring import HAND, ScoringModel
from claims.extraction.text import Sentence, sentences


@dataclass(frozen=True)
class ExtractedClaim:
    text: str
    sentence: str
    start: int
    end: int
    claimant: str
    claimant_as_written: str
    score: float
    reasons: list[str] = field(default_factory=list)
    claim_type: str = "other"


def _rx(pattern: str) -> re.Pattern[str]:
    # Cue patterns are matched against lower-cased text: IGNORECASE makes Python's re several times slower.
    return re.compile(pattern)


_MONTH = "|".join(MONTHS)
_PARTICIPLE = "|".join(IRREGULAR_PARTICIPLES)
_DATE = _rx(
    rf"\b(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|(?:in|since|by|until|from)\s+(?:{_MONTH})?\s*(?:1[89]|20)\d\d|(?:1[89]|20)\d\ds?|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\b"
)
_WHEN = _rx(rf"\b(?:{'|'.join(WEEKDAYS)}|yesterday|last\s+(?:week|month|year)|(?:{_MONTH})\b)")
_NUMBER = _rx(
    r"\d|\b(?:percent|per cent|million|billion|trillion|thousands?|hundreds?|dozens?|half|twice|double|triple"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b"
)
# The past tenses _PAST lists besides the auxiliaries and the regular '-ed' form.
_PAST_LISTED = [
    "went",
    "took",
    "made",
    "gave",
    "sent",
    "won",
    "lost",
    "rose",
    "fell",
    "grew",
    "paid",
    "built",
    "began",
    "left",
    "held",
    "met",
    "saw",
    "came",
    "got",
    "brought",
    "bought",
    "sold",
    "spent",
    "hit",
    "cut",
    "shut",
    # regular pasts too short for the "-ed" run of five letters
    "died",
    "sued",
    "owed",
]
# The word boundaries are outside the alternations: one test per position instead of one per alternative. Only
# whether it matches is ever asked, so the words are a prefix tree and the "-ed" form is a whole run of five letters
# or more that ends in "ed" (no backtracking through every word): the same texts match.
_PAST_ALTERNATIVES = prefix_tree(["was", "were", "had", "has been", "have been", "did", *_PAST_LISTED])
_PAST = _rx(rf"\b(?:{_PAST_ALTERNATIVES}|[a-z]{{5,}}\b(?<=ed))\b")
# Every match of _PAST is one of these words (a whole run of letters) or holds "ed": the guard before searching it.
_PAST_MATCH_WORDS = frozenset(["was", "were", "had", "been", "did", *_PAST_LISTED])
# A negative's contraction before what it negates is a past tense too ("weren't part of the trial"); one closing
# the sentence stands for a verb elided ("A lot of my friends didn't."), with nothing to check.
_CONTRACTED_PAST_WORDS = frozenset(["wasn", "weren", "hadn", "didn"])
_CONTRACTED_PAST = _rx(r"\b(?:wasn|weren|hadn|didn)['’]t\s+[a-z0-9£$€]")
# Irregular past tenses are found by a set lookup in the bag of words (a long alternation is slow to search);
# participles only after an auxiliary ("has taken", "was stolen"), searched only when the bag holds one.
_IRREGULAR_PAST = frozenset(IRREGULAR_PAST)
_IRREGULAR_PARTICIPLES = frozenset(IRREGULAR_PARTICIPLES)
_PERFECT = _rx(
    rf"\b(?:has|have|had|was|were|been|(?:is|are|was|were)\s+being|is|are|be)\s+(?:[a-z]+ly\s+|just\s+|already\s+|also\s+|since\s+|not\s+|never\s+)?"
    rf"(?:{_PARTICIPLE})\b"
)


# The capital first, its white space checked behind it: a pattern opening with a set of characters is searched
# for that set first. The same matches as "(?<=\s)[A-Z][a-z]+ed\b".
_PROPER_ED = re.compile(r"[A-Z](?<=\s[A-Z])[a-z]+ed\b")


def _past(text: str, bag: set[str] | frozenset[str]) -> bool:
    """Whether the text tells of a past event; `bag` holds the runs of letters of `text` (_WORDS)."""
    if not bag.isdisjoint(_IRREGULAR_PAST):  # the set test first: far cheaper
        return True
    # Most assertions hold neither "ed" nor a word of _PAST_MATCH_WORDS: _PAST is not searched in them (only for
    # speed).
    if ("ed" in text or not bag.isdisjoint(_PAST_MATCH_WORDS)) and _PAST.search(text):
        return True
    if not bag.isdisjoint(_CONTRACTED_PAST_WORDS) and _CONTRACTED_PAST.search(text):
        return True
    return not bag.isdisjoint(_IRREGULAR_PARTICIPLES) and _PERFECT.search(text) is not None


_COPULAS = _rx(r"\b(?:was|were|had|has been|have been|did)\b")


def _event(text: str, bag: set[str]) -> bool:
    """A past event with a verb of its own, not only a copula or auxiliary ("the rise since March was staggering")."""
    if not bag.isdisjoint(_IRREGULAR_PAST) or _PAST.search(_COPULAS.sub(" ", text)):
        return True
    return not bag.isdisjoint(_IRREGULAR_PARTICIPLES) and _PERFECT.search(text) is not None


_NEG_ABSOLUTE = _rx(
    r"\b(?:no\s+[\w-]+(?:\s+[\w-]+)?\s+(?:whatsoever|at all)|never|not\s+a\s+single|not\s+one|none|"
    r"nobody|nothing|no\s+[\w-]+)\b"
)
_CAUSAL = _rx(
    r"\b(?:because|due to|as a result|led to|leads to|lead to|caused|causes|cause|resulted in|results in|"
    r"owing to|thanks to|linked to|responsible for|blamed for|blames?|blamed|blaming|triggered|so that)\b"
)
_COMPARISON = _rx(
    # "more/less (adjective) than", "worse than", any "-er than" ("shallower than") but "rather/other than".
    r"\b(?:(?:more|less)(?:\s+[a-z]+)?|worse|(?!rather\b|other\b)[a-z]+er)\s+than\b|\b(?:highest|lowest|largest|biggest|smallest|fastest|record|doubled|tripled|halved|"
    r"rose|fell|increased|decreased|declined|dropped|surged|jumped|grew|plunged|soared|compared)\b"
)
_LEGAL = _rx(
    r"\b(?:laws?|illegal|unlawful|legally|treaty|treaties|constitution\w*|court|ruling|ruled|banned|bans?|"
    r"sentenced|charged|convicted|barred|regulations?|legislation|bill|obliges?|oblige|binding|violat\w+|"
    r"prohibit\w*|legal|statute|decree|act|entitled to|entitlement)\b"
    r"|\bunder\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?rules\b"
    # A court's finding by its judge ("the sheriff rejected this", "the jury found him guilty").
    r"|\b(?:judge|sheriff|jury|tribunal|magistrates|coroner)\s+(?:found|ruled|rejected|held|accepted|dismissed|upheld"
    r"|ordered|concluded|awarded|cleared|acquitted|recorded)\b"
)
# A classification, checkable against the list or register it cites ("NDMA is classed as a probable human
# carcinogen", "the site is listed as a heritage monument").
_CLASSIFIED = _rx(
    r"\b(?:is|are|was|were|been|be)\s+(?:now\s+|officially\s+)?"
    r"(?:classed|classified|listed|designated|categori[sz]ed|registered|rated)\s+as\b"
)
# An official's safety assessment ("the risk to the public is very low", "the chance of a breach is low", "tap water is
# safe for washing", "is not aware of any illness"): checkable against the assessment's source. A risk level is the
# public's, the published one ("the risk to people from the lynx"), or of an event ("the risk of a breach"); "the risk
# to any individual patient" reassures.
_ASSESSMENT = _rx(
    r"\b(?:risk|danger|threat)\s+(?:to|for)\s+(?:the\s+)?(?:general\s+|wider\s+)?(?:public|people|humans|human health"
    r"|residents|population)\b[^,.;]{0,30}?\b(?:is|was|are|were|remains?|remained|has been)"
    r"\s+[\"“]?(?:still\s+)?(?:very\s+|extremely\s+|relatively\s+)?(?:low|high|moderate|minimal|negligible|small)\b"
    r"|\b(?:the\s+)?(?:risk|chance|likelihood|probability)\s+of\s+(?:a\s+|the\s+)?[a-z-]+(?:\s+[a-z-]+){0,3}?\s+"
    r"(?:is|was|remains?|remained|has been)"
    r"\s+[\"“]?(?:still\s+|very\s+|extremely\s+|relatively\s+)?(?:low|high|moderate|minimal|negligible|small)\b"
    r"|\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+|perfectly\s+)?(?:safe|unsafe)\s+(?:to|for)\b"
    r"|\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+|perfectly\s+)?fine\s+for\b|\bnot aware of any\b"
)
# An investigation opened or under way ("the regulator is investigating", "has opened an investigation").
_INVESTIGATION = _rx(
    r"\b(?:is|are|was|were|been|now)\s+investigating\b|\b(?:opened|launched|began|started|ordered)\s+(?:an?\s+)?"
    r"(?:[a-z]+\s+)?(?:investigation|inquiry|probe)\b"
)
# A hazard, what a substance, an illness or a fault can do or is ("chlorine can irritate the eyes", "a corroded brake
# line can lose fluid", "stopping the tablets can raise the risk of a stroke", "carbon monoxide is colourless and
# odourless", "the disease is not passed from person to person"): checkable against the medical or technical record.
# What it does, in the present ("the drug increases the number of red blood cells", "removing ore changes the stress in
# the rock"), and its symptoms ("symptoms include fever and a cough", "began reporting vomiting and diarrhoea"), are one
# too. "can", not "may" or "could": a hedged harm is a forecast.
_HAZARD_VERBS = (
    "cause|irritate|raise|increase|damage|corrode|trigger|kill|harm|spread|infect|burn|poison|lose|lead to|be fatal"
)
_HAZARD_ADJECTIVES = (
    "toxic|poisonous|flammable|contagious|infectious|carcinogenic|harmful|harmless|odourless|odorless|colourless"
    "|colorless|corrosive"
)
_HAZARD = _rx(
    rf"\bcan\s+(?:also\s+|sometimes\s+|rarely\s+|quickly\s+)?(?:{_HAZARD_VERBS})\b"
    rf"|\b(?:is|are)\s+(?:not\s+|highly\s+|very\s+|extremely\s+)?(?:{_HAZARD_ADJECTIVES})\b"
    r"|\b(?:passed|spread|transmitted)\s+(?:from\s+)?person\s+to\s+person\b"
    r"|\b(?:vomiting|diarrhoea|diarrhea|nausea|dizziness|breathlessness|stomach\s+cramps|fever(?!\s+pitch)"
    r"|coughs?(?!\s+up))\b"
    r"|\b(?:symptoms|signs)\s+(?:of\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}\s+)?(?:can\s+|typically\s+|usually\s+|often\s+)?include\b"
    r"|\b(?:increases|reduces|raises|lowers|changes|damages|weakens|absorbs|soaks\s+up)\s+(?:the|its|their)\s+"
    r"(?!questions?\b|prospect\b|issue\b|spectre\b|possibility\b|stakes\b|bar\b)[a-z-]+"
)
# An incident's outcome reported as done ("one of the patients has died", "the front carriage was derailed", "everyone
# treated overnight has been discharged", "officers have recovered a rope", "the coastguard has closed the beach",
# "power has been restored", "two walkers were taken to hospital"): a toll, a rescue, an arrest or a closure, checkable
# against the emergency services' or the operator's own account. The verbs with an auxiliary ("has closed"; "closed"
# alone may be an adjective), a few unambiguous ones alone.
_OUTCOME_VERBS = (
    "died|killed|injured|hurt|hospitali[sz]ed|discharged|recovered|rescued|evacuated|airlifted|stranded|spotted"
    "|found|identified|arrested|detained|released|jailed|derailed|collapsed|destroyed|damaged|flooded|closed"
    "|suspended|cancelled|seized|removed|drowned|freed|located|extinguished|contained|restored|reopened|resumed"
    "|cleared|diverted|grounded|capsized|sunk|resigned|bailed|taken to hospital"
)
_OUTCOME = _rx(
    r"\b(?:has|have|had|was|were|been)\s+(?:[a-z]+ly\s+|since\s+|also\s+|now\s+|not\s+)?(?:been\s+)?"
    rf"(?:{_OUTCOME_VERBS})\b|\b(?:died|killed|arrested|rescued|evacuated|derailed|airlifted|jailed|drowned|capsized)\b"
)
# An announced measure with its time span ("the park will remain closed until she is found", "will resume at first
# light", "will inspect the park within two weeks", "will stay closed today"): checked when the span ends, like a
# dated forecast.
_MEASURE = _rx(
    r"\b(?:will|would|shall)\s+(?:remain|stay|be\s+(?:closed|shut|open|suspended|in place|in force)|resume|reopen"
    r"|close|inspect|carry out|continue)\b[^.;]{0,60}?\b(?:until|till|within|for at least|at first light|overnight"
    r"|today|tomorrow|this (?:week|weekend))\b"
)
# An announced decision or commitment: a modal or "is to" before a verb of what an actor does or provides ("the union
# will ballot members", "it would publish findings", "guests will receive a credit", "homes will be supplied from two
# other reservoirs", "the bank is to close 40 branches", "there will be no extra money", "will be able to finish").
# Checked when it falls due, like a measure with its time span; a hedge or a condition ("could", "may", "if",
# "expected") keeps it a forecast.
_DECISION = _rx(
    r"\b(?:(?:will|would|shall)\s+(?:not\s+|now\s+|also\s+|still\s+|immediately\s+|then\s+|only\s+){0,2}"
    r"(?:continue\s+to\s+)?"
    rf"|(?:is|are)\s+(?:now\s+|also\s+)?to\s+)(?:(?:{'|'.join(DECISION_VERBS)}|lose|keep(?!\s+[a-z]+ing\b))"
    rf"|be\s+(?:{'|'.join(DECISION_PARTICIPLES)}))\b"
    r"|\b(?:will|would)\s+not\s+be\s+(?:affected|disrupted)\b|\bthere\s+(?:will|would)\s+be\s+no\b"
    r"|\b(?:will|would)\s+(?:still\s+|also\s+)?be\s+able\s+to\b"
)
# A service's or a rule's current status ("emergency departments remain open", "rail tickets are valid on the buses",
# "production is suspended", "the firm is offering customers a refund", "shoppers are being offered free checks", "the
# trust is co-operating fully with investigators", a timetable: "opens Monday to Thursday", a deadline: "is due by
# January", an action under way: "police are asking people to avoid the area", "engineers are pumping water from the
# mine", "the union is calling for an inquiry", a change with its date: "the market moves to the square from 13 March",
# "letters go out from 20 July", what a measure or an event leaves out: "were not part of the trial", "card details were
# not affected", what has not happened yet: "the inquiry has yet to report", a patient's state: "is in a stable
# condition", who is where: "engineers remain on site", "two men are in custody", "the system is working again"): what
# is in force now, checkable against the body that runs it.
_STATUS = _rx(
    r"\b(?:is|are|remains?|stays?)\s+(?:still\s+|now\s+|currently\s+|temporarily\s+|fully\s+)?"
    r"(?:open|closed|shut|valid|suspended|in place|in force|operating|unaffected)\b"
    rf"|\b(?:opens|closes|shuts|meet|meets|starts|begins|ends|resumes|reopens)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:(?:on|from|until)\s+)?(?:{'|'.join(WEEKDAYS)}|weekdays|(?:{_MONTH})\b|\d)"
    r"|\b(?:is|are|was|were)\s+(?:now\s+|still\s+|also\s+)?(?:offering|providing|refunding|supplying|running"
    r"|co-?operating)\b"
    r"|\b(?:is|are)\s+(?:now\s+|still\s+|also\s+)?being\s+(?:offered|provided|paid|refunded|supplied|given)\b"
    r"|\b(?:is|are)\s+(?:now\s+|still\s+)?due\s+(?:by|on|in|before)\b"
    r"|\b(?:has|have)\s+yet\s+to\s+[a-z]+"
    r"|\b(?:has|have)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:been\s+)?(?!responded|replied|commented|decided|ruled\s+out)"
    r"(?:said\s+(?!whether|if)[a-z]|[a-z]{3,}(?:ed|en|wn)\b)"
    r"|\bdid(?:\s+not|n['’]t)\s+(?:disclose|reveal|publish|confirm|name|release|give|provide|specify)\b"
    r"|\b(?:is|are|remains?)\s+(?:still\s+|now\s+)?in\s+(?:hospital\b|(?:a\s+|an\s+)?(?:[a-z-]+\s+){0,3}?condition\b)"
)
# More current states, in a pattern of their own behind gate words of their own (searched only where one of those
# stands, not wherever _STATUS's do), the earlier match of the two counting: a change with its date, an action under
# way, what a measure or an event leaves out, who is where.
_STATUS_MORE = _rx(
    r"\b(?:moves?|switch(?:es)?|go(?:es)?\s+(?:out|live|up)|takes?\s+effect|comes?\s+into\s+force)\s+"
    rf"(?:[\w'’-]+\s+){{0,6}}?(?:on|from)\s+(?:{'|'.join(WEEKDAYS)}|(?:{_MONTH})\b|\d)"
    r"|\b(?:is|are)\s+(?:now\s+|still\s+|currently\s+|also\s+)?(?:asking|calling\s+for|searching|monitoring|treating"
    r"|testing|reviewing|assessing|examining|inspecting|keeping|contacting|questioning|interviewing|pumping|clearing"
    r"|repairing|removing|evacuating|seeking|looking\s+into|tracing|checking)\b"
    r"|(?:\b(?:is|are|was|were|remains?)\s+not|['’](?:re|s)\s+not|\b(?:isn|aren|wasn|weren)['’]t)\s+"
    r"(?:part\s+of|affected\b|covered\s+by|involved\s+in)"
    r"|\b(?:is|are|remains?|stays?)\s+(?:still\s+|now\s+|currently\s+)?(?:on\s+(?:site|scene)|at\s+the\s+scene"
    r"|in\s+custody|missing|unaccounted\s+for|back\s+in\s+(?:service|operation)|(?:working|running|operating)\s+"
    r"(?:again|normally)|under\s?way)\b"
)
_UNDECIDED = _rx(r"\bwhether\b")
# The words _MEASURE's time span cannot match without ("for at least" needs "least", "at first light" "light").
_MEASURE_SPANS = frozenset(
    {"until", "till", "within", "least", "light", "overnight", "today", "tomorrow", "week", "weekend"}
)
# A decision needs its verb (the letters of "co-operate" before the hyphen are a word of their own: "co"), or "be"
# with a participle, "affected", "disrupted" or "no" ("will be supplied", "will not be affected", "there will be no").
_DECISION_VERB_WORDS = frozenset(re.match(r"[a-z]+", verb).group() for verb in DECISION_VERBS) | {"lose", "keep"}
_DECISION_BE_WORDS = frozenset(DECISION_PARTICIPLES) | {"affected", "disrupted", "no", "able"}


def _may_decide(bag: set[str]) -> bool:
    return not bag.isdisjoint(_DECISION_VERB_WORDS) or ("be" in bag and not bag.isdisjoint(_DECISION_BE_WORDS))


def _words_before(text: str, end: int) -> set[str]:
    """The two words just before a position."""
    return set(text[max(0, end - 30) : end].split()[-2:])


_AIM_NOUNS = frozenset(AIM_NOUNS)
# An official's advice to the public ("Customers in the affected area should boil all tap water", "parents should
# make sure …"): an instruction to a group of the public is what the authority said, not the writer's "should".
_ADVICE_GROUPS = (
    "customers residents public passengers motorists drivers visitors parents households pedestrians cyclists "
    "patients travellers consumers owners keepers anyone"
)
_ADVICE = _rx(
    rf"\b(?:{'|'.join(_ADVICE_GROUPS.split())})\b(?:,?\s+[\w-]+){{0,12}}?\s+(?:should|must)\s+"
    r"(?:not\s+|also\s+|still\s+|only\s+)?(?!be\b|have\b)[a-z]+"
)
# An apology made ("the company apologised for the breach", "we apologise unreservedly", "we are deeply sorry that
# this has happened"): a reported act, checkable against the statement; its "sorry" is no feeling. Wanting or
# needing to apologise is not one.
_APOLOGY = _rx(
    r"(?<!to )\b(?:apologi[sz]e[sd]?|apologi[sz]ing|(?:am|are|is|was|were|['’]m|['’]re)\s+"
    r"(?:deeply\s+|very\s+|truly\s+|so\s+|sincerely\s+|genuinely\s+)?sorry)\b"
)
# Advice reported as given ("residents were told to keep windows shut", "have been advised not to travel", "the mayor
# has asked residents to leave flowers at the town hall", "police have warned the public not to approach it").
_ADVISED = _rx(
    r"\b(?:was|were|have been|has been|had been|are being|is being)\s+(?:told|advised|asked|ordered|instructed)"
    r"\s+(?:not\s+)?to\b"
    r"|\b(?:has|have|had)\s+(?:told|advised|asked|ordered|instructed|warned)\s+(?:the\s+|all\s+|local\s+)?"
    rf"(?:{'|'.join(_ADVICE_GROUPS.split())}|people)\s+(?:not\s+)?to\b"
)
# A measure taken ("has introduced additional controls on supplier access", "the safety regime was tightened in
# 2021"): checkable against the body that took it.
_MEASURE_NOUNS = (
    "controls|measures|checks|rules|restrictions|safeguards|limits|protocol|requirements|regime|curfew|cordon"
)
_TAKING = "introduced|imposed|tightened|strengthened|lifted|relaxed|eased|extended|put in place|brought in"
_TAKEN = _rx(
    rf"\b(?:{_TAKING})\s+(?:[\w-]+\s+){{0,3}}?(?:{_MEASURE_NOUNS})\b"
    rf"|\b(?:{_MEASURE_NOUNS})\s+(?:[\w-]+\s+){{0,3}}?(?:was|were|has been|have been|had been)\s+(?:{_TAKING})\b"
)
# What remains open to the public during a measure ("pedestrians can still use the walkway", "can still get across").
_STILL_OPEN = _rx(r"\b(?:can|may)\s+still\s+(?:use|cross|get|access|travel|walk|drive|reach|visit|enter|park|board)\b")
# A record: a superlative or ordinal with its scope ("the regulator's biggest fine to date", "the third monthly
# fall in a row", "the first time in a generation"), or a negation over a period ("has not been met since 2015").
_YEAR = rf"(?:the\s+)?(?:(?:{_MONTH})\s+)?(?:1[89]|20)\d\ds?"
_SPAN = r"a generation|history|living memory|decades|years|a decade|a century|\d+ years"
_SCOPE = rf"to date|in a row|on record|ever|since records began|since {_YEAR}|in (?:{_SPAN})"
# The scope is searched first (few alternatives), then a record word just before it.
_RECORD_SCOPE = _rx(rf"\b(?:{_SCOPE})\b")
_RECORD_BEFORE = _rx(rf"\b(?:{'|'.join(RECORD_WORDS)})\b[^.;:]{{0,50}}$|\b(?:not|never|no)\b[^.;:]{{0,40}}$")


def _record(text: str) -> str:
    """The record claim in a text ("biggest fine to date", "not been met since 2015"), or ""."""
    for scope in _RECORD_SCOPE.finditer(text):
        before = text[max(0, scope.start() - 60) : scope.start()]
        found = _RECORD_BEFORE.search(before)
        if found and (not found.group().startswith(("not", "never", "no")) or scope.group().startswith("since")):
            return (found.group() + scope.group()).strip()
    return ""


_RECORD_WORDS = frozenset(RECORD_WORDS) | {"not", "never", "no"}
_RECORD_SCOPES = frozenset(
    [
        "date",
        "row",
        "record",
        "ever",
        "since",
        "generation",
        "history",
        "memory",
        "decades",
        "years",
        "decade",
        "century",
    ]
)
_UNDER_RULE = _rx(
    r"\b(?:under|by|according to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:law|constitution|rules|act|treaty|regulations|statute|charter)\b"
)
# A deadline after "must": "before its next flight", "within 30 days", "by 1 March", "by the end of the year".
_DEADLINE = _rx(
    rf"\b(?:before\s+(?:its|their|the|each|every)\s+next|within\s+[\w-]+\s+(?:hours?|days?|weeks?|months?|years?)"
    rf"|by\s+(?:\d|the end of|(?:{_MONTH})\b))"
)
# "May" inside a sentence is the month ("between May and August"): masked before forecasts are searched.
_MAY = re.compile(r"\bMay\b")
_DENIAL = _rx(
    r"\b(?:is|are|was|were|that's|it's)\s+(?:simply\s+|just\s+|completely\s+|entirely\s+|totally\s+)?"
    r"(?:not\s+true|untrue|false|incorrect)\b"
)
_DENIAL_WORDS = frozenset(["true", "untrue", "false", "incorrect"])
# A denial reported ("The stallholder has denied responsibility", "He denies fabricating data", "he is innocent", "she
# pleaded not guilty"): checkable against what was denied.
_DENIES = _rx(
    r"\b(?:disputes|disputed|dispute|disputing)\s+(?:the|these|those|this|that|its|their)\s+"
    r"(?:[a-z]+\s+)?(?:figures?|findings|numbers?|estimates?|account|claims?|allegations?)\b"
    r"|\b(?:denies|denied|deny|denying)\s+(?:any\s+|all\s+|the\s+|that\s+)?(?:[a-z]{3,}ing|wrongdoing|responsibility"
    r"|involvement|allegations?|claims?|charges?|accusations?|liability|knowledge)\b"
    r"|\b(?:is|are|was|were)\s+(?:entirely\s+|completely\s+|totally\s+|wholly\s+)?innocent\b|\bnot\s+guilty\b"
)
_DENIES_WORDS = frozenset(
    ["denies", "denied", "deny", "denying", "disputes", "disputed", "dispute", "disputing", "innocent", "guilty"]
)
_QUOTED_PREDICATE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|be)\s+[\"“]")
_QUESTION = re.compile(r"\?[\"'”’»)\]]*\s*$")
_CRITICS_VERBS = "say|said|argue|argued|claim|claimed|complain|complained|contend|contended|accuse|accused"
_OPINION = _rx(
    r"\b(?:(?:i|we)\s+(?:think|believe|feel|consider|regret|are convinced|am convinced)|in (?:my|our) "
    r"(?:view|opinion)|should|must|ought to|needs? to|irresponsible|shameful|"
    r"absurd|outrageous|disgraceful|ridiculous|terrible|wonderful|fantastic|brilliant|awful|unacceptable|"
    r"disastrous|excellent|amazing|beautiful|ugly|stupid|insane|crazy|lies|lying|hypocri\w+|best(?!-|\s+known|\s+part\s+of)|worst(?!-)|"
    r"disgrace|scandal|scandalous|shocking|appalling|humiliating|shameless|betrayal|gimmick|fantasy|nonsense|"
    r"tragedy|tragic|heartbreaking|cruel|cruelty|victory|landmark|historic|proud|unfair|incredibly|clearly|"
    r"obviously|frankly|absolutely|utterly|probably|possibly|perhaps|presumably|arguably|far too|"
    r"too (?:long|slowly|little|late|much|many)"
    # A superlative of the speaker's own life ("the longest three days of my working life") is a feeling.
    r"|[a-z]+est\s+(?:[\w-]+\s+){0,3}?of my (?:working\s+)?(?:life|career))\b"
)
# A reported feeling, a tabloid verb of feeling, critics' view, what something deserves, "criminal" as a verdict
# ("it was criminal"; "a criminal forum" describes). Apart from _OPINION, with its own gate, to keep both fast.
_FEELING = _rx(
    rf"\b(?:{'|'.join(EMOTION_WORDS + EMOTIVE_REPORTING_VERBS + TRIBUTE_VERBS)}"
    rf"|critics\s+(?:{_CRITICS_VERBS})|deserve[sd]?"
    r"|(?:is|was|are|were|it's) criminal"
    rf"|(?:is|was|are|were|be|been)\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:{'|'.join(VERDICT_NOUNS)})"
    rf"|(?:is|was|are|were|be|been)\s+(?:so\s+|very\s+|incredibly\s+|extremely\s+)?(?:{'|'.join(PRAISE_WORDS)}))\b"
)
# "Critics say …": the frame itself marks a view, whether or not attribution takes it off the assertion.
_CRITICS = _rx(rf"\bcritics\s+(?:{_CRITICS_VERBS})\b")
# A hope, a wish, or an appeal ("urged both sides to return to the table", "police are appealing for witnesses").
_HOPE = _rx(
    r"\b(?:hopes?|hoped|hopeful|hoping|wish(?:es|ed)?|looks? forward|expressed hope|pray|urge[sd]?|urging|"
    r"appeal(?:s|ed|ing)? for)\b"
)
_PREDICTION = _rx(
    r"\b(?:will|would|shall|going to|(?:is|are) (?:expected|likely|set|due|poised) to|(?<!\d )may(?! \d)|might|"
    r"could|forecasts?|predicts?|projected|(?<!no )plans? to|intends? to|in the (?:near )?future|"
    r"next (?:year|week|month)|unlikely|(?<!more )(?<!less )(?<!most )likely|(?<!as )soon)\b"
)
# An expectation (passive, or of something else: "is not expected back", "expected the government to release",
# "talks expected this week"), a pledge ("promised to reopen"), a condition ("if passed"). Gated apart.
_EXPECTATION = _rx(
    r"\b(?:(?:is|are|was|were|be|been|not|being)\s+expected|expect(?:s|ed|ing)?\s+(?!to\b)[\w\"“”'’-]+"
    r"(?:\s+[\w\"“”'’-]+){0,3}?\s+to|expected\s+(?:this|next|later|soon|within|by|before|in|on)|"
    r"(?:promised|pledged|vowed|vows|threatened|threatens)\s+to|if)\b"
)
# A forecast whose figure is the prediction itself: a hedged modal ("could", "might", "may", "likely"), an
# expectation, a prediction or estimate named, a condition (", or we will …"), or a hedged or conditional modal before
# a verb of quantity ("could cost", "would add 0.2 points"; "will cost 86 pounds" announces a price). Unlike an
# announced decision with a figure ("will cut 1,200 jobs"), it cannot be checked yet: no smaller penalty for it.
# Verbs of a change in a quantity: "will rise to 4%" forecasts it, unless the sentence gives the figure it changes
# from ("will rise to 2.65 pounds from 2.40 pounds": an announced change). "will cost", "will add" announce.
_CHANGE_VERBS = [verb for verb in QUANTITY_VERBS if verb not in ("cost", "add", "save", "total")]
_SPECULATIVE = _rx(
    r"\b(?:could|might|(?<!\d )may(?! \d)|(?<!more )(?<!less )likely|unlikely|expect\w*|predict\w*|estimat\w*|if|"
    r",\s+or\s+(?:else\s+)?(?:we|they|you|i|it)|"
    rf"(?:would|could)\s+(?:[a-z]+ly\s+|not\s+|also\s+)?(?:{'|'.join(QUANTITY_VERBS)})"
    rf"|(?:will|shall)\s+(?:[a-z]+ly\s+|not\s+|also\s+)?(?:{'|'.join(_CHANGE_VERBS)})\b(?![^;]*\bfrom\b))\b"
)
# A maxim: "nobody", "no one" or "nothing" before a verb in the simple present ("Nobody wins a long strike", "Nobody
# goes into local government to close libraries"); "No one has reported being harmed" reports.
_MAXIM = _rx(r"(?:nobody|no one|nothing)\s+(?:[a-z]+ly\s+)?(?!has\b|is\b|was\b|does\b)[a-z]+[^s\W]s\b")
_FIRST_PERSON = frozenset(["I", "We", "we", "Our", "our", "us", "me"])
_IMPERSONAL_RHETORIC = re.compile(r"!|\b(?:[Oo]f course|[Ee]verything depends|[Ll]et['’]?s|[Hh]ow can|[Yy]ou)\b")
# A speaker's account of what they or their people did ("We have looked at every one of these branches", "Our
# teams followed the plan", "I asked the authority before I signed"): the first first-person subject before an
# action in the past. A view, a feeling or a passive ("I thought …", "We felt …", "We were told …") is no such account.
_OWN_SUBJECT = _rx(r"\b(?:we|i|our)\b")
_OWN_AUX = frozenset(["have", "had", "did", "'ve", "’ve", "already", "also", "just", "now", "then"])
_VIEW_VERBS = frozenset(VIEW_VERBS)
_ACTION_PAST = frozenset(["heard", "told", "saw", "wrote", "spoke"])


# What a speaker's "we" or "I" is doing now ("We are co-operating fully with the unit", "We are urgently working
# with …"): an account of an action under way, not a hope or an attempt.
_OWN_ONGOING = _rx(
    r"(?:we|i)\s+(?:are|am|['’]re|['’]m)\s+(?:[a-z]+ly\s+|now\s+|still\s+|also\s+)?"
    r"(?!hoping|trying|thinking|looking|feeling|wondering|praying|asking|calling|urging|going|getting|awaiting|waiting)[a-z-]{3,}ing\b"
)


def _own_action(text: str) -> bool:
    """Whether the first first-person subject of a text is followed by an action in the past: "we (have) VERBed",
    "we have written", "our NOUN (NOUN) VERBed"."""
    subject = _OWN_SUBJECT.search(text)
    if subject is None:
        return False
    after = text[subject.end() : subject.end() + 60].replace("'ve", " 've").replace("’ve", " ’ve").split()
    if subject.group() == "our":
        candidates = after[1:3]  # the noun (and a second one) owned, then the verb
    else:
        while after and after[0] in _OWN_AUX:
            after = after[1:]
        candidates = after[:1]
    for word in candidates:
        verb = word.strip(",.;:")
        if verb in _VIEW_VERBS:
            return False
        if (
            (len(verb) > 4 and verb.endswith("ed"))
            or verb in _IRREGULAR_PAST
            or verb in _COMMON_PAST
            or verb in _ACTION_PAST
            or verb in _IRREGULAR_PARTICIPLES  # "we have written", "our staff have given"
        ):
            return True
    return False


_ASK_WORDS = frozenset(["ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering"])
_ASKED = _rx(r"\?[\"'”’»]*\s+(?:[\w-]+\s+){0,4}?(?:asked|asks|wondered|wonders|demanded|demands)\b")
_INDIRECT_QUESTION = _rx(
    r"\b(?:asks?|asked|asking|wonders?|wondered|wondering)\s+(?:how|why|whether|if|what|who|when|where)\b"
)
_RHETORIC = re.compile(
    r"!|\b(?:[Oo]f course|[Ee]verything depends|[Ll]et['’]?s|[Hh]ow can|[Ww]e|[Oo]ur|I|us|me|[Yy]ou)\b"
)
_BOILERPLATE = _rx(
    r"\b(?:subscribe|stay tuned|click|sign up|newsletter|all rights reserved|follow us|breaking news|"
    r"latest news|read more|download (?:our|the) app|cookies?|terms of use|privacy policy|"
    # A newsroom's formulas and a press release's notes: the non-answer to a request for comment, contacts,
    # "about us", a publication schedule.
    r"requests? for comment|(?:declined|refused|declines|refuses) to comment|could not be reached|no comment|"
    r"did not (?:immediately )?(?:respond|reply|return)|(?:media|press) (?:enquiries|inquiries|contact)|"
    r"about us|notes? to editors|(?:are|is) published (?:monthly|weekly|quarterly|annually|daily|every)|"
    r"every weekday|all options|comments (?:are|have been) closed"
    # Service details and a fact box's label: a phone number to call, a website to visit, "Lynx facts:".
    r"|(?:call|ring|phone)\s+(?:us\s+)?(?:on\s+)?0\d{3}|(?:at|visit)\s+[a-z0-9-]+\.(?:co\.uk|com|org|org\.uk|gov\.uk)"
    r"|^[a-z]+(?:\s+[a-z]+)?\s+facts(?=:)"
    # A page's note on itself: how it was made ("This article was translated from Polish", "This edition was put
    # together by …", "This announcement was authorised for release by the Board"), a correction's note, a summary's
    # disclaimer, a publisher's line.
    r"|^this\s+(?:article|story|report|edition|summary|announcement|newsletter|page|piece|transcript|release|"
    r"bulletin|briefing|update|notice)\s+(?:was|is|has\s+been)\s+(?:\w+\s+){0,2}?(?:translated|updated|amended|"
    r"corrected|edited|produced|put\s+together|written|compiled|authori[sz]ed|approved|provided|prepared|published|"
    r"issued|sponsored|supported|funded)"
    r"|^(?:correction|clarification)s?(?=\s*:)|\ban\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|page)"
    r"|\b(?:is|are)\s+not\s+a\s+substitute\s+for|^published\s+by|\bmay\s+contain\s+errors|\bsubject\s+to\s+revision"
    # a newsroom asking for a response; a meeting's apologies; a programme's slot ("… at 10.30pm on Channel 6")
    r"|\b(?:asked|approached|contacted)\s+[^.;]{1,60}?\s+for\s+(?:a\s+)?(?:response|comment)"
    r"|^apologies\s+(?:were\s+received|for\s+absence)|^(?:transcript|translation)\s+(?:produced|provided|prepared)\s+by"
    # "This is an edited translation of an article first published in …", "An edited transcript of the media
    # conference …"; a meeting's close, its unconfirmed minutes and its attendance ("Present: …"); a correction's
    # apology; a funder's line
    r"|^(?:this\s+is\s+)?an?\s+(?:(?:edited|abridged|lightly\s+edited|full|partial)\s+)?(?:translation|transcript)\s+of\b"
    r"|^the\s+meeting\s+(?:closed|adjourned|ended|opened|began)\s+at\b|\bunconfirmed\s+until\b"
    r"|^(?:present|in\s+attendance|also\s+present)(?=\s*:)"
    r"|\bapologi[sz]es?\s+for\s+(?:the|this|any)\s+(?:error|mistake)|\bjournalism\s+(?:funded|supported)\s+by\b"
    r"|\b(?:at|from)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\s+on\s+(?:channel|radio)\s+\w+)\b"
)
_READER_PROMPTS = frozenset({"subscribe", "click", "sign up"})
_READER_WORDS = frozenset({"you", "your", "here", "our", "us"})


def _addresses_reader(whole: _Whole) -> bool:
    """A prompt is imperative ("Sign up …") or speaks to the reader ("… to get our newsletter", "click here")."""
    opening = whole.lower.lstrip("\"'“‘«( ")
    return opening.startswith(tuple(_READER_PROMPTS)) or not whole.letter_runs().isdisjoint(_READER_WORDS)


# Plural present forms after a plural subject ("Five people remain in hospital", "Symptoms include fever", "The
# cuts affect 3,100 students"): verbs without the endings the patterns know.
_PLURAL_PRESENT_VERBS = frozenset(
    {"remain", "include", "need", "want", "know", "believe", "expect", "continue", "stay", "appear", "seem", "face"}
    | {"become", "live", "work", "own", "owe", "earn", "pay", "lack", "receive", "employ", "serve", "use", "operate"}
    | {"provide", "offer", "show", "carry", "cover", "affect", "mean", "involve", "require", "allow", "contain"}
    | {"belong", "survive", "say", "warn", "claim", "estimate", "suggest", "confirm", "go", "come", "get", "make"}
    | {"take", "give", "keep", "run", "hold"}
)
_VERBISH = _rx(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|"
    r"should|[a-z]{2,}(?:ed|es|s)|went|took|made|gave|sent|won|lost|rose|fell|grew|paid|built|began|left|held|met|"
    rf"saw|came|got|brought|bought|sold|spent|hit|cut|shut|said|told|stood|{'|'.join(sorted(_PLURAL_PRESENT_VERBS))})\b"
    r"|['’](?:re|ve|ll)\b"
)
_IRREGULAR_VERBS = _IRREGULAR_PAST | _IRREGULAR_PARTICIPLES
_MARKERS = (
    "however|but|and|also|meanwhile|moreover|furthermore|additionally|in addition|of course|"
    "indeed|still|yet|now|thus|therefore|so|then|at the same time|for example|for instance|in fact|"
    "on the whole|in this case|in particular|notably|besides|as a result|in turn|instead"
)
_BARE_MARKERS = "but|and|also|yet|so|however"
_LEAD_MARKER = re.compile(rf"^(?:{_MARKERS})\s*,\s+|^(?:{_BARE_MARKERS})\s+", re.IGNORECASE)
_MARKER_WORDS = tuple(f"{_MARKERS}|{_BARE_MARKERS}".split("|"))
_MARKER_REACH = max(map(len, _MARKER_WORDS))


def _may_open_with_marker(text: str) -> bool:
    """Whether _LEAD_MARKER may match: an ASCII opening must begin with a marker (IGNORECASE folds only a few
    non-ASCII letters to ASCII ones, so an opening with one is searched)."""
    head = text[:_MARKER_REACH]
    return not head.isascii() or head.lower().startswith(_MARKER_WORDS)


_AUX = re.compile(
    r"^(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should)\b", re.IGNORECASE
)
# "but" before a verb, a semicolon, or a second reported clause: "… said the men were found near the shaft, and
# that they probably died instantly" ("that" then opens a subject, not "and that hurt sales").
_SPLIT_BUT = re.compile(
    r",?\s+but\s+(?=(?:also\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b)"
    r"|;\s+|,?\s+and\s+that\s+(?=(?:the|a|an|it|its|their|they|he|she|we|his|her|our|this|these|those|such|most|many"
    r"|some|all|every|each|no|nobody|none|nothing|there)\b|[A-Z]|\d"
    r"|(?:[a-z]+\s+){0,2}[a-z]{3,}s\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\b)"
)
# ", and" before a second clause's own subject and auxiliary ("… is very low, and cooked eggs and chicken are
# safe"); without the comma only before a determiner, pronoun, name or figure ("… and the operation was …", "… were
# arrested and 14 cars were seized", "… and two were taken to hospital").
# Both begin with the comma or white space before "and", one character the search skips to (a pattern opening
# with one set of characters is searched for it first): ",?\s+" is written as that character, then what follows it.
_SPLIT_AND = re.compile(
    r"[,\s](?:(?:(?<=,)\s+|(?<=\s)\s*)and\s+"
    r"(?=(?:there|the|a|an|it|its|their|this|[A-Z][\w’'-]*|\d[\d,.]*"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\b)"
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:is|are|was|were|has|have|had|will|would|can|could)\b)"
    # ", and" before a name and its own lexical verb and object: "…, and England records around 500 cases a year"
    r"|(?<=,)\s+and\s+(?=[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s+[a-z]{3,}(?:ed|[^s\W']s)\s+"
    r"(?:the|a|an|its|their|about|around|more|nearly|almost|over|\d))"
    r"|(?<=,)\s+and\s+(?=(?!(?:is|are|was|were|has|have|had|will|would|can|could|that|said|says)\b"
    r"|[a-z]+ed\s+(?:the|a|an|that|it|its|their|his|her|to|on|in|\d)\b)[a-z][\w’'-]*"
    r"(?:\s+(?!who\b|which\b|that\b)[\w’'-]+){0,4}?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|can|could)\b))"
)
_FINITE = _rx(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b")
_SPACES = re.compile(r"\s+")
_EDITORIAL = re.compile(r"\s*\[…\]|\s*\[\.\.\.\]|\s*\((?:[^()]*\s[-–—]\s*[A-Z]{2,}[^()]*)\)")


def _tidy(text: str) -> str:
    if "[" in text or "(" in text:
        text = _EDITORIAL.sub("", text)
    text = text.strip().strip("“”\"«»'’‘").strip()
    text = _rstrip_dashes(text).rstrip(".").strip().strip('“”"«»').strip()
    previous = None
    # Discourse markers are stripped only from a text that starts with one.
    while previous != text and _may_open_with_marker(text):
        previous = text
        text = _LEAD_MARKER.sub("", text)
    if "  " in text or not text.isprintable():
        text = _SPACES.sub(" ", text)  # only a double space or another white-space character (never printable) changes
    if text[:2] in _OWN_FRAME_OPENINGS:
        text = _OWN_FRAME.sub("", text, count=1)
    return text[:1].upper() + text[1:] if text else text


# A speaker's own frame before a statement ("I can say that …", "What I can tell you is that …", "I would only note
# that …"): the statement is the claim, and the frame's "I" and "would" are neither rhetoric nor a forecast.
_OWN_FRAME = re.compile(
    r"^(?:what\s+)?(?:i|we)\s+(?:can|could|would|must|want\s+to|'d\s+like\s+to|would\s+like\s+to)?\s*"
    r"(?:only\s+|just\s+|also\s+|simply\s+)?(?:say|tell\s+you|confirm|note|stress|add|point\s+out|repeat|assure\s+you"
    r"|report)\s+(?:is\s+)?that\s+(?=\w)|^we\s+understand\s+(?:that\s+)?(?=\w)",
    re.IGNORECASE,
)
_OWN_FRAME_OPENINGS = frozenset({"I ", "We", "Wh", "we", "wh"})


def _rstrip_dashes(text: str) -> str:
    """Trailing spaces, commas, semicolons, colons and dashes removed (a backward scan, not a regex search)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
        end -= 1
    return text[:end]


def _subject(clause: str) -> str:
    words = clause.split()
    for index, word in enumerate(words[:8]):
        if _AUX.match(word) and index > 0:
            return " ".join(words[:index])
    return ""


# A second predicate sharing the subject: "and" before an auxiliary or modal ("… had been suspended since October and
# has now left", "… and may sell the site"), or before a finite verb with its object ("… has burned 2,100 hectares and
# destroyed 19 homes", "… froze a grant and wants £1.1m back"). The object must open with a determiner or a figure:
# "higher sales and increased profits" is one object list. A clause of its own after ", while" / ", whereas" ("X rose
# 4%, while Y fell 2%") is split too.
_DETERMINER = (
    r"(?:(?:the|a|an|its|their|his|her|our|all|both|some|more|almost|nearly|about|around|roughly|approximately|another|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens)\b"
    r"|(?:over|by)\s+\d|\d|£|\$|€)"
)
_AUX_WORDS = r"(?:is|are|was|were|has|have|had|will|would|can|could)"
# Verbs of knowing and saying after a pronoun frame the clause that follows ("and we believe all three are …").
_COGNITION = "believe|think|know|hope|expect|fear|feel|say|suspect|want|guess|reckon|hear|see"
_FUNCTION_WORDS = (
    "the|a|an|its|their|his|her|our|all|some|more|other|then|also|now|not|no|as|at|in|on|of|for|with|by|from|to|into"
    "|over|under|up|about|after|before|between|both|each|every|many|most|much|several|such|that|this|these|those"
    "|which|who|what|when|where|while|how|even|only|just|so|yet|less|fewer|far|well|later|still|there|it|they|we"
)
_FUNCTION_WORD_SET = frozenset(_FUNCTION_WORDS.split("|"))
_COMMON_PAST_WORDS = (
    "went took made gave sent won lost rose fell grew paid built began left held met came got cut sold spent"
    " shut hit set put"
)
_COMMON_PAST = frozenset(_COMMON_PAST_WORDS.split())
_PAST_WORDS = _COMMON_PAST_WORDS.replace(" ", "|")
_LEXICAL = rf"(?:[a-z]{{3,}}(?:ed|[^s\W']s)|{_PAST_WORDS})"
_SPLIT_PREDICATE = re.compile(
    rf",?\s+and\s+(?=(?:also\s+|now\s+|then\s+|later\s+)?(?:{_AUX_WORDS}\s|(?:may|might|must|should)\s|{_LEXICAL}\s+{_DETERMINER}))"
)
# "X did A and B did C": "and" before a second clause's own subject and verb, the subject a bare plural ("… are
# coming down and patients are being seen"), a quantifier or a figure ("and no arrests had been made"), a pronoun,
# or a determiner and a few words ("…, and a monthly pass now costs £86"). "and" right after a plural without a
# comma is left alone ("their videos and comments could be seen"), and so is "two and a half times".
# Opening with the comma or white space before "and" (one set of characters the search skips to), then what follows
# it: the same as ",\s+" or "(?<!s)\s+".
_SPLIT_CLAUSE = re.compile(
    rf"[,\s](?:(?<=,)\s+|(?<!s\s)\s*)and\s+(?=(?!(?:{_FUNCTION_WORDS})\b)[a-z]{{3,}}\s+(?:is|was|has)\s+(?:now\s+|still\s+|also\s+)?"
    r"(?:up|down|\d)"
    r"|(?:(?:no|many|most|some|other|more|fewer|all|both|\d[\d,.]*)\s+)?"
    rf"(?:[a-z]{{3,}}[^s\W']s|people|police)\s+(?:{_AUX_WORDS}|[a-z]{{3,}}ed|{_PAST_WORDS})\b"
    rf"|(?:we|they|he|she|it)(?:['’](?:ve|re|s|ll|d)\s|\s+(?:[a-z]+ly\s+)?(?:{_AUX_WORDS}\b|{_LEXICAL}\b|said\b"
    rf"|(?!(?:{_FUNCTION_WORDS}|{_COGNITION})\b)[a-z]{{3,}}\s+{_DETERMINER}))"
    rf"|(?!a\s+half\b)(?:the|a|an|its|their|this)(?:\s+(?!that\b|which\b|who\b)[\w’'-]+){{1,4}}?\s+(?:now\s+|[a-z]+ly\s+)?"
    rf"(?:[a-z]{{3,}}ed|{_PAST_WORDS}|said|[a-z]{{3,}}[^s\W']s\s+{_DETERMINER})\b)"
)
_SPLIT_WHILE = re.compile(
    r",\s+(?:while|whereas)\s+(?=(?!\w+ing\b)[\w’'-]+(?:\s+[\w’'-]+){0,5}?\s+(?:"
    rf"{_AUX_WORDS}|{_LEXICAL})\b)"
)
# ", though" / ", although" before a clause of its own is a contrast like ", while": "… told to be ready to leave,
# though nobody has been ordered out" -> two claims.
_SPLIT_THOUGH = re.compile(_SPLIT_WHILE.pattern.replace("(?:while|whereas)", "(?:though|although)", 1))
# ", but" before a clause of its own, its subject a determiner, pronoun or name and a few words before an auxiliary
# or a verb of state: "The park remains open, but its primate house is shut" -> two claims.
_SPLIT_BUT_CLAUSE = re.compile(
    r",\s+but\s+(?=(?:the|a|an|its|their|this|these|those|it|they|he|she|there|[A-Z][\w’'-]*)"
    rf"(?:\s+(?!said\b|says\b|told\b)[\w’'-]+){{0,3}}?\s+(?:{_AUX_WORDS}|remains?|remained|stays?|stayed)\b)"
)
# A comma before a pronoun clause of its own, in speech: "We've opened 15 stores this year, we've got 412 now".
_PRONOUN_OPENING = r"(?:we|they|he|she|it)"
_SPLIT_SPLICE = re.compile(
    rf",\s+(?={_PRONOUN_OPENING}(?:['’](?:ve|re|ll|d)\s|\s+(?:{_AUX_WORDS}\b|{_LEXICAL}\s+{_DETERMINER}"
    rf"|(?!(?:{_FUNCTION_WORDS}|{_COGNITION})\b)[a-z]{{3,}}\s+{_DETERMINER})))"
)
_SPLICE_AT = re.compile(r", (?:we|they|he|she|it)\b")  # the guard before _SPLIT_SPLICE
_SUBORDINATE_OPENING = re.compile(
    r"(?:when|whenever|if|as|because|after|before|since|while|although|though|once|until|unless|where|so)\b",
    re.IGNORECASE,
)
_AUX_OR_MODAL = re.compile(rf"(?:{_AUX_WORDS}|may|might|must|should)\s")
_VERB_END = re.compile(rf"(?:ed|^{_AUX_WORDS})$")
_BETWEEN = re.compile(r"\b(?:between|both|from)\b[^,;]*$", re.IGNORECASE)
_ASIDE = re.compile(r",\s[^,]{1,80},")
_WORD_COMMA = re.compile(r",(?!\d{3}\b)")  # a comma between words, not a figure's thousands


def _own_subject(clause: str) -> str:
    """The words before a clause's first verb (an aside after the subject skipped): "The blaze in the hills has
    burned …" -> "The blaze in the hills"; "" when no verb is found among its first words or a comma is left."""
    words = _ASIDE.sub("", clause, count=1).split()
    verb_at = 0
    for index, word in enumerate(words[:12]):
        lower = word.lower()
        if index == 0 or not word[:1].islower() or words[index - 1].lower() in _NP_OPENERS:
            continue  # the word after a determiner is no verb: "A failure of the automated system forced …"
        if (_AUX.match(lower) and lower == lower.rstrip(",;")) or lower in _COMMON_PAST or lower.endswith("ed"):
            verb_at = index
            break
        if lower in _IRREGULAR_VERBS or (lower in _PLURAL_PRESENT_VERBS and words[index - 1][-1:] == "s"):
            verb_at = index  # "The cuts affect …": a plural present after a plural noun
            break
        if not verb_at and len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "'s", "’s")):
            verb_at = index
    subject = " ".join(words[:verb_at]) if verb_at else ""
    return "" if "," in subject and _WORD_COMMA.search(subject) else subject  # "About 9,000 bags" keeps its figure


_NP_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"})
# A pronoun and a word, or a contracted auxiliary, opens a clause of its own: "We employ 60 people", "we've got 412".
_PRONOUN_CLAUSE = re.compile(
    r"(?:we|they|he|she|it)(?:['’](?:ve|re|s|ll|d)\s|\s+(?!(?:and|or|but|to|of|in|on|at|as|that)\b)[a-z]{2,}\b)",
    re.IGNORECASE,
)
_NOT_AFTER_VERB = frozenset({"in", "of", "to", "for", "on", "at", "from", "by", "and", "or", "with", "across", "into"})


def _has_own_verb(piece: str) -> bool:
    return _has_verb(piece.lower()) or _own_verb(piece)


def _own_verb(piece: str) -> bool:
    """Whether a piece of a coordination is a clause with its own verb: an auxiliary ("… was …"), a pronoun and
    a verb ("We employ …", "we've …"), or a subject before a lexical verb ("The park remains open", "Police closed
    the road"): no list before it ("14,000 homes in Ashby, Thornley, Upper Cressing"), no adverb ending the subject
    ("The previously proposed guarantees"), and no preposition after it ("guarantees to the United States")."""
    if _FINITE.search(piece.lower()) or _PRONOUN_CLAUSE.match(piece):
        return True
    subject = _own_subject(piece)
    if not subject or not piece.startswith(subject):
        return False
    last = subject.split()[-1].lower()
    words = piece[len(subject) :].split()
    if last in _FUNCTION_WORD_SET or last.endswith("ly") or len(words) < 2 or words[0][-1:] in ",;:":
        return False
    if subject.lstrip("\"“‘'")[:2].lower() in ("i ", "i'", "i’"):
        return False  # a first-person account, as for a pronoun clause
    verb, after = words[0].lower(), words[1].lower()
    if verb.endswith("ed") or verb in _IRREGULAR_VERBS or verb in _COMMON_PAST:
        return True  # "The boiler in the primate house failed in early November"
    # A preposition after a word in -s makes it a noun ("guarantees to the United States"), and so does an
    # auxiliary ("Young families won't move"): the verb is the auxiliary's.
    return after not in _NOT_AFTER_VERB and not _AUX.match(after) and not after.endswith(("n't", "n’t"))


_LIST_TAIL = re.compile(r",\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+$")


def _ends_list(part: str) -> bool:
    """Whether an "and" split at without a comma closes a list of a few words after a comma: "routes 3, 7, 12 and
    22 are …", "at Ashcombe Royal, St Hilda's and Vale Community are …"."""
    for m in _SPLIT_AND.finditer(part):
        if part[m.start()] != ",":
            tail = _LIST_TAIL.search(part, 0, m.start())
            if tail is not None and not _has_verb(tail.group(0).lower()):
                return True
    return False


def _has_verb(lower: str) -> bool:
    if _FINITE.search(lower) or _PAST.search(lower):
        return True
    words = lower.split()
    return not _IRREGULAR_VERBS.isdisjoint(words) or not _COMMON_PAST.isdisjoint(words)


# A participle after a copula's complement takes the subject and the copula: "It was seven years old and serviced
# in May" -> "It was seven years old" + "It was serviced in May". The complement is no participle itself ("was
# arrested and charged with …" is one event).
_COPULA_PARTICIPLE = re.compile(
    r"\s(?P<aux>is|are|was|were)\s+(?!(?:[a-z]+ed|being|been|not)\b)[^,;]{3,60}?\s+and\s+"
    r"(?P<verb>[a-z]{3,}ed\s+(?:in|on|at|by|for|from|last|this|every|twice|once)\b[^,;]*)$"
)


def _split_copula_participle(piece: str) -> list[str]:
    found = _COPULA_PARTICIPLE.search(piece)
    if found is None:
        return [piece]
    subject, complement = piece[: found.start()], piece[found.end("aux") :].split()
    if not subject or len(subject.split()) > 6 or _has_verb(subject.lower()) or complement[0] in _IRREGULAR_VERBS:
        return [piece]  # "was written by X and edited by Y": two participles of one account
    if any(word.endswith("ed") for word in piece[found.end("aux") : found.start("verb")].split()[:-1]):
        return [piece]  # "is a provider founded in 2012 and headquartered in …": the participles go together
    head = piece[: found.start("verb")].rstrip()
    head = head[: -len("and")].rstrip()
    texts = [head, f"{subject} {found['aux']} {found['verb']}"]
    return texts if all(len(text.split()) >= 4 for text in texts) else [piece]


def _split_predicates(part: str) -> list[str]:
    """A clause split at a second predicate sharing its subject (carried over) or at ", while" before a clause."""
    pieces = [part]
    for pattern, needs in (
        (_SPLIT_SPLICE, ", "),
        (_SPLIT_BUT_CLAUSE, ", but "),
        (_SPLIT_WHILE, ", wh"),
        (_SPLIT_CLAUSE, "and"),
    ):
        if needs not in part or (pattern is _SPLIT_SPLICE and _SPLICE_AT.search(part) is None):
            continue  # the pattern cannot match without its conjunction
        found = [q for p in pieces for q in pattern.split(p)]
        if len(found) > len(pieces) and all(len(p.split()) >= 4 for p in found) and _has_own_verb(found[0]):
            if pattern is _SPLIT_SPLICE and _SUBORDINATE_OPENING.match(part):
                continue  # "When prices rose sharply, we cut 40 jobs": one sentence of a condition and its clause
            pieces = found
    if " and " not in part:
        return pieces
    out: list[str] = []
    for piece in pieces:
        cuts = [m for m in _SPLIT_PREDICATE.finditer(piece) if not _BETWEEN.search(piece[: m.start()])]
        if not cuts:
            at = piece.find(" and ")
            out.extend(_split_copula_participle(piece) if at > 0 and "ed " in piece[at:] else [piece])
            continue
        subject = _own_subject(piece)
        head = piece[: cuts[0].start()]
        if not subject or not _has_own_verb(head):
            out.append(piece)
            continue
        texts = [piece[: cuts[0].start()]]
        for n, m in enumerate(cuts):
            end = cuts[n + 1].start() if n + 1 < len(cuts) else len(piece)
            texts.append(f"{subject} {piece[m.end() : end]}")
        last = head.split()[-1].lower() if head.split() else ""
        # "was arrested and charged with …" is one event; "would be commissioned and would report …" has a second
        # auxiliary of its own.
        own_aux = _AUX_OR_MODAL.match(piece, cuts[0].end()) is not None
        if len(head.split()) < 4 or (
            not own_aux and (_VERB_END.search(last) or last in _IRREGULAR_VERBS or last in _COMMON_PAST)
        ):
            out.append(piece)
            continue
        out.extend(texts)
    if not _and_then(part, _BARE_AT) or (" to " not in part and not _MODAL.search(part)):
        return out
    return [text for piece in out for text in _split_bare(piece)]


# A second bare verb after a modal or "to" ("The college will close its music school and shed 40 posts", "The
# board wants to sell two depots and lease 12 buses"): subject and modal are carried over. The verb must open its
# own object (a determiner or figure after it) and the modal follow the subject right away, so that "fell to 300
# and …" or "will cost more and take longer" stay whole.
_MODAL = re.compile(r"\b(?:will|would|can|could|may|might|must|should)\s")
_MODAL_CHAIN = re.compile(
    r"(?:will|would|can|could|may|might|must|should|(?:is|are|was|were)\s+(?:due|set|going|expected|planning)\s+to"
    r"|[a-z]{3,}(?:s|ed)\s+to)(?:\s+not)?\s+(?:also\s+)?(?=[a-z])"
)
_SPLIT_BARE = re.compile(
    rf",?\s+and\s+(?=(?!(?:{_FUNCTION_WORDS})\b)(?:[a-z]{{3,}}(?<!s)(?<!ed)(?<!ing)(?<!ly)|[a-z]+eed|shed)\s+"
    rf"(?:{_DETERMINER}|as\s+many\s+as\b|up\s+to\b|more\s+than\b))"
)


_BARE_AT = re.compile(rf"[a-z]{{3,}}\s+(?:{_DETERMINER}|as\s+many\b|up\s+to\b|more\s+than\b)")


def _split_bare(piece: str) -> list[str]:
    if not _and_then(piece, _BARE_AT):
        return [piece]
    cuts = [m for m in _SPLIT_BARE.finditer(piece) if not _BETWEEN.search(piece[: m.start()])]
    if not cuts:
        return [piece]
    subject = _own_subject(piece)
    if not subject:
        return [piece]
    rest = _ASIDE.sub("", piece, count=1)[len(subject) :].lstrip()
    chain = _MODAL_CHAIN.match(rest)
    if chain is None or piece.find(rest[:20]) > cuts[0].start():
        return [piece]
    texts = [piece[: cuts[0].start()]]
    for n, m in enumerate(cuts):
        end = cuts[n + 1].start() if n + 1 < len(cuts) else len(piece)
        texts.append(f"{subject} {chain.group(0)}{piece[m.end() : end]}")
    return texts if all(len(text.split()) >= 4 for text in texts) else [piece]


# Figures coordinated with their verb left out: "Three people were killed and 17 injured when a coach overturned"
# -> "Three people were killed when a coach overturned" + "17 people were injured when a coach overturned". The
# first figure's noun and auxiliary are carried to each later figure, and what follows the last participle (the
# shared event) to every part; "120 flights were cancelled, 45 delayed and 12 diverted" makes three.
_FIGURE = (
    r"(?:(?:about|around|roughly|nearly|almost|some|over|at\s+least|more\s+than|a\s+further|another)\s+)?"
    r"(?:\d[\d,.]*\b|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|hundreds|thousands|dozens|several)\b)"
)
_PARTICIPLE_WORD = rf"(?:[a-z]{{3,}}(?:ed|en)|{'|'.join(sorted(_IRREGULAR_PARTICIPLES))}|hurt|held|left|lost|cut|shut)"
_ELIDED_HEAD = re.compile(
    rf"(?<![\w,.])(?P<figure>{_FIGURE})\s+(?P<noun>(?:(?!and\b|or\b)[a-z][\w’'-]*\s+){{0,3}}?)"
    r"(?P<aux>(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be)\s+)"
    rf"(?:[a-z]+ly\s+)?{_PARTICIPLE_WORD}\b",
    re.IGNORECASE,
)
_ELIDED_CUT = re.compile(
    rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<figure>{_FIGURE})\s+(?:(?P<noun>others|more)\s+)?"
    r"(?P<aux>(?:were|was|have\s+been|had\s+been)\s+)?"
    rf"(?P<verb>{_PARTICIPLE_WORD})\b(?!\s+(?:or|by)\b|\s+and\s+{_PARTICIPLE_WORD}\b)"
)


_FIGURE_AT = re.compile(_FIGURE)


def _and_then(part: str, pattern: re.Pattern[str]) -> bool:
    """Whether some " and " in the part is followed by what the pattern matches (str.find, then one match each:
    far cheaper than a search whose pattern starts with optional punctuation and white space)."""
    at = part.find(" and ")
    while at >= 0:
        if pattern.match(part, at + 5):
            return True
        at = part.find(" and ", at + 5)
    return False


def _split_elided(part: str) -> list[str]:
    """A clause split at each figure coordinated with a participle whose auxiliary and noun are left out."""
    if not _and_then(part, _FIGURE_AT):
        return [part]  # the last figure of every such list follows "and"
    first_cut = _ELIDED_CUT.search(part)  # rare: looked for before the head
    if first_cut is None:
        return [part]
    head = _ELIDED_HEAD.search(part, 0, first_cut.start())
    if head is None:
        return [part]
    cuts = list(_ELIDED_CUT.finditer(part, head.end()))
    if not cuts or _BETWEEN.search(part[: cuts[0].start()]) or "," in part[head.end() : cuts[0].start()]:
        return [part]
    prefix = part[: head.start()]
    carried = prefix if prefix.rstrip().endswith(",") else ""
    tail = part[cuts[-1].end() :]
    first = part[: cuts[0].start()]
    pieces = [first + tail if not first.endswith(tail) else first]
    for n, cut in enumerate(cuts):
        own = part[cut.end() : cuts[n + 1].start()] if n + 1 < len(cuts) else ""
        noun = f"{cut['noun']} " if cut["noun"] else head["noun"]
        pieces.append(f"{carried}{cut['figure']} {noun}{cut['aux'] or head['aux']}{cut['verb']}{own}{tail}")
    return pieces


# A second subject and figure with the verb gapped: "Exports fell 3.2% and imports 1.4% in March" -> "Exports fell
# 3.2% in March" + "imports fell 1.4% in March". Only a change in per cent right after its verb, and a second
# subject of one to three words without a verb of its own ("rose 3% and then fell 2%" is one subject's).
_PERCENT = r"(?:by\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+)?\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)"
_GAPPED_HEAD = re.compile(rf"\b(?P<verb>[a-z]{{3,}}ed|{_PAST_WORDS}|rises|falls|grows|gains|loses)\s+{_PERCENT}")
_GAPPED_CUT = re.compile(rf"\s+and\s+(?P<subject>(?:[\w’'-]+\s+){{1,3}}?)(?P<figure>{_PERCENT})")


def _split_gapped(part: str) -> list[str]:
    head = _GAPPED_HEAD.search(part)
    if head is None:
        return [part]
    cut = _GAPPED_CUT.match(part, head.end())
    if cut is None or _has_verb(cut["subject"].lower()) or _NUMBER.search(cut["subject"]):
        return [part]
    tail = part[cut.end() :]
    return [part[: cut.start()] + tail, f"{cut['subject']}{head['verb']} {cut['figure']}{tail}"]


# A side fact between a subject and its verb: a relative clause ("Harbour Ferries, which carries 90,000 people a
# year, has cut its timetable") or a participle of how it was made ("The pier, built in 1902, is to close") is an
# assertion about the subject of its own: "Harbour Ferries carries 90,000 people a year", "The pier was built in
# 1902". The subject must open the clause, hold no verb or comma, and the rest start with its verb.
_SUBJECT_ASIDE = re.compile(
    r"(?P<subject>(?:[A-Z]|(?:the|its|their)\s)[^,;:“”\"()]{1,80}?),\s+(?:(?:which|who)\s+(?P<body>(?:[^,;:“”\"()]|(?<=\d),(?=\d)){6,160}?)"
    r"|(?P<made>(?:built|completed|opened|founded|established|launched|formed|created|designed|bought|acquired"
    r"|published|issued|released)"
    r"\s+(?:in|by|on|for|at|during)\s+[^,;:“”\"()]{2,80}?)"
    r"|(?P<noun>(?:a|an|the)\s+(?:[^,;:“”\"()]|(?<=\d),(?=\d)){6,120}?)"
    r"|where\s+(?P<where>(?:[^,;:“”\"()]|(?<=\d),(?=\d)){6,160}?)),\s+(?P<rest>[a-z].+)"
)
_ADVERB = re.compile(r"(?:also|now|still|already|later|then|recently|currently|since|has|have|had|is|are|was|were)$")


_OPENING_PREPOSITION = re.compile(
    r"(?:On|In|At|By|After|Before|For|From|Since|During|Under|Over|With|Without|When|As|If|Of|Like|Unlike)\b"
)


_PRONOUN_SUBJECTS = frozenset({"one", "it", "this", "that", "he", "she", "they", "we", "another", "others"})
_NOUN_HEAD = re.compile(r"\s(?:that|who|which|whose|where)\s")


def _verb_first(text: str) -> bool:
    verb = text.split(None, 1)[0]
    if not verb.islower():
        return False
    if _AUX.match(verb) or _ADVERB.match(verb) or verb in _COMMON_PAST or verb in _IRREGULAR_VERBS:
        return True
    return verb.endswith("ed") or (len(verb) > 3 and verb.endswith("s") and not verb.endswith(("ss", "us", "is")))


def _object_relative(body: str) -> bool:
    """ "which ministers drafted …": a plural subject before the relative clause's own verb."""
    words = body.split(None, 2)
    if len(words) < 2 or not words[0].endswith("s") or _AUX.match(words[0]):
        return False
    second = words[1]
    return second.endswith("ed") or bool(_AUX.match(second)) or second in _COMMON_PAST or second in _IRREGULAR_VERBS


_ASIDE_OPENINGS = (
    "which ", "who ", "a ", "an ", "the ", "built ", "completed ", "opened ", "founded ", "established ",
    "launched ", "formed ", "created ", "designed ", "bought ", "acquired ", "published ", "issued ", "released ",
    "where ",
)  # fmt: skip


def _split_subject_aside(clause: str) -> list[str]:
    comma = clause.find(", ")
    if not 0 < comma < 82 or not clause.startswith(_ASIDE_OPENINGS, comma + 2):
        return [clause]  # the aside must follow the subject's first comma
    found = _SUBJECT_ASIDE.match(clause)
    if found is None:
        return [clause]
    subject, rest, body, noun = found["subject"], found["rest"], found["body"], found["noun"]
    lower = subject.lower()
    if len(subject.split()) > 8 or _FINITE.search(lower) or _OPENING_PREPOSITION.match(subject):
        return [clause]
    if lower in _PRONOUN_SUBJECTS or (noun and (_NUMBER.match(lower) or _FINITE.search(_NOUN_HEAD.split(noun)[0]))):
        return [clause]  # "One, a man in his 70s, …"; "Ten boxes of X, a drug …" (the drug is X); a clause
    # Both the rest and a relative clause open with their verb ("which Moscow drafted" has a subject of its own).
    if not _verb_first(rest) or (body and (not _verb_first(body) or _object_relative(body))):
        return [clause]
    if noun and (" of " in subject or not _NUMBER.search(noun.lower())):
        # "The youngest of the climbers, a boy of 12, …": which of them is meant is unclear; an apposition
        # without a figure is mostly a title or role ("Ana Ruiz, the party's leader, …"), not a claim.
        return [clause]
    where = found["where"]
    if where:
        # "The plant, where a leak in April left 27 people needing treatment, …": a clause of its own there.
        if _verb_first(where) or not _has_own_verb(where) or where.split()[0].lower() in _PRONOUN_SUBJECTS:
            return [clause]
        place = f"{lower.split()[0]} {subject.split(None, 1)[1]}" if lower.startswith(("the ", "its ")) else subject
        aside = f"{where} {'at' if place[:4] in ('the ', 'its ') else 'in'} {place}"
    elif body:
        aside = f"{subject} {body}"
    elif found["made"]:
        aside = f"{subject} was {found['made']}"
    else:
        aside = f"{subject} is {found['noun']}"
    if len(aside.split()) < 4:
        return [clause]
    return [f"{subject} {rest}", aside]


# A side fact after the clause: a superlative in apposition ("… began a 48-hour strike on Monday, the first walkout
# by nurses since 1988" -> "It was the first walkout by nurses since 1988") or "with" and a figure or plural noun
# doing something ("…, with journeys taking 40 minutes longer" -> "Journeys were taking 40 minutes longer").
_TRAILING_RECORD = re.compile(
    r",\s+(?P<noun>(?:the|its|their)\s+(?:first|last|largest|biggest|worst|best|highest|lowest|longest|deepest"
    r"|heaviest|fastest|oldest|only|most\s+[a-z]+|[a-z]{3,}est)\s+[^,;:“”\"()]{3,100})$"
)
_TRAILING_WITH = re.compile(
    r",\s+with\s+(?P<np>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?P<verb>(?:still\s+)?(?:[a-z]{3,}ing|due\s+to|[a-z]{3,}ed))\b"
    r"(?P<rest>[^,;:“”\"()]*)$"
)


# Nouns of a measured quantity: after a superlative they qualify a figure ("the smallest increase since 2021").
_MEASURE_WORD_LIST = (
    "increase increases rise rises fall falls drop decline level levels total pace rate figure number amount growth"
    " gain loss reading price sum share margin annual monthly quarterly yearly"
)
_MEASURE_WORDS = frozenset(_MEASURE_WORD_LIST.split())
_AFTER_SUPERLATIVE = frozenset({"since", "in", "on", "at", "of", "for", "ever", "this", "last", "yet"})
_REPORTED_BY = re.compile(r"\b(?:show|shows|showed|say|says|said|suggest|suggests|found|reveal|reveals)$")


_COORDINATED_FIGURES = re.compile(
    rf"(?P<a>(?:[A-Z]\w*\s+)?{_FIGURE}\s+(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*)\s+and\s+"
    rf"(?P<b>{_FIGURE}\s+(?:[a-z][\w’'-]*\s+){{0,2}}?[a-z][\w’'-]*)\s+"
    r"(?P<pred>(?:have|has|had|were|was|are|is|will)\s+(?:now\s+|also\s+)?(?:been\s+|be\s+)?[a-z]{3,}(?:ed|en)\b.*)"
)


# "… after" a clause with its own subject and past verb reports an earlier event of its own: "The mill has shut
# its doors after an audit found £2m missing" -> "The mill has shut its doors" + "An audit found £2m missing".
# The subject is a determiner and a few words, a name or a bare plural ("after tests showed …"); "after testing
# positive" and "after it …" (a pronoun whose referent would be lost) stay whole.
_AFTER_LEAD = re.compile(
    r",?\s+(?:(?:just|only|shortly|soon|hours|days|weeks|months|years|minutes|(?:a|an|one|two|three|four|five|six"
    r"|seven|eight|nine|ten)\s+(?:hour|day|week|month|year|minute)s?)\s+)?$"
)
_AFTER_CLAUSE = re.compile(
    r"after\s+"
    r"(?P<clause>(?P<subject>(?:(?:the|a|an|its|their|his|her)(?=\s+[\w’'&.-]+\s)|[A-Z][\w’'&.-]*"
    r"|(?:[a-z]{3,}(?<!ing)\s+)?[a-z]{3,}s)"
    rf"(?:\s+(?!that\b|which\b|who\b)[\w’'&.-]+){{0,7}}?)(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bits)(?<!\btheir)\s+(?P<verb>[a-z]{{3,}}ed|{_PAST_WORDS}|found|showed|shown|told|saw|rubber-stamped)\b"
    r"[^;:“”\"()]{3,})$"
)


# "after" or "following" an event told by a noun phrase and a relative clause: "It was the second failure this
# year, after an outage in June that lasted three hours" -> "… the second failure this year" + "An outage in June
# lasted three hours".
_AFTER_RELATIVE = re.compile(
    r"(?:after|following)\s+(?P<clause>(?P<subject>(?:an?|the|its|their)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+"
    rf"(?:that|which)\s+(?P<verb>(?:[a-z]{{3,}}ed|{_PAST_WORDS}|found|showed|saw)\b[^;:,“”\"()]{{3,}}))$"
)


def _split_after(part: str) -> list[str]:
    at = part.find(" after ")
    found = None
    while at >= 0 and found is None:
        found = _AFTER_CLAUSE.match(part, at + 1)
        at = part.find(" after ", at + 7)
    if found is None and (" after " in part or " following " in part):
        found = _AFTER_RELATIVE.search(part)
        if found is not None:
            head = part[: found.start()]
            head = head[: _AFTER_LEAD.search(head).start()]
            if len(head.split()) < 4 or not _has_own_verb(head) or _has_verb(found["subject"].lower()):
                return [part]
            return [head, f"{found['subject']} {found['verb']}"]
    if found is None:
        return [part]
    head, subject = part[: found.start()], found["subject"]
    head = head[: _AFTER_LEAD.search(head).start()]  # "…, two days after": the lead goes with "after"
    if len(head.split()) < 4 or not _has_verb(head.lower()) or _has_verb(subject.lower()):
        return [part]
    if subject.split()[0].lower() in _PRONOUN_SUBJECTS:
        return [part]
    return [head, found["clause"]]


# A participle of result after the clause, with an object of its own: "The bank will close 40 branches, cutting its
# network to 300" -> "The bank will close 40 branches" + "The bank is cutting its network to 300".
_RESULT = re.compile(
    r",\s+(?!(?:including|according|following|excluding|regarding|concerning|saying|adding|warning|noting|claiming"
    r"|arguing|calling|meaning|citing|urging|insisting|suggesting|describing|making|being|having|bringing)\b)"
    rf"(?P<verb>[a-z]{{3,}}ing)\s+(?P<rest>(?:{_DETERMINER}|up\s+to\b|more\s+than\b"
    rf"|(?!(?:{_FUNCTION_WORDS})\b)[a-z]{{3,}}\s+(?:for|of|to)\s+{_FIGURE})[^;:“”\"()]*)$"
)


_CLAUSE_WORD_LIST = (
    "after before when while since because show shows showed say says said found suggest suggests understands"
    " believes thinks that"
)
_CLAUSE_WORDS = frozenset(_CLAUSE_WORD_LIST.split())


def _split_result(part: str) -> list[str]:
    found = _RESULT.search(part)
    if found is None:
        return [part]
    head = part[: found.start()]
    subject = _own_subject(head)
    if not subject or len(head.split()) < 4 or subject.split()[0].lower() in _PRONOUN_SUBJECTS:
        return [part]
    words = subject.lower().split()
    if len(words) > 10 or not _CLAUSE_WORDS.isdisjoint(words) or not _CLAUSE_WORDS.isdisjoint(head.lower().split()):
        return [part]  # "Figures show the roll has halved, leaving …": whose result it is is unclear
    past = bool(_PAST.search(head[len(subject) :].lower()))
    noun = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    plural = noun.endswith("s") and not noun.endswith(("ss", "'s", "’s"))
    aux = ("were" if plural else "was") if past else ("are" if plural else "is")
    return [head, f"{subject} {aux} {found['verb']} {found['rest']}"]


def _split_though(part: str) -> list[str]:
    found = _SPLIT_THOUGH.split(part, maxsplit=1)
    if len(found) == 1 or not all(len(p.split()) >= 4 for p in found):
        return [part]
    return found if _has_verb(found[0].lower()) or _own_subject(found[0]) else [part]


# A relative clause closing the clause is an assertion about the noun phrase before it: "… froze the cap on rents,
# which has stood at £900 since 2019" -> "the cap on rents has stood at £900 since 2019". The noun phrase runs back
# to its determiner (or is a run of capitalised words), with no verb or comma inside.
_FINAL_RELATIVE = re.compile(r",\s+which\s+(?P<body>(?:[^,;:“”\"()]|(?<=\d),(?=\d)){6,160})$")
_BODY_NOT_ABOUT = re.compile(r"(?:is|was)\s+(?:why|what|how|when|where)\b|means\b|meant\b")
_NP_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this"})


_BARE_NOUN_PREPOSITIONS = frozenset({"during", "for", "of", "after", "before", "until"})


def _split_final_relative(part: str) -> list[str]:
    found = _FINAL_RELATIVE.search(part)
    if found is None:
        return [part]
    body, head = found["body"], part[: found.start()]
    if not _verb_first(body) or _object_relative(body):
        return [part]
    words = head.split()
    start = None
    for index in range(len(words) - 1, max(len(words) - 9, 0), -1):
        word = words[index]
        if word.endswith((",", ";", ":")) or (index < len(words) - 1 and _AUX.match(word)):
            break
        if word.lower() in _NP_DETERMINERS:
            start = index
            break
    if start is None:
        names = 0
        while names < min(len(words) - 1, 5) and words[-1 - names][:1].isupper():
            names += 1
        start = len(words) - names if names else None
    if start is None and len(words) > 3 and words[-2].lower() in _BARE_NOUN_PREPOSITIONS and words[-1].isalpha():
        start = len(words) - 1  # "… employed during construction, which is due to start in 2027": a bare noun
    if start is None or start < 2 or len(words[:start]) < 3 or not _has_verb(" ".join(words[:start]).lower()):
        return [part]
    noun = " ".join(words[start:])
    if noun.split()[0].lower() in _PRONOUN_SUBJECTS or len(f"{noun} {body}".split()) < 4:
        return [part]
    before = words[start - 1].lower()
    if before in ("and", "or") or _NUMBER.match(before) or _BODY_NOT_ABOUT.match(body):
        return [part]  # "one and a half kilometres, which …"; "…, which is why …" is about the whole clause
    if any(ch.isdigit() or ch in "[]()" for ch in noun) or _WHEN.search(noun.lower()):
        return [part]  # "the damage at up to 1.2bn, which …", "the valley on Friday night, which …": no noun phrase
    return [head, f"{noun} {body}"]


def _is_past(lower: str) -> bool:
    return bool(_PAST.search(lower)) or not _IRREGULAR_PAST.isdisjoint(lower.split())


def _split_trailing(part: str) -> list[str]:
    found = _TRAILING_RECORD.search(part) if ", the " in part or ", its " in part or ", their " in part else None
    if found is not None and (_FINITE.search(found["noun"]) or _REPORTED_BY.search(found["noun"])):
        found = None  # "…, the latest figures show": a frame, not an apposition
    if found is not None:
        words = found["noun"].lower().split()[2:4]
        if words[0] in _AFTER_SUPERLATIVE or not _MEASURE_WORDS.isdisjoint(words):
            found = None  # "rose 4%, the smallest increase since 2021": a figure's own qualifier stays with it
    head = part[: found.start()] if found else ""
    past = _is_past(head.lower())
    if found is not None and len(head.split()) >= 4 and _has_verb(head.lower()):
        return [head, f"It {'was' if past else 'is'} {found['noun']}"]
    found = _TRAILING_WITH.search(part) if ", with " in part else None
    if found is None:
        return [part]
    head, np = part[: found.start()], found["np"]
    lower = np.lower()
    first = np.split()[0].lower()
    definite = first in ("the", "its", "their")  # "with its market share sliding …": a thing of its own
    if len(head.split()) < 4 or not _has_verb(head.lower()):
        return [part]
    if not (_NUMBER.search(lower) or lower.endswith("s") or definite or found["verb"].endswith("due to")):
        return [part]
    allowed = {"the", "a", "an", "all", "some", "more", "many", "most", "its", "their"}
    if first in _FUNCTION_WORD_SET - allowed and not _NUMBER.match(np.split(None, 1)[-1]):
        return [part]  # "with about 300 homes damaged" opens with its figure
    past = _is_past(head.lower())
    plural = (lower.endswith("s") and not lower.endswith(("ss", "'s", "’s"))) or _NUMBER.search(lower)
    aux = ("were" if past else "are") if plural else ("was" if past else "is")
    return [head, f"{np} {aux} {found['verb']}{found['rest']}"]


# A part of a counted group after the clause: "Inspectors found 17 breaches, five of them serious" -> "Five of the
# 17 breaches were serious"; "Two firefighters were treated, one of whom was taken to hospital" -> "One of the two
# firefighters was taken to hospital". The group is the last figure and plural noun before it.
_COUNT_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|\d[\d,]*|most|many"
    r"|some|all|none|half|several|both|each)"
)
_QUANTIFIED = re.compile(
    rf",\s+(?P<q>{_COUNT_WORDS})\s+of\s+(?P<rel>them|whom|which)\s+(?P<rest>[^,;:“”\"()]{{2,120}})$", re.IGNORECASE
)
_COUNTED_GROUP = re.compile(
    r"(?<![\w.,])(?P<n>\d[\d,.]*(?:\s+(?:million|billion|thousand))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh"
    r"|nine)teen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|hundreds|thousands|dozens)\s+"
    r"(?P<noun>(?:[a-z][\w-]*\s+){0,2}?(?:[a-z][\w-]*[^s\W]s|people|children|men|women))\b",
    re.IGNORECASE,
)


_MEASURE_NOUN_LIST = (
    "years months weeks days hours minutes seconds pounds dollars euros points metres miles kilometres tonnes cents"
    " percent"
)
_MEASURE_NOUN_HEADS = frozenset(_MEASURE_NOUN_LIST.split())


def _split_quantified(part: str) -> list[str]:
    found = _QUANTIFIED.search(part)
    if found is None:
        return [part]
    head, q, rest = part[: found.start()], found["q"], found["rest"]
    groups = list(_COUNTED_GROUP.finditer(head))
    if not groups or len(head.split()) < 4 or not _has_verb(head.lower()):
        return [part]
    group = groups[-1]
    if group["noun"].split()[-1].lower() in _MEASURE_NOUN_HEADS:
        return [part]  # "47 per cent, most of them …", "three years, one of which …": no group of things counted
    first, them = rest.split()[0].lower(), found["rel"].lower() == "them"
    if _AUX.match(first) or (not them and (first.endswith("ed") or first in _COMMON_PAST or first in _IRREGULAR_VERBS)):
        body = rest  # "one of whom was taken to hospital"
    elif them and first not in _FUNCTION_WORD_SET and not _has_verb(rest.lower()):
        lower = head.lower()
        past = bool(_PAST.search(lower)) or not _IRREGULAR_PAST.isdisjoint(lower.split())
        single = q.lower() in ("one", "none", "each")
        # "five of them serious" -> "… were serious"
        body = f"{('was' if past else 'is') if single else ('were' if past else 'are')} {rest}"
    else:
        return [part]
    count = group["n"] if group["n"][0].isdigit() else group["n"].lower()
    return [head, f"{q} of the {count} {group['noun']} {body}"]


# ", when" after a date of the clause ("on", "until", "in" … before it; not "the position of 1997, when …") before a
# clause of its own: that clause's event on that date. "The club has until 9 October,
# when a judge will hear the petition" -> "… has until 9 October" + "On 9 October, a judge will hear the petition".
_DATED_WHEN = re.compile(
    r"\b(?:on|until|till|by|from|in|since|to|before|after)\s+"
    rf"(?P<date>\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:{'|'.join(WEEKDAYS)})|(?:(?:{_MONTH})\s+)?(?:1[89]|20)\d\d),\s+when\s+"
    r"(?P<clause>(?:the|a|an|its|their|[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,6}?\s+"
    rf"(?:{_AUX_WORDS}|[a-z]{{3,}}ed|{_PAST_WORDS})\b[^,;:“”\"()]{{3,}}?)[.!]?$",
    re.IGNORECASE,
)


def _split_dated_when(part: str) -> list[str]:
    found = _DATED_WHEN.search(part)
    if found is None:
        return [part]
    head, date = part[: found.end("date")], found["date"]
    opening = found["clause"].split(None, 1)[0].lower()
    if len(head.split()) < 4 or not _has_own_verb(head) or _has_verb(opening) or opening in _PRONOUN_SUBJECTS:
        return [part]  # "…, when he was suspended": whose event it is would be lost
    day = any(ch.isdigit() for ch in date) and not re.fullmatch(r"(?:\w+\s+)?\d{4}", date)
    preposition = "On" if day or date in WEEKDAYS else "In"
    return [head, f"{preposition} {date}, {found['clause']}"]


def _split_aside_coordinated(part: str) -> list[str]:
    """_split_subject_aside, the aside split at its own coordination: "Fairbrook, which operates 412 stores and
    employs 38,000 people, …" -> "… operates 412 stores" + "… employs 38,000 people"."""
    pieces = _split_subject_aside(part)
    if len(pieces) == 2 and " and " in pieces[1]:
        return [pieces[0], *_split_coordination(pieces[1])]
    return pieces


def split_assertions(clause: str) -> list[str]:
    """One clause may bundle several assertions: 'A are not X, but are Y' -> 'A are not X', 'A are Y'."""
    parts = _split_coordination(clause)
    if len(parts) == 1 and _and_then(clause, _FIGURE_AT):
        found = _COORDINATED_FIGURES.match(clause)
        if found is not None:
            parts = [f"{found['a']} {found['pred']}", f"{found['b']} {found['pred']}"]
    if ", " in clause:
        parts = [piece for part in parts for piece in _split_aside_coordinated(part)]
        parts = [piece for part in parts for piece in _split_trailing(part)]
    if " after " in clause or " following " in clause:
        parts = [piece for part in parts for piece in _split_after(part)]
    if "ing " in clause and ", " in clause:
        parts = [piece for part in parts for piece in _split_result(part)]
    if ", when " in clause:
        parts = [piece for part in parts for piece in _split_dated_when(part)]
    if " of them " in clause or " of whom " in clause or " of which " in clause:
        parts = [piece for part in parts for piece in _split_quantified(part)]
    if ", which " in clause:
        parts = [piece for part in parts for piece in _split_final_relative(part)]
    if "though " in clause:
        parts = [piece for part in parts for piece in _split_though(part)]
    return parts


def _split_coordination(clause: str) -> list[str]:
    # Both split patterns need their conjunction (or a semicolon, or "and that"): test for it before splitting.
    candidates = _SPLIT_BUT.split(clause) if "but" in clause or ";" in clause or "and that" in clause else [clause]
    parts = [p for p in candidates if p.strip()]
    result: list[str] = []
    for part in parts:
        pieces = [p for p in _SPLIT_AND.split(part) if p.strip()] if "and" in part else [part]
        # Only split "A and B was ..." when A is itself a clause with a verb of its own, and never the last item of
        # a list ("… at Ashcombe Royal, St Hilda's and Vale Community are …").
        if len(pieces) > 1 and (not all(_own_verb(p) for p in pieces) or _ends_list(part)):
            pieces = [part]
        result.extend(pieces)
    if " and " in clause or ", " in clause:
        result = [piece for part in result for piece in _split_elided(part)]
        if "%" in clause or "cent" in clause:
            result = [piece for part in result for piece in _split_gapped(part)]
    first = result[0]
    if " and " in clause or ", wh" in clause or ", but " in clause or (", " in clause and _SPLICE_AT.search(clause)):
        result = [piece for part in result for piece in _split_predicates(part)]
    if len(result) == 1:
        return result
    subject = _subject(first)
    out = []
    for part in result:
        part = part.strip()
        if _AUX.match(part) and subject:
            part = f"{subject} {part}"
        if len(part.split()) < 4:
            return [clause]
        out.append(part)
    return out


class _Whole:
    """What scoring needs from the whole sentence, computed once (and only if asked) for all its assertions.

    `words` are its lower-cased words as attribution found them (sentence_words), shared rather than found again:
    the gates of the whole-sentence cues (hope, boilerplate, critics) test them. Every word of those cues stands
    between word boundaries, so a match always leaves its words there."""

    def __init__(self, sentence: str, words: set[str]) -> None:
        self.lower = sentence.lower()
        self.words = words
        self._letter_runs: frozenset[str] | None = None
        self._cue_words: frozenset[str] | None = None

    def cue_words(self) -> frozenset[str]:
        """Its words that are in some cue gate (_CUE_WORDS): with an assertion's, what the whole-sentence gates test."""
        if self._cue_words is None:
            self._cue_words = _CUE_WORDS.intersection(self.words)
        return self._cue_words

    def letter_runs(self) -> frozenset[str]:
        """Every run of letters, inside longer words too ("2nd" gives "nd"): whether it speaks to the reader."""
        if self._letter_runs is None:
            self._letter_runs = frozenset(_WORDS.findall(self.lower))
        return self._letter_runs


def _whole(sentence: str, words: set[str] | None = None) -> _Whole:
    return _Whole(sentence, sentence_words(sentence) if words is None else words)


def score_assertion(
    text: str, *, sentence: str, attributed: bool, headline: bool, whole_sentence: str
) -> tuple[float, list[str], str]:
    """Check-worthiness 0..1, the reasons, and the claim type of one assertion."""
    scored = _score(text, sentence, attributed, headline, _whole(whole_sentence), None)
    assert scored is not None  # without a threshold every assertion is scored
    return scored[:3]


_MODEL = HAND  # the weights every assertion is scored with (claims/extraction/scoring.py)


@contextmanager
def scoring_model(model: ScoringModel) -> Iterator[None]:
    """Score with other weights inside the block (measuring, training): not thread-safe, never used in serving."""
    global _MODEL
    saved, _MODEL = _MODEL, model
    try:
        yield
    finally:
        _MODEL = saved


def _score(
    original: str, part: str, attributed: bool, headline: bool, whole: _Whole, threshold: float | None
) -> tuple[float, list[str], str, list[str]] | None:
    """score_assertion and the cues its score is the weighted sum of; with a threshold, None as soon as the
    assertion cannot reach it.

    Every penalty only lowers the score, so once the positive cues leave it below the threshold the costly
    penalty patterns are not searched at all; reasons are assembled in their fixed order at the end.
    """
    model = _MODEL
    w = model.weights
    score = model.bias
    cues: list[str] = []
    text = original.lower()
    has_digit = _DIGIT.search(text) is not None
    bag = set(_WORDS.findall(text))
    if has_digit and (not bag.isdisjoint(_WHEN_WORDS) or _FOUR_DIGITS.search(text)):
        undated, dates = _DATE.subn(" ", text)
    else:
        undated, dates = text, 0  # every date pattern needs a month name or four digits
    # Without a date taken out, the undated text has the digits of the text.
    number = (bool(_DIGIT.search(undated)) if dates else has_digit) or (
        not bag.isdisjoint(_NUMBER_WORDS) and bool(_NUMBER.search(undated))
    )
    dated = bool(dates or (_may_be_when(bag, text) and _WHEN.search(text)))
    # The cue gates test only their own words: the bag's words that are in some gate answer every gate test as the
    # whole bag does, and a handful of words is tested much faster than the whole bag.
    cues_bag = bag & _CUE_WORDS
    searched = _gated_cues(text, cues_bag)
    words = original.split()
    # An assertion without a capital after its first character (about half of them) names no actor and holds no
    # capitalised "-ed" name (_PROPER_ED): neither is looked for.
    capitals = not original[1:].islower()
    named = capitals and any(w[:1].isupper() and w.strip("“”\"'’") not in {"I"} for w in words[1:])
    # A predicate in the speaker's own words ('the government had "gambled with people's lives"', 'the city had
    # "run out of patience"') characterises; without a figure or date it is no statement of fact, and its auxiliary
    # outside the quotation is no past event.
    quoted = _QUOTED_PREDICATE.search(text) if not number and not dated and ('"' in text or "“" in text) else None
    if quoted and quoted.group()[:2] == "ha" and _NEG_ABSOLUTE.search(text, quoted.end(), quoted.end() + 20):
        # 'the airline had "never compromised on safety"', 'he had "done nothing wrong"': a denial of an act in
        # the speaker's words is checked against the record like a reported one.
        quoted = None
    if quoted:
        close = min((i for i in (text.find('"', quoted.end()), text.find("”", quoted.end())) if i >= 0), default=-1)
        outside = text[: quoted.start()] + " " + (text[close + 1 :] if close >= 0 else "")
        past = _past(outside, set(_WORDS.findall(outside)))
    else:
        past = _past(text, bag)
        if past and capitals and _PROPER_ED.search(original):
            # "the United Provinces", "Red Cross-trained": a capitalised "-ed" word inside a sentence is a name.
            unnamed = _PROPER_ED.sub(" ", original).lower()
            past = _past(unnamed, set(_WORDS.findall(unnamed)))
    positive: list[str] = []
    if number:
        positive.append("number")
    if named:
        positive.append("named actors")
    if past:
        positive.append("past event")
    if dated:
        positive.append("dated")
        if past and _event(text, bag):
            # "The last inspection was carried out in 2021": a past event with its date is checked in the record.
            positive.append("dated event")
    cues.extend(positive)
    absolute = searched.get("absolute")
    maxim = _MAXIM.match(text) if absolute and absolute.start() == 0 else None
    if maxim:
        absolute = None  # "Nobody wins a long strike": what is always so is rhetoric, no fact to check
    if absolute:
        cues.append("negated absolute")
        positive.append(f"negated absolute: '{absolute.group()}'")
    # A rebuttal ("That is simply not true.") says another claim is false: it can be checked with that claim.
    denial = _DENIAL.search(text) if not bag.isdisjoint(_DENIAL_WORDS) else None
    denial = denial or (_DENIES.search(text) if not bag.isdisjoint(_DENIES_WORDS) else None)
    if denial:
        cues.append("denial")
        positive.append(f"denial: '{denial.group()}'")
    record = _record(text) if not bag.isdisjoint(_RECORD_SCOPES) and not bag.isdisjoint(_RECORD_WORDS) else ""
    if record:
        cues.append("record")
        positive.append(f"record: '{record}'")
    causal = searched.get("causal")
    comparison = searched.get("comparison")
    legal = searched.get("legal")
    classified = searched.get("classified")
    investigation = searched.get("investigation")
    outcome = searched.get("outcome")
    for name, found in (
        ("causal", causal),
        ("comparison", comparison),
        ("legal", legal),
        ("classification", classified),
        ("investigation", investigation),
        ("outcome", outcome),
    ):
        if found:
            cues.append(name)
            positive.append(f"{name}: '{found.group()}'")
    assessment = searched.get("assessment")
    if assessment:
        cues.append("safety assessment")
        positive.append(f"safety assessment: '{assessment.group().strip(chr(34) + '“ ')}'")
    # A measure needs the word of its time span ("until", "within", "for at least", "at first light", "this week" …).
    measure = _cue(_MEASURE, text, cues_bag) if not bag.isdisjoint(_MEASURE_SPANS) else None
    measure = measure or searched.get("still open") or searched.get("taken")
    if measure:
        cues.append("announced measure")
        kind = "still open" if measure.re is _STILL_OPEN else "announced measure"
        positive.append(f"{kind}: '{measure.group()}'")
    hazard = searched.get("hazard")
    if hazard:
        cues.append("hazard")
        positive.append(f"hazard: '{hazard.group()}'")
    status = _earlier(searched.get("status"), searched.get("status more"))
    if status:
        cues.append("current status")
        positive.append(f"current status: '{status.group()}'")
    apology = searched.get("apology")
    if apology:
        cues.append("apology")
        positive.append(f"apology: '{apology.group()}'")
    decision = _cue(_DECISION, text, cues_bag) if _may_decide(bag) else None
    if decision and (
        _SPECULATIVE.search(text)
        or _UNDECIDED.search(text, 0, decision.start())
        or "unless" in bag
        or not _AIM_NOUNS.isdisjoint(_words_before(text, decision.start()))
    ):
        # "could close", "would be cut if …", "will stop unless …": a forecast; "declined to say whether it would
        # close"; "the aim is to provide …" says what is wanted
        decision = None
    if decision:
        cues.append("announced decision")
        positive.append(f"announced decision: '{decision.group()}'")
    if attributed and positive and not quoted:
        cues.append("attributed statement of fact")
        positive.insert(0, "attributed statement of fact")
    # Advice alone is no statement of fact: it earns no attribution bonus.
    advice = _cue(_ADVICE, text, cues_bag) if "should" in bag or "must" in bag else None
    advice = advice or searched.get("advised")
    if advice:
        cues.append("official advice")
        positive.append(f"official advice: '{advice.group()}'")
    for cue in cues:
        score += w[cue]
    if threshold is not None and model.final(score + model.headroom) < threshold:
        return None
    # Penalties, cheapest first; each is searched only while the assertion can still reach the threshold.
    # A forecast with a figure ("would benefit 1.8 million") can be checked: a smaller prediction penalty.
    checkable = number or dated or measure or decision
    late: list[str] = []
    if headline:
        score += w["headline"]
        cues.append("headline")
        late.append("headline")
    # Four words with a figure, a date, a status, an outcome or a denial ("Unemployment rose to 3.9%", "He resigned in
    # April", "Replacement buses are running", "Two climbers have died", "Moscow denies targeting civilians"), three
    # with an outcome nobody suffered ("Nobody was hurt") make a checkable claim; four without do not.
    shortest = (
        3 if absolute and outcome else 4 if number or dated or status or outcome or denial or (absolute and past) else 5
    )
    if len(words) < shortest and not (
        attributed and (past or number or absolute or denial) and _reported_in_full(part, whole)
    ):
        score += w["too short"]
        cues.append("too short")
        late.append("too short")
    elif bag.isdisjoint(_IRREGULAR_VERBS) and not _VERBISH.search(text):
        score += w["no verb"]
        cues.append("no verb")
        late.append("no verb")
    found: dict[str, re.Match[str] | None] = {}
    vague = None
    forecast = ""
    # Rounding moves a score by at most 0.0005, so this early test never drops what _final would keep.
    floor = model.floor(threshold)
    for name in _PENALTY_ORDER:
        if score < floor:
            return None
        if name == "vague":
            # "It would ballot members", "It is offering refunds": what "it" decided or provides is no vague subject.
            vague = None if record or denial or decision or status else _VAGUE.search(text)
            if vague and attributed and text[:3] == "it " and _reported_in_full(part, whole):
                vague = None  # "The agency said it was monitoring the area": the reported "it" is the speaker
            if vague and not number and not named:
                score += w["vague"]
                cues.append("vague")
            continue
        if name == "question":
            match = _QUESTION.search(part.lower()) or _QUESTION.search(whole.lower)
            if not match and "?" in whole.lower:
                match = _ASKED.search(whole.lower)  # '"Why did it take four years?" she asked.'
            if not match and not bag.isdisjoint(_ASK_WORDS):
                match = _INDIRECT_QUESTION.search(text)  # "Investors are asking how …"
        elif name == "hope":
            match = _cue(_HOPE, whole.lower, cues_bag | whole.cue_words())
        elif name == "boilerplate":
            match = _cue(_BOILERPLATE, whole.lower, cues_bag | whole.cue_words())
            if match and match.group() in _READER_PROMPTS and not _addresses_reader(whole):
                match = None  # "children could sign up without …" reports, it does not prompt
        elif name == "rhetoric":
            match = maxim or _cue(_RHETORIC, original, cues_bag)
            if (
                match
                and match.group() in _FIRST_PERSON
                and (
                    number
                    or dated
                    or absolute
                    or apology
                    or (attributed and decision)
                    or (past and _own_action(text))
                    or _OWN_ONGOING.match(text)
                )
            ):
                # A speaker's own record ("We have put £600 million into social care", "I have never taken
                # anything") is checkable; only the other cues of rhetoric count against it.
                match = _IMPERSONAL_RHETORIC.search(original)
        elif name == "opinion":
            match = _cue(_OPINION, text, cues_bag)
            while match and advice and match.group() in ("should", "must"):
                match = _OPINION.search(text, match.end())  # the advice's "should", not an opinion
            if (
                match
                and match.group() == "must"
                and ((legal and _UNDER_RULE.search(text)) or _DEADLINE.search(text, match.end()))
            ):
                # A rule ("Under the constitution, the parliament must sit …") or an order with a deadline ("every
                # C-220 must be inspected before its next flight", "must file a report within 14 days").
                match = None
            if match and record and match.group() in record.split() and not record.endswith("ever"):
                # The superlative of a record over a period ("the worst mining disaster since 2008", "the worst on
                # record") measures; "the worst decision ever" still judges.
                match = _OPINION.search(text, match.end())
            match = match or _cue(_FEELING, text, cues_bag)
            if match and apology and match.group() == "sorry":
                match = _FEELING.search(text, match.end())  # the apology's "sorry", not a feeling
            if not match and "critics" in whole.words:
                match = _CRITICS.search(whole.lower)
        else:
            if "may" in bag and "May" in original[1:]:
                text = text[:1] + _MAY.sub("m_y", original[1:]).lower()
            match = _cue(_PREDICTION, text, cues_bag)
            while match and (
                (match.group()[-2:] in _LIKELIHOOD_ENDS and _PAST_LIKELIHOOD.match(text, match.end()))
                or (match.group() == "could" and _COULD_NOT.match(text, match.end()))
                or (
                    match.group() == "could"
                    and "past event" in positive
                    and ("before" in bag or "until" in bag)
                    and _TIME_CLAUSE.search(text, max(0, match.start() - 40), match.start())
                )
                or (match.group() == "will" and _HABITUAL.match(text, match.end()))
            ):
                # "Ice was likely to have been a factor", "data may have been accessed": a likelihood of what
                # has happened is an assessment of the past, no forecast; nor is "could not" of what someone was
                # unable to do ("customers could not make calls during the outage"), nor "could" in a past time
                # clause ("nine died before our teams could reach them"), nor a habit's "will often" ("a pod will
                # often follow one sick animal").
                match = _PREDICTION.search(text, match.end())
            match = match or _cue(_EXPECTATION, text, cues_bag)
        found[name] = match
        if not match:
            continue
        if name == "prediction":
            forecast = "light" if measure or decision else _forecast(text, match, number, dated)
            if decision and not measure:
                # An announced decision or commitment ("the company will offer refunds to every customer") is
                # checked when it falls due, or broken: no forecast to weigh against it.
                continue
            cue = "checkable forecast" if (forecast == "light" and checkable) or forecast == "aside" else "prediction"
            score += w[cue]
            cues.append(cue)
            if forecast == "speculative" and "past event" in positive:
                # What a forecast describes has not happened: its "-ed" words are adjectives ("could fall on
                # already saturated ground", "the rules, if passed, could cost …").
                score -= w["past event"]
                cues.remove("past event")
                positive.remove("past event")
            if "dated event" in positive:
                # "Even if warming stopped today, glaciers studied since 1950 would keep shrinking": what a
                # forecast's clause dates is no event on the record.
                score -= w["dated event"]
                cues.remove("dated event")
                positive.remove("dated event")
            continue
        score += w[name]
        cues.append(name)
    # An attributed opinion, hope or forecast is not an attributed statement of fact: no bonus for it. A
    # forecast with a figure or a date ("due to be held in early 2022") can be checked and keeps it.
    unfactual = found["opinion"] or found["hope"] or found["rhetoric"] or forecast in ("vague", "speculative")
    if "attributed statement of fact" in positive and unfactual:
        score -= w["attributed statement of fact"]
        cues.remove("attributed statement of fact")
        positive.remove("attributed statement of fact")
    final = model.final(score)
    if threshold is not None and final < threshold:
        return None
    reasons = positive
    if vague and not number and not named:
        reasons.append(f"vague: '{vague.group().strip()}'")
    for name in _PENALTY_REASONS:
        match = found[name]
        if match:
            reasons.append(f"{name}: '{match.group().strip()}'" if match.group().strip() else name)
    reasons.extend(late)
    if found["prediction"]:
        claim_type = "prediction"
    elif number:
        claim_type = "statistic"
    elif comparison:
        claim_type = "comparison"
    elif causal:
        claim_type = "causal"
    elif legal:
        claim_type = "legal"
    elif attributed:
        claim_type = "attributed"
    elif past and (dated or named):
        claim_type = "event"
    else:
        claim_type = "other"
    return final, reasons, claim_type, cues


# What follows a likelihood ("likely", "is likely to", "may", "might") when it is of the past: a perfect infinitive.
_PAST_LIKELIHOOD = _rx(rf"(?:\s+to)?\s+have\s+(?:been|had|[a-z]{{3,}}ed|{_PARTICIPLE})\b")
_LIKELIHOOD_ENDS = frozenset(["ly", "to", "ay", "ht"])
# "could" as the past of "cannot": "could not" or "couldn't" before a verb other than "be" or "have".
_COULD_NOT = _rx(r"(?:\s+not|n['’]t)\s+(?!be\b|have\b)[a-z]")
# A past time clause's subject before its "could": "before our teams could reach them", "until anyone could".
_TIME_CLAUSE = _rx(r"\b(?:before|until)\s+(?:[a-z'’]+\s+){1,3}$")
# A habit's adverb after "will": "will often", "will usually".
_HABITUAL = _rx(r"\s+(?:often|usually|typically|generally|normally|sometimes)\b")

_QUOTE_MARKS = frozenset('"“”«»')


def _reported_in_full(part: str, whole: _Whole) -> bool:
    """Whether a clause reports speech in the outlet's words, its frame in the sentence: "Seventeen others were
    hurt, the inspector said", "The company said both had been addressed". A short clause of one is a whole
    statement of fact; a short quotation ('"I got lucky," he said') or a turn of a transcript is not."""
    return len(whole.words) >= 6 and whole.lower[:1] not in _QUOTE_MARKS and _QUOTE_MARKS.isdisjoint(part)


# A guarantee: a negated absolute subject of a passive future ("nobody will be forced out", "no school would be
# closed"). Regular and listed participles only: "made", "left" are past tenses in _PAST, not participles here.
_GUARANTEE = _rx(
    rf"(?:no\s+[\w-]+|nobody|no one)\s+(?:will|would|shall)\s+(?:not\s+)?be\s+(?:[a-z]+ed|{_PARTICIPLE})\b"
)


# Words opening a subordinate clause (not "that": "promised that all students will …" reports the promise).
_SUBORDINATE = _rx(r"\b(?:which|who|whether|so that|after|while|when|until|before|once)\b")


def _forecast(text: str, cue: re.Match[str], number: bool, dated: bool) -> str:
    """How a forecast cue weighs: "light" (a figure or date to check), "aside" (only in a clause of a past fact),
    "speculative" or "vague" (neither).

    A figure or date keeps a forecast checkable ("will cut 1,200 jobs", "will run until 1 May 2029"), unless it
    is itself what is predicted (_SPECULATIVE: "could cost up to £150 million", "would add 0.2 points", "is
    expected to sign on Monday").
    A forecast only in a trailing clause of a reported past fact ("… voted to close two libraries, a decision she
    has promised to fight") leaves the fact checkable."""
    if _GUARANTEE.match(text):
        return "light"  # "No docker will be made compulsorily redundant": a guarantee is checked when it is broken
    openings = list(_SUBORDINATE.finditer(text, 0, cue.start()))
    aside = openings[-1] if openings else None  # the last subordinate clause opening before the forecast
    if aside is not None and _past(text[: aside.start()], set(_WORDS.findall(text[: aside.start()]))):
        # "… declared a critical incident after staff found the system could delete records", "… checked whether more
        # of the slope could give way": the forecast is inside a clause of a reported past fact.
        return "aside"
    if not number and not dated:
        return "vague"
    head = text.find(", ")
    if 0 <= head < cue.start() and _past(text[:head], set(_WORDS.findall(text[:head]))):
        return "light"
    if _SPECULATIVE.search(text):
        return "speculative"
    return "light"


_PENALTY_REASONS = ("question", "opinion", "hope", "prediction", "rhetoric", "boilerplate")
# Search order: cheap anchored patterns and rare cues first, the frequent ones last.
_PENALTY_ORDER = ("question", "vague", "boilerplate", "hope", "opinion", "prediction", "rhetoric")
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[a-z]+")


# Words that must be present for a cue pattern to match at all: set tests are far cheaper than the regex.
# A gate is (single words, groups of words): the pattern can match only if one single word or every word
# of one group is in the assertion's bag of words. Each gate is implied by any match of its pattern.
def _gate(singles: str, *groups: str) -> tuple[frozenset[str], frozenset[str], tuple[frozenset[str], ...]]:
    """(words any of which must be present, the single words, the groups of words)."""
    single = frozenset(singles.split())
    sets = tuple(frozenset(group.split()) for group in groups)
    # One word per group joins the first, cheapest test: its longest word that is not a stop word.
    keys = single | {max(group.split(), key=lambda word: (word not in STOPWORDS, len(word))) for group in groups}
    return keys, single, sets


_OPINION_VERBS = ("think", "believe", "feel", "consider", "regret", "convinced")
_GATES = {
    _NEG_ABSOLUTE: _gate("no never none nobody nothing", "not single", "not one"),
    _CAUSAL: _gate(
        "because caused causes cause triggered blame blames blamed blaming",
        "due to",
        "as a result",
        "led to",
        "leads to",
        "lead to",
        "resulted in",
        "results in",
        "owing to",
        "thanks to",
        "linked to",
        "responsible for",
        "blamed for",
        "so that",
    ),
    _COMPARISON: _gate(
        "than highest lowest largest biggest smallest fastest record doubled tripled halved rose fell increased "
        "decreased declined dropped surged jumped grew plunged soared compared"
    ),
    _LEGAL: _gate(
        "law laws illegal unlawful legally treaty treaties court ruling ruled banned ban bans sentenced charged barred "
        "convicted regulation regulations legislation bill oblige obliges binding legal statute decree act "
        "constitution constitutional violated violates violate violation violations violating prohibit "
        "prohibited prohibits prohibition entitled entitlement judge sheriff jury tribunal magistrates coroner",
        "under rules",
    ),
    _ASSESSMENT: _gate("risk danger threat chance likelihood probability safe unsafe fine", "not aware any"),
    _INVESTIGATION: _gate("investigating investigation inquiry probe"),
    _OUTCOME: _gate(
        " ".join(verb for verb in re.sub(r"\[sz\]", "s", _OUTCOME_VERBS).split("|") if " " not in verb)
        + " hospitalized",
        "taken hospital",
    ),
    _HAZARD: _gate(
        " ".join(_HAZARD_ADJECTIVES.split("|"))
        + " increases reduces raises lowers changes damages weakens absorbs soaks"
        + " vomiting diarrhoea diarrhea nausea dizziness breathlessness cramps fever cough coughs",
        "can",
        "person to",
        "symptoms include",
        "signs include",
    ),
    _MEASURE: _gate("will would shall"),
    _DECISION: _gate("will would shall", "is to", "are to"),
    _STATUS: _gate(
        "open closed shut valid suspended place force operating unaffected offering providing refunding "
        "supplying running cooperating co offered provided paid refunded supplied given opens closes shuts meet "
        "meets starts begins ends resumes reopens due yet condition hospital hasn haven didn",
        "has not",
        "have not",
        "did not",
    ),
    _STATUS_MORE: _gate(
        "site scene custody missing unaccounted underway move moves switch switches part affected covered involved "
        "asking searching monitoring treating testing reviewing assessing examining inspecting keeping contacting "
        "questioning interviewing pumping clearing repairing removing evacuating seeking tracing checking",
        "back service",
        "back operation",
        "working again",
        "working normally",
        "running again",
        "running normally",
        "operating normally",
        "under way",
        "calling for",
        "looking into",
        "go out",
        "goes out",
        "go live",
        "goes live",
        "go up",
        "goes up",
        "take effect",
        "takes effect",
        "into force",
    ),
    _STILL_OPEN: _gate("still"),
    _TAKEN: _gate("introduced imposed tightened strengthened lifted relaxed eased extended put brought"),
    _ADVICE: _gate(_ADVICE_GROUPS),
    _ADVISED: _gate("told advised asked ordered instructed warned"),
    _APOLOGY: _gate("apologise apologises apologised apologize apologizes apologized apologising apologizing sorry"),
    _CLASSIFIED: _gate("classed classified listed designated categorised categorized registered rated"),
    _OPINION: _gate(
        "should must irresponsible shameful absurd outrageous disgraceful ridiculous terrible wonderful "
        "fantastic brilliant awful unacceptable disastrous excellent amazing beautiful ugly stupid insane crazy "
        "lies lying best worst hypocrisy hypocritical hypocrite hypocrites disgrace scandal scandalous shocking "
        "appalling humiliating shameless betrayal gimmick fantasy nonsense tragedy tragic heartbreaking cruel "
        "cruelty victory landmark historic proud unfair incredibly clearly obviously frankly absolutely utterly "
        "probably possibly perhaps presumably arguably",
        "far too",
        *(f"too {word}" for word in ("long", "slowly", "little", "late", "much", "many")),
        *(f"{who} {verb}" for who in ("i", "we") for verb in _OPINION_VERBS),
        *(f"in {whose} {what}" for whose in ("my", "our") for what in ("view", "opinion")),
        "ought to",
        "my life",
        "my career",
        "need to",
        "needs to",
    ),
    _FEELING: _gate(
        "critics deserve deserves deserved criminal "
        + " ".join(VERDICT_NOUNS + PRAISE_WORDS)
        + " "
        + " ".join(w for w in EMOTION_WORDS + EMOTIVE_REPORTING_VERBS + TRIBUTE_VERBS if " " not in w),
        *(word for word in EMOTIVE_REPORTING_VERBS if " " in word),
    ),
    _HOPE: _gate(
        "hope hopes hoped hopeful hoping wish wishes wished pray urge urges urged urging",
        "look forward",
        "looks forward",
        "expressed hope",
        *(f"{verb} for" for verb in ("appeal", "appeals", "appealed", "appealing")),
    ),
    _PREDICTION: _gate(
        "will would shall may might could forecast forecasts predict predicts projected unlikely likely soon",
        "going to",
        *(f"{verb} {word} to" for verb in ("is", "are") for word in ("expected", "set", "due", "poised")),
        "plan to",
        "plans to",
        "intend to",
        "intends to",
        "in the future",
        "next year",
        "next week",
        "next month",
    ),
    _EXPECTATION: _gate("expected expect expects expecting if promised pledged vowed vows threatened threatens"),
    _RHETORIC: _gate("let lets we our i us me you", "of course", "everything depends", "how can"),
    _BOILERPLATE: _gate(
        "subscribe click newsletter cookie cookies comment reached respond reply return enquiries inquiries contact "
        "editors published weekday options call ring phone uk com org facts comments article edition announcement "
        "summary newsletter story piece release bulletin briefing notice correction corrections clarification "
        "clarifications substitute errors revision response apologies channel transcript translation meeting "
        "unconfirmed error mistake journalism present attendance",
        "stay tuned",
        "sign up",
        "all rights reserved",
        "follow us",
        "breaking news",
        "latest news",
        "read more",
        "download our app",
        "download the app",
        "terms of use",
        "privacy policy",
        "about us",
    ),
}


_NUMBER_WORDS = {
    "percent",
    "per",
    "million",
    "billion",
    "trillion",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "half",
    "twice",
    "double",
    "triple",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
}


# A compiled pattern hashes its whole compiled code on every dict lookup (microseconds for the long cue patterns):
# gates are looked up by the pattern's identity instead.
_GATE_OF = {id(pattern): gate for pattern, gate in _GATES.items()}
# Every word of every gate: an assertion's bag of words cut down to these answers every gate test (_score).
_CUE_WORDS = frozenset().union(*(keys | frozenset().union(*groups) for keys, _, groups in _GATES.values()))
# The positive cues searched whenever their gate lets them (the others have further conditions: _score).
_GATED_CUES = {
    "absolute": _NEG_ABSOLUTE,
    "causal": _CAUSAL,
    "comparison": _COMPARISON,
    "legal": _LEGAL,
    "classified": _CLASSIFIED,
    "investigation": _INVESTIGATION,
    "outcome": _OUTCOME,
    "hazard": _HAZARD,
    "assessment": _ASSESSMENT,
    "still open": _STILL_OPEN,
    "taken": _TAKEN,
    "status": _STATUS,
    "status more": _STATUS_MORE,
    "apology": _APOLOGY,
    "advised": _ADVISED,
}
# Each gate word, with the cues whose gate has it among its keys: most assertions have a key of one or two cues.
_CUES_OF_KEY: dict[str, list[str]] = {}
for _name, _pattern in _GATED_CUES.items():
    for _key in _GATE_OF[id(_pattern)][0]:
        _CUES_OF_KEY.setdefault(_key, []).append(_name)


def _gated_cues(text: str, bag: set[str]) -> dict[str, re.Match[str] | None]:
    """The match (or None) of each of _GATED_CUES whose gate the bag passes; the others are absent. One pass over
    the assertion's few gate words, instead of a gate test per cue."""
    found: dict[str, re.Match[str] | None] = {}
    for word in bag:
        for name in _CUES_OF_KEY.get(word, ()):
            if name not in found:
                found[name] = _cue(_GATED_CUES[name], text, bag)
    return found


def _earlier(first: re.Match[str] | None, second: re.Match[str] | None) -> re.Match[str] | None:
    """The match that starts first (the first one on a tie), as one pattern holding both alternatives would find."""
    if first is None or (second is not None and second.start() < first.start()):
        return second
    return first


def _cue(pattern: re.Pattern[str], text: str, bag: set[str]) -> re.Match[str] | None:
    if pattern is _RHETORIC and "!" in text:
        return pattern.search(text)
    keys, singles, groups = _GATE_OF[id(pattern)]
    if bag.isdisjoint(keys) or (bag.isdisjoint(singles) and not any(group <= bag for group in groups)):
        return None
    return pattern.search(text)


_WHEN_WORDS = frozenset(MONTHS)
_FOUR_DIGITS = re.compile(r"\d{4}")


_DAY_WORDS = (*WEEKDAYS, "yesterday")


def _may_be_when(bag: set[str], text: str) -> bool:
    # A month is a word of the bag; "last week/month/year" contains "last". Weekdays and "yesterday" all contain
    # "day": only a text with "day" is tested for them ("today", "days" are no match of _WHEN).
    return (
        not bag.isdisjoint(_WHEN_WORDS) or "last" in text or ("day" in text and any(day in text for day in _DAY_WORDS))
    )


_VAGUE = _rx(r"^(?:this|that|it|these|those|everything|nothing|something)\s+(?:is|are|was|were|will|would)\b")
_OPENING_QUOTES = {"“", '"', "«", "‘", "'"}
_CONTINUES = re.compile(r"^(?:there\s+(?:is|are|was|were|has|have|had)\b|[“\"«])", re.IGNORECASE)


def names_outlet(claimant: str, outlet: str) -> bool:
    """Whether a claimant is the publishing outlet itself: "the Beacon revealed …" in the Daily Beacon, "analysis by
    the Chronicle" in The Chronicle. Its own reporting is the outlet's claim, not a quoted one."""

    def norm(value: str) -> str:
        return " ".join(value.lower().removeprefix("the ").split())

    # "RBW analysis of regulator data shows …" in Retail Banking Week: the outlet's initials open the claimant.
    initials = "".join(w[0] for w in outlet.split() if w[:1].isupper() and w.lower() != "the")
    if len(initials) >= 2:
        words = claimant.split()
        first = words[1] if words[:1] in (["the"], ["an"], ["a"]) and len(words) > 1 else words[0] if words else ""
        if first.removesuffix("’s").removesuffix("'s") == initials:
            return True
    claimant, outlet = norm(claimant), norm(outlet)
    return len(claimant) >= 3 and (claimant == outlet or outlet.endswith(" " + claimant))


def extract(text: str, *, threshold: float = 0.5, outlet: str = "") -> list[ExtractedClaim]:
    """Check-worthy claims of an article, in reading order. Offsets index into `text` as given. `outlet`, the
    publisher's name, if known: a frame naming it ("the Beacon revealed that …") leaves the claim the outlet's own."""
    return [claim for claim, _ in _extract(text, threshold, outlet)]


def scored_assertions(text: str, *, outlet: str = "") -> list[tuple[ExtractedClaim, list[str]]]:
    """Every assertion of an article that is scored, whatever its score, with the cues found in it: what the
    weights are learned from (bench/train_scoring.py)."""
    return _extract(text, None, outlet)


def _after_slug(sentence: Sentence, end: int, text: str) -> Sentence:
    """The sentence without the topic slug ending at `end` inside it ("ICE ARENA: Harwick Ice Arena will …")."""
    if not sentence.start < end < sentence.end:
        return sentence
    while end < sentence.end and text[end].isspace():
        end += 1
    return replace(sentence, start=end, text=text[end : sentence.end])


def _extract(text: str, threshold: float | None, outlet: str) -> list[tuple[ExtractedClaim, list[str]]]:
    kept, lines = sentences(text)
    speakers = Speakers()
    quotes: list[tuple[int, int]] = []
    for line in lines:
        if not line.furniture:
            quotes.extend(quote_spans(text, line.start, line.end))
    running = running_quotes(lines)
    # Transcript turns by paragraph: (the label, where it ends in the text). A headline is no turn ("SHOP HACK
    # SHAME: …", "MOST READ: …" have no closing punctuation). A label that is no speaker's ("ICE ARENA:",
    # "BREAKING:") is cut from its sentence, like a dateline.
    turns, slugs = layout_labels(lines, text)
    if turns:
        speakers.interviewer = interviewer_name(text)
    if slugs:
        kept = [_after_slug(sentence, slugs.get(sentence.paragraph, -1), text) for sentence in kept]
    frames: dict[int, Frame | None] = {}
    # Frames that a sentence without its own takes from its context: a transcript turn's speaker, or the
    # speaker who announced a quotation ("X said:") in the paragraph before.
    inherited: dict[int, Frame] = {}
    turn: Frame | None = None
    turn_paragraphs: set[int] = set()  # paragraphs read as a transcript turn
    last_turn = max(turns, default=-1)  # the paragraph of the last label
    opener: Frame | None = None
    opener_paragraph = -1
    words_of: list[set[str]] = []  # each sentence's lower-cased words, for attribution and scoring alike
    for index, sentence in enumerate(kept):
        first_in_paragraph = index == 0 or kept[index - 1].paragraph != sentence.paragraph
        if first_in_paragraph:
            label = turns.get(sentence.paragraph)
            if label is not None:
                turn = turn_frame(label[0], sentence.start, speakers)
            elif turn is not None and kept[index - 1].paragraph in turn_paragraphs and sentence.paragraph < last_turn:
                # A paragraph without a label continues the turn before it: the speaker holds the floor until
                # the next label (after the last label, a closing note is nobody's turn).
                turn = replace(turn, clause_start=0, clause_end=0)
            else:
                turn = None
            if turn is not None:
                turn_paragraphs.add(sentence.paragraph)
            if (
                opener is not None
                and sentence.paragraph != opener_paragraph
                and sentence.text[:1] not in _OPENING_QUOTES
                and not any(a < sentence.start < b for a, b in running)
            ):
                opener = None  # the announced quotation has ended
        words = sentence_words(sentence.text)
        words_of.append(words)
        recorded = len(speakers.mentions), len(speakers.speakers)
        speakers.scan(sentence.text, sentence.start, words)
        frames[index] = without_denial(
            find_frame(sentence.text, sentence.start, speakers, words, coordinated=turn is None), sentence.text
        )
        if frames[index] is not None and frames[index].claimant and not sentence.headline:
            speakers.framed.append((sentence.start, frames[index].claimant))
        if sentence.headline and index and frames[index - 1] is None and sentence.text[:1] in "—–":
            # "'This is the first time …'" then "— Martin Hale, chief executive …": the credit's speaker
            # says the quotation before it, on its line.
            before = kept[index - 1]
            same_line = before.paragraph == sentence.paragraph
            credit = credit_frame(sentence.text, sentence.start, speakers) if same_line else None
            if credit is not None:
                frames[index - 1] = replace(credit, clause_start=0, clause_end=len(before.text))
        if sentence.headline:
            speakers.mark_headline(*recorded)
        if frames[index] is None and turn is not None and first_in_paragraph and sentence.paragraph in turns:
            # "CARR: The think tank X says …": a frame inside a turn, after its speaker's label.
            cut = turns[sentence.paragraph][1] - sentence.start
            inner = (
                find_frame(sentence.text[cut:], sentence.start + cut, speakers, coordinated=False) if cut > 0 else None
            )
            if inner is not None:
                frames[index] = inner.shifted(cut)
        if turn is not None and turn.claimant and frames[index] is not None:
            # "MALA: The audit office warned that …": a report inside a named speaker's turn is nested, and a
            # nested report is the outer speaker's. An interviewer's unnamed turn ("Q:") keeps the inner speaker.
            frames[index] = replace(frames[index], claimant=turn.claimant, as_written=turn.as_written)
        if turn is not None:
            inherited[index] = turn
        elif opener is not None and sentence.paragraph != opener_paragraph:
            inherited[index] = opener
        if (
            frames[index] is None
            and first_in_paragraph
            and index > 0
            and sentence.text[:1] in ("T", "S")
            and _unframed_quotation(kept, frames, quotes, index - 1)
        ):
            named = identified_speaker(sentence.text, sentence.start, speakers)
            for before in range(index - 1, -1, -1) if named is not None else ():
                if kept[before].paragraph != kept[index - 1].paragraph:
                    break
                inherited.setdefault(before, named)
        if frames[index] is None and turn is None:
            announced = find_opener(sentence.text, sentence.start, speakers)
            if announced is not None:
                opener, opener_paragraph = announced, sentence.paragraph
    forward: dict[str, str] = {}
    # Speakers a later "he" or "she" refers to are people, never the organisation a description refers forward to.
    people = {f.claimant for f in frames.values() if f is not None and f.as_written.lower() in ("he", "she")}
    for index in range(len(kept) - 1):
        # "…, the mine's operator said." then "…, Norrmark Copper said": a description that refers forward, and
        # every later reference to it ("The company said …").
        frame, following = frames.get(index), frames.get(index + 1)
        if (
            frame is not None
            and following is not None
            and frame.claimant not in forward
            and following.claimant not in people
            and frame.claimant == frame.as_written.lower()
            and speakers.named_later(frame.claimant, following.claimant, text)
        ):
            forward[frame.claimant] = following.claimant
    if forward:
        for index, frame in frames.items():
            if frame is not None and frame.claimant in forward:
                frames[index] = replace(frame, claimant=forward[frame.claimant])
    results: list[tuple[ExtractedClaim, list[str]]] = []
    # Names as the article introduces them, outside its furniture (a masthead's "Harbour City FC").
    named_people = speakers.people()
    full_name = FullNames("\n".join(line.text for line in lines if not line.furniture), named_people)
    for index, sentence in enumerate(kept):
        frame, clause = _attribution(index, kept, frames, quotes, text, running)
        if (
            frame is not None
            and not frame.claimant
            and frame.as_written.lower() in _QUOTED_FIRST_PERSON
            and index in inherited
        ):
            # "I" inside an announced quotation is its speaker.
            frame = replace(frame, claimant=inherited[index].claimant, as_written=inherited[index].as_written)
        if frame is None and index in inherited:
            frame = inherited[index]
            # A turn's label is not part of its first sentence's claim.
            label = turns.get(sentence.paragraph)
            cut = label[1] - sentence.start if label is not None else 0
            clause = sentence.text[cut:] if cut > 0 else sentence.text
        if sentence.headline:
            continue  # headlines and standfirsts repeat the body, where the claim is found with its context
        if frame is not None and outlet and names_outlet(frame.claimant, outlet):
            frame = None  # the outlet's own reporting: its frame is dropped from the claim, nobody else claims it
        whole = sentence.text
        context = None
        parts: list[tuple[Frame | None, str]] = [(frame, clause)]
        own = frame is not None and frame is frames.get(index)  # the sentence's own frame, not its quote's
        if own and frame.own_end:
            # The sentence's own assertion before a relative clause holding the frame is the outlet's.
            # In a transcript turn it is the turn speaker's.
            parts.insert(0, (inherited.get(index), whole[: frame.own_end]))
        if own and frame.tail is not None:
            # "X said A, while Y warned that B": B is Y's claim; X's clause ends before the comma.
            parts.append((frame.tail, whole[frame.tail.clause_start : frame.tail.clause_end]))
        if own and frame.own_text:
            parts.append(
                (inherited.get(index), frame.own_text)
            )  # "Ravi Mistry, who runs …, said": who he is, the outlet's
        for owner, text_part in parts:
            attributed = owner is not None and bool(owner.as_written)
            split = split_assertions(text_part)
            # A bundle whose parts all fall below the threshold is scored whole: "… has been scaled back for the
            # night and will resume at first light" is one announced measure, neither half checkable alone.
            for candidates in (split, [text_part]) if len(split) > 1 else (split,):
                kept_before = len(results)
                context = context or _whole(whole, words_of[index])
                scored_parts = []
                for part in candidates:
                    normalised = _tidy(part)
                    if normalised:
                        scored = _score(normalised, part, attributed, sentence.headline, context, threshold)
                        if scored is not None and threshold is not None and scored[0] < threshold:
                            scored = None
                        scored_parts.append((normalised, scored))
                if len(scored_parts) > 1:
                    bundle = (text_part, attributed, sentence.headline, context)
                    scored_parts = _lift_weak_parts(scored_parts, bundle, threshold)
                for normalised, scored in scored_parts:
                    if scored is None:
                        continue
                    score, reasons, claim_type, cues = scored
                    if (
                        own
                        and owner is not None
                        and (owner is frame or owner is frame.tail)
                        and owner.claimant
                        and normalised[:2] in _SUBJECT_PRONOUN_OPENINGS
                    ):
                        normalised = _named_subject(normalised, full_name(owner.claimant), named_people)
                    results.append(
                        (
                            ExtractedClaim(
                                text=normalised,
                                sentence=whole,
                                start=sentence.start,
                                end=sentence.end,
                                claimant=full_name(owner.claimant) if owner and owner.claimant else "",
                                claimant_as_written=owner.as_written if owner else "",
                                score=score,
                                reasons=reasons,
                                claim_type=claim_type,
                            ),
                            cues,
                        )
                    )
                if len(results) > kept_before:
                    break
    return results


# "The Workplace Safety Authority says it has opened an investigation": the reported clause's subject pronoun is the
# speaker, and the claim names it ("The Workplace Safety Authority has opened an investigation"), as another outlet's
# "The authority has opened an investigation" does. "He" or "she" after a named person; "it" after an organisation,
# only before a verb an organisation does ("it had written", "it will close"), not one that a thing or an expletive
# "it" does ("it would cost £2m", "it was unclear", "it will take weeks"). "They" stays: as often the people the
# speaker talks about ("the coroner said they probably died instantly").
_SUBJECT_PRONOUN = re.compile(r"^(?P<pronoun>It|He|She)\s+(?P<verb>[a-z’']+)(?:\s+(?P<then>[a-z]+))?")
_SUBJECT_PRONOUN_OPENINGS = frozenset({"It", "He", "Sh"})  # a claim's first two characters, tested first
_AUXILIARIES = frozenset({"had", "has", "have", "would", "will", "could", "did", "does", "can", "may", "might"})
_THING_VERBS = frozenset(
    {"be", "been", "is", "was", "'s", "’s", "cost", "costs", "take", "takes", "taken", "took", "mean", "means"}
    | {"meant", "need", "needs", "needed", "last", "lasted", "happen", "happened", "seem", "seems", "seemed"}
    | {"appear", "appears", "appeared", "look", "looks", "looked", "remain", "remains", "remained", "depend"}
    | {"depends", "depended", "emerge", "emerged", "become", "became", "matter", "mattered", "involve", "involved"}
    | {"affect", "affected", "include", "included", "contain", "contained", "require", "required", "reach"}
    | {"reached", "go", "gone", "went", "come", "came", "get", "got", "not"}
)


def _named_subject(claim: str, speaker: str, people: set[str]) -> str:
    """The claim with its opening subject pronoun replaced by the speaker of its frame, where the pronoun can be the
    speaker: "he" or "she" a person named, "it" an organisation doing what organisations do."""
    found = _SUBJECT_PRONOUN.match(claim)
    if found is None:
        return claim
    pronoun, verb = found.group("pronoun"), found.group("verb")
    if (speaker in people) != (pronoun != "It"):
        return claim
    if pronoun == "It":
        then = found.group("then")
        # "it is investigating", "it was cooperating": what the organisation is doing ("it is going to cost" is not)
        doing = verb in ("is", "was") and then is not None and then.endswith("ing") and then != "going"
        action = then if verb in _AUXILIARIES else verb
        if not doing and (action is None or action in _THING_VERBS):
            return claim
    return speaker[:1].upper() + speaker[1:] + claim[len(pronoun) :]


def _unframed_quotation(
    kept: list[Sentence], frames: dict[int, Frame | None], quotes: list[tuple[int, int]], last: int
) -> bool:
    """Whether the paragraph ending with sentence `last` is one quotation and nothing else, with no frame."""
    first = last
    while first > 0 and kept[first - 1].paragraph == kept[last].paragraph:
        first -= 1
    start, end = kept[first].start, kept[last].end
    return all(frames.get(i) is None for i in range(first, last + 1)) and _inside(start, end, quotes)


def _lift_weak_parts(scored_parts, bundle, threshold: float | None):
    """A part of a bundle scoring below its strongest sibling is scored as the bundle (or as that sibling, if
    lower): "… was closed on 4 May, and the ferry is running again" keeps its second half, which alone has
    nothing to check. A part below the threshold stands in for one whose score is not known (None)."""
    known = [s for _, s in scored_parts if s is not None]
    if not known:
        return scored_parts
    strongest = max(known, key=lambda s: s[0])
    if all(s is not None and s[0] >= strongest[0] for _, s in scored_parts):
        return scored_parts
    text, attributed, headline, whole = bundle
    bundle = _score(_tidy(text), text, attributed, headline, whole, threshold)
    if bundle is None:
        return scored_parts
    lifted = bundle if bundle[0] <= strongest[0] else strongest
    if threshold is not None and lifted[0] < threshold:
        return scored_parts
    return [(n, lifted if s is None or s[0] < lifted[0] else s) for n, s in scored_parts]


def _attribution(
    index: int,
    kept: list[Sentence],
    frames: dict[int, Frame | None],
    quotes: list[tuple[int, int]],
    text: str,
    running: list[tuple[int, int]],
) -> tuple[Frame | None, str]:
    """The frame that applies to a sentence (its own, its quote's, or the previous sentence's) and its clause."""
    sentence = kept[index]
    own = frames[index]
    if own is not None:
        if own.as_written.lower() in _QUOTED_FIRST_PERSON and (
            _inside(sentence.start, sentence.end, running) or _inside(sentence.start, sentence.end, quotes)
        ):
            # "… and to each of them I say sorry" inside a quotation: "I" is the quoted speaker.
            speaker, _ = _quoted_speaker(index, kept, frames, quotes, text, running)
            if speaker is not None and speaker.claimant:
                own = replace(own, claimant=speaker.claimant, as_written=speaker.as_written)
        return own, own.clause_text or sentence.text[own.clause_start : own.clause_end]
    return _quoted_speaker(index, kept, frames, quotes, text, running)


_QUOTED_FIRST_PERSON = {"i", "we"}


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether text from `start` to `end` lies within one of the quotation spans (its marks, a space either side)."""
    return any(a <= start + 1 and end <= b + 2 for a, b in spans)


def _running_speaker(span: tuple[int, int], kept: list[Sentence], frames: dict[int, Frame | None]) -> Frame | None:
    """The speaker of a quotation running over several paragraphs: the frame after its closing mark ("…,' she
    added."), else the frame before its opening mark ("X said: '…"), else the quoted speaker or a speaker
    announcing it at the end of the sentence before ("… said Ana Ruiz. “We told them …")."""
    q_start, q_end = span
    first = next((i for i, s in enumerate(kept) if s.end > q_start), None)
    last = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].start < q_end), None)
    if first is None or last is None:
        return None
    if frames.get(last) is not None and kept[last].end > q_end + 2:
        return frames[last]
    if frames.get(first) is not None and kept[first].start + 1 < q_start:
        return frames[first]
    before = frames.get(first - 1)
    if before is not None and (
        kept[first - 1].paragraph == kept[first].paragraph or kept[first - 1].text.rstrip().endswith(":")
    ):
        return before
    return None


def _quoted_speaker(
    index: int,
    kept: list[Sentence],
    frames: dict[int, Frame | None],
    quotes: list[tuple[int, int]],
    text: str,
    running: list[tuple[int, int]],
) -> tuple[Frame | None, str]:
    """The frame a sentence without its own takes from its quotation or the sentence before, and its clause."""
    sentence = kept[index]
    for span in running:
        if span[0] <= sentence.start + 1 and sentence.end <= span[1] + 2:
            # A statement over several paragraphs: every sentence of it is its speaker's (or the announced
            # speaker's, taken from the context when the quotation names nobody).
            return _running_speaker(span, kept, frames), sentence.text
    # A sentence inside a quotation takes the speaker named where the quotation ends or begins.
    for q_start, q_end in quotes:
        if q_start <= sentence.start + 1 and sentence.end <= q_end + 2:
            for other in range(index - 3, index + 4):
                frame = frames.get(other)
                if frame and other != index and kept[other].start < q_end and kept[other].end >= q_start:
                    return frame, sentence.text
            # A quotation of several sentences whose first continues the speaker before it ("X said: “…” “We
            # apologise. We have …”"): every sentence of it is that speaker's.
            first = next((i for i in range(index - 1, max(-1, index - 8), -1) if kept[i].start <= q_start + 1), -1)
            if first >= 0 and kept[first].end > q_start:
                inherited, _ = _attribution(first, kept, frames, quotes, text, running)
                if inherited is not None:
                    return inherited, sentence.text
            # A paragraph that opens with a quotation and names nobody continues the quoted speaker of the
            # paragraph before ("“…,” said Ana Ruiz, the director." then "“In most cases …”" → Ana Ruiz).
            previous = kept[index - 1] if index > 0 else None
            if (
                previous is not None
                and q_start >= sentence.start - 1
                and previous.paragraph != sentence.paragraph
                and frames.get(index - 1) is not None
                and any(a < previous.end and previous.start <= b for a, b in quotes)
            ):
                return frames[index - 1], sentence.text
    previous = frames.get(index - 1)
    if (
        previous is not None
        and index > 0
        and kept[index - 1].paragraph == sentence.paragraph
        and (
            _CONTINUES.match(sentence.text)
            # "'…,' Gareth Pugh said. 'Nobody has knocked on my door.'": a single-quoted quotation opening it
            or (sentence.text[:1] in ("'", "‘") and any(a == sentence.start for a, _ in quotes))
        )
    ):
        return previous, sentence.text
    return None, sentence.text
