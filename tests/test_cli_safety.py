"""The command line never lets article text, metadata or file names act on the terminal,
and bad input or a full disk ends in one line, never a traceback."""
from __future__ import annotations

import contextlib
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.safe_text import one_line, safe_json, show_path

REPO = Path(__file__).resolve().parent.parent
STORY = "The senator flew to Moscow on Monday. He met the committee chairman there. They spoke for an hour."
# what may change a terminal: ESC, BEL, other C0 controls but tab/newline, C1 controls (raw bytes in UTF-8)
TERMINAL_CHANGING = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def run(*args, cwd=None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """The reader command, its output as bytes."""
    cmd = [sys.executable, "-m", "reader", *[a if isinstance(a, (str, bytes)) else os.fsencode(a) for a in args]]
    return subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, timeout=120)


def run_tty(*args) -> bytes:
    """The reader command with its stdout on a terminal: what the terminal receives."""
    main, child = pty.openpty()
    cmd = [sys.executable, "-m", "reader", *map(str, args)]
    proc = subprocess.Popen(cmd, stdout=child, stderr=subprocess.PIPE, env={**os.environ, "TERM": "xterm-256color",
                                                                            "COLUMNS": "120"})
    os.close(child)
    chunks = []
    with contextlib.suppress(OSError):  # EIO once the program closed its side
        chunks += iter(lambda: os.read(main, 65536), b"")
    out = b"".join(chunks)
    proc.wait(timeout=120)
    os.close(main)
    assert proc.returncode == 0, proc.stderr
    return out


def one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0
    err = proc.stderr.decode("utf-8")
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err and lines[0].startswith("reader: error:"), err
    return lines[0]


