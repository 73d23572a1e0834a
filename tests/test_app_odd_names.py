"""The app stores a highlight of an article whose file name is not UTF-8 (it crashed on m)."""
from __future__ import annotations

import os
import shutil

from ui_support import SEEDS, running, settle

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
    app = ReaderApp(articles, threshold=0.25, database=tmp_path / "h.db", export_path=tmp_path / "x.md")
    async with running(app, (160, 45)) as pilot:
        await pilot.press("m")
        await settle(pilot)
        (h,) = HighlightStore(tmp_path / "h.db").list()  # stored as the dialog opens
        assert h.article_path == article_key(articles[0]) and "\udce9" in h.article_path
    assert app.return_code in (None, 0)


async def test_a_name_with_an_escape_and_a_newline_is_one_visible_line(tmp_path):
    """File names are data: ESC ] 0 ; TITLE BEL never retitles the terminal, a newline never
    splits a header, a list row or a notice."""
    from reader.safe_text import one_line

    name = os.fsdecode(b"x\x1b]0;TITLE\x07\ny.txt")
    (tmp_path / name).write_text("The senator flew to Moscow on Monday for talks with lawmakers. He met the chairman.")
    articles = load_articles([tmp_path / name, *sorted(SEEDS.glob("*.txt"))[:1]], print)
    assert "\n" not in articles[0].meta.source + articles[0].meta.title + articles[0].label
    app = ReaderApp(articles, threshold=0.25)
    async with running(app, (160, 45)) as pilot:
        header = app.query("PaneHeader").first()
        first_row = header.render_line(0).text
        assert "X␛]0;TITLE␇ y" in first_row and "\x1b" not in first_row and "\x07" not in first_row
        await pilot.press("o")
        await pilot.pause()
        options = app.screen.query_one("OptionList")
        prompts = [str(options.get_option_at_index(k).prompt) for k in range(options.option_count)]
        assert all(p.count("\n") == 1 and "\x1b" not in p for p in prompts)  # title, then the file's name
        assert "X␛]0;TITLE␇ y" in prompts[0] and "x␛]0;TITLE␇␤y.txt" in prompts[0]
        await pilot.press("escape")
        app.notify(f"Match in {articles[0].label}")
        await pilot.pause()
        assert any(n.message == one_line(f"Match in {articles[0].label}") for n in app._notifications)
