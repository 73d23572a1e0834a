"""Align N generated reports of one story (N = 2 to 200, about 11 kB each): wall time, peak
memory, and the largest share of an article one group covers (the blob figure: at most 30%).

Each report takes a third of its paragraphs, edited, from a pool of facts shared by the story
(textgen.story). Each N runs in a fresh process (so peak RSS is its own), three times; the
median is printed.

    python benchmarks/bench_many.py [--runs 3] [--counts 2,10,50,100,200] [--size 11000]
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
t0 = time.perf_counter()
from reader.articles.loading import load_articles
from reader.align import align
arts = load_articles([__import__("pathlib").Path(sys.argv[1])], print)
t1 = time.perf_counter()
result = align(arts)
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
spanning = max((len(g.passages) for g in result.groups), default=0)
share = max(((p.end - p.start) / len(arts[p.article].text) for g in result.groups for p in g.passages), default=0)
print(json.dumps({{"load": t1 - t0, "align": t2 - t1, "rss_mb": rss, "groups": len(result.groups),
                  "widest": spanning, "share": share}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--counts", default="2,10,50,100,200")
    ap.add_argument("--size", type=int, default=11_000)
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from textgen import story

    print(f"{'articles':>8} {'MB':>5} {'load s':>7} {'align s':>8} {'peak MB':>8} {'groups':>7} {'widest':>7}"
          f" {'largest share':>14}")
    for n in (int(c) for c in args.counts.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            texts = story(n, args.size)
            for k, text in enumerate(texts):
                (Path(tmp) / f"{k:03d}.txt").write_text(text)
            runs = []
            for _ in range(args.runs):
                out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(HERE.parent)), tmp],
                                     capture_output=True, text=True, check=True)
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            mb = sum(len(t) for t in texts) / 1e6
            print(f"{n:>8} {mb:5.2f} {med['load']:7.2f} {med['align']:8.2f} {med['rss_mb']:8.0f} "
                  f"{int(med['groups']):7d} {int(med['widest']):7d} {med['share']:14.0%}")


if __name__ == "__main__":
    main()
