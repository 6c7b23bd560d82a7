"""Strips of in-between frames: the moving figure sampled every half second, to review motion.

A contact sheet shows the keyframes; a strip shows what the animation draws between them,
where a shin can swing into the air or an arm pass through the floor. Plain string
building; ``unkink figures frames FILE.png`` screenshots it like the contact sheet.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from html import escape

from unkink.domain.exercises import Exercise, Laterality
from unkink.figures import svg
from unkink.figures.animate import exercise_frames
from unkink.figures.scene import scene_for
from unkink.figures.timeline import Frame

EVERY_S = 0.5
STYLE = (
    "body{font:12px/1.3 system-ui,sans-serif;margin:12px;color:#1f2328;background:#fff}"
    "h2{font-size:14px;margin:12px 0 4px}.strip{display:flex;flex-wrap:wrap;gap:4px}"
    "figure{margin:0}img{width:128px;height:96px;object-fit:contain;display:block;"
    "background:#f7f5f0;border-radius:3px}figcaption{font-size:11px;color:#555}"
)


def sampled(frames: list[Frame], every_s: float = EVERY_S) -> list[tuple[float, Frame]]:
    """The frame shown at each multiple of ``every_s`` (the last one at or before it)."""
    if not frames:
        return []
    out, i, t = [], 0, 0.0
    while t <= frames[-1].t + 1e-9:
        while i + 1 < len(frames) and frames[i + 1].t <= t + 1e-9:
            i += 1
        out.append((t, frames[i]))
        t += every_s
    return out


def frame_svg(exercise: Exercise, side: str | None, frame: Frame, label: str) -> str:
    scene = scene_for(exercise, side)
    content = "".join(svg.prop_markup(scene)) + svg.figure_markup(frame.pose, scene)
    content += svg.highlight_markup(frame.pose, scene, frame.highlight)
    uid = f"{exercise.id}-frame-{label}"
    return svg.document(scene, uid=uid, title=f"{exercise.name}, {label}", desc="", content=content)


def frames_html(exercises: Iterable[Exercise], *, every_s: float = EVERY_S) -> str:
    rows = []
    for exercise in exercises:
        if not all(step.keyframes for step in exercise.steps):
            continue
        one_sided = exercise.laterality is Laterality.UNILATERAL
        for side in ("right", "left") if one_sided else (None,):
            intro, loop = exercise_frames(scene_for(exercise, side))
            cells = []
            for part, frames in (("intro", intro), ("loop", loop)):
                for t, frame in sampled(frames, every_s):
                    label = f"{part} {t:.1f}s step {frame.step + 1}"
                    data = base64.b64encode(frame_svg(exercise, side, frame, label).encode())
                    cells.append(
                        f'<figure><img alt="" src="data:image/svg+xml;base64,{data.decode()}">'
                        f"<figcaption>{escape(label)}</figcaption></figure>"
                    )
            name = escape(exercise.name + (f" ({side} side)" if side else ""))
            rows.append(f'<h2>{name}</h2><div class="strip">{"".join(cells)}</div>')
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>unkink frames</title>'
        f"<style>{STYLE}</style><body>{''.join(rows)}</body></html>"
    )
