"""Word-level differences shown in the detail panel (and reusable by export)."""
from __future__ import annotations

import subprocess
import sys

from reader.ui.worddiff import common_share, word_diff


def test_added_dropped_and_changed_words():
    changes = word_diff("Mr. Paul said he would oppose new sanctions.",
                        "Paul said he will oppose the new sanctions today.")
    kinds = [(c.kind, c.old, c.new) for c in changes]
    assert ("dropped", "Mr.", "") in kinds
    assert ("changed", "would", "will") in kinds
    assert ("added", "", "the") in kinds and ("added", "", "today") in kinds
    assert ("same", "new sanctions", "new sanctions") in kinds


def test_matching_ignores_case_but_keeps_the_words():
    changes = word_diff("The Senate voted", "the senate voted")
    assert [(c.kind, c.old, c.new) for c in changes] == [("same", "The Senate voted", "the senate voted")]


def test_runs_keep_the_original_text_and_where_it_is():
    old, new = "He said (quietly) no.", "He said, quietly, yes."
    for c in word_diff(old, new):
        assert old[slice(*c.old_span)] == c.old and new[slice(*c.new_span)] == c.new
    assert [c.new for c in word_diff(old, new) if c.kind == "changed"] == [",", ", yes"]


def test_detail_shows_both_passages_marked_as_git_word_diff_does():
    from reader.ui.widgets.detail_panel import marked

    mine, theirs = "Mr. Paul said he would oppose new sanctions.", "Paul said he will  oppose the new sanctions today."
    changes = word_diff(mine, theirs)
    here, there = marked(changes, mine, "old"), marked(changes, theirs, "new")
    assert here.plain == "[-Mr.-] Paul said he [-would-] oppose new sanctions."  # legible without colour
    assert there.plain == "Paul said he {+will+}  oppose {+the+} new sanctions {+today+}."  # its own spacing
    styled = lambda t: {t.plain[s.start:s.end]: str(s.style) for s in t.spans}  # noqa: E731
    assert "strike" in styled(here)["Mr."] and "strike" in styled(here)["would"]
    assert all("underline" in styled(there)[w] for w in ("will", "the", "today"))
    assert "Paul" not in styled(here) and "oppose" not in styled(there)


def test_common_share():
    assert common_share(word_diff("a b c d", "a b c d")) == 1.0
    assert common_share(word_diff("alpha beta", "gamma delta")) == 0.0
    assert 0.5 < common_share(word_diff("one two three four", "one two three five")) < 1.0


def test_the_engine_module_does_not_import_textual():
    code = "import sys, reader.ui.worddiff, reader.safe_text; print('textual' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
