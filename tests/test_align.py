"""The alignment engine: what must align, what must not, and its invariants."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.align import DEFAULT_THRESHOLD, Params, align
from reader.articles.loading import load_article
from reader.errors import ReaderError
from reader.model import REUSE, Alignment, Article


def write(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_article(path)


def pairs(alignment: Alignment) -> set[tuple[str, str]]:
    """Every cross-article pair of aligned passage texts."""
    out = set()
    for g in alignment.groups:
        for p in g.passages:
            for q in g.passages:
                if p.article < q.article:
                    arts = alignment.articles
                    out.add((arts[p.article].text[p.start : p.end], arts[q.article].text[q.start : q.end]))
    return out


def aligned(alignment: Alignment, a_part: str, b_part: str) -> bool:
    """Whether some group pairs a passage holding ``a_part`` with one holding ``b_part``."""
    return any(a_part in x and b_part in y for x, y in pairs(alignment))


FILLER_A = [
    "The weather in the valley stayed mild for most of the season.",
    "Farmers brought apples, pears and late plums to the Saturday market.",
    "A new bakery opened near the old railway bridge last spring.",
    "Children from the school painted a mural of the river and its boats.",
]
FILLER_B = [
    "Ticket prices for the harbour ferry rose by ten cents in March.",
    "The city library extended its opening hours on Thursday evenings.",
    "Volunteers planted two hundred oak saplings along the northern road.",
    "An orchestra from Vienna played three concerts in the cathedral.",
]


def story(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def test_paraphrase_with_name_variant_aligns(tmp_path):
    a = write(tmp_path, "a.txt", story(
        FILLER_A[0],
        "Konstantin Kosachyov, chairman of the foreign affairs committee of the Federation Council, "
        "met Senator Rand Paul in Moscow on Monday and accepted an invitation to visit Washington.",
        FILLER_A[1],
    ))
    b = write(tmp_path, "b.txt", story(
        FILLER_B[0],
        FILLER_B[1],
        "Senator Rand Paul invited Konstantin Kosachev, who chairs the Federation Council's foreign "
        "affairs committee, to visit Washington after they met in Moscow on Monday.",
    ))
    result = align([a, b])
    assert aligned(result, "Kosachyov", "Kosachev")
    assert not aligned(result, "weather", "Ticket")


def test_shared_partial_quote_aligns(tmp_path):
    quote = "Our biggest issue right now is no dialogue, and we cannot have discussion of issues"
    a = write(tmp_path, "a.txt", story(FILLER_A[0], f"\u201c{quote} because we have no dialogue,\u201d Mr. Paul said on Monday.", FILLER_A[2]))
    b = write(tmp_path, "b.txt", story(FILLER_B[2], f"The senator told reporters that \u201c{quote}.\u201d", FILLER_B[3]))
    result = align([a, b])
    assert aligned(result, "biggest issue", "biggest issue")


def test_neighbour_that_only_resembles_is_not_part_of_the_passage(tmp_path):
    """A sentence beside a shared passage that merely resembles its counterpart (the same
    words, another fact) does not stretch the passage; the side-link rule is what cuts it."""
    s1 = "The regional council approved a new budget for the northern ferry service on Monday."
    s2 = "The budget doubles the number of ferry crossings between the harbour and the island each winter."
    neighbour = "Winter storms closed the island harbour twice last year, and the council blamed the ferry operator."
    b_text = ("On Monday the regional council passed a fresh budget for the northern ferry service. "
              "Under the budget, winter ferry crossings between the island and the harbour will double.")
    a = write(tmp_path, "a.txt", story(*FILLER_A[:2], f"{s1} {s2} {neighbour}", FILLER_A[2]))
    b = write(tmp_path, "b.txt", story(FILLER_B[0], b_text, *FILLER_B[1:]))
    assert pairs(align([a, b])) == {(f"{s1} {s2}", b_text)}
    assert pairs(align([a, b], params=Params(side_link=0.0))) == {(f"{s1} {s2}", b_text)}


def test_reordered_material_aligns(tmp_path):
    facts = [
        "The Cato Institute, a libertarian research group in Washington, paid for the senator's trip to Moscow.",
        "The senator delivered a letter from President Donald Trump to the Kremlin during the visit.",
        "Russian lawmakers agreed to send a delegation to Washington in November for further talks.",
    ]
    rewrites = [
        "Russian legislators agreed to send a delegation to Washington in November to continue the talks.",
        "The trip to Moscow was paid for by the Cato Institute, a libertarian research group in Washington.",
        "During the visit the senator handed the Kremlin a letter from President Donald Trump.",
    ]
    a = write(tmp_path, "a.txt", story(FILLER_A[0], *facts, FILLER_A[1]))
    b = write(tmp_path, "b.txt", story(*rewrites, FILLER_B[0], FILLER_B[1]))
    result = align([a, b])
    assert aligned(result, "Cato Institute", "Cato Institute")
    assert aligned(result, "letter from President", "letter from President")
    assert aligned(result, "delegation to Washington", "delegation to Washington")


def test_group_spans_three_articles(tmp_path):
    fact = "The United States and Russia together hold more than ninety percent of all nuclear weapons in the world"
    arts = [
        write(tmp_path, "a.txt", story(FILLER_A[0], fact + ", the senator said.", FILLER_A[1])),
        write(tmp_path, "b.txt", story(FILLER_B[0], "He noted that Russia and the United States hold more than ninety percent of the nuclear weapons in the world.", FILLER_B[1])),
        write(tmp_path, "c.txt", story(FILLER_A[3], fact + ", according to his office.", FILLER_B[2])),
    ]
    result = align(arts)
    spanning = [g for g in result.groups if g.articles() == {0, 1, 2}]
    assert spanning, result.groups
    for g in spanning:
        assert 0.0 <= g.score <= 1.0


REPORT_A = [
    "Senator Rand Paul arrived in Moscow on Monday for talks with Russian lawmakers about sanctions.",
    "He said the visit was meant to restart a dialogue that had stalled for years.",
    "If the sanctions stay, he said, both delegations could meet in a neutral country such as Switzerland next spring.",
    "Paul told reporters that Russian officials still deny interfering in American elections.",
    "The senator carried a letter from President Trump for the Kremlin.",
]
REPORT_B = [
    "Rand Paul, the Kentucky Republican, spent the day in Moscow meeting members of the Russian parliament.",
    "Critics in Washington called the trip a gift to the Kremlin.",
    "Aides said later talks might be held in a neutral country, perhaps Switzerland, to get around the sanctions.",
    "Russian lawmakers again denied any meddling in the election, according to Paul.",
    "The trip was his second visit to Moscow, and he said the dialogue with Russian lawmakers would go on.",
]
WIRE_COPY = (
    "The Federation Council voted on Tuesday to extend the invitation to a delegation of American senators. "
    "The chamber's speaker said the visit could take place before the end of the year. "
    "Officials in Washington said they had not yet received a formal letter from the Russian side. "
    "The State Department declined to comment on the timing of any such trip."
)


def test_independent_reports_align_a_lone_paraphrase(tmp_path):
    """Two reports of one story: a sentence pair sharing a telling phrase ("a neutral country,
    Switzerland") aligns on its own although it shares few words."""
    a = write(tmp_path, "a.txt", story(*REPORT_A))
    b = write(tmp_path, "b.txt", story(*REPORT_B))
    result = align([a, b])
    assert aligned(result, "meet in a neutral country", "held in a neutral country")
    assert not aligned(result, "letter from President Trump", "Critics in Washington")


def test_beside_a_borrowed_passage_lone_resemblances_do_not_align(tmp_path):
    """When one text copied a passage from the other, sentence resemblances elsewhere are chance:
    the two are not independent reports, and link facts only inside what one took."""
    neutral_a, neutral_b = REPORT_A[2], REPORT_B[2]
    lone = ("meet in a neutral country", "held in a neutral country")
    a = write(tmp_path, "a.txt", story(neutral_a, *FILLER_A, WIRE_COPY))
    b = write(tmp_path, "b.txt", story(WIRE_COPY, *FILLER_B, neutral_b))
    result = align([a, b])
    assert aligned(result, "Federation Council voted", "Federation Council voted")
    assert [g.kind for g in result.groups] == [REUSE]
    assert not aligned(result, *lone)
    # the same two sentences among the rest of two independent reports of the story do align
    assert aligned(align([write(tmp_path, "c.txt", story(*REPORT_A)), write(tmp_path, "d.txt", story(*REPORT_B))]), *lone)


def test_unrelated_articles_do_not_align(tmp_path):
    a = write(tmp_path, "a.txt", story(*FILLER_A))
    b = write(tmp_path, "b.txt", story(*FILLER_B))
    assert align([a, b]).groups == []


def test_threshold_filters_groups(tmp_path, seed_paths):
    arts = [load_article(p) for p in seed_paths]
    low = align(arts, threshold=0.05)
    high = align(arts, threshold=0.9)
    assert len(high.groups) <= len(low.groups)
    assert all(g.score >= 0.9 for g in high.groups)
    assert all(g.score >= 0.05 for g in low.groups)


# ---------------------------------------------------------------- the seeds
# Seed articles in folder order: 0 The Daily Beast, 1 The Gateway Pundit, 2 The New York Times.
SEED_PAIRS_THAT_ALIGN = [
    # (article index, text in it, article index, text in it)
    (2, "financed by the Cato Institute", 0, "The Cato Institute, a libertarian think tank, paid for"),
    (1, "90% of the nuclear arms in the world", 0, "more than 90% of all nuclear weapons"),
    (1, "we met with the Federation, which is the upper house", 2, "senators of the Federation Council, the upper chamber"),
    # one-sentence paraphrases, found as each other's best match with telling shared phrases
    (0, "sit-down with Konstantin Kosachev", 2, "standing beside Konstantin Kosachyov"),
    (1, "potential for a meeting in a neutral country", 2, "arrange a meeting in a neutral third country"),
]
SEED_PAIRS_THAT_MUST_NOT = [
    (1, "Much like Reagan, both Senator Paul and President Trump understand", 0, "The Cato Institute, a libertarian think tank"),
    (2, "Jeff Sessions, who would become attorney general", 0, "Thanks, but no thanks."),
]


@pytest.fixture(scope="module")
def seed_alignment() -> Alignment:
    from conftest import SEEDS

    return align([load_article(p) for p in sorted(SEEDS.glob("*.txt"))], DEFAULT_THRESHOLD)


def _seed_pair_aligned(result: Alignment, i: int, x: str, j: int, y: str) -> bool:
    """Whether one group has a passage of article i over text ``x`` and one of article j over ``y``."""
    xs, ys = _span(result, i, x), _span(result, j, y)
    for g in result.groups:
        if any(p.article == i and p.start < xs[1] and p.end > xs[0] for p in g.passages) and \
                any(p.article == j and p.start < ys[1] and p.end > ys[0] for p in g.passages):
            return True
    return False


def _span(result: Alignment, article: int, text: str) -> tuple[int, int]:
    start = result.articles[article].text.index(text)
    return start, start + len(text)


@pytest.mark.parametrize("i,x,j,y", SEED_PAIRS_THAT_ALIGN)
def test_seed_pairs_align(seed_alignment, i, x, j, y):
    assert _seed_pair_aligned(seed_alignment, i, x, j, y)


@pytest.mark.parametrize("i,x,j,y", SEED_PAIRS_THAT_MUST_NOT)
def test_seed_pairs_do_not_align(seed_alignment, i, x, j, y):
    assert not _seed_pair_aligned(seed_alignment, i, x, j, y)


# ---------------------------------------------------------------- invariants
sentences = st.lists(
    st.sampled_from(FILLER_A + FILLER_B + [
        "Senator Paul met Kosachev in Moscow.", "Senator Paul met Kosachyov in Moscow on Monday.",
        "The talks will go on in November.", "Sanctions stay in place, officials said.",
    ]),
    min_size=1, max_size=12,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(sentences, min_size=2, max_size=4), junk=st.text(max_size=40))
def test_alignment_is_deterministic_and_in_range(tmp_path, texts, junk):
    try:
        arts = [write(tmp_path, f"{k}.txt", " ".join(t) + " " + junk + "\n") for k, t in enumerate(texts)]
    except ReaderError:
        assume(False)  # junk made a file that is not text: rejected with a clear error elsewhere
    first = align(arts)
    second = align([write(tmp_path, f"{k}.txt", " ".join(t) + " " + junk + "\n") for k, t in enumerate(texts)])
    assert [(g.score, g.passages) for g in first.groups] == [(g.score, g.passages) for g in second.groups]
    for g in first.groups:
        assert len(g.articles()) >= 2
        for p in g.passages:
            text = arts[p.article].text
            assert 0 <= p.start < p.end <= len(text)
