"""The code's data against the specification text itself (``shared/docs/safety-evidence.md``).

Parses the §3 precautions table (every cell) and the §2.4 field list from the markdown and
compares them with the code, so a change on either side is caught. The specification lives
beside the clone (``../shared``); without it these tests are skipped.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from unkink.domain.exercises import BUILTIN_IDS
from unkink.domain.safety.answers import FIELD_NAMES, allowed_values
from unkink.domain.safety.precautions import Mark, derive_precautions, parse_condition

SPEC = Path(__file__).resolve().parents[3] / "shared" / "docs" / "safety-evidence.md"
TODAY = date(2026, 3, 1)

pytestmark = pytest.mark.skipif(
    not SPEC.is_file(), reason=f"specification not found beside the clone: {SPEC}"
)

# Each §3 row label -> a condition entry that falls inside that row's window.
ROW_INPUTS: dict[str, list[dict[str, Any]]] = {
    "osteoporosis (no spinal fracture)": [{"code": "osteoporosis"}],
    "vertebral_fracture_history (>12 wk)": [
        {"code": "vertebral_fracture_history", "weeks_since": 12.1},
        {"code": "vertebral_fracture_history", "weeks_since": 200},
    ],
    "vertebral_fracture_recent (<12 wk)": [
        {"code": "vertebral_fracture_recent", "weeks_since": 0},
        {"code": "vertebral_fracture_recent", "weeks_since": 11.9},
    ],
    "pregnancy <13 wk": [{"code": "pregnancy", "weeks": w} for w in (4, 12, 12.9)],
    "pregnancy 13–27 wk": [{"code": "pregnancy", "weeks": w} for w in (13, 20, 27, 27.9)],
    "pregnancy ≥28 wk": [{"code": "pregnancy", "weeks": w} for w in (28, 40)],
    "acute_sciatica (<6 wk, screened)": [{"code": "acute_sciatica"}],
    "lumbar_spinal_stenosis": [{"code": "lumbar_spinal_stenosis"}],
    "spondylolisthesis (symptomatic)": [{"code": "spondylolisthesis"}],
    "spinal_surgery (<26 wk and not cleared)": [
        {"code": "spinal_surgery", "weeks_since": w} for w in (0, 25.9)
    ],
    "abdominal_surgery incl. caesarean (<6 wk)": [
        {"code": "abdominal_surgery", "weeks_since": w} for w in (0, 5.9)
    ],
    "hip_replacement posterior or unknown (<12 wk)": [
        {"code": "hip_replacement", "weeks_since": 11.9, "approach": "posterior"},
        {"code": "hip_replacement", "weeks_since": 1, "approach": "unknown"},
        {"code": "hip_replacement", "weeks_since": 1},
    ],
    "hip_replacement anterior (<12 wk)": [
        {"code": "hip_replacement", "weeks_since": w, "approach": "anterior"} for w in (0, 11.9)
    ],
    "acute_nonspecific_low_back_pain": [{"code": "acute_nonspecific_low_back_pain"}],
}
SPEC_MARK = {"X": Mark.MUST_NOT, "M": Mark.MODIFY, "·": Mark.OFFER}


def _section(title_start: str) -> str:
    text = SPEC.read_text("utf-8")
    start = text.index(title_start)
    end = text.find("\n## ", start + 1)
    nxt = text.find("\n### ", start + 1)
    ends = [e for e in (end, nxt) if e != -1]
    return text[start : min(ends) if ends else len(text)]


def _spec_table() -> tuple[list[str], dict[str, list[str]]]:
    """(exercise ids in column order, {row label: marks}) from the §3 markdown table."""
    lines = [ln for ln in _section("## 3. Precautions").splitlines() if ln.startswith("|")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header[0].startswith("condition") and header[-1] == "basis"
    columns = []
    for short in header[1:-1]:
        matches = [e for e in BUILTIN_IDS if e.startswith(short)]
        assert len(matches) == 1, f"column {short!r} matches {matches}"
        columns.append(matches[0])
    rows = {}
    for line in lines[2:]:  # skip the |---| line
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows[cells[0]] = cells[1 : 1 + len(columns)]
    return columns, rows


def test_spec_table_has_every_builtin_as_a_column() -> None:
    columns, _ = _spec_table()
    assert sorted(columns) == sorted(BUILTIN_IDS)


def test_every_spec_row_is_covered_here() -> None:
    _, rows = _spec_table()
    assert set(rows) == set(ROW_INPUTS), "the §3 table changed: update ROW_INPUTS and the code"


@pytest.mark.parametrize("label", sorted(ROW_INPUTS))
def test_every_cell_of_the_spec_table(label: str) -> None:
    columns, rows = _spec_table()
    expected = {e: SPEC_MARK[cell] for e, cell in zip(columns, rows[label], strict=True)}
    for entry in ROW_INPUTS[label]:
        got = derive_precautions([parse_condition(entry)], today=TODAY)
        assert {e: got.mark_for(e) for e in columns} == expected, (label, entry)


def test_outside_the_windows_is_normal() -> None:
    for entry in (
        {"code": "spinal_surgery", "weeks_since": 3, "cleared_by_surgical_team": True},
        {"code": "spinal_surgery", "weeks_since": 26},
        {"code": "hip_replacement", "weeks_since": 12},
        {"code": "hip_replacement", "weeks_since": 12, "approach": "anterior"},
        {"code": "abdominal_surgery", "weeks_since": 6},
    ):
        got = derive_precautions([parse_condition(entry)], today=TODAY)
        assert all(got.mark_for(e) is Mark.OFFER for e in BUILTIN_IDS), entry


def test_screening_fields_match_section_2_4() -> None:
    section = _section("### 2.4")
    body = section.split("\n", 1)[1].split("Ask in plain words")[0]
    names = re.findall(r"`([a-z0-9_]+)`(?:\s*\(([^)]*)\))?", body)
    spec_fields = [n for n, _ in names]
    assert spec_fields == list(FIELD_NAMES)
    for name, values in names:
        if "|" in values:  # the value list ends where the description starts (":" or ";")
            listed = re.split(r"[:;]", values, maxsplit=1)[0]
            assert set(listed.split("|")) == set(allowed_values(name)), name
    spa = re.search(r"`spa_features` \(list of NG65 items:\s*(.*?)\)", body, re.S)
    assert spa is not None
    items = [s.strip() for s in spa.group(1).replace("\n", " ").split(",")]
    assert set(items) == set(allowed_values("spa_features"))


BONE_ROWS = {"osteoporosis (no spinal fracture)", "vertebral_fracture_history (>12 wk)"}
NO_ARCH_ROWS = {"lumbar_spinal_stenosis", "spondylolisthesis (symptomatic)"}


def test_two_conditions_take_the_strictest_spec_mark_per_exercise() -> None:
    """§3: X beats M beats ·, for every pair of rows (cell by cell from the spec).

    The one documented exception (``precaution_table.CONFLICTING_TOPICS``): cat and camel with
    both "no rounding" (bone) and "no sagging" (stenosis, spondylolisthesis) is not offered.
    """
    columns, rows = _spec_table()
    labels = sorted(ROW_INPUTS)
    for i, a in enumerate(labels):
        for b in labels[i:]:
            got = derive_precautions(
                [parse_condition(ROW_INPUTS[a][0]), parse_condition(ROW_INPUTS[b][0])],
                today=TODAY,
            )
            for col, ca, cb in zip(columns, rows[a], rows[b], strict=True):
                want = max(SPEC_MARK[ca], SPEC_MARK[cb], key=lambda m: m.strictness)
                if col == "cat_camel" and {a, b} & BONE_ROWS and {a, b} & NO_ARCH_ROWS:
                    want = Mark.MUST_NOT
                assert got.mark_for(col) is want, (a, b, col)
