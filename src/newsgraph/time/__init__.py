"""Temporal expressions: find, type and normalise them against the publication date."""
