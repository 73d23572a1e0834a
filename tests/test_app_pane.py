"""The article pane's drawing and the app's wiring around it: caret, caches, focus, sync, themes."""
from __future__ import annotations

import pytest
from textual import events
from ui_support import running, seed_app

from reader.align import align
from reader.errors import ReaderError
from reader.ui.aligning.runner import AlignmentRunner
from reader.ui.keymap import check_keymap
from reader.ui.launch import check_theme
from reader.ui.widgets.detail_panel import DetailPanel

SIZE = (160, 45)


def caret_rows(pane) -> list[int]:
    return [y for y in range(pane.size.height) if pane.render_line(y).text[1:2] == "▸"]


async def test_caret_follows_the_cursor_and_untouched_lines_stay_cached():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        pane = app.focused_pane
        first = caret_rows(pane)
        s0 = pane.article.sentences[0]
        assert first == list(range(pane.line_of(s0.start), pane.line_of(s0.end - 1) + 1))
        far = pane.size.height - 1
        before = pane.render_line(far)
        await pilot.press("j")
        assert pane.cursor == 1
        rows = caret_rows(pane)
        assert rows and rows != first
        start = pane.sentence_line(1) - int(pane.scroll_offset.y)
        assert rows[0] == start
        assert pane.render_line(far) is before  # the cursor is part of the key: nothing else redrawn


async def test_focusing_a_scrolled_pane_brings_its_cursor_into_view():
    app = seed_app(sync=False)
    async with running(app, SIZE) as pilot:
        other = app.panes[2]
        other.scroll_to(y=30, animate=False)
        await pilot.pause()
        await pilot.press("l", "l")
        assert app.focused is other
        assert 0 <= other.cursor_row() < other.size.height


async def test_sync_puts_the_other_cursors_on_the_counterparts():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        source = app.focused_pane
        await pilot.press("right_square_bracket")  # the first aligned passage: nothing above it is
        group = app.alignment.groups[app.alignment.group_at(source.article_index, source.cursor)]
        first = {}
        for passage in group.passages:  # an article's first passage in the group is its counterpart
            first.setdefault(passage.article, passage)
        anchored = 0
        for passage in first.values():
            pane = next(p for p in app.visible_panes if p.article_index == passage.article)
            if pane is not source:
                assert pane.cursor == passage.first_sentence
                line = pane.line_of(passage.start)
                lo, hi = pane.rows_for_line(line)  # the rows this pane can show the line at
                row = min(max(source.cursor_row(), lo), hi)
                assert line - int(pane.scroll_offset.y) == row
                anchored += 1
        assert anchored


async def test_wrap_width_limits_line_length():
    app = seed_app(wrap_width=30)
    async with running(app, SIZE):
        pane = app.panes[0]
        texts = [pane.render_line(y).text.rstrip() for y in range(pane.size.height)]
        assert max(len(t) for t in texts) <= 30 + 3  # gutter of 3
        assert any(len(t) > 25 for t in texts)


async def test_theme_change_recolours_the_panes():
    app = seed_app(theme="textual-dark")
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        dark = pane.styles_
        dark_line = pane.render_line(0)
        app.theme = "textual-light"
        await pilot.pause()
        assert pane.styles_ != dark
        assert list(pane.render_line(0)) != list(dark_line)


async def test_large_inputs_align_in_a_child_process_and_colour_the_panes():
    app = seed_app()
    app.aligner = AlignmentRunner(process_above=0)  # as if the seeds were megabytes
    async with running(app, SIZE):
        expected = align(app.articles, 0.25)
        assert app.alignment is not None and not app.aligning
        assert len(app.alignment.groups) == len(expected.groups) > 0
        assert any(pane.sentence_groups for pane in app.panes)


async def test_detail_panel_says_how_much_wording_is_shared():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        await pilot.press("right_square_bracket", "d")
        panel = app.query_one(DetailPanel)
        assert "of the words in common" in panel.plain and "score" in panel.plain
        await pilot.press("d")
        assert not panel.has_class("-visible")


def test_unknown_theme_is_one_line_with_close_matches():
    app = seed_app()
    with pytest.raises(ReaderError) as e:
        check_theme(app, "textual-drak")
    assert "textual-dark" in str(e.value) and "\n" not in str(e.value)
    check_theme(app, "nord")  # a known theme passes


def test_unknown_binding_id_in_keys_is_an_error():
    with pytest.raises(ReaderError, match="next_aligned"):
        check_keymap({"next_alinged": "x"})
    check_keymap({"next_aligned": "ctrl+n"})


