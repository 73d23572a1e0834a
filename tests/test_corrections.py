"""Manual corrections: stored with each passage's article identity, applied after every alignment,
found again when a file changes, orphaned (kept, listed) when their text is gone."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from reader.align import align
from reader.articles import load_articles
from reader.highlights.corrected import corrected
from reader.highlights.corrections import (
    LINK,
    UNLINK,
    add_correction,
    list_corrections,
    passage_ref,
    remove_correction,
)
from reader.highlights.store import MIGRATIONS, SCHEMA_VERSION, HighlightStore
from reader.model import FACT


@pytest.fixture
def seeds(tmp_path, seed_paths):
    """Copies of the seeds (the tests edit them), loaded."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in seed_paths:
        shutil.copy(p, folder / p.name)
    return folder


def load(folder):
    return load_articles([folder], print)


def unaligned(alignment, k: int) -> int:
    """The first sentence of article ``k`` the aligner left unlinked."""
    table = alignment.sentence_groups(k)
    return next(s.index for s in alignment.articles[k].sentences if s.index not in table and s.end - s.start > 60)


def sentence_ref(article, index: int):
    s = article.sentences[index]
    return passage_ref(article, s.start, s.end)


def user_groups(alignment):
    return [g for g in alignment.groups if g.by == "user"]


def link_two(store, articles, alignment):
    """Link an unaligned sentence of the Daily Beast (0) with one of the Gateway Pundit (1)."""
    a, b = unaligned(alignment, 0), unaligned(alignment, 1)
    add_correction(store, LINK, [sentence_ref(articles[0], a), sentence_ref(articles[1], b)])
    return a, b


def test_a_manual_link_survives_a_restart_and_a_changed_threshold(seeds, tmp_path):
    db = tmp_path / "h.db"
    articles = load(seeds)
    store = HighlightStore(db)
    a, b = link_two(store, articles, align(articles, 0.25))
    store.close()
    articles = load(seeds)  # a restart: everything read again
    store = HighlightStore(db)
    for threshold in (0.25, 0.6, 0.95):
        fixed = corrected(align(articles, threshold), list_corrections(store)).alignment
        (g,) = user_groups(fixed)
        assert (g.kind, g.score, g.by) == (FACT, 1.0, "user")
        assert fixed.group_at(0, a) == fixed.groups.index(g) and fixed.group_at(1, b) == fixed.groups.index(g)
        assert fixed.articles[1].text[g.passages[1].start : g.passages[1].end] == articles[1].sentence_text(
            articles[1].sentences[b])


