"""`reader align --json` on two generated texts of 0.25 to 4 MB (doubling): wall time, peak
memory, how many of the paragraphs planted (edited) from one text into the other are found,
and the pure-Python floor measured in the same run: a fresh interpreter that reads the two
files, lower-cases them and splits them into words with the aligner's word pattern.

Texts (``--text``): ``planted`` (default) has words that follow a Zipf law over 60,000 made-up
words, as real news does; ``small`` is the older text over 3,000 words drawn evenly (kept as a
second case: its few distinct terms flatter the aligner); ``repetitive`` is one 20 kB article
repeated with small edits, twice (every paragraph has hundreds of near copies).

Each run starts fresh processes (peak RSS is the aligner's own); runs interleave the sizes and
the floor; medians are printed, the spread (min-max) beside the time. Bars (issue 14): at
2 x 1 MB <= 6x the floor, <= 2.5 s on a quiet machine, <= 300 MB; each doubling <= 2.2x.

    python benchmarks/bench_align.py [--runs 3] [--sizes 0.25,0.5,1,2,4] [--text planted|small|repetitive]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
READER = Path(sys.executable).with_name("reader")
FLOOR = r"""
import re, sys
WORD = re.compile({pattern!r})
n = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        n += len(WORD.findall(f.read().lower()))
print(n)
"""


def timed(argv: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    if status:
        raise RuntimeError(f"{argv[0]} failed")
    return elapsed, usage.ru_maxrss / 1024, out


def found(out: str, raw: str, planted: list[str]) -> int:
    spans = [(p["start"], p["end"]) for g in json.loads(out)["groups"] for p in g["passages"] if p["article"] == 0]
    at = [(raw.find(t), len(t)) for t in planted]
    return sum(any(s < a + n and a < e for s, e in spans) for a, n in at)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="0.25,0.5,1,2,4")
    ap.add_argument("--text", choices=("planted", "small", "repetitive"), default="planted")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from textgen import planted_pair, repetitive_pair

    from reader.align.terms import WORD

    make = {"planted": planted_pair, "small": lambda n: planted_pair(n, small=True),
            "repetitive": repetitive_pair}[args.text]
    sizes = [float(s) for s in args.sizes.split(",")]
    floor = [sys.executable, "-c", FLOOR.format(pattern=WORD.pattern)]
    results: dict[float, dict[str, list]] = {s: {"floor": [], "wall": [], "rss": [], "found": []} for s in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        cases = {}
        for size in sizes:
            a, b, planted = make(int(size * 1_000_000))
            pa, pb = Path(tmp) / f"{size}-a.txt", Path(tmp) / f"{size}-b.txt"
            pa.write_text(a)
            pb.write_text(b)
            cases[size] = (pa, pb, a, planted)
        for _ in range(args.runs):
            for size, (pa, pb, raw, planted) in cases.items():
                r = results[size]
                r["floor"].append(timed(floor + [str(pa), str(pb)])[0])
                wall, rss, out = timed([str(READER), "align", "--json", str(pa), str(pb)])
                r["wall"].append(wall)
                r["rss"].append(rss)
                r["found"].append(found(out, raw, planted))
                r["planted"] = len(planted)
    print(f"{'size':>9} {'align s (min-max)':>18} {'floor s':>8} {'x floor':>8} {'doubling':>9} {'peak MB':>8} "
          f"{'planted found':>14}   [{args.text} text, {args.runs} runs, medians]")
    previous = None
    for size in sizes:
        r = results[size]
        wall, fl = statistics.median(r["wall"]), statistics.median(r["floor"])
        ratio = f"{wall / previous:.2f}x" if previous else "-"
        previous = wall
        print(f"{size:>4} MB x2 {wall:6.2f} ({min(r['wall']):.2f}-{max(r['wall']):.2f}) {fl:8.2f} {wall / fl:7.1f}x "
              f"{ratio:>9} {statistics.median(r['rss']):8.0f} {int(statistics.median(r['found'])):>8d}/{r['planted']}")


if __name__ == "__main__":
    main()
