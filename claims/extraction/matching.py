"""Same claim, other words: features, index keys and a similarity for cross-source claim matching.

A claim becomes a bag of folded, stemmed content words plus a negation flag. Index keys are MinHash
LSH band keys (64-bit integers), so a database finds candidates with an indexed equality lookup; only those
few candidates are scored. Negation is part of every key and of the similarity: "X is not Y" never
matches "X is Y". Different figures ("5%" / "6%") are never merged automatically, only suggested.
"""

from __future__ import annotations

import hashlib
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from claims.extraction.lexicon import DEMONYMS, MONTHS, NEGATORS, STOPWORDS, WEEKDAYS

SAME = 0.65  # at or above: the same assertion, merged as a new appearance
SUGGEST = 0.45  # at or above (and below SAME): a suggestion an editor confirms or rejects
FIGURE_BOOST = 0.2  # added when two claims share a distinctive figure (two or more characters, not a year) ...
FIGURE_BOOST_WORDS = 2  # ... and at least this many other words; the figure, name and direction guards still cap it
APPROXIMATE = 0.05  # a round figure within this share of a precise one is the same figure, rounded
LONG_FIGURE = 3  # a shared figure of this many characters (not a year) needs only one other shared word for the boost
CONTAINED_MIN_WEIGHT = 4  # the shorter claim weighs at least this much for containment to count
BANDS = 10
ROWS = 3
FIGURE_ANCHORS = 2  # distinctive figures per claim that make index keys with its other anchors
ANCHORS = 3  # anchors (names, other figures) paired with each
WORD_ANCHORS = 8  # and plain words (the smallest hashes) paired with each, and its units (_FIGURE_UNITS)
SMALL_FIGURE_UNITS = 1  # units (smallest hash) of a one-digit figure that make keys with its plain words
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")
_ANCHOR_SALT = (0x5A17_0000_A5C3_0000, 0x3C96_0000_69E1_0000)  # (not negated, negated)
NEGATION = "¬"

# Phrases folded to one word before tokenising: wording that outlets use interchangeably.
_PHRASES = [
    # "fell asleep" is no fall ("fell asleep" / "dozed off" / "nodded off")
    (r"\b(?:fell|falls?|falling) asleep\b|\b(?:dozed|dozes|dozing|nodded|nods|nodding) off\b", "asleep"),
    (
        r"\b(?:armed forces|military forces|military personnel|servicemen|soldiers|troops|forces|army)\b",
        "troops",
    ),
    (
        r"\b(?:deliver(?:ing|ed|s)?|carr(?:y|ying|ied|ies) out|launch(?:ing|ed|es)?|conduct(?:ing|ed|s)?)"
        r"\s+(?:air\s*)?strikes?\s+(?:against|on|at)\b",
        "strike",
    ),
    (
        r"\b(?:target(?:ing|ed|s)?|strik(?:ing|es?)|struck|attack(?:ing|ed|s)?|shell(?:ing|ed|s)?|bomb(?:ing|ed|s)?)\b",
        "strike",
    ),
    (r"\bcivilian population\b|\bcivilians\b|\bcivilian\b", "civilian"),
    (r"\b(?:written )?(?:repl(?:y|ies)|responses?|answers?)\b", "response"),
    (
        r"\bhand(?:ed|s|ing)? over\b|\bhand(?:ed|s|ing)?\b|\bdeliver(?:ed|s)?\b|\bsubmit(?:ted|s)?\b",
        "hand",
    ),
    (
        r"\bunited states(?: of america)?\b|\bu\.s\.a?\.?|\busa\b|\bamerica\b|\bwashington\b",
        "us",
    ),
    (r"\bunited kingdom\b|\bu\.k\.|\bbritain\b", "uk"),
    (r"\bper ?cent\b|%|(?<=\d) ?pc\b", " percent"),  # "6pc" as UK papers write it
    (
        r"\b(?:rose|risen|rises|rising|increased?|increases|increasing|grew|grown|grows|climbed|went up|"
        r"go(?:es|ing|ne)? up|jumped|surged)\b",
        "increase",
    ),
    (
        r"\b(?:fell|fallen|falls|falling|decreased?|decreases|decreasing|declined?|declines|dropped|drops|went down|"
        r"go(?:es|ing|ne)? down|"
        r"plunged)\b",
        "decrease",
    ),
    (r"\bno longer\b", "not"),
    (r"\b(?:occupation|occupying|occupied|occupy)\b", "occupy"),
    (r"\b(?:killed|died|dead|deaths?|fatalities)\b", "death"),
    (r"\bthreats?\b|\bdangers?\b|\brisks?\b", "threat"),
    (r"n['’]t\b", " not"),
    (r"\b(?:kiev|kyiv)\b", "kyiv"),
]
_PHRASES_RX = [(re.compile(p), r) for p, r in _PHRASES]  # applied to lower-cased text
# Substrings one of which every match of the phrase at the same position contains: a phrase whose triggers are
# all absent cannot match, and its pattern is not run (most claims need 2-4 of the 17 patterns).
_TRIGGERS = [
    ("asleep", "dozed", "dozes", "dozing", "nodded", "nods", "nodding"),
    ("forces", "personnel", "servicemen", "soldiers", "troops", "army"),
    ("strike",),
    ("target", "strik", "struck", "attack", "shell", "bomb"),
    ("civilian",),
    ("repl", "respons", "answer"),
    ("hand", "deliver", "submit"),
    ("united states", "u.s", "usa", "america", "washington"),
    ("united kingdom", "u.k.", "britain"),
    ("per", "%", "pc"),
    (
        "rose",
        "risen",
        "rises",
        "rising",
        "increas",
        "grew",
        "grown",
        "grows",
        "climbed",
        "went up",
        "go up",
        "goes up",
        "going up",
        "gone up",
        "jumped",
        "surged",
    ),
    (
        "fell",
        "fallen",
        "falls",
        "falling",
        "decreas",
        "declin",
        "dropped",
        "drops",
        "went down",
        "go down",
        "goes down",
        "going down",
        "gone down",
        "plunged",
    ),
    ("no longer",),
    ("occup",),
    ("killed", "died", "dead", "death", "fatalities"),
    ("threat", "danger", "risk"),
    ("n'", "n’"),
    ("kiev", "kyiv"),
]
_FOLDS = list(zip(_TRIGGERS, _PHRASES_RX, strict=True))


def fold_phrases(text: str) -> str:
    """Lower-cased text with the interchangeable wordings folded (each pattern in turn, as listed)."""
    folded = text.lower()
    for triggers, (pattern, replacement) in _FOLDS:
        if any(map(folded.__contains__, triggers)):  # no generator frame: the test runs for every claim
            folded = pattern.sub(replacement, folded)
    return folded


# --- normalisation of figures, units and reporting vocabulary (word level, cached) ----------------------------
# Figures written with a scale ("1.4 thousand", "EUR 1.2bn", "€310m", "7.21 million") or in words ("six hundred",
# "three thousand two hundred", "nine") become one plain figure ("1400", "1200000000", "310000000", "600", "3200",
# "9"), so that the same figure is the same feature whichever way an outlet writes it.
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9,
           "bn": 10**9, "trillion": 10**12, "tn": 10**12}  # fmt: skip
