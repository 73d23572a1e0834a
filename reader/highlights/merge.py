"""Put a fresh markdown export into the user's file, keeping everything they wrote there.

After a merge the file reads:

    ---                         line 1: reader's front matter (Obsidian's properties)
    # reader:begin (...)
    title, exported, sources, tags      rewritten by reader
    status: draft                       the user's own properties, kept
    ---
    text the user wrote above the block, kept (moved below the front matter)
    <!-- reader:body -->
    the sections                        rewritten by reader
    <!-- reader:end -->
    text the user wrote below, kept

A file that starts with the user's own front matter keeps it on line 1; reader's block then
stays where it is.  Merging the same export twice gives the same bytes.
"""
from __future__ import annotations

import re

from reader.highlights.markdown import BEGIN, BODY, END

OURS = frozenset({"title", "exported", "sources", "tags"})  # the properties reader writes
OPEN = "---\n" + BEGIN
KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:")


def merge(existing: str, block: str) -> str:
    """``existing`` with reader's block replaced by ``block`` (a whole export)."""
    new_fm, new_body = _split_export(block)
    user_first = existing.startswith("---\n") and not existing.startswith(OPEN)
    found = _find_block(existing)
    if found is None:
        if not existing.strip():
            return block
        if user_first:
            return existing.rstrip("\n") + "\n\n" + block
        return new_fm + "\n" + existing.strip("\n") + "\n\n" + new_body + "\n"
    fm_start, fm_end, body_start, end_end = found
    fm = _with_user_properties(new_fm, existing[fm_start:fm_end])
    head = existing[:fm_start] if user_first else ""
    moved = ("" if user_first else existing[:fm_start]) + existing[fm_end:body_start]
    middle = "\n" if not moved.strip() else "\n" + moved.strip("\n") + "\n\n"
    return head + fm + middle + new_body + existing[end_end:]


def _split_export(block: str) -> tuple[str, str]:
    """(front matter through its closing "---\\n", body from its marker through the end marker)."""
    close = block.find("\n---\n", 4) + 5
    body = block.find(BODY, close)
    body = close + len(block[close:]) - len(block[close:].lstrip("\n")) if body < 0 else body
    end = block.find(END, body)
    return block[:close], block[body : end + len(END) if end >= 0 else len(block.rstrip("\n"))]


def _find_block(text: str) -> tuple[int, int, int, int] | None:
    """(front matter start, its end, body start, end marker's end) of reader's block, or None."""
    first_body, first_end = text.find(BODY), text.find(END)
    limit = first_body if first_body >= 0 else first_end
    if limit < 0:
        return None
    if text.startswith(OPEN):
        fm_start = 0
    else:  # an older export, below text the user wrote: the nearest opening before the body
        at = text.rfind("\n" + OPEN, 0, limit)
        if at < 0:
            return None
        fm_start = at + 1
    close = text.find("\n---\n", fm_start + 4)
    if close < 0 or close > limit:
        return None
    fm_end = close + 5
    end = text.find(END, fm_end)
    if end < 0:
        return None
    marker = text.find(BODY, fm_end, end)
    return fm_start, fm_end, marker if marker >= 0 else fm_end, end + len(END)


def _with_user_properties(new_fm: str, old_fm: str) -> str:
    """Reader's new front matter with the properties the user added to the old one."""
    kept, keep = [], False
    for line in old_fm.split("\n")[1:-2]:  # between the "---" lines
        if line.startswith(BEGIN):
            continue
        m = KEY.match(line)
        if m:
            keep = m.group(1) not in OURS
        elif not line.startswith((" ", "\t", "-")):
            keep = True  # a comment or stray line of the user's
        if keep:
            kept.append(line)
    if not kept:
        return new_fm
    return new_fm[: -len("---\n")] + "\n".join(kept) + "\n---\n"
