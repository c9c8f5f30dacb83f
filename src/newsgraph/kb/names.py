"""Name keys: one spelling-independent key for the German and English forms of a name.

German and English news transliterate Russian, Ukrainian, Arabic and Persian names
differently ("Sergej Schoigu" / "Sergey Shoygu", "Lawrow" / "Lavrov", "Chamenei" /
"Khamenei"). The key folds diacritics and case, drops punctuation, and maps the usual
German/English transliteration pairs onto one form, so either spelling finds the same KB
actor. It is only ever compared with other keys, never shown.
"""

from __future__ import annotations

import re
import unicodedata

# Order matters: longer German clusters first ("tsch" before "sch").
_FOLDS = (
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ou", "u"),
    ("j", "y"),
    ("y", "i"),
    ("w", "v"),
)
_PUNCT = re.compile(r"[\s\-‐–.'’`,/()]+")
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Case and diacritics folded, punctuation as single spaces: "Sa'ar" -> "sa ar"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    ascii_ = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _PUNCT.sub(" ", ascii_).strip()


def name_key(text: str) -> str:
    """The comparison key of a name: "Sergej Schoigu" and "Sergey Shoygu" -> "sergei shoigu"."""
    key = fold(text)
    for old, new in _FOLDS:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)
