"""Speed of the extraction pipeline alone (no Django, no database); prints CPU ms per article.

    python bench/bench_pipeline.py [--articles 400] [--repeat 3] [--dump FILE] [--profile]

Three inputs: the labelled articles' texts (dev set and test split), and ~4,000-character articles
assembled from dev-set paragraphs with figures and names varied (the same recipe as
bench/bench_extraction.py: claim-dense, about twice a typical article's claims). The best of --repeat
runs is reported, as CPU time of this process (time.process_time) beside wall-clock time.
--dump writes every extracted claim as JSON lines, to compare outputs before and after a change.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract  # noqa: E402

DEVSET = ROOT / "claims" / "extraction" / "devset"


def labelled_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for path in sorted(DEVSET.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts[path.stem] = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def assembled_articles(count: int, seed: int = 7) -> list[str]:
    """~4,000-character articles from the dev set's paragraphs, digits and speakers varied."""
    rng = random.Random(seed)
    paragraphs = []
    with (DEVSET / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            paragraphs.extend(p for p in json.loads(line)["text"].split("\n") if len(p) > 40)
    names = ["Anna Berg", "Tom Reyes", "Maria Lopez", "Ivan Petrov", "Li Wei", "Sara Khan", "Omar Haddad"]
    articles = []
    for _ in range(count):
        parts, size = [], 0
        while size < 4000:
            text = rng.choice(paragraphs)
            text = "".join(str(rng.randint(0, 9)) if ch.isdigit() else ch for ch in text)
            if rng.random() < 0.3:
                text = f"{rng.choice(names)} said that {text[0].lower()}{text[1:]}"
            parts.append(text)
            size += len(text) + 1
        articles.append("\n".join(parts))
    return articles


def timed(articles: list[str], repeat: int) -> tuple[float, float, int]:
    """Best CPU and wall seconds over `repeat` runs, and the number of claims found."""
    best_cpu = best_wall = float("inf")
    claims = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(extract(text)) for text in articles)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_cpu, best_wall, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400, help="assembled ~4,000-character articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per input; the best is reported")
    parser.add_argument("--dump", type=Path, help="write every extracted claim (JSON lines) to this file")
    parser.add_argument("--profile", action="store_true", help="cProfile one run on the assembled articles")
    args = parser.parse_args()

    inputs = {f"labelled: {name}": texts for name, texts in labelled_texts().items()}
    inputs["assembled ~4,000 chars"] = assembled_articles(args.articles)
    extract("Warm-up: the statistics office said prices rose 2% in May.")
    print(f"{'input':<28} {'articles':>8} {'chars avg':>9} {'claims/art':>10} {'CPU ms/art':>10} {'art/CPU-s':>9}")
    for name, articles in inputs.items():
        cpu, wall, claims = timed(articles, args.repeat)
        n = len(articles)
        print(
            f"{name:<28} {n:>8} {sum(map(len, articles)) / n:>9,.0f} {claims / n:>10.1f} "
            f"{1000 * cpu / n:>10.2f} {n / cpu:>9,.0f}   (wall {1000 * wall / n:.2f} ms/art)"
        )
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for name, articles in inputs.items():
                for n, text in enumerate(articles):
                    for claim in extract(text):
                        fh.write(json.dumps({"input": name, "article": n, **claim.__dict__}, ensure_ascii=False) + "\n")
        print(f"claims written to {args.dump}")
    if args.profile:
        articles = inputs["assembled ~4,000 chars"]
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [extract(text) for text in articles])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
