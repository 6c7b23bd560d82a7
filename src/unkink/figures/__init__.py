"""Original figures of every step, drawn from the poses in the catalogue (CC0).

``render_step_svg`` draws one step; ``render_held_svg`` the held pose that stands for the
stretch (thumbnails); ``render_exercise_animated_svg`` moves through the steps.
"""

from unkink.figures.animate import render_exercise_animated_svg, render_step_moving_svg
from unkink.figures.svg import render_held_svg, render_step_svg

__all__ = [
    "render_exercise_animated_svg",
    "render_held_svg",
    "render_step_moving_svg",
    "render_step_svg",
]
