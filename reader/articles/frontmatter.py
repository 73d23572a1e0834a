"""YAML (---) or TOML (+++) front matter at the top of a markdown article."""
from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from reader.articles.metadata import Header, parse_date

FENCES = {"---": "yaml", "+++": "toml"}
KEYS = {
    "title": ("title", "headline"),
    "source": ("source", "publisher", "outlet", "site", "site_name", "publication"),
    "author": ("author", "authors", "byline", "by"),
    "date": ("date", "published", "pubdate", "published_at", "created"),
    "url": ("url", "link", "canonical", "source_url"),
}
YAML_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


def split_front_matter(raw: str) -> tuple[dict, int]:
    """(fields, body start) of a markdown text; ({}, 0) when it has no front matter."""
    first_nl = raw.find("\n")
    fence = raw[: first_nl if first_nl >= 0 else len(raw)].strip()
    if fence not in FENCES:
        return {}, 0
    close = re.compile(r"^" + re.escape(fence) + r"[ \t]*\r?$", re.M)
    m = close.search(raw, first_nl + 1)
    if not m:
        return {}, 0
    block = raw[first_nl + 1 : m.start()]
    fields = _toml(block) if FENCES[fence] == "toml" else _yaml(block)
    return fields, m.end()


def header_from(fields: dict) -> tuple[Header, str]:
    """The header (and url) that front-matter fields give."""
    lowered = {str(k).lower(): v for k, v in fields.items()}

    def pick(name: str) -> str:
        for key in KEYS[name]:
            value = lowered.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value not in (None, ""):
                return str(value).strip()
        return ""

    return Header(title=pick("title"), source=pick("source"), author=pick("author"),
                  date=parse_date(pick("date"))), pick("url")


def _toml(block: str) -> dict:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return {}


def _yaml(block: str) -> dict:
    """The flat `key: value` subset of YAML that front matter uses (lists as [a, b] or - items)."""
    fields: dict = {}
    last = None
    for line in block.splitlines():
        if last and re.match(r"^\s+-\s+", line):
            value = fields.get(last)
            items = value if isinstance(value, list) else ([] if value in ("", None) else [value])
            items.append(_scalar(line.split("-", 1)[1]))
            fields[last] = items
            continue
        m = YAML_LINE.match(line)
        if m:
            last = m.group("key")
            value = m.group("value").strip()
            if value.startswith("[") and value.endswith("]"):
                fields[last] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                fields[last] = _scalar(value)
    return fields


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value.split(" #", 1)[0].strip()
