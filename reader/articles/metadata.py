"""Read an article's metadata off the header a person sees at the top of its text.

Handles an outlet line, a title line, a byline and a date line (in any order, each
on its own short line), an inline prefix such as " date 2018-09-25 Sen. Paul …",
or no header at all, where the title comes from the first sentence and the source
from a mention such as "The Daily Beast has learned".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.articles.stdin import LABEL as STDIN_LABEL
from reader.articles.stdin import is_stdin

MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+\-Z]*)?"),
    re.compile(r"(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
]
DATE_PREFIX = re.compile(r"\A\s*(?:date|published|posted|updated)[:\s]\s*", re.I)
BYLINE = re.compile(r"^(?:by|written by)\s+(?P<names>.+)$", re.I)
NAME_LIST = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:(?:,| and|, and) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})*$"
)
REPORTING = r"(?:has learned|have learned|spoke (?:to|with)|reported|reports|obtained|confirmed|first reported|revealed)"
OUTLET = r"(?P<outlet>(?:The )?[A-Z][\w’'&.-]+(?: [A-Z][\w’'&.-]+){0,3})"
SOURCE_MENTIONS = [
    re.compile(OUTLET + r" " + REPORTING),
    re.compile(r"(?:told|according to|in an interview with|speaking to) " + r"(?P<outlet>The [A-Z][\w’'&.-]+(?: [A-Z][\w’'&.-]+){0,3})"),
]
KNOWN_OUTLETS = (
    "The New York Times", "The Washington Post", "The Wall Street Journal", "The Daily Beast",
    "The Gateway Pundit", "The Guardian", "The Atlantic", "The Hill", "The Independent",
    "The Telegraph", "The Times", "The Economist", "Los Angeles Times", "USA Today", "Reuters",
    "Associated Press", "Bloomberg", "Politico", "Axios", "CNN", "Fox News", "NBC News",
    "ABC News", "CBS News", "BBC News", "NPR", "Breitbart", "HuffPost", "Vox", "Al Jazeera",
    "Financial Times", "Newsweek", "Time magazine", "Slate", "Salon", "ProPublica", "The Intercept",
)
# whole words only: "Time" must not be found in "Evil Times"
KNOWN_MENTION = re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(o) for o in sorted(KNOWN_OUTLETS, key=len, reverse=True)) + r")(?![\w’'])")
HEADER_LINES = 6  # at most this many short lines at the top can be a header
# A title made from the first sentence keeps the whole sentence up to the length of a long
# one (news sentences run 20 to 25 words, 120 to 150 characters); longer, it is cut at a word.
TITLE_CHARS = 160
CLAUSE_END = re.compile(r"[,;:]\s|\s[—–]\s")  # a cut here reads better than mid-clause
# "Title | Site", "Title - Site", "Site » Title": the separators page titles put around a site name
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-{1,2}|[–—·•»]|::)\s+")
NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w.'’&!-]*|of|the|and|for|de|la|le|&)$")
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)


@dataclass
class Header:
    """What the top of a text says about it, and where the body starts."""

    title: str = ""
    title_span: tuple[int, int] | None = None  # where a title line stands in the file's text
    source: str = ""
    author: str = ""
    date: str | None = None
    body_start: int = 0


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) for the first date found at the start of ``text``."""
    text = text.strip()
    for pattern in DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            return _iso(m)
    return None


