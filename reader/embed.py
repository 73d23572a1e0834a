"""Sentence vectors from static word embeddings, for matching paraphrases that share few words.

The word vectors (reader/data/wordvecs.npz) were distilled once, offline, from the sentence
transformer all-MiniLM-L6-v2 (Apache-2.0) by tools/distill_wordvecs.py: each word's vector is the
model's embedding of that word alone, reduced by PCA. A sentence vector is the weighted sum of the
vectors of its content words, normalised. Words are weighted by SIF (a / (a + p(word)), p from the
stored Zipf frequency) or by weights the caller passes (e.g. corpus-level idf). Only numpy is used,
and it is imported on first use.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reader.terms import STOPWORDS, WORD

if TYPE_CHECKING:
    import numpy as np

DATA = Path(__file__).parent / "data" / "wordvecs.npz"
SIF_A = 1e-4  # SIF smoothing: frequent words weigh little, rare ones up to 1


class WordVectors:
    """The static vectors, their words and a weight for each word."""

    def __init__(self, path: Path = DATA) -> None:
        import numpy as np

        with np.load(path) as data:
            self.vectors = data["vectors"]  # float16; rows are widened when used
            words = bytes(data["words"]).decode("utf-8").split("\n")
            zipf = data["zipf"].astype(np.float64)
        self.index = {w: i for i, w in enumerate(words)}
        probability = 10.0 ** (zipf - 9.0)  # Zipf frequency -> share of running words
        self.sif = (SIF_A / (SIF_A + probability)).astype(np.float32)

    def lookup(self, word: str) -> int | None:
        """Row of a lower-cased word, trying it without a possessive 's; None if unknown."""
        word = word.replace("’", "'")
        row = self.index.get(word)
        if row is None and word.endswith("'s"):
            row = self.index.get(word[:-2])
        return row


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    """The shipped vectors, loaded once."""
    return WordVectors()


def sentence_words(text: str) -> list[str]:
    """Lower-cased content words of a text (no stop words, no single letters)."""
    out = []
    for w in WORD.findall(text):
        low = w.lower()
        if low not in STOPWORDS and (len(low) > 1 or low.isdigit()):
            out.append(low)
    return out


def embed_sentences(texts: list[str], weights: dict[str, float] | None = None) -> "np.ndarray":
    """One unit-length row per text (all zeros if no word is known).

    ``weights`` maps lower-cased words to a weight (e.g. corpus idf); words it lacks get their SIF
    weight. Without it every word gets its SIF weight.
    """
    import numpy as np

    wv = word_vectors()
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, text in enumerate(texts):
        for word in sentence_words(text):
            row = wv.lookup(word)
            if row is None:
                continue
            rows.append(i)
            cols.append(row)
            vals.append(weights[word] if weights and word in weights else float(wv.sif[row]))
    out = np.zeros((len(texts), wv.vectors.shape[1]), dtype=np.float32)
    if rows:
        np.add.at(out, np.array(rows), wv.vectors[cols].astype(np.float32) * np.array(vals, dtype=np.float32)[:, None])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)
