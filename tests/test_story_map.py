"""The story map's table: how each source reports each fact, labels, sorts and filters, on
hand-made alignments (so each kind of cell is known) and on the seeds."""
from __future__ import annotations

import pytest

from reader.align import align
from reader.articles.loading import load_articles
from reader.model import FACT, REUSE, Alignment, Group, Passage
from reader.storymap import (
    BLIND_SPOTS,
    COPIED,
    NONE,
    ONLY,
    ONLY_ONE,
    PARAPHRASED,
    PARTLY,
    POSITION,
    View,
    build_map,
    label,
    view_rows,
)

TEXTS = [
    "Alpha met the envoy in Vienna on Monday. The talks were about grain and oil prices. "
    "In a long and winding remark about many other things, the envoy was also tired of travelling by train. "
    "A statement was read out to the press by a spokesman afterwards. Alpha later flew home on a late flight.",
    "The envoy and Alpha held talks in Vienna. Oil and grain prices were on the table. "
    "A statement was read out to the press by a spokesman afterwards. Nobody else came to the meeting at all.",
    "Vienna hosted a meeting between Alpha and the envoy. Short one. "
    "The weather in the city was cold and wet for the whole of the week.",
]


@pytest.fixture
def articles(tmp_path):
    for k, text in enumerate(TEXTS):
        (tmp_path / f"{k}.txt").write_text(text)
    return load_articles([tmp_path / f"{k}.txt" for k in range(3)], print)


def sentence_passage(articles, k: int, s: int) -> Passage:
    sent = articles[k].sentences[s]
    return Passage(k, sent.start, sent.end, s, s)


def phrase_passage(articles, k: int, phrase: str) -> Passage:
    start = articles[k].text.index(phrase)
    s = next(x for x in articles[k].sentences if x.start <= start < x.end)
    return Passage(k, start, start + len(phrase), s.index, s.index)


def hand_alignment(articles) -> Alignment:
    sp = lambda k, s: sentence_passage(articles, k, s)  # noqa: E731
    return Alignment(articles, [
        Group(0.9, [sp(0, 0), sp(1, 0), sp(2, 0)], {(0, 1): 0.9, (0, 2): 0.3, (1, 2): 0.2}),  # met in Vienna
        Group(0.7, [sp(0, 1), sp(1, 1)], {(0, 1): 0.7}),  # grain and oil: told twice
        Group(0.6, [sp(0, 3), sp(1, 2)], {(0, 1): 0.6}),  # the statement: the same words, a FACT group
        Group(0.8, [phrase_passage(articles, 0, "the envoy was also tired"), sp(2, 2)], {(0, 2): 0.3}),
        Group(0.95, [sp(1, 3), sp(2, 2)], {(1, 2): 0.95}, kind=REUSE, by="user"),
    ], 0.25)


def test_each_cell_says_how_the_source_reports_the_fact(articles):
    story = build_map(hand_alignment(articles))
    how = [[row.cell(k).how for k in range(3)] for row in story.facts]
    assert how[0] == [PARAPHRASED, PARAPHRASED, PARTLY]  # article 2's best link scores 0.3: weak
    assert story.facts[0].cell(2).why == "weak" and story.facts[0].cell(2).score == pytest.approx(0.3)
    assert how[1] == [PARAPHRASED, PARAPHRASED, NONE]
    assert how[2] == [COPIED, COPIED, NONE]  # nearly the same words, though the group is a FACT
    assert how[3][0] == PARTLY and story.facts[3].cell(0).why == "clause"  # a short clause of a long sentence
    assert how[4] == [NONE, COPIED, COPIED]  # a REUSE group
    assert story.facts[4].by == "user" and story.facts[4].kind == REUSE and story.facts[1].kind == FACT
    assert story.facts[2].cell(0).passage == sentence_passage(articles, 0, 3)  # the passage the map opens


def test_a_source_with_several_passages_in_a_fact_gets_its_strongest(articles):
    clause = phrase_passage(articles, 0, "the envoy was also tired")
    group = Group(0.8, [clause, sentence_passage(articles, 0, 0), sentence_passage(articles, 1, 0)], {(0, 1): 0.8})
    row = build_map(Alignment(articles, [group], 0.25)).facts[0]
    assert row.cell(0).how == PARAPHRASED and row.cell(0).passage.first_sentence == 0
    assert row.sources == 2


def test_the_label_is_the_shortest_passage_cut_at_a_word(articles):
    story = build_map(hand_alignment(articles))
    assert story.facts[0].label == "Alpha met the envoy in Vienna on Monday."  # 40 characters, the others 41 and 51
    assert story.facts[3].label == "the envoy was also tired"
    long = "word " * 10 + "Kosachev\x1b[2J [bold]x[/bold]\n" + "tail " * 30
    cut = label(long, 100)
    assert len(cut) <= 100 and cut.endswith("…") and "\n" not in cut and "\x1b" not in cut
    assert "Kosachev␛[2J [bold]x[/bold] tail" in cut  # markup stays text, the escape a visible symbol
    assert cut[:-1] == long[: len(cut) - 1].replace("\x1b", "␛").replace("\n", " ").rstrip()
    assert label("A short one.") == "A short one."


