"""Split display text into paragraphs and sentences, with offsets.

Rules a reader of news expects:

* never split after an abbreviation ("Mr.", "Sen.", "U.S.", "St. Petersburg"),
  an initial ("Michael T. Flynn") or inside a number ("3.5", "$1.2 billion");
* keep a quotation with its attribution ("…," he said.  /  "…?" she asked.);
* a blank line ends a paragraph, and so does a short heading-like line.
"""
from __future__ import annotations

import re

from reader.model import Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sen sens rep reps gov gen lt col maj capt cmdr sgt adm cpl pvt st mt ft
    jr sr rev hon pres supt insp det messrs mme mlle sra sgto inc corp co ltd llc bros dept univ
    assn est approx fig figs vol vols ch pp vs v al jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd hwy cf ca e.g i.e a.m p.m
    u.s u.k u.n u.s.a e.u d.c n.y l.a ph.d m.d b.a m.a""".split()
)
LOWERCASE_ABBREVIATIONS = frozenset("vs v cf approx al ca pp ch fig figs vol vols est".split())
# After these, a capitalised word usually starts a new sentence even behind "U.S." or "a.m."
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I But And In On At This That These Those His Her Its Their "
    "Our There When While After Before However Meanwhile Still Yet So If As Then Now Last Next".split()
)
CONTINUING = frozenset("the a an of and or but to in on at for with by from as that which who".split())
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A candidate end: terminal punctuation, closing quotes/brackets, then white space.
END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
WORD_BEFORE = re.compile(r"([\w.'’-]+)[.!?…]*[\"'”’)\]]*$")
HEADING_MAX = 60  # a line this short with no closing punctuation is a heading of its own
LONGEST = 1200  # sentences longer than this are cut at line breaks or semicolons


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs (runs of text between blank lines), without outer white space."""
    spans = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of ``text`` in order, with paragraph numbers."""
    out: list[Sentence] = []
    for para, (start, end) in enumerate(split_paragraphs(text)):
        for s, e in _paragraph_sentences(text, start, end):
            out.append(Sentence(len(out), s, e, para))
    return out


def _paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for line_start, line_end in _heading_lines(text, start, end):
        cut = line_start
        for m in END.finditer(text, line_start, line_end):
            if _is_boundary(text, m.start(), m.end(), line_end):
                spans.append((cut, m.end()))
                cut = m.end()
        spans.append((cut, line_end))
    out = []
    for s, e in spans:
        for piece in _cut_long(text, s, e):
            s2, e2 = _strip(text, *piece)
            if e2 > s2:
                out.append((s2, e2))
    return out


def _heading_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph after short lines that end without punctuation (headings, datelines)."""
    parts = []
    cut = start
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        if _is_heading(text[pos:nl].strip(), text[nl + 1 : min(end, nl + 80)].lstrip()):
            parts.append((cut, nl))
            cut = nl + 1
        pos = nl + 1
    parts.append((cut, end))
    return parts


def _is_heading(line: str, following: str) -> bool:
    """A short capitalised line without closing punctuation, followed by a capitalised line."""
    if not line or not following or len(line) > HEADING_MAX:
        return False
    last_word = line.rsplit(None, 1)[-1].lower()
    return (
        line[-1] not in ".,;:!?…\"'”’-—–(&/"
        and (line[0].isupper() or line[0].isdigit())
        and (following[0].isupper() or following[0].isdigit() or following[0] in "\"“'‘")
        and last_word not in CONTINUING
    )


def _is_boundary(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    """Whether the punctuation at ``punct_start`` really ends a sentence."""
    nxt = _next_word(text, punct_end, limit)
    if not nxt:
        return True
    first = nxt[0]
    if first.islower() or first in ",;:)]}" or (first.isdigit() and text[punct_start] == "."):
        return False  # "…," he said.  /  "…?" she asked.  /  figures after "No."
    if text[punct_start] != ".":
        return True
    m = WORD_BEFORE.search(text, max(0, punct_start - 40), punct_end)
    word = m.group(1) if m else ""
    bare = word.rstrip(".").lstrip("(\"'“‘").lower()
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        return False  # an initial: "Michael T. Flynn"
    if "." in bare:  # "U.S.", "a.m.": ends a sentence only before a usual first word
        return nxt.strip("\"'“‘") in SENTENCE_STARTERS
    if bare in ABBREVIATIONS and (word[:1].isupper() or bare in LOWERCASE_ABBREVIATIONS):
        return False
    return True


def _next_word(text: str, pos: int, limit: int) -> str:
    m = re.compile(r"\s*(\S+)").match(text, pos, limit)
    return m.group(1) if m else ""


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" (a list, a table) at line breaks, else at semicolons."""
    if end - start <= LONGEST:
        return [(start, end)]
    for sep in ("\n", "; "):
        cuts = [m.end() for m in re.finditer(re.escape(sep), text[start:end])]
        if cuts:
            bounds = [start] + [start + c for c in cuts] + [end]
            return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    return [(start, end)]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
