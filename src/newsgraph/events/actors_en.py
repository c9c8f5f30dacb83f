"""CAMEO actor codes for English noun phrases (Penn tags), from the Phoenix dictionaries:
organisations, countries (names, adjectives, cities), leaders with dated codes, and agent
nouns ("police" -> COP). Same contract as the German resolver: code or None."""

from __future__ import annotations

from collections.abc import Sequence

from .actors import Period, Word, _ascii, _period_code, _persons, _rows

NAME_TAGS = frozenset({"NNP", "NNPS"})


class EnglishResolver:
    def __init__(self) -> None:
        self.igos = dict(_rows("events_igos_en.tsv"))
        self.countries = dict(_rows("events_countries_en.tsv"))
        self.agents = dict(_rows("events_agents_en.tsv"))
        self.persons, self.surnames = _persons()
        self.iso3 = frozenset(c for c in self.countries.values() if len(c) == 3)

    def _ngram(self, table: dict[str, str], words: Sequence[str]) -> str | None:
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                key = " ".join(words[i : i + n])
                if key in table:
                    return table[key]
        return None

    def person(self, words: Sequence[Word], on: str | None) -> str | None:
        names = [_ascii(w.text.lower()) for w in words if w.tag in NAME_TAGS]
        if not names:
            return None
        periods: list[Period] | None = self.persons.get(" ".join(names))
        if periods is None and names[-1] not in self.countries:
            periods = self.surnames.get(names[-1])
        return _period_code(periods, on) if periods else None

    def role(self, words: Sequence[Word]) -> str | None:
        for word in reversed(words):
            if word.tag.startswith("NN"):
                code = self.agents.get(word.lemma.lower()) or self.agents.get(word.text.lower())
                if code:
                    return code
        return None

    def resolve(self, words: Sequence[Word], on: str | None = None) -> str | None:
        low = [w.text.lower() for w in words]
        igo = self._ngram(self.igos, low)
        if igo:
            return igo
        person = self.person(words, on)
        if person:
            return person
        country = self._ngram(self.countries, [w.replace("'s", "") for w in low])
        role = self.role(words)
        if country and role and len(country) == 3:
            return country + role
        return country or role
