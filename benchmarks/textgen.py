"""Deterministic generated news-like text for benchmarks and tests (nothing from the network).

Sentences are built from a grammar over made-up words. By default the words follow a Zipf
law over a large vocabulary (60,000 words, 5,000 names), as real news does: a few words are
everywhere, most are rare. ``Generator(small=True)`` is the older text over 3,000 words and
600 names, drawn evenly, kept as a second case (its few distinct terms flatter an aligner).
``pair(size)`` returns two texts of about ``size`` characters that share about a tenth of
their sentences, lightly edited and reordered.
"""
from __future__ import annotations

import random
from functools import lru_cache

COMMON = ("the a of to in and for on with at by from that which while after before as about over "
          "under into during against between among").split()
VERBS = ("said reported announced confirmed denied met visited argued warned agreed rejected proposed "
         "signed blocked praised criticised described planned urged promised questioned").split()
ADJ = ("new former senior foreign local federal national economic military political public private "
       "major regional official early late").split()


def _shuffled(rng: random.Random, words: list[str]) -> list[str]:
    words = list(words)
    rng.shuffle(words)
    return words


SYLLABLES = "ka ro mi ten sa vol dor ane pri lu ges tor ban el ius mo ra fen ti da zu ko per lin".split()


def _words(rng: random.Random, n: int, syllables: list[str]) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(out)


@lru_cache(maxsize=2)
def _vocabulary(small: bool) -> tuple[list[str], list[str], list[float] | None, list[float] | None]:
    """Nouns and names (in rank order) and their cumulative Zipf weights (None: drawn evenly)."""
    rng = random.Random(1)
    if small:
        return _words(rng, 3000, SYLLABLES[:15]), [w.capitalize() for w in _words(rng, 600, SYLLABLES[:15])], None, None
    nouns, names = _words(rng, 60_000, SYLLABLES), [w.capitalize() for w in _words(rng, 5_000, SYLLABLES)]
    rng.shuffle(nouns)  # ranks at random, not in alphabetical order
    rng.shuffle(names)
    return nouns, names, _zipf_weights(len(nouns)), _zipf_weights(len(names))


ZIPF = 1.07  # the exponent of word frequencies in English


def _zipf_weights(n: int) -> list[float]:
    """Cumulative weights of ranks 1..n under a Zipf law."""
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank**ZIPF
        out.append(total)
    return out


