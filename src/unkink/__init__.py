"""unkink: a local-first, safety-first back-stretching coach."""

__version__ = "0.1.0"