_FIGURE_UNIT = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b|(k|mn|m|bn|tn)\b"
    r"|\s*(°\s*c\b|c\b|degrees? (?:celsius|centigrade|c)\b|degrees?\b|celsius\b))"
)
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_NUMBER_TOKENS = frozenset([*_UNITS, "hundred", "thousand", "million", "billion"])
_MULTIPLIERS = ("thousand", "million", "billion")
_JOINED = ("hundred", *_MULTIPLIERS)  # "two hundred and fifty"


def _figure_unit(match: re.Match) -> str:
    # "1.4 thousand" / "310m" / "1.2bn" → "1400" / "310000000" / "1200000000"; "1.48C" / "1.48 degrees" → "1.48 celsius"
    if match.group(4):
        return match.group(1) + " celsius"
    value = float(match.group(1).replace(",", "")) * _SCALES[match.group(2) or match.group(3)]
    return str(round(value))


def _spelled(words: list[str]) -> str:
    """["three", "thousand", "two", "hundred"] → "3200"."""
    total = current = 0
    for word in words:
        if word == "and":
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in _MULTIPLIERS:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            current += _UNITS[word]
    return str(total + current)


def spelled_figures(tokens: list[str]) -> list[str]:
    """Runs of number words among lower-cased tokens as one figure ("six hundred" → "600"); a lone "one" stays a
    word ("one of the …"), "and" joins only after hundred/thousand ("two hundred and fifty")."""
    out: list[str] = []
    run: list[str] = []
    for n, word in enumerate(tokens):
        joins = word == "and" and run and run[-1] in _JOINED and n + 1 < len(tokens) and tokens[n + 1] in _NUMBER_TOKENS
        if word in _NUMBER_TOKENS or joins:
            if not run and word in _JOINED and (not out or out[-1] != "a"):
                out.append(word)  # a scale without a number is a word ("parts per million"), "a million" a figure
                continue
            run.append(word)
            continue
        if run:
            out.append("one" if run == ["one"] else _spelled(run))
            run = []
        out.append(word)
    if run:
        out.append("one" if run == ["one"] else _spelled(run))
    return out


_HOURS_AS_DAYS = {"24": 1, "twenty-four": 1, "48": 2, "forty-eight": 2, "72": 3, "seventy-two": 3}
_HOURS = re.compile(r"\b(24|48|72|twenty-four|forty-eight|seventy-two)[- ]hours?\b")
_HEDGED = "(?:more than|almost|nearly|about|around|over|some|just|roughly) "
_NUMBER_WORD = "|".join([*(w for w in _UNITS if w != "zero"), "half"])
# Multi-word wordings of the same action, folded before the figures (each runs only if its trigger is present).
_VERB_PHRASES = [
    ("down", re.compile(r"\b(?:turn(?:ed|s|ing)?) down\b"), "rejected"),
    (" off", re.compile(r"\b(?:call(?:ed|s|ing)?|put(?:s|ting)?) off\b"), "cancelled"),
    ("walk", re.compile(r"\bwalk(?:ed|s|ing)? ?outs?\b"), "strike"),
    ("action", re.compile(r"\b(?:industrial|strike) action\b"), "strike"),  # "ballot for industrial action" / "strikes"
    (" off", re.compile(r"\b(?:switch|turn)(?:ed|es|s|ing)? off\b"), "disabled"),  # "switched off" / "disabled"
    # how someone got to hospital is no part of the fact ("three were rushed to hospital" / "taken to hospital")
    (
        "hospital",
        re.compile(
            r"\b(?:rushed|taken|flown|airlifted|transferred|transported|brought|ferried|sent|went|gone)\s+(?:ashore\s+)?"
            r"(?:to|into)\s+(?=(?:[a-z']+\s+){0,3}?hospitals?\b)"
        ),
        "to ",
    ),
    # "shares closed down 6.2%" / "fell 6.2%", "is up 4%" / "rose 4%" (not "up to 4%")
    ("down ", re.compile(rf"\bdown (?:by )?(?=(?:{_HEDGED})?(?:\d|(?:{_NUMBER_WORD})\b))"), "decrease "),
    ("up ", re.compile(rf"\bup (?:by )?(?=(?:{_HEDGED})?(?:\d|(?:{_NUMBER_WORD})\b))"), "increase "),
    ("back", re.compile(r"\b(?:push|put)(?:ed|es|s|ing|ting)? back\b"), "postponed"),
    ("board", re.compile(r"\bon ?board\b"), "aboard"),
    ("month", re.compile(r"\b(?:12|twelve)[- ]months?\b"), "year"),  # "a 12-month trial" / "a year-long trial"
    ("days", re.compile(r"\b(?:14|fourteen) days\b"), "2 week"),  # "within 14 days" / "within a fortnight"
    (
        " rails",
        re.compile(r"\b(?:came|come|comes|coming|went|goes|going|left|leaves|leaving) (?:off )?the rails\b"),
        "derailed",
    ),
    ("no one", re.compile(r"\bno[- ]one\b"), "nobody"),
    ("place", re.compile(r"\b(?:take|takes|taking|took|taken) place\b"), "happen"),  # "will not take place"
    ("ahead", re.compile(r"\b(?:go|goes|going|gone|went) ahead\b"), "happen"),  # "will not go ahead"
    # "emergency power cuts" are no decrease: one word for an outage of the power supply
    ("power", re.compile(r"\bpower (?:cuts?|outages?)\b"), "blackout"),
    ("hour", _HOURS, lambda match: f"{_HOURS_AS_DAYS[match.group(1)]} day"),  # "a 48-hour strike" / "a two-day strike"
    ("fortnight", re.compile(r"\b(?:a |the next |the past |the last )?fortnight\b"), "2 week"),
    ("lives", re.compile(r"\blost (?:their|his|her) li(?:fe|ves)\b"), "died"),
    (
        "high",
        re.compile(r"\b(?:an? )?(?:all-time|record) high\b|\bhighest ever\b|\bhighest in (?:its |their )?history\b"),
        "record",
    ),
]


# Halves and proportions written out: "nine and a half per cent" / "9.5%", "two and a half million" / "2.5m",
# "half a million" / "500,000", "half a per cent" / "0.5%"; "four in ten" / "two in five" / "40%" (only when the
# share is a whole percentage: "one in three" stays as written; "three in ten days" is no share).
_SMALL = "|".join(w for w, n in _UNITS.items() if 0 < n <= 20)
_AND_A_HALF = re.compile(rf"\b(\d+|{_SMALL}) and a half\b")
_HALF_A = re.compile(r"\bhalf an?\s+(thousand|million|billion|trillion|percent)\b")
_SHARE = re.compile(
    rf"\b(\d{{1,2}}|{_SMALL}) in (\d{{1,3}}|{_SMALL})\b(?! (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))"
)  # "two in five minutes" is a pace, not a share


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _UNITS[word]


def _half(match: re.Match) -> str:
    return f"{_number(match.group(1))}.5"


