"""Language id, tokens, sentences, POS and lemmas (built-in German/English, or a user's spaCy)."""
