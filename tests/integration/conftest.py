"""Integration tier: real SQLite files and a real PostgreSQL server; no mocks of our code."""
