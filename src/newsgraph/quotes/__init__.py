"""Quotes and their speakers: direct (in quotation marks), partial and indirect (reported)."""
