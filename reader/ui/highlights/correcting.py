"""The app's manual corrections: link passages the aligner missed (L: mark one, then its
counterpart in another pane, and confirm), unlink a wrong link (U), and apply the stored
corrections to every alignment the app shows.

Corrections are read with the highlights (``Snapshot.corrections``, so another window's show
up too) and written through the store worker (``StoreCalls``), never on the UI thread.
``Corrector`` is a helper the app owns; what it needs of the app is ``CorrectHost``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reader.highlights.corrected import Corrected, corrected
from reader.highlights.corrections import (
    LINK,
    UNLINK,
    Correction,
    add_correction,
    passage_ref,
    remove_correction,
)
from reader.model import Alignment, Passage
from reader.safe_text import one_line, shortened
from reader.ui.highlights.snapshot import Snapshot
from reader.ui.highlights.store_calls import StoreCalls
from reader.ui.host import Host
from reader.ui.notices import BRIEF, NOTICE, SHORT
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.wording import counted

QUOTE_SHOWN = 50  # characters of a passage named in a message
MARK_SECONDS = 1.5  # how long a passage marked for a link flashes


class CorrectHost(Host, Protocol):
    """What the correction work needs of the app."""

    alignment: Alignment | None

    @property
    def visible_panes(self) -> list[ArticlePane]: ...


@dataclass(frozen=True)
class Marked:
    """A passage marked for a link: display offsets into article ``article``."""

    article: int
    start: int
    end: int


class Corrector:
    """The stored corrections, the alignment they are applied to, and the L and U keys."""

    def __init__(self, host: CorrectHost) -> None:
        self.host = host
        self.calls: StoreCalls | None = None  # the highlighter's store worker, when a database is open
        self.read_only = False
        self.corrections: list[Correction] = []
        self.raw: Alignment | None = None  # the aligner's latest alignment, before corrections
        self.result: Corrected | None = None
        self.marked: Marked | None = None
        self._told_orphans: set[str] = set()

    # ---------------------------------------------------------------- applying
    def take(self, alignment: Alignment) -> Alignment:
        """The aligner's new alignment, corrected (the app shows what this returns)."""
        self.raw = alignment
        return self._apply()

    def take_snapshot(self, snapshot: Snapshot) -> None:
        """The store as read now (with the highlights, so another window's corrections show too)."""
        self.read_only = snapshot.read_only
        self.set_corrections(snapshot.corrections)

    def set_corrections(self, corrections: list[Correction]) -> None:
        """The corrections as stored now; re-apply if they changed."""
        if [c.id for c in corrections] != [c.id for c in self.corrections]:
            self.corrections = list(corrections)
            self._show()

    def _apply(self) -> Alignment:
        self.result = corrected(self.raw, self.corrections)
        new = [c for c in self.result.orphans if c.id not in self._told_orphans]
        if new:
            self._told_orphans.update(c.id for c in new)
            self.host.notify(f"{counted(len(new), 'manual correction')} lost its text (a file changed or is gone): "
                             f"kept, not applied: “{_short(new[0].passages[0].quote)}”", severity="warning",
                             timeout=NOTICE)
        return self.result.alignment

    def _show(self) -> None:
        if self.raw is not None:
            self.host.alignment = self._apply()

    # ---------------------------------------------------------------- link
    def link(self, pane: ArticlePane) -> None:
        """L: mark the cursor sentence (or the selection); in another article, ask to link the two."""
        if not self._can_write():
            return
        span = pane.take_span()
        if span is None:
            return
        here = Marked(pane.article_index, *span)
        first = self.marked
        if first is None or first.article == here.article:
            self.marked = here
            pane.flash(here.start, here.end, MARK_SECONDS)
            self.host.notify(f"Marked for a link: “{_short(self._text(here))}”. Put the cursor on its counterpart "
                             "in another pane and press L again.", timeout=NOTICE)
            return
        from reader.ui.screens.linking import ConfirmLink

        texts = [(self.host.articles[m.article].label, self._text(m)) for m in (first, here)]
        self.host.push_screen(ConfirmLink(texts), lambda yes: self._confirmed(yes, first, here))

    def _confirmed(self, yes: bool | None, first: Marked, second: Marked) -> None:
        self.marked = None
        if not yes:
            self.host.notify("Not linked.", timeout=BRIEF)
            return
        refs = [passage_ref(self.host.articles[m.article], m.start, m.end) for m in (first, second)]
        label = self.host.articles[second.article].label
        self.calls.submit(lambda store: add_correction(store, LINK, refs),
                          lambda c: self._stored(c, f"Linked by you with {label}. U on it unlinks."))

    def _stored(self, correction: Correction, said: str) -> None:
        self.corrections.append(correction)
        self._show()
        self.host.notify(said, timeout=SHORT)

    # ---------------------------------------------------------------- unlink
    def unlink(self, pane: ArticlePane) -> None:
        """U: take apart the cursor passage and its counterpart (asking which, if several)."""
        alignment = self.host.alignment
        if not self._can_write():
            return
        if alignment is None:
            self.host.notify("Still aligning…", timeout=BRIEF)
            return
        pairs = linked_pairs(alignment, pane.article_index, pane.cursor)
        shown = {p.article_index for p in self.host.visible_panes if p is not pane}
        choices = [x for x in pairs if x[1].article in shown] or pairs
        if not choices:
            self.host.notify("No link here to remove: this sentence is reported only by this source.", timeout=BRIEF)
        elif len(choices) == 1:
            self._unlink(*choices[0])
        else:
            from reader.ui.screens.linking import UnlinkChooser

            options = [(self.host.articles[theirs.article].label, self._text(theirs)) for _, theirs, _ in choices]
            self.host.push_screen(UnlinkChooser(options), lambda k: k is not None and self._unlink(*choices[k]))

    def _unlink(self, mine: Passage, theirs: Passage, group: int) -> None:
        label = self.host.articles[theirs.article].label
        made = self.result.made_by.get(group, ()) if self.result else ()
        own = [c for c in self.corrections if c.id in made]
        if len(own) == 1 and len(own[0].passages) == 2 and len(self.host.alignment.groups[group].passages) == 2:
            cid = own[0].id  # a link of yours: take it back

            def removed(_) -> None:
                self.corrections = [c for c in self.corrections if c.id != cid]
                self._show()
                self.host.notify(f"Your link with {label} taken back.", timeout=SHORT)

            self.calls.submit(lambda store: remove_correction(store, cid), removed)
            return
        refs = [passage_ref(self.host.articles[p.article], p.start, p.end) for p in (mine, theirs)]
        self.calls.submit(lambda store: add_correction(store, UNLINK, refs),
                          lambda c: self._stored(c, f"Unlinked from {label}. L links them again."))

    # ---------------------------------------------------------------- helpers
    def _can_write(self) -> bool:
        if self.calls is None:
            self.host.notify("No highlights database is open: corrections cannot be kept.", severity="error")
            return False
        if self.read_only:
            self.host.notify("Corrections cannot be saved: the highlights database is read-only here.",
                             severity="warning")
            return False
        return True

    def _text(self, m: Marked | Passage) -> str:
        return self.host.articles[m.article].text[m.start : m.end]


def linked_pairs(alignment: Alignment, article: int, sentence: int) -> list[tuple[Passage, Passage, int]]:
    """(this article's passage, a counterpart, group number) for every link of ``sentence``."""
    sent = alignment.articles[article].sentences[sentence]
    out: dict[tuple[int, int, int], tuple[Passage, Passage, int]] = {}  # one entry a counterpart
    for g in alignment.groups_over(article, sent.start, sent.end):
        passages = alignment.groups[g].passages
        mine = next(p for p in passages if p.article == article and p.start < sent.end and p.end > sent.start)
        for p in passages:
            if p.article != article:
                out.setdefault((p.article, p.start, p.end), (mine, p, g))
    return list(out.values())


def _short(text: str) -> str:
    text = one_line(" ".join(text.split()))
    return shortened(text, QUOTE_SHOWN + 1)

