"""The alignment a reader can trust: links that hold one fact on both sides, passages that never
bridge unrelated text, groups that never grow into blobs, headlines and clauses aligned, US /
U.S. / United States as one, and a cost that stays linear on repetitive text."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from reader.align import align
from reader.align.aliases import merged, word_key
from reader.align.postings import Postings
from reader.articles.loading import load_article
from reader.model import FACT, Alignment

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import textgen  # noqa: E402  (the benchmarks' generated text)


def write(folder: Path, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_article(path)


def sentence_spans(raw: str) -> list[tuple[int, int]]:
    """The generated sentences of a text (each ends with its only full stop)."""
    return [(m.start() + (raw[m.start()] == " "), m.end()) for m in re.finditer(r"[^.\n]+\.", raw)]


def coloured(result: Alignment, article: int, span: tuple[int, int]) -> bool:
    art = result.articles[article]
    return any(p.article == article and art.to_raw(p.start, p.end)[0] < span[1] and art.to_raw(p.start, p.end)[1] > span[0]
               for g in result.groups for p in g.passages)


def test_sentences_between_two_links_are_not_coloured_for_being_between_them(tmp_path):
    """Two texts of 200 sentences in order, a third of the pairs unrelated: the unrelated
    sentences stay uncoloured (the bar: at most 10%), the related ones are aligned."""
    a_text, b_text, related = textgen.bridged_pair(200)
    result = align([write(tmp_path, "a.txt", a_text), write(tmp_path, "b.txt", b_text)])
    spans = [sentence_spans(art.raw) for art in result.articles]
    assert [len(s) for s in spans] == [200, 200]
    unrelated = [k for k, r in enumerate(related) if not r]
    bridged = sum(coloured(result, 0, spans[0][k]) or coloured(result, 1, spans[1][k]) for k in unrelated)
    found = sum(coloured(result, 0, spans[0][k]) and coloured(result, 1, spans[1][k]) for k, r in enumerate(related) if r)
    assert bridged <= 0.10 * len(unrelated)
    assert found >= 0.9 * (len(related) - len(unrelated))


def test_reports_of_one_story_make_no_blob(tmp_path):
    """Generated reports of one story, each a third taken (edited) from a shared pool of facts:
    no group covers more than 30% of an article."""
    folder = tmp_path / "story"
    folder.mkdir()
    for k, text in enumerate(textgen.story(20, 11_000)):
        (folder / f"{k:02d}.txt").write_text(text)
    result = align([load_article(p) for p in sorted(folder.iterdir())])
    widest = max((p.end - p.start) / len(result.articles[p.article].text) for g in result.groups for p in g.passages)
    assert result.groups and widest <= 0.30


def test_a_sentence_with_two_facts_links_each_clause_to_its_own_counterpart(seed_paths):
    """"In addition to meeting with former Russian President Mikhail Gorbachev, Paul had an
    hour-long sit-down with Konstantin Kosachev...": the Gorbachev clause is linked to the
    Gateway Pundit's sentence about Gorbachev, without the Kosachev clause."""
    result = align([load_article(p) for p in seed_paths])
    db, gp = (next(k for k, a in enumerate(result.articles) if name in a.path.name) for name in ("daily-beast", "gateway"))
    gorbachev = [g for g in result.groups
                 if any(p.article == gp and "met with Mikhail Gorbachev" in result.articles[gp].text[p.start : p.end] for p in g.passages)]
    passages = [result.articles[db].text[p.start : p.end] for g in gorbachev for p in g.passages if p.article == db]
    assert any("meeting with former Russian President Mikhail Gorbachev" in t for t in passages)
    assert not any("sit-down with Konstantin Kosachev" in t for t in passages)


def test_us_and_u_s_and_united_states_are_one_term():
    assert word_key("US") == word_key("U.S.") == merged(["united", "states"])[0] == merged(["u.s."])[0]
    assert word_key("us") != word_key("US")  # the pronoun stays a stop word
    assert word_key("US", shouting=True) == "us"  # in a sentence all in capitals, it is the pronoun


