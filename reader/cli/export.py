"""``reader export``: the command-line side of exporting highlights."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.errors import warn
from reader.highlights.export import entries_for, render, write_export
from reader.highlights.store import HighlightStore


def export_highlights(args: argparse.Namespace, config) -> int:
    """Export the highlights of the articles named (or configured) as the arguments ask."""
    from reader.align import align
    from reader.articles import load_articles

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
