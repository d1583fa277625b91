"""Cleaning and sentence segmentation that never rewrite the text: everything is a span of the original.

Page furniture (navigation, photo credits, captions, sign-in prompts, lines in another script) is found
line by line and excluded; the remaining lines are split into sentences with a rule-based segmenter
(see docs/extraction.md for why it beat pysbd and blingfire here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction.lexicon import MONTH_ABBREVIATIONS

# Whole lines that are navigation, credits or prompts, whatever the outlet.
_FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        all\ news|latest\ news|top\ stories|most\ read|read\ more|read\ also|see\ also|related(?:\ news|\ stories)?:?
        |log\ ?in\ or\ register|sign\ (?:in|up)\b.*|subscribe\b.*|to\ participate\ in\ the\ discussion
        |share(?:\ this)?(?:\ article)?|follow\ us\b.*|advertisement|sponsored(?:\ content)?|comments?
        |source:\s.{0,60}|photo:\s.*|image:\s.*|video:\s.*|credit:\s.*|getty\ images.*|reuters\ photo.*
        |©.*|\(c\)\ .*|copyright\b.*|all\ rights\ reserved.*|click\ here\b.*|tags?:.*|topics?:.*
        |the\ latest\ news\ and\ stories\b.*|stay\ tuned\b.*|cookies?\b.*|accept\ (?:all\ )?cookies.*
        |listen\ to\ this\ article.*|\d+\ min(?:ute)?s?\ read|updated?:?\ .{0,40}\d{4}.*
        # a count of comments, a media embed or its label ("Watch: …", "GALLERY: …", "[Embedded video: … | 1:48]"),
        # links to further pieces ("Related fact checks: …") and production credits ("(Editing by …)")
        |comments?\ \(\d+\)|(?:watch|gallery|audio|in\ pictures|pictures):\s.*
        |\[(?:embedded\ )?(?:caption|video|image|photo|picture|gallery|audio|graphic|map)\b[^\]]*\]
        |related(?:\ [a-z]+){0,2}:\s.*
        |\(?(?:additional\ )?(?:reporting|writing|editing|compiled|edited|produced|written|translated)\ by\s.*
        |(?:today['’]s|this)\ (?:[\w-]+\ ){1,2}was\ (?:written|compiled|edited|produced)\ by\s.*
        # a programme's airing ("Aired Thursday 15 January 2026, 7:45am. …"), an advertiser's line, a price feed's
        # delay notice and a contact line ("Interview requests: press@example.ac.uk, …")
        |(?:aired|broadcast)\ (?:on\ )?(?:[a-z]+day\ )?\d{1,2}\ [a-z]+\ \d{4}\b[^|]*|sponsored:\s.*
        |market\ data\ (?:is\ )?delayed\b.*
        # a translator's or an editor's note
        |(?:translator|editor)['’]s\ note:.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Lines that open with any word, searched only when the line holds their words: a publisher's imprint ("Boxship Weekly
# is published by Harbourline Media Ltd.") and a contact line ("Interview requests: press@example.ac.uk, …").
_IMPRINT = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’&-]*\s+){1,4}is\s+published\s+by\s+.{2,60}")
_CONTACT = re.compile(r"[\w ]{2,30}:\s+\S+@\S+\.\w+.*")
# Captions: "... - Sputnik International, 1920, 23.12.2021" or a credit "Photo: ...", "(Image: PA)" closing the line.
_CAPTION = re.compile(
    r"\s[-–—]\s[^.!?]{2,60},\s*\d{3,4},\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$|\bPhoto:\s|©\s?\w"
    r"|\((?:Image|Images|Picture|Pictures|Pic|Photograph|Credit|Video)s?:\s[^()]{1,60}\)\s*$"
    # a tabloid caption's note on the picture: "SHOPPERS' DELIGHT: Cheaper bread from Monday (Stock image)"
    r"|\((?:Stock|File|Library|Archive|Handout|Pool)\s+(?:image|photo|photograph|picture|pic)s?\)\s*$"
)
# Dateline at the start of a paragraph: "MOSCOW, March 15. /TASS/.", "LONDON (Reuters) -", "UPPER STANMOOR, England,
# Dec 7 (CPS) -".
# A press release's dateline has no agency: "STELLBRIDGE - Lintel Fibre today confirmed …", "HULL, 3 May - …"
# (one to three upper-case words, a date perhaps, a dash, then a capitalised word).
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\.?(?=,))?(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?\.?\s*"
    r"(?:/[A-Za-z][\w .-]{1,40}/\.?|\([A-Z][\w .-]{1,40}\)\s*[-–—]?)\s*"
    r"|^[A-Z][A-Z'.-]{2,}(?:\s[A-Z][A-Z'.-]+){0,2}"
    r"(?:,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?)(?:,?\s+\d{4})?)?"
    # a US or Australian dateline's state, then perhaps the agency: "HARLOW FALLS, Wis. (MPW) — "
    r"(?:,\s+[A-Z][a-z]{1,10}\.?(?:\s+\([A-Z][\w .-]{1,40}\))?)?\s[-–—]\s+(?=[A-Z])"
)
# A layout prefix opening a line before its sentence, no part of it: a list bullet ("- ", "• "), a transcript's or
# live page's time stamp ("[00:00:38]", "00:01:44", "14:10 GMT:", "UPDATE 14:10:", "15:48 —"), an entry marker
# ("Update:", "Latest –"), a numbered item of minutes or notes ("3.1", "2.", "(a)"). What follows opens with a
# capital (or a quotation mark, a bracket): "3.5 million people …" and "2.30pm" keep their figures.
_LEAD_IN = re.compile(
    r"(?:[-–—•·▪*]\s+)?"
    r"(?:(?:UPDATED?|Updated?|LATEST|Latest|BREAKING|Breaking)(?=[\s:–—-])\s*"
    r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?)?\s*[:–—-]\s+"
    r"|[\[(]?\d{1,2}[:.]\d{2}(?::\d{2})?[\])]?(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4})(?=\s*[:|–—-]))?\s*[:|–—-]?\s+"
    r"|\d{1,2}(?:\.\d{1,2})+\.?\s+|\d{1,2}[.)]\s+|\([a-z0-9]{1,3}\)\s+)?"
    r"(?=[\"'“‘(\[]?[A-Z\u00C0-\u00DE])"
)
# A fact check's section labels ("THE CLAIM: '…'", "THE FACTS: Flights stopped at 21:05 …", "OUR VERDICT: …"): the
# page's layout, no part of the sentence they open.
_SECTION_LABEL = re.compile(
    r"(?:THE\s+)?(?:(?:SECOND|THIRD|NEW)\s+)?(?:CLAIM|FACTS?|VERDICT|RATING|BACKGROUND|CONTEXT)S?:\s+"
    r"|OUR\s+(?:VERDICT|RATING|RULING):\s+"
)
# Breadcrumbs and menus: "Home | World | Climate", "News > Politics".
# An item may carry a count ("Comments (12)").
_NAVIGATION = re.compile(r"^(?:[\w&'’ -]{1,25}(?:\(\d+\))?\s*(?:\||>|»|·|•)\s*){1,8}[\w&'’ -]{1,25}(?:\(\d+\))?$")
_NAVIGATION_SEPARATORS = ("|", ">", "»", "·", "•")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_LETTER = re.compile(r"[^\W\d_]")
# A character that may be a letter of another script: anything but ASCII, Latin letters (U+00C0-U+024F), the
# Latin-1 signs that are not letters (U+00A0-U+00BF without ª ² ³ µ ¹ º ¼ ½ ¾), general punctuation and
# currency signs. Lines without one have only Latin letters, and need no counting.
_NOT_LATIN = re.compile(
    r"[^\x00-\x7f\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF-\u024F\u2000-\u206F\u20A0-\u20CF]"
)
# Closing punctuation that ends a body line (a headline ends without): the last character is tested.
_HEADLINE_ENDS = tuple(".!?…:;\"'”’»)]")
_CLOSING_BRACKETS = (")", "]")
_SENTENCE_ENDS = tuple(".!?…")
_LINE = re.compile(r"[^\n]+")
# A whole quotation, then a dash and its speaker: "'… closed this airport.' — Martin Hale, …".
_CREDITED_QUOTE = re.compile(r"^(?:[A-Z][A-Z ]{1,30}:\s+)?[‘'“\"][A-Z].{10,}?[.!?…][’'”\"]\s+(?P<credit>[—–]\s+[A-Z])")
# A link closing a line ("… at example.com/send"), and a sentence of body copy inside a line: eight words or more,
# then a full stop and the capital of the next sentence.
_LINK_END = re.compile(r"\s[\w.-]+\.(?:com|org|net|co\.uk|[a-z]{2})(?:/\S*)?$")
# A quotation closed by its source's credit: "THE CLAIM: 'This is the first time …' — Martin Hale, on X, 5 March".
_QUOTE_CREDIT = re.compile(r"[.!?]['’\"”]\s+[—–-]\s+[A-Z]")
# A teaser closing a line ("… have been recalled. Here is what has happened and what to do."): the line is a
# standfirst or a newsletter's greeting, which the body repeats.
_TEASER_END = re.compile(r"(?:^|[.!?]\s+)Here(?:'s|’s| is| are)\s+(?:what|how|why|everything)\b[^.!?]*[.!?:]?$")
_BODY_SENTENCE = re.compile(r"^(?:[^.!?\s]+\s+){7,}[^.!?\s]*[a-z0-9][.!?]\s+[A-Z]")
# The word after a boundary, its spaces skipped: matched where the boundary ends, no copy of the rest of the line.
_NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]?(\w+)")
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    paragraph: int
    furniture: str = ""  # why the line was dropped, or "" when kept
    headline: bool = False


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    headline: bool = False


def _furniture_reason(text: str) -> str:
    stripped = text.strip()
    if stripped.isascii():
        if not any(ch.isalpha() for ch in stripped):
            return "no words"
    elif _NOT_LATIN.search(stripped):
        letters = _LETTER.findall(stripped)
        if not letters:
            return "no words"
        if len(_LATIN.findall(stripped)) < 0.5 * len(letters):
            return "other script"
    elif not _LETTER.search(stripped):
        return "no words"
    if _FURNITURE_LINE.match(stripped):
        return "page furniture"
    if (" published by " in stripped and _IMPRINT.fullmatch(stripped)) or (
        "@" in stripped and _CONTACT.fullmatch(stripped)
    ):
        return "page furniture"
    # The caption pattern needs a trailing date or bracket, "Photo:" or "©": test for those before searching the line.
    ends_caption = stripped[-1:].isdigit() or stripped[-1:] == ")"
    if (ends_caption or "Photo:" in stripped or "©" in stripped) and _CAPTION.search(stripped):
        return "caption or credit"
    # A navigation line needs one of its separators: most lines have none, and the pattern is not tried.
    if any(map(stripped.__contains__, _NAVIGATION_SEPARATORS)) and _NAVIGATION.match(stripped):
        return "navigation"
    return ""


def _looks_like_headline(text: str) -> bool:
    # Headlines and standfirsts have no closing punctuation; they repeat the body, so we do not extract them. A line
    # holding a whole sentence of body copy before a trailing link ("… before Thursday. Send us your photos at
    # example.com/send") is no headline, nor a quotation credited after a dash ("'This is the first time …' —
    # Martin Hale, chief executive, on X, 5 March": a fact check's claim, a pull quote).
    stripped = text.rstrip()
    if "Here" in stripped and _TEASER_END.search(stripped):
        return True
    if stripped.endswith(_CLOSING_BRACKETS) and not stripped[:-1].rstrip("\"'”’").endswith(_SENTENCE_ENDS):
        # A bracket closes a sentence only after its full stop: "… reunited with her violin (12 pictures)", "H1 loss
        # $A14.6m (pcp: $A5.2m loss)" are headlines or captions, unless the line holds a sentence of body copy.
        return _BODY_SENTENCE.search(stripped) is None
    if stripped.endswith(_HEADLINE_ENDS) or _QUOTE_CREDIT.search(stripped):
        return False  # a quoted sentence with its credit is what its source said, whatever closes the line
    return len(stripped) < 60 or _LINK_END.search(stripped) is None or _BODY_SENTENCE.search(stripped) is None


# A press release's closing section for journalists: its numbered notes after the heading (about the issuer, where the
# decision is published, how to report side effects) are furniture, though each reads like a statement. An unnumbered
# line there may be a fact about the company that is checked like the body ("… was founded in 1871").
_NOTES_TO_EDITORS = re.compile(r"notes?\s+(?:to|for)\s+editors?:?", re.IGNORECASE)
# The notes that are furniture: the issuer's description of itself ("1. The Digital Rights Authority is the independent
# regulator …") and a pointer to more (where a report is available or published, how to report or contact). A note
# stating a fact about the body's subject ("2. Breaching a ban can lead to a fine of up to £1,000", "Ashby Water
# supplies 610 million litres a day") is checked like the body.
# The issuer's description of itself, also after a release's "About X" heading (below).
_ISSUER_SELF = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+(?:(?:of|and|for)\s+)?){1,6}(?:is|are)\s+(?:a|an|the)\s")
_FURNITURE_NOTE = re.compile(
    rf"\d{{1,2}}\.\s+{_ISSUER_SELF.pattern}"
    r"|.*?(?:\b(?:can|may|should)\s+(?:report|contact|find|apply|request|download|read|view|access)\b"
    r"|\bavailable\s+(?:at|from|on)\b|\bwill\s+be\s+published\b|\benquiries\b|@)"
)

# A release's "About Coralstone" section: the issuer's description of itself after the heading ("Coralstone Group is
# an integrated property developer …") is furniture, as a note to editors about the issuer is.
_ABOUT_HEADING = re.compile(r"About\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’.-]*){0,5}:?")

# A bulleted list item: one with a finite verb is a sentence, unless the list is one of links ("Related stories:").
_BULLETS = ("- ", "• ", "* ", "· ", "▪ ", "– ")
_FINITE_ITEM = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|[a-z]{3,}ed|fell|rose|grew|cut|hit|paid|lost|"
    r"won|made|took|gave|sold|left|held|says|said|told)\s+\S+\s+\S"
)
_LINK_HEADING = re.compile(
    r"(?:related(?:\s+(?:stories|articles|reading|content|coverage))?|more\s+(?:on\s+this(?:\s+story)?|stories|news|from\b.*)|"
    r"read\s+more|see\s+also|most\s+(?:read|popular)|also\s+in\b.*|you\s+may\s+also\s+like|trending|popular|"
    r"recommended|top\s+stories|latest(?:\s+news)?)\s*:?\s*$",
    re.IGNORECASE,
)


def lead_in(text: str) -> int:
    """The length of a line's layout prefix (_LEAD_IN: a bullet, a time stamp, an item number), or 0."""
    if not text or (text[0].isalpha() and text[0] not in "UuLlBb"):
        return 0  # most lines open with a word that no prefix opens with
    found = _LEAD_IN.match(text)
    end = found.end() if found else 0
    return end if " " in text[end:] else 0  # "09:31 BST" alone is a time, not a prefix before a sentence


