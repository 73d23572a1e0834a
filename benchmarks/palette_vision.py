"""How far apart the group colours look, as drawn in the dark and light themes, with normal
vision and with deuteranopia, protanopia and tritanopia (Machado et al. 2009 simulation at
severity 1, CIEDE2000 distance: about 2 is just noticeable, over 10 easy to tell apart), and
the contrast of the marks against the background (WCAG ratio).

    python benchmarks/palette_vision.py
"""
from __future__ import annotations

from reader.ui.colour_vision import blend, closest_pair, contrast, hex_of, parse, readable
from reader.ui.palette import HUES, MARK_CONTRAST, SHADE_ON_LIGHT, TINT

THEMES = {"textual-dark": ("#121212", "#e0e0e0", "#fea62b"), "textual-light": ("#e0e0e0", "#1f1f1f", "#fea62b")}
VISION = ("normal", "deuteranopia", "protanopia", "tritanopia")


def main() -> None:
    print(f"palette: {' '.join(HUES)}")
    for theme, (bg_hex, fg_hex, accent) in THEMES.items():
        bg, fg = parse(bg_hex), parse(fg_hex)
        dark = theme.endswith("dark")
        bars = [parse(h) if dark else blend(parse(h), (0, 0, 0), SHADE_ON_LIGHT) for h in HUES]
        tints = [blend(bg, parse(h), TINT) for h in HUES]
        print(f"\n{theme} (background {bg_hex})")
        for what, colours in (("group bars", bars), ("text tints", tints)):
            cells = []
            for vision in VISION:
                distance, i, j = closest_pair(colours, vision)
                cells.append(f"{vision} {distance:5.1f} ({hex_of(colours[i])}~{hex_of(colours[j])})")
            print(f"  {what:10}  min pairwise CIEDE2000: " + "; ".join(cells))
        print(f"  contrast: bars >= {min(contrast(b, bg) for b in bars):.2f}, text on tints >= "
              f"{min(contrast(fg, t) for t in tints):.2f}, caret {contrast(readable(parse(accent), bg, MARK_CONTRAST), bg):.2f}")


if __name__ == "__main__":
    main()
