"""Check that a speed-up leaves ``reader align --json`` byte-identical on the evaluation inputs.

    python benchmarks/same_output.py dump DIR [--jobs 2] [--only NAME-PREFIX]
    python benchmarks/same_output.py compare DIR1 DIR2

``dump`` writes one JSON file per case (the same bytes ``reader align --json`` prints, from the
same code path, without a process per case): the seed articles, every PAN pair of
../shared/eval/pan13-train-sample (the ``pairs`` files list susp/src), every ECB+ dev unit of
../shared/eval/ecb-dev (one seminal event, and both events of a topic, as the scorer reads them),
the 200 generated reports of bench_many and the 2 x 1 MB planted pair of bench_align.
``compare`` names the cases whose bytes differ or are missing and exits 1 if any do.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"


def pan_cases() -> dict[str, list[Path]]:
    """Every PAN pair: susp first, then src (as the scorer runs them)."""
    root = EVAL / "pan13-train-sample"
    cases = {}
    for pairs in sorted(root.glob("*/pairs")):
        for line in pairs.read_text().splitlines():
            if line.strip():
                susp, src = line.split()
                cases[f"pan-{pairs.parent.name}-{susp[:-4]}-{src[:-4]}"] = [root / "susp" / susp, root / "src" / src]
    return cases


def ecb_cases() -> dict[str, list[Path]]:
    """Every ECB+ dev unit: each seminal event alone, and both events of a topic together."""
    root = EVAL / "ecb-dev"
    subs = sorted((json.loads(p.read_text()) for p in (root / "gold").glob("*.json")),
                  key=lambda g: (g["topic"], g["seminal"]))
    cases = {}
    for g in subs:
        cases[f"ecb-sub-{g['subtopic']}"] = [root / f for f in g["docs"]]
    for topic in sorted({g["topic"] for g in subs}):
        cases[f"ecb-topic-{topic}"] = [root / f for g in subs if g["topic"] == topic for f in g["docs"]]
    return cases


def generated_cases(tmp: Path) -> dict[str, list[Path]]:
    """The 200-article bench_many story and the 2 x 1 MB bench_align planted pair, written to ``tmp``
    (the same texts each time: the generator is seeded)."""
    sys.path.insert(0, str(HERE))
    from textgen import planted_pair, story

    many = tmp / "many"
    many.mkdir()
    for k, text in enumerate(story(200, 11_000)):
        (many / f"{k:03d}.txt").write_text(text)
    a, b, _ = planted_pair(1_000_000)
    (tmp / "1mb-a.txt").write_text(a)
    (tmp / "1mb-b.txt").write_text(b)
    return {"many-200": [many], "planted-1mb": [tmp / "1mb-a.txt", tmp / "1mb-b.txt"]}


def aligned_bytes(paths: list[Path]) -> bytes:
    """What ``reader align --json PATHS`` prints with the default threshold."""
    sys.path.insert(0, str(ROOT))
    from reader.align import align
    from reader.articles import load_articles
    from reader.cli.alignment_json import alignment_json
    from reader.errors import warn
    from reader.safe_text import safe_json

    return (safe_json(alignment_json(align(load_articles(paths, warn))), indent=1) + "\n").encode("utf-8")


def dump_one(out: Path, name: str, paths: list[Path]) -> str:
    """Write one case's JSON to ``out/name.json``."""
    (out / f"{name}.json").write_bytes(aligned_bytes(paths))
    return name


def dump(out: Path, jobs: int, only: str) -> None:
    """Write every case (or those whose name starts with ``only``) to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    inputs = Path(tempfile.gettempdir()) / "same_output_inputs"  # one place: paths are in the JSON
    shutil.rmtree(inputs, ignore_errors=True)
    inputs.mkdir()
    cases = {"seeds": sorted((ROOT / "articles").glob("*.txt")), **pan_cases(), **ecb_cases(),
             **generated_cases(inputs)}
    cases = {k: v for k, v in cases.items() if k.startswith(only)}
    with ProcessPoolExecutor(jobs) as ex:
        for _ in ex.map(dump_one, [out] * len(cases), cases, cases.values()):
            pass
    print(f"{len(cases)} cases written to {out}")


def compare(a: Path, b: Path) -> int:
    """Name the cases that differ between two dumps; 0 when all are identical."""
    names = sorted({p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")})
    bad = [n for n in names if not (a / n).exists() or not (b / n).exists()
           or (a / n).read_bytes() != (b / n).read_bytes()]
    for n in bad:
        print(f"differs: {n}")
    print(f"{len(names) - len(bad)}/{len(names)} identical")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("dir", type=Path)
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("--only", default="")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.dir, args.jobs, args.only)
    else:
        sys.exit(compare(args.a, args.b))


if __name__ == "__main__":
    main()