def split_lines(text: str) -> list[Line]:
    """Lines with their offsets; a blank line starts a new paragraph, and so does every non-empty line."""
    lines: list[Line] = []
    paragraph = 0
    notes = about = links = False
    for match in _LINE.finditer(text):
        raw = match.group()
        if not raw.strip():
            continue
        paragraph += 1
        start = match.start() + (len(raw) - len(raw.lstrip()))
        end = match.end() - (len(raw) - len(raw.rstrip()))
        body = text[start:end]
        furniture = "note to editors" if notes and _FURNITURE_NOTE.match(body) else _furniture_reason(body)
        if about and not furniture and _ISSUER_SELF.match(body):
            furniture = "about the issuer"
        about = len(body) < 60 and _ABOUT_HEADING.fullmatch(body) is not None
        headline = _looks_like_headline(body)
        bullet = body[:2] in _BULLETS
        if headline and bullet and not links and _FINITE_ITEM.search(body):
            # "- Visits fell 12% between 2023 and 2026": a list item with a verb of its own, as key points, highlights
            # and fact boxes print them without a full stop, is a sentence; under "Related:" it is a link.
            headline = False
        if not bullet:
            links = len(body) < 40 and _LINK_HEADING.match(body) is not None
        if not notes and len(body) < 20 and _NOTES_TO_EDITORS.fullmatch(body):
            notes = True
        lines.append(
            Line(
                start,
                end,
                body,
                paragraph,
                furniture=furniture,
                headline=headline,
            )
        )
    return lines


