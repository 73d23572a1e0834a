"""What an export says: orphans of files renamed and edited, highlights that moved or changed,
counterparts not found at a threshold, source links; and export with no PATH, from anywhere."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.articles import load_article
from reader.highlights.anchor import context
from reader.highlights.entries import article_key
from reader.highlights.store import HighlightStore

FIRST = ("Senator Rand Paul flew to Moscow on Monday for talks. He met Konstantin Kosachev, the chairman of "
         "the foreign affairs committee. They agreed to meet again in Washington in November. "
         "Critics at home objected to the visit.")
SECOND = "The weather in Lisbon was mild all week. Tourists crowded the old town. Prices of hotel rooms rose again."
QUOTE = "He met Konstantin Kosachev, the chairman of the foreign affairs committee."


def setup(tmp_path: Path, first: str = FIRST, name: str = "first.md"):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / name).write_text(first)
    (folder / "second.txt").write_text(SECOND)
    db = tmp_path / "h.db"
    store = HighlightStore(db)
    a = load_article(folder / name)
    i = a.text.index(QUOTE)
    prefix, suffix = context(a.text, i, i + len(QUOTE))
    store.add(article_key(a), a.content_hash, QUOTE, prefix, suffix, *a.to_raw(i, i + len(QUOTE)),
              ["kosachev"], "my note")
    store.close()
    config = tmp_path / "c.toml"
    config.write_text(f"[highlights]\ndatabase = {json.dumps(str(db))}\n")
    return folder, config


def export(config: Path, *args, cwd=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "reader", "export", "--config", str(config), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_highlights_of_a_renamed_and_edited_file_are_listed_as_orphans(tmp_path):
    folder, config = setup(tmp_path)
    (folder / "first.md").rename(folder / "renamed.md")
    (folder / "renamed.md").write_text(FIRST.replace("on Monday", "on Tuesday"))
    out = export(config, folder).stdout
    orphans = out[out.index("## Orphaned highlights") :]
    assert QUOTE in orphans and f"`{folder / 'first.md'}` (the file was not found)" in orphans and "my note" in orphans
    data = json.loads(export(config, "--format", "json", folder).stdout)
    assert data["total"] == 1 and data["first"]["items"][0]["reader:status"] == "orphaned"


def test_a_changed_highlight_exports_its_new_wording_and_says_what_it_read(tmp_path):
    folder, config = setup(tmp_path)
    edited = FIRST.replace("the chairman of the foreign affairs", "the chair of the foreign-affairs")
    (folder / "first.md").write_text(edited)
    out = export(config, folder).stdout
    now = "He met Konstantin Kosachev, the chair of the foreign-affairs committee."
    assert f"> {now}\n\n*(Changed: the article's text was edited here since it was highlighted. It read:)*\n\n> {QUOTE}" in out
    item = json.loads(export(config, "--format", "json", folder).stdout)["first"]["items"][0]
    assert item["reader:status"] == "fuzzy" and item["reader:originalQuote"] == QUOTE
    assert item["target"]["selector"][0]["exact"] == now


def test_a_moved_highlight_is_said_to_have_moved(tmp_path):
    folder, config = setup(tmp_path)
    (folder / "first.md").write_text("A new first paragraph.\n\n" + FIRST)
    out = export(config, folder).stdout
    assert f"> {QUOTE}\n\n*(Moved:" in out
    assert json.loads(export(config, "--format", "json", folder).stdout)["first"]["items"][0]["reader:status"] == "moved"


def test_no_counterpart_says_only_what_is_known(tmp_path):
    folder, config = setup(tmp_path)
    out = export(config, folder).stdout
    assert "*No counterpart found at threshold 0.25; not reported by:* Second" in out  # the other source, named
    assert "No other source reports this" not in out


def test_each_article_section_links_its_source_url(tmp_path):
    page = '---\ntitle: "Paul in Moscow"\nurl: "https://example.com/paul?id=1"\n---\n\n' + FIRST
    folder, config = setup(tmp_path, page)
    assert "- **Link:** <https://example.com/paul?id=1>" in export(config, folder).stdout
    (folder / "first.md").write_text(page.replace("https://example.com/paul?id=1", "javascript:alert(1)"))
    assert "**Link:**" not in export(config, folder).stdout


def test_export_with_no_path_uses_the_databases_own_paths_from_any_folder(tmp_path):
    folder, config = setup(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()  # no articles folder here: the configured default does not exist
    out = export(config, cwd=elsewhere).stdout
    assert f"> {QUOTE}" in out and "my note" in out and "Orphaned" not in out
    (folder / "first.md").unlink()
    assert f"`{folder / 'first.md'}` (the file was not found)" in export(config, cwd=elsewhere).stdout


def test_re_export_keeps_user_properties_and_the_front_matter_on_line_1(tmp_path):
    folder, config = setup(tmp_path)
    out = tmp_path / "notes.md"
    out.write_text("Text I wrote above.\n")
    export(config, "-o", out, folder)
    first = out.read_text()
    assert first.startswith("---\n# reader:begin") and "\nText I wrote above.\n" in first
    out.write_text(first.replace("\n---\n", "\nstatus: draft\n---\n", 1))
    export(config, "-o", out, folder)
    again = out.read_text()
    assert again.startswith("---\n# reader:begin") and "\nstatus: draft\n---\n" in again
    assert again.count("Text I wrote above.") == 1 and again.count("reader:begin") == 1
