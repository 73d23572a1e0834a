"""Starting the app: articles loaded and settings checked before the screen changes, then the
app built from them (the UI's composition root)."""
from __future__ import annotations

import difflib
from pathlib import Path

from textual.app import App

from reader.errors import ReaderError, warn
from reader.highlights.store import HighlightStore, StoreBusy
from reader.ui.app import ReaderApp


def check_theme(app: App, theme: str) -> None:
    if theme not in app.available_themes:
        close = difflib.get_close_matches(theme, sorted(app.available_themes), n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ReaderError(f"unknown theme '{theme}'{hint}")


def check_database(path: Path) -> None:
    """A database reader cannot use is a one-line error before the screen changes; one that
    another program holds now is opened by the app, which waits for it without freezing."""
    try:
        HighlightStore(path).close()
    except StoreBusy as e:
        warn(f"{e}: the app opens it when it is free")


def run_app(paths: list[Path], config, threshold: float | None = None, theme: str | None = None) -> int:
    """Load the articles (errors before the screen changes), then run the app; its exit status
    is not 0 when it crashed."""
    from reader.articles import load_articles

    articles = load_articles(paths, warn)
    if len(articles) < 2:
        warn("only one article: nothing to align it with")
    check_database(config.highlights.database_path)
    app = ReaderApp(
        articles,
        threshold=config.align.threshold if threshold is None else threshold,
        panes=config.ui.panes,
        sync=config.ui.sync_scroll,
        wrap_width=config.ui.wrap_width,
        theme=theme or config.ui.theme,
        keymap=dict(config.keys),
        database=config.highlights.database_path,
        tag_colors=dict(config.highlights.tag_colors),
        export_path=Path(config.highlights.export_file).expanduser(),
    )
    check_theme(app, app.initial_theme)
    try:
        app.run()
    finally:
        app.aligning_work.stop()
    return app.return_code or 0

