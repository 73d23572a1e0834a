"""What the store holds for the open articles, read at once in the store's worker thread: the
highlights placed in their articles, the orphans, the drafts.  Plain Python, no Textual."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from reader.highlights.corrections import Correction, list_corrections
from reader.highlights.entries import Placed
from reader.highlights.export import entries_for
from reader.highlights.model import Highlight
from reader.highlights.store import Draft, HighlightStore
from reader.model import Article


@dataclass
class Snapshot:
    """The highlights of the open articles as stored at ``version`` (the store's data_version)."""

    version: int
    placed: list[list[Placed]]  # per open article: its highlights and where each is now
    orphans: list[Highlight] = field(default_factory=list)  # their article file is gone
    drafts: list[Draft] = field(default_factory=list)  # tags and notes typed and not saved, newest first
    read_only: bool = False
    tags: list[str] = field(default_factory=list)  # every tag in use, for completion
    corrections: list[Correction] = field(default_factory=list)  # manual links and unlinks, oldest first

    def highlights(self) -> dict[str, Highlight]:
        """Every highlight shown, orphans too, by id."""
        found = {h.id: h for placed in self.placed for h, _ in placed}
        found.update((h.id, h) for h in self.orphans)
        return found


def read_snapshot(store: HighlightStore, articles: list[Article]) -> Snapshot:
    """Find the stored highlights of ``articles`` (by path, or by content for a renamed file) in
    their current text; a highlight whose file is gone from their folders is an orphan."""
    version = store.data_version()  # first: a change made while reading shows at the next look
    index = {id(a): k for k, a in enumerate(articles)}
    placed: list[list[Placed]] = [[] for _ in articles]
    orphans = []
    for e in entries_for(store, articles, None, [], []):
        if e.article is None:
            orphans.append(e.highlight)
        else:
            placed[index[id(e.article)]].append((e.highlight, e.anchor))
    return Snapshot(version, placed, orphans, store.drafts(), store.read_only, sorted(store.tags()),
                    list_corrections(store))


def changes(before: Snapshot, after: Snapshot) -> str:
    """What another window changed, in words: "1 new, 2 changed, 1 deleted" (or "")."""
    old, new = before.highlights(), after.highlights()
    added = len(new.keys() - old.keys())
    gone = len(old.keys() - new.keys())
    changed = sum(1 for k in new.keys() & old.keys() if new[k] != old[k])
    words = [f"{n} {what}" for n, what in ((added, "new"), (changed, "changed"), (gone, "deleted")) if n]
    return ", ".join(words)


# ---------------------------------------------------------------- drafts
def draft_key(highlight_id: str, pid: int | None = None) -> str:
    """A draft is kept per highlight and per window (process): "ID@PID"."""
    return f"{highlight_id}@{os.getpid() if pid is None else pid}"


def draft_owner(key: str) -> tuple[str, int]:
    """(highlight id, pid) of a draft key; pid 0 when the key has none."""
    hid, _, pid = key.partition("@")
    return hid, int(pid) if pid.isdigit() else 0


def left_behind(draft: Draft) -> bool:
    """A draft of a window that has ended (killed, crashed), not one another window is typing
    into now.  Asked at start-up, so a draft under this process's own id is an old one's."""
    _, pid = draft_owner(draft.key)
    if pid in (0, os.getpid()):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return False
