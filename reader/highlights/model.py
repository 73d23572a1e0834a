"""A highlight and what it carries: quote with context, offsets, tags, note, counterparts;
and how tags typed by a person become clean tags."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable


@dataclass(frozen=True)
class Counterpart:
    """A passage of another article aligned with a highlight when it was made."""

    article_path: str
    source: str
    start: int  # raw offsets into that article's file text
    end: int
    quote: str
    score: float
    copied: bool = False  # text one took from the other, not a fact told in other words (not stored)
    by: str = "aligner"  # "user": a link the user made by hand (not stored)


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage: the quote with context, its raw offsets, tags and note."""

    id: str
    article_path: str
    content_hash: str
    quote: str
    prefix: str
    suffix: str
    start: int  # raw offsets into the article's file text
    end: int
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""
    counterparts: tuple[Counterpart, ...] = field(default=())


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags are case-insensitive words, a slash nests them: "Quote/Paul " -> "quote/paul"."""
    out = []
    for tag in tags:
        word = re.sub(r"[^\w/-]+", "-", tag.strip().lstrip("#").lower())
        parts = [p.strip("-") for p in word.split("/") if p.strip("-")]
        clean = "/".join(parts)
        if clean and clean not in out:
            out.append(clean)
    return tuple(sorted(out))


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed by a person: separated by commas or spaces."""
    return normalize_tags(text.replace(",", " ").split())
