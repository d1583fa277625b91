"""How the cues of an assertion weigh: a weighted sum of the cues found, read as a check-worthiness score 0..1.

The cues are the readable reasons ("number", "attributed statement of fact", "question" …); a model is only their
weights, kept here as plain constants. The extractor scores with the hand-set weights (HAND). Weights learned by a
logistic regression over the same cues (bench/train_scoring.py, scikit-learn at training time only) are scored the
same way, with `logistic=True`, to be measured against them: they did not do better (docs/extraction.md, "Score").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# Every cue a weight can be given, in the order the reasons and the docs list them. A cue is present (1) or not
# (0); "dated event" is a past event with its date (with "dated" and "past event", +0.2 in all); "checkable
# forecast" is a forecast with a figure, a date or a measure's time span to check, "prediction" any other forecast.
CUES = (
    "attributed statement of fact",
    "number",
    "named actors",
    "past event",
    "dated",
    "dated event",
    "negated absolute",
    "denial",
    "record",
    "causal",
    "comparison",
    "legal",
    "classification",
    "investigation",
    "outcome",
    "safety assessment",
    "hazard",
    "announced measure",
    "announced decision",
    "current status",
    "apology",
    "official advice",
    "headline",
    "too short",
    "no verb",
    "vague",
    "question",
    "boilerplate",
    "hope",
    "opinion",
    "prediction",
    "checkable forecast",
    "rhetoric",
)
# Cues searched only after the positive ones, while the score can still reach the threshold.
PENALTY_CUES = CUES[CUES.index("headline") :]


@dataclass(frozen=True)
class ScoringModel:
    """A bias and one weight per cue. `logistic`: the score is the logistic function of the sum (a learned
    model's probability); otherwise the sum itself, clipped to 0..1 (the hand-set weights)."""

    bias: float
    weights: dict[str, float]
    logistic: bool
    # The most the cues searched last can still add: what the early exit must allow for.
    headroom: float = field(init=False)

    def __post_init__(self) -> None:
        missing = set(CUES) - set(self.weights)
        if missing:
            raise ValueError(f"no weight for {sorted(missing)}")
        late = sum(max(0.0, self.weights[cue]) for cue in PENALTY_CUES)
        # An attributed opinion or vague forecast loses the attribution weight after the penalties.
        late += max(0.0, -self.weights["attributed statement of fact"])
        # A speculative forecast loses its "past event".
        late += max(0.0, -self.weights["past event"])
        object.__setattr__(self, "headroom", late)

    def final(self, total: float) -> float:
        """The score of a sum of weights, rounded to three places."""
        if self.logistic:
            if total < -700:
                return 0.0
            return round(1.0 / (1.0 + math.exp(-total)), 3)
        return round(max(0.0, min(1.0, total)), 3)

    def floor(self, threshold: float | None) -> float:
        """A sum below which no score reaches `threshold`, whatever cues are still to come."""
        # Rounding moves a score by at most 0.0005, so this early test never drops what `final` would keep.
        level = -1.0 if threshold is None else min(threshold - 0.001, 0.999999)
        if level <= 0.0:
            return -math.inf  # every score reaches it
        if self.logistic:
            level = math.log(level / (1.0 - level))
        return level - self.headroom

    def score(self, cues: list[str] | tuple[str, ...] | set[str]) -> float:
        return self.final(self.bias + sum(self.weights[cue] for cue in cues))


# The hand-set weights the scoring started from.
HAND = ScoringModel(
    bias=0.3,
    weights={
        "attributed statement of fact": 0.2,
        "number": 0.2,
        "named actors": 0.1,
        "past event": 0.1,
        "dated": 0.05,
        "dated event": 0.05,
        "negated absolute": 0.15,
        "denial": 0.15,
        "record": 0.2,
        "causal": 0.1,
        "comparison": 0.1,
        "legal": 0.1,
        "classification": 0.1,
        "investigation": 0.1,
        "outcome": 0.1,
        "safety assessment": 0.2,
        "hazard": 0.2,
        "announced measure": 0.2,
        "announced decision": 0.2,
        "current status": 0.2,
        "apology": 0.2,
        "official advice": 0.1,
        "headline": -0.5,
        "too short": -0.4,
        "no verb": -0.3,
        "vague": -0.2,
        "question": -1.0,
        "boilerplate": -0.6,
        "hope": -0.35,
        "opinion": -0.3,
        "prediction": -0.25,
        "checkable forecast": -0.1,
        "rhetoric": -0.2,
    },
    logistic=False,
)
