"""Original figures of every step, drawn from the poses in the catalogue (CC0).

``render_step_svg`` draws one step; ``render_exercise_animated_svg`` moves through them.
"""
