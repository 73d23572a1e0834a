"""Highlights as markdown: front matter, a section per article, each highlight with what
the other sources said about the same point.  The same highlights give the same bytes.
Article text is escaped so that it stays plain text inside the document."""
from __future__ import annotations

import json
import re

from reader.highlights.entries import Entry
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


def md_lines(text: str) -> str:
    """Escaped text whose line breaks survive rendering (hard breaks)."""
    return "  \n".join(md_text(text).split("\n"))


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string, with what YAML forbids there escaped."""
    quoted = json.dumps(value, ensure_ascii=False)
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


BEGIN = "# reader:begin"
END = "<!-- reader:end -->"


def export_markdown(entries: list[Entry], title: str = "Highlights") -> str:
    """The markdown block (front matter to end marker)."""
    sources = sorted({e.article.label for e in entries if e.article})
    tags = sorted({t for e in entries for t in e.highlight.tags})
    # the date of the newest change, not today's: re-exporting unchanged highlights gives the same bytes
    stamp = max((e.highlight.updated for e in entries), default="")[:10]
    out = ["---", f"{BEGIN} (reader export rewrites this block, up to the end marker; write outside it)",
           f"title: {yaml_str(title)}", f"exported: {yaml_str(stamp)}",
           "sources:" + ("" if sources else " []")]
    out += [f"  - {yaml_str(s)}" for s in sources]
    out += ["tags:" + ("" if tags else " []")] + [f"  - {yaml_str(t)}" for t in tags]
    out += ["---", ""]
    placed = [e for e in entries if e.article and e.anchor.found]
    current = None
    for e in placed:
        if e.article is not current:
            current = e.article
            out += _article_section(e)
        out += _highlight(e)
    orphans = [e for e in entries if not (e.article and e.anchor.found)]
    if orphans:
        out += ["## Orphaned highlights", "",
                "These quotes were not found in the current text of their article.", ""]
        for e in orphans:
            out += [f"From {md_code(show_path(e.highlight.article_path))}:", ""] + _highlight(e)
    out += [END, ""]
    return "\n".join(out)


def _article_section(e: Entry) -> list[str]:
    meta = e.article.meta
    lines = [f"## {md_text(e.article.label)}: {md_text(meta.title)}", ""]
    for label, value in (("Source", meta.source), ("Title", meta.title), ("Author", meta.author),
                         ("Date", meta.date or ""), ("Path", show_path(e.article.path))):
        if value:
            lines.append(f"- **{label}:** {md_text(value)}")
    return lines + [""]


def _highlight(e: Entry) -> list[str]:
    h = e.highlight
    lines = [md_quote(h.quote), ""]
    if h.tags:
        lines += [" ".join(f"#{t}" for t in h.tags), ""]
    if h.note.strip():
        lines += ["**Note:** " + md_lines(h.note.strip()), ""]
    if e.anchor.status == "fuzzy":
        lines += ["*(The article's text changed; this highlight was matched approximately.)*", ""]
    if e.said:
        lines += ["**What the other sources said:**", ""]
        lines += [f"- **{md_text(s.source)}** (score {s.score:.2f}): {md_text(' '.join(s.text.split()))}"
                  for s in e.said]
    else:
        lines += ["*No other source reports this.*"]
    return lines + [""]
