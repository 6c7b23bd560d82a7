"""Writers of the clinician summary: PDF (reportlab), FHIR R4B JSON, CSV. Imported only by
``services.report.render``, so the heavy libraries load only when a report is made."""
