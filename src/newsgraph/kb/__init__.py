"""The actor knowledge base shared by entities, events and quotes.

``load_kb()`` reads it once; ``lookup(name, on_date)`` finds actors by any spelling,
``Actor.code_on(date)`` gives the CAMEO code valid then, ``role_code``/``country_of``/
``phrase_code`` read role descriptions ("der russische Präsident" -> RUSGOV).
"""

from __future__ import annotations

from .model import Actor, Period
from .names import name_key
from .store import KnowledgeBase, load_kb

__all__ = ["Actor", "KnowledgeBase", "Period", "load_kb", "name_key"]
