"""One still SVG per step: the pose the step asks for, over a faint copy of where it started.

Plain string building; each document has a title, a description, a CC0 notice in its
metadata and references nothing outside itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from unkink.domain.body.placement import PlacedPose
from unkink.domain.body.pose import Keyframe
from unkink.domain.exercises import Exercise, Phase, Step
from unkink.figures import body, palette
from unkink.figures.scene import Scene, scene_for

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
GHOST_MIN_MOVE_CM = 6.0
PIXELS_PER_CM = 2.0
REGION_WORDS = {
    "upper_back": "the upper back, between the shoulder blades",
    "mid_back": "the middle of the back",
    "lower_back": "the lower back",
    "hips": "the hips and bottom",
}


def render_step_svg(exercise: Exercise, step_index: int, *, side: str | None = None) -> str:
    """A still figure of step ``step_index`` (0-based) of ``exercise``, for ``side``."""
    scene = scene_for(exercise, side)
    step = exercise.steps[step_index]
    pose = scene.place(scene.keyframes(step)[-1])
    before = previous_keyframe(scene, step_index)
    content = "".join(prop_markup(scene))
    if before is not None and _moved(scene, scene.place(before), pose):
        content += (
            f'<g class="ghost">{figure_markup(scene.place(before), scene, outline=False)}</g>'
        )
    content += figure_markup(pose, scene)
    content += highlight_markup(pose, scene, step.highlight)
    number = f"step {step_index + 1} of {len(exercise.steps)}"
    title = f"{exercise.name}, {number}" + (f", {scene.side} side" if scene.side else "")
    desc = describe_step(exercise, step, scene)
    uid = f"{exercise.id}-{step_index + 1}-{scene.side or 'both'}"
    return document(scene, uid=uid, title=title, desc=desc, content=content)


def held_step(exercise: Exercise) -> Step:
    """The step whose pose stands for the stretch: its first hold (or the middle repeat)."""
    reps = list(exercise.rep_steps)
    return next((s for s in reps if s.hold), reps[len(reps) // 2])


def render_held_svg(exercise: Exercise, *, side: str | None = None) -> str:
    """The stretch's characteristic held pose, alone: the thumbnail in lists of stretches."""
    scene = scene_for(exercise, side)
    step = held_step(exercise)
    pose = scene.place(scene.keyframes(step)[-1])
    content = "".join(prop_markup(scene)) + figure_markup(pose, scene)
    content += highlight_markup(pose, scene, step.highlight)
    title = f"{exercise.name}, the held pose" + (f", {scene.side} side" if scene.side else "")
    uid = f"{exercise.id}-held-{scene.side or 'both'}"
    desc = describe_step(exercise, step, scene)
    return document(scene, uid=uid, title=title, desc=desc, content=content)


def describe_step(exercise: Exercise, step: Step, scene: Scene) -> str:
    words = f"A drawing of a person doing the {exercise.name.lower()} stretch. "
    words += step.text_for(scene.side)
    if step.highlight:
        words += f" The shaded circle marks where you may feel it: {REGION_WORDS[step.highlight]}."
    return words


def previous_keyframe(scene: Scene, step_index: int) -> Keyframe | None:
    """The pose a step starts from: the step before it, or for the first repeat, the last one."""
    steps = scene.exercise.steps
    step = steps[step_index]
    if len(scene.keyframes(step)) > 1:
        return scene.keyframes(step)[0]
    if step.phase is Phase.REP and step_index == steps.index(scene.exercise.rep_steps[0]):
        return scene.keyframes(scene.exercise.rep_steps[-1])[-1]
    if step_index == 0:
        return None
    return scene.keyframes(steps[step_index - 1])[-1]


def _moved(scene: Scene, a: PlacedPose, b: PlacedPose) -> bool:
    moves = (
        abs(scene.camera.project(a.position(n))[i] - scene.camera.project(b.position(n))[i])
        for n in a.points
        for i in (0, 1)
    )
    return max(moves) > GHOST_MIN_MOVE_CM


def prop_markup(scene: Scene) -> Iterable[str]:
    for cls, d in scene.prop_shapes():
        yield f'<path class="{cls}" d="{d}"/>'


def figure_markup(pose: PlacedPose, scene: Scene, *, outline: bool = True) -> str:
    out = []
    for group in body.groups(pose, scene.camera):
        if outline:
            out += [f'<path class="o" d="{p.d}"/>' for p in group.parts if p.kind != "eye"]
        out += [f'<path class="{p.kind}" d="{p.d}"/>' for p in group.parts]
    return "".join(out)


def highlight_markup(pose: PlacedPose, scene: Scene, region: str) -> str:
    if not region:
        return ""
    d, behind = body.highlight(pose, scene.camera, region)
    cls = "hl behind" if behind else "hl"
    return f'<path class="{cls}" d="{d}"/>'


def document(
    scene: Scene, *, uid: str, title: str, desc: str, content: str, animated: bool = False
) -> str:
    """The whole SVG. ``uid`` prefixes its ids, so several figures can share one HTML page."""
    x, y, w, h = scene.view_box
    box = f"{x:g} {y:g} {w:g} {h:g}"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="unkink-figure" role="img"'
        f' aria-labelledby="{uid}-t {uid}-d"'
        f' viewBox="{box}" width="{round(w * PIXELS_PER_CM)}" height="{round(h * PIXELS_PER_CM)}">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
        f"{metadata(title)}<style>{palette.css(animated=animated)}</style>"
        f'<rect class="bg" x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="4"/>'
        f"{content}</svg>\n"
    )


def metadata(title: str) -> str:
    return (
        "<metadata>"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<cc:Work><dc:title>{escape(title)}</dc:title>"
        "<dc:creator>unkink contributors</dc:creator>"
        "<dc:rights>Original work, dedicated to the public domain under CC0 1.0.</dc:rights>"
        f"<cc:license rdf:resource={quoteattr(CC0)}/></cc:Work>"
        "</rdf:RDF></metadata>"
    )
