"""Bad input, tried the way a demanding tester would, against `reader align` (JSON and the report),
`reader export` and the app.  Prints each kind tried and the totals:

* tracebacks: a Python traceback, "Exception ignored", exit status 1 (an uncaught exception:
  reader's own errors exit with 2), or death by a signal;
* hangs: no exit within 30 s (the process is killed);
* terminal-changing: a control or escape byte on stdout or stderr (ESC, BEL, other C0 but tab
  and newline, DEL, C1), bytes that are not UTF-8, or, on a terminal, any escape sequence but
  the report's own colours.  The app draws with escape sequences of its own: there, what
  counts is a sequence or character that only article text, a note or a file name holds
  (an OSC but Textual's pointer shape, ESC c, BEL, a C1 control, a bidi override).

The app runs in a pseudo-terminal of 160x45: once its title bar shows, the kind's keys are typed (e.g. H to open the highlights panel, m to highlight), then Esc and q.

    python benchmarks/bad_input_sweep.py [--only WORD] [--skip WORD] [--root CHECKOUT] [--verbose]

--root runs another checkout of reader (e.g. an older commit, to see what the sweep catches);
with an older reader, skip "/dev/": its export, run as root, could replace /dev/stdout or /dev/null.
"""
from __future__ import annotations

import argparse
import codecs
import fcntl
import json
import os
import pty
import re
import resource
import select
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent  # the reader checkout tried (--root)
SEEDS = sorted((ROOT / "articles").glob("*.txt"))
HANG_SECONDS = 30
STORY = ("The senator flew to Moscow on Monday for talks with lawmakers. He met Konstantin Kosachev, the "
         "chairman of the committee. They agreed to meet again in November. Critics objected to the trip.\n")
HOSTILE = ("The senator said [/] and [bold]loud[/bold] and [link=file:///etc/passwd]click[/link] on Monday. "
           "He met the chairman \x1bc there \x1b]0;pwned\x07 and \x1b[2J cleared \x9b31m it \u202eevil\u202c. "
           "Critics objected to the trip in \x00 Moscow.\n")
# on a pipe: any control byte but tab and newline, DEL, or a C1 control (as UTF-8)
UNSAFE_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
OWN_COLOURS = re.compile(rb"\x1b\[[0-9;]*m")  # on a terminal, the report's styles are ours
# in the app's drawing: what only article text, notes and names hold (the app draws with CSI of its own)
FOREIGN_IN_APP = re.compile(rb"\x1b\][0-9]*;|\x1bc|\x07|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
APP_OWN = re.compile(rb"\x1b\]22;[a-z-]*\x07")  # Textual's own OSC: the mouse pointer's shape
APP_READY = " · threshold ".encode()  # the title bar: the app has drawn its first frame
APP_SIZE = (45, 160)  # rows, columns
KEY_GAP = 0.4  # seconds between the keys typed into the app


@dataclass
class Run:
    """One command to try: its arguments, where its stdout goes, and what else it needs."""

    args: list
    stdout: str = "pipe"  # pipe, full (/dev/full), tty, closed (no fd 1), closed-stderr (no fd 2), or app
    cleanup: Callable[[], None] = lambda: None
    keys: list = field(default_factory=list)  # app: typed once its footer shows, then Esc and q


@dataclass
class Result:
    kind: str
    seconds: float
    rc: int | None
    problems: list[str] = field(default_factory=list)
    stderr: str = ""


KINDS: list[tuple[str, Callable[[Path], Run]]] = []


def kind(name: str):
    def register(make: Callable[[Path], Run]):
        KINDS.append((name, make))
        return make

    return register


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def config(tmp: Path, text: str = "") -> Path:
    return write(tmp / "config.toml", f"[highlights]\ndatabase = {json.dumps(str(tmp / 'h.db'))}\n{text}")


def highlighted(tmp: Path, *paths: Path, note: str = "a note") -> Path:
    """A config whose database holds a highlight (second sentence) in each article."""
    sys.path.insert(0, str(ROOT))
    from reader.articles import load_article
    from reader.highlights.anchor import context
    from reader.highlights.entries import article_key
    from reader.highlights.store import HighlightStore

    store = HighlightStore(tmp / "h.db")
    for path in paths:
        a = load_article(path)
        s = a.sentences[min(1, len(a.sentences) - 1)]
        store.add(article_key(a), a.content_hash, a.text[s.start : s.end], *context(a.text, s.start, s.end),
                  *a.to_raw(s.start, s.end), ["t"], note)
    store.close()
    return config(tmp)


# ---------------------------------------------------------------- article files (align JSON, report, export)
def file_kinds(name: str, make: Callable[[Path], list]) -> None:
    """Register one bad article as three kinds: align --json, the report, and export."""
    kind(f"{name} / align --json")(lambda tmp: Run(["align", "--json", *make(tmp)]))
    kind(f"{name} / report")(lambda tmp: Run(["align", *make(tmp)]))
    kind(f"{name} / export")(lambda tmp: Run(["export", "--config", config(tmp), *make(tmp)]))


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "pipe.txt")
    return tmp / "pipe.txt"


