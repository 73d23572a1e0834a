"""Export: golden markdown and JSON (escaping included), stable bytes, markers, atomic writes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.align import align
from reader.articles.loading import load_articles
from reader.errors import ReaderError
from reader.highlights.export import entries_for, render, write_export
from reader.highlights.merge import merge
from reader.highlights.store import HighlightStore
from reader.highlights.writing import atomic_write

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
TRICKY_NOTE = "# not a heading\n> not a quote\n---\n- not a list\n1. not a list\n`code` | pipe *star* _under_ [link](x) <b>\ttab"


def make_store(tmp_path) -> tuple[HighlightStore, list]:
    articles = load_articles([REPO / "articles"], print)
    store = HighlightStore(tmp_path / "h.db")
    picks = [(0, "Cato Institute"), (1, "90% of the nuclear arms"), (2, "Sergey I. Kislyak")]
    for n, (k, phrase) in enumerate(picks):
        art = articles[k]
        sent = next(s for s in art.sentences if phrase in art.text[s.start : s.end])
        lo, hi = art.to_raw(sent.start, sent.end)
        quote = art.text[sent.start : sent.end]
        store.add(str(art.path.resolve()), art.content_hash, quote, art.text[max(0, sent.start - 32) : sent.start],
                  art.text[sent.end : sent.end + 32], lo, hi, ["Quote/Paul", f"fact-{n}"],
                  TRICKY_NOTE if n == 0 else f"Note {n}\nsecond line")
    # a highlight whose quote no longer exists anywhere: orphaned, but kept
    store.add(str(articles[0].path.resolve()), "old-hash", "#Quote that was --- removed `later`", "", "", 5, 40, ["gone"], "")
    store.conn.execute("PRAGMA foreign_keys = OFF")
    for n, h in enumerate(store.list()):  # fixed ids and times, for golden files
        with store.write() as c:
            new_id = f"{n:032x}"
            c.execute("UPDATE tags SET highlight_id = ? WHERE highlight_id = ?", (new_id, h.id))
            c.execute("UPDATE counterparts SET highlight_id = ? WHERE highlight_id = ?", (new_id, h.id))
            c.execute("UPDATE highlights SET id = ?, created = ?, updated = ? WHERE id = ?",
                      (new_id, "2026-01-02T03:04:05.000000Z", f"2026-01-0{n + 2}T00:00:00.000000Z", h.id))
    return store, articles


def normalized(text: str) -> str:
    return text.replace(REPO.resolve().as_uri(), "file://<repo>").replace(str(REPO.resolve()), "<repo>")


@pytest.mark.parametrize("fmt,golden", [("md", "export.md"), ("json", "export.json")])
def test_golden_exports(tmp_path, fmt, golden):
    store, articles = make_store(tmp_path)
    entries = entries_for(store, articles, align(articles, 0.25), [], [])
    text = normalized(render(entries, fmt, 0.25))
    path = GOLDEN / golden
    if os.environ.get("READER_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    again = normalized(render(entries_for(store, articles, align(articles, 0.25), [], []), fmt, 0.25))
    assert again == text  # byte-identical re-export


def test_quotes_are_escaped_and_notes_are_the_users_markdown(tmp_path):
    store, articles = make_store(tmp_path)
    md = render(entries_for(store, articles, None, [], []), "md")
    lines = md.splitlines()
    assert lines[0] == "---" and lines[lines.index("---", 1) + 2] == "<!-- reader:body -->"
    assert "**Note:**\n\n" + TRICKY_NOTE.replace("\t", "\t") + "\n" in md  # the note, verbatim
    assert "## Orphaned highlights" in md and "> \\#Quote that was --- removed \\`later\\`" in md


def test_a_note_keeps_links_and_emphasis_and_cannot_end_the_block(tmp_path):
    store, articles = make_store(tmp_path)
    h = store.list()[0]
    store.update(h.id, note="See [[Kosachev]] and *this* \x1b[2J\n<!-- reader:end -->")
    md = render(entries_for(store, articles, None, [], []), "md")
    assert "See [[Kosachev]] and *this* ␛[2J" in md and "&lt;!-- reader:end --&gt;" in md
    assert md.count("<!-- reader:end -->") == 1


def test_filters_by_tag_and_article(tmp_path):
    store, articles = make_store(tmp_path)
    assert len(entries_for(store, articles, None, ["fact-1"], [])) == 1
    assert len(entries_for(store, articles, None, ["quote"], [])) == 3  # parent tag
    only = entries_for(store, articles, None, [], [articles[2].path])
    assert {e.article.path for e in only} == {articles[2].path}


def test_export_into_existing_file_keeps_user_text_with_the_front_matter_on_line_1(tmp_path):
    store, articles = make_store(tmp_path)
    out = tmp_path / "notes.md"
    out.write_text("My own notes above.\n")
    block = render(entries_for(store, articles, None, [], []), "md")
    write_export(block, "md", out)
    first = out.read_text()
    fm_end = first.index("\n---\n") + 5
    assert first[:fm_end] == block[:fm_end]  # properties on line 1, where Obsidian reads them
    assert first[fm_end:].startswith("\nMy own notes above.\n\n<!-- reader:body -->") and "reader:end" in first
    out.write_text(first + "\nMy notes below.\n")
    write_export(block, "md", out)
    second = out.read_text()
    assert second == first + "\nMy notes below.\n"
    assert second.count("reader:begin") == 1


def test_unwritable_export_path_is_a_clear_error(tmp_path):
    with pytest.raises(ReaderError, match="cannot write"):
        atomic_write(tmp_path / "missing-folder" / "out.md", "x")


def test_export_command_end_to_end(tmp_path):
    store, _ = make_store(tmp_path)
    store.close()
    config = tmp_path / "c.toml"
    config.write_text(f'[highlights]\ndatabase = "{tmp_path / "h.db"}"\n')
    out = tmp_path / "out.md"
    cmd = [sys.executable, "-m", "reader", "export", "--config", str(config), "-o", str(out), str(REPO / "articles")]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "What the other sources said" in out.read_text()
    bad = subprocess.run(cmd[:-3] + ["-o", str(tmp_path / "nope" / "x.md"), str(REPO / "articles")],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and "cannot write" in bad.stderr


BLOCK = ("---\n# reader:begin (x)\ntitle: \"Highlights\"\nexported: \"2026-01-02\"\nsources: []\ntags:\n  - \"new\"\n---\n\n"
         "<!-- reader:body -->\n\nnew body\n<!-- reader:end -->\n")


def test_merge_keeps_the_users_properties_and_moves_text_above_below_the_front_matter():
    old = ("I wrote this first.\n\n---\n# reader:begin (x)\ntitle: \"Highlights\"\nstatus: draft\naliases:\n  - cato\n"
           "tags:\n  - \"old\"\n---\n\n## old body\n<!-- reader:end -->\nafter\n")  # an export before body markers
    merged = merge(old, BLOCK)
    assert merged == ("---\n# reader:begin (x)\ntitle: \"Highlights\"\nexported: \"2026-01-02\"\nsources: []\n"
                      "tags:\n  - \"new\"\nstatus: draft\naliases:\n  - cato\n---\n\nI wrote this first.\n\n"
                      "<!-- reader:body -->\n\nnew body\n<!-- reader:end -->\nafter\n")
    assert merge(merged, BLOCK) == merged  # stable


def test_merge_into_a_file_with_its_own_front_matter_keeps_it_first():
    mine = "---\ntitle: My notes\n---\n\nSome text.\n"
    merged = merge(mine, BLOCK)
    assert merged == mine + "\n" + BLOCK and merge(merged, BLOCK) == merged


def test_merge_with_a_stray_begin_marker_keeps_the_users_text():
    existing = "intro\n---\n# reader:begin mine, typed by hand\nmy text\n"
    merged = merge(existing, BLOCK)
    assert merged.startswith("---\n# reader:begin (x)") and "intro\n---\n# reader:begin mine, typed by hand\nmy text" in merged
    assert merge(merged, BLOCK) == merged


def test_front_matter_strings_are_safe_yaml():
    from reader.highlights.markdown import yaml_str

    assert yaml_str('Say "hi"\n\u2028x\x7f') == '"Say \\"hi\\"\\n\\u2028x\\u007f"'
