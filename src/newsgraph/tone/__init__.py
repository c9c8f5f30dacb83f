"""Tone: a negation-aware lexicon score per article, in the spirit of GDELT's AvgTone."""
