"""The ``reader`` command: open the app, or align and export headless.

    reader [PATH...]                      open the reader on articles (default: config 'articles')
    reader align [--json] [--threshold T] [PATH...]
    reader export [--tag T] [--article PATH] [--format md|json] [--map] [-o FILE] [PATH...]
    reader map [--format md|csv|json] [--source S] [--sort sources|position] [--blind-spots|--only-one] [PATH...]

Errors are one line on stderr ("reader: error: ..."), never a traceback.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Callable

from reader import __version__
from reader.cli.output import (
    OutputError,
    OutputGone,
    emit,
    emit_json,
    emit_rich,
    silence_stdout,
)
from reader.errors import ReaderError, say, warn
from reader.safe_text import safe

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
TOP_LEVEL_OPTIONS = ("-h", "--help", "-V", "--version")  # the rest goes to 'open'


def command(name: str):
    """Register a subcommand's runner under ``name``."""

    def register(func: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = func
        return func

    return register


# ---------------------------------------------------------------- parsers
class Parser(argparse.ArgumentParser):
    """argparse, with its messages (which quote what was typed) made terminal-safe."""

    def _print_message(self, message: str, file=None) -> None:
        if message and file is not None:  # None: started with that stream closed
            try:
                file.write(safe(message))
            except (OSError, ValueError):
                pass

    def error(self, message: str):
        """Usage and error on stderr (argparse would print the usage on stdout if stderr is closed)."""
        if sys.stderr is not None:
            self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader",
        description="Read several articles about the same story side by side, with the passages "
        "they share aligned and coloured.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_epilog(),
    )
    parser.add_argument("-V", "--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _open_parser(sub.add_parser("open", help="open the reader (the default command)"))
    _align_parser(sub.add_parser("align", help="print the passages the articles share"))
    _export_parser(sub.add_parser("export", help="export highlights to markdown or JSON"))
    config = sub.add_parser("config", help="show every setting, its value and the file that set it")
    config.add_argument("--config", type=Path, metavar="FILE", help="read settings from FILE last")
    _quotes_parser(sub.add_parser("quotes", help="who is quoted saying what, and which outlets carry each quote"))
    _map_parser(sub.add_parser("map", help="the story map: which source reports which fact, and how"))
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=article_path, metavar="PATH",
                   help="article files or folders (.txt .md .html), or - for an article on stdin; "
                   "default: the 'articles' setting")
    p.add_argument("--config", type=Path, metavar="FILE", help="read settings from FILE last")


def _open_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--threshold", type=_fraction, metavar="T", help="alignment threshold, 0..1")
    p.add_argument("--theme", help="a Textual theme name")


def _align_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--json", action="store_true", help="print JSON (raw file offsets) instead of a report")
    p.add_argument("--threshold", type=_fraction, metavar="T", help="keep groups scoring at least T (0..1)")
    p.add_argument("--no-corrections", action="store_true",
                   help="the aligner's groups only, without the links and unlinks made by hand")


def _export_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only highlights with tag T (repeatable)")
    p.add_argument("--article", type=article_path, action="append", default=[], metavar="PATH",
                   help="only highlights of this article (repeatable)")
    p.add_argument("--format", choices=("md", "json"), default="md", help="markdown (default) or W3C Web Annotation JSON")
    p.add_argument("--map", action="store_true", help="add the story map (which source reports which fact) to the markdown")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE (replacing only the block reader wrote before); default: stdout")


def article_path(value: str) -> Path:
    """A PATH argument; a URL is refused in one line (Path would turn "https://x" into "https:/x")."""
    if URL.match(value):
        raise ReaderError(f"{value}: URLs are not fetched; save the page (as .html or .txt) and give the file")
    return Path(value)
def _quotes_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--json", action="store_true", help="print JSON (raw file offsets) instead of a report")


