"""One pass over the text gives the words, their keys and the names; each distinct word is
mapped to its term once."""
from __future__ import annotations

from reader.align import terms
from reader.align.aliases import merged
from reader.align.terms import Vocabulary, collect_names
from reader.align.tokens import Tokens
from reader.articles.loading import load_articles


def test_names_from_the_tokens_are_the_names_in_the_text(seeds_dir):
    for article in load_articles([seeds_dir], print):
        tokens = Tokens.of(article)
        assert tokens.names() == collect_names([article.text]) and len(tokens.names()) > 20


def test_aliases_and_phrases_merge_with_or_without_a_phrase_in_the_sentence():
    assert merged(["america", "met", "in", "paris"]) == ["u.s.", "meet", "in", "paris"]
    assert merged(["the", "united", "states", "met", "united"]) == ["the", "u.s.", "meet", "united"]


def test_each_distinct_word_is_reduced_once(monkeypatch):
    calls = []
    real = terms.reduce_word.__wrapped__
    monkeypatch.setattr(terms, "reduce_word", lambda w: calls.append(w) or real(w))
    vocab = Vocabulary()
    assert [vocab.term(w) for w in ["meetings", "meetings", "sanctions", "meetings"]] == ["meet", "meet", "sancti", "meet"]
    assert sorted(calls) == ["meetings", "sanctions"]
