"""The app driven by keys, as a person would, checking real state after each key."""
from __future__ import annotations

import pytest
from ui_support import running, seed_app, settle

from reader.align import align
from reader.articles.loading import load_article
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.search import SearchScreen
from reader.ui.screens.switcher import ArticleSwitcher
from reader.ui.widgets.detail_panel import DetailPanel

SIZE = (160, 45)


def group_under_cursor(app, pane):
    """The alignment group covering the cursor's sentence of ``pane``, or None."""
    g = app.alignment.group_at(pane.article_index, pane.cursor)
    return None if g is None else app.alignment.groups[g]


async def test_opens_three_panes_with_headers_and_alignment():
    app = seed_app()
    async with running(app, SIZE):
        assert [p.article.meta.source for p in app.visible_panes] == [
            "The Daily Beast", "The Gateway Pundit", "The New York Times"]
        assert app.alignment is not None and app.alignment.groups
        assert any(p.sentence_groups for p in app.panes)
        assert "shared passages" in app.sub_title


@pytest.mark.parametrize("keys,expected", [
    (["j", "j"], 2), (["down", "down", "up"], 1), (["G"], "last"), (["G", "g"], 0), (["end", "home"], 0),
])
async def test_sentence_motions(keys, expected):
    app = seed_app()
    async with running(app, SIZE) as pilot:
        await pilot.press(*keys)
        pane = app.focused_pane
        want = len(pane.article.sentences) - 1 if expected == "last" else expected
        assert pane.cursor == want


async def test_paragraph_and_page_motions():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        pane = app.panes[2]  # the NYT has many paragraphs
        pane.focus()
        await pilot.press("right_curly_bracket")
        assert pane.article.sentences[pane.cursor].paragraph == 1
        await pilot.press("left_curly_bracket")
        assert pane.cursor == 0
        await pilot.press("pagedown")
        assert pane.scroll_offset.y > 0 and pane.cursor > 0
        first = pane.cursor
        await pilot.press("pageup")
        assert pane.scroll_offset.y == 0 and pane.cursor < first


async def test_next_and_previous_aligned_passage():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        pane = app.focused_pane
        await pilot.press("right_square_bracket")
        assert pane.cursor in pane.sentence_groups
        first = pane.cursor
        await pilot.press("right_square_bracket")
        assert pane.cursor in pane.sentence_groups and pane.cursor > first
        await pilot.press("left_square_bracket")
        assert pane.cursor == first


async def test_jump_to_counterpart_levels_and_flashes(long_flash):
    app = seed_app()
    async with running(app, SIZE) as pilot:
        source = app.panes[1]  # Gateway Pundit
        source.focus()
        await pilot.press("right_square_bracket", "right_square_bracket")
        group = group_under_cursor(app, source)
        assert group is not None
        await pilot.press("enter")
        row = source.cursor_row()
        leveled = 0
        for passage in group.passages:
            pane = next(p for p in app.panes if p.article_index == passage.article)
            if pane is source:
                continue
            target_row = pane.line_of(passage.start) - int(pane.scroll_offset.y)
            assert target_row == row
            assert pane.flash_span == (passage.start, passage.end)
            leveled += 1
        assert leveled


async def test_jump_levels_every_passage_even_near_the_top_of_a_short_article():
    """The source pane moves too when a counterpart cannot scroll to the cursor's row; every
    counterpart ends on screen, and on one row whenever the panes' extents allow one."""
    app = seed_app()
    async with running(app, SIZE) as pilot:
        checked = level = 0
        for source in app.panes:
            source.focus()
            for group in app.alignment.groups:
                mine = [p for p in group.passages if p.article == source.article_index]
                if not mine:
                    continue
                source.set_cursor(mine[0].first_sentence)
                source.place_line_at_row(source.sentence_line(source.cursor), source.size.height - 2)
                await pilot.press("enter")
                group = app.alignment.groups[app.alignment.group_at(source.article_index, source.cursor)]
                placed = [(source, source.sentence_line(source.cursor))]
                first = {}
                for passage in group.passages:  # the first passage of each article is levelled
                    first.setdefault(passage.article, passage)
                for passage in first.values():
                    pane = next(p for p in app.panes if p.article_index == passage.article)
                    if pane is not source:
                        placed.append((pane, pane.line_of(passage.start)))
                rows = {line - int(pane.scroll_offset.y) for pane, line in placed}
                assert all(0 <= row < source.size.height for row in rows), group
                reachable = [pane.rows_for_line(line) for pane, line in placed]
                if max(lo for lo, _ in reachable) <= min(hi for _, hi in reachable):
                    assert len(rows) == 1, group  # a common row exists: all are on it
                    level += 1
                checked += 1
        assert checked >= 2 * len(app.alignment.groups) and level >= checked // 2


