"""Bayan: analysis-report sites for official Arabic statements."""

SCHEMA = "bayan/analysis@1"
