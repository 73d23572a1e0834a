"""``reader export``: highlights of the given articles, as markdown or Web Annotation JSON."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from reader.atomic import atomic_write, replace_block
from reader.errors import ReaderError
from reader.export_entries import Entry, article_key, build_entries
from reader.export_json import export_json
from reader.export_md import BEGIN, END, export_markdown
from reader.model import Alignment, Article
from reader.store import HighlightStore


def render(entries: list[Entry], fmt: str) -> str:
    return export_json(entries) if fmt == "json" else export_markdown(entries)


def write_export(text: str, fmt: str, output: Path | None) -> None:
    """Print, or write atomically; markdown replaces only reader's block in an existing file."""
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        raise ReaderError(f"{output}: is a folder; give a file name")
    if fmt == "md" and output.exists():
        try:
            existing = output.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ReaderError(f"{output}: cannot read the existing file ({e})") from None
        text = replace_block(existing, text, "---\n" + BEGIN, END)
    atomic_write(output, text)


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


def export_highlights(args: argparse.Namespace, config, warn: Callable[[str], None]) -> int:
    from reader.align import align
    from reader.loading import load_articles

    articles = load_articles(list(args.paths) or [Path(config.articles)], warn)
    store = HighlightStore(config.highlights.database_path)
    try:
        alignment = align(articles, config.align.threshold) if len(articles) > 1 else None
        entries = entries_for(store, articles, alignment, args.tag, args.article)
    finally:
        store.close()
    if not entries:
        warn("no highlights match (make some in the app with m or v)")
    write_export(render(entries, args.format), args.format, args.output)
    if args.output:
        print(f"reader: exported {len(entries)} highlight(s) to {args.output}", file=sys.stderr)
    return 0
