"""Word wrap: the fast path for plain ASCII text wraps exactly as the general one, and lines
wrapped on demand, in pieces, are the lines wrapped at once."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.articles.segment import split_paragraphs
from reader.articles.loading import load_article
from reader.ui import wrap
from reader.ui.article_layout import ArticleLayout
from reader.ui.wrap import Line, WrappedLines, wrap_blocks

plain_words = st.lists(st.text("abcdefghij.,", min_size=1, max_size=30), min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(plain_words, st.integers(4, 40), st.booleans(), st.booleans())
def test_plain_ascii_wraps_as_the_general_word_wrap(words, width, lead, trail):
    text = (" " if lead else "") + " ".join(words) + (" " if trail else "")
    assert wrap._wrap_plain(text, 0, len(text), width) == wrap._wrap_words(text, 0, len(text), width)


@settings(max_examples=200, deadline=None)
@given(st.text("ab é\t\n世", max_size=300), st.integers(4, 30), st.booleans())
def test_any_text_wraps_as_before_whatever_path_it_takes(text, width, gaps):
    blocks = split_paragraphs(text)
    general = []
    for n, (start, end) in enumerate(blocks):
        if n:
            general.append(Line(blocks[n - 1][1], blocks[n - 1][1], gaps))
        for s, e in wrap._hard_lines(text, start, end):
            general += wrap._wrap_words(text, s, e, width)
    assert wrap_blocks(text, blocks, width, gaps) == general


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("ab c", min_size=1, max_size=60), min_size=1, max_size=30), st.integers(4, 20),
       st.lists(st.integers(0, 400), max_size=5))
def test_lines_wrapped_on_demand_are_the_lines_wrapped_at_once(paras, width, asks):
    text = "\n\n".join(p.strip() or "x" for p in paras)
    blocks = split_paragraphs(text)
    lazy = WrappedLines(text, blocks, width)
    for n in asks:
        lazy.upto_line(n)
        lazy.upto_offset(n)
        assert lazy.done or len(lazy.lines) > n  # asking wraps at least up to there
    assert lazy.all() == wrap_blocks(text, blocks, width) and lazy.estimate() == len(lazy.lines)
    assert [lazy.lines[k].start for k in lazy.text_lines] == lazy.starts


def test_a_big_article_wraps_only_what_is_asked_for(tmp_path):
    para = " ".join(f"word{k}" for k in range(60))
    (tmp_path / "big.txt").write_text("\n\n".join([para] * 5000))
    article = load_article(tmp_path / "big.txt")
    text = article.text
    layout = ArticleLayout(article)
    layout.set_width(50)
    assert layout.line(0) == wrap_blocks(text, layout.blocks(), 50)[0]
    assert not layout.wrapped and len(layout._wrap.lines) < 100  # the first lines only
    assert 4 * 5000 <= layout.line_count <= 12 * 5000  # an estimate meanwhile
    deep = text.index(para, len(text) // 2)
    assert layout.line_of(deep) > 0 and not layout.wrapped  # wrapped up to the jump, no further
    layout.wrap_more(10_000)
    assert layout.wrapped and layout.line_count == len(layout.lines) == len(wrap_blocks(text, layout.blocks(), 50))
