"""Help and the command palette, as a new user meets them."""
from __future__ import annotations

from textual.containers import VerticalScroll
from ui_support import running, seed_app, settle

from reader.ui.screens.help import HelpScreen


async def test_help_scrolls_with_j_k_g_and_G():
    app = seed_app()
    async with running(app, (120, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        view = app.screen.query_one(VerticalScroll)
        assert view.max_scroll_y > 0, "the list is longer than the screen"
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g", "j", "j")
        await pilot.pause()
        assert view.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert view.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 10
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen) and app.is_running


async def test_help_lists_the_panel_and_dialog_keys():
    app = seed_app()
    async with running(app, (160, 45)) as pilot:
        await pilot.press("question_mark")
        where = [w for w, _ in app.screen.sections]
        assert {"Highlights panel (H)", "Tag and note dialog", "Search (/)", "Help"} <= set(where)


async def test_the_palette_lists_each_action_once_with_readable_keys():
    app = seed_app(keymap={"next_aligned": "ctrl+n"})
    async with running(app, (160, 45)):
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles)), "no action twice"
        assert "Keys" not in titles, "Textual's key list is our Help"
        helps = {c.title: c.help for c in commands}
        assert helps["Help"] == "keys: ? / f1"
        assert helps["Next article in pane"] == "keys: ."
        assert helps["Next aligned"] == "keys: ctrl+n", "the user's keys"
        ours = [helps[b.description] for b in app.all_bindings() if b.action != "quit"]
        assert not any(name in h for h in ours for name in ("question_mark", "full_stop", "dollar_sign", "comma", "equals_sign"))


async def test_counts_are_in_words_one_article_one_counterpart(tmp_path):
    from reader.articles.loading import load_article
    from reader.ui.app import ReaderApp
    from ui_support import SEEDS

    alone = ReaderApp([load_article(sorted(SEEDS.glob("*.txt"))[0])], threshold=0.25)
    async with running(alone, (160, 45)):
        assert alone.sub_title.startswith("1 article · 0 shared passages ·"), alone.sub_title
    app = seed_app(database=tmp_path / "h.db")
    async with running(app, (160, 45)) as pilot:
        pane = app.focused_pane
        for _ in range(20):  # the first aligned passage with exactly one counterpart
            await pilot.press("right_square_bracket")
            group = app.alignment.groups[app.alignment.group_at(pane.article_index, pane.cursor)]
            if len(group.passages) == 2:
                break
        assert len(group.passages) == 2, "some aligned passage of the first seed has one counterpart"
        await pilot.press("m")
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("(1 counterpart kept)" in m for m in said), said
        assert not any("(s)" in m for m in said)
