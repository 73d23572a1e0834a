"""The main text of an HTML page, with metadata and a raw offset for every character."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from reader.articles.metadata import Header, parse_date, split_site_name
from reader.articles.textmap import TextBuilder

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
        "form", "button", "iframe", "head", "select", "canvas", "object"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
         "ol", "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "figcaption", "hr", "address"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
META_FIELDS = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "source": ("og:site_name", "publisher", "application-name", "dc.publisher"),
    "author": ("author", "article:author", "dc.creator", "byl", "sailthru.author"),
    "date": ("article:published_time", "date", "pubdate", "publish-date", "dc.date", "og:published_time",
             "datepublished", "sailthru.date"),
    "url": ("og:url",),
}
SPACE = re.compile(r"\s+")


class _Extractor(HTMLParser):
    def __init__(self, raw: str, scope: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.out = TextBuilder(raw)
        self.scope = scope  # "article"/"main": only text inside it counts
        self.scope_depth = 0
        self.skip_depth = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- tags
    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attrs)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower():
            self.meta.setdefault("url", attrs.get("href", ""))
        elif tag == "time" and attrs.get("datetime"):
            self.meta.setdefault("time", attrs["datetime"])
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in ("br", "hr") and self._showing():
                self._break("\n" if tag == "br" else "\n\n")
            return
        if tag == self.scope:
            self.scope_depth += 1
        if tag in SKIP:
            self.skip_depth += 1
        elif tag in BLOCK and self._showing():
            self._break("\n\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in BLOCK and self._showing():
            self._break("\n\n")
        if tag == self.scope and self.scope_depth:
            self.scope_depth -= 1

    def _meta(self, attrs: dict[str, str]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        for field, names in META_FIELDS.items():
            if key in names and attrs.get("content"):
                self.meta.setdefault(field, attrs["content"].strip())

    # -- text
    def _showing(self) -> bool:
        return not self.skip_depth and (self.scope is None or self.scope_depth > 0)

    def _break(self, sep: str) -> None:
        text_end = self.out.last_char()
        if not text_end or text_end == "\n" and sep == "\n":
            return
        self.out.drop_trailing_space()
        pos = self.pos()
        self.out.put(sep, pos, pos)

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        if not self._showing():
            return
        start = self.pos()
        for m in re.finditer(r"\S+|\s+", data):
            s, e = start + m.start(), start + m.end()
            if m.group()[0].isspace():
                if self.out.last_char() not in ("", " ", "\n"):
                    self.out.put(" ", s, e)
            else:
                self.out.copy(s, e)

    def _entity(self, ref: str) -> None:
        start = self.pos()
        length = len(ref) + (1 if self.raw.startswith(";", start + len(ref)) else 0)
        text = html.unescape(self.raw[start : start + length])
        if self.in_title:
            self.title_parts.append(text)
        if self._showing():
            self.out.put(text if not text.isspace() else " ", start, start + length)

    def handle_entityref(self, name):
        self._entity("&" + name)

    def handle_charref(self, name):
        self._entity("&#" + name)


def extract(raw: str) -> tuple[TextBuilder, Header, str]:
    """(display text builder, header metadata, url) of an HTML page."""
    lower = raw.lower()
    scope = "article" if "<article" in lower else "main" if "<main" in lower else None
    parser = _Extractor(raw, scope)
    parser.feed(raw)
    parser.close()
    meta = parser.meta
    page_title = " ".join(SPACE.split(html.unescape("".join(parser.title_parts)))).strip()
    title, source = split_site_name(meta.get("title") or page_title, meta.get("source", ""))
    header = Header(
        title=title,
        source=source,
        author=meta.get("author", ""),
        date=parse_date(meta.get("date") or meta.get("time") or ""),
    )
    return parser.out, header, meta.get("url", "")