def _loop(tmp: Path) -> Path:
    (tmp / "loop.txt").symlink_to(tmp / "loop.txt")
    return tmp / "loop.txt"


def _folder_with_specials(tmp: Path) -> Path:
    write(tmp / "d" / "a.txt", STORY)
    write(tmp / "d" / "b.txt", STORY.replace("Monday", "Tuesday"))
    os.mkfifo(tmp / "d" / "c.txt")
    (tmp / "d" / "e.txt").symlink_to(tmp / "d" / "nowhere.txt")
    (tmp / "d" / "f.txt").symlink_to(tmp / "d" / "f.txt")
    return tmp / "d"


def _huge(tmp: Path) -> Path:
    with open(tmp / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    return tmp / "huge.txt"


def _named(raw_name: bytes, text: str = STORY):
    return lambda tmp: [write(Path(os.fsdecode(os.fsencode(tmp) + b"/" + raw_name)), text), SEEDS[0]]


def _locked(tmp: Path) -> Path:
    path = write(tmp / "locked.txt", STORY)
    path.chmod(0)
    return path


FILES: dict[str, Callable[[Path], list]] = {
    "empty file": lambda t: [write(t / "e.txt", b"")],
    "white space only": lambda t: [write(t / "w.txt", b"  \n\n\t \n")],
    "PNG bytes": lambda t: [write(t / "p.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)],
    "all 256 bytes": lambda t: [write(t / "b.txt", bytes(range(256)) * 64)],
    "50 MB sparse file": lambda t: [_huge(t)],
    "missing file": lambda t: [t / "missing.txt"],
    "folder without articles": lambda t: [(t / "nothing").mkdir() or t / "nothing"],
    "unreadable file": lambda t: [_locked(t)],
    "FIFO given directly": lambda t: [_fifo(t)],
    "folder with FIFO, broken link, link loop": lambda t: [_folder_with_specials(t)],
    "symlink loop": lambda t: [_loop(t)],
    "broken symlink": lambda t: [((t / "b.txt").symlink_to(t / "nowhere.txt"), t / "b.txt")[1]],
    "/dev/zero": lambda t: [Path("/dev/zero")],
    "/dev/null": lambda t: [Path("/dev/null")],
    "folder named like an article": lambda t: [(t / "x.txt").mkdir() or t / "x.txt"],
    "UTF-16 LE with BOM": lambda t: [write(t / "u.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"))],
    "UTF-16 BE with BOM": lambda t: [write(t / "u.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"))],
    "UTF-32 LE with BOM": lambda t: [write(t / "u.txt", codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"))],
    "UTF-32 BE with BOM": lambda t: [write(t / "u.txt", codecs.BOM_UTF32_BE + STORY.encode("utf-32-be"))],
    "UTF-16 BOM then odd bytes": lambda t: [write(t / "u.txt", codecs.BOM_UTF16_LE + b"a\x00b")],
    "UTF-8 with one bad byte": lambda t: [write(t / "u.txt", "Détente. ".encode() + b"\xff" + STORY.encode())],
    "cp1252": lambda t: [write(t / "c.txt", ("Détente — “thaw”. " + STORY).encode("cp1252"))],
    "NUL bytes here and there": lambda t: [write(t / "n.txt", STORY.replace(" ", "\x00", 3))],
    "CR-only line ends": lambda t: [write(t / "r.txt", STORY.replace(". ", ".\r\r"))],
    "escape sequences and markup in text": lambda t: [write(t / "h.txt", HOSTILE), write(t / "h2.txt", HOSTILE)],
    "markup and escapes in front matter": lambda t: [write(t / "f.md", '---\ntitle: "[bold]T[/] [link=x]y[/link] \x1b]0;T\x07"\n'
                                                                      'source: "[/]"\nauthor: "\x1bc"\n---\n\n' + STORY)],
    "5 MB front-matter title": lambda t: [write(t / "big.md", "---\ntitle: " + "word " * 1_000_000 + "\n---\n\n" + STORY)],
    "unterminated front matter": lambda t: [write(t / "u.md", "---\ntitle: x\n\n" + STORY)],
    "bad TOML front matter": lambda t: [write(t / "t.md", "+++\ntitle = [\n+++\n\n" + STORY)],
    "front matter and no body": lambda t: [write(t / "n.md", "---\ntitle: Only a title\n---\n")],
    "HTML with only a script": lambda t: [write(t / "s.html", "<html><script>alert(1)</script></html>")],
    "malformed HTML": lambda t: [write(t / "m.html", "<p>The senator <b>flew <i>to Moscow</p></b> on <<Monday>>. "
                                                    "He met &bogus; &#xFFFFFFF; &#0; people.")],
    "1 MB line without punctuation": lambda t: [write(t / "l.txt", "word " * 200_000)],
    "100 000-char word": lambda t: [write(t / "w.txt", "x" * 100_000 + ". " + STORY)],
    "emoji, zero-width and astral text": lambda t: [write(t / "z.txt", "👋\u200b\u200d𝔘𝔫𝔦 " + STORY)],
    "file name with ESC]0;TITLE BEL": _named(b"t\x1b]0;TITLE\x07.txt"),
    "file name with a newline": _named(b"two\nlines.txt"),
    "file name that is not UTF-8": _named(b"caf\xe9.txt"),
    "file name with markup": _named(b"[bold]x[/].txt"),
    "empty file among good ones": lambda t: [write(t / "e.txt", b""), *SEEDS],
    "empty file with ESC]0;TITLE BEL and a newline in its name, among good ones":
        lambda t: [write(t / "e\x1b]0;TITLE\x07\nx.txt", b""), *SEEDS],
    "C1 control and bidi override in the title": lambda t: [write(t / "c1.txt", "A \u009b31m title \u202eevil. " + STORY)],
}
for _name, _make in FILES.items():
    file_kinds(_name, _make)


# ---------------------------------------------------------------- configs
def config_kind(name: str, make: Callable[[Path], Path]) -> None:
    kind(f"config: {name}")(lambda tmp: Run(["align", "--json", "--config", make(tmp), *SEEDS]))


CONFIGS: dict[str, Callable[[Path], Path]] = {
    "not UTF-8": lambda t: write(t / "c.toml", b"[ui]\ntheme = 'caf\xe9'\n"),
    "invalid TOML": lambda t: write(t / "c.toml", "[ui\npanes = 3\n"),
    "misspelt key": lambda t: write(t / "c.toml", "[align]\nthreshhold = 0.3\n"),
    "tag colour 'notacolour'": lambda t: write(t / "c.toml", "[highlights.tag_colors]\nquote = 'notacolour'\n"),
    "tag colour '[bold]red'": lambda t: write(t / "c.toml", "[highlights.tag_colors]\nquote = '[bold]red'\n"),
    "unknown theme": lambda t: write(t / "c.toml", "[ui]\ntheme = 'nrod'\n"),
    "missing file": lambda t: t / "none.toml",
    "a folder": lambda t: (t / "cdir").mkdir() or t / "cdir",
    "a FIFO": lambda t: (os.mkfifo(t / "c.toml"), t / "c.toml")[1],
    "escape in a value": lambda t: write(t / "c.toml", "[ui]\ntheme = '\x1b]0;T\x07'\n"),
}
for _name, _make in CONFIGS.items():
    config_kind(_name, _make)


# ---------------------------------------------------------------- databases and export options
def export_kind(name: str, extra: Callable[[Path], list], stdout: str = "pipe") -> None:
    def make(tmp: Path) -> Run:
        cfg = highlighted(tmp, *SEEDS)
        return Run(["export", "--config", cfg, *extra(tmp)], stdout)

    kind(f"export: {name}")(make)


def _db_file(tmp: Path, data: bytes | None = None, sql: list[str] = ()) -> list:
    db = tmp / "h.db"
    if data is not None:
        write(db, data)
    if sql:
        conn = sqlite3.connect(db)
        for s in sql:
            conn.execute(s)
        conn.commit()
        conn.close()
    return ["--config", config(tmp), *SEEDS]


def _locked_db(tmp: Path) -> Run:
    cfg = highlighted(tmp, *SEEDS)
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], "
                               "isolation_level=None); c.execute('PRAGMA locking_mode = EXCLUSIVE'); "
                               "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(60)", str(tmp / "h.db")],
                              stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    return Run(["export", "--config", cfg, *SEEDS], cleanup=lambda: (holder.kill(), holder.wait()))


def _read_only_db(tmp: Path) -> Run:
    cfg = highlighted(tmp, *SEEDS)
    for p in tmp.iterdir():
        if p.name.startswith("h.db"):
            p.chmod(0o444)
    return Run(["export", "--config", cfg, *SEEDS])


def _renamed_and_edited(tmp: Path) -> Run:
    folder = tmp / "arts"
    for seed in SEEDS:
        write(folder / seed.name, seed.read_bytes())
    cfg = highlighted(tmp, *sorted(folder.iterdir()))
    first = sorted(folder.iterdir())[0]
    first.rename(folder / "renamed.txt")
    write(folder / "renamed.txt", (folder / "renamed.txt").read_text().replace("the", "teh", 5))
    return Run(["export", "--config", cfg, folder])


def _fifo_out(tmp: Path) -> list:
    os.mkfifo(tmp / "out.md")
    return ["-o", tmp / "out.md", *SEEDS]


def _symlink_out(tmp: Path) -> list:
    write(tmp / "real.md", "mine\n")
    (tmp / "link.md").symlink_to(tmp / "real.md")
    return ["-o", tmp / "link.md", *SEEDS]


for _name, _extra, _stdout in [
    ("--tag '!!!'", lambda t: ["--tag", "!!!", *SEEDS], "pipe"),
    ("--tag ''", lambda t: ["--tag", "", *SEEDS], "pipe"),
    ("--tag '#'", lambda t: ["--tag", "#", *SEEDS], "pipe"),
    ("--tag '/'", lambda t: ["--tag", "/", *SEEDS], "pipe"),
    ("--tag '%'", lambda t: ["--tag", "%", *SEEDS], "pipe"),
    ("--article /nonexistent.txt", lambda t: ["--article", "/nonexistent.txt", *SEEDS], "pipe"),
    ("--article not exported", lambda t: ["--article", write(t / "o.txt", STORY), *SEEDS], "pipe"),
    ("--format xml", lambda t: ["--format", "xml", *SEEDS], "pipe"),
    ("-o a folder", lambda t: ["-o", t, *SEEDS], "pipe"),
    ("-o in a missing folder", lambda t: ["-o", t / "no" / "x.md", *SEEDS], "pipe"),
    ("-o a symlink", _symlink_out, "pipe"),
    ("-o /dev/stdout", lambda t: ["-o", "/dev/stdout", *SEEDS], "pipe"),
    ("-o /dev/null, JSON", lambda t: ["--format", "json", "-o", "/dev/null", *SEEDS], "pipe"),
    ("-o /dev/zero, markdown", lambda t: ["-o", "/dev/zero", *SEEDS], "pipe"),
    ("-o a FIFO nobody reads", _fifo_out, "pipe"),
    ("-o /dev/full", lambda t: ["-o", "/dev/full", *SEEDS], "pipe"),
    ("-o an existing file that is not UTF-8", lambda t: ["-o", write(t / "l.md", b"caf\xe9\n"), *SEEDS], "pipe"),
    ("markdown to a full stdout", lambda t: [*SEEDS], "full"),
    ("JSON to a full stdout", lambda t: ["--format", "json", *SEEDS], "full"),
    ("markdown to a terminal", lambda t: [*SEEDS], "tty"),
    ("no PATH, from a folder without articles", lambda t: [], "pipe"),
    ("markdown with stdout closed", lambda t: [*SEEDS], "closed"),
    ("--tag '!!!' with stderr closed", lambda t: ["--tag", "!!!", *SEEDS], "closed-stderr"),
]:
    export_kind(_name, _extra, _stdout)

kind("export: database is not SQLite")(lambda t: Run(["export", *_db_file(t, b"my notes, not a database\n")]))
kind("export: database of another program")(lambda t: Run(["export", *_db_file(t, sql=["CREATE TABLE x (y)"])]))
kind("export: database of a newer reader")(
    lambda t: Run(["export", *_db_file(t, sql=["CREATE TABLE x (y)", "PRAGMA user_version = 99"])]))
kind("export: database damaged")(lambda t: Run(["export", *_db_file(t, b"SQLite format 3\x00" + b"\xff" * 4000)]))
kind("export: database path is a folder")(lambda t: Run(["export", *((t / "h.db").mkdir() or _db_file(t))]))
kind("export: database locked by another program")(_locked_db)
kind("export: database read-only")(_read_only_db)
kind("export: article renamed and edited")(_renamed_and_edited)
kind("export: hostile note and quote to a terminal")(
    lambda t: Run(["export", "--config", highlighted(t, write(t / "h.txt", HOSTILE), note="\x1b]0;note\x07 [bold]x"),
                   t / "h.txt"], "tty"))
kind("export: hostile note and quote, JSON")(
    lambda t: Run(["export", "--format", "json", "--config",
                   highlighted(t, write(t / "h.txt", HOSTILE), note="\x1bc\u009b31m"), t / "h.txt"]))

# ---------------------------------------------------------------- align options and outputs
for _name, _args, _stdout in [
    ("--threshold 7", ["--threshold", "7"], "pipe"),
    ("--threshold nan", ["--threshold", "nan"], "pipe"),
    ("--threshold abc", ["--threshold", "abc"], "pipe"),
    ("unknown option with an escape", ["--\x1b]0;T\x07"], "pipe"),
    ("JSON to a full stdout", ["--json"], "full"),
    ("report to a full stdout", [], "full"),
    ("report of hostile text on a terminal", None, "tty"),
    ("JSON with stdout closed", ["--json"], "closed"),
    ("report with stdout closed", [], "closed"),
    ("bad threshold with stderr closed", ["--threshold", "7"], "closed-stderr"),
    ("bad option with stderr closed", ["--nonsense"], "closed-stderr"),
]:
    def _make(tmp, args=_args, stdout=_stdout):
        if args is None:
            return Run(["align", write(tmp / "h.txt", HOSTILE), write(tmp / "h2.txt", HOSTILE)], stdout)
        return Run(["align", *args, *SEEDS], stdout)

    kind(f"align: {_name}")(_make)


# ---------------------------------------------------------------- the app
def app_kind(name: str, make: Callable[[Path], list], keys: tuple = (), with_config: Callable | None = None) -> None:
    """The app on the PATHs ``make`` gives, with ``keys`` typed once it shows (then Esc and q)."""

    def run(tmp: Path) -> Run:
        paths = make(tmp)
        cfg = with_config(tmp, *[p for p in paths if isinstance(p, Path) and p.is_file()]) if with_config else config(tmp)
        return Run(["--config", cfg, *paths], "app", keys=list(keys))

    kind(f"{name} / app")(run)


for _name, _make in FILES.items():
    app_kind(_name, _make, keys=("m", "\x1b"))  # highlight the first sentence, if the app opened
for _name, _make in CONFIGS.items():
    kind(f"config: {_name} / app")(lambda tmp, make=_make: Run(["--config", make(tmp), *SEEDS], "app"))
for _name, _keys in [("next_aligned = 'ctrl+alt+nonsense'", 'next_aligned = "ctrl+alt+nonsense"'),
                     ("next_aligned = '' (would unbind)", 'next_aligned = ""'),
                     ("next_aligned = 'q' (steals quit)", 'next_aligned = "q"'),
                     ("unknown binding id", 'nonsense = "z"')]:
    kind(f"config: [keys] {_name} / app")(
        lambda tmp, line=_keys: Run(["--config", write(tmp / "c.toml", f"[keys]\n{line}\n"), *SEEDS], "app"))


def _hostile_panel(tmp: Path) -> list:
    return [write(tmp / "h.txt", HOSTILE), write(tmp / "h2.txt", HOSTILE)]


def _hostile_config(tmp: Path, *paths: Path) -> Path:
    return highlighted(tmp, *paths, note="\x1b]0;note\x07 [bold]x[/] \x1bc \u009b31m \u202eevil")


def _odd_names_config(tmp: Path, *paths: Path) -> Path:
    return highlighted(tmp, *paths, note="names")


app_kind("hostile text, quote and note: highlights panel, search, article list, detail", _hostile_panel,
         keys=("H", "\x1b", "/", "pwned", "\r", "\x1b", "o", "\x1b", "d", "c"), with_config=_hostile_config)
app_kind("file names with ESC]0;TITLE BEL, a newline, bytes that are not UTF-8: panel, list, export",
         lambda t: [_named(b"t\x1b]0;TITLE\x07.txt")(t)[0], _named(b"two\nlines.txt")(t)[0],
                    _named(b"caf\xe9.txt")(t)[0]],
         keys=("H", "\x1b", "o", "\x1b", "m", "\x1b", "x"), with_config=_odd_names_config)


def _app_db(name: str, make_db: Callable[[Path], list], keys: tuple = ("m", "\x1b")) -> None:
    kind(f"database: {name} / app")(lambda tmp: Run(make_db(tmp), "app", keys=list(keys)))


_app_db("not SQLite", lambda t: _db_file(t, b"my notes, not a database\n"))
_app_db("of another program", lambda t: _db_file(t, sql=["CREATE TABLE x (y)"]))
_app_db("of a newer reader", lambda t: _db_file(t, sql=["CREATE TABLE x (y)", "PRAGMA user_version = 99"]))
_app_db("damaged", lambda t: _db_file(t, b"SQLite format 3\x00" + b"\xff" * 4000))
_app_db("path is a folder", lambda t: (t / "h.db").mkdir() or _db_file(t))
_app_db("read-only", lambda t: _read_only_db(t).args[1:], keys=("m", "\x1b", "H", "x", "\x1b"))
_app_db("article renamed and edited (an orphan in the panel)", lambda t: _renamed_and_edited(t).args[1:],
        keys=("H", "a", "\r"))


def _locked_app(tmp: Path) -> Run:
    run = _locked_db(tmp)
    return Run(run.args[1:], "app", run.cleanup, keys=["m", "waits", "\x13", "j", "j"])


kind("database: locked by another program (m, type, save: busy, retrying) / app")(_locked_app)


def _big_pair(tmp: Path) -> list:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from textgen import pair

    a, b = pair(3_000_000)
    return [write(tmp / "a.txt", a), write(tmp / "b.txt", b)]


app_kind("two 3 MB articles, quit while aligning", _big_pair, keys=("j",))
app_kind("two 3 MB articles, esc cancels the alignment", _big_pair, keys=("\x1b", "j"))


# ---------------------------------------------------------------- running
def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))  # a runaway read fails fast


