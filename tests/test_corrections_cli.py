"""Manual corrections in the headless commands: ``reader align --json`` marks them ``"by": "user"``,
the report and the export name them, an orphan is a warning, and no database means none."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.articles import load_articles
from reader.highlights.corrections import LINK, add_correction, passage_ref
from reader.highlights.store import HighlightStore

REPO = Path(__file__).resolve().parent.parent


def reader(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True)


def linked_db(tmp_path, seed_paths) -> tuple[Path, list]:
    """A database with one manual link (Daily Beast sentence 4, New York Times sentence 5) and a
    highlight on the Daily Beast sentence; a config naming it."""
    articles = load_articles(seed_paths, print)
    store = HighlightStore(tmp_path / "h.db")
    a, b = articles[0].sentences[4], articles[2].sentences[5]
    add_correction(store, LINK, [passage_ref(articles[0], a.start, a.end), passage_ref(articles[2], b.start, b.end)])
    ref = passage_ref(articles[0], a.start, a.end)
    store.add(ref.article_path, ref.content_hash, ref.quote, ref.prefix, ref.suffix, ref.start, ref.end, ["t"], "")
    store.close()
    config = tmp_path / "c.toml"
    config.write_text(f'[highlights]\ndatabase = "{tmp_path / "h.db"}"\n')
    return config, [articles[0].raw[ref.start : ref.end], articles[2].text[b.start : b.end]]


def test_align_json_marks_the_users_links(tmp_path, seed_paths):
    config, (mine, theirs) = linked_db(tmp_path, seed_paths)
    paths = [str(p) for p in seed_paths]
    out = json.loads(reader("align", "--json", "--config", str(config), *paths).stdout)
    user = [g for g in out["groups"] if g["by"] == "user"]
    assert len(user) == 1 and user[0]["kind"] == "fact" and user[0]["score"] == 1.0
    raw = [p.read_text(encoding="utf-8") for p in seed_paths]
    assert {raw[p["article"]][p["start"] : p["end"]] for p in user[0]["passages"]} == {mine, theirs}
    assert all(g["by"] == "aligner" for g in out["groups"] if g is not user[0])
    plain = json.loads(reader("align", "--json", "--no-corrections", "--config", str(config), *paths).stdout)
    assert all(g["by"] == "aligner" for g in plain["groups"]) and len(plain["groups"]) == len(out["groups"]) - 1
    report = reader("align", "--config", str(config), *paths).stdout
    assert "linked by you" in report


def test_no_database_means_no_corrections_and_none_is_created(tmp_path, seed_paths):
    config = tmp_path / "c.toml"
    config.write_text(f'[highlights]\ndatabase = "{tmp_path / "none.db"}"\n')
    proc = reader("align", "--json", "--config", str(config), *map(str, seed_paths))
    assert proc.returncode == 0 and not (tmp_path / "none.db").exists()
    assert all(g["by"] == "aligner" for g in json.loads(proc.stdout)["groups"])


def test_align_does_not_upgrade_an_older_database(tmp_path, seed_paths):
    import sqlite3

    from reader.highlights.store import MIGRATIONS, SCHEMA_VERSION

    db = tmp_path / "v3.db"
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[: SCHEMA_VERSION - 1]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    config = tmp_path / "c.toml"
    config.write_text(f'[highlights]\ndatabase = "{db}"\n')
    proc = reader("align", "--json", "--config", str(config), *map(str, seed_paths))
    assert proc.returncode == 0 and proc.stderr == ""
    assert db.read_bytes() == before  # an older reader can still open it


def test_export_names_the_users_link_and_an_orphan_is_a_warning(tmp_path, seed_paths):
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in seed_paths:
        (folder / p.name).write_bytes(p.read_bytes())
    copies = sorted(folder.iterdir())
    config, (_, theirs) = linked_db(tmp_path, copies)
    proc = reader("export", "--config", str(config), *map(str, copies))
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if "linked by you" in x)
    assert line.startswith("- **The New York Times** (linked by you): ")
    assert line.replace("\\", "").endswith(" ".join(theirs.split()))  # the markdown escapes, not the words
    data = json.loads(reader("export", "--format", "json", "--config", str(config), *map(str, copies)).stdout)
    said = [s for ann in data["first"]["items"] for s in ann.get("reader:counterparts", [])]
    assert any(s["by"] == "user" for s in said)
    copies[2].write_text(copies[2].read_text(encoding="utf-8").replace(theirs, "Gone."), encoding="utf-8")
    proc = reader("align", "--config", str(config), *map(str, copies))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "warning: a manual link lost its text" in proc.stderr and "linked by you" not in proc.stdout
