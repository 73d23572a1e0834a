"""The detail panel: for the passage under the cursor, what each other source says."""
from __future__ import annotations

from rich.console import Group as RichGroup
from rich.text import Text
from textual.widgets import Static

from reader.model import Alignment, Group
from reader.safe_text import safe
from reader.worddiff import word_diff

STYLES = {"added": "bold green", "dropped": "red strike", "changed_old": "red strike", "changed_new": "bold yellow"}


class DetailPanel(Static):
    """Counterparts of the current passage with their word-level differences."""

    DEFAULT_CSS = """
    DetailPanel { height: 14; border-top: solid $accent; padding: 0 1; overflow-y: auto; display: none; }
    DetailPanel.-visible { display: block; }
    """

    plain = ""  # what the panel says, as plain text

    def show_passage(self, alignment: Alignment | None, article: int, sentence: int) -> None:
        shown = render_detail(alignment, article, sentence)
        parts = shown.renderables if isinstance(shown, RichGroup) else [shown]
        self.plain = "\n".join(t.plain for t in parts if isinstance(t, Text))
        self.update(shown)


def render_detail(alignment: Alignment | None, article: int, sentence: int) -> RichGroup | Text:
    """A renderable describing the group of ``sentence`` of ``article``."""
    if alignment is None:
        return Text("Aligning…", style="dim")
    group = group_of(alignment, article, sentence)
    if group is None:
        return Text("This sentence is reported only by this source.", style="dim italic")
    mine = next(p for p in group.passages if p.article == article)
    text = alignment.articles[article].text[mine.start : mine.end]
    parts = [Text(f"Group score {group.score:.2f} · {len(group.passages) - 1} counterpart(s)", style="bold")]
    for p in group.passages:
        if p.article == article:
            continue
        other = alignment.articles[p.article]
        pair = group.pair_scores.get(tuple(sorted((article, p.article))), group.score)
        parts.append(Text.assemble((safe(other.label), "bold cyan"), f"  score {pair:.2f}"))
        parts.append(diff_text(text, other.text[p.start : p.end]))
    parts.append(Text("green: added by the other source · red: only here · yellow: changed", style="dim"))
    return RichGroup(*parts)


def group_of(alignment: Alignment, article: int, sentence: int) -> Group | None:
    for g in alignment.groups:
        for p in g.passages:
            if p.article == article and p.first_sentence <= sentence <= p.last_sentence:
                return g
    return None


def diff_text(mine: str, theirs: str) -> Text:
    """The other passage, with what differs from ``mine`` styled."""
    out = Text()
    for change in word_diff(mine, theirs):
        if change.kind == "same":
            out.append(safe(change.new) + " ")
        elif change.kind == "added":
            out.append(safe(change.new) + " ", STYLES["added"])
        elif change.kind == "dropped":
            out.append(safe(change.old) + " ", STYLES["dropped"])
        else:
            out.append(safe(change.old) + " ", STYLES["changed_old"])
            out.append(safe(change.new) + " ", STYLES["changed_new"])
    return out