def test_banned_from_the_us_links_to_banned_from_the_u_s(tmp_path):
    """Two reports of one story; the sentences about the travel ban share only "banned" and the
    country, written US in one and U.S. in the other."""
    a = write(tmp_path, "a.txt", "\n\n".join([
        "Senator Rand Paul met Russian lawmakers in Moscow on Monday to discuss sanctions.",
        "Both committee chairmen are banned from coming to the US, he said.",
        "The lawmakers agreed to send a delegation to Washington in November.",
    ]))
    b = write(tmp_path, "b.txt", "\n\n".join([
        "Rand Paul held talks with members of the Russian parliament in Moscow about sanctions.",
        "Konstantin Kosachev himself is banned from entering the U.S.",
        "A Russian delegation could visit Washington in November, Paul said.",
    ]))
    result = align([a, b])
    pairs = {(result.articles[p.article].text[p.start : p.end], result.articles[q.article].text[q.start : q.end])
             for g in result.groups for p in g.passages for q in g.passages if p.article < q.article}
    assert any("banned from coming to the US" in x and "banned from entering the U.S." in y for x, y in pairs), pairs


def test_headlines_are_aligned_like_any_sentence(tmp_path):
    """The title line at the top of a file stays in the text as its first paragraph, and two
    reports of one event link their headlines."""
    a = write(tmp_path, "a.txt", "Hugh Jackman To Host The 81st Academy Awards\n\nJanuary 5, 2009\n\n"
              "Producers picked the Australian actor Hugh Jackman on Friday to host the Oscars ceremony in February.\n\n"
              "The show will be broadcast from the Kodak Theatre in Los Angeles.\n")
    b = write(tmp_path, "b.txt", "Jackman named Oscars host\n\n"
              "Hugh Jackman will host the Academy Awards telecast next month, organizers said on Friday.\n\n"
              "Ticket sales for the ceremony opened last week.\n")
    assert a.meta.title == "Hugh Jackman To Host The 81st Academy Awards" and a.text.startswith(a.meta.title)
    result = align([a, b])
    titles = [g for g in result.groups if g.kind == FACT
              and any(p.article == 0 and p.first_sentence == 0 for p in g.passages)
              and any(p.article == 1 and p.first_sentence == 0 for p in g.passages)]
    assert titles, result.groups


@pytest.fixture
def counted_pairs(monkeypatch):
    """How many entry pairs the inverted indexes yield (the aligner's inner loop)."""
    counter = {"pairs": 0}
    original = Postings._pairs_of

    def counting(self, *args):
        for pair in original(self, *args):
            counter["pairs"] += 1
            yield pair

    monkeypatch.setattr(Postings, "_pairs_of", counting)
    return counter


def test_repetitive_text_costs_linear_work(tmp_path, counted_pairs):
    """One article repeated with small edits, twice, at two sizes: the pairs the indexes yield
    (term candidates, shared word 5-grams) grow no faster than the text (at most 2.3x for 2x)."""
    work = []
    for size in (40_000, 80_000):
        a_text, b_text, _ = textgen.repetitive_pair(size, base=8_000)
        counted_pairs["pairs"] = 0
        align([write(tmp_path, f"a{size}.txt", a_text), write(tmp_path, f"b{size}.txt", b_text)])
        work.append(counted_pairs["pairs"])
    assert work[0] > 0 and work[1] <= 2.3 * work[0], work


def test_the_json_is_the_same_whatever_the_hash_seed(tmp_path):
    """Set and dict orders of strings change with PYTHONHASHSEED: the output must not."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from textgen import story

    for k, text in enumerate(story(6, 4000)):
        (tmp_path / f"a{k}.txt").write_text(text, encoding="utf-8")
    seeds = Path(__file__).resolve().parent.parent / "articles"
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = [sys.executable, "-m", "reader", "align", "--json", "--no-corrections"]
        outputs.append([subprocess.run([*run, str(p)], env=env, capture_output=True, check=True).stdout
                        for p in (seeds, tmp_path)])
    assert outputs[0] == outputs[1] == outputs[2]
    import json

    assert all(json.loads(out)["groups"] for out in outputs[0]), "both inputs have groups to order"
