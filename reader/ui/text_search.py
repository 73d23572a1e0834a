"""Finding text in the open articles: case and accents folded ("kosachëv" finds "Kosachev"),
optionally the aligner's name variants ("Kosachev" finds "Kosachyov"), in this pane's article
or in all.  Plain Python (no Textual): tests drive it directly.

Folding keeps every character in place (one folded character for each), so a match in the
folded text is the same span of the article.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from reader.model import Article

MAX_RESULTS = 500


@dataclass(frozen=True)
class Match:
    article: int
    start: int
    end: int


@dataclass(frozen=True)
class SearchOptions:
    """``this_pane``: only the article the search started from; ``variants``: also the
    spellings of a name that the aligner takes as one name."""

    this_pane: bool = False
    variants: bool = True


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """``ch`` without case or accents, as one character (``ch`` lower-cased when that takes more)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch.casefold()) if not unicodedata.combining(c))
    if len(base) == 1:
        return base
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def fold(text: str) -> str:
    """``text`` without case or accents, character for character (same length, same places)."""
    if text.isascii():
        return text.lower()
    return text.translate({ord(c): _fold_char(c) for c in set(text)})


class SearchIndex:
    """The open articles, folded once; their words are read when name variants are first asked for."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self._folded: dict[int, str] = {}
        self._names: NameVariants | None = None

    def folded(self, k: int) -> str:
        if k not in self._folded:
            self._folded[k] = fold(self.articles[k].text)
        return self._folded[k]

    def find(self, query: str, first: int, options: SearchOptions = SearchOptions()) -> list[Match]:
        """Matches of ``query`` (article ``first`` first), at most ``MAX_RESULTS``."""
        needle = fold(query.strip())
        if not needle:
            return []
        order = [first] if options.this_pane else [first] + [k for k in range(len(self.articles)) if k != first]
        found: set[Match] = set()
        for k in order:
            found.update(self._substrings(k, needle))
        if options.variants:
            if self._names is None:
                self._names = NameVariants([a.text for a in self.articles],
                                           [self.folded(k) for k in range(len(self.articles))])
            found.update(m for m in self._names.find(needle) if m.article in order)
        rank = {k: n for n, k in enumerate(order)}
        return sorted(found, key=lambda m: (rank[m.article], m.start, m.end))[:MAX_RESULTS]

    def _substrings(self, k: int, needle: str) -> list[Match]:
        hay = self.folded(k)
        out = []
        pos = hay.find(needle)
        while pos >= 0 and len(out) < MAX_RESULTS:
            out.append(Match(k, pos, pos + len(needle)))
            pos = hay.find(needle, pos + 1)
        return out


class NameVariants:
    """Runs of words that read as the query's words, where a word of a name's length may be any
    name of the texts that the aligner (``reader.align.terms``) takes as the same name:
    Kosachev / Kosachyov, Gaddafi / Qaddafi."""

    def __init__(self, texts: list[str], folded_texts: list[str]) -> None:
        from reader.align.terms import collect_names, reduce_word

        self.folded_texts = folded_texts
        self.names = {fold(name) for name in collect_names(texts)}
        self.reduced = {name: reduce_word(name) for name in self.names}
        self._spellings: dict[str, frozenset[str]] = {}

    def find(self, folded_query: str) -> list[Match]:
        from reader.align.terms import WORD

        words = WORD.findall(folded_query)
        if all(self.spellings(w) == {w} for w in words):
            return []  # no other spelling: the plain search finds all these
        alternatives = ["(?:" + "|".join(re.escape(w) for w in sorted(self.spellings(word), key=len, reverse=True)) + ")"
                        for word in words]
        pattern = re.compile(r"(?<![^\W_])" + r"[^\w]+".join(alternatives) + r"(?![^\W_])")
        return [Match(k, m.start(), m.end()) for k, text in enumerate(self.folded_texts) for m in pattern.finditer(text)]

    def spellings(self, word: str) -> frozenset[str]:
        """``word``, and the names of the texts that the aligner merges with it."""
        from reader.align.terms import NAME_MIN, Vocabulary

        if len(word) < NAME_MIN:
            return frozenset({word})
        if word not in self._spellings:
            vocab = Vocabulary()
            vocab.merge_name_variants(self.names | {word})
            term = vocab.term(word)
            self._spellings[word] = frozenset({word} | {n for n in self.names
                                                        if vocab.canonical.get(self.reduced[n], self.reduced[n]) == term})
        return self._spellings[word]


@dataclass
class SearchResults:
    """The last search: its query and options, every match, and which one is shown."""

    query: str = ""
    options: SearchOptions = SearchOptions()
    matches: list[Match] = field(default_factory=list)
    shown: int = -1

    def search(self, index: SearchIndex, query: str, options: SearchOptions, chosen: Match, first: int) -> Match:
        """Search again (article ``first`` first), showing ``chosen``; returns the match shown."""
        self.query, self.options, self.matches = query, options, index.find(query, first, options)
        self.shown = self.matches.index(chosen) if chosen in self.matches else 0
        return self.matches[self.shown]

    def step(self, delta: int) -> Match:
        """Show the next (previous) match, round the end."""
        self.shown = (self.shown + delta) % len(self.matches)
        return self.matches[self.shown]

    def in_article(self, article: int) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.matches if m.article == article]