def _share(match: re.Match) -> str:
    part, whole = _number(match.group(1)), _number(match.group(2))
    if not 0 < part < whole or (100 * part) % whole:
        return match.group(0)
    return f"{100 * part // whole} percent"


# A time of day is no count or amount: "at 22:14", "at about 7.40pm", "6:40 a.m." become one word ("t2214", "t1940",
# "t0640"), so that another outlet's other or missing time is not another figure.
_CLOCK = re.compile(
    r"\b([01]?\d|2[0-3])(?::([0-5]\d)(?:\s*([ap])\.?m\b\.?)?|[.:]([0-5]\d)\s*([ap])\.?m\b\.?|\s*([ap])\.m\b\.?|(a)m\b|\s*(p)m\b)"
)  # "at 22:14", "7.40pm", "6:40 a.m.", "6am", "6 pm" (not "2 am" as a verb)


def _clock(match: re.Match) -> str:
    hour, minute = int(match.group(1)), match.group(2) or match.group(4) or "00"
    half = match.group(3) or match.group(5) or match.group(6) or match.group(7) or match.group(8)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f" t{hour:02d}{minute} "


def fold_figures(folded: str) -> str:
    """Lower-cased text with scaled figures as plain figures, temperatures in one unit, currency signs as words,
    halves and whole-percentage shares as figures (spelled-out figures are folded on the tokens:
    `spelled_figures`)."""
    for trigger, pattern, replacement in _VERB_PHRASES:
        if trigger in folded:
            folded = pattern.sub(replacement, folded)
    if "half" in folded:
        folded = _HALF_A.sub(r"0.5 \1", _AND_A_HALF.sub(_half, folded))
    if " in " in folded:
        folded = _SHARE.sub(_share, folded)
    if "€" in folded or "£" in folded or "$" in folded:
        folded = folded.replace("€", " eur ").replace("£", " gbp ").replace("$", " usd ")
    if ":" in folded or "am" in folded or "pm" in folded or ".m" in folded:
        folded = _CLOCK.sub(_clock, folded)
    return _FIGURE_UNIT.sub(_figure_unit, folded)  # one scan in C: cheaper than looking for a digit first


_ORDINALS = ("third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
             "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
             "twentieth")  # fmt: skip
