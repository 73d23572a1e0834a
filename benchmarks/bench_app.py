"""App start-up to the first painted frame, key latency and peak memory.

Latency is given two ways: the action plus redrawing every visible line of every pane
(what reader's own code costs), and end to end through Pilot (which adds Textual's
compositor and Pilot's idle waits, ~80 ms, and is an upper bound).

Start-up: a fresh process per run, from launch to the first frame painted (headless
driver), for the three seeds and for two generated 1 MB articles (alignment runs in
a worker, so text shows first). Latency: two 1 MB articles at 200x50, page-down,
next-aligned and jump-to-counterpart, each key pressed 15 times; medians.

    python benchmarks/bench_app.py [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = r"""
import asyncio, json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from textual import events
from reader.articles.loading import load_articles
from reader.ui.app import ReaderApp

class Timed(ReaderApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(lambda: print("PAINTED", flush=True))

async def main():
    arts = load_articles([Path(p) for p in sys.argv[2:]], print)
    app = Timed(arts, 0.25)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        if sys.argv[1] == "keys":
            while app.aligning:  # the aligner starts after the first frame
                await app.workers.wait_for_complete()
                await pilot.pause(0.05)
            await pilot.pause()
            out = {{}}
            pane = app.focused_pane
            direct = {{"page_down": lambda: pane.action_page(1), "next_aligned": lambda: pane.action_aligned(1),
                       "jump_counterpart": app.action_jump_counterpart}}
            for name, act in direct.items():
                times = []
                for n in range(30):
                    if name == "jump_counterpart":
                        pane.action_aligned(1)
                    t0 = time.perf_counter()
                    act()
                    for p in app.visible_panes:
                        for y in range(p.scrollable_content_region.height):
                            p.render_line(y)
                    times.append(time.perf_counter() - t0)
                out["direct_" + name] = sorted(times)[len(times) // 2]

            async def press(key):
                # The key as a terminal sends it, every message it causes handled, one frame painted
                # (Pilot.press + pause would add >= 60 ms of deliberate idle-waiting sleeps).
                app._driver.send_message(events.Key(key, None))
                for _ in range(3):
                    await pilot._wait_for_screen()
                app.screen._on_timer_update()

            await pilot.press("g")
            for name, key in (("page_down", "pagedown"), ("next_aligned", "right_square_bracket"), ("jump_counterpart", "enter")):
                times = []
                for n in range(15):
                    if name == "jump_counterpart":
                        await press("right_square_bracket")
                    await pilot.pause(0.01)
                    t0 = time.perf_counter()
                    await press(key)
                    times.append(time.perf_counter() - t0)
                out[name] = sorted(times)[len(times) // 2]
            out["groups"] = len(app.alignment.groups)
            out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print("KEYS " + json.dumps(out), flush=True)

asyncio.run(main())
"""


def first_frame(paths: list[Path]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD.format(root=str(HERE.parent)), "start", *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # killed at first frame
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            elapsed = time.perf_counter() - t0
            proc.kill()
            proc.wait()
            return elapsed
    raise RuntimeError("the app never painted")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from textgen import pair

    seeds = sorted((HERE.parent / "articles").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        a, b = pair(1_000_000)
        big = [Path(tmp) / "a.txt", Path(tmp) / "b.txt"]
        big[0].write_text(a)
        big[1].write_text(b)
        for name, paths in (("3 seeds", seeds), ("2 x 1 MB", big)):
            times = [first_frame(paths) for _ in range(args.runs)]
            print(f"start-up to first frame, {name}: median {statistics.median(times):.2f} s "
                  f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)")
        out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(HERE.parent)), "keys", *map(str, big)],
                             capture_output=True, text=True, check=True)
        keys = json.loads(next(l for l in out.stdout.splitlines() if l.startswith("KEYS "))[5:])
        for name in ("page_down", "next_aligned", "jump_counterpart"):
            print(f"2 x 1 MB at 200x50, {name}: median {keys['direct_' + name] * 1000:.1f} ms for the action and "
                  f"redrawing every visible pane line; {keys[name] * 1000:.1f} ms from key event to painted frame "
                  f"(Textual's key dispatch, messages, layout and compositor included)")
        print(f"2 x 1 MB: {keys['groups']} groups, peak memory {keys['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
