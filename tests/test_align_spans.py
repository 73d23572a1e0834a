"""Runs of neighbouring sentences summed once: ``Sentences.span`` gives what ``unit_sum`` of the
run gives, and the second time the same vector without summing again."""
from __future__ import annotations

from reader.align import vectors
from reader.align.vectors import Sentences, unit_sum


def test_a_span_is_the_unit_sum_of_its_sentences_and_is_summed_once(monkeypatch):
    sentences = Sentences([[{"a": 1.0}, {"a": 1.0, "b": 2.0}, {"c": 3.0}], [{"a": 0.5}]])
    first = sentences.span(0, 1, 2)
    assert first == unit_sum([{"a": 1.0, "b": 2.0}, {"c": 3.0}])
    assert sentences.span(0, 0, 0) == {"a": 1.0} and sentences.span(1, 0, 0) == {"a": 1.0}
    monkeypatch.setattr(vectors, "unit_sum", None)  # summing again would fail
    assert sentences.span(0, 1, 2) is first
    assert sentences[0][2] == {"c": 3.0} and len(sentences) == 2  # still the articles' vectors
