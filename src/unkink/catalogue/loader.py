"""Reads exercise files: the shipped ones (via importlib.resources) and a user's own folder.

The only reader of catalogue files. Errors name the file, the field and, where it can be
found, the line, so a person editing TOML by hand can fix it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from unkink.catalogue.schema import ExerciseFile
from unkink.domain.errors import InvalidInput
from unkink.domain.exercises import BUILTIN_IDS, Catalogue, Exercise


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    field: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class CatalogueError(InvalidInput):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(
            f"{len(problems)} problem(s) in exercise files:\n{lines}\n"
            "Fix the named field and run 'unkink catalogue check PATH' again."
        )


MAX_FILE_BYTES = 256 * 1024
"""An exercise file is a few KiB; anything past this is not one (or is /dev/zero)."""
TOO_DEEP = "its lists or tables are nested too deeply to be an exercise file"


def parse_exercise(text: str, name: str) -> Exercise:
    """Parse and validate one file's text; raise CatalogueError naming file, field and line."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        raise CatalogueError([Problem(name, "(file)", line, f"not valid TOML: {exc}")]) from None
    except RecursionError:
        raise CatalogueError([Problem(name, "(file)", None, TOO_DEEP)]) from None
    try:
        return ExerciseFile.model_validate(raw).to_domain()
    except RecursionError:
        raise CatalogueError([Problem(name, "(file)", None, TOO_DEEP)]) from None
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = ".".join(str(p) for p in loc) or "(file)"
            problems.append(Problem(name, field, _line_of(text, loc), _plain(err)))
        raise CatalogueError(problems) from None


def _plain(err: object) -> str:
    assert isinstance(err, dict)
    msg = str(err["msg"])
    if err["type"] == "missing":
        return "this field is required but missing"
    if err["type"] == "extra_forbidden":
        return "this field is not part of the format (check its spelling)"
    return msg.removeprefix("Value error, ")


def _line_of(text: str, loc: tuple[object, ...]) -> int | None:
    """Best-effort line number for a validation error location in a TOML text."""
    keys = [p for p in loc if isinstance(p, str)]
    if not keys:
        return None
    lines = text.splitlines()
    start = 0
    if len(loc) >= 2 and isinstance(loc[1], int):
        # an item of an array of tables, e.g. ("steps", 2, "seconds")
        header = re.compile(rf"^\s*\[\[\s*{re.escape(str(loc[0]))}\s*\]\]")
        seen = -1
        for i, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == loc[1]:
                    start = i
                    break
        else:
            return None
        keys = [k for k in keys[1:]] or [str(loc[0])]
        if len(loc) == 2:
            return start + 1
    key = re.compile(rf"^\s*{re.escape(keys[0])}\s*[=.]")
    for i in range(start, len(lines)):
        if key.match(lines[i]) or re.match(rf"^\s*\[\s*{re.escape(keys[0])}\s*\]", lines[i]):
            return i + 1
    return start + 1 if start else None


def load_builtin() -> Catalogue:
    """The seven shipped exercises, in their stable order."""
    data = resources.files("unkink.catalogue") / "data"
    exercises = []
    problems: list[Problem] = []
    for exercise_id in BUILTIN_IDS:
        name = exercise_id.replace("_", "-") + ".toml"
        try:
            exercises.append(parse_exercise((data / name).read_text("utf-8"), name))
        except CatalogueError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(tuple(exercises))


def load_folder(folder: Path) -> tuple[list[Exercise], list[Problem]]:
    """Every ``*.toml`` in a folder (or one file); returns what parsed and what did not."""
    files = [folder] if folder.is_file() else sorted(folder.glob("*.toml"))
    exercises: list[Exercise] = []
    problems: list[Problem] = []
    for path in files:
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                problems.append(Problem(str(path), "(file)", None, "too large to be one"))
                continue
            exercises.append(parse_exercise(data.decode("utf-8"), str(path)))
        except CatalogueError as exc:
            problems.extend(exc.problems)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), "(file)", None, f"cannot read it: {exc}"))
    return exercises, problems


def load_catalogue(
    user_folder: Path | None = None, *, report: Callable[[str], None] | None = None
) -> Catalogue:
    """Shipped exercises plus a user's own; a user file may not reuse a shipped id.

    A bad user file never costs the built-ins: it is skipped, and ``report`` is told why
    (a file at a time: 'unkink catalogue check' lists every problem).
    """
    catalogue = load_builtin()
    if user_folder is None or not user_folder.exists():
        return catalogue
    extra, problems = load_folder(user_folder)
    kept: list[Exercise] = []
    for exercise in extra:
        if exercise.id in catalogue or exercise.id in {e.id for e in kept}:
            problems.append(
                Problem(str(user_folder), "id", None, f"'{exercise.id}' is already taken")
            )
        else:
            kept.append(exercise)
    if report is not None:
        for file in dict.fromkeys(p.file for p in problems):
            first = next(p for p in problems if p.file == file)
            report(
                f"skipped your exercise file {first} "
                f"(check it with 'unkink catalogue check {user_folder}')."
            )
    return Catalogue(catalogue.exercises + tuple(kept))
