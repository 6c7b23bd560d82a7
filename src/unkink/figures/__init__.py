"""Original figures of every step, drawn from the poses in the catalogue (CC0).

``render_step_svg`` draws one step; ``render_exercise_animated_svg`` moves through them.
"""

from unkink.figures.animate import render_exercise_animated_svg
from unkink.figures.svg import render_step_svg

__all__ = ["render_exercise_animated_svg", "render_step_svg"]
