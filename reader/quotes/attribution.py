"""Who said each quote: a list of named rules, tried in order, over one state per article.

Each rule reads the words around a quote and, when they name the speaker, records the person
and the words that told it (the *cue*).  A pronoun ("he said") or a description ("the senator
said") stands for the person in focus: the first person named in the nearest sentence before
it that names one.  A quote no rule can attribute stays unattributed: the rules never guess.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

from reader.model import Article
from reader.quotes.marks import Marked
from reader.quotes.people import Mention, People

SPEECH = (r"said|says|say|told|tells|added|adds|wrote|writes|tweeted|posted|asked|asks|explained|"
          r"explains|stated|states|noted|notes|insisted|insists|argued|argues|warned|warns|continued|"
          r"replied|responded|recalled|declared|announced|remarked|concluded|admitted|acknowledged|"
          r"claimed|complained|cautioned|joked|emphasi[sz]ed|stressed|testified|shouted|pleaded|urged|"
          r"vowed|quipped|conceded|predicted|boasted|countered|maintained|observed|confirmed|lamented|"
          r"mused|described|called|promised|agreed|denied|suggested")
PARTICIPLES = r"saying|adding|telling|writing|calling|describing|explaining|noting|arguing|warning|insisting"
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
DESCRIPTIONS = {  # "the senator said": the person in focus, if ever given such a title
    "senator": {"sen", "senator"}, "lawmaker": {"sen", "senator", "rep", "representative"},
    "congressman": {"rep", "representative"}, "congresswoman": {"rep", "representative"},
    "president": {"president"}, "governor": {"gov", "governor"}, "minister": {"minister"},
    "mayor": {"mayor"}, "secretary": {"secretary"}, "ambassador": {"ambassador"}, "judge": {"judge"},
}
WHO = r"(?P<who>(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'\-]*|he|she|[Tt]he\s+(?:[a-z\-]+\s+){0,2}(?:%s))" % "|".join(DESCRIPTIONS)
APPOSITION = r"(?:\s*\([^)]{0,40}\))?(?:\s*,[^,“”\"]{0,160},)?"
ADVERBS = r"(?:\s+(?:has|had|also|later|then|once|again|repeatedly|earlier|simply|basically|\w+ly))*"
AFTER = re.compile(r"\A[\s,.;:—–-]*" + WHO + APPOSITION + ADVERBS + r"\s+(?P<verb>" + SPEECH + r")\b")
ACCORDING_TO = re.compile(r"\A[\s,.;:—–-]*according\s+to\s+" + WHO)
AFTER_INVERTED = re.compile(r"\A[\s,.;:—–-]*(?P<verb>said|says|added|wrote|asked|explained|continued|"
                            r"recalled|declared|insisted|noted)\s+" + WHO)
QUOTED_SAYING = re.compile(r"\b(?:quoted|cited)\s+(?:(?:the|a|an)\s+(?:[a-z][\w\-]*\s+){0,3})?" + WHO
                           + r"\s+(?:as\s+)?(?:saying|telling|writing)\b")
BEFORE_VERB = re.compile(WHO + ADVERBS + r"\s+(?P<verb>" + SPEECH + r")\b")
BEFORE_PARTICIPLE = re.compile(r"\b(?P<verb>" + PARTICIPLES + r")\b[^“”\"]*\Z")
PLURAL = re.compile(r"\A\W*(?:they|we|you|both|many|some|others|officials|critics)\b", re.I)


@dataclass
class Speaker:
    """Who said one quote, and the words that say so."""

    person: int | None  # index into People; None: unattributed
    cue: str = ""  # the attributing words, e.g. "Mr. Paul said"
    rule: str = ""  # the rule that found it


@dataclass
class State:
    """What the rules share for one article."""

    article: Article
    marked: list[Marked]
    people: People
    named: list[Mention]  # every naming of a person, quotes included, in order
    speakers: list[Speaker | None] = field(init=False)
    mentions: list[Mention] = field(init=False)  # the namings outside quotes

    def __post_init__(self) -> None:
        self.speakers = [None] * len(self.marked)
        self._sentence_starts = [s.start for s in self.article.sentences]
        self._outer = [m for m in self.marked if not m.nested]  # in order, never overlapping
        self._outer_starts = [m.start for m in self._outer]
        self.named.sort(key=lambda m: m.start)
        self.mentions = [m for m in self.named if not self.in_quote(m.start)]
        self._starts = {id(ms): [m.start for m in ms] for ms in (self.named, self.mentions)}

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a (top-level) quote."""
        k = bisect_right(self._outer_starts, pos) - 1
        return k >= 0 and pos < self._outer[k].end

    def mentions_in(self, lo: int, hi: int, quoted: bool = False) -> list[Mention]:
        """The people named from ``lo`` to ``hi``, in order: outside quotes, or anywhere."""
        ms = self.named if quoted else self.mentions
        starts = self._starts[id(ms)]
        return ms[bisect_right(starts, lo - 1) : bisect_right(starts, hi - 1)]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        s = self.article.sentences[self.sentence_of(pos)] if self.article.sentences else None
        return (s.start, s.end) if s else (0, len(self.article.text))

    def paragraph_of(self, pos: int) -> int:
        sentences = self.article.sentences
        return sentences[self.sentence_of(pos)].paragraph if sentences else 0


