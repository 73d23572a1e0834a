"""The export service: highlights of some articles with their counterparts, rendered as
markdown or Web Annotation JSON, and written atomically where the user pointed."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from reader.errors import ReaderError
from reader.highlights.annotations import export_json
from reader.highlights.entries import Entry, article_key, build_entries, path_key
from reader.highlights.markdown import BEGIN, END, export_markdown
from reader.highlights.store import HighlightStore
from reader.model import Alignment, Article


def render(entries: list[Entry], fmt: str) -> str:
    return export_json(entries) if fmt == "json" else export_markdown(entries)


def write_export(text: str, fmt: str, output: Path | None) -> None:
    """Print, or write atomically; markdown replaces only reader's block in an existing file."""
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        raise ReaderError(f"{output}: is a folder; give a file name")
    if fmt == "md" and output.exists():
        try:
            existing = output.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ReaderError(f"{output}: cannot read the existing file ({e})") from None
        text = replace_block(existing, text, "---\n" + BEGIN, END)
    atomic_write(output, text)


def entries_for(store: HighlightStore, articles: list[Article], alignment: Alignment | None,
                tags: list[str], only: list[Path]) -> list[Entry]:
    keys = [article_key(a) for a in articles]
    if only:
        wanted = {path_key(p) for p in only}
        keys = [k for k in keys if k in wanted]
    hashes = {a.content_hash for a in articles if article_key(a) in keys}
    found = {h.id: h for h in store.list(article_paths=keys)}
    for h in store.list():  # files moved since: matched by content
        if h.content_hash in hashes:
            found.setdefault(h.id, h)
    highlights = list(found.values())
    if tags:
        tagged = {h.id for t in tags for h in store.list(tag=t)}
        highlights = [h for h in highlights if h.id in tagged]
    return build_entries(highlights, articles, alignment)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temp file in the same folder, fsync, rename."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise ReaderError(f"{path}: cannot write here ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ReaderError(f"{path}: cannot write ({e.strerror or e})") from None


def replace_block(existing: str, block: str, begin: str, end: str) -> str:
    """``existing`` with the text from ``begin`` to ``end`` replaced by ``block``.

    Without markers the block is appended after the user's text; their text is never lost.
    """
    hi = existing.find(end)
    lo = existing.rfind(begin, 0, hi) if hi >= 0 else -1  # the begin nearest the end: a stray one stays
    if lo < 0 or hi < 0:
        if not existing.strip():
            return block
        return existing.rstrip("\n") + "\n\n" + block
    return existing[:lo] + block.rstrip("\n") + existing[hi + len(end) :]
