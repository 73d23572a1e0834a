"""Turn sentences into weighted content terms for matching.

A *term* is a word reduced so that variants of it compare equal: lower-cased,
stemmed (Snowball English), cut to a short prefix, and with spelling variants of
names (Kosachyov / Kosachev, Gaddafi / Qaddafi) mapped to one canonical form.
Stop words carry no content and are dropped.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from reader.align.aliases import UNCHANGED
from reader.union_find import UnionFind

# a word: a dotted abbreviation ("U.S."), a number with separators ("1,000", "4.6"), or letters
# and digits with inner apostrophes
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|[^\W_]+(?:['’][^\W_]+)*")
PREFIX = 6  # stems are cut to this many characters: "russian"/"russia" -> "russia"
NAME_MIN = 5  # names shorter than this are not matched fuzzily
NAME_SIMILARITY = 80.0  # rapidfuzz ratio above which two names are one name

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each either else ever few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's however
    i i'd i'll i'm i've if in into is isn't it it's its itself just let's may me might more most
    much must mustn't my myself neither no nor not now of off on once only or other ought our ours
    ourselves out over own per quite rather same shall shan't she she'd she'll she's should
    shouldn't since so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those though through thus to too under
    until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's
    where where's whether which while who who's whom whose why why's will with within without won't
    would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
    mr mrs ms dr said says say told according percent""".split()
)

_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def reduce_word(word: str) -> str:
    """The comparable form of one lower-cased word."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _stemmer.stemWord(word)[:PREFIX]


def reduce_words(words: set[str]) -> dict[str, str]:
    """The comparable forms of many lower-cased words at once (stemmed in one C call)."""
    ordered = sorted(words)
    cleaned = [w.replace("’", "'").removesuffix("'s") for w in ordered]
    return {w: stem[:PREFIX] for w, stem in zip(ordered, _stemmer.stemWords(cleaned))}


def is_content(word: str) -> bool:
    """Whether a lower-cased word carries content: not a stop word, nor a lone letter."""
    return word not in STOPWORDS and not (len(word) == 1 and not word.isdigit())


@dataclass
class Vocabulary:
    """Maps reduced words to canonical terms, merging spelling variants of names."""

    canonical: dict[str, str] = field(default_factory=dict)
    reduced: dict[str, str] = field(default_factory=dict)
    _terms: dict[str, str] = field(default_factory=dict)  # word -> term, each word mapped once

    def learn(self, words: set[str]) -> None:
        """Stem, in one batch, the words that ``terms`` will be asked for."""
        self.reduced.update(reduce_words(words - self.reduced.keys()))

    def term(self, word: str) -> str:
        found = self._terms.get(word)
        if found is None:
            if word in UNCHANGED:
                found = word
            else:
                reduced = self.reduced.get(word) or reduce_word(word)
                found = self.canonical.get(reduced, reduced)
            self._terms[word] = found
        return found

    def merge_name_variants(self, names: set[str]) -> None:
        """Map names spelt alike (rapidfuzz ratio, same opening sound) to one reduced form."""
        from rapidfuzz import fuzz

        candidates = sorted(n for n in names if len(n) >= NAME_MIN)
        sets = UnionFind(candidates)
        for bucket in _buckets(candidates):
            for x, name in enumerate(bucket):
                for other in bucket[x + 1 :]:
                    if len(other) - len(name) > 2:
                        break
                    if fuzz.ratio(name, other, score_cutoff=NAME_SIMILARITY):
                        sets.union(name, other)
        self._terms.clear()  # terms known so far may have a canonical form now
        for name in candidates:
            canon = reduce_word(sets.find(name))
            here = reduce_word(name)
            if canon != here:
                self.canonical[here] = canon


def _buckets(names: list[str]) -> list[list[str]]:
    """Names sharing their first two letters, or their second and third, sorted by length."""
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault("a" + n[:2], []).append(n)
        groups.setdefault("b" + n[1:3], []).append(n)
    return [sorted(g, key=lambda n: (len(n), n)) for g in groups.values() if len(g) > 1]


def collect_names(texts: list[str]) -> set[str]:
    """Lower-cased capitalised words that are not sentence-initial stop words: likely names."""
    return names_among({w for text in texts for w in WORD.findall(text)})


def names_among(words: set[str]) -> set[str]:
    """Of these words as found in the text, the likely names (see ``collect_names``), lower-cased."""
    names: set[str] = set()
    for w in words:
        if w[0].isupper() and len(w) >= NAME_MIN:
            low = w.lower()
            if low not in STOPWORDS:
                names.add(low.replace("’", "'").removesuffix("'s"))
    return names


def weigh(term_lists: list[list[str]]) -> list[dict[str, float]]:
    """tf-isf vectors (sub-linear tf, smoothed inverse sentence frequency), unit length."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    n = len(term_lists) or 1
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    vectors = []
    for terms in term_lists:
        counts = Counter(terms)
        vec = {t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors
