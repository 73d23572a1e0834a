"""Every key binding of the app, by where it acts.  Each has an id, and ``[keys]`` in
config.toml remaps any of them by that id: this is the one list the help screen shows and the
config is checked against."""
from __future__ import annotations

from textual.binding import Binding

PANE = [
    Binding("j,down", "move(1)", "Next sentence", id="sentence_down", show=False),
    Binding("k,up", "move(-1)", "Previous sentence", id="sentence_up", show=False),
    Binding("}", "paragraph(1)", "Next paragraph", id="paragraph_down", show=False),
    Binding("{", "paragraph(-1)", "Previous paragraph", id="paragraph_up", show=False),
    Binding("pagedown,space,ctrl+f", "page(1)", "Page down", id="page_down", show=False),
    Binding("pageup,ctrl+b", "page(-1)", "Page up", id="page_up", show=False),
    Binding("g,home", "edge(-1)", "Top", id="top", show=False),
    Binding("G,end", "edge(1)", "Bottom", id="bottom", show=False),
    Binding("],ctrl+down", "aligned(1)", "Next aligned", id="next_aligned"),
    Binding("[,ctrl+up", "aligned(-1)", "Previous aligned", id="previous_aligned", show=False),
    Binding("v", "select", "Select", id="select"),
    Binding("w", "extend_word(1)", "Selection: extend by a word", id="select_word_right", show=False),
    Binding("b", "extend_word(-1)", "Selection: shrink by a word", id="select_word_left", show=False),
    Binding("dollar_sign", "extend_paragraph", "Selection: to paragraph end", id="select_paragraph_end", show=False),
    Binding("m", "mark", "Highlight", id="highlight"),
    Binding("escape", "cancel_selection", "Cancel selection", id="cancel_selection", show=False),
    Binding("y,ctrl+c", "copy", "Copy selection or sentence", id="copy", show=False),
]

APP = [
    Binding("enter,c", "jump_counterpart", "Counterpart", id="jump_counterpart"),
    Binding("tab,l,ctrl+right", "focus_pane(1)", "Next pane", id="next_pane", show=False),
    Binding("shift+tab,h,ctrl+left", "focus_pane(-1)", "Previous pane", id="previous_pane", show=False),
    Binding("s", "toggle_sync", "Sync", id="toggle_sync"),
    Binding("d", "toggle_detail", "Detail", id="toggle_detail"),
    Binding("a", "filter('shared')", "Only shared", id="only_shared", show=False),
    Binding("u", "filter('unique')", "Only unique", id="only_unique", show=False),
    Binding("slash", "search", "Search", id="search"),
    Binding("n", "search_next(1)", "Next match", id="search_next", show=False),
    Binding("N", "search_next(-1)", "Previous match", id="search_previous", show=False),
    Binding("o", "switch_article", "Articles", id="switch_article"),
    Binding("full_stop", "cycle_article(1)", "Next article in pane", id="next_article", show=False),
    Binding("comma", "cycle_article(-1)", "Previous article in pane", id="previous_article", show=False),
    Binding("plus,equals_sign", "threshold(1)", "Stricter", id="threshold_up", show=False),
    Binding("escape", "cancel_alignment", "Cancel the alignment running", id="cancel_alignment", show=False, priority=True),
    Binding("minus", "threshold(-1)", "Looser", id="threshold_down", show=False),
    Binding("t", "tag_highlight", "Tag / note", id="tag_highlight"),
    Binding("H", "highlights", "Highlights", id="highlights"),
    Binding("x", "export", "Export", id="export"),
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]

HIGHLIGHTS_PANEL = [
    Binding("escape", "close", "Close", id="close_highlights"),
    Binding("enter", "jump", "Jump", id="jump_highlight", show=False),
    Binding("e", "edit", "Edit tags/note", id="edit_highlight"),
    Binding("delete,x", "delete", "Delete", id="delete_highlight"),
    Binding("u,ctrl+z", "undo", "Undo delete", id="undo_delete"),
    Binding("r", "rename", "Rename tag", id="rename_tag"),
    Binding("a", "reattach", "Re-attach orphan", id="reattach_highlight"),
    Binding("down", "focus_list", "List", show=False, id="highlights_list"),
]

TAG_NOTE = [
    Binding("escape", "cancel", "Cancel", id="cancel_edit"),
    Binding("ctrl+s", "save", "Save", id="save_edit"),
    # a priority binding moves focus while the key is handled, so keys typed (or
    # pasted) right after Enter already go to the note
    Binding("enter", "to_note", "Tags done: to the note", id="tags_done", show=False, priority=True),
]

RENAME_TAG = [Binding("escape", "cancel", "Cancel", id="cancel_rename")]

SEARCH = [
    Binding("escape", "dismiss_none", "Cancel", id="close_search"),
    Binding("down", "focus_results", "Results", show=False, id="search_results"),
]

SWITCHER = [Binding("escape", "dismiss_none", "Cancel", id="close_switcher")]

HELP = [Binding("escape,q,question_mark", "dismiss", "Close help", id="close_help")]

SECTIONS: dict[str, list[Binding]] = {
    "Reading": [*PANE, *APP],
    "Highlights panel (H)": HIGHLIGHTS_PANEL,
    "Tag and note dialog": TAG_NOTE,
    "Rename tag dialog": RENAME_TAG,
    "Search (/)": SEARCH,
    "Article list (o)": SWITCHER,
    "Help": HELP,
}


def all_bindings() -> list[Binding]:
    return [b for bindings in SECTIONS.values() for b in bindings]


def binding_ids() -> set[str]:
    return {b.id for b in all_bindings() if b.id}
