"""The story map: which source reports which fact, and how (copied, paraphrased, partly).

``build_map(alignment)`` gives the facts x sources table; ``view_rows(map, View(...))`` its
rows sorted and filtered (blind spots of a source, what only one source reports)."""
from reader.storymap.table import (
    COPIED,
    NONE,
    ONLY,
    PARAPHRASED,
    PARTLY,
    Cell,
    Row,
    StoryMap,
    build_map,
    label,
)
from reader.storymap.views import ALL, BLIND_SPOTS, ONLY_ONE, POSITION, SOURCES, View, describe, view_rows

__all__ = ["ALL", "BLIND_SPOTS", "COPIED", "Cell", "NONE", "ONLY", "ONLY_ONE", "PARAPHRASED", "PARTLY",
           "POSITION", "Row", "SOURCES", "StoryMap", "View", "build_map", "describe", "label", "view_rows"]
