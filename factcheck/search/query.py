"""The search query language, parsed once into a small AST that every backend compiles.

Pure Python, no Django. `parse_query` never raises: a query it cannot read exactly (unbalanced
quotes, stray operators, parentheses, a lone `-` or `*`, an invalid filter value) degrades to its
plain words, and the result says so in `ParsedQuery.notice`.

    words            russia invasion        (all of them; stemmed, and a word also finds longer
                                              forms of itself: "Russia" finds "Russian")
    "exact phrase"   "grain deal"
    OR               kyiv OR kiev
    -exclusion       nato -summit
    prefix*          sanction*
    filters          outlet:tass  claimant:putin  lang:en  status:published  rating:false
                     type:statistic  date:2022-03  after:2022-01-01  before:2022-06-30
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 500
MAX_TERMS = 32

FILTER_NAMES = {
    "outlet": "outlet",
    "claimant": "claimant",
    "lang": "language",
    "language": "language",
    "status": "status",
    "rating": "rating",
    "type": "claim_type",
    "date": "date",
    "after": "after",
    "before": "before",
}

# A word is a run of letters and digits in any script; apostrophes inside words ("Russia's")
# are split off so that every backend tokenises the same way.
_WORD = re.compile(r"\w+", re.UNICODE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class AnyOf:
    """Alternatives joined by OR: at least one must match."""

    items: tuple[Term | Phrase, ...]


Clause = Term | Phrase | AnyOf


@dataclass
class ParsedQuery:
    raw: str
    must: list[Clause] = field(default_factory=list)
    must_not: list[Term | Phrase] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    # Date filters as inclusive-start / exclusive-end ISO day strings ("2022-03-01").
    date_from: str = ""
    date_to: str = ""
    degraded: bool = False
    plain_words: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.must and not self.must_not

    @property
    def has_text(self) -> bool:
        return bool(self.must)

    @property
    def notice(self) -> str:
        if not self.degraded:
            return ""
        if self.plain_words:
            return "Showing results for the plain words: " + " ".join(self.plain_words)
        return "The query could not be read; showing everything that matches the filters."

    def positive_words(self) -> list[str]:
        """Every word the user wants found, for highlighting and "similar" searches."""
        words: list[str] = []
        for clause in self.must:
            items = clause.items if isinstance(clause, AnyOf) else (clause,)
            for item in items:
                words.extend(item.words if isinstance(item, Phrase) else (item.word,))
        return words


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _date_range(value: str) -> tuple[str, str] | None:
    """'2022', '2022-03' or '2022-03-05' → [start, end) as ISO days; None if not a date."""
    match = _DATE.match(value)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= year <= 9998 or (month is not None and not 1 <= month <= 12):
        return None
    if month is None:
        return f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    if day is None:
        end_year, end_month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f"{year:04d}-{month:02d}-01", f"{end_year:04d}-{end_month:02d}-01"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    start = f"{year:04d}-{month:02d}-{day:02d}"
    # The exclusive end of a single day: any string greater than the day and its times.
    return start, start + "~"


class _Degrade(Exception):
    pass


def _tokens(text: str) -> list[tuple[str, str]]:
    """Lex into (kind, value): WORD, PHRASE, OR, NOT (a leading '-'), FILTER ('name', 'value')."""
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise _Degrade
            tokens.append(("PHRASE", text[i + 1 : end]))
            i = end + 1
            continue
        if ch == "-":
            if i + 1 < n and not text[i + 1].isspace() and text[i + 1] != "-":
                tokens.append(("NOT", "-"))
                i += 1
                continue
            raise _Degrade
        # A bare token runs to the next space or quote.
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        chunk = text[i:j]
        i = j
        name, sep, value = chunk.partition(":")
        if sep and name.lower() in FILTER_NAMES:
            if not value and i < n and text[i] == '"':
                end = text.find('"', i + 1)
                if end < 0:
                    raise _Degrade
                value, i = text[i + 1 : end], end + 1
            if not value.strip():
                raise _Degrade
            tokens.append(("FILTER", f"{FILTER_NAMES[name.lower()]}\x00{value.strip()}"))
            continue
        if chunk == "OR":
            tokens.append(("OR", chunk))
            continue
        tokens.append(("WORD", chunk))
    return tokens


def _word_item(chunk: str) -> Term | Phrase:
    """A bare chunk: one word, a prefix ('sanction*'), or several words glued by punctuation
    ('U.S.', 'long-range'), which are searched as a phrase."""
    prefix = chunk.endswith("*")
    body = chunk[:-1] if prefix else chunk
    if "*" in body or any(c in body for c in "()[]{}^~\\"):
        raise _Degrade
    words = words_of(body)
    if not words:
        raise _Degrade
    if len(words) == 1:
        return Term(words[0], prefix=prefix)
    if prefix:
        raise _Degrade
    return Phrase(tuple(words))


def _apply_filter(parsed: ParsedQuery, name: str, value: str) -> None:
    if name in ("date", "after", "before"):
        span = _date_range(value)
        if span is None:
            raise _Degrade
        start, end = span
        if name == "date":
            parsed.date_from = max(parsed.date_from, start)
            parsed.date_to = min(parsed.date_to, end) if parsed.date_to else end
        elif name == "after":
            parsed.date_from = max(parsed.date_from, start)
        else:
            parsed.date_to = min(parsed.date_to, start) if parsed.date_to else start
        return
    parsed.filters[name] = value[:200]


def _parse_strict(raw: str) -> ParsedQuery:
    parsed = ParsedQuery(raw=raw)
    tokens = _tokens(raw)
    pending_or: list[Term | Phrase] | None = None
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "FILTER":
            name, _, filter_value = value.partition("\x00")
            _apply_filter(parsed, name, filter_value)
            i += 1
            continue
        if kind == "OR":
            # OR must sit between two positive items.
            if not parsed.must or i + 1 >= len(tokens) or tokens[i + 1][0] not in ("WORD", "PHRASE"):
                raise _Degrade
            last = parsed.must.pop()
            pending_or = list(last.items) if isinstance(last, AnyOf) else [last]
            i += 1
            continue
        negate = kind == "NOT"
        if negate:
            i += 1
            if i >= len(tokens) or tokens[i][0] not in ("WORD", "PHRASE"):
                raise _Degrade
            kind, value = tokens[i]
        if kind == "PHRASE":
            words = words_of(value)
            if not words:
                raise _Degrade
            item: Term | Phrase = Term(words[0]) if len(words) == 1 else Phrase(tuple(words))
        else:
            item = _word_item(value)
        i += 1
        if negate:
            if pending_or is not None:
                raise _Degrade
            parsed.must_not.append(item)
        elif pending_or is not None:
            pending_or.append(item)
            parsed.must.append(AnyOf(tuple(pending_or)))
            pending_or = None
        else:
            parsed.must.append(item)
    if len(parsed.must) + len(parsed.must_not) > MAX_TERMS:
        raise _Degrade
    return parsed


def parse_query(raw: str) -> ParsedQuery:
    """Parse a user's query. Never raises; see the module docstring for the language."""
    raw = (raw or "").replace("\x00", " ")[:MAX_QUERY_CHARS]
    # Typographic quotes are quotes.
    raw = raw.translate(str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}))
    try:
        parsed = _parse_strict(raw)
    except _Degrade:
        parsed = _plain(raw)
    parsed.plain_words = parsed.plain_words or parsed.positive_words()
    return parsed


def _plain(raw: str) -> ParsedQuery:
    """The degraded reading: valid filters are kept; everything else becomes plain words."""
    parsed = ParsedQuery(raw=raw, degraded=True)
    rest: list[str] = []
    for chunk in raw.split():
        name, sep, value = chunk.partition(":")
        if sep and name.lower() in FILTER_NAMES and value.strip('"'):
            try:
                _apply_filter(parsed, FILTER_NAMES[name.lower()], value.strip('"'))
                continue
            except _Degrade:
                pass
        if chunk == "OR":
            continue
        if chunk.upper().startswith("NEAR("):
            chunk = chunk[5:]
        rest.append(chunk)
    words = words_of(" ".join(rest))[:MAX_TERMS]
    parsed.must = [Term(w) for w in words]
    parsed.plain_words = words
    return parsed