async def test_focus_moves_between_panes():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        assert app.focused is app.panes[0]
        await pilot.press("tab")
        assert app.focused is app.panes[1]
        await pilot.press("l")
        assert app.focused is app.panes[2]
        await pilot.press("h", "h")
        assert app.focused is app.panes[0]
        await pilot.press("shift+tab")
        assert app.focused is app.panes[2]


async def test_sync_toggle_and_sync_scrolling():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        assert app.sync
        source, other = app.panes[1], app.panes[2]
        source.focus()
        passage = None
        for _ in range(len(source.article.sentences)):  # a passage the NYT shares, lower in its text
            await pilot.press("right_square_bracket")
            group = group_under_cursor(app, source)
            mine = [p for p in group.passages if p.article == other.article_index] if group else []
            if mine and other.line_of(mine[0].start) > source.cursor_row():
                passage = mine[0]
                break
        assert passage is not None, "the seeds have one"
        assert other.scroll_offset.y > 0, "the other pane scrolled to follow"
        assert other.line_of(passage.start) - int(other.scroll_offset.y) == source.cursor_row()
        assert other.cursor == passage.first_sentence
        await pilot.press("s")
        assert not app.sync and "sync off" in app.sub_title
        followed_at = other.scroll_offset.y
        await pilot.press("G")
        assert other.scroll_offset.y == followed_at, "with sync off the other pane stays"


async def test_detail_panel_shows_counterparts_and_diff():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        panel = app.query_one(DetailPanel)
        assert not panel.has_class("-visible")
        await pilot.press("right_square_bracket", "d")
        assert panel.has_class("-visible")
        pane = app.focused_pane
        group = group_under_cursor(app, pane)
        assert group is not None and "group score" in panel.plain and ("Same fact" in panel.plain or "Copied text" in panel.plain)
        for passage in group.passages:
            if passage.article != pane.article_index:
                assert app.articles[passage.article].label in panel.plain


async def test_filters_show_only_shared_or_unique():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        full = pane.line_count
        await pilot.press("a")
        assert pane.filter == "shared" and pane.line_count < full
        assert pane.cursor in pane.sentence_groups
        assert all(pane.sentence_at_offset(line.start) in pane.sentence_groups
                   for line in pane.article_layout.lines if line.end > line.start)
        await pilot.press("a")
        assert pane.filter == "all" and pane.line_count == full
        await pilot.press("u")
        assert pane.filter == "unique" and pane.line_count < full
        assert pane.cursor not in pane.sentence_groups
        assert not any(pane.sentence_at_offset(line.start) in pane.sentence_groups
                       for line in pane.article_layout.lines if line.end > line.start)


async def test_search_across_articles_and_next_match():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Cato")
        await pilot.pause()
        assert len(app.screen.matches) >= 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.searcher.last.query == "Cato" and len(app.searcher.last.matches) >= 2
        first = (app.focused_pane.article_index, app.focused_pane.cursor)
        await pilot.press("n")
        assert (app.focused_pane.article_index, app.focused_pane.cursor) != first
        assert "Cato" in app.focused_pane.article.sentence_text(app.focused_pane.article.sentences[app.focused_pane.cursor])


async def test_help_lists_every_binding():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {i for row in app.screen.rows for i in row[2].split(", ")}  # keys shared on purpose: one row
        assert {b.id for b in app.all_bindings()} <= ids
        from textual.widgets import Static

        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "drag selects whole words" in shown and "command palette" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_switcher_and_cycling_articles():
    app = seed_app(panes=2)
    async with running(app, SIZE) as pilot:
        assert len(app.visible_panes) == 2
        await pilot.press("o")
        assert isinstance(app.screen, ArticleSwitcher)
        await pilot.press("down", "down", "enter")
        assert app.focused_pane.article_index == 2
        await pilot.press("full_stop")
        assert app.focused_pane.article_index == 0
        await pilot.press("comma")
        assert app.focused_pane.article_index == 2


