"""How rare a word is in general English, from the English word-frequency table of the
``wordfreq`` package (its "small" table: the 29,000 words more frequent than one in a million).

A word's *rarity* is minus the log10 of its frequency: "the" 1.3, "meeting" 3.9,
"sanctions" 5.1, "Gorbachev" 5.9; words missing from the table (most names) get ``UNKNOWN``.
The table is read once, on first use: straight from the package's data file (gzip'd
msgpack, about 10 ms), through wordfreq's own reader only if that file's format changed.
"""
from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path

UNKNOWN = 6.5  # rarity of a word the table lacks: rarer than its rarest (6.0)


def rarity(word: str) -> float:
    """Minus log10 of the word's frequency in English (lower-cased word, trailing dots ignored)."""
    return _table().get(word.rstrip("."), UNKNOWN)


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    """word -> rarity, for every word of the English table."""
    try:
        return _read_cbpack(_data_file())
    except (OSError, ValueError, ImportError, TypeError, KeyError):
        import math

        from wordfreq import get_frequency_dict

        return {w: -math.log10(f) for w, f in get_frequency_dict("en", "small").items()}


def _data_file() -> Path:
    """The English table's file, found without importing wordfreq (its import costs 0.1 s)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "small_en.msgpack.gz"


def _read_cbpack(path: Path) -> dict[str, float]:
    """wordfreq's "cBpack" format: a header, then lists of words, the i-th list (from 0)
    holding the words whose frequency is 10 ** (-i / 100)."""
    import msgpack

    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if not isinstance(data[0], dict) or data[0].get("format") != "cB" or data[0].get("version") != 1:
        raise ValueError("unknown wordfreq table format")
    return {w: i / 100 for i, words in enumerate(data[1:]) for w in words}