def run_one(name: str, make: Callable[[Path], Run], home: Path) -> Result:
    with tempfile.TemporaryDirectory(prefix="sweep-") as tmpdir:
        tmp = Path(tmpdir)
        spec = make(tmp)
        argv = [sys.executable, "-m", "reader", *[a if isinstance(a, str) else os.fsencode(a) for a in spec.args]]
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_DATA_HOME": str(home / "data"), "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
        started = time.monotonic()
        try:
            if spec.stdout == "app":
                rc, out, err = _execute_app(argv, env, tmp, spec.keys)
            else:
                rc, out, err = _execute(argv, spec.stdout, env, tmp)
        finally:
            spec.cleanup()
        result = Result(name, time.monotonic() - started, rc, stderr=err.decode("utf-8", "replace"))
    if rc is None:
        result.problems.append("hang")
    if b"Traceback (most recent call last)" in err or b"Exception ignored" in err or (rc is not None and (rc < 0 or rc == 1)):
        result.problems.append("traceback")
    if spec.stdout == "app":
        if b"Traceback" in out:
            result.problems.append("traceback")
        if FOREIGN_IN_APP.search(APP_OWN.sub(b"", out)) or not _utf8(out):
            result.problems.append("terminal-changing")
        return result
    shown = OWN_COLOURS.sub(b"", out).replace(b"\r\n", b"\n") if spec.stdout == "tty" else out
    if UNSAFE_BYTES.search(shown) or UNSAFE_BYTES.search(err) or not (_utf8(shown) and _utf8(err)):
        result.problems.append("terminal-changing")
    return result


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _execute(argv: list, stdout: str, env: dict, cwd: Path) -> tuple[int | None, bytes, bytes]:
    """(exit status or None for a hang, stdout, stderr)."""
    if stdout == "tty":
        return _execute_tty(argv, env, cwd)
    target = open("/dev/full", "wb") if stdout == "full" else subprocess.PIPE
    closing = {"closed": 1, "closed-stderr": 2}.get(stdout)

    def prepare() -> None:
        limit_memory()
        if closing:
            os.close(closing)

    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=target, stderr=subprocess.PIPE, env=env, cwd=cwd,
                              timeout=HANG_SECONDS, preexec_fn=prepare)
        return proc.returncode, proc.stdout or b"", proc.stderr
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b""
    finally:
        if target is not subprocess.PIPE:
            target.close()


