"""The human-readable alignment report printed by ``reader align``, with how much of each
article is shared.  Article text and metadata enter Rich only as ``Text`` made safe: never
parsed as markup, never a control character."""
from __future__ import annotations

from rich.console import Group as RichGroup
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reader.model import Alignment
from reader.safe_text import safe, shortened

PASSAGE_CHARS = 600  # longer passages are shortened in the report


def report(alignment: Alignment) -> list:
    """Articles, then every group with its passages, then how much of each article is shared."""
    out: list = [_articles_table(alignment)]
    if not alignment.groups:
        out.append(Text(f"No shared passages at threshold {alignment.threshold:g}.", style="yellow"))
    for n, group in enumerate(alignment.groups, 1):
        body = []
        for p in group.passages:
            art = alignment.articles[p.article]
            passage = shortened(safe(art.text[p.start : p.end]), PASSAGE_CHARS)
            line = Text.assemble((f"[{p.article + 1}] {safe(art.label)}: ", "bold cyan"), passage)
            body.append(line)
        made = "linked by you" if group.by == "user" else f"score {group.score:.2f}"
        title = Text(f"Group {n} · {made} · {len(group.passages)} sources")
        out.append(Panel(RichGroup(*body), title=title, title_align="left", border_style="blue"))
    return out + [_coverage_table(alignment)]


def _cell(text: str | None) -> Text:
    return Text(safe(text or ""))


def _articles_table(alignment: Alignment) -> Table:
    table = Table(title="Articles", title_justify="left")
    for col in ("#", "Source", "Title", "Date", "Chars"):
        table.add_column(col, overflow="fold")
    for k, a in enumerate(alignment.articles, 1):
        table.add_row(str(k), _cell(a.meta.source), _cell(a.meta.title), _cell(a.meta.date), str(len(a.raw)))
    return table


def _coverage_table(alignment: Alignment) -> Table:
    table = Table(title="Shared and unique text", title_justify="left")
    for col in ("#", "Source", "Shared", "Only here"):
        table.add_column(col)
    for k, (a, shared) in enumerate(zip(alignment.articles, coverage(alignment)), 1):
        table.add_row(str(k), _cell(a.label), f"{shared:.0%}", f"{1 - shared:.0%}")
    return table


def coverage(alignment: Alignment) -> list[float]:
    """For each article, the share of its sentence characters inside an aligned passage."""
    covered = [set() for _ in alignment.articles]
    for g in alignment.groups:
        for p in g.passages:
            covered[p.article].update(range(p.first_sentence, p.last_sentence + 1))
    out = []
    for art, idx in zip(alignment.articles, covered):
        total = sum(s.end - s.start for s in art.sentences) or 1
        out.append(sum(art.sentences[i].end - art.sentences[i].start for i in idx) / total)
    return out
