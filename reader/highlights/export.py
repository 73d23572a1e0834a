"""The export service: highlights of some articles with their counterparts, rendered as
markdown or Web Annotation JSON, and written atomically where the user pointed."""
from __future__ import annotations

import os
from pathlib import Path

from reader.highlights.annotations import export_json
from reader.highlights.entries import (
    Entry,
    article_key,
    build_entries,
    is_file_key,
    path_key,
)
from reader.highlights.markdown import export_markdown
from reader.highlights.merge import merge
from reader.highlights.store import HighlightStore
from reader.highlights.writing import read_existing, target, write_to
from reader.model import Alignment, Article


def render(entries: list[Entry], fmt: str, threshold: float | None = None, appendix: list[str] | None = None) -> str:
    """The export as text; ``threshold`` is the alignment's, named where no counterpart was found;
    ``appendix`` (markdown lines, such as the story map) ends the markdown body."""
    return export_json(entries) if fmt == "json" else export_markdown(entries, threshold=threshold, appendix=appendix)


def write_export(text: str, fmt: str, output: Path) -> None:
    """Write an export to ``output`` (see ``writing``); markdown replaces only reader's block
    in an existing file."""
    where = target(output)
    existing = read_existing(where) if fmt == "md" else None
    if existing is not None:
        text = merge(existing, text)
    write_to(where, text)


def entries_for(store: HighlightStore, articles: list[Article], alignment: Alignment | None,
                tags: list[str], only: list[Path], lost_anywhere: bool = False) -> list[Entry]:
    """The entries to export: highlights of ``articles`` (or of ``only`` among them), found by
    path or, for a renamed file, by content; with, unless ``only`` is given, the orphans whose
    file is gone from the articles' folders (or from anywhere, with ``lost_anywhere``)."""
    keys = [article_key(a) for a in articles]
    if only:
        wanted = {path_key(p) for p in only}
        keys = [k for k in keys if k in wanted]
    hashes = {a.content_hash for a in articles if article_key(a) in keys}
    folders = {os.path.dirname(k) for k in keys}
    found = {h.id: h for h in store.list(article_paths=keys)}
    for h in store.list():
        if h.content_hash in hashes:  # a file moved or renamed since: matched by content
            found.setdefault(h.id, h)
        elif not only and is_file_key(h.article_path) and (lost_anywhere or os.path.dirname(h.article_path) in folders) \
                and not os.path.exists(h.article_path):  # renamed and edited, or deleted: an orphan
            found.setdefault(h.id, h)
    highlights = list(found.values())
    if tags:
        tagged = {h.id for t in tags for h in store.list(tag=t)}
        highlights = [h for h in highlights if h.id in tagged]
    return build_entries(highlights, articles, alignment)
