"""Files to Articles: find the files, read them, and build display text and metadata."""
from __future__ import annotations

import hashlib
import stat
from pathlib import Path
from typing import Callable

from reader.articles.decoding import NotText, decode
from reader.articles.frontmatter import header_from, split_front_matter
from reader.articles.html_text import extract
from reader.articles.metadata import (
    Header,
    find_source,
    name_from_path,
    read_header,
    title_from,
)
from reader.articles.segment import split_sentences
from reader.articles.textmap import TextBuilder
from reader.errors import ReaderError
from reader.model import Article, Metadata

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}
MAX_BYTES = 20 * 1024 * 1024

Warn = Callable[[str], None]


def collect_paths(paths: list[Path]) -> list[Path]:
    """The article files named by ``paths``: files in order, folders' articles sorted by name."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise ReaderError(f"{path}: no such file or directory")
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file())
            if not found:
                raise ReaderError(f"{path}: no articles here (looked for {', '.join(sorted(SUFFIXES))})")
            files += found
        else:
            files.append(path)
    return files


def load_articles(paths: list[Path], warn: Warn) -> list[Article]:
    """Load every article the paths name; a bad file is warned about and skipped."""
    articles, failures = [], []
    for path in collect_paths(paths):
        try:
            articles.append(load_article(path))
        except ReaderError as e:
            failures.append(e)
    if not articles:
        if len(failures) == 1:
            raise failures[0]
        raise ReaderError(f"none of the {len(failures)} files could be loaded; the first: {failures[0]}")
    for e in failures:
        warn(f"skipped {e}")
    return articles


def load_article(path: Path) -> Article:
    """Read one article file (.txt, .md or .html)."""
    data = _read_bytes(path)
    try:
        raw = decode(data)
    except NotText as e:
        raise ReaderError(f"{path}: not a text file ({e})") from None
    if not raw.strip():
        raise ReaderError(f"{path}: the file is empty")
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    builder, header, url = _BUILDERS[kind](raw)
    text = builder.text()
    if not text.strip():
        raise ReaderError(f"{path}: no article text found")
    sentences = split_sentences(text)
    meta = _complete(header, url, text, sentences, path)
    return Article(path=path, raw=raw, text=text, offsets=builder.offsets, ends=builder.ends, meta=meta,
                   sentences=sentences, content_hash=hashlib.sha256(data).hexdigest())


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReaderError(f"{path}: is a folder, not an article file")
        if info.st_size > MAX_BYTES:
            raise ReaderError(f"{path}: too large ({info.st_size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise ReaderError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ReaderError(f"{path}: is a folder, not an article file") from None
    except OSError as e:
        raise ReaderError(f"{path}: cannot read ({e.strerror or e})") from None


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


def _markdown(raw: str) -> tuple[TextBuilder, Header, str]:
    fields, body = split_front_matter(raw)
    if not fields:
        return _plain(raw)
    header, url = header_from(fields)
    while body < len(raw) and raw[body].isspace():
        body += 1
    builder = TextBuilder(raw)
    builder.copy_without_tags(body, len(raw))
    return builder, header, url


def _html(raw: str) -> tuple[TextBuilder, Header, str]:
    return extract(raw)


_BUILDERS = {"text": _plain, "markdown": _markdown, "html": _html}


def _complete(header: Header, url: str, text: str, sentences, path: Path) -> Metadata:
    """Fill what the header left out: a title from the first sentence, a source from the text."""
    first = text[sentences[0].start : sentences[0].end] if sentences else ""
    return Metadata(
        title=header.title or title_from(first) or name_from_path(path),
        source=header.source or find_source(text) or name_from_path(path),
        author=header.author,
        date=header.date,
        url=url,
    )
