"""An alignment with the user's corrections applied: run after every alignment, so they survive
re-aligning, a changed threshold and a restart.

Corrections are applied in the order they were made.  A link becomes a group of its own, made
``by`` "user", of kind FACT and score 1.0, listed before the aligner's groups (so its passages
show it first); links that share a passage become one group.  An unlink takes a pair apart in
every group holding both passages: a group of just those two articles is dropped, a larger
one is split in two (one without each passage) so that every other pair stays linked.  A later
link of the same pair joins them again.

A passage is found like a highlight (``entries.locate``); a correction with a passage whose
article is open but whose text is gone, or whose file is gone, is an *orphan*: not applied,
listed, kept in the database.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from reader.highlights.corrections import LINK, Correction, PassageRef
from reader.highlights.entries import article_finder, is_file_key, locate
from reader.model import FACT, Alignment, Article, Group, Passage

USER = "user"


@dataclass
class Corrected:
    """The corrected alignment, what could not be applied, and which links made each user group."""

    alignment: Alignment
    orphans: list[Correction] = field(default_factory=list)
    made_by: dict[int, tuple[str, ...]] = field(default_factory=dict)  # user group number -> link ids


@dataclass
class _Linked:
    passages: list[Passage]
    ids: list[str]


def corrected(alignment: Alignment, corrections: list[Correction]) -> Corrected:
    """``alignment`` with ``corrections`` applied (a new Alignment; the one given is unchanged)."""
    if not corrections:
        return Corrected(alignment)
    find = article_finder(alignment.articles)
    groups = list(alignment.groups)
    linked: list[_Linked] = []
    orphans = []
    for c in corrections:
        placed = [_place(ref, find, alignment.articles) for ref in c.passages]
        if any(p is _GONE for p in placed):
            orphans.append(c)
            continue
        found = [p for p in placed if p is not None]
        if len({p.article for p in found}) < 2:
            continue  # its articles are not all open: it does not apply here
        if c.kind == LINK:
            _link(linked, found, c.id)
        else:
            groups = _unlink(groups, found[0], found[1])
            linked = [_Linked(g.passages, list(x.ids))  # a split group keeps its links' ids
                      for x in linked for g in _unlink([_user_group(x)], found[0], found[1])]
    users = [_user_group(x) for x in linked]
    fixed = Alignment(alignment.articles, users + groups, alignment.threshold)
    return Corrected(fixed, orphans, {k: tuple(x.ids) for k, x in enumerate(linked)})


_GONE = object()  # a passage whose text (or file) is gone


def _place(ref: PassageRef, find, articles: list[Article]):
    """The passage ``ref`` stands for in the open articles; None when its article is not open;
    _GONE when its text or its file is gone."""
    k = find(ref)
    if k is None:
        return _GONE if is_file_key(ref.article_path) and not os.path.exists(ref.article_path) else None
    anchor = locate(ref, articles[k])
    if not anchor.found:
        return _GONE
    return passage_at(articles[k], k, anchor.start, anchor.end)


def passage_at(article: Article, index: int, start: int, end: int) -> Passage:
    """The passage [start, end) of article ``index``, with the sentences it touches."""
    starts = [s.start for s in article.sentences]
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    return Passage(index, start, end, first, last)


def _overlaps(a: Passage, b: Passage) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _link(linked: list[_Linked], passages: list[Passage], cid: str) -> None:
    """Add a link; it joins every user group it shares a passage with."""
    touching = [x for x in linked if any(_overlaps(p, q) for p in x.passages for q in passages)]
    merged = _Linked([p for x in touching for p in x.passages], [i for x in touching for i in x.ids] + [cid])
    for p in passages:
        same = [q for q in merged.passages if _overlaps(p, q)]
        merged.passages = [q for q in merged.passages if q not in same]
        if same:  # one passage spanning both
            lo, hi = min(q.start for q in [p, *same]), max(q.end for q in [p, *same])
            p = Passage(p.article, lo, hi, min(q.first_sentence for q in [p, *same]),
                        max(q.last_sentence for q in [p, *same]))
        merged.passages.append(p)
    merged.passages.sort(key=lambda p: (p.article, p.start))
    linked[:] = [x for x in linked if x not in touching] + [merged]


def _user_group(x: _Linked) -> Group:
    return Group(1.0, list(x.passages), {}, FACT, USER)


def _unlink(groups: list[Group], a: Passage, b: Passage) -> list[Group]:
    """``groups`` with the pair (a, b) taken apart wherever a group holds both."""
    out = []
    for g in groups:
        if not (any(_overlaps(p, a) for p in g.passages) and any(_overlaps(p, b) for p in g.passages)):
            out.append(g)
            continue
        for drop in (b.article, a.article):
            rest = [p for p in g.passages if p.article != drop]
            if len({p.article for p in rest}) >= 2:
                out.append(replace(g, passages=rest, pair_scores={k: v for k, v in g.pair_scores.items()
                                                                   if drop not in k}))
    return out
