"""``reader map``: the facts x sources table as markdown (for Obsidian), CSV (for a spreadsheet)
or JSON (raw file offsets, like ``align --json``).  Article text and names are data: escaped in
markdown, guarded against formulas in CSV, control characters made visible everywhere."""
from __future__ import annotations

import csv
import io

from reader.cli.alignment_json import article_json
from reader.errors import ReaderError
from reader.highlights.markdown import md_text
from reader.model import Article
from reader.safe_text import safe
from reader.storymap import NONE, Row, StoryMap, View, describe, view_rows

MARK_USER = "✎ "  # before the label of a fact the user linked by hand
LEGEND = ("copied: the same words as another source (or text taken from one); paraphrased: the fact in its own "
          "words; partly: a clause of a sentence about something else, or a weak link (score under 0.5); "
          "only: no other source reports this sentence; —: not reported")
FORMULA_START = ("=", "+", "-", "@", "\t")  # a spreadsheet would run a cell starting so


def column_names(articles: list[Article]) -> list[str]:
    """A header per article: its label, numbered when two articles share one."""
    labels = [a.label for a in articles]
    return [f"{name} ({k + 1})" if labels.count(name) > 1 else name for k, name in enumerate(labels)]


def choose_source(articles: list[Article], wanted: str) -> int:
    """The article ``--source`` names: its number (1 = first), its source or file name, or a unique
    start of one (case-insensitive); else a one-line error listing the choices."""
    if wanted.isdigit() and 1 <= int(wanted) <= len(articles):
        return int(wanted) - 1
    names = [(k, n.casefold()) for k, a in enumerate(articles) for n in (a.label, a.path.name, a.path.stem)]
    key = wanted.casefold()
    for test in (lambda n: n == key, lambda n: n.startswith(key), lambda n: key in n):
        found = sorted({k for k, n in names if test(n)})
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ReaderError(f"--source {wanted!r} names several articles: "
                              + ", ".join(safe(articles[k].label) for k in found))
    choices = ", ".join(f"{k + 1} {safe(a.label)}" for k, a in enumerate(articles))
    raise ReaderError(f"--source {wanted!r}: no such article (give a number or a name: {choices})")


def _label(row: Row) -> str:
    return (MARK_USER if row.by == "user" else "") + row.label


def _how(row: Row, k: int, none: str = "") -> str:
    how = row.cell(k).how
    return none if how == NONE else how


def map_markdown(story: StoryMap, view: View = View(), heading: str = "## Story map") -> list[str]:
    """The map as markdown lines: a heading, what it shows, the table, a legend and a table of
    each source's figures."""
    arts = story.articles
    rows = view_rows(story, view)
    chosen = arts[view.source].label if view.source is not None else None
    out = [heading, "", md_text(f"Facts x sources at threshold {story.alignment.threshold:g}: "
                                f"{describe(view, chosen)}; {len(rows)} rows."), ""]
    header = ["Fact", "Sources", *column_names(arts)]
    out += [_md_row(header), "| " + " | ".join("---" for _ in header) + " |"]
    out += [_md_row([_label(r), str(r.sources), *(_how(r, k, "—") for k in range(len(arts)))]) for r in rows]
    if not rows:
        out.append(_md_row(["(none)", "0", *("" for _ in arts)]))
    out += ["", md_text(LEGEND) + (" ✎: linked by you." if any(r.by == "user" for r in story.facts) else ""), ""]
    out += [_md_row(["Source", "Facts reported", "Copied", "Blind spots", "Sentences only it reports"]),
            "| --- | ---: | ---: | ---: | ---: |"]
    for k, (name, figures) in enumerate(zip(column_names(arts), source_figures(story))):
        out.append(_md_row([name, *map(str, figures)]))
    return out + [""]


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(md_text(" ".join(c.split())) or " " for c in cells) + " |"


def source_figures(story: StoryMap) -> list[tuple[int, int, int, int]]:
    """Per article: facts it reports, of which copied, facts it leaves out, sentences only it reports."""
    only = story.only_counts()
    out = []
    for k in range(len(story.articles)):
        cells = [r.cells[k] for r in story.facts if k in r.cells]
        out.append((len(cells), sum(c.how == "copied" for c in cells), len(story.facts) - len(cells), only[k]))
    return out


def map_csv(story: StoryMap, view: View = View()) -> str:
    """One header row, then a row per fact: label, kind, by, score, sources, then each source's cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["fact", "kind", "by", "score", "sources", *map(_csv_cell, column_names(story.articles))])
    for r in view_rows(story, view):
        fact = r.group is not None
        writer.writerow([_csv_cell(r.label), r.kind, r.by if fact else "", f"{r.score:.3f}" if fact else "",
                         r.sources, *(_how(r, k) for k in range(len(story.articles)))])
    return buffer.getvalue()


def _csv_cell(text: str) -> str:
    """Text for a spreadsheet cell: terminal-safe, and never read as a formula."""
    text = safe(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def map_json(story: StoryMap, view: View = View()) -> dict:
    """The map as JSON: articles, the view, the rows with each reporting source's cell (raw
    offsets; a source not listed in a row's cells does not report it), and per-source figures."""
    arts = story.articles
    return {
        "articles": [article_json(a) for a in arts],
        "threshold": story.alignment.threshold,
        "view": {"sort": view.sort, "filter": view.filter, "source": view.source},
        "rows": [_row_json(arts, r) for r in view_rows(story, view)],
        "sources": [dict(zip(("reports", "copied", "blind_spots", "only_here"), f)) for f in source_figures(story)],
    }


def _row_json(arts: list[Article], row: Row) -> dict:
    cells = []
    for k, c in sorted(row.cells.items()):
        start, end = arts[k].to_raw(c.passage.start, c.passage.end)
        cell = {"article": k, "how": c.how, "start": start, "end": end}
        if c.score is not None:
            cell["score"] = round(c.score, 3)
        if c.why:
            cell["why"] = c.why
        cells.append(cell)
    out = {"label": row.label, "kind": row.kind, "sources": row.sources, "cells": cells}
    if row.group is not None:  # a fact (not a sentence only one source reports): its group, who linked it
        out.update(group=row.group, score=round(row.score, 3), by=row.by)
    return out