_MONTHS_FULL = frozenset(MONTHS[:12]) - {"may"}  # "may" is also a modal
# Single words outlets use interchangeably (applied per word, cached: no cost per claim). Units and currencies
# to one spelling, common reporting verbs and nouns to one word. "" drops a word: hedges around a figure ("about",
# "nearly", "at least", "more than") and relative days ("on Tuesday", "yesterday", "last night") differ between
# outlets reporting the same fact on different days.
_SYNONYMS = {
    **dict.fromkeys(["millimetre", "millimetres", "millimeter", "millimeters"], "mm"),
    **dict.fromkeys(["kilometre", "kilometres", "kilometer", "kilometers", "kms"], "km"),
    **dict.fromkeys(["kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos", "kgs"], "kg"),
    **dict.fromkeys(["hectare", "hectares"], "ha"),
    **dict.fromkeys(["tonnes", "tons", "ton", "tonne"], "tonne"),
    **dict.fromkeys(["euro", "euros"], "eur"),
    **dict.fromkeys(["pound", "pounds", "sterling"], "gbp"),
    **dict.fromkeys(["dollar", "dollars"], "usd"),
    **dict.fromkeys(["injured", "injuring", "injuries", "injury", "wounded", "wounding", "hurt"], "injure"),
    **dict.fromkeys(["sacked", "ousted", "dismissed", "dismissing", "dismissal"], "dismiss"),
    **dict.fromkeys(["illegal", "illegally", "unlawfully"], "unlawful"),
    **dict.fromkeys(["banned", "banning", "bans", "suspended", "suspension", "barred"], "ban"),
    **dict.fromkeys(["fined", "fines", "penalty", "penalties"], "fine"),
    **dict.fromkeys(["turnover", "revenues", "sales"], "revenue"),
    **dict.fromkeys(["rejected", "rejecting", "rejects", "refused", "refuses"], "reject"),
    **dict.fromkeys(["accepted", "accepting", "accepts"], "accept"),
    **dict.fromkeys(["approved", "approving", "approves"], "approve"),
    **dict.fromkeys(["raised", "raises", "raising", "raise", "hiked", "hike"], "increase"),
    **dict.fromkeys(["cut", "cuts", "cutting", "reduced", "reduces", "reducing", "lowered", "slashed"], "decrease"),
    **dict.fromkeys(["residents", "persons", "inhabitants", "individuals"], "people"),
    **dict.fromkeys(["measured", "recorded", "registered"], "record"),
    **dict.fromkeys(["evacuated", "evacuating", "evacuation", "evacuations", "evacuees"], "evacuate"),
    **dict.fromkeys(["toll"], ""),
    # Light verbs: "made a profit" / "a profit", "put the value at" / "value"
    **dict.fromkeys(["made", "make", "makes", "put", "puts", "got", "get", "gets", "came", "come", "comes"], ""),
    **dict.fromkeys(["rise", "soared", "soaring", "soars"], "increase"),
    "fall": "decrease",
    **dict.fromkeys(["joblessness", "jobless"], "unemployment"),
    **dict.fromkeys(["shrank", "shrunk", "shrinking", "shrinks", "slumped", "tumbled"], "decrease"),
    **dict.fromkeys(
        ["plummeted", "plummets", "sank", "dipped", "dips", "slid", "slipped", "eased", "trimmed"], "decrease"
    ),
    **dict.fromkeys(["debts", "liabilities", "liability"], "debt"),
    **dict.fromkeys(["rocketed", "leapt", "leaped", "spiked", "doubled", "tripled", "higher"], "increase"),
    "lower": "decrease",  # "12% lower" / "down 12%"
    **dict.fromkeys(["cancelled", "canceled", "cancelling", "cancels", "scrapped", "scraps", "axed"], "cancel"),
    **dict.fromkeys(
        [*("discovered", "discovers", "detected", "detects", "uncovered", "found", "finds", "spotted"), "noticed"],
        "find",
    ),
    **dict.fromkeys(["broke", "broken", "breaks"], "break"),
    **dict.fromkeys(["instructed", "instructs", "ordering"], "order"),
    **dict.fromkeys(["jet", "jets", "plane", "planes", "aeroplane", "aeroplanes", "airliner", "airliners"], "aircraft"),
    **dict.fromkeys(["tremor", "tremors", "earthquake", "earthquakes", "quakes"], "quake"),
    **dict.fromkeys(["workforce", "employees", "employee", "staffers", "workers", "worker"], "staff"),
    **dict.fromkeys(["worth", "valued"], "value"),
    "twice": "2",
    "pair": "2",  # "a pair of air ambulances" / "two air ambulances"
    "dozen": "12",
    # Ordinals as the number they count ("on the fourth day" / "four days into"; "14th November" / "14 November");
    # "first" and "second" stay words ("the first time", "a second"). Ordinal and clock suffixes are dropped.
    **{word: str(n) for n, word in enumerate(_ORDINALS, start=3)},
    **dict.fromkeys(["th", "st", "nd", "rd", "pm"], ""),
    # Month abbreviations as the month ("Nov. 14" / "14 November")
    **{month[:3]: month for month in _MONTHS_FULL},
    "sept": "september",
    **dict.fromkeys(["hospitalised", "hospitalized", "hospitalisation", "hospitalization"], "hospital"),
    # General news vocabulary: words outlets use for one action, actor or thing.
    **dict.fromkeys(["postponed", "postpones", "postponing", "delayed", "delays", "deferred", "shelved"], "postpone"),
    **dict.fromkeys(
        [*("began", "begun", "begins", "beginning", "begin", "started", "starts", "starting"), "commenced"], "start"
    ),
    **dict.fromkeys(["shut", "shuts", "shutting", "closed", "closes", "closing", "closure", "closures"], "close"),
    **dict.fromkeys(["notified", "notifies", "alerted", "informed", "informs"], "inform"),
    **dict.fromkeys(["hired", "hires", "hiring", "appointed", "recruited"], "hire"),
    **dict.fromkeys(["passenger", "passengers", "travellers", "travelers", "ridership"], "passenger"),
    **dict.fromkeys(["client", "clients", "customer", "customers", "consumers"], "customer"),
    **dict.fromkeys(["firm", "firms", "company", "companies", "business", "businesses"], "company"),
    **dict.fromkeys(
        [*("inspected", "inspects", "inspecting", "inspection", "inspections", "examined", "examination"), "checks"],
        "inspect",
    ),
    **dict.fromkeys(["shortfall", "shortfalls", "deficit", "deficits"], "deficit"),
    **dict.fromkeys(["vacant", "unfilled", "vacancies", "vacancy"], "vacant"),
    **dict.fromkeys(["sick", "unwell", "illness", "ill"], "ill"),
    **dict.fromkeys(["repaid", "repay", "repays", "refunded", "refund"], "repay"),
    **dict.fromkeys(["households", "houses", "dwellings", "homes"], "home"),
    **dict.fromkeys(["electricity"], "power"),
    **dict.fromkeys(["wages", "wage", "salary", "salaries"], "pay"),
    **dict.fromkeys(["purchased", "purchase", "acquired", "acquire", "bought", "buys"], "buy"),
    **dict.fromkeys(["sold", "sells", "selling"], "sell"),
    "blaze": "fire",
    **dict.fromkeys(["kids", "children", "child"], "child"),
    **dict.fromkeys(["boss", "ceo"], "chief"),
    **dict.fromkeys(["jobs", "roles"], "job"),
    **dict.fromkeys(["stolen", "stole", "steal", "grabbed", "seized", "snatched"], "steal"),
    # tabloid and wire words for one actor or act
    **dict.fromkeys(
        ["hackers", "hacker", "attackers", "attacker", "crooks", "cybercriminals", "fraudsters"], "attacker"
    ),
    **dict.fromkeys(
        [
            *("probe", "probes", "probing", "inquiry", "inquiries", "enquiry", "enquiries", "investigation"),
            *("investigations", "investigate", "investigates", "investigated", "investigating"),
        ],
        "investigation",
    ),
    **dict.fromkeys(["watchdog", "watchdogs", "regulators"], "regulator"),
    **dict.fromkeys(["resigned", "resigns", "resigning", "resignation", "quit", "quits"], "resign"),
    **dict.fromkeys(["blast", "blasts", "explosions"], "explosion"),
    **dict.fromkeys(["vessel", "vessels", "boat", "boats", "ships"], "ship"),
    **dict.fromkeys(["bug", "bugs", "viruses"], "virus"),
    **dict.fromkeys(["slammed", "criticised", "criticized", "condemned", "blasted"], "criticise"),
    **dict.fromkeys(["vowed", "vows", "pledged", "pledges", "promised", "promises"], "promise"),
    **dict.fromkeys(["scheme", "schemes", "programme", "programmes", "program", "programs", "plans"], "plan"),
    **dict.fromkeys(["medics", "doctors"], "doctor"),
    **dict.fromkeys(["teenagers", "teens", "youngsters"], "teenager"),
    **dict.fromkeys(["estimated", "overall"], ""),  # "an estimated 3,000 tonnes" / "about 3,000 tonnes"
    # how often, as the period ("600 trips daily" / "600 vehicles a day", "annual revenue" / "revenue a year")
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    **dict.fromkeys(["annual", "annually", "yearly"], "year"),
    **dict.fromkeys(["additional", "extra"], "extra"),
    **dict.fromkeys(["paid", "pays", "paying"], "pay"),
    "empty": "vacant",
    **dict.fromkeys(["disabled", "disables", "disabling", "deactivated"], "disable"),
    "public": "people",  # "the risk to the public" / "the risk to people"
    "fully": "full",
    # verbs of state that carry nothing an outlet would not word otherwise ("five remained in a serious condition" /
    # "five were in a serious condition", "the road will stay shut" / "the road is closed", "stands at three")
    **dict.fromkeys(["remain", "remains", "remained", "stay", "stays", "stayed", "stands", "stood"], ""),
    "others": "",  # as "other"
    # Reporting-frame residue the extractor leaves in a claim ("The chamber reckons this is costing …"): who says it
    # and how is not the assertion.
    **dict.fromkeys(
        [
            *("reckons", "reckoned", "acknowledged", "acknowledges", "admitted", "admits", "believes", "insisted"),
            *("insists", "described", "describes", "argued", "arguing", "argues", "told", "added", "stressed"),
        ],
        "",
    ),
    # What attributes or frames a figure is not the assertion ("…, Home Office figures show", "the number of …").
    **dict.fromkeys(
        [
            "according",
            "figures",
            "statistics",
            "show",
            "shows",
            "showed",
            "shown",
            "latest",
            "number",
            "total",
            "confirmed",
            "reported",
            "published",
            "released",
        ],
        "",
    ),
    **dict.fromkeys(["around", "roughly", "nearly", "almost", "approximately", "least", "some", "just", "much"], ""),
    **dict.fromkeys([*WEEKDAYS, "today", "yesterday", "tonight", "overnight", "morning", "evening", "night"], ""),
    **dict.fromkeys(["last", "past", "ago"], ""),  # "last year", "in the past 12 months", "two weeks ago"
    # "a day" / "every day", "at least six weeks" / "six weeks is the minimum"
    **dict.fromkeys(["every", "minimum"], ""),
    # Irregular verb forms as the verb, which the suffix stripper cannot reach ("the petition will be heard" / "a
    # judge will hear the petition", "were taken to hospital" / "took them to hospital", "10 papers withdrawn" /
    # "asked journals to withdraw"), and won / lost as win / lose (the opposite directions below).
    **dict.fromkeys(["heard", "hears"], "hear"),
    **dict.fromkeys(["held", "holds", "holding"], "hold"),
    **dict.fromkeys(["took", "taken", "takes", "taking"], "take"),
    **dict.fromkeys(["gave", "given", "gives", "giving"], "give"),
    **dict.fromkeys(["brought", "brings", "bringing"], "bring"),
    **dict.fromkeys(["built", "builds", "building"], "build"),
    **dict.fromkeys(["sent", "sends", "sending"], "send"),
    **dict.fromkeys(["spent", "spends", "spending"], "spend"),
    **dict.fromkeys(["kept", "keeps", "keeping"], "keep"),
    **dict.fromkeys(["withdrew", "withdrawn", "withdraws", "withdrawing", "withdrawal", "withdrawals"], "withdraw"),
    **dict.fromkeys(["won", "wins", "winning"], "win"),
    **dict.fromkeys(["lost", "loses", "losing", "loss", "losses"], "lose"),
    # A verb's action noun as the verb ("received treatment" / "were treated", "a valve failure" / "a valve failed")
    **dict.fromkeys(["treatment", "treatments"], "treat"),
    **dict.fromkeys(["failure", "failures"], "fail"),
    **dict.fromkeys(["approval", "approvals"], "approve"),
    **dict.fromkeys(["cancellation", "cancellations"], "cancel"),
    **dict.fromkeys(["investment", "investments"], "invest"),
    **dict.fromkeys(["payment", "payments"], "pay"),
    **dict.fromkeys(["bidders", "bidder", "buyers", "suitors", "suitor"], "buyer"),
    **dict.fromkeys(["pedestrians", "pedestrian", "walkers"], "pedestrian"),
    **dict.fromkeys(
        ["completed", "completes", "completion", "finished", "finishes", "finish", "finishing"], "complete"
    ),
    **dict.fromkeys(["connection", "connections", "links", "linked"], "link"),
    **dict.fromkeys(["vet", "vets", "veterinarian", "veterinarians"], "veterinary"),
    "telephone": "phone",
    "snapped": "break",
    **dict.fromkeys(["shoppers", "shopper"], "customer"),
    **dict.fromkeys(["stopped", "stopping", "stops", "stop", "halted", "halts", "ceased", "ceases"], "end"),
    **dict.fromkeys(["backed", "backing", "supported", "supports", "supporting"], "support"),
    "warmest": "hottest",
    "figure": "",  # "the 142 million litre figure", as "figures"
    **dict.fromkeys(["happened", "happens", "happening"], "happen"),
    "blackouts": "blackout",
    "logged": "record",
    **dict.fromkeys(["rides", "ride", "journeys", "journey", "trips"], "trip"),
    **dict.fromkeys(["sought", "seeks", "seeking"], "seek"),
    **dict.fromkeys(["sorry", "apologised", "apologized", "apologises", "apology", "apologies"], "apologise"),
    "sickness": "ill",
    **dict.fromkeys(["reduction", "reductions"], "decrease"),  # "no further reductions" / "no further cuts"
    **dict.fromkeys(["chance", "chances"], "threat"),  # "the chance of the dam failing is low" / "the risk of failure"
}
# Assertions of opposite direction: one with a word of a pair and the other with its counterpart (and not both)
# are different claims even when every other word is shared ("fees will increase by 9%" / "decrease by 9%").
_OPPOSITES = (  # stems
    ("increas", "decreas"),
    ("accept", "reject"),
    ("approv", "reject"),
    ("win", "los"),
    ("death", "injur"),  # "23 people were killed" / "23 people were injured"
    ("open", "clos"),  # "opened an investigation" / "closed its investigation"
    ("start", "end"),  # "the strike started on Monday" / "ended on Monday"
)
_OPPOSITE_WORDS = frozenset(w for pair in _OPPOSITES for w in pair)
_UNIT_CODES = frozenset(["eur", "gbp", "usd", "mm", "km", "kg", "ha", "bn", "mn"])
# What a figure counts or measures (stems): a distinctive figure is paired with these in anchor keys too.
_FIGURE_UNITS = _UNIT_CODES | frozenset(["tonn", "mph", "percent", "celsius", "mil", "metr", "minut", "hour", "day",
                                         "week", "month", "year"])  # fmt: skip
