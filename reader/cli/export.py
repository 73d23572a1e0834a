"""``reader export``: the command-line side of exporting highlights."""
from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.output import emit
from reader.errors import ReaderError, say, warn
from reader.highlights.entries import article_key
from reader.highlights.export import entries_for, render, write_export
from reader.highlights.model import normalize_tags
from reader.highlights.store import HighlightStore
from reader.safe_text import show_path


def export_highlights(args: argparse.Namespace, config) -> int:
    """Export the highlights of the articles named (or configured) as the arguments ask."""
    from reader.align import align
    from reader.articles import load_articles

    tags = checked_tags(args.tag)
    articles = load_articles(list(args.paths) or [Path(config.articles)], warn)
    check_articles(args.article, articles)
    store = HighlightStore(config.highlights.database_path)
    try:
        alignment = align(articles, config.align.threshold) if len(articles) > 1 else None
        entries = entries_for(store, articles, alignment, tags, args.article)
    finally:
        store.close()
    if not entries:
        warn("no highlights match (make some in the app with m or v)")
    text = render(entries, args.format)
    if args.output is None:
        emit(text)
    else:
        write_export(text, args.format, args.output)
        say(f"reader: exported {len(entries)} highlight(s) to {show_path(args.output)}")
    return 0


def checked_tags(tags: list[str]) -> list[str]:
    """The --tag values, each a real tag name; a value that is none is an error."""
    for tag in tags:
        if not normalize_tags([tag]):
            raise ReaderError(f"--tag {tag!r}: not a tag name (tags are letters, digits, '-' and '/')")
    return tags


def check_articles(only: list[Path], articles) -> None:
    """Every --article names an article being exported."""
    loaded = {article_key(a.path) for a in articles}
    for path in only:
        if not path.exists():
            raise ReaderError(f"--article {show_path(path)}: no such file")
        if article_key(path) not in loaded:
            raise ReaderError(f"--article {show_path(path)}: not among the articles exported (give it as a PATH too)")
