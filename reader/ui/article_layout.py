"""Where an article's text goes in a pane: the blocks shown under a filter, the wrapped lines,
and which sentence is on which line.  Plain Python (no Textual): tests drive it directly.

Lines are wrapped on demand, in reading order (``WrappedLines``): asking for a line, or for
the line of an offset, wraps up to there; ``wrap_more`` wraps the rest a chunk at a time;
``line_count`` is an estimate until all is wrapped (``wrapped``)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass

from reader.articles.segment import split_paragraphs
from reader.model import REUSE, Alignment, Article
from reader.ui.wrap import Line, WrappedLines, offset_at_cell

FILTERS = ("all", "shared", "unique")
KEPT_LAYOUTS = 8  # wrapped layouts kept per pane, by (article, width, filter)


@dataclass(frozen=True)
class Span:
    """A styled span of display text; ``group`` is the alignment group, or -1; ``copied`` when
    the group is text one article took from another (not a fact told in other words)."""

    start: int
    end: int
    group: int = -1
    copied: bool = False
    by_user: bool = False  # a link the user made by hand


class ArticleLayout:
    """One article laid out at a width under a filter (all text, only shared, only unique)."""

    def __init__(self, article: Article) -> None:
        self.filter = "all"
        self.width = 0  # text columns; 0 until the pane has a size
        self._wraps: OrderedDict[tuple, WrappedLines] = OrderedDict()
        self._wrap: WrappedLines | None = None  # the lines at the current width and filter
        self.show(article)

    # ---------------------------------------------------------------- content
    def show(self, article: Article, alignment: Alignment | None = None, index: int = 0) -> None:
        """Lay out another article (the filter and width stay), coloured by ``alignment``."""
        self.article = article
        self._sentence_ends = [s.end for s in article.sentences]
        self.set_alignment(alignment, index)

    def set_alignment(self, alignment: Alignment | None, index: int) -> None:
        """Take the aligned spans of article ``index`` (this one) and the group of each sentence."""
        passages = alignment.passages_of(index) if alignment is not None else []
        self.spans = [Span(p.start, p.end, g, alignment.groups[g].kind == REUSE, alignment.groups[g].by == "user")
                      for p, g in passages]
        self._span_starts = [s.start for s in self.spans]
        self._span_max = max((s.end - s.start for s in self.spans), default=0)
        self.sentence_groups: dict[int, int] = alignment.sentence_groups(index) if alignment is not None else {}
        self.relayout()

    def spans_in(self, start: int, end: int) -> list[Span]:
        """Aligned spans overlapping [start, end)."""
        lo = bisect_left(self._span_starts, start - self._span_max)
        hi = bisect_left(self._span_starts, end)
        return [s for s in self.spans[lo:hi] if s.end > start and s.start < end]

    # ---------------------------------------------------------------- lines
    def set_width(self, width: int) -> None:
        self.width = width
        self.relayout()

    def set_filter(self, mode: str) -> None:
        self.filter = mode
        self.relayout()

    def relayout(self) -> None:
        self._wrap = self._wrapped() if self.width else None

    @property
    def lines(self) -> list[Line]:
        """All the screen lines (wrapping the rest now: prefer ``line``)."""
        return self._wrap.all() if self._wrap else []

    def line(self, index: int) -> Line | None:
        """Screen line ``index`` (wrapped up to it if need be), or None past the end."""
        if self._wrap is None or index < 0:
            return None
        self._wrap.upto_line(index)
        return self._wrap.lines[index] if index < len(self._wrap.lines) else None

    @property
    def wrapped(self) -> bool:
        """Whether every line is wrapped (and ``line_count`` exact)."""
        return self._wrap is None or self._wrap.done

    def wrap_more(self, blocks: int) -> None:
        """Wrap up to ``blocks`` more paragraphs (a step of wrapping in the background)."""
        if self._wrap is not None:
            self._wrap.wrap(blocks)

    def blocks(self) -> list[tuple[int, int]]:
        """The spans shown as paragraphs: the article's, or runs of the sentences the filter keeps."""
        if self.filter == "all":
            return split_paragraphs(self.article.text)
        blocks: list[tuple[int, int]] = []
        last = None
        for sent in self.article.sentences:
            if not self.is_visible_sentence(sent.index):
                continue
            if last is not None and last.index == sent.index - 1 and last.paragraph == sent.paragraph:
                blocks[-1] = (blocks[-1][0], sent.end)
            else:
                blocks.append((sent.start, sent.end))
            last = sent
        return blocks

    def _wrapped(self) -> WrappedLines:
        """The screen lines at the current width and filter (recent layouts are kept)."""
        shared = () if self.filter == "all" else tuple(sorted(self.sentence_groups))
        key = (id(self.article), self.width, self.filter, shared)
        lines = self._wraps.get(key)
        if lines is None:
            lines = WrappedLines(self.article.text, self.blocks(), self.width, gaps=self.filter != "all")
            self._wraps[key] = lines
            if len(self._wraps) > KEPT_LAYOUTS:
                self._wraps.popitem(last=False)
        self._wraps.move_to_end(key)
        return lines

    # ---------------------------------------------------------------- where things are
    @property
    def line_count(self) -> int:
        """How many screen lines there are (an estimate until ``wrapped``)."""
        return self._wrap.estimate() if self._wrap else 0

    def line_of(self, offset: int) -> int:
        """The screen line showing display offset ``offset`` (or the nearest shown one)."""
        if self._wrap is None:
            return 0
        self._wrap.upto_offset(offset)
        if not self._wrap.starts:
            return 0
        k = max(0, bisect_right(self._wrap.starts, offset) - 1)
        return self._wrap.text_lines[k]

    def sentence_line(self, index: int) -> int:
        """The screen line where sentence ``index`` starts."""
        return self.line_of(self.article.sentences[index].start)

    def sentence_at_offset(self, offset: int) -> int:
        """The sentence holding display offset ``offset`` (or the next one)."""
        k = bisect_right(self._sentence_ends, offset)
        return max(0, min(k, len(self.article.sentences) - 1))

    def sentence_at_line(self, line: int) -> int:
        """The first shown sentence that starts at or after the start of screen line ``line``."""
        if self._wrap is not None:
            self._wrap.upto_line(max(0, line))
        lines = self._wrap.lines if self._wrap else []
        line = max(0, min(line, len(lines) - 1))
        start = lines[line].start if lines else 0
        return self.nearest_visible(self.sentence_at_offset(start), 1)

    def offset_at(self, line: int, cell: int) -> int | None:
        """The text offset at ``cell`` of screen line ``line`` (below the text: its end), or None."""
        found = self.line(line)
        if found is None:
            return self.lines[-1].end if line >= 0 and self.lines else None
        return offset_at_cell(self.article.text, found, cell)

    def is_visible_sentence(self, index: int) -> bool:
        if self.filter == "all":
            return True
        return (index in self.sentence_groups) == (self.filter == "shared")

    def nearest_visible(self, index: int, direction: int) -> int:
        """``index`` if the filter shows it, else the nearest shown sentence that way (or the other)."""
        n = len(self.article.sentences)
        for step in (direction, -direction):
            k = index
            while 0 <= k < n and not self.is_visible_sentence(k):
                k += step
            if 0 <= k < n:
                return k
        return index

    def next_visible(self, index: int, delta: int) -> int | None:
        """The next (``delta`` > 0) or previous shown sentence after ``index``, or None."""
        step = 1 if delta > 0 else -1
        k = index + step
        while 0 <= k < len(self.article.sentences) and not self.is_visible_sentence(k):
            k += step
        return k if 0 <= k < len(self.article.sentences) else None

    def next_aligned_sentence(self, start: int, delta: int) -> int | None:
        """The first sentence of the next (or previous) aligned passage from sentence ``start``."""
        groups = self.sentence_groups
        here = groups.get(start)
        k = start + delta
        n = len(self.article.sentences)
        while 0 <= k < n:
            g = groups.get(k)
            if g is not None and (g != here or groups.get(k - delta) != g):
                if delta < 0:  # go to the start of that passage
                    while k - 1 >= 0 and groups.get(k - 1) == g:
                        k -= 1
                return k
            k += delta
        return None

    def paragraph_step(self, cursor: int, delta: int) -> int:
        """Where the next paragraph starts, or (going back) this paragraph or the one before."""
        sents = self.article.sentences
        para = sents[cursor].paragraph
        if delta > 0:
            return next((s.index for s in sents[cursor:] if s.paragraph > para), len(sents) - 1)
        here = next(s.index for s in sents if s.paragraph == para)
        if here < cursor:
            return here
        prev_para = sents[max(0, here - 1)].paragraph
        return next(s.index for s in sents if s.paragraph == prev_para)

    def paragraph_end(self, cursor: int) -> int:
        """The last sentence of the cursor's paragraph."""
        para = self.article.sentences[cursor].paragraph
        return max(s.index for s in self.article.sentences if s.paragraph == para)

    def start_step(self, start: int, end: int, delta: int) -> int:
        """A selection's start moved to the next word (``delta`` > 0, keeping one word before
        ``end``) or to the word before."""
        text = self.article.text
        pos = start
        if delta > 0:
            while pos < end and not text[pos].isspace():
                pos += 1
            while pos < end and text[pos].isspace():
                pos += 1
            return pos if pos < end else start
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
        return pos

    def word_step(self, anchor: int, head: int, delta: int) -> int:
        """A selection's head moved a word on (``delta`` > 0), or back a word, never past ``anchor``."""
        text = self.article.text
        pos = head
        if delta > 0:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            while pos < len(text) and not text[pos].isspace():
                pos += 1
            return pos
        for spaces in (True, False, True):  # spaces, a word, spaces
            while pos > anchor and text[pos - 1].isspace() == spaces:
                pos -= 1
        return pos
