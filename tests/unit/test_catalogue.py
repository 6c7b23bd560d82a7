"""Every shipped exercise file validates; malformed files are rejected with file, field and line."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from unkink.catalogue.loader import (
    CatalogueError,
    load_builtin,
    load_catalogue,
    load_folder,
    parse_exercise,
)
from unkink.domain.errors import UnknownExercise
from unkink.domain.exercises import BUILTIN_IDS, Movement, Phase, Source

DATA = resources.files("unkink.catalogue") / "data"
GOOD = (DATA / "bridge.toml").read_text("utf-8")


def test_the_seven_builtin_exercises_load_in_a_stable_order() -> None:
    assert load_builtin().ids == BUILTIN_IDS


@pytest.mark.parametrize("exercise_id", BUILTIN_IDS)
def test_each_shipped_file_has_steps_dosage_and_provenance(exercise_id: str) -> None:
    exercise = load_builtin().get(exercise_id)
    assert exercise.rep_steps, "every exercise repeats something"
    assert any(s.hold for s in exercise.steps), "every exercise has at least one timed hold"
    for step in exercise.steps:
        assert step.seconds.source in (Source.GUIDE, Source.EVIDENCE)
        assert step.seconds.low <= step.seconds.value <= step.seconds.high
    assert exercise.reps.value >= 1


def test_holds_follow_the_evidence_where_the_guide_is_too_short() -> None:
    catalogue = load_builtin()
    for exercise_id in ("butterfly", "kneeling_extension"):
        holds = [s.seconds for s in catalogue.get(exercise_id).steps if s.hold]
        assert all(10 <= h.value <= 30 and h.source is Source.EVIDENCE for h in holds)


def test_cat_camel_pauses_seconds_not_minutes() -> None:
    holds = [s for s in load_builtin().get("cat_camel").steps if s.hold]
    assert len(holds) == 2
    assert all(2 <= s.seconds.value <= 5 for s in holds)


def test_kneeling_extension_is_treated_as_flexion() -> None:
    assert load_builtin().get("kneeling_extension").movements == (Movement.FLEXION,)


def test_step_text_is_our_own_words_not_the_guides(tmp_path: Path) -> None:
    guide = Path(__file__).parents[3] / "shared" / "seed" / "back-cracking-guide.txt"
    if not guide.exists():
        pytest.skip("the shared seed guide is not beside this checkout")
    words = re.findall(r"[a-z']+", guide.read_text("utf-8").lower())
    guide_runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    for exercise in load_builtin():
        for text in [s.text for s in exercise.steps] + [exercise.summary, *exercise.cautions]:
            ours = re.findall(r"[a-z']+", text.lower())
            runs = {" ".join(ours[i : i + 8]) for i in range(len(ours) - 7)}
            assert not runs & guide_runs, f"{exercise.id}: '{text}' repeats the guide"


def test_duration_counts_setup_once_and_each_side() -> None:
    twist = load_builtin().get("chair_twist")
    setup = sum(s.seconds.value for s in twist.setup_steps)
    side = sum(s.seconds.value for s in twist.side_steps)
    cycle = sum(s.seconds.value for s in twist.rep_steps)
    n, rest = twist.reps.value, twist.rest_s.value
    assert twist.duration_s() == setup + 2 * (side + n * cycle + (n - 1) * rest) + 5
    assert twist.duration_s(reps=n + 1) > twist.duration_s()


def test_unknown_id_suggests_close_matches() -> None:
    with pytest.raises(UnknownExercise) as info:
        load_builtin().get("brigde")
    assert "bridge" in info.value.close_matches
    assert "Did you mean: bridge" in str(info.value)


def _problem(text: str) -> CatalogueError:
    with pytest.raises(CatalogueError) as info:
        parse_exercise(text, "mine.toml")
    return info.value


def test_missing_field_names_the_file_and_field() -> None:
    error = _problem(GOOD.replace('name = "Bridge"\n', ""))
    assert [(p.file, p.field) for p in error.problems] == [("mine.toml", "name")]
    assert "required" in error.problems[0].message


def test_wrong_type_names_the_field_and_its_line() -> None:
    text = GOOD.replace("difficulty = 2", 'difficulty = "hard"')
    error = _problem(text)
    (problem,) = error.problems
    assert problem.field == "difficulty"
    assert problem.line == text.splitlines().index('difficulty = "hard"') + 1


def test_problem_inside_a_step_points_at_that_step() -> None:
    lines = GOOD.splitlines()
    fourth = [i for i, line in enumerate(lines) if line.startswith("[[steps]]")][3]
    bad = "\n".join(lines).replace("hold = true", "hold = 7", 1)
    error = _problem(bad)
    assert error.problems[0].field == "steps.3.hold"
    assert error.problems[0].line is not None and error.problems[0].line > fourth


def test_broken_toml_reports_the_line() -> None:
    error = _problem(GOOD.replace("difficulty = 2", "difficulty = = 2"))
    assert error.problems[0].line == GOOD.splitlines().index("difficulty = 2") + 1


def test_unknown_field_is_rejected_not_ignored() -> None:
    error = _problem('colour = "blue"\n' + GOOD)
    assert error.problems[0].field == "colour"
    assert error.problems[0].line == 1


def test_user_folder_adds_exercises_and_may_not_reuse_builtin_ids(tmp_path: Path) -> None:
    mine = GOOD.replace('id = "bridge"', 'id = "my_bridge"')
    (tmp_path / "my-bridge.toml").write_text(mine)
    catalogue = load_catalogue(tmp_path)
    assert catalogue.ids[-1] == "my_bridge" and len(catalogue) == 8
    (tmp_path / "copy.toml").write_text(GOOD)
    told: list[str] = []
    assert len(load_catalogue(tmp_path, report=told.append)) == 8  # the copy is skipped
    assert "already taken" in told[0] and "unkink catalogue check" in told[0]


def test_a_bad_user_file_is_reported_and_skipped_never_fatal(tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text("x = " + "[" * 500 + "]" * 500)
    (tmp_path / "typed.toml").write_text(GOOD.replace("difficulty = 2", "difficulty = true"))
    (tmp_path / "big.toml").write_bytes(b"#" * (300 * 1024))
    told: list[str] = []
    catalogue = load_catalogue(tmp_path, report=told.append)
    assert len(catalogue) == 7 and len(told) == 3
    assert any("nested too deeply" in line for line in told)


@pytest.mark.parametrize(
    ("old", "new"),
    [("difficulty = 2", "difficulty = true"), ("difficulty = 2", 'difficulty = "2"')],
)
def test_numbers_are_strict(old: str, new: str) -> None:
    assert old in GOOD
    assert _problem(GOOD.replace(old, new)).problems[0].field == "difficulty"


def test_a_seconds_value_given_as_text_is_refused() -> None:
    import re

    text = re.sub(r"value = (\d+)", r'value = "\1"', GOOD, count=1)
    assert text != GOOD
    assert "value" in _problem(text).problems[0].field


def test_load_folder_reports_every_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD.replace("[reps]", "[repz]"))
    (tmp_path / "b.toml").write_text("not toml at all = = =")
    found, problems = load_folder(tmp_path)
    assert found == []
    assert {Path(p.file).name for p in problems} == {"a.toml", "b.toml"}


def test_setup_steps_come_before_repeats_in_every_file() -> None:
    for exercise in load_builtin():
        phases = [s.phase for s in exercise.steps]
        first_rep = phases.index(Phase.REP)
        assert Phase.SETUP not in phases[first_rep:], exercise.id
