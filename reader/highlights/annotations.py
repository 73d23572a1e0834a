"""Highlights as W3C Web Annotations (TextQuoteSelector + TextPositionSelector)."""
from __future__ import annotations

from pathlib import Path

from reader.highlights.entries import Entry
from reader.safe_text import safe_json


def export_json(entries: list[Entry]) -> str:
    items = [_annotation(e) for e in entries]
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": "reader highlights",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }
    return safe_json(collection, indent=2) + "\n"


def _annotation(e: Entry) -> dict:
    h = e.highlight
    body = [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in h.tags]
    if h.note:
        body.insert(0, {"type": "TextualBody", "purpose": "commenting", "value": h.note, "format": "text/plain"})
    source = (e.article.path if e.article else Path(h.article_path)).resolve().as_uri()
    placed = e.article is not None and e.anchor.found
    quote = e.article.text[e.anchor.start : e.anchor.end] if placed else h.quote
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": quote, "prefix": h.prefix, "suffix": h.suffix}]
    if placed:
        start, end = e.article.to_raw(e.anchor.start, e.anchor.end)
        selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    ann = {
        "id": f"urn:uuid:{h.id[:8]}-{h.id[8:12]}-{h.id[12:16]}-{h.id[16:20]}-{h.id[20:]}",
        "type": "Annotation",
        "created": h.created,
        "modified": h.updated,
        "body": body,
        "target": {"source": source, "selector": selectors},
    }
    if e.said:
        ann["reader:counterparts"] = [{"source": s.source, "text": s.quote, "score": round(s.score, 3),
                                       "kind": "reuse" if s.copied else "fact", "by": s.by} for s in e.said]
    if e.silent:
        ann["reader:notReportedBy"] = list(e.silent)
    if e.anchor.status != "exact":  # moved, fuzzy (changed) or orphaned: said, never silent
        ann["reader:status"] = e.anchor.status
    if placed and quote != h.quote:
        ann["reader:originalQuote"] = h.quote
    return ann
