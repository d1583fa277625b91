"""Compare sentence segmenters on news edge cases and on speed; prints figures.

    python bench/compare_segmenters.py

Candidates: pysbd 0.3.4 (rule-based, char spans), blingfire 0.1.8 (compiled, offsets), and our
rule-based splitter (claims.extraction.text). Accuracy: share of hand-split paragraphs split exactly right.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pysbd  # noqa: E402

try:
    import blingfire  # needs numpy at import time, which the project does not otherwise use
except ImportError:
    blingfire = None

from claims.extraction.text import split_sentences  # noqa: E402

# Paragraphs and their sentences, split by hand: abbreviations, initials, U.S., decimals, dates, quotes.
CASES = [
    ["Mr. J. K. Smith arrived in the U.S. on Monday.", "He left at 5 p.m. on Tuesday."],
    ["The U.S. economy grew 2.5% last year.", "The Fed kept rates at 5.25 percent."],
    ["Officials met on Jan. 5 in Washington.", "They agreed on a plan."],
    ['"We will win," he said.', '"Nobody doubts it."', "The crowd cheered."],
    ["It cost $3.5 million, i.e. far more than planned.", "Dr. Brown disagreed."],
    ["Prices rose in the U.S.", "The Fed acted."],
    ["Gen. Mark Milley spoke to Sen. Warren at 10 a.m. in Washington, D.C., on Friday."],
    ["“Of course, talks may resume, because things changed.", "New details emerged,” Peskov told a briefing."],
    ["Inflation hit 7.9% in Feb. 2022, the highest in 40 years.", "Rents rose too."],
    ["The No. 2 official, Lt. Col. Ann Ray, said the unit was ready.", "Others disagreed."],
    ["He was born on 12.03.1975 in St. Petersburg.", "He moved to N.Y. later."],
    ["Is it true?", "Nobody knows!", "Experts are divided."],
    ["The company (Acme Inc.) reported a loss.", "Its shares fell 3%."],
    ["Putin announced on February 24 that “the operation had begun.”", "The Russian leader stressed it was limited."],
]


def ours(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


_PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=False)


def with_pysbd(text: str) -> list[str]:
    return [s.strip() for s in _PYSBD.segment(text) if s.strip()]


def with_blingfire(text: str) -> list[str]:
    return [s.strip() for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]


def main() -> None:
    paragraphs = []
    with (ROOT / "claims/extraction/devset/articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            paragraphs.extend(p for p in json.loads(line)["text"].split("\n") if p.strip())
    chars = sum(map(len, paragraphs))
    candidates = [("regex (ours)", ours), ("pysbd", with_pysbd)]
    if blingfire is not None:
        candidates.append(("blingfire", with_blingfire))
    else:
        print("blingfire: not measured (it imports numpy, which is not installed)")
    for name, segment in candidates:
        right = sum(segment(" ".join(case)) == case for case in CASES)
        started = time.perf_counter()
        for _ in range(5):
            for paragraph in paragraphs:
                segment(paragraph)
        elapsed = (time.perf_counter() - started) / 5
        print(
            f"{name:13} edge cases {right}/{len(CASES)} exactly right; "
            f"{chars / elapsed / 1e6:.2f} M chars/s ({elapsed / chars * 4000 * 1000:.2f} ms per 4,000-char article)"
        )
        for case in CASES:
            got = segment(" ".join(case))
            if got != case:
                print(f"    wrong: {got}")


if __name__ == "__main__":
    main()