def _pump(main: int, proc: subprocess.Popen, deadline: float, tick: float,
          each: Callable[[bytes], None] | None = None) -> bytes:
    """All a process writes to its pseudo-terminal until it closes it, exits or the deadline
    passes; ``each`` sees what has come so far after every tick."""
    out = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], tick)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
        if each is not None:
            each(out)
    return out


def _execute_tty(argv: list, env: dict, cwd: Path) -> tuple[int | None, bytes, bytes]:
    main, child = pty.openpty()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=child, stderr=subprocess.PIPE, env=env, cwd=cwd,
                            preexec_fn=limit_memory)
    os.close(child)
    deadline = time.monotonic() + HANG_SECONDS
    out = _pump(main, proc, deadline, 0.2)
    os.close(main)
    try:
        err = proc.communicate(timeout=max(1, deadline - time.monotonic()))[1]
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        proc.kill()
        return None, out, proc.communicate()[1]


def _execute_app(argv: list, env: dict, cwd: Path, keys: list) -> tuple[int | None, bytes, bytes]:
    """The app in a pseudo-terminal: (exit status or None for a hang, all it wrote, b"")."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", *APP_SIZE, 0, 0))
    proc = subprocess.Popen(argv, stdin=child, stdout=child, stderr=child, env=env, cwd=cwd,
                            preexec_fn=_app_child, start_new_session=False)
    os.close(child)
    deadline = time.monotonic() + HANG_SECONDS
    to_type: list = []  # the keys still to type, once the app shows
    next_key = [0.0, False]  # when the next key is due; whether typing has started

    def type_keys(out: bytes) -> None:  # one key at a time, reading what the app draws between
        if not next_key[1] and APP_READY in out:
            to_type.extend([*keys, "\x1b", "q"])
            next_key[:] = [time.monotonic() + KEY_GAP, True]
        if to_type and time.monotonic() >= next_key[0]:
            key = to_type.pop(0)
            os.write(main, key.encode() if isinstance(key, str) else key)
            next_key[0] = time.monotonic() + KEY_GAP

    out = _pump(main, proc, deadline, 0.05, type_keys)
    if proc.poll() is None and time.monotonic() >= deadline:  # still running: a hang (closing would hang it up)
        proc.kill()
        proc.wait()
        os.close(main)
        return None, out, b""
    os.close(main)
    try:
        return proc.wait(max(1, deadline - time.monotonic())), out, b""
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None, out, b""


def _app_child() -> None:
    limit_memory()
    os.setsid()  # the pseudo-terminal becomes the app's controlling terminal
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="run only the kinds whose name holds this")
    ap.add_argument("--skip", action="append", default=[], help="skip the kinds whose name holds this")
    ap.add_argument("--root", type=Path, help="the reader checkout to try (default: this one)")
    ap.add_argument("--verbose", action="store_true", help="print each kind's first line of stderr")
    args = ap.parse_args()
    if args.root:
        global ROOT
        ROOT = args.root.resolve()
    kinds = [(n, m) for n, m in KINDS if (not args.only or args.only.lower() in n.lower())
             and not any(s.lower() in n.lower() for s in args.skip)]
    with tempfile.TemporaryDirectory(prefix="sweep-home-") as home:
        results = []
        for name, make in kinds:
            r = run_one(name, make, Path(home))
            results.append(r)
            flag = ", ".join(r.problems) or "ok"
            first = r.stderr.strip().splitlines()[:1]
            extra = f"  | {first[0][:110]}" if args.verbose and first else ""
            print(f"{flag:<18} rc={r.rc!s:<4} {r.seconds:5.1f}s  {name}{extra}", flush=True)
    count = {p: sum(p in r.problems for r in results) for p in ("traceback", "hang", "terminal-changing")}
    print(f"\nkinds tried: {len(results)}; tracebacks: {count['traceback']}; hangs over {HANG_SECONDS} s: {count['hang']}; "
          f"terminal-changing outputs: {count['terminal-changing']}")
    return 1 if any(count.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
