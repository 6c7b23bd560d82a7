"""The SVG figures: well-formed, self-contained, described, licensed, readable in both themes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.exercises import Exercise, Laterality
from unkink.figures import palette, timeline
from unkink.figures.animate import exercise_frames, render_exercise_animated_svg
from unkink.figures.scene import FigureError, scene_for
from unkink.figures.svg import CC0, render_step_svg

SVG = "{http://www.w3.org/2000/svg}"
CATALOGUE = load_builtin()
EXERCISES = list(CATALOGUE)


def _documents() -> list[tuple[str, str]]:
    docs = []
    for exercise in EXERCISES:
        one_sided = exercise.laterality is Laterality.UNILATERAL
        for side in ("right", "left") if one_sided else (None,):
            for i in range(len(exercise.steps)):
                docs.append(
                    (f"{exercise.id}-{i + 1}-{side}", render_step_svg(exercise, i, side=side))
                )
            docs.append(
                (
                    f"{exercise.id}-animated-{side}",
                    render_exercise_animated_svg(exercise, side=side),
                )
            )
    return docs


DOCUMENTS = _documents()


@pytest.mark.parametrize(("name", "text"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_every_figure_parses_and_is_described_in_plain_words(name: str, text: str) -> None:
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and len(title.text) > 5
    assert desc is not None and desc.text and "person" in desc.text
    assert root.get("role") == "img"


@pytest.mark.parametrize(("name", "text"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_every_figure_carries_the_cc0_licence(name: str, text: str) -> None:
    root = ET.fromstring(text)
    metadata = root.find(f"{SVG}metadata")
    assert metadata is not None
    licence = metadata.find(".//{http://creativecommons.org/ns#}license")
    assert licence is not None
    assert licence.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource") == CC0


@pytest.mark.parametrize(("name", "text"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_every_figure_references_nothing_outside_itself(name: str, text: str) -> None:
    root = ET.fromstring(text)
    for element in root.iter():
        for key, value in element.attrib.items():
            if key.endswith("href") or key == "src":
                assert value.startswith("#"), (element.tag, value)
    style = "".join(e.text or "" for e in root.iter(f"{SVG}style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "<image" not in text and "<script" not in text and "<foreignObject" not in text


def test_colours_reach_three_to_one_contrast_in_light_and_dark_themes() -> None:
    for theme, colours in palette.THEMES.items():
        for fg, bg in palette.CONTRAST_PAIRS:
            ratio = palette.contrast(colours[fg], colours[bg])
            assert ratio >= 3.0, (theme, fg, bg, round(ratio, 2))


def test_the_style_switches_theme_and_stills_the_animation_on_request() -> None:
    text = render_exercise_animated_svg(CATALOGUE.get("cat_camel"))
    assert "@media (prefers-color-scheme: dark)" in text
    assert (
        "@media (prefers-reduced-motion: reduce){svg.unkink-figure .moving{display:none}"
        "svg.unkink-figure .still{display:inline}}" in text
    )
    root = ET.fromstring(text)
    groups = {g.get("class") for g in root.iter(f"{SVG}g")}
    assert {"moving", "still"} <= groups


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_animation_loops_at_the_pace_of_the_cues(exercise: Exercise) -> None:
    text = render_exercise_animated_svg(exercise)
    loops = re.findall(r'<animate attributeName="d" begin="[^"]+" dur="([\d.]+)s" repeat', text)
    assert loops, "some part moves"
    expected = sum(
        min(s.seconds.value, timeline.HOLD_SHOWN_S) if s.hold else s.seconds.value
        for s in exercise.rep_steps
    )
    assert float(loops[0]) == pytest.approx(expected, abs=0.05)


def test_one_sided_figures_mirror_the_stored_side() -> None:
    exercise = CATALOGUE.get("knee_to_chest")
    right = render_step_svg(exercise, 3, side="right")
    left = render_step_svg(exercise, 3, side="left")
    assert right != left
    assert "Keep your left leg long" in right and "Keep your right leg long" in left
    assert render_step_svg(exercise, 3) == right


def test_a_bad_side_is_refused_plainly() -> None:
    with pytest.raises(FigureError, match="side must be"):
        render_step_svg(CATALOGUE.get("bridge"), 0, side="up")


DOC_FIGURES = {
    "figure-cat-camel.svg": ("cat_camel", None),
    "figure-bridge.svg": ("bridge", 3),
    "figure-chair-twist.svg": ("chair_twist", 4),
}


@pytest.mark.parametrize("name", sorted(DOC_FIGURES))
def test_the_figures_in_the_docs_are_current(name: str) -> None:
    exercise_id, step = DOC_FIGURES[name]
    exercise = CATALOGUE.get(exercise_id)
    fresh = (
        render_exercise_animated_svg(exercise) if step is None else render_step_svg(exercise, step)
    )
    kept = (Path(__file__).parents[2] / "docs" / "img" / name).read_text("utf-8")
    assert kept == fresh, f"docs/img/{name} is stale: regenerate it as docs/figures.md says"


def test_a_strip_samples_the_moving_figure_every_half_second() -> None:
    from unkink.figures.strip import frames_html, sampled

    scene = scene_for(CATALOGUE.get("bridge"))
    intro, loop = exercise_frames(scene)
    times = [t for t, _ in sampled(loop)]
    assert times[0] == 0 and times[1] == 0.5 and times[-1] <= loop[-1].t
    page = frames_html([CATALOGUE.get("bridge")])
    assert page.count("<img") == len(sampled(intro)) + len(sampled(loop))
