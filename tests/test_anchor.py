"""Re-anchoring a highlight after its article's text changed."""
from __future__ import annotations

import pytest

from reader.highlights.anchor import context, reanchor

ORIGINAL = ("The senator flew to Moscow on Monday. He met Konstantin Kosachev, the committee chairman. "
            "They agreed to meet again in November. Critics objected to the trip.")
QUOTE = "He met Konstantin Kosachev, the committee chairman."
START = ORIGINAL.index(QUOTE)
PREFIX, SUFFIX = context(ORIGINAL, START, START + len(QUOTE))

CASES = [
    ("unchanged", ORIGINAL, "exact", QUOTE),
    ("moved", "A new first paragraph was added here.\n\n" + ORIGINAL, "moved", QUOTE),
    ("edited", ORIGINAL.replace("the committee chairman", "the committee's chairman"), "fuzzy",
     "He met Konstantin Kosachev, the committee's chairman."),
    ("deleted", ORIGINAL.replace(QUOTE + " ", ""), "orphaned", None),
    ("rewritten", "Nothing of the original article remains in this version at all.", "orphaned", None),
]


@pytest.mark.parametrize("name,text,status,found", CASES, ids=[c[0] for c in CASES])
def test_reanchoring(name, text, status, found):
    anchor = reanchor(text, QUOTE, PREFIX, SUFFIX, START, START + len(QUOTE))
    assert anchor.status == status
    if found is None:
        assert not anchor.found
    else:
        assert text[anchor.start : anchor.end] == found


def test_duplicated_text_is_told_apart_by_context():
    other = "Elsewhere, a different story. " + QUOTE + " Unrelated words follow here. "
    text = other + ORIGINAL  # the quote now appears twice; the second has the right context
    anchor = reanchor(text, QUOTE, PREFIX, SUFFIX, 0, len(QUOTE))
    assert anchor.status == "moved"
    assert anchor.start == len(other) + START


def test_long_edited_quote_in_a_large_text_gets_its_exact_new_span():
    filler = " ".join(f"word{n % 997}" for n in range(120_000))  # ~1 MB
    quote = " ".join(f"Sentence {n} of the long highlighted paragraph about Kosachev." for n in range(20))
    text = filler + " " + quote + " " + filler
    start = len(filler) + 1
    prefix, suffix = context(text, start, start + len(quote))
    edited_quote = ("Sentense" + quote[len("Sentence"):-len("Kosachev.")] + "Kosachyov.").replace(
        "paragraph about Kosachev. Sentence 7", "paragraph on Kosachyov. Sentence 7")  # first, middle, last words
    edited = "New lead paragraph.\n" + text.replace(quote, edited_quote)
    anchor = reanchor(edited, quote, prefix, suffix, start, start + len(quote))
    assert anchor.status == "fuzzy"
    assert edited[anchor.start : anchor.end] == edited_quote


# ---------------------------------------------------------------- never on the wrong text
PAUL = ("Mr. Paul has said the sanctions hurt. Critics disagree strongly with him. "
        "In Moscow, Mr. Paul has met several lawmakers this week. Nobody expected the trip.")


def short_highlight(text: str, quote: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    prefix, suffix = context(text, start, start + len(quote))
    return quote, prefix, suffix, start, start + len(quote)


def test_a_short_quote_whose_sentence_was_deleted_is_not_moved_onto_the_same_words_elsewhere():
    quote, prefix, suffix, start, end = short_highlight(PAUL, "Mr. Paul has", nth=1)
    edited = PAUL.replace("In Moscow, Mr. Paul has met several lawmakers this week. ", "")
    assert reanchor(edited, quote, prefix, suffix, start, end).status == "orphaned"


def test_a_short_quote_is_moved_when_its_context_came_with_it():
    quote, prefix, suffix, start, end = short_highlight(PAUL, "Mr. Paul has", nth=1)
    edited = "A new lead paragraph was written above.\n\n" + PAUL
    anchor = reanchor(edited, quote, prefix, suffix, start, end)
    assert anchor.status == "moved" and anchor.start == edited.index("In Moscow, Mr. Paul has") + len("In Moscow, ")


def test_a_short_quote_with_one_side_of_its_context_edited_is_still_found():
    quote, prefix, suffix, start, end = short_highlight(PAUL, "Mr. Paul has", nth=1)
    edited = "Preface. " + PAUL.replace("met several lawmakers this week", "met a few lawmakers on Tuesday")
    anchor = reanchor(edited, quote, prefix, suffix, start, end)
    assert anchor.status == "moved" and edited[anchor.start - 11 : anchor.start] == "In Moscow, "


def test_a_short_quote_is_not_fuzzy_matched_onto_other_text():
    quote, prefix, suffix, start, end = short_highlight(PAUL, "Mr. Paul has", nth=1)
    edited = "Mr. Paul had said the sanctions hurt. Nobody expected the trip at all, said a spokesman."
    assert reanchor(edited, quote, prefix, suffix, start, end).status == "orphaned"


def test_a_long_quote_found_once_is_placed_whatever_its_context():
    text = "Intro sentence here. " + QUOTE + " Closing words."
    anchor = reanchor(text, QUOTE, "completely different prefix text", "and another suffix entirely", 500, 551)
    assert anchor.status == "moved" and text[anchor.start : anchor.end] == QUOTE
