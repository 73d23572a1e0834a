"""The story map with 200 generated articles: how long the map takes to open once the alignment
is done, and how fast its scrolling keys respond.

The 200 reports of one story come from textgen.story (about 11 kB each); they are aligned
once (the time is printed, not counted), then the app runs headless at 160x45 with that
alignment. Open: from the M key event to the map painted, building the map included (the
map is built again each time); the median of --runs openings. Keys: j, k, l, h, pagedown,
$ and 0 on the map, each pressed --presses times; medians, two ways as in bench_app.py: the
action plus redrawing every line of the grid, and from the key event to a painted frame.

    python benchmarks/bench_map.py [--articles 200] [--runs 5] [--presses 30]
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

KEYS = {"j": ("move", (1, 0)), "k": ("move", (-1, 0)), "l": ("move", (0, 1)), "h": ("move", (0, -1)),
        "pagedown": ("page", (1,)), "dollar_sign": ("side", (1,)), "0": ("side", (-1,))}


class Ready:
    """Stands in for the app's aligner: the alignment computed beforehand."""

    def __init__(self, alignment) -> None:
        self.alignment = alignment

    def run(self, articles, threshold, progress=None):
        return self.alignment

    def stop(self) -> None:
        pass


async def press(app, pilot, key: str) -> None:
    """The key as a terminal sends it, every message it causes handled, one frame painted."""
    from textual import events

    app._driver.send_message(events.Key(key, None))
    for _ in range(3):
        await pilot._wait_for_screen()
    app.screen._on_timer_update()


async def measure(articles, alignment, runs: int, presses: int, profile: bool = False) -> dict[str, list[float]]:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.story_map import StoryMapScreen
    from reader.ui.widgets.map_grid import MapGrid

    app = ReaderApp(articles, 0.25)
    app.aligner = Ready(alignment)
    out: dict[str, list[float]] = {"open": [], "build": []}
    async with app.run_test(size=(160, 45)) as pilot:
        while app.aligning:
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
        await pilot.pause()
        for _ in range(runs):
            app.mapper._built = None  # build the map again, as after a new alignment
            t0 = time.perf_counter()
            await press(app, pilot, "M")
            while not isinstance(app.screen, StoryMapScreen):
                await pilot.pause(0.001)
            await press(app, pilot, "j")  # a frame of the map painted, and its cursor moved once
            out["open"].append(time.perf_counter() - t0)
            await press(app, pilot, "escape")
            app.mapper._built = None
            t1 = time.perf_counter()
            app.mapper.story(alignment)
            out["build"].append(time.perf_counter() - t1)
        await press(app, pilot, "M")
        grid = app.screen.query_one(MapGrid)
        out["rows"], out["columns"] = [len(grid.rows)], [len(grid.names)]
        for key, (action, args) in KEYS.items():
            direct, end_to_end = [], []
            for n in range(presses):
                if key in ("k", "h") and n % 10 == 0:
                    grid.move_to(grid.row + 10, grid.column + 10)
                t0 = time.perf_counter()
                getattr(grid, f"action_{action}")(*args)
                for y in range(grid.scrollable_content_region.height):
                    grid.render_line(y)
                direct.append(time.perf_counter() - t0)
                await pilot.pause(0.005)
                t0 = time.perf_counter()
                await press(app, pilot, key)
                end_to_end.append(time.perf_counter() - t0)
            out[f"direct {key}"], out[f"key {key}"] = direct, end_to_end
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--presses", type=int, default=30)
    ap.add_argument("--size", type=int, default=11_000)
    args = ap.parse_args()
    from textgen import story

    from reader.align import align
    from reader.articles.loading import load_articles

    with tempfile.TemporaryDirectory() as tmp:
        for k, text in enumerate(story(args.articles, args.size)):
            (Path(tmp) / f"{k:03d}.txt").write_text(text)
        articles = load_articles([Path(tmp)], print)
        t0 = time.perf_counter()
        alignment = align(articles, 0.25)
        print(f"{len(articles)} articles aligned in {time.perf_counter() - t0:.1f} s (not counted): "
              f"{len(alignment.groups)} groups")
        figures = asyncio.run(measure(articles, alignment, args.runs, args.presses))
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"map: {int(med['rows'])} rows x {int(med['columns'])} sources at 160x45")
    print(f"open (M to the map painted, map built): median {med['open'] * 1000:.0f} ms, max "
          f"{max(figures['open']) * 1000:.0f} ms over {args.runs} runs; building the map alone: "
          f"median {med['build'] * 1000:.0f} ms")
    for key in KEYS:
        print(f"key {key:>9}: median {med['direct ' + key] * 1000:5.1f} ms for the action and redrawing every grid "
              f"line; {med['key ' + key] * 1000:5.1f} ms from key event to painted frame")


if __name__ == "__main__":
    main()
