"""Every key binding of the app, by where it acts.  Each has an id, and ``[keys]`` in
config.toml remaps any of them by that id: this is the one list the help screen shows and the
config is checked against."""
from __future__ import annotations

from dataclasses import replace

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
    Binding("W", "move_start(1)", "Selection: start a word later", id="select_start_right", show=False),
    Binding("B", "move_start(-1)", "Selection: start a word earlier", id="select_start_left", show=False),
    Binding("dollar_sign", "extend_paragraph", "Selection: to paragraph end", id="select_paragraph_end", show=False),
    Binding("escape", "cancel_selection", "Cancel selection", id="cancel_selection", show=False),
    Binding("y,ctrl+c", "copy", "Copy selection or sentence", id="copy", show=False),
]

APP = [
    Binding("m", "highlight", "Highlight", id="highlight"),
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
    Binding("L", "correct('link')", "Link passages (mark one, then its counterpart)", id="link_passage", show=False),
    Binding("U", "correct('unlink')", "Unlink a wrong link", id="unlink_passage", show=False),
    Binding("Q", "quotes", "Quotes: who said what", id="quotes", show=False),
    Binding("H", "highlights", "Highlights", id="highlights"),
    Binding("x", "export", "Export", id="export"),
    Binding("M", "story_map", "Map", id="story_map"),  # the story map; short: the footer keeps "? Help"
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]

# The main screen's keys act as the app receives them (priority), in the order they are typed:
# otherwise each goes round the focused pane first, and a key that opens a dialog (m, /, t, H)
# would open it after the keys typed behind it were taken as the main screen's.  In a dialog
# they do not act (ReaderApp.check_action).
PANE = [replace(b, priority=True) for b in PANE]
APP = [replace(b, priority=True) for b in APP]

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
    Binding("escape", "cancel", "Cancel (takes a new highlight back)", id="cancel_edit"),
    Binding("ctrl+s", "save", "Save", id="save_edit"),
    # priority bindings move the focus while the key is handled, so keys typed (or pasted)
    # right after Enter or Tab already go to the other field, however fast they come
    Binding("enter", "to_note", "Tags done: to the note", id="tags_done", show=False, priority=True),
    Binding("tab", "other_field", "Next field", id="next_field", show=False, priority=True),
    Binding("shift+tab", "other_field", "Previous field", id="previous_field", show=False, priority=True),
]

RENAME_TAG = [Binding("escape", "cancel", "Cancel", id="cancel_rename")]

SEARCH = [
    Binding("escape", "dismiss_none", "Cancel", id="close_search"),
    Binding("down", "focus_results", "Results", show=False, id="search_results"),
    Binding("ctrl+t", "toggle_scope", "This pane / all articles", id="search_scope"),
    Binding("ctrl+n", "toggle_variants", "Name variants on / off", id="search_variants"),
]

SWITCHER = [Binding("escape", "dismiss_none", "Cancel", id="close_switcher")]

CONFIRM_LINK = [
    Binding("enter,y", "confirm", "Link them", id="confirm_link"),
    Binding("escape,n", "cancel", "Cancel", id="cancel_link"),
]
UNLINK_CHOOSER = [Binding("escape", "dismiss_none", "Cancel", id="close_unlink")]

QUOTES = [
    Binding("escape,q", "close", "Close", id="close_quotes"),
    Binding("enter", "reveal", "Show in its pane", id="reveal_quote", show=False),
]

STORY_MAP = [Binding(key, action, description, id=binding_id) for key, action, description, binding_id in (
    ("escape,q,M", "close", "Close the map", "close_map"),
    ("s", "sort('sources')", "Sort: most sources first", "map_sort_sources"),
    ("p", "sort('position')", "Sort: in the cursor's source's order", "map_sort_position"),
    ("b", "filter('blind-spots')", "Blind spots of the cursor's source", "map_blind_spots"),
    ("u", "filter('only-one')", "What only one source reports", "map_only_one"),
    ("a", "filter('all')", "All facts", "map_all"),
    ("o", "choose_source", "Choose the source (column)", "map_choose_source"),
)]

MAP_MOVES = {"sentence_down": ("move(1, 0)", "next fact"), "sentence_up": ("move(-1, 0)", "previous fact"),
             "page_down": ("page(1)", "page down"), "page_up": ("page(-1)", "page up"),
             "top": ("edge(-1)", "first fact"), "bottom": ("edge(1)", "last fact")}  # the panes' keys, on the map
MAP_GRID = [
    *(Binding(b.key, MAP_MOVES[b.id][0], f"Map: {MAP_MOVES[b.id][1]}", id=f"map_{b.id}", show=False)
      for b in PANE if b.id in MAP_MOVES),
    Binding("l,right", "move(0, 1)", "Map: next source", id="map_right", show=False),
    Binding("h,left", "move(0, -1)", "Map: previous source", id="map_left", show=False),
    Binding("0", "side(-1)", "Map: first source", id="map_first_source", show=False),
    Binding("dollar_sign", "side(1)", "Map: last source", id="map_last_source", show=False),
    Binding("enter", "choose", "Open the passage", id="map_open"),
]

SCROLLS_HELP = ("sentence_down", "sentence_up", "page_down", "page_up", "top", "bottom")  # their keys scroll help
HELP = [
    Binding("escape,q,question_mark", "dismiss", "Close help", id="close_help"),
    *(Binding(b.key, b.action, b.description.replace("sentence", "line"), id=f"help_{b.id}", show=False)
      for b in PANE if b.id in SCROLLS_HELP),
]

SECTIONS: dict[str, list[Binding]] = {
    "Reading": [*PANE, *APP],
    "Highlights panel (H)": HIGHLIGHTS_PANEL,
    "Tag and note dialog": TAG_NOTE,
    "Rename tag dialog": RENAME_TAG,
    "Search (/)": SEARCH,
    "Article list (o)": SWITCHER,
    "Link dialog (L)": CONFIRM_LINK,
    "Unlink: which counterpart (U)": UNLINK_CHOOSER,
    "Quotes (Q)": QUOTES,
    "Story map (M)": [*STORY_MAP, *MAP_GRID],
    "Help": HELP,
}


def all_bindings() -> list[Binding]:
    return [b for bindings in SECTIONS.values() for b in bindings]


def binding_ids() -> set[str]:
    return {b.id for b in all_bindings() if b.id}
