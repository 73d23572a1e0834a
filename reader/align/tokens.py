"""An article's words: lower-cased, with the sentence each belongs to and, when asked, the
display offsets of each (found per sentence, when first needed). Built in one pass over the
text, once per article, and shared by the term vectors, the names and the copy finder; each
distinct word is keyed once."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reader.align.aliases import word_key
from reader.align.terms import WORD, names_among
from reader.model import Article


@dataclass
class Tokens:
    """An article's words, lower-cased, and where each sentence's words begin; their display
    offsets are found per sentence, when first needed."""

    article: Article
    keys: list[str]
    first: list[int]  # first[s]: index in ``keys`` of sentence s's first word
    words: set[str] = field(default_factory=set)  # the distinct words as found in the text
    _offsets: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, article: Article) -> Tokens:
        keys: list[str] = []
        first = []
        known: dict[str, str] = {}  # word -> key, outside sentences in capitals
        shouted: set[str] = set()
        text, findall = article.text, WORD.findall
        for s in article.sentences:
            first.append(len(keys))
            found = findall(text, s.start, s.end)
            if text[s.start : s.end].isupper():
                keys += [word_key(w, True) for w in found]
                shouted.update(found)
                continue
            for w in found:
                if w not in known:
                    known[w] = word_key(w)
            keys += map(known.__getitem__, found)
        return cls(article, keys, first, shouted.union(known))

    def names(self) -> set[str]:
        """The likely names among the article's words, lower-cased."""
        return names_among(self.words)

    def extent(self, first: int, end: int) -> tuple[int, int]:
        """Display span of words ``first``..``end - 1``, with the punctuation attached to them."""
        text = self.article.text
        start, stop = self._word_span(first)[0], self._word_span(end - 1)[1]
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while stop < len(text) and not text[stop].isspace():
            stop += 1
        return start, stop

    def sentence_of(self, k: int) -> int:
        """Index of the sentence holding word ``k``."""
        return bisect_right(self.first, k) - 1

    def sentence_start(self, k: int) -> int:
        """Index of the first word of word ``k``'s sentence."""
        return self.first[self.sentence_of(k)]

    def sentence_end(self, k: int) -> int:
        """Index just past the last word of word ``k``'s sentence."""
        s = self.sentence_of(k) + 1
        return self.first[s] if s < len(self.first) else len(self.keys)

    def sentence_keys(self, s: int) -> list[str]:
        """The words of sentence ``s``."""
        end = self.first[s + 1] if s + 1 < len(self.first) else len(self.keys)
        return self.keys[self.first[s] : end]

    def back(self, k: int, n: int) -> range:
        """Up to ``n`` words before word ``k``, nearest first, in its sentence."""
        return range(k - 1, max(self.sentence_start(k), k - 1 - n) - 1, -1)

    def ahead(self, end: int, n: int) -> range:
        """Up to ``n`` words from word ``end``, in the sentence of word ``end - 1``."""
        return range(end, min(self.sentence_end(end - 1), end + n))

    def _word_span(self, k: int) -> tuple[int, int]:
        s = self.sentence_of(k)
        return self.word_spans(s)[k - self.first[s]]

    def word_spans(self, s: int) -> list[tuple[int, int]]:
        """Display spans of the words of sentence ``s``."""
        if s not in self._offsets:
            sentence = self.article.sentences[s]
            found = WORD.finditer(self.article.text, sentence.start, sentence.end)
            self._offsets[s] = [m.span() for m in found]
        return self._offsets[s]