def test_sort_by_sources_then_by_position_in_a_source(articles):
    story = build_map(hand_alignment(articles))
    assert [r.group for r in view_rows(story, View())] == [0, 1, 2, 3, 4]
    by_last = view_rows(story, View(sort=POSITION, source=2))
    assert [r.group for r in by_last] == [0, 3, 4, 1, 2]  # article 2's order: 0 (s0), 3 and 4 (s2); then the rest
    by_second = view_rows(story, View(sort=POSITION, source=1))
    assert [r.group for r in by_second] == [0, 1, 2, 4, 3]


def test_blind_spots_are_the_facts_others_report_and_a_source_leaves_out(articles):
    story = build_map(hand_alignment(articles))
    assert [r.group for r in view_rows(story, View(filter=BLIND_SPOTS, source=2))] == [1, 2]
    assert [r.group for r in view_rows(story, View(filter=BLIND_SPOTS, source=0))] == [4]
    assert all(0 not in r.cells for r in view_rows(story, View(filter=BLIND_SPOTS, source=0, sort=POSITION)))


def test_what_only_one_source_reports_is_its_sentences_no_group_covers(articles):
    story = build_map(hand_alignment(articles))
    rows = view_rows(story, View(filter=ONLY_ONE))
    # every other sentence is in a group, and "Short one." has under five words: not a fact of its own
    assert [(list(r.cells), r.label) for r in rows] == [([0], "Alpha later flew home on a late flight.")]
    assert rows[0].cell(0).how == ONLY and rows[0].group is None
    covered = {(p.article, p.first_sentence) for g in story.alignment.groups for p in g.passages}
    for r in rows:
        (k, cell), = r.cells.items()
        assert (k, cell.passage.first_sentence) not in covered
    assert story.only_counts() == [sum(k in r.cells for r in rows) for k in range(3)]
    assert [r.label for r in view_rows(story, View(filter=ONLY_ONE, source=1))] == []


def test_the_seeds_map_names_the_daily_beasts_blind_spots(seed_paths):
    articles = load_articles(seed_paths, print)
    story = build_map(align(articles, 0.25))
    assert len(story.facts) == len(story.alignment.groups) > 5
    beast = next(k for k, a in enumerate(articles) if a.label == "The Daily Beast")
    blind = view_rows(story, View(filter=BLIND_SPOTS, source=beast))
    assert blind and all(beast not in r.cells and r.sources >= 2 for r in blind)
    reported = [r for r in story.facts if beast in r.cells]
    assert len(blind) + len(reported) == len(story.facts)
    for row in story.facts:  # every cell's passage lies in its article and in its group
        group = story.alignment.groups[row.group]
        for k, cell in row.cells.items():
            assert cell.passage in group.passages and cell.passage.article == k
        assert any(row.label.rstrip("…").split()[0] in articles[p.article].text for p in group.passages)
    only = story.only_counts()
    assert all(n > 0 for n in only)


def test_an_empty_alignment_gives_an_empty_map(articles):
    story = build_map(Alignment(articles, [], 0.25))
    assert story.facts == [] and view_rows(story, View(filter=BLIND_SPOTS, source=0)) == []
    assert len(view_rows(story, View(filter=ONLY_ONE))) == len(story.only_one) > 0


def test_a_sources_best_link_is_its_strongest_pair_score(seed_paths, articles):
    from reader.storymap.table import best_links

    groups = align(load_articles(seed_paths, print), 0.05).groups + hand_alignment(articles).groups
    groups.append(Group(0.4, [sentence_passage(articles, 0, 0), sentence_passage(articles, 1, 0),
                              sentence_passage(articles, 2, 0)], {(0, 1): 0.9}))  # pairs with 2 unscored
    for g in groups:
        best = best_links(g)
        assert set(best) == g.articles()
        for a in g.articles():
            assert best[a] == max(g.pair_score(a, b) for b in g.articles() if b != a)


def test_a_fact_the_user_linked_is_marked_in_every_format(articles):
    from reader.cli.story_map import map_csv, map_json, map_markdown

    story = build_map(hand_alignment(articles))  # group 4 is by == "user"
    md = "\n".join(map_markdown(story))
    user_line = next(line for line in md.splitlines() if line.startswith("| ✎ "))
    assert "Nobody else came to the meeting at all." in user_line or "The weather" in user_line
    assert sum(line.startswith("| ✎ ") for line in md.splitlines()) == 1 and "✎: linked by you." in md
    assert [r["by"] for r in map_json(story)["rows"]].count("user") == 1
    assert sum(",reuse,user," in line for line in map_csv(story).splitlines()) == 1
