"""The detail panel: for the passage under the cursor, what each other source says."""
from __future__ import annotations

from rich.console import Group as RichGroup
from rich.text import Text
from textual.widgets import Static

from reader.model import Alignment
from reader.safe_text import safe
from reader.ui.worddiff import Change, common_share, word_diff

PARAPHRASE = 0.25  # below this share of common words, marking every word would only be noise
STYLES = {"added": "bold green", "dropped": "red strike", "changed_new": "bold yellow"}


class DetailPanel(Static):
    """Counterparts of the current passage with their word-level differences."""

    DEFAULT_CSS = """
    DetailPanel { height: auto; max-height: 45%; border-top: solid $accent; padding: 0 1; overflow-y: auto;
                  display: none; }
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
    g = alignment.group_at(article, sentence)
    if g is None:
        return Text("This sentence is reported only by this source.", style="dim italic")
    group = alignment.groups[g]
    mine = next(p for p in group.passages if p.article == article)
    text = alignment.articles[article].text[mine.start : mine.end]
    others = len(group.passages) - 1
    parts = [Text(f"Group score {group.score:.2f} · reported by {others} other source{'s' * (others != 1)}",
                  style="bold")]
    for p in group.passages:
        if p.article == article:
            continue
        other = alignment.articles[p.article]
        pair = group.pair_score(article, p.article)
        theirs = other.text[p.start : p.end]
        changes = word_diff(text, theirs)
        share = common_share(changes)
        note = " (a paraphrase: shown without word marks)" if share < PARAPHRASE else ""
        parts.append(Text.assemble((safe(other.label), "bold cyan"),
                                   f" · score {pair:.2f} · {share:.0%} of the words in common{note}"))
        parts.append(Text(safe(" ".join(theirs.split()))) if note else diff_text(changes, theirs))
    parts.append(Text.assemble(("added", STYLES["added"]), " by the other source · ",
                               ("dropped", STYLES["dropped"]), " (only here) · ",
                               ("changed", STYLES["changed_new"]), " wording", style="dim"))
    return RichGroup(*parts)


def diff_text(changes: list[Change], theirs: str) -> Text:
    """The other passage ``theirs`` in its own spacing, with what differs from this one styled;
    words only this passage has are shown struck through where they would have been."""
    out = Text()
    pos = 0  # how much of ``theirs`` is shown
    for change in changes:
        start, end = change.new_span
        out.append(safe(theirs[pos:start].replace("\n", " ")))
        if change.kind in ("dropped", "changed"):
            _spaced(out, change.old, STYLES["dropped"])
        if change.kind != "dropped":
            style = {"same": "", "added": STYLES["added"], "changed": STYLES["changed_new"]}[change.kind]
            _spaced(out, theirs[start:end], style)
        pos = end
    return out


def _spaced(out: Text, words: str, style: str) -> None:
    """Append ``words``, after a space unless one is there or they start with closing punctuation."""
    if out.plain and not out.plain[-1].isspace() and words[:1] not in ".,;:!?)]”’":
        out.append(" ")
    out.append(safe(words), style)
