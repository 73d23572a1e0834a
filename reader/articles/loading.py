"""Files to Articles: find the files, read them, and build display text and metadata."""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Callable

from reader.articles.decoding import NotText, decode
from reader.articles.html_text import extract
from reader.articles.markdown_text import extract as markdown_text
from reader.articles.metadata import (
    Header,
    find_source,
    name_from_path,
    read_header,
    title_from,
)
from reader.articles.segment import split_sentences
from reader.articles.stdin import is_stdin, read_stdin, sniff_kind
from reader.articles.textmap import TextBuilder
from reader.errors import ReaderError
from reader.model import Article, Metadata
from reader.safe_text import show_path

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}
MAX_BYTES = 20 * 1024 * 1024
FIELD_CHARS = 300  # title, source and author are cut to this many characters
URL_CHARS = 2000
SURROGATE = re.compile("[\ud800-\udfff]")

Warn = Callable[[str], None]


def collect_paths(paths: list[Path]) -> list[Path]:
    """The article files named by ``paths``: files in order, folders' articles sorted by name.

    A folder's entries that are not regular files (a FIFO, a broken link) are kept, so that
    loading refuses each with a warning instead of skipping it silently.
    """
    files: list[Path] = []
    for path in paths:
        if is_stdin(path):
            files.append(path)
            continue
        info = _stat(path)
        if stat.S_ISDIR(info.st_mode):
            found = sorted(p for p in path.iterdir()
                           if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and not p.is_dir())
            if not found:
                raise ReaderError(f"{show_path(path)}: no articles here (looked for {', '.join(sorted(SUFFIXES))})")
            files += found
        else:
            files.append(path)
    return files


def load_articles(paths: list[Path], warn: Warn) -> list[Article]:
    """Load every article the paths name; a bad file is warned about and skipped."""
    articles, failures = [], []
    for path in collect_paths(paths):
        try:
            articles.append(load_article(path, warn))
        except ReaderError as e:
            failures.append(e)
    if not articles:
        if len(failures) == 1:
            raise failures[0]
        raise ReaderError(f"none of the {len(failures)} files could be loaded; the first: {failures[0]}")
    for e in failures:
        warn(f"skipped {e}")
    return articles


def load_article(path: Path, warn: Warn | None = None) -> Article:
    """Read one article file (.txt, .md or .html); ``warn`` hears of bytes that were not text."""
    data = read_stdin(MAX_BYTES) if is_stdin(path) else _read_bytes(path)
    try:
        decoded = decode(data)
    except NotText as e:
        raise ReaderError(f"{show_path(path)}: not a text file ({e})") from None
    if decoded.bad_bytes and warn is not None:
        warn(f"{show_path(path)}: {decoded.warning()}")
    raw = decoded.text
    if not raw.strip():
        raise ReaderError(f"{show_path(path)}: the file is empty")
    kind = sniff_kind(raw) if is_stdin(path) else SUFFIXES.get(path.suffix.lower(), "text")
    builder, header, url = _BUILDERS[kind](raw)
    text = builder.text()
    if not text.strip():
        raise ReaderError(f"{show_path(path)}: no article text found")
    sentences = split_sentences(text)
    meta = _complete(header, url, text, sentences, path)
    return Article(path=path, raw=raw, text=text, offsets=builder.offsets, ends=builder.ends, meta=meta,
                   sentences=sentences, content_hash=hashlib.sha256(data).hexdigest())


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; anything but a regular file is refused before it is read (a FIFO
    would block, a device never end)."""
    info = _stat(path)
    try:
        _check_regular(path, info.st_mode)
        with open(path, "rb", opener=_open_nonblocking) as f:
            info = os.fstat(f.fileno())
            _check_regular(path, info.st_mode)  # it may have been swapped since
            if info.st_size > MAX_BYTES:
                raise ReaderError(f"{show_path(path)}: too large ({info.st_size / 1e6:.0f} MB; "
                                  f"the limit is {MAX_BYTES // 2**20} MB)")
            return f.read(MAX_BYTES + 1)
    except PermissionError:
        raise ReaderError(f"{show_path(path)}: permission denied") from None
    except IsADirectoryError:
        raise ReaderError(f"{show_path(path)}: is a folder, not an article file") from None
    except OSError as e:
        raise ReaderError(f"{show_path(path)}: {_os_reason(path, e)}") from None


def _stat(path: Path) -> os.stat_result:
    """``os.stat`` of a path that must exist, with a one-line reason when it does not."""
    try:
        return path.stat()
    except OSError as e:
        raise ReaderError(f"{show_path(path)}: {_os_reason(path, e)}") from None


def _os_reason(path: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "a symbolic link loop"
    if e.errno == errno.ENOENT:
        return "a broken symbolic link" if path.is_symlink() else "no such file or directory"
    if e.errno == errno.EACCES:
        return "permission denied"
    return f"cannot read ({e.strerror or e})"


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ReaderError(f"{show_path(path)}: is a folder, not an article file")
    if not stat.S_ISREG(mode):
        raise ReaderError(f"{show_path(path)}: not a regular file ({_kind(mode)})")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _open_nonblocking(path, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def _plain(raw: str) -> tuple[TextBuilder, Header, str]:
    """The body, with the header's title line (if any) as its first paragraph: a headline is
    part of what an article says. Outlet, byline and date lines stay out."""
    header = read_header(raw)
    builder = TextBuilder(raw)
    if header.title_span and header.body_start:
        start, end = header.title_span
        builder.copy_without_tags(start, end)
        builder.put("\n\n", end, end)
    builder.copy_without_tags(header.body_start, len(raw))
    return builder, header, ""


def _html(raw: str) -> tuple[TextBuilder, Header, str]:
    return extract(raw)


_BUILDERS = {"text": _plain, "markdown": markdown_text, "html": _html}


def _complete(header: Header, url: str, text: str, sentences, path: Path) -> Metadata:
    """Fill what the header left out: a title from the first sentence, a source from the text."""
    first = text[sentences[0].start : sentences[0].end] if sentences else ""
    return Metadata(
        title=capped(header.title or title_from(first) or name_from_path(path)),
        source=capped(header.source or find_source(text) or name_from_path(path)),
        author=capped(header.author),
        date=header.date,
        url=capped(url, URL_CHARS),
    )


def capped(value: str, limit: int = FIELD_CHARS) -> str:
    """A metadata field of sane length (cut at a word), on one line, as text any encoding can hold.

    A file name that is not UTF-8 gives a name with lone surrogates: they become U+FFFD.  A
    line break (in a file name, a front-matter title) becomes a space: a title is one line.
    """
    value = SURROGATE.sub("\ufffd", value)
    if not value.isprintable():
        value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value.rfind(" ", limit // 2, limit)
    return value[: cut if cut > 0 else limit - 1].rstrip() + "…"

