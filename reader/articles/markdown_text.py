"""The text of a markdown article: front matter or header lines read as metadata, a leading
``# heading`` taken as the title, and heading marks (``## ``) left out of the display text."""
from __future__ import annotations

import re

from reader.articles.frontmatter import header_from, split_front_matter
from reader.articles.metadata import Header, read_header
from reader.articles.textmap import TextBuilder

# An ATX heading line: up to three spaces, 1-6 '#', a space, its text, optional closing '#'s.
HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>[^\r\n]*?))?(?:[ \t]+#+)?[ \t]*\r?$", re.M)
FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.M)


def extract(raw: str) -> tuple[TextBuilder, Header, str]:
    """(display text builder, header metadata, url) of a markdown article."""
    fields, body = split_front_matter(raw)
    header, url = header_from(fields) if fields else (Header(), "")
    body = _skip_space(raw, body)
    heading = HEADING.match(raw, body)
    if heading and heading.group("marks") == "#" and heading.group("text"):
        title = " ".join(heading.group("text").split())
        if not header.title or header.title.casefold() == title.casefold():
            header.title = title
            body = _skip_space(raw, heading.end())
    if not fields:  # no front matter: lines under the title may still be a byline, a date
        below = read_header(raw[body:])
        header.title = header.title or below.title
        header.source, header.author, header.date = below.source, below.author, below.date
        body += below.body_start
    builder = TextBuilder(raw)
    _copy_without_marks(builder, raw, body)
    return builder, header, url


def _skip_space(raw: str, pos: int) -> int:
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return pos


def _copy_without_marks(builder: TextBuilder, raw: str, start: int) -> None:
    """Copy raw[start:] showing each heading's text without its '#' marks (not in code fences)."""
    fences = [m.start() for m in FENCE.finditer(raw, start)]
    pos = start
    for m in HEADING.finditer(raw, start):
        if sum(f < m.start() for f in fences) % 2:  # inside a fenced code block
            continue
        builder.copy_without_tags(pos, m.start())
        if m.group("text"):
            builder.copy_without_tags(m.start("text"), m.end("text"))
        pos = m.end()
    builder.copy_without_tags(pos, len(raw))
