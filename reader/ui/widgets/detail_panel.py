"""The detail panel: for the passage under the cursor, what each other source says, the two
passages one above the other with their word differences marked, as ``git diff --word-diff``
does: ``[-words only here-]`` struck through, ``{+words only there+}`` underlined, so that the
marks read without colour."""
from __future__ import annotations

from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from reader.model import REUSE, Alignment
from reader.safe_text import safe
from reader.ui.worddiff import Change, common_share, word_diff
from reader.ui.wording import counted

PARAPHRASE = 0.25  # below this share of common words, marking every word would only be noise
MARKS = {"old": ("[-", "-]", "red strike"), "new": ("{+", "+}", "green underline")}  # only here, only there
HERE, THERE = "here", "there"


class DetailPanel(Static):
    """Counterparts of the current passage with their word-level differences."""

    DEFAULT_CSS = """
    DetailPanel { height: auto; max-height: 45%; border-top: solid $accent; padding: 0 1; overflow-y: auto;
                  display: none; }
    DetailPanel.-visible { display: block; }
    """

    plain = ""  # what the panel says, as plain text

    def show_passage(self, alignment: Alignment | None, article: int, sentence: int) -> None:
        rows = detail_rows(alignment, article, sentence)
        self.plain = "\n".join(row.plain if isinstance(row, Text) else f"{row[0]}: {row[1].plain}" for row in rows)
        self.update(_renderable(rows))


Row = Text | tuple[str, Text]  # a line, or a passage with its label (here / there)


def detail_rows(alignment: Alignment | None, article: int, sentence: int) -> list[Row]:
    """What the panel shows about the group of ``sentence`` of ``article``."""
    if alignment is None:
        return [Text("Aligning…", style="dim")]
    g = alignment.group_at(article, sentence)
    if g is None:
        return [Text("This sentence is reported only by this source.", style="dim italic")]
    group = alignment.groups[g]
    here = [p for p in group.passages if p.article == article]
    mine = next((p for p in here if p.first_sentence <= sentence <= p.last_sentence), here[0])
    text = alignment.articles[article].text[mine.start : mine.end]
    what = "Copied text" if group.kind == REUSE else "Same fact"
    how = "linked by you (U unlinks)" if group.by == "user" else f"group score {group.score:.2f}"
    others = len({p.article for p in group.passages} - {article})
    rows: list[Row] = [Text(f"{what} · {how} · reported by {counted(others, 'other source')}", style="bold")]
    for p in group.passages:
        if p.article == article:
            continue
        other = alignment.articles[p.article]
        theirs = other.text[p.start : p.end]
        changes = word_diff(text, theirs)
        share = common_share(changes)
        loose = share < PARAPHRASE
        note = " (a paraphrase: shown without word marks)" if loose else ""
        how = "linked by you" if group.by == "user" else f"score {group.pair_score(article, p.article):.2f}"
        rows.append(Text.assemble((safe(other.label), "bold cyan"), f" · {how} · {share:.0%} of the words in common{note}"))
        rows.append((HERE, _plain(text) if loose else marked(changes, text, "old")))
        rows.append((THERE, _plain(theirs) if loose else marked(changes, theirs, "new")))
    rows.append(Text.assemble(("[-…-]", MARKS["old"][2]), " only here · ", ("{+…+}", MARKS["new"][2]),
                              " only there (the other source)", style="dim"))
    return rows


def marked(changes: list[Change], text: str, side: str) -> Text:
    """One passage of a diff (``side`` "old": this one, "new": the other) in its own spacing, the
    words the other passage lacks marked."""
    opening, closing, style = MARKS[side]
    out = Text()
    pos = 0
    for change in changes:
        start, end = change.old_span if side == "old" else change.new_span
        if end <= start:
            continue
        out.append(_flat(text[pos:start]))
        if change.kind == "same":
            out.append(_flat(text[start:end]))
        else:
            out.append(opening, style="dim")
            out.append(_flat(text[start:end]), style)
            out.append(closing, style="dim")
        pos = end
    out.append(_flat(text[pos:]))
    return out


def _flat(text: str) -> str:
    return safe(text).replace("\n", " ")


def _plain(text: str) -> Text:
    return Text(safe(" ".join(text.split())))


def _renderable(rows: list[Row]) -> RenderableType:
    """The rows, each passage under a label column so that its wrapped lines hang."""
    parts: list[RenderableType] = []
    for row in rows:
        if isinstance(row, Text):
            parts.append(row)
            continue
        if not isinstance(parts[-1] if parts else None, Table):
            parts.append(Table.grid(padding=(0, 1)))
            parts[-1].add_column(style="dim", no_wrap=True)
            parts[-1].add_column(ratio=1)
        parts[-1].add_row(f"{row[0]}:", row[1])
    return RichGroup(*parts)