_COUNTING = _FIGURE_UNITS | _OPPOSITE_WORDS  # words around a figure that do not say what it counts
# "without" is not a negation of the claim: "200,000 homes without power" asserts that homes lost power.
_NEGATORS = NEGATORS - {"without"}


_WORD = re.compile(r"\bt[012]\d[0-5]\d\b|[A-Za-z\u00C0-\u024F]+(?:[’'][a-z]+)?|\d+(?:[.,]\d+)*")


def stem(word: str) -> str:
    """A light English suffix stripper: enough to fold plural, -ing and -ed forms together."""
    if len(word) <= 3 or word.isdigit():
        return word
    if len(word) >= 7 and word.endswith("ly"):
        word = word[:-2]  # an adverb as its adjective: "seriously" / "serious", "heavily" / "heavy"
        if word[-1] == "i":
            word = word[:-1] + "y"
    if word.endswith("ings") and len(word) > 6:
        word = word[:-1]  # "warnings" → "warning" → "warn", as "warning" and "warned"
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"  # "supplies" / "supplied" / "supply", "carried" / "carry"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


_MONTH_STEMS = frozenset(stem(m) for m in _MONTHS_FULL)


@dataclass(frozen=True)
class Features:
    words: frozenset[str]  # content stems; digits are figures
    names: frozenset[str]  # the stems that were written as names (weigh more)
    negated: bool
    # What similarity needs of each side, computed once per claim, not once per comparison (similarity is the hot
    # loop of matching): the figures, the direction words, the weight of the words and figures without the names'
    # bonus, and whether no name looks like a figure (always so for features() and parse(): names are capitalised
    # words).
    figures: frozenset[str] = field(init=False, compare=False, repr=False)
    polar: frozenset[str] = field(init=False, compare=False, repr=False)
    base: int = field(init=False, compare=False, repr=False)
    simple: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        figures = frozenset(w for w in self.words if w[0].isdigit())
        set_ = object.__setattr__
        set_(self, "figures", figures)
        set_(self, "polar", self.words & _OPPOSITE_WORDS)
        set_(self, "base", len(self.words) + len(figures))
        set_(self, "simple", not any(w[0].isdigit() for w in self.names))

    @cached_property
    def scales(self) -> frozenset[int]:
        """The powers of ten of the figures that may round or be rounded (not years): two claims whose figures have
        none in common cannot have a rounded pair, and most pairs are told so without comparing figures."""
        return frozenset(scale for f in self.figures for scale in _scales(f))

    @cached_property
    def times(self) -> frozenset[str]:
        """The times of day (_clock: "t1940"); computed when a guard asks, as scales when rounding is checked."""
        return frozenset(w for w in self.words if w[0] == "t" and len(w) == 5 and w[1:].isdigit())

    @cached_property
    def months(self) -> frozenset[str]:
        """The months named (stems); computed when a guard asks, as times."""
        return self.words & _MONTH_STEMS

    def serialise(self) -> str:
        body = " ".join(sorted(("!" + w) if w in self.names else w for w in self.words))
        return body + (f" {NEGATION}" if self.negated else "")

    @classmethod
    def parse(cls, value: str) -> Features:
        # Stored features never change and popular claims are candidates again and again: parse each once.
        return _parse(value)


