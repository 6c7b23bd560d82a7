"""Use cases, one module per feature (sessions, safety, ...).

A package rather than the style guide's single ``services.py``: with five features a single
module would pass 600 lines. Functions take keyword-only arguments: a unit of work, the
catalogue, clocks or ``now``/``today`` values, so the CLI, the web app and tests call the
same code.
"""
