"""The rows of the quotes screen (Q): speakers in order, each quote with the outlets that carry
it (partly: the other wording with its differences marked), and article text kept as data."""
from __future__ import annotations

from rich.console import Console
from test_quotes import _articles

from reader.quotes import find_quotes
from reader.ui.screens.quotes import quote_rows


def plain(renderable) -> str:
    console = Console(width=140, color_system=None, markup=False)
    with console.capture() as out:
        console.print(renderable)
    return out.get()


def test_rows_list_speakers_by_quotes_and_mark_the_words_an_outlet_changed(tmp_path):
    articles = _articles(tmp_path, [
        "“We will not rest until the bridge is rebuilt,” Mayor Jane Doe said on Friday. "
        "“The budget is tight,” Mayor Doe added.\n",
        "Doe said the city “will not rest until the old bridge is rebuilt” and promised money.\n",
        "“No comment [link=http://x]click[/link],” said Tom Reyes.\n",
    ])
    found = find_quotes(articles)
    rows = quote_rows(articles, found, None)
    headings = [plain(text).strip() for text, spot in rows if spot is None]
    assert headings[0].startswith("Jane Doe") and "3 quotes" in headings[0]
    assert headings[1].startswith("Tom Reyes")
    first = plain(rows[1][0])
    assert first.split()[0] == articles[0].label and f"↳ {articles[1].label} " in first and "quotes it partly" in first
    assert "{+old+}" in first  # the word City Post added, marked
    markup = plain(rows[-1][0])
    assert "“No comment [link=http://x]click[/link]”" in markup  # shown as typed, not taken as markup
    spots = sorted(spot for _, spot in rows if spot is not None)
    assert [articles[k].text[s:e] for k, s, e in spots] == [q.text for q in found.quotes]


def test_a_speaker_named_after_a_header_line_is_found(tmp_path):
    """A name at the start of a paragraph is not run together with the capitalised line above."""
    articles = _articles(tmp_path, ["Source: City Post\n\nDoe said the city “will not rest until it is done.”\n",
                                    "“We are ready,” Mayor Jane Doe said.\n"])
    found = find_quotes(articles)
    assert [found.speaker_name(q) for q in found.quotes] == ["Jane Doe", "Jane Doe"]
