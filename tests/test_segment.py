"""Sentence segmentation: a table of the cases news text throws at it."""
from __future__ import annotations

import pytest

from reader.articles.segment import split_paragraphs, split_sentences

CASES = [
    ("Mr. Paul went to Moscow. He met lawmakers.", ["Mr. Paul went to Moscow.", "He met lawmakers."]),
    ("Sen. Rand Paul spoke. Rep. Smith did not.", ["Sen. Rand Paul spoke.", "Rep. Smith did not."]),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ("He was banned from entering the U.S. The amendment failed.",
     ["He was banned from entering the U.S.", "The amendment failed."]),
    ("He flew to St. Petersburg on Monday. Then he left.", ["He flew to St. Petersburg on Monday.", "Then he left."]),
    ("Michael T. Flynn met Sergey I. Kislyak. Nothing came of it.",
     ["Michael T. Flynn met Sergey I. Kislyak.", "Nothing came of it."]),
    ("Vladimir V. Putin spoke. Reporters listened.", ["Vladimir V. Putin spoke.", "Reporters listened."]),
    ("It cost $1.2 billion, or 3.5 percent of the budget. Critics objected.",
     ["It cost $1.2 billion, or 3.5 percent of the budget.", "Critics objected."]),
    ("“I think it was a huge success,” Senator Paul told TGP. “So, we believe.”",
     ["“I think it was a huge success,” Senator Paul told TGP.", "“So, we believe.”"]),
    ('"Is it over?" she asked. "Yes." He left.', ['"Is it over?" she asked.', '"Yes."', "He left."]),
    ("“We didn’t do it.” I think that’s progress.", ["“We didn’t do it.”", "I think that’s progress."]),
    ("No. 5 was first. He said no. Then he left.", ["No. 5 was first.", "He said no.", "Then he left."]),
    ("They met at 5 p.m. on Monday. It went well.", ["They met at 5 p.m. on Monday.", "It went well."]),
    ("Really! Are you sure? Yes.", ["Really!", "Are you sure?", "Yes."]),
    ("The New York Times\n\nMOSCOW — It began. It ended.", ["The New York Times", "MOSCOW — It began.", "It ended."]),
    ("A line that wraps\nin the middle of a sentence. Next one.",
     ["A line that wraps\nin the middle of a sentence.", "Next one."]),
    ("Breaking News\nThe Senate voted today.", ["Breaking News", "The Senate voted today."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences(text, expected):
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_paragraph_numbers_follow_blank_lines():
    text = "One. Two.\n\nThree.\r\n\r\nFour."
    paras = [s.paragraph for s in split_sentences(text)]
    assert paras == [0, 0, 1, 2]
    assert len(split_paragraphs(text)) == 3


def test_offsets_exclude_surrounding_space():
    text = "  First one.   Second one.  \n"
    for s in split_sentences(text):
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