def _iso(m: re.Match) -> str | None:
    groups = m.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else MONTHS[groups["month"].lower().rstrip(".")]
    year, day = int(groups["year"]), int(groups["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_header(raw: str) -> Header:
    """Parse the header lines or inline prefix at the top of a plain-text article."""
    header = Header()
    prefix = DATE_PREFIX.match(raw)
    if prefix:
        rest = raw[prefix.end() :]
        for pattern in DATE_PATTERNS:
            m = pattern.match(rest)
            if m and _iso(m):
                header.date = _iso(m)
                header.body_start = prefix.end() + m.end()
                while header.body_start < len(raw) and raw[header.body_start].isspace():
                    header.body_start += 1
                return header
    for line, start, end in _top_lines(raw):
        had_title = header.title
        if not _classify(line, header):
            break
        if header.title and not had_title:
            at = raw.index(line, start)
            header.title_span = (at, at + len(line))
        header.body_start = end
    while header.body_start < len(raw) and raw[header.body_start].isspace():
        header.body_start += 1
    if header.body_start >= len(raw):  # all of it looked like a header: it is the body
        header.body_start = 0
    return header


def _top_lines(raw: str):
    """(line, start, end) for the first non-empty lines, each ending at its newline."""
    pos = 0
    count = 0
    while pos < len(raw) and count < HEADER_LINES:
        nl = raw.find("\n", pos)
        end = len(raw) if nl < 0 else nl + 1
        line = raw[pos:end].strip()
        if line:
            yield line, pos, end
            count += 1
        pos = end


def _classify(line: str, header: Header) -> bool:
    """Fill one header field from ``line``; False when the line is body text."""
    if len(line) > 150 or line[-1] in ".,;:" and not line.endswith(("Jr.", "Sr.")):
        return False
    date = parse_date(line) if len(line) < 60 else None
    if date and not header.date:
        header.date = date
        return True
    m = BYLINE.match(line)
    if m and not header.author:
        header.author = m.group("names").strip()
        return True
    if not header.source and _is_outlet(line):
        header.source = line
        return True
    if header.title and not header.author and NAME_LIST.match(line) and len(line.split()) <= 12:
        header.author = line
        return True
    if not header.title and len(line.split()) >= 3 and not line.endswith("."):
        header.title = line
        return True
    return False


def _is_outlet(line: str) -> bool:
    if line in KNOWN_OUTLETS:
        return True
    words = line.split()
    return 1 <= len(words) <= 5 and len(line) <= 40 and line.startswith("The ") and all(w[0].isupper() for w in words)


def find_source(text: str) -> str:
    """An outlet the text names as itself ("The Daily Beast has learned"), else ""."""
    for pattern in SOURCE_MENTIONS:
        m = pattern.search(text)
        if m:
            return m.group("outlet").strip()
    m = KNOWN_MENTION.search(text)
    return m.group() if m else ""


def title_from(first_sentence: str) -> str:
    """A title made from the first sentence: all of it up to TITLE_CHARS, else cut at the
    end of a clause in its last third, else at a word, with an ellipsis."""
    text = " ".join(first_sentence.split())
    if len(text) <= TITLE_CHARS:
        return text
    clauses = [m.start() for m in CLAUSE_END.finditer(text, 0, TITLE_CHARS) if m.start() >= TITLE_CHARS * 2 // 3]
    cut = clauses[-1] if clauses else text.rfind(" ", 0, TITLE_CHARS)
    return text[: cut if cut > 0 else TITLE_CHARS].rstrip(",;:—– ") + "…"


def split_site_name(title: str, site: str = "") -> tuple[str, str]:
    """(title, site name) of a page title such as "Paul in Moscow | The Washington Post" or
    "BBC News - Paul in Moscow"; the site is the one the page names, else the part cut off.

    Between pipes, the title is the longest part that is not a name ("Opinion | Title | US
    news | The Guardian"), else the first;
    with other separators only a first part equal to ``site`` or a last part that is a
    name ("BBC News", "Reuters", "example.com") is cut, since dashes occur in titles too.
    """
    seps = list(TITLE_SEPARATOR.finditer(title))
    if not seps:
        return title, site
    parts = TITLE_SEPARATOR.split(title)
    if all("|" in m.group() for m in seps):
        titles = [p for p in parts if not _is_site_name(p, site)]
        best = max(titles, key=len) if titles else parts[0]
        names = [p for p in parts if p is not best and _is_site_name(p, site)]
        return best, site or (names[-1] if names else "")
    if site and _same_name(parts[0], site):
        return title[seps[0].end() :], site
    last, rest = parts[-1], title[: seps[-1].start()]
    if _is_site_name(last, site) and len(rest) >= len(last):
        return rest, site or last
    return title, site


def _is_site_name(part: str, site: str) -> bool:
    if site:
        return _same_name(part, site)
    words = part.split()
    if DOMAIN.match(part):
        return True
    return 1 <= len(words) <= 4 and len(part) <= 40 and all(NAME_WORD.match(w) for w in words)


def _same_name(a: str, b: str) -> bool:
    """ "The Washington Post" and "Washington Post" and "washingtonpost.com" are one name."""

    def norm(x: str) -> str:
        x = re.sub(r"^(?:the\s+|www\.)", "", x.strip().lower())
        x = re.sub(r"\.(?:com|org|net|co\.uk|[a-z]{2})$", "", x)
        return re.sub(r"[^a-z0-9]", "", x)

    return norm(a) == norm(b) != ""


def name_from_path(path: Path) -> str:
    """A readable name from a file name: "nyt-rand-paul" -> "Nyt rand paul"; "-" -> "stdin"."""
    if is_stdin(path):
        return STDIN_LABEL
    stem = re.sub(r"[_\-]+", " ", path.stem).strip()
    return stem[:1].upper() + stem[1:] if stem else path.name
