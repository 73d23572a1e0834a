"""Loading: what a person reads off each seed, formats, encodings and offsets."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.articles.loading import collect_paths, load_article, load_articles
from reader.errors import ReaderError


def by_name(seed_paths, part):
    return load_article(next(p for p in seed_paths if part in p.name))


def test_nyt_seed_header(seed_paths):
    a = by_name(seed_paths, "nyt")
    assert a.meta.source == "The New York Times"
    assert a.meta.title == "Rand Paul Continues His One-Man Détente With Russia, This Time in Moscow"
    assert a.meta.author == "Ivan Nechepurenko and Nicholas Fandos"
    assert a.meta.date == "2018-08-06"
    # the headline stays in the text, as its first paragraph (it is aligned like any sentence);
    # outlet, byline and date lines do not
    title, body = a.text.split("\n\n", 1)
    assert title == a.meta.title and body.startswith("MOSCOW — There may be little")
    assert a.raw[slice(*a.to_raw(0, len(title)))] == title
    assert [a.text[s.start : s.end] for s in a.sentences[:1]] == [title]


def test_daily_beast_seed_inline_date(seed_paths):
    a = by_name(seed_paths, "daily-beast")
    assert a.meta.date == "2018-09-25"
    assert a.meta.source == "The Daily Beast"
    assert a.text.startswith("Sen. Rand Paul (R-KY) is introducing an amendment")
    assert a.meta.title.startswith("Sen. Rand Paul (R-KY) is introducing an amendment")


def test_gateway_pundit_seed_without_header(seed_paths):
    a = by_name(seed_paths, "gateway")
    assert a.meta.source == "The Gateway Pundit"
    assert a.meta.date is None
    assert a.meta.title.startswith("The Gateway Pundit spoke to Senator Rand Paul")
    assert len(a.meta.title) <= 161  # a long sentence at most (metadata.TITLE_CHARS), and the ellipsis
    assert a.text.startswith("The Gateway Pundit spoke to")


def test_inline_tags_hidden_but_offsets_map_back(seed_paths):
    a = by_name(seed_paths, "nyt")
    assert "<u>" not in a.text and "Sergey I. Kislyak" in a.text
    i = a.text.index("Sergey I. Kislyak")
    start, end = a.to_raw(i, i + len("Sergey I. Kislyak"))
    assert a.raw[start:end] == "Sergey I. Kislyak"
    assert a.raw[start - 3 : start] == "<u>"


def test_every_display_char_maps_to_itself(seed_paths):
    for path in seed_paths:
        a = load_article(path)
        for i, ch in enumerate(a.text):
            assert a.raw[a.offsets[i]] == ch
        for s in a.sentences:
            lo, hi = a.to_raw(s.start, s.end)
            assert a.raw[lo:hi].replace("\r", "") == a.text[s.start : s.end] or "<" in a.raw[lo:hi]


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""),
])
def test_encodings(tmp_path, encoding, bom):
    text = "Caf\u00e9 owners in Moscow said \u201cno\u201d to the plan.\r\n\r\nThe Senate voted on Monday.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    a = load_article(path)
    assert a.raw == text  # BOM removed, no newline translation
    assert "\r" not in a.text
    assert "Caf\u00e9 owners" in a.text and "\u201cno\u201d" in a.text
    s = a.sentences[-1]
    lo, hi = a.to_raw(s.start, s.end)
    assert a.raw[lo:hi] == "The Senate voted on Monday."


def test_markdown_front_matter(tmp_path):
    yaml = tmp_path / "y.md"
    yaml.write_text('---\ntitle: "Paul in Moscow"\nsource: Reuters\nauthor: Jane Doe\ndate: 2018-08-06\nurl: https://x.test/a\n---\n\nBody text here. More.\n')
    a = load_article(yaml)
    assert (a.meta.title, a.meta.source, a.meta.author, a.meta.date, a.meta.url) == (
        "Paul in Moscow", "Reuters", "Jane Doe", "2018-08-06", "https://x.test/a")
    assert a.text.startswith("Body text here.")
    toml = tmp_path / "t.md"
    toml.write_text('+++\ntitle = "T"\nsource = "AP"\ndate = 2018-09-25\n+++\nBody.\n')
    b = load_article(toml)
    assert (b.meta.title, b.meta.source, b.meta.date) == ("T", "AP", "2018-09-25")


def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Paul &amp; Russia</title>"
        '<meta property="og:site_name" content="The Example Times">'
        '<meta name="author" content="A. Writer">'
        '<meta property="article:published_time" content="2018-08-06T10:00:00Z">'
        "<script>var x = 'not text';</script></head><body><nav>Home | World</nav>"
        "<article><h1>Headline</h1><p>Senator Paul met &ldquo;lawmakers&rdquo; in Moscow.</p>"
        "<p>He said   it went\nwell.</p></article><footer>Copyright</footer></body></html>"
    )
    a = load_article(page)
    assert a.meta.title == "Paul & Russia"
    assert a.meta.source == "The Example Times"
    assert a.meta.author == "A. Writer"
    assert a.meta.date == "2018-08-06"
    assert "not text" not in a.text and "Home" not in a.text and "Copyright" not in a.text
    assert "Senator Paul met \u201clawmakers\u201d in Moscow." in a.text
    assert "He said it went well." in a.text
    i = a.text.index("\u201clawmakers")
    lo, hi = a.to_raw(i, i + 1)
    assert a.raw[lo:hi] == "&ldquo;"


@pytest.mark.parametrize("content,message", [
    (b"", "empty"), (b"   \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not a text file"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReaderError, match=message):
        load_article(path)


def test_too_large_file_is_refused_fast(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(ReaderError, match="too large"):
        load_article(path)


def test_missing_and_empty_folder(tmp_path):
    with pytest.raises(ReaderError, match="no such file"):
        collect_paths([tmp_path / "nope"])
    with pytest.raises(ReaderError, match="no articles"):
        collect_paths([tmp_path])


def test_bad_file_among_good_is_skipped_with_warning(tmp_path, seed_paths):
    (tmp_path / "empty.txt").write_text("")
    warnings = []
    arts = load_articles([seed_paths[0], tmp_path / "empty.txt"], warnings.append)
    assert len(arts) == 1 and len(warnings) == 1 and "empty" in warnings[0]


def test_folder_files_sorted_by_name(tmp_path):
    for name in ("b.txt", "a.md", "c.html", "notes.pdf", ".hidden.txt"):
        (tmp_path / name).write_text("Some text here.")
    assert [p.name for p in collect_paths([tmp_path])] == ["a.md", "b.txt", "c.html"]


@given(st.lists(st.tuples(st.sampled_from(["copy", "put", "truncate"]), st.integers(0, 5), st.integers(0, 6)),
                max_size=30))
def test_run_map_matches_a_plain_list(ops):
    """The compact display-to-raw map behaves exactly like one entry per character."""
    from reader.articles.textmap import RunMap

    runs, plain, raw = RunMap(), [], 0
    for op, gap, n in ops:
        raw += gap
        if op == "copy":
            runs.append_run(raw, n, 1)
            plain += range(raw, raw + n)
            raw += n
        elif op == "put":
            runs.append_run(raw, n, 0)
            plain += [raw] * n
        else:
            runs.truncate(n)
            del plain[max(0, len(plain) - n):]
        assert len(runs) == len(plain)
        assert list(runs) == plain


@pytest.mark.parametrize("text,source", [
    ("Evil Times are here, he said.", ""),  # "Time" inside another word is no outlet
    ("A report in the Los Angeles Times said so.", "Los Angeles Times"),
    ("CNNs and Reuters-style wires; Reuters reported it first.", "Reuters"),
])
def test_outlet_named_in_the_text_as_whole_words(text, source):
    from reader.articles.metadata import find_source

    assert find_source(text) == source


# ---------------------------------------------------------------- files that are not plain files
STORY = "The senator flew to Moscow on Monday. He met the committee chairman there."


def reader_align(*args, timeout=30):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "reader", "align", "--json", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


def test_a_fifo_given_directly_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = reader_align(fifo)  # blocked forever before: the timeout would raise
    assert proc.returncode != 0 and proc.stderr.strip() == f"reader: error: {fifo}: not a regular file (a FIFO)"


def test_a_fifo_inside_a_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    os.mkfifo(tmp_path / "c.txt")
    proc = reader_align(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"reader: warning: skipped {tmp_path / 'c.txt'}: not a regular file (a FIFO)"


def test_a_character_device_is_refused(tmp_path):
    with pytest.raises(ReaderError, match="not a regular file \\(a character device\\)"):
        load_article(Path("/dev/zero"))


def test_a_symlink_loop_and_a_broken_link_are_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(ReaderError, match="loop.txt: a symbolic link loop"):
        collect_paths([loop])
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ReaderError, match="broken.txt: a broken symbolic link"):
        load_article(broken)


@pytest.mark.parametrize("encoding,bom", [("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf32_with_a_bom(tmp_path, encoding, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + ("D\u00e9tente. " + STORY).encode(encoding))
    a = load_article(path)
    assert a.raw == "D\u00e9tente. " + STORY and "\x00" not in a.text


def test_utf8_with_one_bad_byte_is_utf8_with_a_warning(tmp_path):
    good = ("D\u00e9tente in Moscow. " + STORY).encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(good[:25] + b"\xff" + good[25:])
    warnings = []
    a = load_article(path, warnings.append)
    assert a.raw.startswith("D\u00e9tente in Moscow.") and "\ufffd" in a.raw and "\u00c3" not in a.raw
    assert warnings == [f"{path}: not valid utf-8 at byte 25; shown as \ufffd"]


def test_a_cp1252_file_stays_cp1252(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(("D\u00e9tente \u2014 the \u201cthaw\u201d. " + STORY).encode("cp1252"))
    warnings = []
    assert load_article(path, warnings.append).raw.startswith("D\u00e9tente \u2014 the \u201cthaw\u201d.")
    assert warnings == []


def test_metadata_fields_are_capped(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: " + "word " * 1_000_000 + "\nauthor: " + "x" * 10_000 + "\n---\n\n" + STORY)
    meta = load_article(path).meta
    assert len(meta.title) <= 301 and meta.title.endswith("word…")
    assert len(meta.author) <= 301
