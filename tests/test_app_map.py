"""The story map in the app (M): it opens on the alignment, sorts, filters to a source's blind
spots and to what one source alone reports, chooses a source, and enter opens a passage in
its pane, levelled with the others."""
from __future__ import annotations

from ui_support import running, seed_app

from reader.storymap import BLIND_SPOTS, ONLY, POSITION, View, build_map, view_rows
from reader.ui.screens.story_map import StoryMapScreen
from reader.ui.widgets.map_grid import MapGrid

SIZE = (160, 45)
BEAST = 0  # the seeds in name order: The Daily Beast, The Gateway Pundit, The New York Times


async def open_map(pilot) -> MapGrid:
    await pilot.press("M")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StoryMapScreen)
    return pilot.app.screen.query_one(MapGrid)


async def test_m_opens_the_map_of_the_alignment_on_the_focused_source():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        await pilot.press("tab")  # the second pane: The Gateway Pundit
        grid = await open_map(pilot)
        assert grid.column == 1 and grid.has_focus
        assert [r.group for r in grid.rows] == [r.group for r in view_rows(build_map(app.alignment), View())]
        assert len(grid.rows) == len(app.alignment.groups)
        header = "".join(s.text for s in grid.render_line(0))
        assert "The Daily Beast" in header and "The New York Times" in header
        await pilot.press("escape")
        assert not isinstance(app.screen, StoryMapScreen)


async def test_sort_by_a_sources_order_then_by_how_many_report():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        grid = await open_map(pilot)
        await pilot.press("l", "l", "p")  # the New York Times' column, its order
        nyt = [r.cell(2).passage.start for r in grid.rows if 2 in r.cells]
        assert nyt == sorted(nyt) and len(nyt) == sum(2 in r.cells for r in grid.rows)
        assert [r.group for r in grid.rows] == [r.group for r in view_rows(app.mapper.story(app.alignment),
                                                                              View(sort=POSITION, source=2))]
        await pilot.press("s")
        counts = [r.sources for r in grid.rows]
        assert counts == sorted(counts, reverse=True)


async def test_blind_spots_of_the_daily_beast_and_back():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        grid = await open_map(pilot)
        assert grid.column == BEAST
        await pilot.press("b")
        rows = grid.rows
        assert rows and all(BEAST not in r.cells and r.sources >= 2 for r in rows)
        story = app.mapper.story(app.alignment)
        assert len(rows) == sum(BEAST not in r.cells for r in story.facts)
        title = str(app.screen.query_one("#map-title").render())
        assert "blind spots of The Daily Beast" in title
        await pilot.press("b")  # again: every fact
        assert len(grid.rows) == len(story.facts)
        await pilot.press("b", "escape", "M")  # the view is kept for the next opening
        await pilot.pause()
        assert app.screen.view.filter == BLIND_SPOTS and len(app.screen.query_one(MapGrid).rows) == len(rows)


async def test_only_one_source_and_choosing_the_source_from_the_list():
    app = seed_app()
    async with running(app, SIZE) as pilot:
        grid = await open_map(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the third article
        await pilot.pause()
        assert grid.column == 2
        await pilot.press("u")
        assert grid.rows and all(list(r.cells) == [2] and r.cells[2].how == ONLY for r in grid.rows)
        covered = {p.first_sentence for g in app.alignment.groups for p in g.passages if p.article == 2}
        assert all(r.cells[2].passage.first_sentence not in covered for r in grid.rows)
        await pilot.press("a")
        assert len(grid.rows) == len(app.alignment.groups)


async def test_enter_opens_the_passage_levelled_with_the_others(long_flash):
    app = seed_app()
    async with running(app, SIZE) as pilot:
        grid = await open_map(pilot)
        await pilot.press("b")  # the Daily Beast's blind spots: facts of the other two
        row = grid.rows[0]
        await pilot.press("enter")  # on the Daily Beast's empty cell: the first source that reports it
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, StoryMapScreen)
        article = min(row.cells)
        source = app.focused_pane
        passage = row.cells[article].passage
        assert source.article_index == article and source.cursor == source.sentence_at_offset(passage.start)
        assert source.flash_span == (passage.start, passage.end)
        group = app.alignment.groups[row.group]
        others = [p for p in app.visible_panes if p is not source and p.article_index in row.cells]
        assert others, "a pane shows another source of the fact"
        for pane in others:
            theirs = next(p for p in group.passages if p.article == pane.article_index)
            assert pane.cursor == theirs.first_sentence
            assert pane.line_of(theirs.start) - int(pane.scroll_offset.y) == source.cursor_row()  # level


async def test_enter_on_a_reported_cell_opens_that_sources_passage(long_flash):
    app = seed_app()
    async with running(app, SIZE) as pilot:
        grid = await open_map(pilot)
        await pilot.press("l", "l")  # The New York Times
        target = next(n for n, r in enumerate(grid.rows) if 2 in r.cells and r.sources == 2)
        grid.move_to(target, 2)
        passage = grid.rows[target].cells[2].passage
        await pilot.press("enter")
        await pilot.pause()
        pane = app.focused_pane
        assert pane.article_index == 2 and pane.cursor == pane.sentence_at_offset(passage.start)


async def test_the_map_key_is_remappable_and_in_the_palette_and_help():
    app = seed_app(keymap={"story_map": "f6"})
    async with running(app, SIZE) as pilot:
        await pilot.press("M")
        assert not isinstance(app.screen, StoryMapScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, StoryMapScreen)
        commands = [c.title for c in app.get_system_commands(app.screen_stack[0])]
        assert "Map" in commands
    from reader.ui.screens.help import help_sections

    rows = [row for _, rows in help_sections({}) for row in rows]
    assert any(r[2] == "story_map" for r in rows) and any(r[2] == "map_blind_spots" for r in rows)


async def test_many_columns_scroll_sideways_and_names_stay_text(tmp_path):
    from reader.articles.loading import load_articles
    from reader.ui.app import ReaderApp

    body = "Senator Paul met Kosachev in Moscow on Monday to discuss sanctions and travel bans for lawmakers."
    for k in range(40):
        (tmp_path / f"{k:02d}.md").write_text(f"---\nsource: \"[bold]Out{k}\x1b\"\n---\n\n{body}\n\n"
                                              f"Only outlet {k} reports the weather in town number {k} today.\n")
    app = ReaderApp(load_articles([tmp_path], print), 0.25)
    async with running(app, (120, 30)) as pilot:
        grid = await open_map(pilot)
        header = "".join(s.text for s in grid.render_line(0))
        assert " 1   2   3 " in header  # narrow columns: numbered; the line under the grid names the source
        await pilot.press("dollar_sign")
        assert grid.column == 39 and grid.first_column > 0
        line = "".join(s.text for s in grid.render_line(0))
        assert len(line) <= 120 and " 40 " in line and " 1 " not in line
        named = str(app.screen.query_one("#map-cell").render())
        assert named.startswith("[bold]Out39␛") and "\x1b" not in named
        await pilot.press("0")
        assert grid.column == 0 and grid.first_column == 0
