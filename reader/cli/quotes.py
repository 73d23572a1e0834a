"""``reader quotes``: who is quoted saying what, and which outlets carry each quote."""
from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from reader.cli.alignment_json import article_json
from reader.model import Alignment, Article
from reader.quotes import Quotes
from reader.quotes.listing import Carrier, by_speaker, carriers
from reader.quotes.shared import carried, paraphrased
from reader.safe_text import safe, shortened

QUOTE_CHARS = 300  # longer quotes are shortened in the report


def quotes_json(articles: list[Article], found: Quotes, alignment: Alignment | None) -> dict:
    """The documented JSON of ``reader quotes --json`` (raw file offsets, like ``align``)."""
    statements = carried(found.quotes)
    return {
        "articles": [article_json(a) for a in articles],
        "speakers": [{"name": p.name, "forms": p.forms} for p in found.people],
        "quotes": [
            {"article": q.article, **_raw(articles[q.article], q.start, q.end), "text": q.text,
             "speaker": found.people[q.speaker].name if q.speaker is not None else None,
             "cue": q.cue, "partial": q.partial, "nested": q.nested}
            for q in found.quotes
        ],
        "carried": [{"quotes": list(c.quotes), "kind": c.kind} for c in statements],
        "paraphrased": [{"quote": p.quote, "article": p.article, **_raw(articles[p.article], p.start, p.end)}
                        for p in (paraphrased(found.quotes, alignment) if alignment else [])],
    }


def quotes_report(articles: list[Article], found: Quotes, alignment: Alignment | None) -> list:
    """Speakers, most quoted first (the unattributed last), each with their quotes and the
    outlets that carry each, as Rich renderables."""
    out: list = []
    others = carriers(found, alignment)
    for who, numbers in by_speaker(found):
        out.append(_speaker_line(found, who, len(numbers)))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="green", max_width=24)
        table.add_column()
        for n in numbers:
            table.add_row(safe(articles[found.quotes[n].article].label), _quote_text(articles, found, n, others[n]))
        out.append(Padding(table, (0, 0, 1, 2)))
    return out


def _speaker_line(found: Quotes, k: int | None, count: int) -> Text:
    if k is None:
        return Text(f"Unattributed · {count} quote{'s' if count != 1 else ''}", style="bold yellow")
    person = found.people[k]
    others = [f for f in person.forms if f != person.name]
    line = Text(safe(person.name), style="bold cyan")
    if others:
        line.append(f"  ({safe(', '.join(others))})", style="dim")
    return line.append(f" · {count} quote{'s' if count != 1 else ''}")


def _quote_text(articles: list[Article], found: Quotes, n: int, others: list[Carrier]) -> Text:
    """A quote, shortened, and which other outlets carry it."""
    q = found.quotes[n]
    text = shortened(" ".join(q.text.split()), QUOTE_CHARS)
    line = Text("“", style="dim").append(safe(text)).append("”", style="dim")
    if q.partial:
        line.append(" (partial quote)", style="dim")
    quoted = [c for c in others if c.quote is not None]
    if quoted:
        names = ", ".join(sorted({articles[c.article].label for c in quoted}))
        line.append(f"\nalso quoted by: {safe(names)} ({quoted[0].how})", style="dim")
    told = sorted({articles[c.article].label for c in others if c.quote is None})
    if told:
        line.append(f"\nreported without quoting by: {safe(', '.join(told))}", style="dim")
    return line


def _raw(article: Article, start: int, end: int) -> dict:
    lo, hi = article.to_raw(start, end)
    return {"start": lo, "end": hi}