# Tokens that end with a period without ending a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "maj",
    "sen",
    "rep",
    "gov",
    "pres",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "no",
    "nos",
    "vol",
    "fig",
    *MONTH_ABBREVIATIONS,
    "approx",
    "est",
    "dept",
    "univ",
    "assn",
    "bros",
    "mt",
    "ft",
    "ave",
    "blvd",
    "rd",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "d.c",
    "ph.d",
    "op",
    "cf",
    "al",
    "gov't",
    "rev",
    "hon",
    "messrs",
    "mme",
    "art",
    "sec",
    "para",
    "pp",
}
# After these abbreviations a capitalised word usually does start a new sentence ("... in the U.S. The ...").
_SENTENCE_FINAL_ABBR = {
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "etc",
    "a.m",
    "p.m",
    "d.c",
    "inc",
    "ltd",
    "co",
    "corp",
}
_STARTERS = {
    "the",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "a",
    "an",
    "there",
    "however",
    "meanwhile",
    "his",
    "her",
    "their",
    "our",
    "its",
    "according",
    "as",
    "at",
    "after",
}
# A sentence ends before the capital of the next, or before the credit of a quotation (". …' — Martin Hale, …").
_BOUNDARY = re.compile(
    r"(?:[.!?…]+|\.\.\.)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9\u00C0-\u024F])|[.!?][\"'”’](?=\s+[—–]\s+[A-Z])"
)


