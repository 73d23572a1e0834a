"""The app stores a highlight of an article whose file name is not UTF-8 (it crashed on m)."""
from __future__ import annotations

import os
import shutil

from ui_support import SEEDS, running

from reader.articles.loading import load_articles
from reader.highlights.entries import article_key
from reader.highlights.store import HighlightStore
from reader.ui.app import ReaderApp


async def test_m_on_an_article_whose_name_is_not_utf8(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        name = os.fsdecode(b"caf\xe9-%d.txt" % n) if n == 0 else seed.name
        shutil.copy(seed, folder / name)
    articles = load_articles([folder], print)
    app = ReaderApp(articles, threshold=0.25, store=HighlightStore(tmp_path / "h.db"), export_path=tmp_path / "x.md")
    async with running(app, (160, 45)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        (h,) = app.store.list()  # stored as the dialog opens
        assert h.article_path == article_key(articles[0]) and "\udce9" in h.article_path
    assert app.return_code in (None, 0)
