"""The export service: highlights of some articles with their counterparts, rendered as
markdown or Web Annotation JSON, and written atomically where the user pointed."""
from __future__ import annotations

from pathlib import Path

from reader.highlights.annotations import export_json
from reader.highlights.entries import Entry, article_key, build_entries
from reader.highlights.markdown import BEGIN, END, export_markdown
from reader.highlights.store import HighlightStore
from reader.highlights.writing import read_existing, target, write_to
from reader.model import Alignment, Article


def render(entries: list[Entry], fmt: str) -> str:
    return export_json(entries) if fmt == "json" else export_markdown(entries)


def write_export(text: str, fmt: str, output: Path) -> None:
    """Write an export to ``output`` (see ``writing``); markdown replaces only reader's block
    in an existing file."""
    where = target(output)
    existing = read_existing(where) if fmt == "md" else None
    if existing is not None:
        text = replace_block(existing, text, "---\n" + BEGIN, END)
    write_to(where, text)


def entries_for(store: HighlightStore, articles: list[Article], alignment: Alignment | None,
                tags: list[str], only: list[Path]) -> list[Entry]:
    keys = [article_key(a.path) for a in articles]
    if only:
        wanted = {article_key(p) for p in only}
        keys = [k for k in keys if k in wanted]
    hashes = {a.content_hash for a in articles if article_key(a.path) in keys}
    found = {h.id: h for h in store.list(article_paths=keys)}
    for h in store.list():  # files moved since: matched by content
        if h.content_hash in hashes:
            found.setdefault(h.id, h)
    highlights = list(found.values())
    if tags:
        tagged = {h.id for t in tags for h in store.list(tag=t)}
        highlights = [h for h in highlights if h.id in tagged]
    return build_entries(highlights, articles, alignment)


def replace_block(existing: str, block: str, begin: str, end: str) -> str:
    """``existing`` with the text from ``begin`` to ``end`` replaced by ``block``.

    Without markers the block is appended after the user's text; their text is never lost.
    """
    hi = existing.find(end)
    lo = existing.rfind(begin, 0, hi) if hi >= 0 else -1  # the begin nearest the end: a stray one stays
    if lo < 0 or hi < 0:
        if not existing.strip():
            return block
        return existing.rstrip("\n") + "\n\n" + block
    return existing[:lo] + block.rstrip("\n") + existing[hi + len(end) :]