def test_a_link_whose_text_is_deleted_becomes_an_orphan(seeds, tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    articles = load(seeds)
    a, _ = link_two(store, articles, align(articles, 0.25))
    path = articles[0].path
    text = path.read_text(encoding="utf-8")
    gone = articles[0].sentence_text(articles[0].sentences[a])
    path.write_text(text.replace(gone, "Nothing of that sentence is left here at all."), encoding="utf-8")
    articles = load(seeds)
    result = corrected(align(articles, 0.25), list_corrections(store))
    assert user_groups(result.alignment) == []
    assert [c.kind for c in result.orphans] == [LINK]  # listed, not dropped
    assert len(list_corrections(store)) == 1  # and kept in the database


def test_a_link_whose_file_is_gone_is_an_orphan(seeds, tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    articles = load(seeds)
    link_two(store, articles, align(articles, 0.25))
    articles[1].path.unlink()
    articles = load(seeds)
    result = corrected(align(articles, 0.25), list_corrections(store))
    assert len(result.orphans) == 1 and user_groups(result.alignment) == []


def test_a_link_reanchors_when_the_file_is_edited_elsewhere(seeds, tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    articles = load(seeds)
    a, b = link_two(store, articles, align(articles, 0.25))
    wanted = articles[1].sentence_text(articles[1].sentences[b])
    path = articles[1].path
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(len(lines) // 3, "\nA paragraph added by an editor, well above the linked sentence.\n")
    path.write_text("\n".join(lines), encoding="utf-8")  # another program edits the file
    articles = load(seeds)
    result = corrected(align(articles, 0.25), list_corrections(store))
    (g,) = user_groups(result.alignment)
    (theirs,) = [p for p in g.passages if p.article == 1]
    assert articles[1].text[theirs.start : theirs.end] == wanted and not result.orphans


def aligned_pair(alignment):
    """A fact group's first two passages of different articles: a link the aligner made."""
    group = next(g for g in alignment.groups if g.kind == FACT and len(g.articles()) == 2)
    p = group.passages[0]
    q = next(x for x in group.passages if x.article != p.article)
    return p, q


def test_an_unlink_survives_realignment(seeds, tmp_path):
    db = tmp_path / "h.db"
    articles = load(seeds)
    p, q = aligned_pair(align(articles, 0.25))
    store = HighlightStore(db)
    add_correction(store, UNLINK, [passage_ref(articles[p.article], p.start, p.end),
                                   passage_ref(articles[q.article], q.start, q.end)])
    store.close()
    articles = load(seeds)
    store = HighlightStore(db)
    for threshold in (0.25, 0.2):
        raw = align(articles, threshold)
        fixed = corrected(raw, list_corrections(store)).alignment
        linked = lambda al: any(x.article == q.article and x.start < q.end and q.start < x.end  # noqa: E731
                                for x, _, _ in al.aligned_with(p.article, p.start, p.end))
        assert linked(raw) and not linked(fixed)


def test_a_removed_correction_no_longer_applies(seeds, tmp_path):
    store = HighlightStore(tmp_path / "h.db")
    articles = load(seeds)
    link_two(store, articles, align(articles, 0.25))
    (c,) = list_corrections(store)
    remove_correction(store, c.id)
    assert list_corrections(store) == []


def test_migrating_from_the_previous_schema_keeps_the_highlights(tmp_path):
    db = tmp_path / "v3.db"
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[: SCHEMA_VERSION - 1]:
        conn.executescript(script)
    conn.execute("INSERT INTO highlights (id, article_path, content_hash, quote, start, end, created, updated)"
                 " VALUES ('abc', '/a.txt', 'h', 'kept quote', 0, 10, 't0', 't0')")
    conn.execute("INSERT INTO tags VALUES ('abc', 'old')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    store = HighlightStore(db)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (h,) = store.list()
    assert (h.quote, h.tags) == ("kept quote", ("old",))
    assert list_corrections(store) == []


def test_two_windows_keep_each_others_corrections(seeds, tmp_path):
    db = tmp_path / "h.db"
    articles = load(seeds)
    one, two = HighlightStore(db), HighlightStore(db)
    first = add_correction(one, LINK, [sentence_ref(articles[0], 3), sentence_ref(articles[1], 4)])
    second = add_correction(two, LINK, [sentence_ref(articles[1], 6), sentence_ref(articles[2], 5)])
    assert {c.id for c in list_corrections(one)} == {first.id, second.id} == {c.id for c in list_corrections(two)}


def _ref(articles, p):
    return passage_ref(articles[p.article], p.start, p.end)


def _pairs(alignment, k: int, start: int, end: int) -> set[int]:
    return {x.article for x, _, _ in alignment.aligned_with(k, start, end)}


def test_an_unlink_in_a_group_of_three_keeps_the_other_pairs(seed_paths):
    articles = load_articles(seed_paths, print)
    raw = align(articles, 0.25)
    group = next(g for g in raw.groups if len(g.articles()) == 3)
    a, b, c = (next(p for p in group.passages if p.article == k) for k in range(3))
    unlink = add_correction_free(UNLINK, [_ref(articles, a), _ref(articles, b)])
    fixed = corrected(raw, [unlink]).alignment
    assert 1 not in _pairs(fixed, 0, a.start, a.end) and 2 in _pairs(fixed, 0, a.start, a.end)
    assert _pairs(fixed, 1, b.start, b.end) >= {2} and 0 not in _pairs(fixed, 1, b.start, b.end)
    assert _pairs(fixed, 2, c.start, c.end) >= {0, 1}


def test_links_sharing_a_passage_become_one_group_and_a_later_link_undoes_an_unlink(seed_paths):
    articles = load_articles(seed_paths, print)
    raw = align(articles, 0.95)
    s = [articles[k].sentences[4] for k in range(3)]
    refs = [passage_ref(articles[k], s[k].start, s[k].end) for k in range(3)]
    first, second = add_correction_free(LINK, refs[:2]), add_correction_free(LINK, refs[1:])
    result = corrected(raw, [first, second])
    (g,) = user_groups(result.alignment)
    assert g.articles() == {0, 1, 2} and result.made_by[0] == (first.id, second.id)
    assert result.alignment.groups[0] is g  # user groups come first: their passages show them
    cut = add_correction_free(UNLINK, [refs[0], refs[2]])
    assert _pairs(corrected(raw, [first, second, cut]).alignment, 0, s[0].start, s[0].end) == {1}
    again = add_correction_free(LINK, [refs[0], refs[2]])
    assert _pairs(corrected(raw, [first, second, cut, again]).alignment, 0, s[0].start, s[0].end) == {1, 2}


def test_a_correction_whose_articles_are_not_open_does_not_apply(seed_paths):
    articles = load_articles(seed_paths, print)
    link = add_correction_free(LINK, [sentence_ref(articles[0], 3), sentence_ref(articles[1], 4)])
    only = load_articles(seed_paths[1:], print)
    result = corrected(align(only, 0.25), [link])
    assert user_groups(result.alignment) == [] and result.orphans == []


def add_correction_free(kind, passages):
    """A correction as the store makes it, without a database."""
    from reader.highlights.corrections import Correction
    from reader.highlights.model import now

    return Correction(f"{kind}-{now()}", kind, tuple(passages), now())