async def test_threshold_changes_live():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        before = len(app.alignment.groups)
        for _ in range(3):
            await pilot.press("plus")
        await settle(pilot)
        assert app.threshold == pytest.approx(0.40)
        assert app.alignment.threshold == pytest.approx(0.40)  # re-aligned, no restart
        expected = align(app.articles, 0.40).groups
        assert len(app.alignment.groups) == len(expected) <= before
        assert [len(g.passages) for g in app.alignment.groups] == [len(g.passages) for g in expected]
        assert "threshold 0.40" in app.sub_title
        await pilot.press("minus")
        await settle(pilot)
        assert app.threshold == pytest.approx(0.35)
        assert app.alignment.threshold == pytest.approx(0.35)


async def test_user_keymap_remaps_by_id():
    app = seed_app(keymap={"sentence_down": "J"})
    async with running(app, SIZE) as pilot:
        await pilot.press("J", "J")
        assert app.focused_pane.cursor == 2


async def test_narrow_terminal_shows_fewer_panes_and_tiny_never_crashes():
    app = seed_app()
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        assert len(app.visible_panes) == 2
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert len(app.visible_panes) == 1
        await pilot.press("j", "pagedown", "right_square_bracket", "enter", "d", "a", "u")
        await pilot.pause()
        assert app.is_running


async def test_quit():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        await pilot.press("q")
        assert not app.is_running


INJECTION = ("[bold]bold?[/bold] and [@click=app.quit]click me[/] and \x1b[31mred\x1b[0m "
             "and \x1b]0;pwned\x07 title and \x9b2J and \u202eevil. [link=https://x]x[/link] and more text.\n\n"
             "Second paragraph says [@click=app.bell]ring[/] and nothing else happens here.\n")


async def test_markup_and_escape_sequences_are_data(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(INJECTION, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("An ordinary article about something else entirely.\n", encoding="utf-8")
    app = ReaderApp([load_article(path), load_article(other)], threshold=0.25)
    async with running(app, SIZE) as pilot:
        pane = app.panes[0]
        rendered = "".join(pane.render_line(y).text for y in range(6))
        assert "[bold]bold?[/bold]" in rendered and "[@click=app.quit]click me[/]" in rendered
        assert "\x1b" not in rendered and "\x07" not in rendered and "\x9b" not in rendered
        assert "␛[31mred" in rendered
        await pilot.click(pane, offset=(10, 0))
        await pilot.click(pane, offset=(30, 0))
        await pilot.press("j", "d", "slash", "escape")
        await pilot.pause()
        assert app.is_running


async def test_next_aligned_levels_its_counterparts_in_one_step_and_leaves_no_stale_marks():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        source = app.panes[1]
        source.focus()
        await pilot.pause()
        checked = hidden = 0
        for key in ["right_square_bracket"] * 6 + ["left_square_bracket"] * 3:
            await pilot.press(key)
            group = group_under_cursor(app, source)
            assert group is not None
            row = source.cursor_row()
            assert 0 <= row < source.size.height
            for pane in app.panes:
                if pane is source:
                    continue
                mine = [p for p in group.passages if p.article == pane.article_index]
                carets = [pane.render_line(y).text[1] for y in range(pane.size.height)]
                if mine:
                    assert pane.line_of(mine[0].start) - int(pane.scroll_offset.y) == row, "level"
                    assert pane.cursor == mine[0].first_sentence and pane.marked
                    checked += 1
                else:
                    assert not pane.marked and "▸" not in carets, "no stale cursor mark"
                    hidden += 1
        assert checked >= 6 and hidden >= 3
        await pilot.press("s", "right_square_bracket")  # sync off: the others stay
        assert not app.sync


async def test_the_header_keeps_saying_what_the_filter_shows():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        assert "ONLY" not in app.sub_title
        await pilot.press("u")
        await pilot.pause(2.5)  # longer than the toast
        assert app.sub_title.endswith("· ONLY UNIQUE TEXT")
        assert "ONLY UNIQUE TEXT" in app.query_one("HeaderTitle").render().plain
        await pilot.press("a")
        assert app.sub_title.endswith("· ONLY SHARED PASSAGES")
        await pilot.press("a")
        assert "ONLY" not in app.sub_title
