"""``reader map`` in each format, its options and errors, hostile text in cells and headers,
and ``reader export --map``."""
from __future__ import annotations

import csv
import io
import json

import pytest
from test_cli import reader

HOSTILE = "The minister | resigned after the [bold]vote[/bold] \x1b[2J in the upper house on Friday evening."
SHARED = ("Officials said the budget of the ministry of transport would be cut by a third next spring, "
          "and that the cut would hit rail projects in the north hardest of all.")


@pytest.fixture
def hostile(tmp_path):
    """Two articles that share a copied paragraph full of markup, pipes and an escape, one with a
    hostile outlet name."""
    a = tmp_path / "a.md"
    a.write_text('---\nsource: "Evil | [red]Outlet\x1b[5m"\n---\n\n'
                 f"{HOSTILE}\n\n{SHARED}\n\nA sentence that only this outlet prints about the weather today.\n")
    b = tmp_path / "b.md"
    b.write_text(f"---\nsource: Second Outlet\n---\n\n{HOSTILE}\n\n{SHARED}\n\nThe second outlet alone mentions the trains to the coast.\n")
    return [a, b]


def no_terminal_codes(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text


def test_markdown_table_reads_well_and_escapes_the_text(hostile):
    proc = reader("map", *hostile)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    no_terminal_codes(out)
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("| Fact |"))
    assert header.count(" | ") == 3  # Fact, Sources and two sources: the | in the name is escaped
    assert "Evil \\| \\[red\\]Outlet␛\\[5m" in header
    assert lines[lines.index(header) + 1] == "| --- | --- | --- | --- |"
    body = lines[lines.index(header) + 2 :]
    rows = body[: body.index("")]
    assert rows and all(r.count(" | ") == 3 for r in rows)  # no cell breaks the table
    assert any("\\[bold\\]vote\\[/bold\\]" in r and "\\|" in r and "␛\\[2J" in r for r in rows)
    assert any(r.endswith("| 2 | copied | copied |") for r in rows)
    assert "| Source | Facts reported |" in out


def test_csv_opens_in_a_spreadsheet(hostile):
    proc = reader("map", "--format", "csv", *hostile)
    assert proc.returncode == 0, proc.stderr
    no_terminal_codes(proc.stdout)
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0][:5] == ["fact", "kind", "by", "score", "sources"]
    assert rows[0][5:] == ["Evil | [red]Outlet␛[5m", "Second Outlet"]
    assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)
    assert any("[bold]vote[/bold]" in r[0] and r[5:] == ["copied", "copied"] for r in rows[1:])
    for r in rows:
        assert not r[0].startswith(("=", "+", "-", "@"))  # never a formula


def test_csv_guards_a_label_that_starts_like_a_formula(tmp_path):
    text = "=SUM(A1:A9) and the minister resigned after the vote in the upper house on Friday evening."
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Outlet {name}\n\n{text}\n\nThe other paragraphs differ in {name} entirely.\n")
    rows = list(csv.reader(io.StringIO(reader("map", "--format", "csv", tmp_path / "a.txt", tmp_path / "b.txt").stdout)))
    assert any(r[0].startswith("'=SUM(A1:A9)") for r in rows[1:])


def test_json_gives_raw_offsets_and_who_made_each_link(hostile):
    proc = reader("map", "--format", "json", *hostile)
    assert proc.returncode == 0, proc.stderr
    no_terminal_codes(proc.stdout)
    out = json.loads(proc.stdout)
    assert set(out) == {"articles", "threshold", "view", "rows", "sources"}
    assert out["view"] == {"sort": "sources", "filter": "all", "source": None}
    texts = [p.read_text() for p in hostile]
    assert out["rows"]
    for row in out["rows"]:
        assert row["by"] == "aligner" and row["sources"] == len(row["cells"]) >= 2
        for cell in row["cells"]:
            assert cell["how"] in ("copied", "paraphrased", "partly")
            assert texts[cell["article"]][cell["start"] : cell["end"]].strip()
    assert [s["reports"] for s in out["sources"]] == [len(out["rows"])] * 2


def test_seeds_blind_spots_and_sort_by_position(seed_paths):
    everything = json.loads(reader("map", "--format", "json", *seed_paths).stdout)
    blind = json.loads(reader("map", "--format", "json", "--source", "daily beast", "--blind-spots", *seed_paths).stdout)
    assert blind["view"] == {"sort": "sources", "filter": "blind-spots", "source": 0}
    assert blind["rows"] and all(all(c["article"] != 0 for c in r["cells"]) for r in blind["rows"])
    assert len(blind["rows"]) == everything["sources"][0]["blind_spots"]
    ordered = json.loads(reader("map", "--format", "json", "--source", "3", "--sort", "position", *seed_paths).stdout)
    starts = [next(c["start"] for c in r["cells"] if c["article"] == 2) for r in ordered["rows"]
              if any(c["article"] == 2 for c in r["cells"])]
    assert starts == sorted(starts) and len(starts) == everything["sources"][2]["reports"]
    only = json.loads(reader("map", "--format", "json", "--only-one", "--source", "2", *seed_paths).stdout)
    assert len(only["rows"]) == everything["sources"][1]["only_here"]
    assert all([c["how"] for c in r["cells"]] == ["only"] and r["cells"][0]["article"] == 1 for r in only["rows"])
    assert all("by" not in r and "group" not in r for r in only["rows"])  # a sentence, not a linked fact


def test_threshold_and_config_act_as_in_align(seed_paths, tmp_path):
    loose = json.loads(reader("map", "--format", "json", "--threshold", "0.05", *seed_paths).stdout)
    strict = json.loads(reader("map", "--format", "json", "--threshold", "0.95", *seed_paths).stdout)
    assert len(loose["rows"]) > len(strict["rows"]) and strict["threshold"] == 0.95
    config = tmp_path / "c.toml"
    config.write_text("[align]\nthreshold = 0.95\n")
    assert json.loads(reader("map", "--format", "json", "--config", config, *seed_paths).stdout)["threshold"] == 0.95


@pytest.mark.parametrize("args,says", [
    (["--blind-spots"], "need --source"),
    (["--sort", "position"], "need --source"),
    (["--source", "Le Monde"], "no such article"),
    (["--source", "The"], "names several articles"),
    (["--format", "xml"], "invalid choice"),
])
def test_bad_options_are_one_line_errors(seed_paths, args, says):
    proc = reader("map", *args, *seed_paths)
    assert proc.returncode == 2 and says in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_export_with_map_adds_the_table_inside_the_block(seed_paths, tmp_path):
    proc = reader("export", "--map", *seed_paths)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.index("## Story map") < out.index("<!-- reader:end -->")
    assert "| Fact | Sources | The Daily Beast | The Gateway Pundit | The New York Times |" in out
    assert "## Story map" not in reader("export", *seed_paths).stdout
    refused = reader("export", "--map", "--format", "json", *seed_paths)
    assert refused.returncode == 2 and "reader map --format json" in refused.stderr
    one = reader("export", "--map", seed_paths[0])
    assert one.returncode == 0 and "needs two or more articles" in one.stderr and "## Story map" not in one.stdout
