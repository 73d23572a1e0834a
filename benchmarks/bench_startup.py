"""Wall time of `reader align --json` on the three seeds, interpreter start-up included.

    python benchmarks/bench_startup.py [--runs 9]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    reader = Path(sys.executable).with_name("reader")
    cmd = [str(reader)] if reader.exists() else [sys.executable, "-m", "reader"]
    cmd += ["align", "--json", str(ROOT / "articles")]
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    print(f"reader align --json (3 seeds): median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
