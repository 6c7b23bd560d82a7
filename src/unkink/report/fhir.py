"""The FHIR JSON: an R4-style ``Bundle`` (type collection) of ``Observation`` (weekly pain,
LOINC 72514-3, ``valueInteger``) and ``QuestionnaireResponse`` (PSFS) resources.

Validated with fhir.resources' R4B models (the package's default is R5; R4B is the nearest to
R4 it ships). No Patient resource: the file is the person's own, given by hand. Times carry this
computer's UTC offset, as FHIR requires; ids are UUID5 of the record, so output is repeatable.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from unkink.services.report import ReportData, local_time

NAMESPACE = uuid.UUID("6f1c3c2e-8a57-4e0a-9a3e-2a4f1d0b7c11")
NRS_CODE = {
    "system": "http://loinc.org",
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
PSFS_QUESTIONNAIRE = "urn:unkink:questionnaire:psfs"


def _id(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def resources(data: ReportData) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for check in data.insights.checks:
        key, when = check.recorded_at.isoformat(), local_time(check.recorded_at)
        if check.pain is not None:
            found.append(
                {
                    "resourceType": "Observation",
                    "id": _id("nrs", key),
                    "status": "final",
                    "category": [SURVEY],
                    "code": {"coding": [NRS_CODE], "text": "Back pain over the past week, 0-10"},
                    "effectiveDateTime": when,
                    "valueInteger": check.pain,
                }
            )
        if check.scores:
            found.append(
                {
                    "resourceType": "QuestionnaireResponse",
                    "id": _id("psfs", key),
                    "questionnaire": PSFS_QUESTIONNAIRE,
                    "status": "completed",
                    "authored": when,
                    "item": [
                        {
                            "linkId": f"psfs-{i}",
                            "text": activity,
                            "answer": [{"valueInteger": score}],
                        }
                        for i, (activity, score) in enumerate(check.scores.items(), start=1)
                    ],
                }
            )
    return found


def bundle(data: ReportData) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "id": _id("bundle", data.made_on.isoformat()),
        "type": "collection",
        "timestamp": local_time(_midday(data)),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources(data)],
    }


def _midday(data: ReportData) -> Any:
    from datetime import datetime, time

    return datetime.combine(data.made_on, time(12, 0))


def bundle_json(data: ReportData) -> str:
    """The Bundle as JSON, after the R4B models accept it (a ValidationError otherwise)."""
    from fhir.resources.R4B.bundle import Bundle

    raw = bundle(data)
    Bundle.model_validate(raw)
    return json.dumps(raw, indent=2, ensure_ascii=False) + "\n"
