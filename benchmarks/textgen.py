"""Deterministic generated news-like text for benchmarks (nothing from the network).

Sentences are built from a grammar over a few thousand made-up and common words, so
term statistics look like prose. ``pair(size)`` returns two texts of about ``size``
characters that share about a tenth of their sentences, lightly edited and reordered.
"""
from __future__ import annotations

import random

COMMON = ("the a of to in and for on with at by from that which while after before as about over "
          "under into during against between among").split()
VERBS = ("said reported announced confirmed denied met visited argued warned agreed rejected proposed "
         "signed blocked praised criticised described planned urged promised questioned").split()
ADJ = ("new former senior foreign local federal national economic military political public private "
       "major regional official early late").split()


def _words(rng: random.Random, n: int) -> list[str]:
    syll = ["ka", "ro", "mi", "ten", "sa", "vol", "dor", "ane", "pri", "lu", "ges", "tor", "ban", "el", "ius"]
    return sorted({"".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(n)})


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.nouns = _words(self.rng, 3000)
        self.names = [w.capitalize() for w in _words(self.rng, 600)]

    def sentence(self) -> str:
        r = self.rng
        parts = [r.choice(self.names), r.choice(self.names), r.choice(VERBS), r.choice(COMMON),
                 r.choice(ADJ), r.choice(self.nouns), r.choice(COMMON), r.choice(self.nouns)]
        for _ in range(r.randint(2, 10)):
            parts += [r.choice(COMMON), r.choice(ADJ + self.nouns), r.choice(self.nouns)]
        return " ".join(parts) + "."

    def text(self, size: int) -> list[list[str]]:
        """Paragraphs of sentences, about ``size`` characters in all."""
        paras, total = [], 0
        while total < size:
            para = [self.sentence() for _ in range(self.rng.randint(2, 6))]
            total += sum(len(s) + 1 for s in para) + 1
            paras.append(para)
        return paras

    def edit(self, sentence: str) -> str:
        words = sentence.rstrip(".").split()
        for _ in range(max(1, len(words) // 8)):
            k = self.rng.randrange(len(words))
            op = self.rng.random()
            if op < 0.4:
                words[k] = self.rng.choice(self.nouns)
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


def planted_pair(size: int, seed: int = 7) -> tuple[str, str, list[str]]:
    """Two texts, and the paragraphs of the first that the second holds, edited."""
    gen = Generator(seed)
    a = gen.text(size)
    b = Generator(seed + 1000).text(size)
    gen_b = Generator(seed + 2000)
    gen_b.nouns, gen_b.names = gen.nouns, gen.names
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
        own.nouns, own.names = gen.nouns, gen.names
        paras = own.text(size)
        for slot in own.rng.sample(range(len(paras)), max(1, len(paras) // 3)):
            paras[slot] = [own.edit(s) for s in own.rng.choice(pool)]
        texts.append(render(paras))
    return texts
