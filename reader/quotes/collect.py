"""The quotes of a set of articles, each with its speaker: marks, then people, then the rules."""
from __future__ import annotations

from dataclasses import dataclass

from reader.model import Article
from reader.quotes.attribution import State, attribute
from reader.quotes.marks import Marked, find_marked
from reader.quotes.people import People, Person, candidate_mentions

TRAILING = " ,;:"  # the writer's punctuation at a quote's end, not the speaker's


@dataclass(frozen=True)
class Quote:
    """One quotation in one article (display offsets of the quoted words)."""

    article: int
    start: int
    end: int
    text: str  # the quoted words; paragraphs of a long quote joined by a blank line
    speaker: int | None  # index into ``Quotes.people``; None: unattributed
    cue: str  # the words that name the speaker ("Mr. Paul said")
    partial: bool  # a fragment quoted inside the writer's own sentence
    nested: bool  # a quote inside another quote


@dataclass
class Quotes:
    """Every quote of the articles, and the people who said them."""

    quotes: list[Quote]
    people: list[Person]

    def speaker_name(self, quote: Quote) -> str:
        return self.people[quote.speaker].name if quote.speaker is not None else "unattributed"


def find_quotes(articles: list[Article]) -> Quotes:
    """The quotes of every article, with speakers known across all of them."""
    marked = [find_marked(a.text) for a in articles]
    mentions = [candidate_mentions(a.text) for a in articles]
    people = People([m for ms in mentions for m in ms])
    quotes = []
    for k, (art, marks, ms) in enumerate(zip(articles, marked, mentions)):
        persons = [m for m in ms if people.is_person(m)]
        speakers = attribute(State(art, marks, people, persons))
        quotes += [_quote(k, art, mark, sp.person, sp.cue) for mark, sp in zip(marks, speakers)]
    return Quotes(quotes, people.all())


def _quote(k: int, article: Article, mark: Marked, speaker: int | None, cue: str) -> Quote:
    text = article.text
    end = mark.end
    while end > mark.start and text[end - 1] in TRAILING:
        end -= 1
    parts = [text[s:e] for s, e in mark.parts[:-1]] + [text[mark.parts[-1][0] : end]]
    return Quote(k, mark.start, end, "\n\n".join(p.strip() for p in parts), speaker, cue,
                 _partial(text, mark), mark.nested)


def _partial(text: str, mark: Marked) -> bool:
    """A fragment inside the writer's sentence: it starts in lower case, or words of the
    writer's own come right before it (not a colon that introduces a statement)."""
    first = text[mark.start : mark.start + 1]
    k = mark.start - 2
    while k >= 0 and text[k] in " \t":
        k -= 1
    lead = text[k] if k >= 0 else "\n"
    return first.islower() or (lead not in "\n:.!?”\"" and not mark.nested and lead.isalnum())
