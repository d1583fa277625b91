"""Same claim, other words: features, index keys and a similarity for cross-source claim matching.

A claim becomes a bag of folded, stemmed content words plus a negation flag. Index keys are MinHash
LSH band keys (64-bit integers), so a database finds candidates with an indexed equality lookup; only those
few candidates are scored. Negation is part of every key and of the similarity: "X is not Y" never
matches "X is Y". Different figures ("5%" / "6%") are never merged automatically, only suggested.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from claims.extraction.lexicon import DEMONYMS, NEGATORS, STOPWORDS

SAME = 0.75  # at or above: the same assertion, merged as a new appearance
SUGGEST = 0.5  # at or above (and below SAME): a suggestion an editor confirms or rejects
BANDS = 10
ROWS = 3
NEGATION = "¬"

# Phrases folded to one word before tokenising: wording that outlets use interchangeably.
_PHRASES = [
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
    (r"\bper ?cent\b|%", " percent"),
    (
        r"\b(?:rose|risen|rises|rising|increased?|increases|increasing|grew|grown|grows|climbed|went up|jumped|"
        r"surged)\b",
        "increase",
    ),
    (
        r"\b(?:fell|fallen|falls|falling|decreased?|decreases|decreasing|declined?|declines|dropped|drops|went down|"
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
    ("forces", "personnel", "servicemen", "soldiers", "troops", "army"),
    ("strike",),
    ("target", "strik", "struck", "attack", "shell", "bomb"),
    ("civilian",),
    ("repl", "respons", "answer"),
    ("hand", "deliver", "submit"),
    ("united states", "u.s", "usa", "america", "washington"),
    ("united kingdom", "u.k.", "britain"),
    ("per", "%"),
    ("rose", "risen", "rises", "rising", "increas", "grew", "grown", "grows", "climbed", "went up", "jumped", "surged"),
    ("fell", "fallen", "falls", "falling", "decreas", "declin", "dropped", "drops", "went down", "plunged"),
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
        if any(trigger in folded for trigger in triggers):
            folded = pattern.sub(replacement, folded)
    return folded


_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:[’'][a-z]+)?|\d+(?:[.,]\d+)*")
_MONTHS_FULL = {
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}


def stem(word: str) -> str:
    """A light English suffix stripper: enough to fold plural, -ing and -ed forms together."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
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
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Features:
    words: frozenset[str]  # content stems; digits are figures
    names: frozenset[str]  # the stems that were written as names (weigh more)
    negated: bool
    # What similarity needs of each side, computed once per claim, not once per comparison (similarity is the hot
    # loop of matching): the figures, the weight of the words and figures without the names' bonus, and whether no
    # name looks like a figure (always so for features() and parse(): names are capitalised words).
    figures: frozenset[str] = field(init=False, compare=False, repr=False)
    base: int = field(init=False, compare=False, repr=False)
    simple: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        figures = frozenset(w for w in self.words if w[0].isdigit())
        set_ = object.__setattr__
        set_(self, "figures", figures)
        set_(self, "base", len(self.words) + len(figures))
        set_(self, "simple", not any(w[0].isdigit() for w in self.names))

    def serialise(self) -> str:
        body = " ".join(sorted(("!" + w) if w in self.names else w for w in self.words))
        return body + (f" {NEGATION}" if self.negated else "")

    @classmethod
    def parse(cls, value: str) -> Features:
        # Stored features never change and popular claims are candidates again and again: parse each once.
        return _parse(value)


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
    """The stem of a capitalised word as a name, or None for a month (news vocabulary repeats: cached)."""
    low = raw.lower().replace("’", "'").removesuffix("'s")
    if low in _MONTHS_FULL:
        return None
    return stem(DEMONYMS.get(low, low).replace(" ", ""))


@lru_cache(maxsize=100_000)
def _word_feature(low: str) -> str | None:
    """A lower-cased word as a feature: "" for a negator, None for a stop word, else its folded stem."""
    low = low.replace("’", "'").removesuffix("'s")
    if low in NEGATORS:
        return ""
    if low in STOPWORDS or (len(low) < 2 and not low.isdigit()):
        return None
    if low[0].isdigit():
        return low.replace(",", "")
    return stem(DEMONYMS.get(low, low).replace(" ", ""))


def features(text: str) -> Features:
    """Folded, stemmed content words of a normalised claim, and whether it is negated."""
    # Names are read from the original casing; everything else works on lower case (faster patterns).
    name_stems = set()
    for index, raw in enumerate(_WORD.findall(text)):
        if raw[0].isupper() and (index > 0 or raw.lower().replace("’", "'").removesuffix("'s") in DEMONYMS):
            name = _name_stem(raw)
            if name is not None:
                name_stems.add(name)
    words: set[str] = set()
    negations = 0
    for low in _WORD.findall(fold_phrases(text)):
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
    if a.negated != b.negated or not a.words or not b.words:
        return 0.0
    shared = a.words & b.words
    if not shared:
        return 0.0  # what the weighted sums below give as well
    if not (a.simple and b.simple):
        return _similarity(a, b, shared)
    # No name is a figure: a side's name bonus counts its words among the names of either side (the same sums as
    # _similarity's, in exact halves: the same float).
    names = a.names | b.names
    figures_a, figures_b = a.figures, b.figures
    common = len(shared) + (len(shared & figures_a) if figures_a else 0) + 0.5 * len(shared & names)
    total = a.base + 0.5 * len(a.words & names) + b.base + 0.5 * len(b.words & names)
    score = 2 * common / total
    if figures_a and figures_b and not (figures_a <= figures_b or figures_b <= figures_a):
        score = min(score, SAME - 0.01)  # different figures: an editor decides
    return round(score, 4)


def _similarity(a: Features, b: Features, shared: frozenset[str]) -> float:
    """The general case of similarity: a name that looks like a figure (hand-made features only)."""
    names = a.names | b.names
    common = _weight_sum(shared, shared & a.figures, names)
    total = _weight_sum(a.words, a.figures, names) + _weight_sum(b.words, b.figures, names)
    score = 2 * common / total
    figures_a, figures_b = a.figures, b.figures
    if figures_a and figures_b and not (figures_a <= figures_b or figures_b <= figures_a):
        score = min(score, SAME - 0.01)  # different figures: an editor decides
    return round(score, 4)


@lru_cache(maxsize=200_000)
def _word_hashes(word: str) -> tuple[int, ...]:
    # One SHAKE digest gives all BANDS x ROWS independent 32-bit hashes of a word at once; words recur, so
    # each is hashed once per process.
    return tuple(array("I", hashlib.shake_128(word.encode()).digest(4 * BANDS * ROWS)))


def keys(feats: Features) -> list[int]:
    """MinHash LSH band keys (signed 64-bit) of a claim; similar claims share at least one with high probability."""
    if not feats.words:
        return []
    minima = list(map(min, zip(*map(_word_hashes, feats.words), strict=True)))
    negated = int(feats.negated)
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    return [
        from_bytes(
            blake2b(
                f"{band}:{negated}:{':'.join(map(str, minima[band * ROWS : (band + 1) * ROWS]))}".encode(),
                digest_size=8,
            ).digest(),
            "big",
            signed=True,
        )
        for band in range(BANDS)
    ]


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