def _token_before(text: str, end: int) -> str:
    """The run of word characters, dots and apostrophes that ends at `end` (a backward scan, not a regex search)."""
    start = end
    while start > 0:
        ch = text[start - 1]
        if ch.isalnum() or ch in "_.'’":
            start -= 1
        else:
            break
    return text[start:end]


def _is_false_boundary(text: str, punct_start: int, next_word: str) -> bool:
    if text[punct_start] != ".":
        return False
    token = _token_before(text, punct_start).lower()
    if not token:
        return False
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "J. K. Rowling"
    if token in _SENTENCE_FINAL_ABBR:
        return next_word.lower() not in _STARTERS
    if token in {"no", "nos"}:
        return next_word[:1].isdigit()  # "No. 2" is a number; "No. Child poverty fell" is an answer
    if token in _ABBREVIATIONS:
        return True
    # Dotted acronyms not in the list, "N.A.T.O", behave like U.S.
    return bool(_DOTTED_ACRONYM.fullmatch(token)) and next_word.lower() not in _STARTERS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (a line), trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    cursor = start
    segment = text[start:end]
    for match in _BOUNDARY.finditer(segment):
        next_word = _NEXT_WORD.match(segment, match.end())
        if _is_false_boundary(segment, match.start(), next_word.group(1) if next_word else ""):
            continue
        spans.append((cursor, start + match.end()))
        cursor = start + match.end()
    spans.append((cursor, end))
    trimmed = []
    for s, e in spans:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if e > s:
            trimmed.append((s, e))
    return trimmed