Rule = Callable[[State, int], Speaker | None]


def attribute(state: State, rules: list[tuple[str, Rule]] | None = None) -> list[Speaker]:
    """Run the rules in order over every quote not yet attributed; the rest are unattributed."""
    for name, rule in rules or RULES:
        for q in range(len(state.marked)):
            if state.speakers[q] is None:
                found = rule(state, q)
                if found is not None and found.person is not None:
                    found.rule = name
                    state.speakers[q] = found
    return [s or Speaker(None) for s in state.speakers]


# ---------------------------------------------------------------- the rules
def quoted_saying(state: State, q: int) -> Speaker | None:
    """'…," the agency quoted the lawmaker Leonid Slutsky saying.'"""
    text, base = _after(state, q)
    m = QUOTED_SAYING.search(text)
    return _speaker(state, m, base) if m else None


def said_after(state: State, q: int) -> Speaker | None:
    """'…," Mr. Paul said.' / '…," Sergio Gor, the senator's deputy, told TGP.' / '…," said Gor.'"""
    text, base = _after(state, q)
    m = AFTER.match(text) or AFTER_INVERTED.match(text) or ACCORDING_TO.match(text)
    return _speaker(state, m, base) if m else None


def said_before(state: State, q: int) -> Speaker | None:
    """'He added: "…"' / 'Mr. Paul described it as "very successful"' / '…, saying "…"'."""
    before, base = _before(state, q)
    m = _last(BEFORE_VERB, before)
    participle = BEFORE_PARTICIPLE.search(before)
    if m and not re.search(r"[“”\"]", before[m.end() :]) and not (participle and participle.start() > m.end()):
        return _speaker(state, m, base)
    if participle:
        subject = _subject(state, q)
        if subject is not None:
            return subject
    return None


def goes_on(state: State, q: int) -> Speaker | None:
    """A quote that opens a sentence after a quote of the same paragraph (or the one before) goes
    on in the same voice, unless somebody else is named in between."""
    marked = state.marked[q]
    if marked.nested or q == 0 or not _opens_sentence(state, q):
        return None
    prev = q - 1
    while prev >= 0 and state.marked[prev].nested:
        prev -= 1
    if prev < 0 or state.speakers[prev] is None:
        return None
    gap = state.paragraph_of(marked.start) - state.paragraph_of(state.marked[prev].end)
    if gap > 1 or (gap == 1 and not _paragraph_opens_with(state, q)):
        return None
    between = state.mentions_in(state.marked[prev].end, marked.start)
    if any(state.people.who(m) not in (None, state.speakers[prev].person) for m in between):
        return None
    return Speaker(state.speakers[prev].person, state.speakers[prev].cue)


def introduced(state: State, q: int) -> Speaker | None:
    """A quote that opens its paragraph, whose speaker the sentence before names and introduces:
    'Senator Smith spoke to reporters on Monday.' / '…, the senator said:'."""
    marked = state.marked[q]
    if marked.nested or not _paragraph_opens_with(state, q):
        return None
    k = state.sentence_of(marked.start) - 1
    if k < 0:
        return None
    prev = state.article.sentences[k]
    text = state.article.text[prev.start : prev.end]
    if not (text.rstrip().endswith(":") or re.search(r"\b(?:%s|spoke|speaking)\b" % SPEECH, text)):
        return None
    if PLURAL.match(text):
        return None
    named = [m for m in state.mentions_in(prev.start, prev.end) if state.people.who(m) is not None]
    return Speaker(state.people.who(named[0]), text[named[0].start - prev.start :].split(",")[0][:80]) if named else None


