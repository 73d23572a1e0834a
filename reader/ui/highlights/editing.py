"""Editing a highlight's tags and note, from two windows at once and through a crash.

* The dialog opens at once, with the highlight as this window last read it; the store's
  current version is read meanwhile and shown if nothing was typed yet.  What the user saw
  is the ``base`` of the save: only what they changed is written, so another window's
  changes are kept (``HighlightStore.update``).  A note changed in both is not saved: the
  user is told, and gets the dialog back with what they typed.
* What is typed is kept as a draft (``DRAFT_SECONDS`` after the last key), so that a kill -9
  loses at most that much; the next start opens the dialog again with it.  Saving or Esc
  drops it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from textual import on
from textual.widgets import Input, TextArea

from reader.errors import ReaderError
from reader.highlights.edits import EditConflict
from reader.highlights.model import Highlight, parse_tags
from reader.highlights.store import Draft, HighlightStore
from reader.safe_text import shortened
from reader.ui.highlights.snapshot import Snapshot, draft_key, draft_owner, left_behind
from reader.ui.notices import BRIEF, ERROR, NOTICE
from reader.ui.screens.tag_note import TagNoteDialog

if TYPE_CHECKING:
    from reader.ui.highlights.highlighting import Highlighter

DRAFT_SECONDS = 0.5  # a draft is written this long after the last key typed
NOTE_SHOWN = 60  # characters of another window's note quoted in a message


class DraftingDialog(TagNoteDialog):
    """The tag and note dialog, telling (after a pause in typing) what is in it."""

    def __init__(self, quote: str, tags: str, note: str, known_tags: list[str],
                 on_change: Callable[[str, str], None], new: bool = False) -> None:
        super().__init__(quote, tags, note, known_tags, new)
        self.on_change = on_change
        self.shown = (tags, note)  # what it opened with
        self.values = [tags, note]  # what it holds now (kept here: its widgets go before it on quitting)
        self._timer = None

    def typed(self) -> tuple[str, str]:
        return self.values[0], self.values[1]

    def touched(self) -> bool:
        return self.typed() != self.shown

    def show_values(self, tags: str, note: str) -> None:
        """Show other values (the store's newer ones) in a dialog nobody has typed into."""
        self.shown = (tags, note)
        self.query_one("#tags", Input).value = tags
        self.query_one("#note", TextArea).text = note

    @on(Input.Changed, "#tags")
    def _tags_typed(self, event: Input.Changed) -> None:
        self.values[0] = event.value
        self._later()

    @on(TextArea.Changed, "#note")
    def _note_typed(self, event: TextArea.Changed) -> None:
        self.values[1] = event.text_area.text
        self._later()

    def _later(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_SECONDS, self.flush)

    def flush(self) -> None:
        """Tell what is typed now, if anything was."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.touched():
            self.on_change(*self.typed())


class Target:
    """The highlight a dialog edits: known, or made by the store before the first save."""

    def __init__(self, highlight: Highlight | None = None,
                 add: Callable[[HighlightStore], Highlight] | None = None) -> None:
        self.highlight = highlight
        self.add = add

    def ensure(self, store: HighlightStore) -> Highlight:
        """In the store's worker: the highlight, added first if it is not in the store yet."""
        if self.highlight is None:
            self.highlight = self.add(store)
        return self.highlight


@dataclass
class Session:
    """One open dialog."""

    target: Target
    base: Highlight | None  # the highlight as the user saw it when the dialog opened
    dialog: DraftingDialog
    drafts: set[str] = field(default_factory=set)  # keys of drafts restored into it: its save or Esc drops them
    kept: bool = False  # a draft of it was asked to be written
    new: bool = False  # the highlight was just made: Esc takes it back


@dataclass(frozen=True)
class Conflict:
    """A save refused because the note was changed elsewhere; ``current`` is the stored highlight."""

    current: Highlight


class Editing:
    """Opens the tag and note dialog, keeps drafts, saves with the base the user saw."""

    def __init__(self, highlighter: Highlighter) -> None:
        self.hl = highlighter
        self.session: Session | None = None
        self.left: dict[str, Draft] = {}  # drafts of ended windows, by highlight id

    # ---------------------------------------------------------------- opening
    def new(self, target: Target, quote: str) -> None:
        """The dialog of a highlight just made: Esc takes the highlight back."""
        self.open(target, quote, "", "", new=True)

    def existing(self, h: Highlight) -> None:
        """Open the dialog on ``h`` (on a draft of it left by an ended window, if any), and re-read it."""
        left = self.left.get(h.id)
        if left is not None:
            self.hl.host.notify("Tags and a note typed before reader stopped are back (not saved yet): "
                                "ctrl+s saves them, esc drops them.", timeout=NOTICE)
            self.open(Target(h), h.quote, left.tags, left.note, {left.key})
        else:
            self.open(Target(h), h.quote, " ".join(h.tags), h.note)
        session = self.session
        self.hl.calls.submit(lambda store: store.get(h.id), lambda fresh: self._fresh(session, fresh),
                             lambda error: self._gone(session, error))

    def open(self, target: Target, quote: str, tags: str, note: str, drafts: set[str] = frozenset(),
             base: Highlight | None = None, new: bool = False) -> None:
        dialog = DraftingDialog(quote, tags, note, list(self.hl.known_tags()), lambda *typed: None, new)
        session = Session(target, base or target.highlight, dialog, set(drafts), new=new)
        dialog.on_change = lambda typed_tags, typed_note: self._typed(session, typed_tags, typed_note)
        self.session = session
        self.hl.host.push_screen(dialog, lambda result: self._closed(session, result))

    def _fresh(self, session: Session, fresh: Highlight) -> None:
        """The store's version of the highlight: shown if the dialog is untouched, and then the base."""
        if session is not self.session or session.dialog.touched() or session.drafts:
            return
        session.base = session.target.highlight = fresh
        session.dialog.show_values(" ".join(fresh.tags), fresh.note)
        self.hl.replace(fresh)

    def _gone(self, session: Session, error: ReaderError) -> None:
        if session is self.session and isinstance(error, EditConflict) and not session.dialog.touched():
            session.dialog.dismiss(None)
            self.hl.host.notify("This highlight was deleted in another window (u in the highlights panel "
                                "restores it).", severity="warning", timeout=NOTICE)
            self.hl.refresh()

    # ---------------------------------------------------------------- drafts
    def _typed(self, session: Session, tags: str, note: str) -> None:
        """What is typed, after a pause: kept as a draft, under this window's key."""
        if session is not self.session:
            return
        target = session.target
        session.kept = True

        def keep(store: HighlightStore) -> None:
            if target.highlight is not None:  # not yet added: nothing to keep it under
                store.save_draft(draft_key(target.highlight.id), tags, note)

        self.hl.calls.submit(keep, patient=False, failed=lambda error: None)  # the next key tries again

    def restore(self, snapshot: Snapshot) -> None:
        """At start: drafts left by ended windows; the newest is opened again in the dialog."""
        live = snapshot.highlights()
        for d in snapshot.drafts:  # newest first
            hid, _ = draft_owner(d.key)
            h = live.get(hid)
            if h is not None and left_behind(d) and (d.tags, d.note) != (" ".join(h.tags), h.note):
                self.left.setdefault(hid, d)
        newest = next(iter(self.left.values()), None)
        if newest is not None and self.session is None and self.hl.on_main_screen():
            self.existing(live[draft_owner(newest.key)[0]])

    def flush(self) -> None:
        """On quitting: keep what the open dialog holds."""
        if self.session is not None:
            self.session.dialog.flush()

    # ---------------------------------------------------------------- saving
    def _closed(self, session: Session, result: tuple[str, str] | None) -> None:
        if self.session is session:
            self.session = None
        drafts = set(session.drafts)
        if result is None:
            self._drop(session, drafts)
            if session.new:
                self._take_back(session.target)
            return
        tags, note = result
        target, base, kept = session.target, session.base, session.kept

        def save(store: HighlightStore) -> Highlight | Conflict:
            h = target.ensure(store)
            try:
                saved = store.update(h.id, tags=parse_tags(tags), note=note, base=base or h)
            except EditConflict:
                if store.is_deleted(h.id):
                    store.save_draft(draft_key(h.id), tags, note)  # kept, should it be restored
                    raise
                return Conflict(store.get(h.id))
            for key in drafts | ({draft_key(h.id)} if kept else set()):
                store.clear_draft(key)
            return saved

        self.hl.calls.submit(save, lambda outcome: self._saved(session, tags, note, outcome),
                             lambda error: self._not_saved(session, tags, note, error))

    def _drop(self, session: Session, drafts: set[str]) -> None:
        """Esc: the drafts of this dialog go (those still to be written go after them: one worker)."""
        target = session.target
        for key in drafts:
            self.left.pop(draft_owner(key)[0], None)

        def drop(store: HighlightStore) -> None:
            mine = {draft_key(target.highlight.id)} if target.highlight is not None else set()
            for key in drafts | mine:
                store.clear_draft(key)

        if drafts or session.kept:
            self.hl.calls.submit(drop, failed=lambda error: None)

    def _take_back(self, target: Target) -> None:
        """Esc in a new highlight's dialog: the highlight goes (it was added first: one worker, in order)."""
        def take_back(store: HighlightStore) -> Highlight:
            h = target.ensure(store)
            store.delete(h.id)
            return h

        def taken(h: Highlight) -> None:
            self.hl.drop(h)
            self.hl.host.notify("Highlight taken back.", timeout=BRIEF)

        self.hl.calls.submit(take_back, taken)

    def _saved(self, session: Session, tags: str, note: str, outcome: Highlight | Conflict) -> None:
        if isinstance(outcome, Conflict):
            current = outcome.current
            theirs = shortened(current.note, NOTE_SHOWN + 1)
            self.hl.host.notify(f"Not saved: the note was changed in another window meanwhile; it now reads "
                                f"“{theirs}”. Your tags and note are back: ctrl+s saves them over it, esc keeps it.",
                                severity="error", timeout=ERROR)
            self.hl.replace(current)
            # the user has now seen the other note, not the other tags: those stay merged
            seen = replace(session.base or current, note=current.note)
            self.open(Target(current), current.quote, tags, note, session.drafts, base=seen)
            return
        self.left.pop(outcome.id, None)
        self.hl.replace(outcome)

    def _not_saved(self, session: Session, tags: str, note: str, error: ReaderError) -> None:
        if isinstance(error, EditConflict):  # deleted in another window: nothing to put it on
            self.hl.host.notify(f"Not saved: {error}. What you typed is kept for it.", severity="error",
                                timeout=ERROR)
            self.hl.refresh()
            return
        self.hl.host.notify(f"{error}", severity="error", timeout=ERROR)
        target = session.target
        self.open(target, session.dialog.quote, tags, note, session.drafts, base=session.base)
