"""How well alignment scores are calibrated: ECB+ dev links (topic mode: both events of a topic
aligned together) binned by the score of the group that made them, each bin with its
precision. A score of 0.8 should mean that about 80% of such links are right; the target is
each bin within 0.15 of its mid-score.

    python benchmarks/calibration.py [ECB_DIR]     (default: ../shared/eval/ecb-dev)

A link is a pair of annotated sentences of two documents that one group's passages cover (as
the shared scorer counts them); it is right when the gold pairs the two sentences.
"""
from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.align import align  # noqa: E402
from reader.articles.loading import load_articles  # noqa: E402


def topic_links(ecb: Path, topic: str) -> list[tuple[float, str, bool]]:
    """(score, kind, right) for every link the alignment of one topic's documents makes."""
    golds = [json.loads((ecb / "gold" / f"{topic}_{sub}.json").read_text()) for sub in ("ecb", "ecbplus")]
    docs = golds[0]["docs"] + golds[1]["docs"]
    articles = load_articles([ecb / d for d in docs], lambda message: None)
    annotated: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    gold: set[frozenset] = set()
    for k, g in enumerate(golds):
        offset = 0 if k == 0 else len(golds[0]["docs"])
        ids = [(doc + offset, start, end) for doc, _line, start, end in g["sentences"]]
        gold |= {frozenset((ids[a], ids[b])) for a, b, _strict in g["pairs"]}
        for x in ids:
            annotated[x[0]].append(x)
    best: dict[frozenset, tuple[float, str]] = {}
    for group in align(articles, threshold=0.0).groups:
        spans = [(p.article, *articles[p.article].to_raw(p.start, p.end)) for p in group.passages]
        for (a, s1, e1), (b, s2, e2) in itertools.combinations(spans, 2):
            if a == b:
                continue
            for x in (x for x in annotated[a] if x[1] < e1 and s1 < x[2]):
                for y in (y for y in annotated[b] if y[1] < e2 and s2 < y[2]):
                    key = frozenset((x, y))
                    if key not in best or best[key][0] < group.score:
                        best[key] = (group.score, group.kind)
    return [(score, kind, key in gold) for key, (score, kind) in best.items()]


def main() -> None:
    ecb = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval" / "ecb-dev"
    topics = sorted({p.name.split("_")[0] for p in (ecb / "gold").iterdir()})
    links = [link for topic in topics for link in topic_links(ecb, topic)]
    bins: dict[int, list[bool]] = defaultdict(list)
    for score, _kind, right in links:
        bins[min(9, int(score * 10))].append(right)
    print(f"{'score':>9} {'links':>6} {'precision':>10}  within 0.15 of the mid-score")
    for b in sorted(bins):
        right = sum(bins[b]) / len(bins[b])
        print(f"{b / 10:.1f}-{b / 10 + 0.1:.1f} {len(bins[b]):6d} {right:10.2f}  {'yes' if abs(right - (b / 10 + 0.05)) <= 0.15 else 'NO'}")
    for kind in sorted({k for _, k, _ in links}):
        mine = [r for _, k, r in links if k == kind]
        print(f"{kind}: {len(mine)} links, precision {sum(mine) / len(mine):.2f}")


if __name__ == "__main__":
    main()
