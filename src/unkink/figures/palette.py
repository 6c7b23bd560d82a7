"""Colours of the figures in light and dark themes, and the CSS that applies them.

Chosen so the figure, its outline, props and the highlight each stand out from the
background by at least 3:1 (WCAG 1.4.11, non-text contrast); ``tests/unit/test_figures.py``
checks the ratios.
"""

from __future__ import annotations

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#f7f5f0",
        "figure": "#2d7370",
        "far": "#5a938e",
        "outline": "#173a3d",
        "eye": "#f7f5f0",
        "ghost": "#c9d6d3",
        "floor": "#6b6a66",
        "mat": "#c9d9d5",
        "chair": "#8a6a48",
        "chair_top": "#b89872",
        "rug": "#e8e3d8",
        "highlight": "#c2410c",
    },
    "dark": {
        "bg": "#171b20",
        "figure": "#7cc7c0",
        "far": "#4c8f89",
        "outline": "#0b1012",
        "eye": "#171b20",
        "ghost": "#34403f",
        "floor": "#9aa0a6",
        "mat": "#26302f",
        "chair": "#b08d66",
        "chair_top": "#7a6146",
        "rug": "#222830",
        "highlight": "#fb923c",
    },
}

CONTRAST_PAIRS = (
    ("figure", "bg"),
    ("far", "bg"),
    ("floor", "bg"),
    ("chair", "bg"),
    ("highlight", "bg"),
)
"""(foreground, background) pairs that must reach 3:1 in every theme."""


SCOPE = "svg.unkink-figure"
"""Every rule is scoped to the figure, so an SVG pasted into a page styles nothing else."""


def _rules(c: dict[str, str]) -> str:
    rules = {
        ".bg": f"fill:{c['bg']}",
        ".o": f"fill:{c['outline']};stroke:{c['outline']};stroke-width:2.2;stroke-linejoin:round",
        ".trunk,.near": f"fill:{c['figure']}",
        ".far": f"fill:{c['far']}",
        ".eye": f"fill:{c['eye']}",
        ".ghost path": f"fill:{c['ghost']}",
        ".floor": f"fill:none;stroke:{c['floor']};stroke-width:0.8;stroke-linecap:round",
        ".mat": f"fill:{c['mat']};stroke:{c['floor']};stroke-width:0.4",
        ".rug": f"fill:{c['rug']}",
        ".chair": f"fill:{c['chair']};stroke:{c['outline']};stroke-width:0.5;stroke-linejoin:round",
        ".chair-top": f"fill:{c['chair_top']};stroke:{c['outline']};stroke-width:0.5",
        ".hl": f"fill:{c['highlight']};fill-opacity:.3;stroke:{c['highlight']};stroke-width:1.2",
        ".hl.behind": "fill:none;stroke-dasharray:2.4 1.8",
    }
    return "".join(f"{_scoped(selector)}{{{body}}}" for selector, body in rules.items())


def _scoped(selector: str) -> str:
    return ",".join(f"{SCOPE} {part}" for part in selector.split(","))


def css(*, animated: bool = False) -> str:
    """The style sheet: light by default, dark when the viewer prefers it."""
    text = _rules(THEMES["light"])
    text += f"@media (prefers-color-scheme: dark){{{_rules(THEMES['dark'])}}}"
    if animated:
        text += f"{_scoped('.still')}{{display:none}}"
        text += (
            "@media (prefers-reduced-motion: reduce){"
            f"{_scoped('.moving')}{{display:none}}{_scoped('.still')}{{display:inline}}}}"
        )
    return text


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
