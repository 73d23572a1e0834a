"""Highlights as markdown: front matter, a section per article, each highlight with what
the other sources said about the same point.  The same highlights give the same bytes.
Article text is escaped so that it stays plain text inside the document; notes are the
user's own markdown and are kept as written."""
from __future__ import annotations

import json
import re

from reader.highlights.entries import Entry
from reader.highlights.model import Counterpart
from reader.safe_text import safe, show_path

INLINE = re.compile(r"([\\`*_\[\]<>|#~!])")
LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
# printable in JSON but not allowed (or line breaks) inside a YAML double-quoted scalar
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def md_text(text: str) -> str:
    """One or more lines of plain text, escaped; lines keep their breaks."""
    lines = []
    for line in safe(text.replace("\t", " ").replace("\r", "")).split("\n"):
        line = INLINE.sub(r"\\\1", line.strip())
        line = LINE_START.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), line)
        lines.append(line)
    return "\n".join(lines)


def _escape_lead(lead: str) -> str:
    if lead[0].isdigit():
        return lead[:-1] + "\\" + lead[-1]
    return "\\" + lead


def md_code(text: str) -> str:
    """A code span (shown as it is), or escaped text when it holds a backtick."""
    return f"`{safe(text)}`" if "`" not in text and "\n" not in text else md_text(text)


def md_quote(text: str) -> str:
    """A blockquote: every line prefixed with "> ", blank lines as ">"."""
    return "\n".join(f"> {line}" if line else ">" for line in md_text(text).split("\n"))


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string, with what YAML forbids there escaped."""
    quoted = json.dumps(value, ensure_ascii=False)
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


BEGIN = "# reader:begin"
BODY = "<!-- reader:body -->"
END = "<!-- reader:end -->"
MARKERS = re.compile(r"<!--\s*reader:(?:body|end)\s*-->")
SAFE_URL = re.compile(r"https?://[^\s<>]+")


def md_note(text: str) -> str:
    """A note is markdown the user wrote: kept as it is ([[links]], *emphasis*), with control
    characters made visible and reader's markers disarmed."""
    return MARKERS.sub(lambda m: m.group().replace("<", "&lt;").replace(">", "&gt;"), safe(text.strip()))


def export_markdown(entries: list[Entry], title: str = "Highlights", threshold: float | None = None,
                    appendix: list[str] | None = None) -> str:
    """The markdown block: front matter, then the body from its marker to the end marker
    (``appendix``, markdown lines such as the story map, last in it)."""
    return "\n".join(front_matter(entries, title) + [""] + body(entries, threshold, appendix))


def front_matter(entries: list[Entry], title: str = "Highlights") -> list[str]:
    """The YAML front matter, first line "---" to last line "---"."""
    sources = sorted({e.article.label for e in entries if e.article})
    tags = sorted({t for e in entries for t in e.highlight.tags})
    # the date of the newest change, not today's: re-exporting unchanged highlights gives the same bytes
    stamp = max((e.highlight.updated for e in entries), default="")[:10]
    out = ["---", f"{BEGIN} (reader export rewrites this block, up to the end marker; write outside it)",
           f"title: {yaml_str(title)}", f"exported: {yaml_str(stamp)}",
           "sources:" + ("" if sources else " []")]
    out += [f"  - {yaml_str(s)}" for s in sources]
    out += ["tags:" + ("" if tags else " []")] + [f"  - {yaml_str(t)}" for t in tags]
    return out + ["---"]


def body(entries: list[Entry], threshold: float | None = None, appendix: list[str] | None = None) -> list[str]:
    """The sections (and ``appendix``), from the body marker to the end marker and a last newline."""
    out = [BODY, ""]
    current = None
    for e in entries:
        if e.article and e.anchor.found:
            if e.article is not current:
                current = e.article
                out += _article_section(e)
            out += _highlight(e, threshold)
    orphans = [e for e in entries if not (e.article and e.anchor.found)]
    if orphans:
        out += ["## Orphaned highlights", "",
                "Kept, but not placed: their article was not found, or their quote is no longer in its text.", ""]
        for e in orphans:
            why = "the file was not found" if e.article is None else "the quote is not in its current text"
            out += [f"From {md_code(show_path(e.highlight.article_path))} ({why}):", ""] + _highlight(e, threshold)
    return out + list(appendix or []) + [END, ""]


def _article_section(e: Entry) -> list[str]:
    meta = e.article.meta
    lines = [f"## {md_text(e.article.label)}: {md_text(meta.title)}", ""]
    for label, value in (("Source", meta.source), ("Title", meta.title), ("Author", meta.author),
                         ("Date", meta.date or ""), ("Path", show_path(e.article.path))):
        if value:
            lines.append(f"- **{label}:** {md_text(value)}")
    if SAFE_URL.fullmatch(meta.url or ""):
        lines.append(f"- **Link:** <{meta.url}>")
    return lines + [""]


def _highlight(e: Entry, threshold: float | None) -> list[str]:
    h = e.highlight
    moved = e.article is not None and e.anchor.status in ("moved", "fuzzy")
    now = e.article.text[e.anchor.start : e.anchor.end] if moved else h.quote
    lines = [md_quote(now), ""]
    if e.anchor.status == "moved":
        lines += ["*(Moved: the article's text changed, and this quote is now elsewhere in it.)*", ""]
    elif e.anchor.status == "fuzzy":
        lines += ["*(Changed: the article's text was edited here since it was highlighted. It read:)*", "",
                  md_quote(h.quote), ""]
    if h.tags:
        lines += [" ".join(f"#{t}" for t in h.tags), ""]
    note = md_note(h.note)
    if note:
        lines += ["**Note:** " + note if "\n" not in note else "**Note:**\n\n" + note, ""]
    silent = md_text(", ".join(e.silent))
    if e.said:
        lines += ["**What the other sources said:**", ""]
        lines += [f"- **{md_text(s.source)}** ({_how(s)}): {md_text(' '.join(s.quote.split()))}" for s in e.said]
        lines += [f"- *Not reported by:* {silent}"] if silent else []
    else:
        found = f" at threshold {threshold:g}" if threshold is not None else ""
        lines += [f"*No counterpart found{found}" + (f"; not reported by:* {silent}" if silent else ".*")]
    return lines + [""]


def _how(said: Counterpart) -> str:
    """How a counterpart is linked: "linked by you", or its kind and score."""
    if said.by == "user":
        return "linked by you"
    return f"{'copied, ' if said.copied else ''}score {said.score:.2f}"
