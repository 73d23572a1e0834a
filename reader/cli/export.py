"""``reader export``: the command-line side of exporting highlights."""
from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.corrections import apply_corrections
from reader.cli.output import emit
from reader.errors import ReaderError, say, warn
from reader.highlights.corrections import list_corrections
from reader.highlights.entries import article_key, path_key
from reader.highlights.export import entries_for, render, write_export
from reader.highlights.model import normalize_tags
from reader.highlights.store import HighlightStore
from reader.safe_text import show_path


def export_highlights(args: argparse.Namespace, config) -> int:
    """Export the highlights of the articles named, or, with no PATH, of every article the
    database knows (from its own paths: this works from any folder)."""
    from reader.align import align

    tags = checked_tags(args.tag)
    if args.map and args.format != "md":
        raise ReaderError("--map adds the story map to the markdown export; for the map as JSON, use 'reader map --format json'")
    store = HighlightStore(config.highlights.database_path)
    try:
        articles = _articles(args.paths, store)
        check_articles(args.article, articles)
        alignment = align(articles, config.align.threshold) if len(articles) > 1 else None
        if alignment is not None:
            alignment = apply_corrections(alignment, list_corrections(store))
        entries = entries_for(store, articles, alignment, tags, args.article, lost_anywhere=not args.paths)
    finally:
        store.close()
    if not entries:
        warn("no highlights match (make some in the app with m or v)")
    text = render(entries, args.format, alignment.threshold if alignment else None, _map(args.map, alignment))
    if args.output is None:
        emit(text)
    else:
        write_export(text, args.format, args.output)
        say(f"reader: exported {len(entries)} highlight(s) to {show_path(args.output)}")
    return 0


def _map(wanted: bool, alignment) -> list[str] | None:
    """With --map, the story map's markdown lines (it needs two or more articles)."""
    if not wanted:
        return None
    if alignment is None:
        warn("--map: the story map needs two or more articles; exported without it")
        return None
    from reader.cli.story_map import map_markdown
    from reader.storymap import build_map

    return map_markdown(build_map(alignment))


def _articles(paths: list[Path], store: HighlightStore) -> list:
    """The articles named, or those of the database's highlights that can still be read."""
    from reader.articles import load_articles

    if paths:
        return load_articles(list(paths), warn)
    known = [Path(p) for p in store.article_paths()]
    present = [p for p in known if p.is_file()]
    if not present:
        return []
    return load_articles(present, warn)


def checked_tags(tags: list[str]) -> list[str]:
    """The --tag values, each a real tag name; a value that is none is an error."""
    for tag in tags:
        if not normalize_tags([tag]):
            raise ReaderError(f"--tag {tag!r}: not a tag name (tags are letters, digits, '-' and '/')")
    return tags


def check_articles(only: list[Path], articles) -> None:
    """Every --article names an article being exported."""
    loaded = {article_key(a) for a in articles}
    for path in only:
        if not path.exists():
            raise ReaderError(f"--article {show_path(path)}: no such file")
        if path_key(path) not in loaded:
            raise ReaderError(f"--article {show_path(path)}: not among the articles exported (give it as a PATH too)")