def sentences(text: str) -> tuple[list[Sentence], list[Line]]:
    """The kept sentences of an article, and all its lines (furniture included, for reporting)."""
    lines = split_lines(text)
    result: list[Sentence] = []
    for line in lines:
        if line.furniture:
            continue
        start = line.start
        lead = lead_in(line.text)
        start += lead
        body = line.text[lead:]
        label = _SECTION_LABEL.match(body) if body[:1] in "TCFVRBO" else None
        if label and label.end() < len(body):
            start += label.end()
            body = body[label.end() :]
        dateline = None if lead else _DATELINE.match(body)
        # "LONDON (Reuters) - …" is a dateline; "JAMES CARR (presenter): …" is a speaker's label.
        if dateline and dateline.end() < len(body) and body[dateline.end()] != ":":
            start += dateline.end()
        end = line.end
        credit = None
        if not line.headline and not line.text.endswith(_HEADLINE_ENDS):
            # A quotation credited after a dash: the quotation is a sentence, its credit a line's furniture after it
            # ("— Martin Hale, chief executive …"), kept as a headline is, for the speaker it names.
            credit = _CREDITED_QUOTE.match(line.text)
            end = line.start + credit.start("credit") if credit else end
        for s, e in split_sentences(text, start, end):
            result.append(Sentence(s, e, text[s:e], line.paragraph, headline=line.headline))
        if credit:
            s = line.start + credit.start("credit")
            result.append(Sentence(s, line.end, text[s : line.end], line.paragraph, headline=True))
    return result, lines