@lru_cache(maxsize=100_000)
def _scales(figure: str) -> tuple[int, ...]:
    """The powers of ten a figure within APPROXIMATE of it may have (none for a year or no plain number)."""
    parsed = _figure_value(figure)
    if parsed is None or parsed[0] <= 0:
        return ()
    value = parsed[0]
    return tuple({math.floor(math.log10(value * (1 - APPROXIMATE))), math.floor(math.log10(value * (1 + APPROXIMATE)))})


@lru_cache(maxsize=200_000)
def _parse(value: str) -> Features:
    parts = [p for p in value.split() if p != NEGATION]
    return Features(
        frozenset(p.lstrip("!") for p in parts),
        frozenset(p[1:] for p in parts if p[0] == "!"),
        NEGATION in value,
    )


@lru_cache(maxsize=100_000)
def _name_stem(raw: str) -> str | None:
    """The stem of a capitalised word as a name, or None for a month, a unit or currency code ("EUR", "KM") or a word
    folded as a synonym (news vocabulary repeats: cached)."""
    low = raw.lower().replace("’", "'").removesuffix("'s")
    if low in _MONTHS_FULL or low in _SYNONYMS or low in _UNIT_CODES:
        return None
    return stem(DEMONYMS.get(low, low).replace(" ", ""))


@lru_cache(maxsize=100_000)
def _word_feature(low: str) -> str | None:
    """A lower-cased word as a feature: "" for a negator, None for a stop word, else its folded stem."""
    low = low.replace("’", "'").removesuffix("'s")
    if low in _NEGATORS:
        return ""
    if low in STOPWORDS or (len(low) < 2 and not low.isdigit()):
        return None
    if low[0].isdigit():
        return low.replace(",", "")
    if len(low) == 5 and low[0] == "t" and low[1:].isdigit():
        return low  # a time of day (_clock)
    synonym = _SYNONYMS.get(low)
    if synonym is not None:
        return stem(synonym) if synonym else None
    return stem(DEMONYMS.get(low, low).replace(" ", ""))


# A live blog's entry time before a claim ("17:20 A council spokesperson has confirmed …") is no part of the
# assertion: as figures it would differ from every other figure.
_ENTRY_TIME = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[—–-]\s*|\s+)(?=[A-Z])")


def features(text: str) -> Features:
    """Folded, stemmed content words of a normalised claim, and whether it is negated."""
    if text[:1].isdigit():
        text = _ENTRY_TIME.sub("", text, count=1)
    # Names are read from the original casing; everything else works on lower case (faster patterns).
    name_stems = set()
    for index, raw in enumerate(_WORD.findall(text)):
        if raw[0].isupper() and (index > 0 or raw.lower().replace("’", "'").removesuffix("'s") in DEMONYMS):
            name = _name_stem(raw)
            if name is not None:
                name_stems.add(name)
    words: set[str] = set()
    negations = 0
    tokens = _WORD.findall(fold_figures(fold_phrases(text)))
    if not _NUMBER_TOKENS.isdisjoint(tokens):
        tokens = spelled_figures(tokens)
    for low in tokens:
        word = _word_feature(low)
        if word:
            words.add(word)
        elif word == "":
            negations += 1
    return Features(frozenset(words), frozenset(words & name_stems), negations % 2 == 1)


def _weight_sum(words: frozenset[str], figures: frozenset[str], names: frozenset[str]) -> float:
    # Figures weigh 2, names 1.5, other words 1 (sums, without a call per word).
    return len(words) + len(figures) + 0.5 * len((words & names) - figures)


def similarity(a: Features, b: Features) -> float:
    """Weighted Dice overlap in 0..1; 0 when one is negated and the other not."""
    if a.negated != b.negated:
        return 0.0
    shared = a.words & b.words
    if not shared:
        return 0.0  # no words on one side, or none in common: what the weighted sums below give as well
    a_figures, b_figures = a.figures, b.figures
    approx = 0  # figures of one claim that round a figure of the other ("more than 240" / "243")
    if a_figures and b_figures:
        shared_figures = shared & a_figures
        n_figures = len(shared_figures)
        if n_figures < len(a_figures) and n_figures < len(b_figures) and not a.scales.isdisjoint(b.scales):
            only_a, only_b = a_figures - shared_figures, b_figures - shared_figures
            if len(only_a) == 1 and len(only_b) == 1:  # the common case, without a call or sets of pairs
                approx = int(_one_figure(*only_a, *only_b))
            else:
                approx = _approximate(only_a, only_b)
    else:
        shared_figures, n_figures = _NO_FIGURES, 0  # a shared figure is a figure of both claims
    a_names, b_names = a.names, b.names
    if a.simple and b.simple:
        # No name is a figure: _weight_sum's sums without its set difference. The names of either claim that the
        # other has too, counted without their union: a's names among b's words are the shared words that are a's
        # names (a's names are a's words), and the same for b; the names of both are counted twice. All the terms
        # are halves and small integers: the sums are exact, the same floats in any order.
        of_a = len(b.words & a_names) if a_names else 0  # a's names that b writes
        of_b = len(a.words & b_names) if b_names else 0  # b's names that a writes
        both = len(a_names & b_names) if of_a and of_b else 0
        common = len(shared) + n_figures + 0.5 * (of_a + of_b - both)
        weight_a = a.base + 0.5 * (len(a_names) + of_b - both)
        weight_b = b.base + 0.5 * (len(b_names) + of_a - both)
    else:
        names = a_names | b_names
        common = _weight_sum(shared, shared & a_figures, names)
        weight_a, weight_b = _weight_sum(a.words, a_figures, names), _weight_sum(b.words, b_figures, names)
    common += 2 * approx  # a round figure and the precise one it rounds are a shared figure
    score = 2 * common / (weight_a + weight_b)
    smaller = weight_a if weight_a < weight_b else weight_b
    if smaller >= CONTAINED_MIN_WEIGHT:
        # Half Dice, half containment: an outlet that reports the fact alone ("The list has fallen for three months
        # in a row") is the same claim as one that adds its context ("…, the first sustained fall since 2020").
        score = (score + common / smaller) / 2
    # The same distinctive figure with words around it ("18,000 vehicles a day" / "18,000 cars, vans and lorries use
    # the bridge every day") is strong evidence that outlets wording a fact differently report one fact.
    if (n_figures or approx) and _anchored(shared, shared_figures, approx):  # it needs a figure or a rounding
        score = min(1.0, score + FIGURE_BOOST)
    # The guards cap a score at SAME - 0.01: below that they change nothing, and most candidates are below it.
    if score > _CAPPED and capped(a, b):
        score = _CAPPED
    return round(score, 4)


_NO_FIGURES: frozenset[str] = frozenset()
_CAPPED = SAME - 0.01  # the most a guarded pair scores


def _anchored(shared: frozenset[str], figures: frozenset[str], approximate: int) -> bool:
    """Whether two claims share a distinctive figure with words around it (the figure boost): a figure of two or more
    characters that is not a year, one rounding the other ("more than 240" / "243") or a small figure with its unit
    ("six per cent" / "6%", "six weeks"), and FIGURE_BOOST_WORDS other shared words; a figure of LONG_FIGURE or more
    characters ("94 flights" / "cancelled 94 flights") needs only one."""
    others = len(shared) - len(figures)
    if not others or not (figures or approximate):
        return False
    if any(len(f) >= LONG_FIGURE and not _YEAR.match(f) for f in figures):
        return True
    return others >= FIGURE_BOOST_WORDS and bool(
        approximate
        or any(len(f) > 1 and not _YEAR.match(f) for f in figures)
        or (figures and not shared.isdisjoint(_FIGURE_UNITS))
    )


