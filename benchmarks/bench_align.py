"""Align two generated texts of 0.25, 0.5, 1 and 2 MB: wall time, peak memory, and how many
of the paragraphs planted (edited) from one text into the other are found.

Texts (``--text``): ``planted`` (default) has words that follow a Zipf law over 60,000 made-up
words, as real news does; ``small`` is the older text over 3,000 words drawn evenly (kept as a
second case: its few distinct terms flatter the aligner); ``repetitive`` is one 20 kB article
repeated with small edits, twice (every paragraph has hundreds of near copies).

Each size runs in a fresh process (so peak RSS is its own), three times; the median is
printed, with the time ratio to the size before (the target is <= ~2.3x per doubling,
and 2 x 1 MB in <= 5 s and <= 400 MB).

    python benchmarks/bench_align.py [--runs 3] [--sizes 0.25,0.5,1,2] [--text planted|small|repetitive]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
t0 = time.perf_counter()
from reader.align import align
from reader.articles.loading import load_articles
arts = load_articles([Path(p) for p in sys.argv[1:3]], print)
t1 = time.perf_counter()
result = align(arts)
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
spans = [arts[0].to_raw(p.start, p.end) for g in result.groups for p in g.passages if p.article == 0]
planted = [(arts[0].raw.find(t), len(t)) for t in json.loads(Path(sys.argv[3]).read_text())]
found = sum(any(s < at + n and at < e for s, e in spans) for at, n in planted)
print(json.dumps({{"load": t1 - t0, "align": t2 - t1, "total": t2 - t0, "rss_mb": rss, "groups": len(result.groups),
                  "found": found, "planted": len(planted)}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="0.25,0.5,1,2")
    ap.add_argument("--text", choices=("planted", "small", "repetitive"), default="planted")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from textgen import planted_pair, repetitive_pair

    make = {"planted": planted_pair, "small": lambda n: planted_pair(n, small=True),
            "repetitive": repetitive_pair}[args.text]

    print(f"{'size':>8} {'load s':>7} {'align s':>8} {'total s':>8} {'ratio':>6} {'peak MB':>8} {'groups':>7}"
          f" {'planted found':>14}")
    previous = None
    with tempfile.TemporaryDirectory() as tmp:
        for size_mb in (float(s) for s in args.sizes.split(",")):
            a, b, planted = make(int(size_mb * 1_000_000))
            pa, pb, pp = (Path(tmp) / f"{size_mb}-{name}" for name in ("a.txt", "b.txt", "planted.json"))
            pa.write_text(a)
            pb.write_text(b)
            pp.write_text(json.dumps(planted))
            runs = []
            for _ in range(args.runs):
                argv = [sys.executable, "-c", CHILD.format(root=str(HERE.parent)), str(pa), str(pb), str(pp)]
                out = subprocess.run(argv, capture_output=True, text=True, check=True)
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            ratio = f"{med['total'] / previous:.2f}" if previous else "-"
            previous = med["total"]
            print(f"{size_mb:>6} MB {med['load']:7.2f} {med['align']:8.2f} {med['total']:8.2f} {ratio:>6} "
                  f"{med['rss_mb']:8.0f} {int(med['groups']):7d} {int(med['found']):>8d}/{int(med['planted'])}")


if __name__ == "__main__":
    main()
