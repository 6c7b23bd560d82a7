"""The moving figure: one SVG that goes through an exercise's steps at the pace of the cues.

The setup steps play once, then the repeated steps loop. Poses between keyframes are
found by easing the joint angles and placing each in-between pose by the contacts both
ends share, so a knee on the floor stays on the floor. Paths morph with SMIL; under
``prefers-reduced-motion`` a still of the held pose shows instead.
"""

from __future__ import annotations

from unkink.domain.exercises import Exercise, Phase
from unkink.figures import body, svg
from unkink.figures.paths import num
from unkink.figures.scene import Scene, scene_for
from unkink.figures.timeline import HOLD_SHOWN_S, Frame, Mover, timeline


def render_exercise_animated_svg(exercise: Exercise, *, side: str | None = None) -> str:
    """An animated figure of the whole exercise for ``side`` (``None``: the stored side)."""
    scene = scene_for(exercise, side)
    intro, loop = exercise_frames(scene)
    held = svg.held_step(exercise)
    still_pose = scene.place(scene.keyframes(held)[-1])
    still = svg.figure_markup(still_pose, scene) + svg.highlight_markup(
        still_pose, scene, held.highlight
    )
    uid = f"{exercise.id}-moving-{scene.side or 'both'}"
    moving = _moving_markup(scene, intro, loop, uid)
    content = "".join(svg.prop_markup(scene))
    content += f'<g class="moving">{moving}</g><g class="still">{still}</g>'
    title = f"{exercise.name}, moving" + (f", {scene.side} side" if scene.side else "")
    desc = _describe(exercise, scene)
    return svg.document(scene, uid=uid, title=title, desc=desc, content=content, animated=True)


def render_step_moving_svg(exercise: Exercise, step_index: int, *, side: str | None = None) -> str:
    """Step ``step_index`` moving once, at its own pace, from where it starts to its pose.

    The movement starts when the figure is shown, so showing it when the step starts keeps
    the drawing in time with the words; it then stays in the step's pose. Under
    ``prefers-reduced-motion`` the still of the step's pose shows instead.
    """
    scene = scene_for(exercise, side)
    step = exercise.steps[step_index]
    keys = scene.keyframes(step)
    start = svg.previous_keyframe(scene, step_index) or keys[0]
    frames = timeline(Mover(scene), start, [step], real=True)
    pose = scene.place(keys[-1])
    still = svg.figure_markup(pose, scene) + svg.highlight_markup(pose, scene, step.highlight)
    uid = f"{exercise.id}-{step_index + 1}-moving-{scene.side or 'both'}"
    moving = _moving_markup(scene, frames, frames[-1:], uid)
    content = "".join(svg.prop_markup(scene))
    content += f'<g class="moving">{moving}</g><g class="still">{still}</g>'
    number = f"step {step_index + 1} of {len(exercise.steps)}"
    title = f"{exercise.name}, {number}, moving" + (f", {scene.side} side" if scene.side else "")
    desc = svg.describe_step(exercise, step, scene)
    return svg.document(scene, uid=uid, title=title, desc=desc, content=content, animated=True)


def exercise_frames(scene: Scene) -> tuple[list[Frame], list[Frame]]:
    """The frames of the moving figure: getting into place once, then the repeated loop."""
    exercise = scene.exercise
    mover = Mover(scene)
    setup = [s for s in exercise.steps if s.phase is not Phase.REP]
    reps = list(exercise.rep_steps)
    loop_start = scene.keyframes(reps[-1])[-1]
    first = scene.keyframes(setup[0])[0] if setup else loop_start
    intro = timeline(mover, first, setup, end_on=loop_start)
    loop = timeline(mover, loop_start, reps)
    return intro, loop


def _moving_markup(scene: Scene, intro: list[Frame], loop: list[Frame], uid: str) -> str:
    reference = body.groups(loop[0].pose, scene.camera)
    per_frame = [
        {p.name: p.d for g in body.groups(f.pose, scene.camera) for p in g.parts}
        for f in intro + loop
    ]
    defs, uses = [], []
    for group in reference:
        names = [p.name for p in group.parts if all(p.name in d for d in per_frame)]
        kinds = {p.name: p.kind for p in group.parts}
        for name in names:
            values = [d[name] for d in per_frame]
            moves = _animate("d", values, intro, loop) if len(set(values)) > 1 else ""
            defs.append(f'<path id="{uid}-{name}" d="{values[len(intro)]}">{moves}</path>')
        uses += [f'<use href="#{uid}-{n}" class="o"/>' for n in names if kinds[n] != "eye"]
        uses += [f'<use href="#{uid}-{n}" class="{kinds[n]}"/>' for n in names]
    marks = []
    for region in sorted({f.highlight for f in intro + loop if f.highlight}):
        spots = [body.highlight(f.pose, scene.camera, region) for f in intro + loop]
        shown = ["1" if f.highlight == region else "0" for f in intro + loop]
        cls = "hl behind" if spots[len(intro)][1] else "hl"
        marks.append(
            f'<path class="{cls}" d="{spots[len(intro)][0]}" opacity="0">'
            + _animate("d", [s[0] for s in spots], intro, loop)
            + _animate("opacity", shown, intro, loop, discrete=True)
            + "</path>"
        )
    return f"<defs>{''.join(defs)}</defs>{''.join(uses)}{''.join(marks)}"


def _animate(
    attribute: str,
    values: list[str],
    intro: list[Frame],
    loop: list[Frame],
    *,
    discrete: bool = False,
) -> str:
    """The intro once (then frozen), and from its end the loop, forever."""
    mode = ' calcMode="discrete"' if discrete else ""
    intro_s = intro[-1].t if len(intro) > 1 else 0.0
    out = ""
    if len(intro) > 1:
        out += _one(attribute, intro, values[: len(intro)], "0s", ' fill="freeze"', mode)
    if len(loop) < 2:
        return out
    begin = f"{num(intro_s)}s"
    out += _one(attribute, loop, values[len(intro) :], begin, ' repeatCount="indefinite"', mode)
    return out


def _one(
    attribute: str, frames: list[Frame], values: list[str], begin: str, extra: str, mode: str
) -> str:
    total = frames[-1].t or 1.0
    times = ";".join(f"{f.t / total:.4f}".rstrip("0").rstrip(".") or "0" for f in frames)
    return (
        f'<animate attributeName="{attribute}" begin="{begin}" dur="{num(total)}s"{extra}{mode}'
        f' keyTimes="{times}" values="{";".join(values)}"/>'
    )


def _describe(exercise: Exercise, scene: Scene) -> str:
    words = [f"A moving drawing of a person doing the {exercise.name.lower()} stretch."]
    words += [s.text_for(scene.side) for s in exercise.steps]
    words.append(
        f"Moves keep the pace of the spoken cues; holds are shortened to {HOLD_SHOWN_S:g} seconds."
    )
    return " ".join(words)