def capped(a: Features, b: Features) -> bool:
    """Whether a guard holds two claims below SAME whatever words they share: an editor decides."""
    return bool(
        # other places or actors ("arrested in Ghana" / "in Austria"); a name one outlet capitalises ("Priority
        # Services Register") and another not ("priority register") is shared
        (a.names and b.names and a.names.isdisjoint(b.words) and b.names.isdisjoint(a.words))
        or (a.figures and b.figures and _figures_differ(a.figures, b.figures))  # different figures ("5%" / "6%")
        # other times of day ("the leak began at 6:40" / "at 7:15")
        or (a.times and b.times and not (a.times <= b.times or b.times <= a.times))
        # other months ("fares rose on 1 April" / "fares will rise from 1 March")
        or (a.months and b.months and a.months.isdisjoint(b.months))
        # opposite directions ("rose" / "fell")
        or ((a.polar or b.polar) and a.polar != b.polar and _opposed(a.polar, b.polar))
        # the same small figure about other things: nothing else shared but its unit and a direction ("Food prices
        # rose by 4%" / "wages grew by 4%")
        or _small_figure_alone(a, b)
    )


def _small_figure_alone(a: Features, b: Features) -> bool:
    """Whether the only figure two claims share is one of one digit and the other words they share are all units and
    directions, while each has words of its own (what the figure counts) and no figure of one rounds one of the
    other ("71mm" / "more than 70mm"). Two small figures with their units ("four metres over two weeks" / "four
    metres … over the next fortnight") are evidence enough."""
    shared = a.words & b.words
    figures = shared & a.figures
    if len(figures) != 1 or len(next(iter(figures))) > 1 or not shared - figures <= _COUNTING:
        return False
    if not (a.words - b.words - a.figures - _COUNTING) or not (b.words - a.words - b.figures - _COUNTING):
        return False
    only_a, only_b = a.figures - figures, b.figures - figures
    return not (only_a and only_b and _approximated(only_a, only_b))


