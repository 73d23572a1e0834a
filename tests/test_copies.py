"""Verbatim copies: found whatever the sentence boundaries, and reported at their exact extent."""
from __future__ import annotations

from reader.align import align
from reader.align.copies import find_copies
from reader.align.tokens import Tokens
from tests.test_align import FILLER_A, FILLER_B, story, write

STATEMENT = (
    "The ministry will open four new regional offices before the end of the year. "
    "Each office will employ about sixty inspectors drawn from the existing staff. "
    "Applications for the remaining posts close on the first of December."
)
LIST_LINES = [
    "Fresh and accurate contact data maintained by four hundred members",
    "Search for key decision makers by company rank industry and region",
    "Export every record to a spreadsheet with one click",
    "Weekly updates checked by hand before they are published",
]


def copies_of(*articles):
    return find_copies([Tokens.of(art) for art in articles], budget=4000)


def passages_holding(result, needle: str) -> list[str]:
    """Texts of the passages of groups that pair some passage holding ``needle``."""
    out = []
    for g in result.groups:
        texts = [result.articles[p.article].text[p.start : p.end] for p in g.passages]
        if any(needle in t for t in texts):
            out += texts
    return out


def test_copy_is_cut_to_the_copied_words(tmp_path):
    """A statement quoted whole after different lead-ins: the passages are the statement, not
    the lead-in sentences around it."""
    a = write(tmp_path, "a.txt", story(*FILLER_A, "Officials on Tuesday quoted the ministry in full: " + STATEMENT))
    b = write(tmp_path, "b.txt", story("The agency's bulletin, sent to reporters, read: " + STATEMENT, *FILLER_B))
    texts = passages_holding(align([a, b]), "sixty inspectors")
    assert texts == [STATEMENT, STATEMENT]


def test_copy_is_found_across_different_sentence_splits(tmp_path):
    """A list copied line by line into one text and run together into one long "sentence" in
    the other (no full stops) is still aligned, from its first word to its last."""
    run_together = ("Our service offers the following " + " ".join(LIST_LINES) + " and much more besides, "
                    "while the valley farmers sold apples pears and plums at the Saturday market near "
                    "the bakery by the railway bridge where the children painted a river mural")
    a = write(tmp_path, "a.txt", story(*FILLER_A[:2], run_together, *FILLER_A[2:]))
    b = write(tmp_path, "b.txt", story(*FILLER_B[:2], *LIST_LINES, *FILLER_B[2:]))
    texts = passages_holding(align([a, b]), "decision makers")
    assert len(texts) == 2
    a_text, b_text = texts
    assert a_text.startswith("Fresh and accurate") and a_text.endswith("before they are published")
    assert b_text.split() == " ".join(LIST_LINES).split()


def test_lightly_edited_copy_is_found_with_its_edits(tmp_path):
    """A copy with a few words changed or dropped is still one copy, edits included."""
    edited = (STATEMENT.replace("four new", "several new")
              .replace("drawn from the existing staff", "taken from current staff")
              .replace("the first of", "1"))
    a = write(tmp_path, "a.txt", story(*FILLER_A, STATEMENT))
    b = write(tmp_path, "b.txt", story(edited, *FILLER_B))
    (fragment,) = copies_of(a, b)[(0, 1)]
    assert a.text[fragment.a_span[0] : fragment.a_span[1]] == STATEMENT
    assert b.text[fragment.b_span[0] : fragment.b_span[1]] == edited
    assert 0.7 < fragment.score < 1.0


def test_texts_sharing_only_short_phrases_have_no_copies(tmp_path):
    """Common phrases ("at the end of the year") shared here and there are not a copy."""
    a = write(tmp_path, "a.txt", story("Prices will rise at the end of the year, the bakery said.", *FILLER_A))
    b = write(tmp_path, "b.txt", story(*FILLER_B, "At the end of the year the ferry will stop for repairs."))
    assert copies_of(a, b) == {}


def test_copy_does_not_grow_into_the_next_sentence(tmp_path):
    """Edited words at a copy's edge are taken in, but not a chance match across a sentence end
    ("Harbour" starts the next sentence on both sides)."""
    a = write(tmp_path, "a.txt", story(*FILLER_A[:2], STATEMENT + " Harbour officials welcomed the plan."))
    b = write(tmp_path, "b.txt", story(STATEMENT + " Harbour ferries will not run on Sunday.", *FILLER_B))
    (fragment,) = copies_of(a, b)[(0, 1)]
    assert a.text[fragment.a_span[0] : fragment.a_span[1]] == STATEMENT
    assert b.text[fragment.b_span[0] : fragment.b_span[1]] == STATEMENT