RULES: list[tuple[str, Rule]] = [
    ("quoted_saying", quoted_saying),
    ("said_after", said_after),
    ("said_before", said_before),
    ("goes_on", goes_on),
    ("introduced", introduced),
]


# ---------------------------------------------------------------- helpers
def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last match of ``pattern`` in ``text``."""
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _after(state: State, q: int) -> tuple[str, int]:
    """The text after a quote, to the end of its sentence or the next quotation."""
    end = state.marked[q].end
    stop = state.sentence_span(end)[1]
    host = _host(state, q)
    if host is not None:
        stop = min(stop, state.marked[host].end)
    text = state.article.text[end + 1 : max(end + 1, stop)]
    cut = re.search(r"[“\"‘]", text)
    return (text[: cut.start()] if cut else text), end + 1


def _before(state: State, q: int) -> tuple[str, int]:
    """The text of a quote's sentence before its opening mark (inside its host, if nested)."""
    start = state.marked[q].start - 1
    lo = state.sentence_span(start)[0]
    host = _host(state, q)
    if host is not None:
        lo = max(lo, state.marked[host].start)
    return state.article.text[lo:start], lo


def _host(state: State, q: int) -> int | None:
    """The quote a nested quote sits in."""
    marked = state.marked[q]
    if not marked.nested:
        return None
    return next((k for k in range(q - 1, -1, -1)
                 if not state.marked[k].nested and state.marked[k].start <= marked.start <= state.marked[k].end), None)


def _speaker(state: State, m: re.Match, base: int) -> Speaker | None:
    """The person a matched WHO names (a pronoun or a description stands for the person in
    focus), with the cue; ``base`` is where the matched text starts in the article."""
    who = m.group("who")
    cue = re.sub(r"\s+", " ", m.group(0).strip(" ,.;:—–-"))
    low = who.lower()
    pos = base + m.start("who")
    if low in PRONOUNS and state.in_quote(pos):
        return None  # "he" inside a quote: the speaker's "he", not the writer's
    if low in PRONOUNS:
        person = _in_focus(state, pos, PRONOUNS[low])
    elif low.startswith("the ") and low.split()[-1] in DESCRIPTIONS:
        person = _in_focus(state, pos, "", DESCRIPTIONS[low.split()[-1]])
    else:
        person = _named(state, pos, base + m.end("who"))
    return Speaker(person, cue) if person is not None else None


def _named(state: State, lo: int, hi: int) -> int | None:
    """The person named between ``lo`` and ``hi``."""
    for mention in state.mentions_in(lo - 200, hi, quoted=True):
        if mention.start < hi and mention.end > lo:
            found = state.people.who(mention)
            if found is not None:
                return found
    return None


def _in_focus(state: State, pos: int, gender: str, titles: set[str] | None = None) -> int | None:
    """The person in focus at ``pos``: the first person named in the sentence holding ``pos``
    (before it), else in the nearest sentence before that names one; a named gender or title
    that does not fit passes over a person."""
    k = state.sentence_of(pos)
    sentences = state.article.sentences
    while k >= 0:
        lo = sentences[k].start
        hi = min(sentences[k].end, pos)
        for mention in state.mentions_in(lo, hi):
            who = state.people.who(mention)
            if who is None:
                continue
            person = state.people.person(who)
            if gender and person.gender and person.gender != gender:
                continue
            if titles is not None and not titles & person.titles:
                return None  # a description that does not fit the person in focus: no guess
            return who
        k -= 1
    return None


def _subject(state: State, q: int) -> Speaker | None:
    """The subject of a quote's sentence, when it opens the sentence: a person or a pronoun."""
    before, base = _before(state, q)
    if PLURAL.match(before):
        return None
    m = re.match(r"\A\W*" + WHO, before)
    return _speaker(state, m, base) if m else None


def _opens_sentence(state: State, q: int) -> bool:
    return not _before(state, q)[0].strip()


def _paragraph_opens_with(state: State, q: int) -> bool:
    """Whether the quote's opening mark starts its paragraph."""
    start = state.marked[q].start - 1
    text = state.article.text
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"