def hostile_article(folder: Path) -> Path:
    path = folder / "hostile.md"
    path.write_text('---\ntitle: "[bold]Loud[/] [link=file:///etc/passwd]click[/link] [/]"\nsource: "[red]Src"\n---\n\n'
                    "The senator said [/] and [@click=app.quit]quit[/] in Moscow on Monday. "
                    "He met the chairman \x1bc and \x1b]0;pwned\x07 there \u009b31m too.\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- the report
def test_report_shows_markup_as_text_and_never_crashes(tmp_path):
    path = hostile_article(tmp_path)
    proc = run("align", path, path)  # twice: the sentence with [/] is in a group
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "[bold]Loud[/]" in out and "[link=file:///etc/passwd]" in out and "[red]Src" in out
    assert not TERMINAL_CHANGING.search(proc.stdout)


def test_report_on_a_terminal_emits_no_link_and_no_foreign_escape(tmp_path):
    path = hostile_article(tmp_path)
    out = run_tty("align", path, path)
    assert b"\x1b]8;" not in out  # no OSC 8 hyperlink
    assert b"\x1b]0;" not in out and b"\x1bc" not in out and b"\x07" not in out
    assert b"[link=file:///etc/passwd]" in out


# ---------------------------------------------------------------- JSON
def test_json_is_valid_utf8_with_controls_and_bad_names_escaped(tmp_path):
    name = os.fsdecode(b"bad\xff\x1b]0;T\x07.txt")
    path = tmp_path / name
    path.write_text("A C1 control \u009b31m and \u0085 in the title. " + STORY, encoding="utf-8")
    proc = run("align", "--json", path)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")  # strict: valid UTF-8
    assert not TERMINAL_CHANGING.search(proc.stdout)
    assert "\\u009b31m" in text  # in the title
    assert '"' + json.dumps(str(tmp_path))[1:-1] + "/bad\\udcff\\u001b]0;T\\u0007.txt" in text
    loaded = json.loads(text)
    assert os.fsencode(loaded["articles"][0]["path"]) == os.fsencode(path)


def test_safe_json_escapes_what_json_leaves_raw():
    assert safe_json(["\x9b\u2028\u202e\udcff é"]) == '["\\u009b\\u2028\\u202e\\udcff é"]'


# ---------------------------------------------------------------- messages and names
def test_a_warning_names_a_hostile_file_safely_on_one_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    hostile = tmp_path / "x\x1b]0;TITLE\x07\nsecond line.txt"
    hostile.write_text("")
    proc = run("align", "--json", good, hostile)
    assert proc.returncode == 0
    err = proc.stderr
    assert not TERMINAL_CHANGING.search(err)
    lines = err.decode("utf-8").splitlines()
    assert len(lines) == 1 and "warning" in lines[0] and "\\x1b]0;TITLE\\x07\\nsecond line.txt" in lines[0]


def test_show_path_and_one_line():
    assert show_path("plain/name.txt") == "plain/name.txt"
    assert show_path(os.fsdecode(b"caf\xe9\n\x1b.txt")) == "'caf\\xe9\\n\\x1b.txt'"
    assert show_path("it's\u202e.txt") == "'it\\'s\\u202e.txt'"
    assert one_line("a\nb\x1b[2Jc\td") == "a␤b␛[2Jc d"


def test_argparse_messages_are_made_safe():
    proc = run("align", "--\x1b]0;T\x07")
    assert proc.returncode != 0 and not TERMINAL_CHANGING.search(proc.stderr.replace(b"\n", b""))
    assert "␛]0;T␇" in proc.stderr.decode("utf-8")


# ---------------------------------------------------------------- export to the terminal
def highlight_database(tmp_path: Path, articles: list[Path]) -> Path:
    """A config whose database holds one highlight (the second sentence) in each article."""
    from reader.articles import load_article
    from reader.highlights.anchor import context
    from reader.highlights.entries import article_key
    from reader.highlights.store import HighlightStore

    db = tmp_path / "h.db"
    store = HighlightStore(db)
    for path in articles:
        a = load_article(path)
        s = a.sentences[1]
        prefix, suffix = context(a.text, s.start, s.end)
        store.add(article_key(a), a.content_hash, a.text[s.start : s.end], prefix, suffix,
                  *a.to_raw(s.start, s.end), ["t"], "a note")
    store.close()
    config = tmp_path / "c.toml"
    config.write_text(f"[highlights]\ndatabase = {json.dumps(str(db))}\n")
    return config


def test_export_to_stdout_passes_no_escape_sequence(tmp_path):
    path = hostile_article(tmp_path)
    config = highlight_database(tmp_path, [path])
    for fmt in ("md", "json"):
        proc = run("export", "--config", config, "--format", fmt, path)
        assert proc.returncode == 0, proc.stderr
        assert b"chairman" in proc.stdout and not TERMINAL_CHANGING.search(proc.stdout)


def test_export_of_a_file_whose_name_is_not_utf8(tmp_path):
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text(STORY)
    config = highlight_database(tmp_path, [path])
    for fmt in ("md", "json"):
        proc = run("export", "--config", config, "--format", fmt, path)
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout.decode("utf-8")
        assert "He met the committee chairman there." in out
    out = tmp_path / "out.md"
    proc = run("export", "--config", config, "-o", out, path)
    assert proc.returncode == 0 and "caf\\\\xe9.txt" in out.read_text(encoding="utf-8")  # escaped markdown


# ---------------------------------------------------------------- one-line errors
def test_config_that_is_not_utf8(tmp_path):
    config = tmp_path / "c.toml"
    config.write_bytes(b"[ui]\ntheme = 'caf\xe9'\n")
    assert "not UTF-8" in one_error_line(run("align", "--config", config, REPO / "articles"))


@pytest.mark.parametrize("tag", ["!!!", "#", "/", "%", ""])
def test_export_tag_that_is_no_tag(tmp_path, tag):
    line = one_error_line(run("export", "--tag", tag, REPO / "articles"))
    assert "--tag" in line and "not a tag" in line


def test_export_article_that_does_not_exist(tmp_path):
    line = one_error_line(run("export", "--article", "/nonexistent.txt", REPO / "articles"))
    assert "/nonexistent.txt" in line and "no such file" in line


def test_export_article_not_among_those_exported(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(STORY)
    line = one_error_line(run("export", "--article", other, REPO / "articles"))
    assert "not among the articles" in line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["align", "--json"], ["align"], ["export"], ["export", "--format", "json"]],
                         ids=["json", "report", "export-md", "export-json"])
def test_full_disk_on_stdout_is_one_line(tmp_path, args):
    config = highlight_database(tmp_path, sorted((REPO / "articles").glob("*.txt")))
    with open("/dev/full", "wb") as full:
        proc = run(*args, "--config", config, REPO / "articles", stdout=full)
    assert "No space left" in one_error_line(proc)


@pytest.mark.parametrize("args", [["align", "--json"], ["align"], ["export"]], ids=["json", "report", "export"])
def test_a_closed_stdout_is_one_line(args):
    proc = subprocess.run([sys.executable, "-m", "reader", *args, str(REPO / "articles")], stderr=subprocess.PIPE,
                          preexec_fn=lambda: os.close(1), timeout=120)
    err = proc.stderr.decode().replace("reader: warning: no highlights match (make some in the app with m or v)\n", "")
    assert proc.returncode == 2 and err == "reader: error: cannot write to the standard output (it is closed)\n", err


@pytest.mark.parametrize("args", [["export", "--tag", "!!!"], ["align", "--threshold", "7"], ["align", "--nonsense"]])
def test_a_closed_stderr_is_no_crash(args):
    proc = subprocess.run([sys.executable, "-m", "reader", *args, str(REPO / "articles")], stdout=subprocess.PIPE,
                          preexec_fn=lambda: os.close(2), timeout=120)
    assert proc.returncode == 2 and proc.stdout == b""  # an error, not a traceback (1), and not on stdout