async def test_two_hundred_articles_switch_and_swap(tmp_path):
    from reader.articles.loading import load_articles
    from reader.ui.app import ReaderApp
    from reader.ui.screens.switcher import ArticleSwitcher

    for n in range(200):
        (tmp_path / f"a{n:03}.txt").write_text(
            f"Title: Story {n}\nSource: Outlet {n}\n\nOutlet {n} reports that the council met on day {n}. "
            f"The mayor said the budget of {n} million would pass.\n", encoding="utf-8")
    app = ReaderApp(load_articles([tmp_path], print), threshold=0.25)
    async with running(app, SIZE) as pilot:
        assert [p.article_index for p in app.visible_panes] == [0, 1, 2]
        await pilot.press("full_stop")  # 1 and 2 are in other panes: skip to 3
        assert [p.article_index for p in app.visible_panes] == [3, 1, 2]
        await pilot.press("comma")  # back, skipping 2 and 1
        assert app.focused_pane.article_index == 0
        await pilot.press("o")
        assert isinstance(app.screen, ArticleSwitcher)
        assert app.screen.query_one("OptionList").option_count == 200
        await pilot.press("end", "enter")
        assert [p.article_index for p in app.visible_panes] == [199, 1, 2]
        await pilot.press("o", "home", "down", "enter")  # article 1 is in pane 2: the panes swap
        assert [p.article_index for p in app.visible_panes] == [1, 199, 2]
        assert app.panes[0].article.path.name == "a001.txt" and app.panes[1].article.path.name == "a199.txt"


async def test_counterpart_flash_ends_by_itself():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        pane = app.panes[1]
        pane.flash(0, 10, 0.2)
        assert pane.flash_span == (0, 10)
        pane.flash(5, 20, 2.0)  # a new flash replaces the old one, timer and all
        await pilot.pause(0.5)
        assert pane.flash_span == (5, 20)
        await pilot.pause(2.0)
        assert pane.flash_span is None


async def test_every_binding_is_a_palette_command_that_works():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        described = {b.description for b in app.all_bindings() if b.action != "quit"}
        assert described <= set(commands)
        pane = app.focused_pane
        await commands["Next aligned"].callback()
        await pilot.pause()
        assert pane.cursor in pane.sentence_groups
        await commands["Detail"].callback()
        await pilot.pause()
        assert app.query_one(DetailPanel).has_class("-visible")


