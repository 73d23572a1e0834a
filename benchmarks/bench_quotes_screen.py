"""The quotes screen (Q) with many articles: time from Q to the list shown, and how fast the
list answers the cursor keys.

The articles are copies of the three seeds (each copy's paragraphs in another order, so that
every quote is carried by many outlets: the worst case for joining quotes).  The alignment is
left out (an empty one): this measures the quotes and the screen, not the aligner.  Each
figure is the median of --runs runs, in a headless app at 160x45.

    python benchmarks/bench_quotes_screen.py [--counts 3,30,200] [--runs 3] [--keys 40]
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402

from reader.articles.loading import load_articles  # noqa: E402
from reader.model import Alignment  # noqa: E402
from reader.ui.app import ReaderApp  # noqa: E402
from reader.ui.screens.quotes import QuotesScreen  # noqa: E402


class NoAligner:
    def run(self, articles, threshold, progress=None):
        return Alignment(articles, [], threshold)

    def stop(self) -> None:
        pass


def write_copies(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "articles").glob("*.txt"))
    rng = random.Random(7)
    for k in range(n):
        head, _, body = seeds[k % len(seeds)].read_text(encoding="utf-8").partition("\n\n")
        paras = body.split("\n\n")
        rng.shuffle(paras)
        (folder / f"{k:03d}.txt").write_text(f"Outlet {k}\n\n" + "\n\n".join(paras), encoding="utf-8")


async def measure(folder: Path, keys: int) -> tuple[float, float, int]:
    """(seconds from Q to the list, median ms a down key takes, rows)."""
    app = ReaderApp(load_articles([folder], print), 0.25)
    app.aligner = NoAligner()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause(0.5)
        start = time.perf_counter()
        await pilot.press("Q")
        while not (isinstance(app.screen, QuotesScreen) and app.screen.found is not None):
            await asyncio.sleep(0.005)
        await pilot.pause()
        shown = time.perf_counter() - start
        options = app.screen.query_one("OptionList")
        times = []
        for _ in range(keys):
            t = time.perf_counter()
            await press(app, pilot, "down")
            times.append(time.perf_counter() - t)
        return shown, 1000 * statistics.median(times), options.option_count


async def press(app, pilot, key: str) -> None:
    """The key as a terminal sends it, every message it causes handled, one frame painted (as
    bench_app does: Pilot.press adds some 60 ms of deliberate idle waiting)."""
    app._driver.send_message(events.Key(key, None))
    for _ in range(3):
        await pilot._wait_for_screen()
    app.screen._on_timer_update()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", default="3,30,200")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keys", type=int, default=40)
    args = ap.parse_args()
    print(f"{'articles':>8} {'rows':>6} {'Q to list s':>12} {'down key ms':>12}")
    for n in (int(c) for c in args.counts.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            write_copies(Path(tmp), n)
            runs = [asyncio.run(measure(Path(tmp), args.keys)) for _ in range(args.runs)]
        print(f"{n:>8} {runs[0][2]:>6} {statistics.median(r[0] for r in runs):12.2f} "
              f"{statistics.median(r[1] for r in runs):12.1f}")


if __name__ == "__main__":
    main()