class Generator:
    def __init__(self, seed: int = 7, small: bool = False) -> None:
        self.rng = random.Random(seed)
        self.nouns, self.names, self._noun_weights, self._name_weights = _vocabulary(small)

    def noun(self) -> str:
        if self._noun_weights is None:
            return self.rng.choice(self.nouns)
        return self.rng.choices(self.nouns, cum_weights=self._noun_weights)[0]

    def name(self) -> str:
        if self._name_weights is None:
            return self.rng.choice(self.names)
        return self.rng.choices(self.names, cum_weights=self._name_weights)[0]

    def sentence(self) -> str:
        r = self.rng
        parts = [self.name(), self.name(), r.choice(VERBS), r.choice(COMMON),
                 r.choice(ADJ), self.noun(), r.choice(COMMON), self.noun()]
        for _ in range(r.randint(2, 10)):
            parts += [r.choice(COMMON), r.choice(ADJ) if r.random() < 0.2 else self.noun(), self.noun()]
        return " ".join(parts) + "."

    def text(self, size: int) -> list[list[str]]:
        """Paragraphs of sentences, about ``size`` characters in all."""
        paras, total = [], 0
        while total < size:
            para = [self.sentence() for _ in range(self.rng.randint(2, 6))]
            total += sum(len(s) + 1 for s in para) + 1
            paras.append(para)
        return paras

    def paraphrase(self, sentence: str) -> str:
        """The sentence reworded: its words shuffled (so that no run of words is copied) and
        lightly edited, as an obfuscated or independent rewording would be."""
        words = _shuffled(self.rng, sentence.rstrip(".").split())
        return self.edit(" ".join(words).capitalize() + ".")

    def edit(self, sentence: str) -> str:
        words = sentence.rstrip(".").split()
        for _ in range(max(1, len(words) // 8)):
            k = self.rng.randrange(len(words))
            op = self.rng.random()
            if op < 0.4:
                words[k] = self.noun()
            elif op < 0.7 and len(words) > 4:
                del words[k]
            else:
                words.insert(k, self.rng.choice(COMMON))
        return " ".join(words) + "."


def render(paras: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paras) + "\n"


def pair(size: int, seed: int = 7) -> tuple[str, str]:
    a, b, _ = planted_pair(size, seed)
    return a, b


def planted_pair(size: int, seed: int = 7, small: bool = False) -> tuple[str, str, list[str]]:
    """Two texts, and the paragraphs of the first that the second holds, edited."""
    gen = Generator(seed, small)
    a = gen.text(size)
    b = Generator(seed + 1000, small).text(size)
    gen_b = Generator(seed + 2000, small)
    shared = gen.rng.sample(range(len(a)), max(1, len(a) // 10))
    placed = {}
    for k in shared:  # copy a tenth of A's paragraphs into B, edited, at other places
        slot = gen.rng.randrange(len(b))
        b[slot] = [gen_b.edit(s) for s in a[k]]
        placed[slot] = k  # a later copy may land on the same slot
    return render(a), render(b), [" ".join(a[k]) for k in sorted(set(placed.values()))]


def story(n_articles: int, size: int, seed: int = 7) -> list[str]:
    """``n_articles`` texts of about ``size`` characters each, reporting one story: each takes
    a third of its paragraphs, edited, from a shared pool of facts, and writes the rest itself."""
    gen = Generator(seed)
    pool = gen.text(size * 2)
    texts = []
    for k in range(n_articles):
        own = Generator(seed + 1 + k)
        paras = own.text(size)
        slots = own.rng.sample(range(len(paras)), max(1, len(paras) // 3))
        for slot, taken in zip(slots, own.rng.sample(pool, len(slots))):  # each fact once
            paras[slot] = [own.edit(s) for s in taken]
        texts.append(render(paras))
    return texts


def bridged_pair(n: int = 200, unrelated: float = 1 / 3, seed: int = 7) -> tuple[str, str, list[bool]]:
    """Two texts of ``n`` sentences each that correspond one to one, in order: sentence k of
    the second is sentence k of the first, edited, or (for about ``unrelated`` of them) a
    sentence of its own. Also returns, per k, whether the pair is related."""
    gen = Generator(seed)
    other = Generator(seed + 1)
    a, b, related = [], [], []
    for _ in range(n):
        s = gen.sentence()
        same = gen.rng.random() >= unrelated
        a.append(s)
        b.append(gen.paraphrase(s) if same else other.sentence())
        related.append(same)
    paras = lambda ss: [ss[k : k + 4] for k in range(0, len(ss), 4)]  # noqa: E731
    return render(paras(a)), render(paras(b)), related


def repetitive_pair(size: int, seed: int = 7, base: int = 20_000) -> tuple[str, str, list[str]]:
    """Two texts of about ``size`` characters, each the same article of ``base`` characters
    repeated with small edits (as a feed or a scraped page repeats its boilerplate), and that
    article's paragraphs."""
    gen = Generator(seed)
    article = gen.text(base)
    texts = []
    for k in range(2):
        editor = Generator(seed + 100 + k)
        paras: list[list[str]] = []
        while sum(len(" ".join(p)) + 2 for p in paras) < size:
            paras += [[editor.edit(s) if editor.rng.random() < 0.3 else s for s in p] for p in article]
        texts.append(render(paras))
    return texts[0], texts[1], [" ".join(p) for p in article]