def _figures_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each claim has a figure the other lacks ("5%" / "6%"). Once they share a figure of two or more characters
    (38 votes to 21), single digits are incidental ("a three-hour debate", "a two-year cap") and do not count. A
    round figure and the precise one it rounds are one figure ("just under 49,000" / "48,968"). Once they share such a
    figure, a year differs only from another year ("in 2019" / "in 2020"), not from a count one outlet adds ("38mm,
    the driest for 40 years" / "38mm, the lowest since 1986")."""
    only_a, only_b = a - b, b - a
    if not only_a or not only_b:
        return False
    approximated = _approximated(only_a, only_b)
    if approximated:
        only_a = only_a - {x for x, _ in approximated}
        only_b = only_b - {y for _, y in approximated}
        if not only_a or not only_b:
            return False
    if not any(len(f) > 1 for f in a & b):
        return True
    years_a = {f for f in only_a if _YEAR.match(f)}
    years_b = {f for f in only_b if _YEAR.match(f)}
    if years_a and years_b:
        return True
    return any(len(f) > 1 for f in only_a - years_a) and any(len(f) > 1 for f in only_b - years_b)


@lru_cache(maxsize=100_000)
def _figure_value(figure: str) -> tuple[float, int, float] | None:
    """A figure's value, its number of significant digits and the step of its last one ("6.2" → (6.2, 2, 0.1), "240"
    → (240.0, 2, 10.0)), or None for a year or what is no plain number."""
    if _YEAR.match(figure):
        return None
    try:
        value = float(figure)
    except ValueError:
        return None
    whole, _, decimals = figure.partition(".")
    if decimals:
        return value, max(len((whole + decimals).lstrip("0")), 1), 10.0 ** -len(decimals)
    zeros = len(whole) - len(whole.rstrip("0"))
    return value, max(len(whole.strip("0")), 1), 10.0**zeros


def _rounds(precise: str, rounded: str) -> bool:
    """Whether an outlet writing `rounded` reports `precise` in round figures: the round figure has fewer significant
    digits, is the precise one rounded to its last digit and within 5 % of it ("more than 240" / "243", "more than six
    per cent" / "6.2%", "just under 49,000" / "48,968"; 61 is no rounding of 58.3, nor 48,000 of 48,968); a small
    whole number is rounded only to a multiple of ten ("some 70mm" / "71mm", but 10 and 11 stay different)."""
    p, r = _figure_value(precise), _figure_value(rounded)
    if p is None or r is None or r[1] >= p[1] or not r[0] or (r[1] == 1 and p[1] > 2):
        return False
    if r[0] < 20 and "." not in precise:
        return False
    difference = abs(p[0] - r[0])
    return difference <= r[2] / 2 and difference <= APPROXIMATE * r[0]


@lru_cache(maxsize=200_000)
def _one_figure(x: str, y: str) -> bool:
    """Whether one of two figures rounds the other (figures recur in a corpus: cached)."""
    return _rounds(x, y) or _rounds(y, x)


def _approximated(only_a: frozenset[str], only_b: frozenset[str]) -> set[tuple[str, str]]:
    return {(x, y) for x in only_a for y in only_b if _one_figure(x, y)}


def _approximate(only_a: frozenset[str], only_b: frozenset[str]) -> int:
    """How many figures of one claim round a figure of the other (each figure counted once; similarity answers the
    one-figure case itself)."""
    pairs = _approximated(only_a, only_b)
    if not pairs:
        return 0
    return min(len({x for x, _ in pairs}), len({y for _, y in pairs}))


def _opposed(a: frozenset[str], b: frozenset[str]) -> bool:
    for x, y in _OPPOSITES:
        if (x in a and y in b and y not in a and x not in b) or (y in a and x in b and x not in a and y not in b):
            return True
    return False


@lru_cache(maxsize=200_000)
def _word_hashes(word: str) -> tuple[int, ...]:
    # One SHAKE digest gives all BANDS x ROWS independent 32-bit hashes of a word at once; words recur, so
    # each is hashed once per process.
    return tuple(array("I", hashlib.shake_128(word.encode()).digest(4 * BANDS * ROWS)))


def keys(feats: Features) -> list[int]:
    """MinHash LSH band keys (signed 64-bit) of a claim; similar claims share at least one with high probability."""
    if not feats.words:
        return []
    minima = list(map(str, map(min, zip(*map(_word_hashes, feats.words), strict=True))))  # as text, once
    negated = int(feats.negated)
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    return [
        from_bytes(
            blake2b(
                f"{band}:{negated}:{':'.join(minima[band * ROWS : (band + 1) * ROWS])}".encode(),
                digest_size=8,
            ).digest(),
            "big",
            signed=True,
        )
        for band in range(BANDS)
    ] + _anchor_keys(feats)


def _anchor_keys(feats: Features) -> list[int]:
    """Keys for a claim's distinctive figures paired with its other anchors (names, other figures): outlets that word
    the same fact differently still give the same figure about the same place or body, and the word bands alone
    miss such pairs. A figure is distinctive with two or more characters and not a year; names are paired only
    with a figure (two names alone, "US" and "Russia", would be shared by far too many claims to look up). Each
    figure is also paired with the WORD_ANCHORS plain words of smallest hash, for rewordings without names, and with
    the claim's units (also as the round figure an outlet may write for it: `_round_form`). Bottom-k sketches keep it
    to at most FIGURE_ANCHORS x (ANCHORS + WORD_ANCHORS) keys and the units' and pick the same anchors in two claims
    that share most of them. Figures of one digit make keys of their own (`_small_figure_keys`)."""
    figures = [f for f in feats.figures if len(f) > 1 and not _YEAR.match(f)]
    if not figures:
        return _small_figure_keys(feats) if feats.figures else []  # none, or years and one-digit figures only
    if len(figures) > FIGURE_ANCHORS:
        figures = sorted(figures, key=lambda w: _word_hashes(w)[0])[:FIGURE_ANCHORS]
    partners = [w for w in feats.names | feats.figures if len(w) > 1]
    if len(partners) > ANCHORS:
        partners.sort(key=lambda w: _word_hashes(w)[0])
    plain = sorted(feats.words - feats.names - feats.figures, key=lambda w: _word_hashes(w)[0])[:WORD_ANCHORS]
    plain += [w for w in feats.words & _FIGURE_UNITS if w not in plain]  # the figure with its unit ("£1.1m", "78mph")
    # A key is built from the words' cached 32-bit hashes (no digest per pair): figure and partner as the high and
    # low halves of a 64-bit integer, the negation flag mixed in, as a signed 64-bit value.
    salt = _ANCHOR_SALT[feats.negated]
    keys = []
    for figure in figures:
        # The figure to two significant digits: a round rewording ("just under 49,000" / "48,968", "almost
        # £190,000" / "£186,000") shares the key, and the scorer decides whether one rounds the other.
        high = _word_hashes(_coarse(figure))[1] << 32
        keys.extend(
            (((high | _word_hashes(_coarse(p))[2]) ^ salt) & 0xFFFFFFFFFFFFFFFF) - (1 << 63)
            for p in [p for p in partners if p != figure][:ANCHORS] + plain
        )
        # A figure of two significant digits is also written as the round figure an outlet may give for it ("71mm" /
        # "more than 70mm", "9.5%" / "almost ten per cent"), with its units only: the round figure's own keys pair it
        # with them, and two significant digits do not reach it.
        rounded = _round_form(figure)
        if rounded is not None:
            high = _word_hashes(rounded)[1] << 32
            keys.extend(
                (((high | _word_hashes(u)[2]) ^ salt) & 0xFFFFFFFFFFFFFFFF) - (1 << 63)
                for u in feats.words & _FIGURE_UNITS
            )
    if any(len(f) == 1 for f in feats.figures):
        keys += _small_figure_keys(feats)
    return keys


def _small_figure_keys(feats: Features) -> list[int]:
    """Keys for a figure of one digit (at most FIGURE_ANCHORS of them) with its unit (SMALL_FIGURE_UNITS of them) and
    one of WORD_ANCHORS plain words, each picked by smallest hash: "Vet records were missing for six weeks" /
    "Veterinary records … were missing for a six-week period", "banned for four years" / "suspended for four years".
    A small figure with its unit alone ("six weeks", "two days") is in too many claims to look up; with a word it is
    as specific as a distinctive figure's keys."""
    units = feats.words & _FIGURE_UNITS
    small = [f for f in feats.figures if len(f) == 1]
    if not units or not small:
        return []
    if len(units) > SMALL_FIGURE_UNITS:
        units = sorted(units, key=lambda w: _word_hashes(w)[0])[:SMALL_FIGURE_UNITS]
    if len(small) > FIGURE_ANCHORS:
        small = sorted(small, key=lambda w: _word_hashes(w)[0])[:FIGURE_ANCHORS]
    plain = sorted(feats.words - feats.names - feats.figures - _FIGURE_UNITS, key=lambda w: _word_hashes(w)[0])
    salt = _ANCHOR_SALT[feats.negated]
    return [
        ((((_word_hashes(f"{figure}:{unit}")[1] << 32) | _word_hashes(word)[2]) ^ salt) & 0xFFFFFFFFFFFFFFFF)
        - (1 << 63)
        for figure in small
        for unit in units
        for word in plain[:WORD_ANCHORS]
    ]


@lru_cache(maxsize=100_000)
def _round_form(figure: str) -> str | None:
    """The round figure of one significant digit that `_rounds` takes for a figure of two ("71" → "~70", "9.5" →
    "~10", "48" → "~50"), as `_coarse` writes it, or None (a figure of other precision, a year, a rounding beyond
    APPROXIMATE, a round figure of one character, which makes no anchor keys of its own)."""
    parsed = _figure_value(figure)
    if parsed is None or parsed[1] != 2 or parsed[0] <= 0:
        return None
    step = 10.0 ** math.floor(math.log10(parsed[0]))
    value = math.floor(parsed[0] / step + 0.5) * step
    written = str(round(value)) if value >= 1 else format(value, "g")
    if len(written) < 2 or not _rounds(figure, written):
        return None
    return _coarse(written)


@lru_cache(maxsize=100_000)
def _coarse(word: str) -> str:
    """A figure rounded half up to two significant digits ("6.24" → "6.2", "186000" → "190000", "48968" → "49000"), as
    index keys write it; a year or any other word as it is. One digit would retrieve more rewordings ("six per cent" /
    "6.2%") but make a figure's keys shared by a ninth of the claims of its magnitude: end to end ~0.6 ms per article
    more on SQLite, and twice the p95 of a match against a million claims."""
    if not word[0].isdigit() or _YEAR.match(word):
        return word
    try:
        value = float(word)
    except ValueError:
        return word
    if value <= 0:
        return word
    step = 10.0 ** (math.floor(math.log10(value)) - 1)
    return "~" + format(math.floor(value / step + 0.5) * step, "g")


def best_match(feats: Features, candidates: list[tuple[int, Features]]) -> tuple[int | None, float]:
    """The most similar candidate (id, similarity), or (None, 0.0)."""
    best_id, best = None, 0.0
    for candidate_id, candidate in candidates:
        score = similarity(feats, candidate)
        if score > best:
            best_id, best = candidate_id, score
    return best_id, best


class MemoryIndex:
    """The same index in memory, for evaluation and benchmarks without a database."""

    def __init__(self) -> None:
        self.postings: dict[int, list[int]] = {}
        self.items: dict[int, Features] = {}

    def add(self, item_id: int, feats: Features) -> None:
        self.items[item_id] = feats
        for key in keys(feats):
            self.postings.setdefault(key, []).append(item_id)

    def match(self, feats: Features, *, limit: int = 50) -> tuple[int | None, float]:
        counts: Counter[int] = Counter()
        for key in keys(feats):
            counts.update(self.postings.get(key, ()))
        candidates = [(i, self.items[i]) for i, _ in counts.most_common(limit)]
        return best_match(feats, candidates)
