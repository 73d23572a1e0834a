"""The command line's small front doors: --version, an article on stdin, URL arguments."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import subprocess
import sys

import pytest

import reader as reader_package


def reader(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "reader", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)
    proc.stdout, proc.stderr = proc.stdout.decode(), proc.stderr.decode()
    return proc


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    proc = reader(flag)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"reader {reader_package.__version__}\n"
    assert importlib.metadata.version("reader") == reader_package.__version__  # one source of truth


# ---------------------------------------------------------------- an article on stdin
def test_align_reads_an_article_from_stdin(seed_paths):
    daily_beast, _, nyt = seed_paths
    from_file = json.loads(reader("align", "--json", daily_beast, nyt).stdout)
    proc = reader("align", "--json", "-", nyt, stdin=daily_beast.read_bytes())
    assert proc.returncode == 0, proc.stderr
    piped = json.loads(proc.stdout)
    first = piped["articles"][0]
    assert first["path"] == "-"  # as given, so a caller can match it to its argument
    assert first["source"] == "The Daily Beast"  # the text names its outlet, as from the file
    assert piped["groups"] == from_file["groups"]  # same offsets, same alignment


def test_an_article_on_stdin_that_names_no_outlet_is_labelled_stdin(seed_paths):
    text = b"A council met on Tuesday to discuss the budget. It adjourned without a vote.\n"
    proc = reader("align", "--json", "-", seed_paths[0], stdin=text)
    first = json.loads(proc.stdout)["articles"][0]
    assert first["source"] == "stdin"
    assert first["title"] == "A council met on Tuesday to discuss the budget."


def test_html_on_stdin_is_read_as_html(seed_paths):
    page = (b"<!DOCTYPE html><html><head><title>Budget talks stall</title></head><body><article>"
            b"<p>A council met on Tuesday to discuss the budget.</p></article></body></html>")
    proc = reader("align", "--json", "-", seed_paths[0], stdin=page)
    first = json.loads(proc.stdout)["articles"][0]
    assert first["title"] == "Budget talks stall" and first["sentences"] == 1


@pytest.mark.parametrize("args,stdin,message", [
    (["align", "-"], b"", "-: nothing came on standard input"),
    (["align", "-", "-"], b"Some text. More text.", "-: standard input can be read only once"),
])
def test_stdin_mistakes_are_one_line(args, stdin, message):
    proc = reader(*args, stdin=stdin)
    assert proc.returncode == 2
    assert proc.stderr.startswith("reader: error: " + message) and proc.stderr.count("\n") == 1, proc.stderr


def test_highlights_know_a_piped_article_by_its_content(seed_paths):
    """Not by the folder reader ran in: the same text piped again finds its highlights,
    another text piped in does not get them."""
    from reader.articles import STDIN
    from reader.config import default_database
    from reader.highlights.entries import article_key
    from reader.highlights.store import HighlightStore
    from reader.model import Article, Metadata

    def piped(text: str, digest: str) -> Article:
        return Article(STDIN, text, text, range(len(text)), Metadata(), content_hash=digest)

    assert article_key(piped("One text.", "1a2b")) == "stdin:1a2b"
    assert article_key(piped("Other text.", "3c4d")) == "stdin:3c4d"

    daily_beast, gateway, _ = seed_paths
    data = daily_beast.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    quote = "The Cato Institute, a libertarian think tank, paid for Paul’s trip."
    start = data.decode().index(quote)
    store = HighlightStore(default_database())
    store.add(f"stdin:{digest}", digest, quote, "", "", start, start + len(quote), ["funding"])
    store.close()
    same = reader("export", "-", gateway, stdin=data)
    assert "The Cato Institute" in same.stdout and "#funding" in same.stdout, same.stdout + same.stderr
    changed = reader("export", "-", gateway, stdin=data.replace(b"Wednesday", b"Thursday"))
    assert "The Cato Institute" not in changed.stdout and "no highlights match" in changed.stderr


def test_the_app_reads_the_article_from_a_pipe_and_keys_from_the_terminal(seed_paths):
    """`cat a.txt | reader - b.txt`: stdin is the article, the keys come from the terminal."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import termios
    import time

    r, w = os.pipe()
    pid, master = pty.fork()
    if pid == 0:  # the child: its terminal is the pty, its stdin the pipe
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
            os.close(w)
            os.dup2(r, 0)
            os.execvpe(sys.executable, [sys.executable, "-m", "reader", "-", str(seed_paths[0])],
                       dict(os.environ, TERM="xterm-256color"))
        finally:
            os._exit(127)
    os.close(r)
    os.write(w, seed_paths[2].read_bytes())  # the New York Times article
    os.close(w)
    seen, status, deadline, quit_sent = b"", None, time.monotonic() + 60, False
    while time.monotonic() < deadline:
        if select.select([master], [], [], 0.2)[0]:
            try:
                seen += os.read(master, 65536)
            except OSError:
                pass
        if not quit_sent and b"Rand Paul Continues His One-Man" in seen:
            time.sleep(0.5)
            os.write(master, b"q")
            quit_sent = True
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(code)
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(master)
    assert quit_sent, seen[-2000:]
    assert status == 0, seen[-2000:]  # q, read from the terminal, quit the app


def test_the_app_without_a_terminal_for_keys_says_so_in_one_line(seed_paths):
    proc = subprocess.run([sys.executable, "-m", "reader", "-", str(seed_paths[0])], input=seed_paths[2].read_bytes(),
                          capture_output=True, start_new_session=True, timeout=60)  # no controlling terminal
    assert proc.returncode == 2
    assert proc.stderr.decode() == "reader: error: -: the article came on stdin, and there is no terminal to read keys from\n"


# ---------------------------------------------------------------- URLs
@pytest.mark.parametrize("args", [
    ["https://www.example.com/2018/08/06/paul-moscow.html"],
    ["align", "http://example.com/story"],
    ["export", "--article", "https://example.com/a", "articles"],
])
def test_a_url_is_refused_in_one_line_not_mangled(args):
    url = next(a for a in args if "://" in a)
    proc = reader(*args)
    assert proc.returncode == 2
    assert proc.stderr == f"reader: error: {url}: URLs are not fetched; save the page (as .html or .txt) and give the file\n"