async def test_markup_in_metadata_shows_literally_in_headers_and_notifications(tmp_path, monkeypatch):
    from reader.articles.loading import load_article
    from reader.ui.app import ReaderApp

    # a brief notification lasts 2 s, and a busy machine (pytest -n 4) can take longer than that
    # to reach the check: here it stays until the test has looked at it
    monkeypatch.setattr("reader.ui.app.BRIEF", 600)

    evil = tmp_path / "evil.md"
    evil.write_text("---\ntitle: \"[bold]Title[/bold]\"\nsource: \"[@click=app.quit]Evil[/]\"\n---\n\n"
                    "The council met on Monday and voted on the budget.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("The council met on Monday and voted on the budget, officials said.\n", encoding="utf-8")
    app = ReaderApp([load_article(evil), load_article(other)], threshold=0.25)
    async with running(app, SIZE, notifications=True) as pilot:
        assert app.articles[0].label == "[@click=app.quit]Evil[/]"
        await pilot.press("slash", *"council", "enter")
        for _ in range(200):  # a loaded machine (pytest -n 2 beside other jobs) draws the toast later
            toasts = [str(t.render()) for t in app.screen.query("Toast")]
            if any("Match 1 of" in t for t in toasts):
                break
            await pilot.pause(0.05)
        assert app.searcher.last.matches and app.is_running
        assert any("Match 1 of" in t and "[@click=app.quit]Evil[/]" in t for t in toasts), toasts
        shot = app.export_screenshot()
        assert "[@click=app.quit]Evil[/]" in shot.replace("&#160;", " ")
        assert "[bold]Title[/bold]" in shot.replace("&#160;", " ")
        await pilot.click(app.panes[0].parent, offset=(6, 0))  # on the source name in the header
        await pilot.pause()
        assert app.is_running


async def test_jump_brings_in_a_counterpart_that_no_pane_shows(long_flash):
    app = seed_app(panes=2)
    async with running(app, SIZE) as pilot:
        pane = app.focused_pane
        target = None
        for _ in range(len(pane.article.sentences)):  # an aligned passage with the unseen article 2
            await pilot.press("right_square_bracket")
            g = app.alignment.group_at(pane.article_index, pane.cursor)
            group = None if g is None else app.alignment.groups[g]
            if group and 2 in group.articles() and 1 not in group.articles():
                target = next(p for p in group.passages if p.article == 2)
                break
        assert target is not None, "the seeds have a Daily Beast / NYT passage"
        await pilot.press("enter")
        assert [p.article_index for p in app.visible_panes] == [0, 2] and app.focused is pane
        other = app.visible_panes[1]
        assert other.flash_span == (target.start, target.end) and other.cursor == target.first_sentence


async def test_pane_headers_show_source_title_and_date_on_their_own_rows():
    app = seed_app()
    async with running(app, SIZE):
        for pane in app.visible_panes:
            header = pane.parent.children[0]
            rows = [header.render_line(y).text.strip() for y in range(3)]
            meta = pane.article.meta
            assert rows[0].endswith(meta.source)
            assert rows[1].startswith(meta.title[:20])
            if meta.date:
                assert meta.date in rows[2]


async def test_mouse_scrolling_a_pane_keeps_the_others_level():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        source = app.panes[1]
        for _ in range(12):  # wheel turns over the pane, as the terminal reports them
            await pilot._post_mouse_events([events.MouseScrollDown], source, offset=(10, 5))
        await pilot.pause()
        assert source.scroll_offset.y > 0
        start = source.sentence_at_line(int(source.scroll_offset.y) + source.size.height // 3)
        followed = 0
        for pane in app.panes:
            anchor = None if pane is source else app.alignment.counterpart_above(
                source.article_index, start, pane.article_index)
            if anchor:
                sentence, passage = anchor
                row = source.sentence_line(sentence) - int(source.scroll_offset.y)
                want = max(0, pane.line_of(passage.start) - row)
                assert int(pane.scroll_offset.y) == min(want, pane.max_scroll_y)
                followed += 1
        assert followed


def test_detail_marks_words_of_close_wordings_but_not_of_paraphrases(tmp_path):
    from reader.articles.loading import load_article
    from reader.model import Alignment, Group, Passage
    from reader.ui.widgets.detail_panel import detail_rows

    texts = ["The senator met the speaker of the Duma in Moscow on Monday.",
             "The senator met the chairman of the Duma in Moscow on Monday.",
             "Lawmakers from both chambers will visit Washington in the autumn, officials said."]
    arts = []
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
        arts.append(load_article(tmp_path / f"{n}.txt"))

    def detail(other: int):
        group = Group(0.5, [Passage(k, 0, len(arts[k].text.rstrip()), 0, 0) for k in (0, other)])
        return detail_rows(Alignment(arts, [group], 0.25), 0, 0)

    close = detail(1)
    assert "paraphrase" not in close[1].plain
    (here_label, here), (there_label, there) = close[2], close[3]
    assert (here_label, there_label) == ("here", "there"), "one above the other"
    assert here.plain == "The senator met the [-speaker-] of the Duma in Moscow on Monday."
    assert there.plain == "The senator met the {+chairman+} of the Duma in Moscow on Monday."
    loose = detail(2)
    assert "a paraphrase: shown without word marks" in loose[1].plain
    assert loose[2][1].plain == texts[0] and loose[3][1].plain == texts[2] and not loose[3][1].spans


def test_every_binding_id_is_unique_remappable_and_in_help():
    from reader.ui import keys
    from reader.ui.screens.help import help_sections

    ids = [b.id for b in keys.all_bindings()]
    assert all(ids) and len(ids) == len(set(ids)), "every binding has its own id"
    check_keymap({i: f"f{n % 24 + 1}" if n < 24 else f"ctrl+f{n % 24 + 1}" for n, i in enumerate(ids)})  # every one
    shown = {i for _, rows in help_sections({}) for row in rows for i in row[2].split(", ")}
    assert shown == set(ids)
    assert {"close_help", "undo_delete", "edit_highlight", "tags_done"} <= shown
    by_id = {b.id: b for b in keys.all_bindings()}
    name = lambda b: b.action.split("(")[0]  # noqa: E731
    clashes = [b.id for b in keys.all_bindings() if name(b) in by_id and name(by_id[name(b)]) != name(b)]
    assert not clashes, "an action named like the id of a binding that does something else"


async def test_the_switcher_tells_apart_articles_of_one_outlet_by_title_and_file_name(tmp_path):
    from reader.articles.loading import load_articles
    from reader.ui.app import ReaderApp

    for name, title in [("morning.md", "Council passes budget"), ("evening.md", "Council passes budget"),
                        ("other.md", "Mayor resigns")]:
        (tmp_path / name).write_text(f"---\nsource: Daily Bugle\ntitle: {title}\n---\n\nThe council met today. "
                                     f"It passed the budget of ten million.\n", encoding="utf-8")
    app = ReaderApp(load_articles([tmp_path], print), threshold=0.25)
    async with running(app, SIZE) as pilot:
        await pilot.press("o")
        options = app.screen.query_one("OptionList")
        rows = [str(options.get_option_at_index(k).prompt) for k in range(options.option_count)]
        assert len(set(rows)) == 3, rows
        for row, article in zip(rows, app.articles):
            assert "Daily Bugle" in row and article.meta.title in row and article.path.name in row
