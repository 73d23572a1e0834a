"""The app as a user starts it, in tmux at 200x50: time to first text, peak memory of the whole
process tree (the app and any child it starts), and page-down latency.

Cases: a generated 10 MB article (one file: nothing to align), the same hard-wrapped at 96
columns, and the three seeds (beside them, ``python -c pass`` and ``import textual.app`` timed
in the same run: the floor of any Python TUI). Runs interleave the cases; medians and the
spread (min-max) are printed.

Time to first text: from starting tmux to the first capture that shows the article's first
words. Peak memory: the largest sum of VmRSS over the app's process tree, sampled every 10 ms
for ``--watch`` seconds after the first text (so an aligner child would be counted). Page-down:
from sending the key to the first capture that shows a changed screen (tmux's round trip,
~2-5 ms, included: an upper bound).

    python benchmarks/bench_big.py [--runs 5] [--size 10] [--watch 3] [--cases big,hard,seeds]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
READER = Path(sys.executable).with_name("reader")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def tree_rss_mb(root: int) -> float:
    """Sum of VmRSS over ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/status") as f:
                total += next((int(l.split()[1]) for l in f if l.startswith("VmRSS:")), 0)
        except OSError:
            pass
    return total / 1024


def run_app(paths: list[Path], marker: str, watch: float, pages: int) -> dict:
    """One start of the app in tmux; returns first-text seconds, peak tree MB, page-down ms."""
    session = f"bench-big-{os.getpid()}"
    cmd = " ".join([str(READER), *map(str, paths)])
    env = f"XDG_DATA_HOME={tempfile.gettempdir()}/bench-big-data XDG_CONFIG_HOME=/nonexistent"
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "50", f"env {env} {cmd}"],
                   check=True)
    pid = int(tmux("display", "-p", "-t", session, "#{pane_pid}").strip() or 0)
    first = peak = None
    try:
        deadline = t0 + 60
        while time.perf_counter() < deadline:
            if marker in tmux("capture-pane", "-p", "-t", session):
                first = time.perf_counter() - t0
                break
            time.sleep(0.005)
        peak = tree_rss_mb(pid)
        end = time.perf_counter() + watch
        while time.perf_counter() < end:
            peak = max(peak, tree_rss_mb(pid))
            time.sleep(0.01)
        times = []
        for _ in range(pages):
            before = tmux("capture-pane", "-p", "-t", session)
            t1 = time.perf_counter()
            tmux("send-keys", "-t", session, "PageDown")
            while tmux("capture-pane", "-p", "-t", session) == before and time.perf_counter() - t1 < 5:
                pass
            elapsed = time.perf_counter() - t1
            times.append(elapsed * 1000 if elapsed < 5 else None)  # None: the screen never changed
            time.sleep(0.05)
        peak = max(peak, tree_rss_mb(pid))
    finally:
        tmux("kill-session", "-t", session)
    shown = [t for t in times if t is not None]
    return {"first": first, "peak": peak, "page": statistics.median(shown) if shown else None,
            "missed": len(times) - len(shown)}


def python_floor() -> dict:
    out = {}
    for name, code in (("python -c pass", "pass"), ("import textual.app", "import textual.app")):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        out[name] = time.perf_counter() - t0
    return out


def spread(xs: list[float], unit: str, scale: float = 1.0) -> str:
    xs = [x * scale for x in xs if x is not None]
    if not xs:
        return "never"
    return f"{statistics.median(xs):.2f}{unit} ({min(xs):.2f}-{max(xs):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=float, default=10, help="MB of the generated article")
    ap.add_argument("--watch", type=float, default=3.0, help="seconds of memory sampling after first text")
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--cases", default="big,hard,seeds")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from textgen import Generator, render

    with tempfile.TemporaryDirectory() as tmp:
        text = render(Generator(11).text(int(args.size * 1_000_000)))
        big, hard = Path(tmp) / "big.txt", Path(tmp) / "hard.txt"
        big.write_text(text)
        hard.write_text("\n\n".join(textwrap.fill(p, 96) for p in text.split("\n\n")))
        paras = text.split("\n\n")
        first_words = next(w for w in paras[1].split() if w not in paras[0])  # not in the title
        seeds = sorted((ROOT / "articles").glob("*.txt"))
        seed_words = "hawkish"  # in the second paragraph of the first seed shown
        cases = {"big": ([big], first_words), "hard": ([hard], first_words), "seeds": (seeds, seed_words)}
        chosen = args.cases.split(",")
        results: dict[str, list[dict]] = {c: [] for c in chosen + ["floor"]}
        for _ in range(args.runs):  # interleaved: each round runs every case once
            for c in chosen:
                paths, marker = cases[c]
                results[c].append(run_app(paths, marker, args.watch if c != "seeds" else 0.5, args.pages))
            results["floor"].append(python_floor())
        for c in chosen:
            rs = results[c]
            label = {"big": f"{args.size:g} MB article", "hard": f"{args.size:g} MB hard-wrapped at 96",
                     "seeds": "3 seeds"}[c]
            print(f"{label:>28}: first text {spread([r['first'] for r in rs], ' s')}, "
                  f"peak tree {spread([r['peak'] for r in rs], ' MB')}, "
                  f"page-down {spread([r['page'] for r in rs], ' ms')}  [{args.runs} runs"
                  f"{', %d keys showed no change' % sum(r['missed'] for r in rs) if any(r['missed'] for r in rs) else ''}]")
        for name in results["floor"][0]:
            print(f"{name:>28}: {spread([r[name] for r in results['floor']], ' s')}")


if __name__ == "__main__":
    main()