def _map_parser(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--threshold", type=_fraction, metavar="T", help="keep groups scoring at least T (0..1)")
    p.add_argument("--format", choices=("md", "csv", "json"), default="md",
                   help="a markdown table (default), CSV for a spreadsheet, or JSON (raw file offsets)")
    p.add_argument("--source", metavar="S", help="the source --sort position and the filters refer to: "
                   "its number, source or file name")
    p.add_argument("--sort", choices=("sources", "position"), default="sources",
                   help="most sources first (default), or in the order --source tells them")
    only = p.add_mutually_exclusive_group()
    only.add_argument("--blind-spots", action="store_true", help="only the facts others report and --source leaves out")
    only.add_argument("--only-one", action="store_true",
                      help="only the sentences one source reports (--source's, or every source's)")


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
        from reader.config import default_database, search_candidates

        db = default_database()
        files = ", then ".join(str(p or "--config FILE") + (" (found)" if p and p.is_file() else "")
                               for _, p in search_candidates())
    except Exception:  # platformdirs missing: still show help
        db = files = "(platform dirs)"
    return (
        "commands:\n"
        "  reader [PATH...]          open the reader (same as 'reader open')\n"
        "  reader align [PATH...]    print the shared passages (--json for machines)\n"
        "  reader export [PATH...]   export highlights with what the other sources said\n"
        "  reader map [PATH...]      which source reports which fact (markdown, --format csv|json)\n"
        "  reader config             show each setting and the file that set it\n\n"
        f"config files (later wins): {safe(files)}\n"
        f"highlights database: {safe(str(db))} (setting highlights.database)\n"
        "'reader COMMAND --help' tells more."
    )


# ---------------------------------------------------------------- running
def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in TOP_LEVEL_OPTIONS):
        argv.insert(0, "open")
    try:
        args = build_parser().parse_args(argv)  # a URL for a PATH is a ReaderError
        return COMMANDS[args.command](args)
    except ReaderError as e:
        if isinstance(e, OutputError):
            silence_stdout()
        say(f"reader: error: {e}")
        return 2
    except KeyboardInterrupt:
        return 130
    except (BrokenPipeError, OutputGone):
        silence_stdout()
        return 0


def settings(args: argparse.Namespace):
    from reader.config import load_config

    return load_config(args.config)


def article_paths(args: argparse.Namespace, config) -> list[Path]:
    """The PATH arguments, else the configured articles; stdin (-) at most once."""
    from reader.articles import is_stdin

    paths = list(args.paths) or [article_path(config.articles)]
    if sum(map(is_stdin, paths)) > 1:
        raise ReaderError("-: standard input can be read only once; give - once")
    return paths


@command("align")
def run_align(args: argparse.Namespace) -> int:
    from reader.align import align
    from reader.articles import load_articles

    config = settings(args)
    articles = load_articles(article_paths(args, config), warn)
    threshold = config.align.threshold if args.threshold is None else args.threshold
    result = align(articles, threshold)
    if not args.no_corrections:
        from reader.cli.corrections import apply_corrections, stored_corrections

        result = apply_corrections(result, stored_corrections(config.highlights.database_path))
    if args.json:
        from reader.cli.alignment_json import alignment_json

        emit_json(alignment_json(result))
    else:
        from reader.cli.report import report

        emit_rich(report(result))
    return 0


@command("quotes")
def run_quotes(args: argparse.Namespace) -> int:
    from reader.align import align
    from reader.articles import load_articles
    from reader.cli.quotes import quotes_json, quotes_report
    from reader.quotes import find_quotes

    config = settings(args)
    articles = load_articles(article_paths(args, config), warn)
    found = find_quotes(articles)
    alignment = align(articles, config.align.threshold) if len(articles) > 1 else None
    if args.json:
        emit_json(quotes_json(articles, found, alignment))
    else:
        emit_rich(quotes_report(articles, found, alignment))
    return 0


@command("map")
def run_map(args: argparse.Namespace) -> int:
    from reader.align import align
    from reader.articles import load_articles
    from reader.cli import story_map
    from reader.storymap import View, build_map

    config = settings(args)
    articles = load_articles(article_paths(args, config), warn)
    source = story_map.choose_source(articles, args.source) if args.source is not None else None
    if source is None and (args.blind_spots or args.sort == "position"):
        raise ReaderError("--blind-spots and --sort position need --source (a number or name)")
    threshold = config.align.threshold if args.threshold is None else args.threshold
    story = build_map(align(articles, threshold))
    view = View(args.sort, "blind-spots" if args.blind_spots else "only-one" if args.only_one else "all", source)
    if args.format == "json":
        emit_json(story_map.map_json(story, view))
    else:
        emit("\n".join(story_map.map_markdown(story, view)) if args.format == "md" else story_map.map_csv(story, view))
    return 0


@command("open")
def run_open(args: argparse.Namespace) -> int:
    config = settings(args)
    paths = article_paths(args, config)
    from reader.articles import collect_paths, is_stdin, read_stdin
    from reader.articles.loading import MAX_BYTES

    collect_paths(paths)  # fail fast, before the screen changes
    if any(map(is_stdin, paths)):
        read_stdin(MAX_BYTES)  # kept for loading; then keys come from the terminal
        keys_from_terminal()
    from reader.ui.launch import run_app

    return run_app(paths, config, threshold=args.threshold, theme=args.theme)


def keys_from_terminal() -> None:
    """After an article was piped in, point stdin at the terminal, where the app reads keys."""
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ReaderError("-: the article came on stdin, and there is no terminal to read keys from") from None
    os.dup2(tty, 0)
    os.close(tty)


@command("config")
def run_config(args: argparse.Namespace) -> int:
    from reader.cli.config_report import config_report

    sys.stdout.write(config_report(settings(args), args.config))
    return 0


@command("export")
def run_export(args: argparse.Namespace) -> int:
    from reader.cli.export import export_highlights

    return export_highlights(args, settings(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
