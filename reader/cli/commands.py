"""The ``reader`` command: open the app, or align and export headless.

    reader [PATH...]                      open the reader on articles (default: config 'articles')
    reader align [--json] [--threshold T] [PATH...]
    reader export [--tag T] [--article PATH] [--format md|json] [-o FILE] [PATH...]

Errors are one line on stderr ("reader: error: ..."), never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable

from reader.errors import ReaderError, warn

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    """Register a subcommand's runner under ``name``."""

    def register(func: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = func
        return func

    return register


# ---------------------------------------------------------------- parsers
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read several articles about the same story side by side, with the passages "
        "they share aligned and coloured.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_epilog(),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _open_parser(sub.add_parser("open", help="open the reader (the default command)"))
    _align_parser(sub.add_parser("align", help="print the passages the articles share"))
    _export_parser(sub.add_parser("export", help="export highlights to markdown or JSON"))
    _quotes_parser(sub.add_parser("quotes", help="who is quoted saying what, and which outlets carry each quote"))
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="article files or folders (.txt .md .html); default: the 'articles' setting")
    p.add_argument("--config", type=Path, metavar="FILE", help="read settings from FILE last")


def _open_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--threshold", type=_fraction, metavar="T", help="alignment threshold, 0..1")
    p.add_argument("--theme", help="a Textual theme name")


def _align_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--json", action="store_true", help="print JSON (raw file offsets) instead of a report")
    p.add_argument("--threshold", type=_fraction, metavar="T", help="keep groups scoring at least T (0..1)")


def _export_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only highlights with tag T (repeatable)")
    p.add_argument("--article", type=Path, action="append", default=[], metavar="PATH",
                   help="only highlights of this article (repeatable)")
    p.add_argument("--format", choices=("md", "json"), default="md", help="markdown (default) or W3C Web Annotation JSON")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE (replacing only the block reader wrote before); default: stdout")


def _quotes_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--json", action="store_true", help="print JSON (raw file offsets) instead of a report")


def _fraction(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return x


def _epilog() -> str:
    try:
        from reader.config import default_database, user_config_path

        db, cfg = default_database(), user_config_path()
    except Exception:  # platformdirs missing: still show help
        db = cfg = "(platform data dir)"
    return (
        "commands:\n"
        "  reader [PATH...]          open the reader (same as 'reader open')\n"
        "  reader align [PATH...]    print the shared passages (--json for machines)\n"
        "  reader export [PATH...]   export highlights with what the other sources said\n\n"
        f"config files: {cfg}, then ./config.toml, then --config FILE\n"
        f"highlights database: {db} (setting highlights.database)\n"
        "'reader COMMAND --help' tells more."
    )


# ---------------------------------------------------------------- running
def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "open")
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ReaderError as e:
        print(f"reader: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_pipe()
        return 0


def _quiet_pipe() -> None:
    """After the reader of our output went away, keep Python from complaining at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def settings(args: argparse.Namespace):
    from reader.config import load_config

    return load_config(args.config)


def article_paths(args: argparse.Namespace, config) -> list[Path]:
    return list(args.paths) or [Path(config.articles)]


@command("align")
def run_align(args: argparse.Namespace) -> int:
    from reader.align import align
    from reader.articles import load_articles

    config = settings(args)
    articles = load_articles(article_paths(args, config), warn)
    threshold = config.align.threshold if args.threshold is None else args.threshold
    result = align(articles, threshold)
    if args.json:
        from reader.cli.alignment_json import alignment_json

        print_json(alignment_json(result))
    else:
        from rich.console import Console

        from reader.cli.report import print_report

        print_report(result, Console())
    return 0


@command("quotes")
def run_quotes(args: argparse.Namespace) -> int:
    from reader.align import align
    from reader.articles import load_articles
    from reader.cli.quotes import print_quotes, quotes_json
    from reader.quotes import find_quotes

    config = settings(args)
    articles = load_articles(article_paths(args, config), warn)
    found = find_quotes(articles)
    alignment = align(articles, config.align.threshold) if len(articles) > 1 else None
    if args.json:
        print_json(quotes_json(articles, found, alignment))
    else:
        from rich.console import Console

        print_quotes(articles, found, alignment, Console())
    return 0


def print_json(data: dict) -> None:
    """Machine-readable output on stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    sys.stdout.flush()


@command("open")
def run_open(args: argparse.Namespace) -> int:
    config = settings(args)
    paths = article_paths(args, config)
    from reader.articles import collect_paths

    collect_paths(paths)  # fail fast, before the screen changes
    from reader.ui.launch import run_app

    return run_app(paths, config, threshold=args.threshold, theme=args.theme)


@command("export")
def run_export(args: argparse.Namespace) -> int:
    from reader.cli.export import export_highlights

    return export_highlights(args, settings(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
