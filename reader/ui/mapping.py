"""The app's story map: the map screen (M) over the latest alignment, and a passage chosen on it
shown in its pane, levelled with the other passages of its fact.

``StoryMapper`` is a helper the app owns; all it needs of the app is ``MapHost``."""
from __future__ import annotations

from typing import Any, Protocol

from reader.model import Alignment, Group
from reader.storymap import StoryMap, View, build_map
from reader.ui.host import Host
from reader.ui.levelling import level
from reader.ui.notices import BRIEF
from reader.ui.screens.story_map import StoryMapScreen
from reader.ui.widgets.article_pane import ArticlePane


class MapHost(Host, Protocol):
    """What the story map needs of the app."""

    alignment: Alignment | None

    @property
    def focused_pane(self) -> ArticlePane: ...

    @property
    def visible_panes(self) -> list[ArticlePane]: ...

    def bring_in_counterpart(self, source: ArticlePane, group: Group) -> None: ...

    def call_after_refresh(self, callback: Any, *args: Any) -> Any: ...


class StoryMapper:
    """The map of the latest alignment (built once per alignment) and the view last chosen on it."""

    def __init__(self, host: MapHost) -> None:
        self.host = host
        self.view = View()
        self._built: tuple[Alignment, StoryMap] | None = None

    def story(self, alignment: Alignment) -> StoryMap:
        if self._built is None or self._built[0] is not alignment:
            self._built = (alignment, build_map(alignment))
        return self._built[1]

    def open(self) -> None:
        """The map screen, the cursor on the focused pane's source, in the view last used."""
        alignment = self.host.alignment
        if alignment is None:
            self.host.notify("Still aligning: the map shows once the alignment is done.", timeout=BRIEF)
            return
        screen = StoryMapScreen(self.story(alignment), self.view, self.host.focused_pane.article_index)
        self.host.push_screen(screen, self._closed)

    def _closed(self, view: View | None) -> None:
        if view is not None:
            self.view = view

    def show(self, event: StoryMapScreen.Open) -> None:
        """Show the passage chosen on the map, once the map has closed."""
        self.host.call_after_refresh(self._show, event)

    def _show(self, event: StoryMapScreen.Open) -> None:
        """The passage, the cursor on it, and the other passages of its fact level with it in the
        other panes (one brought in when no pane shows any)."""
        from reader.ui.app import FLASH_SECONDS  # the app's own flash length (tests lengthen it)

        p = event.passage
        self.host.reveal(event.article, p.start, p.end)
        if event.group is None:
            return
        pane = next(x for x in self.host.visible_panes if x.article_index == event.article)  # focus comes later
        self.host.bring_in_counterpart(pane, event.group)
        self.host.call_after_refresh(lambda: level(pane, event.group, self.host.visible_panes, FLASH_SECONDS))
