"""Quotes as a person reads them: by speaker (the most quoted first, the unattributed last),
each with the other outlets that carry it (verbatim or partly) or report it in their own words.
The ``reader quotes`` report and the app's quotes screen both list them so."""
from __future__ import annotations

from dataclasses import dataclass

from reader.model import Alignment
from reader.quotes.collect import Quotes
from reader.quotes.shared import carried, paraphrased


@dataclass(frozen=True)
class Carrier:
    """Another outlet's form of a quote: display offsets in article ``article``."""

    article: int
    start: int
    end: int
    how: str  # "verbatim", "partial" (one quotes part of the other) or "paraphrased" (not quoted)
    quote: int | None = None  # its own quote's number; None for a paraphrase


def by_speaker(found: Quotes) -> list[tuple[int | None, list[int]]]:
    """(speaker, the numbers of their quotes) in reading order: the most quoted first, the
    unattributed (speaker None) last."""
    groups: dict[int | None, list[int]] = {}
    for n, q in enumerate(found.quotes):
        groups.setdefault(q.speaker, []).append(n)
    return sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1]), item[0] or 0))


def carriers(found: Quotes, alignment: Alignment | None) -> list[list[Carrier]]:
    """For each quote, the other outlets that carry it, in article order."""
    out: list[list[Carrier]] = [[] for _ in found.quotes]
    for statement in carried(found.quotes):
        for n in statement.quotes:
            out[n] = [Carrier(found.quotes[m].article, found.quotes[m].start, found.quotes[m].end, statement.kind, m)
                      for m in statement.quotes if found.quotes[m].article != found.quotes[n].article]
    for p in paraphrased(found.quotes, alignment) if alignment is not None else []:
        if all(c.article != p.article for c in out[p.quote]):
            out[p.quote].append(Carrier(p.article, p.start, p.end, "paraphrased"))
    return [sorted(cs, key=lambda c: (c.article, c.start)) for cs in out]
